"""The screens of the game window: each a small class with ``handle`` / ``update`` / ``draw``."""
