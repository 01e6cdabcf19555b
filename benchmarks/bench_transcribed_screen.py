"""Transcribed names screened against the whole packaged list with the pairs' Latin names planted in it: what
`threadline match` finds for each Chinese-character name of the transcribed-persons pairs (transcribed_person_pairs.py),
not just the one Latin name a pair sets it against.

Every Latin name of the pairs file becomes a person entry beside the 36,000 of the packaged lists: a true pair's
Latin name as an entry of that person, a negative's as another person's. Each Chinese name is then matched as a
query, as screening matches it: the index finds candidates by the sound keys of its parts (at most 100), among
thousands of Arabic, Persian and Turkic names that sound alike part by part (Azat ~ Asaad). Per part of the split:
the person's own Latin spellings found at the threshold (recall), and the hits at the threshold of any other person,
planted or listed (false hits; the listed entries of the persons who are on the lists, OFAC's Erkin Tuniyaz, Shohrat
Zakir, Arken Imirbaki and Abdul Haq, count as their own). ``--show`` prints the tuned part's misses and false hits;
the held-out part is only counted.

Usage: .venv/bin/python benchmarks/bench_transcribed_screen.py [--show]
"""

from __future__ import annotations

import sys
import time

from transcribed_person_pairs import _rows, held_out

from threadline import settings
from threadline.matching.model import Query
from threadline.matching.simple import SimpleMatcher
from threadline.model import Entity, Name
from threadline.service import default_store

LISTED = {
    "tuniyaz-erkin": {("ofac-sdn", "34119")},
    "zakir-shohrat": {("ofac-sdn", "34079")},
    "imirbaki-arken": {("ofac-sdn", "30508")},
    "haq-abdul": {("ofac-sdn", "11353"), ("un", "QDi.268")},
}
"""The persons of the pairs who are on the packaged lists, and their entries."""


def planted(rows: list[dict[str, str]]) -> tuple[list[Entity], dict[str, set[str]]]:
    """One person entry per distinct Latin name of the pairs, and the persons each is the name of (none for a name
    that is only a negative's)."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        owners.setdefault(row["latin"], set()).update({row["person"]} if row["label"] == "true" else set())
    entries = {latin: f"n{n}" for n, latin in enumerate(owners)}
    entities = [Entity("pairs", entries[latin], "Person", (Name(latin),)) for latin in owners]
    return entities, {entries[latin]: persons for latin, persons in owners.items()}


def main() -> None:
    show = "--show" in sys.argv
    threshold = settings.match_threshold()
    rows = _rows()
    entities, owners = planted(rows)
    names = {entity.entry_id: entity.names[0].value for entity in entities}
    matcher = SimpleMatcher([*default_store().entities, *entities])
    matcher.match(Query("艾尔肯·吐尼亚孜", "Person"))  # the persons' sound index is built on the first such query
    print(f"| part | names | own spellings found at {threshold} | false hits at {threshold} | ms per name |")
    print("|---|---|---|---|---|")
    for held in (False, True):
        queries = sorted({(row["person"], row["han"]) for row in rows if held_out(row["person"]) == held})
        found = wanted = false = 0
        started = time.perf_counter()
        for person, han in queries:
            hits = matcher.match(Query(han, "Person"), threshold=threshold, limit=100)
            own = {("pairs", entry) for entry, persons in owners.items() if person in persons}
            mine = own | LISTED.get(person, set())
            got = {(h.entity.source, h.entity.entry_id) for h in hits}
            wanted += len(own)
            found += len(own & got)
            others = [h for h in hits if (h.entity.source, h.entity.entry_id) not in mine]
            false += len(others)
            if show and not held:
                for _source, entry in sorted(own - got):
                    print(f"  missed: {han} ~ {names[entry]}")
                for hit in others:
                    where = f"{hit.entity.source} {hit.entity.entry_id}"
                    print(f"  false: {han} ~ {hit.matched_name.value} ({where}) {hit.score:.2f}")
        per_name = (time.perf_counter() - started) / len(queries) * 1000
        part = "held-out" if held else "tuned"
        print(f"| {part} | {len(queries)} | {found} of {wanted} | {false} | {per_name:.0f} |")


if __name__ == "__main__":
    main()
