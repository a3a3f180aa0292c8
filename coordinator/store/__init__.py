"""The local store: SQLModel tables, the engine, migrations and the operations the UI and CLI
call. Nothing here imports Textual; screens never write SQL, they call these functions."""
