"""One module per `sticky` subcommand; each has ``register(subparsers)``."""
