"""threadline: human-rights due diligence for supply chains."""

from threadline.native import guard

__version__ = "0.1.0"

guard()  # before any matching or name module is imported: a compiled module older than its source never runs
