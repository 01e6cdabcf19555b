"""List loaders, one module per format, behind :mod:`threadline.sources.registry`."""
