"""Decide which candidate mentions are links to list entries, score them and say why.

Precision first. A candidate starts from how its name was found (an exact list name scores more than a reordered
name, a slip or a name read by the sound of its characters) and is then:

- **rejected** when a person's name is described as someone who is not the listed party ("said X, a campaigner",
  "journalist X", 记者X), when it is part of a longer name ("Soe Win Aung"), when a Latin name is not written as a
  name (not capitalised; an acronym not in capitals), or when a Chinese name read by sound does not begin with a
  Chinese family name;
- **held until corroborated** when the name alone says too little: a weak alias, a one-word name or an acronym, a
  name of eight letters or less ("Soe Win"), a two-character Chinese name. Corroboration is a title next to
  a person's name, the entry's country (or a Xinjiang place) or sanctions vocabulary in the sentence, or another,
  unambiguous name of the same entry linked elsewhere in the document ("Xinjiang Production and Construction Corps
  (XPCC)" corroborates a later "XPCC");
- **boosted** a little by any of those cues when it does not need them.

A linked organisation also links its entries on other lists that carry the same full name (the XPCC is listed by
OFAC, UFLPA and BIS; an article's "XPCC" matches only the lists that give that acronym).

A candidate whose span lies inside a longer linked one ("Min Aung" inside "Min Aung Hlaing") is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from threadline.evidence import context
from threadline.evidence.mentions import Candidate, MentionIndex
from threadline.evidence.model import Document, Link
from threadline.evidence.names import syllable_count
from threadline.evidence.text import quote

DEFAULT_THRESHOLD = 0.80
BASE_SCORE = {
    "characters": 0.97,
    "as listed": 0.95,
    "without brackets": 0.95,
    "acronym": 0.95,
    "without legal form": 0.93,
    "reordered": 0.93,
    "pinyin": 0.88,
}
SLIP_COST = 0.08
SAME_PARTY_COST = 0.03
CORROBORATED_BONUS = 0.03
UNCORROBORATED_CAP = 0.5
WEAK_COST = 0.10
FORMER_COST = 0.03
SHORT_NAME_LETTERS = 8
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
    "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
    "瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
"""Common Chinese family names: a name read by sound must begin with one (about 300 cover most people)."""


@dataclass(frozen=True, slots=True)
class Decision:
    candidate: Candidate
    score: float
    reason: str
    needs: str | None = None
    """Why the name needs corroboration, when it does and has none yet."""
    rejected: str | None = None


def _country_groups(index: MentionIndex) -> dict[int, frozenset[str]]:
    """Each entity's countries, borrowing those of entries with the same name in other lists (the UK and EU
    lists often give none: "ZHU HAILUN" takes OFAC's ``cn``)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for form in index.forms:
        by_key[form.key].update(index.entities[form.entity].countries)
    found: dict[int, set[str]] = defaultdict(set)
    for form in index.forms:
        if form.variant in ("as listed", "reordered", "characters"):
            found[form.entity] |= by_key[form.key]
    return {entity: frozenset(countries) for entity, countries in found.items()}


def _same_party(index: MentionIndex) -> dict[int, list[tuple[int, str]]]:
    """Organisations listed under the same full name by different lists (the XPCC on the SDN, UFLPA and BIS
    lists): entity -> [(other entity, the shared name)]. Only names of two words and nine letters or more."""
    by_key: dict[str, set[int]] = defaultdict(set)
    for form in index.forms:
        entity = index.entities[form.entity]
        strong = form.variant in ("as listed", "without brackets", "without legal form") and form.name.kind != "weak"
        if strong and entity.schema != "Person" and " " in form.key and len(form.key.replace(" ", "")) > 8:
            by_key[form.key].add(form.entity)
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for shared, members in by_key.items():
        for member in members:
            found[member].extend((other, shared) for other in sorted(members) if other != member)
    return dict(found)


class Linker:
    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self._countries = _country_groups(index)
        self._same = _same_party(index)
        self._position = {id(entity): i for i, entity in enumerate(index.entities)}

    def countries(self, candidate: Candidate) -> frozenset[str]:
        own = frozenset(candidate.entity.countries)
        position = self._position.get(id(candidate.entity))
        return own | (self._countries.get(position, frozenset()) if position is not None else frozenset())

    def decide(self, candidate: Candidate, text: str) -> Decision:
        """Score one candidate on its own and its sentence (document-wide corroboration comes later)."""
        c = candidate
        person = c.entity.schema == "Person"
        score, how = _base(c)
        notes = [how]
        rejected = _form_problem(c, person)
        if rejected is None:  # roles are checked for organisations too: "Wang Wei" is also a listed company
            role = context.role_cue(text, c.start, c.end)
            latin_person = person and c.variant not in ("pinyin", "characters", "matcher")
            longer = context.longer_name(text, c.start, c.end) if latin_person else None
            if role:
                rejected = f"described as {role!r}: not the listed person"
            elif longer:
                rejected = f"part of a longer name (next to {longer!r})"
        if rejected:
            return Decision(c, 0.0, "; ".join(notes), rejected=rejected)
        if c.name.kind == "weak":
            score -= WEAK_COST
            notes.append(f"weak alias -{WEAK_COST:.2f}")
        elif c.name.kind == "former":
            score -= FORMER_COST
            notes.append(f"former name -{FORMER_COST:.2f}")
        needs = _needs_corroboration(c, person)
        # A short Chinese personal name ("Wang Wei") is shared by many thousands of people, most of them in China:
        # the country or sanctions wording nearby says nothing about which one; only a title next to it does.
        title_only = needs is not None and needs.startswith("short name") and chinese_name_like(c.text)
        cue = self._cue(c, text, person or title_only, title_only)
        if cue:
            score = min(0.99, score + CORROBORATED_BONUS)
            notes.append(f"{cue} +{CORROBORATED_BONUS:.2f}")
            needs = None
        elif needs:
            notes.append(f"{needs}: needs corroboration")
        return Decision(c, score, "; ".join(notes), needs=needs)

    def _cue(self, c: Candidate, text: str, person: bool, title_only: bool = False) -> str | None:
        if person:
            title = context.title_cue(text, c.start, c.end)
            if title:
                return f"title {title!r}"
        if title_only:
            return None
        place = context.place_cue(text, c.start, c.end, self.countries(c))
        if place:
            return f"the entry's country or region named nearby ({place!r})"
        sanctions = context.sanctions_cue(text, c.start, c.end)
        return f"sanctions context ({sanctions!r})" if sanctions else None

    def link(self, document: Document, threshold: float = DEFAULT_THRESHOLD) -> list[Link]:
        """The links of one document, in reading order."""
        decisions = [self.decide(c, document.text) for c in self.index.find(document.text)]
        settled = {_ident(d.candidate) for d in decisions if not d.rejected and not d.needs and d.score >= threshold}
        final: list[Decision] = []
        for d in decisions:
            if d.rejected:
                continue
            if d.needs and _ident(d.candidate) in settled:
                d = replace(d, needs=None, reason=f"{d.reason}; corroborated by another name of the entry in the "
                                                 "document")  # fmt: skip
            if d.needs:
                continue
            if d.score >= threshold:
                final.append(d)
        same = [d for d in self._same_party_links(final) if d.score >= threshold]
        kept = _outermost(final + same)
        return [_to_link(d, document) for d in kept]

    def _same_party_links(self, decisions: list[Decision]) -> list[Decision]:
        """A linked organisation's entries on other lists that carry the same full name ("XPCC" on the UFLPA list
        links the SDN's "Xinjiang Production and Construction Corps" too)."""
        direct = {(d.candidate.start, d.candidate.end, *_ident(d.candidate)) for d in decisions}
        extra: dict[tuple[int, int, str, str], Decision] = {}
        for d in decisions:
            c = d.candidate
            position = self._position.get(id(c.entity))
            for other, shared in self._same.get(position, []) if position is not None else []:
                entity = self.index.entities[other]
                ident = (c.start, c.end, entity.source, entity.entry_id)
                if ident in direct or (ident in extra and extra[ident].score >= d.score - SAME_PARTY_COST):
                    continue
                reason = (f"{d.reason}; via {c.entity.source} {c.entity.entry_id}: the same party, both lists name "
                          f"it {shared!r} -{SAME_PARTY_COST:.2f}")  # fmt: skip
                candidate = replace(c, entity=entity, name=entity.names[0], variant="same party")
                extra[ident] = Decision(candidate, d.score - SAME_PARTY_COST, reason)
        return list(extra.values())

    def explain(self, document: Document) -> list[Decision]:
        """Every candidate's decision, accepted or not (for diagnostics and tests)."""
        return [self.decide(c, document.text) for c in self.index.find(document.text)]


def _ident(c: Candidate) -> tuple[str, str]:
    return (c.entity.source, c.entity.entry_id)


def _base(c: Candidate) -> tuple[float, str]:
    label = "primary name" if c.name.kind == "primary" else f"{c.name.kind} name"
    if c.variant == "matcher":
        return c.similarity * 0.95, f"Chinese name ~ {label} {c.name.value!r} by the cross-script matcher " \
                                    f"({c.similarity:.2f}) x0.95"  # fmt: skip
    base = BASE_SCORE.get(c.variant, 0.9)
    how = {
        "as listed": f"{label} {c.name.value!r}",
        "without brackets": f"{label} {c.name.value!r} without its bracketed part",
        "acronym": f"acronym of {label} {c.name.value!r}",
        "without legal form": f"{label} {c.name.value!r} without its legal form",
        "reordered": f"{label} {c.name.value!r}, other name order",
        "pinyin": f"{label} {c.name.value!r}, read from the Chinese characters by pinyin",
        "characters": f"{label} {c.name.value!r} in Chinese characters",
    }[c.variant]
    if c.similarity < 1.0:
        return base - SLIP_COST, f"{how}, found with a slip: {c.detail} -{SLIP_COST:.2f}"
    return base, how


def _form_problem(c: Candidate, person: bool) -> str | None:
    """Why the text cannot be this name as written, or ``None``."""
    if c.variant == "pinyin":
        return None if c.text[:1] in CHINESE_SURNAMES else f"{c.text!r} does not begin with a Chinese family name"
    if c.variant in ("characters", "matcher"):
        return None
    if c.variant == "acronym" or (len(c.text) <= 5 and c.name.value.isupper() and " " not in c.name.value.strip()):
        return None if c.text.isupper() else f"acronym {c.text!r} not written in capitals"
    for word in c.text.split():
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) >= 4 and letters[0].islower():
            return f"{c.text!r} is not written as a name (lower case {word!r})"
    return None


def chinese_name_like(text: str) -> bool:
    """Two or three words that are all pinyin syllables: a Chinese personal name written in Latin letters."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(syllable_count(word.lower()) in (1, 2) for word in words)


def _needs_corroboration(c: Candidate, person: bool) -> str | None:
    letters = sum(ch.isalpha() for ch in c.text)
    if c.name.kind == "weak":
        return "weak alias"
    if c.variant in ("pinyin", "characters") and person and len(c.text) <= 2:
        return "two-character Chinese name"
    if c.variant in ("pinyin", "characters", "matcher"):
        return None
    if len(c.text.split()) == 1:
        return "acronym" if c.text.isupper() else "one-word name"
    if letters <= SHORT_NAME_LETTERS:
        return f"short name ({letters} letters)"
    return None


def _outermost(decisions: Iterable[Decision]) -> list[Decision]:
    ordered = sorted(decisions, key=lambda d: (d.candidate.start, -d.candidate.end))
    kept: list[Decision] = []
    for d in ordered:
        c = d.candidate
        inside = any(
            k.candidate.start <= c.start and c.end <= k.candidate.end and (k.candidate.start, k.candidate.end)
            != (c.start, c.end) for k in kept
        )  # fmt: skip
        if not inside:
            kept.append(d)
    best: dict[tuple[int, int, str, str], Decision] = {}
    for d in kept:
        ident = (d.candidate.start, d.candidate.end, *_ident(d.candidate))
        if ident not in best or d.score > best[ident].score:
            best[ident] = d
    return sorted(best.values(), key=lambda d: (d.candidate.start, -d.score, *_ident(d.candidate)))


def _to_link(d: Decision, document: Document) -> Link:
    c = d.candidate
    return Link(
        file=document.file,
        mention=c.text,
        start=c.start,
        end=c.end,
        source=c.entity.source,
        entry_id=c.entity.entry_id,
        name=c.entity.caption,
        score=round(d.score, 3),
        reason=d.reason,
        quote=quote(document.text, c.start, c.end),
        schema=c.entity.schema,
        matched_name=c.name.value,
        page=document.page_of(c.start),
        title=document.title,
        date=document.date,
        doc_sha256=document.sha256,
    )
