"""One module per ``sitrep`` subcommand; each has ``register(subcommands)`` that adds its
parser and sets ``handler`` (a function of the parsed args returning the exit code)."""
from .. import bench
from . import article, eval, export, place, query, report, search

MODULES = (query, export, place, article, search, report, eval, bench)
