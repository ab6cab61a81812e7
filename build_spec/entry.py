"""Entry point of the frozen app: the same `introdesk` command as the installed package."""

import sys

from introdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
