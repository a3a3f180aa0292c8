"""The step-up day coordinator.

Kept deliberately empty of imports: `coordinator --help` and the pure domain modules must not
pay for Textual, SQLAlchemy or Jinja at import time.
"""

__version__ = "0.1.0"
