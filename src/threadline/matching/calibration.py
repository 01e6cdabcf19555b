"""Turn a raw cross-script alignment score into the probability that the names belong to the same company.

The table (``resources/calibration/han_latin.csv``) is fitted by ``scripts/build_calibration.py`` with isotonic
regression on the training part of the real Chinese/English company name pairs: each company's Chinese name against
its own English name (a match), against the English name of another company from the same province, against one
from the same province and industry, against the best-aligned wrong English name the candidate index retrieves,
and against every other retrieved wrong name, these together weighing one more pair (not matches). Each of
:data:`GROUPS` is fitted apart: with the trade name in common, an industry term left unexplained (热电 = "Thermal
Power" missing from the glossary) says far less than an unexplained trade name does, and a leftover spelled in
pinyin ("Yibai") far more than an English brand ("Weaver"). Between breakpoints the probability is interpolated
linearly.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from threadline.settings import RESOURCES_DIR

TABLE = RESOURCES_DIR / "calibration" / "han_latin.csv"


def isotonic(points: Sequence[tuple[float, bool]], weights: Sequence[float] | None = None) -> list[tuple[float, float]]:
    """Pool-adjacent-violators fit: ``(score, label)`` -> non-decreasing ``(score, probability)`` breakpoints, each
    point weighing ``weights[i]`` (1 without). Points of the same score are pooled first: one score gets one
    probability. Left unpooled, the wrong candidates sorted before the matches at a score shared by hundreds of pairs
    (alignment 0.75 in the ``conflict`` group) fell into the block below and the matches into the block above, and
    the breakpoints between read that score as 0.92 when 113 of the 177 training pairs there match."""
    weighed = sorted(zip(points, weights if weights is not None else [1.0] * len(points), strict=True))
    blocks: list[list[float]] = []  # [weighed sum of labels, weight, lowest score, highest score]
    for (score, label), weight in weighed:
        if blocks and blocks[-1][2] == score:
            blocks[-1][0] += weight * label
            blocks[-1][1] += weight
            continue
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            _pool(blocks)
        blocks.append([weight * label, weight, score, score])
    while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
        _pool(blocks)
    out: list[tuple[float, float]] = []
    for total, count, low, high in blocks:
        out.append((round((low + high) / 2, 4), round(total / count, 4)))
    return out


def _pool(blocks: list[list[float]]) -> None:
    """Merge the last block into the one before it."""
    last = blocks.pop()
    blocks[-1][0] += last[0]
    blocks[-1][1] += last[1]
    blocks[-1][3] = last[3]


GROUPS = (
    "trade_name",
    "rendering",
    "rendering_pinyin",
    "conflict",
    "conflict_sound",
    "conflict_terms",
    "conflict_pinyin",
    "other_place",
    "other",
)
"""The groups of the table, each fitted apart:

- ``trade_name``: the names share a trade name by pinyin;
- ``rendering``: the English trade name is a free rendering of the Chinese one ("Desay" for 德赛, desai);
- ``rendering_pinyin``: the same, but the rendering is itself pinyin ("Dongxing" for 东北, dongbei): far more often
  the trade name of another Chinese company than a rendering of this one's. Among the training pairs aligned at 0.7
  or more, 213 matches against 5 wrong candidates rendered by a word that is no pinyin, 60 against 101 by one that
  is (held out: 56 against 3, and 7 against 8);
- ``conflict``: each side keeps a part of its own unexplained: often two different trade names beside the same
  place and industry, sometimes a brand (泛微 = "Weaver");
- ``conflict_sound``: the same, but the English leftover sounds like the pinyin of the Chinese one (京蓝 jinglan /
  "Kingland", :mod:`threadline.names.brandsound`): a brand chosen for this company, far more often than another
  company's trade name on these pairs; against a large list, chance sound-alikes are common, so the matcher
  caps the group's score below the threshold (``simple.SOUND_CAP``);
- ``conflict_terms``: both leftovers are terms the glossary knows, and they differ (化学 vs "nuclear");
- ``conflict_pinyin``: what the English name keeps is the pinyin of other characters (信邦 vs "Yibai"): another
  Chinese company's trade name;
- ``other_place``: the English name keeps a Chinese province or prefecture unexplained ("Henan Zhongfu Industrial"
  vs 珠海中富实业): the same trade name in another place, whatever else is shared;
- ``other``: the rest (one side fully explained).

Not a group: an English leftover that begins like the Chinese leftover's pinyin (佳沃 jiawo / "Joyvio") is six times
as common among matches as among other companies of the same place, and fitted apart it raised held-out recall from
0.524 to 0.549; but its table credits pairs with little aligned, so the pruning bound let five times as many pairs
through to the aligner (screening 35 % slower), and in screening a first letter in common with one of thirty
neighbours is no rarity."""
TRADE_NAME, RENDERING, RENDERING_PINYIN, CONFLICT, CONFLICT_SOUND = GROUPS[:5]
CONFLICT_TERMS, CONFLICT_PINYIN, OTHER_PLACE, OTHER = GROUPS[5:]


@lru_cache(maxsize=len(GROUPS))
def _table(group: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    with TABLE.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#")) if r["group"] == group]
    return tuple(float(r["score"]) for r in rows), tuple(float(r["probability"]) for r in rows)


def calibrate(score: float, group: str = OTHER) -> float:
    """Probability of a match for a raw alignment score in [0, 1], within one of :data:`GROUPS`."""
    xs, ys = _table(group)
    if score <= xs[0]:
        return ys[0]
    if score >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, score)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1
