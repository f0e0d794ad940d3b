"""`python -m desk.export`: batch briefing images and data files (see `desk.export.cli`)."""
from desk.export.cli import main

if __name__ == "__main__":
    main()
