"""``python -m slacalc``: the command line."""

import sys

from slacalc.cli import main

if __name__ == "__main__":
    sys.exit(main())
