"""Alembic migration scripts, shipped inside the package and configured in code."""
