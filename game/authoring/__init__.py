"""Authoring: loading scenario files with precise diagnostics, checking, schema."""
