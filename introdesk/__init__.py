"""introdesk: introductions, the promises made in them, and who kept them."""

# The one place the version is written (pyproject.toml reads it from here): asking the
# installed metadata instead cost a tenth of the window's first paint.
__version__ = "0.1.0"

APP_NAME = "introdesk"
