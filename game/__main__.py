"""`python -m game` does what the `sticky` command does."""

from game.cli import main

raise SystemExit(main())
