"""``python -m sitrep ...``: see :mod:`sitrep.cli`."""
import sys

from .cli import main

sys.exit(main())
