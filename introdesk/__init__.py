"""introdesk: introductions, the promises made in them, and who kept them."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("introdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "introdesk"
