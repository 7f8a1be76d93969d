"""Sticky Situations: a training game about handling difficult clients."""

__version__ = "0.1.0"
