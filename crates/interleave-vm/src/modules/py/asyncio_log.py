"""Logging configuration."""
# Interleave: CPython 3.11's Lib/asyncio/log.py (the package name written out).

import logging


# Name the logger after the package.
logger = logging.getLogger('asyncio')
