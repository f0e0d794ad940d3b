"""`python -m extract.evaluate`: the evaluation command line (extract.evaluate.cli)."""
import sys

from extract.evaluate.cli import main

sys.exit(main())
