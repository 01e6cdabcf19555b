"""Sector detection from product words, measured against the HS mapping, with a one-word baseline in the same job.

Every HS 2022 subheading (5,613) has an official description ("Cotton yarn; (not sewing thread), single, ...").
The truth for a subheading is the set of UFLPA sectors its code maps to (``resources/sectors/uflpa_hs.csv``, itself
compiled for threadline); the prediction is what ``classify(description, None)`` finds in the words alone. So
this measures how well product words stand in for a code when a supplier file has none. The baseline looks for the
sector's own name only ("cotton", "steel", "tomato" ...), as a keyword filter would.

Usage: .venv/bin/python benchmarks/bench_sectors.py
"""

from __future__ import annotations

import re
import time
from collections import Counter

from threadline.risk.hs import nomenclature
from threadline.risk.sector import KEYWORDS, classify, sectors_for_hs

BASELINE_WORDS = {
    "Apparel": "apparel",
    "Cotton and cotton products": "cotton",
    "Tomatoes and downstream products": "tomato",
    "Silica-based products (incl. polysilicon)": "polysilicon",
    "Aluminum": "aluminium",
    "Polyvinyl chloride (PVC)": "polyvinyl chloride",
    "Seafood": "seafood",
    "Steel": "steel",
    "Copper": "copper",
    "Lithium": "lithium",
    "Caustic soda": "caustic soda",
    "Red dates (jujubes)": "jujube",
}


def baseline(description: str) -> set[str]:
    lowered = description.lower()
    return {sector for sector, word in BASELINE_WORDS.items() if re.search(rf"\b{word}", lowered)}


def main() -> None:
    subheadings = {code: text for code, text in nomenclature().items() if len(code) == 6}
    truth = {code: set(sectors_for_hs(code)) for code in subheadings}
    for engine in ("threadline", "one-word baseline"):
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        start = time.perf_counter()
        for code, text in subheadings.items():
            found = set(classify(text, None).sectors) if engine == "threadline" else baseline(text)
            for sector in found & truth[code]:
                tp[sector] += 1
            for sector in found - truth[code]:
                fp[sector] += 1
            for sector in truth[code] - found:
                fn[sector] += 1
        seconds = time.perf_counter() - start
        print(f"\n{engine}: {len(subheadings):,} descriptions in {seconds:.2f} s")
        print("| sector | HS subheadings | precision | recall | F1 |")
        print("|---|---|---|---|---|")
        for sector in [*KEYWORDS, "all"]:
            t = sum(tp.values()) if sector == "all" else tp[sector]
            f = sum(fp.values()) if sector == "all" else fp[sector]
            n = sum(fn.values()) if sector == "all" else fn[sector]
            p = t / (t + f) if t + f else 0.0
            r = t / (t + n) if t + n else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"| {sector} | {t + n} | {p:.3f} | {r:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
