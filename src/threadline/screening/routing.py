"""Which worker screens a row: every row of one supplier goes to the same worker, new suppliers to the least busy.

Each worker remembers what it found per name key (:mod:`threadline.matching.namework`) and per query
(:mod:`threadline.screening.memo`), but not what the other workers found. A supplier file writes one supplier many
ways (upper case, another legal form, another country), and the bench file's rows were split among two workers
batch by batch, so most of those spellings met a worker that had not seen the supplier. Sending the rows of one
supplier to one worker lets it answer them from what it found the first time.

The supplier is told by :func:`route_key`, a rough and cheap form of the name key (the parent computes it for every
row while the workers match): case, punctuation and a trailing legal form do not count. Two spellings it tells apart
only cost a worker what it would have cost anyway; results never depend on the route.
"""

from __future__ import annotations

import re
from collections import OrderedDict

ROUTES_REMEMBERED = 50_000
"""Suppliers whose worker is remembered (least recently seen first out), as many as a worker's memo has queries."""
SPILL = 512
"""Rows a supplier's worker may have in hand beyond the least busy one's before that supplier's next row goes to the
least busy one instead: a file that is mostly one supplier (a customs extract repeating a shipper on every line)
still keeps every worker busy with its addresses and products."""

_WORDS = re.compile(r"[^\W_]+")
_LATIN_FORMS = frozenset(
    {"co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "company", "llc", "plc", "gmbh", "ag"}
    | {"sa", "srl", "spa", "bv", "nv", "pte", "pty", "sdn", "bhd", "kk", "oy", "ab", "as", "jsc", "pjsc", "ooo"}
)
_HAN_FORMS = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$")


def route_key(name: str) -> str:
    """``name`` folded for routing: lower case, words only, without trailing legal forms ("ACME Trading Co., Ltd."
    and "Acme Trading Limited" -> "acme trading"; 中泰化学股份有限公司 and 中泰化学有限公司 -> 中泰化学)."""
    words = _WORDS.findall(name.casefold())
    while len(words) > 1 and words[-1] in _LATIN_FORMS:
        words.pop()
    if words:
        words[-1] = _HAN_FORMS.sub("", words[-1]) or words[-1]
    return " ".join(words)


class Router:
    """Sends each supplier's rows to one worker, a new supplier to the worker with the fewest rows in hand (and a
    row of a supplier whose worker has :data:`SPILL` rows more in hand than another to that other)."""

    def __init__(self, workers: int, size: int = ROUTES_REMEMBERED) -> None:
        self.size = size
        self.in_hand = [0] * workers
        """Rows sent to each worker (or waiting to be sent) whose results are not back yet."""
        self._where: OrderedDict[str, int] = OrderedDict()

    def route(self, name: str) -> int:
        """The worker for a row with this name (counted as in its hands until :meth:`back`)."""
        key = route_key(name)
        worker = self._where.get(key)
        if worker is None:
            worker = min(range(len(self.in_hand)), key=self.in_hand.__getitem__)
            self._where[key] = worker
            if len(self._where) > self.size:
                self._where.popitem(last=False)
        else:
            self._where.move_to_end(key)
            least = min(range(len(self.in_hand)), key=self.in_hand.__getitem__)
            if self.in_hand[worker] - self.in_hand[least] > SPILL:
                worker = least  # this row only: the supplier stays with its worker
        self.in_hand[worker] += 1
        return worker

    def back(self, worker: int, rows: int) -> None:
        """``rows`` results came back from ``worker``."""
        self.in_hand[worker] -= rows
