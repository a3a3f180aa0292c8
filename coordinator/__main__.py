"""Allow `python -m coordinator` (the same entry as the `coordinator` script)."""

from coordinator.launch import main

main()
