"""Sitrep command-line tools (``python -m sitrep`` or the ``sitrep`` console script)."""
