"""Charts: matplotlib Figures in Qt canvases, imported only when the first chart is shown."""
