"""The desktop UI: PySide6 widgets over the `Desk` services. The only layer that imports Qt."""

from introdesk.ui.main_window import MainWindow

__all__ = ["MainWindow"]
