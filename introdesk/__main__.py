"""`python -m introdesk` behaves exactly like the `introdesk` command."""

import sys

from introdesk.cli import main

sys.exit(main())
