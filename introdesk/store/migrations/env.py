"""Alembic environment. The app passes an open connection; no alembic.ini, no logging setup.

Alembic's stock env.py calls fileConfig(), which would silence the app's own loggers.
"""

from __future__ import annotations

from alembic import context

from introdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app drives migrations
    raise RuntimeError("introdesk migrations run through introdesk.store.schema.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode recreates tables (with foreign keys off).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
