"""Where list versions live: the snapshot files on disk and the in-memory store built from them."""

from threadline.store.memory import ListStore

__all__ = ["ListStore"]
