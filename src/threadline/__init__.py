"""threadline: human-rights due diligence for supply chains."""

__version__ = "0.1.0"
