"""What the words around a mention say about who is meant: cues for and against a link.

- **Titles** (for persons): "Senior General", "Party Secretary", "Commander", "official", 书记, 司令 ... just before
  the name, or in an apposition after it ("Chen Quanguo, the former party secretary").
- **Roles that are not the listed party** (against, for persons): "said Rahima Mahmut, a campaigner", "activist",
  "researcher", "survivor", "journalist", an MP or senator; 记者, 活动人士, 幸存者 ... These win over titles.
- **A longer name**: a person's name followed or preceded by another capitalised word that is not a title is
  part of someone else's name ("Soe Win Aung").
- **Place and subject**: the entry's country (or a Xinjiang place, for a Chinese entry) or sanctions vocabulary in
  the same sentence.

Pure functions over the text and offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from threadline.evidence.text import sentence_at
from threadline.risk.gazetteer import find, xinjiang_table

TITLES = (
    r"senior general|vice[- ]senior general|general|lieutenant general|major general|brigadier general|colonel|"
    r"commander(?:[- ]in[- ]chief)?|deputy commander|chief|party secretary|party chief|secretary|deputy secretary|"
    r"chairman|chairwoman|chair|vice[- ]chairman|president|vice[- ]president|governor|vice[- ]governor|minister|"
    r"deputy minister|director|deputy director|official|officials|head|leader|mayor|prosecutor|judge|commissar|"
    r"political commissar|admiral|marshal|ceo|executive|founder|owner|businessman|tycoon|oligarch|warlord"
)
ROLES = (
    r"campaigner|activist|advocate|researcher|scholar|academic|analyst|expert|journalist|reporter|correspondent|"
    r"editor|writer|author|photographer|survivor|victim|detainee|former detainee|refugee|witness|relative|lawyer|"
    r"professor|student|mp|mep|senator|congressman|congresswoman|lawmaker|legislator|member of parliament|"
    r"shadow minister|spokesperson for|spokeswoman for|spokesman for|founder of the uyghur|director of the uyghur"
)
_NOT_NAME = r"(?:former|the|a|an|retired|then|deputy|vice|senior|top|leading|uyghur|uighur|human rights|exiled)"
TITLE_BEFORE = re.compile(rf"\b(?:{TITLES})\.?\s*(?:[A-Z][\w.-]*\s+){{0,2}}$", re.IGNORECASE)
_APPOSITION = r"^\s*[,(]\s*(?:(?:who|which)\s+(?:is|was)\s+)?"
TITLE_AFTER = re.compile(rf"{_APPOSITION}(?:(?:{_NOT_NAME}|[\w-]+)\s+){{0,5}}?(?:{TITLES})\b", re.IGNORECASE)
ROLE_BEFORE = re.compile(rf"\b(?:{ROLES})s?\s*,?\s*(?:[A-Z][\w.-]*\s+)?$", re.IGNORECASE)
ROLE_AFTER = re.compile(
    rf"{_APPOSITION}(?:[\w'’-]+\s+){{0,5}}?(?:{ROLES})s?\b"
    r"|^\s*,\s*(?:who|whose)\s+(?:survived|fled|was detained|was held|were detained|lost)\b",
    re.IGNORECASE,
)
ZH_TITLES = re.compile(
    "(?:书记|副书记|主席|副主席|司令|总司令|副总司令|司令员|政委|官员|局长|厅长|部长|将军|大将|主任|"
    "省长|州长|县长|市长|领导人|董事长|总经理|负责人|首领)"
)
ZH_ROLES = re.compile(
    "(?:记者|活动人士|维权人士|人权活动家|活动家|研究员|研究人员|学者|幸存者|受害者|受害人|难民|"
    "亲属|家属|律师|议员|教授|学生|作家|证人)"
)
SANCTIONS = re.compile(
    r"\b(?:sanction\w*|designat\w*|blacklist\w*|entity list|asset freeze|frozen assets|travel ban|uflpa|"
    r"withhold release order|forced labou?r)\b|制裁|实体清单|列入清单|强迫劳动",
    re.IGNORECASE,
)
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "cn": ("china", "chinese", "beijing", "prc", "chinese communist party", "ccp", "中国", "中共", "北京"),
    "mm": ("myanmar", "burma", "burmese", "tatmadaw", "naypyidaw", "naypyitaw", "junta", "缅甸", "缅军"),
    "ru": ("russia", "russian", "kremlin", "moscow", "俄罗斯"),
    "by": ("belarus", "belarusian", "minsk"),
    "ir": ("iran", "iranian", "tehran", "irgc"),
    "kp": ("north korea", "north korean", "dprk", "pyongyang", "朝鲜"),
    "sy": ("syria", "syrian", "damascus"),
}
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z][\w'’-]*)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“\n(]\s*)$")
NOT_NAME_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "as",
        "but",
        "said",
        "says",
        "told",
        "met",
        "visited",
        "when",
        "while",
        "under",
        "after",
        "before",
        "since",
        "former",
        "general",
        "secretary",
        "commander",
        "minister",
        "president",
        "chairman",
        "director",
        "governor",
        "senior",
        "vice",
        "deputy",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "u",
        "daw",
        "sir",
        "lord",
        "party",
        "chief",
        "official",
        "officials",
        "leader",
        "head",
    ]
)


def title_cue(text: str, start: int, end: int) -> str | None:
    """The title that goes with the name, if one is written next to it."""
    before, after = text[max(0, start - 60) : start], text[end : end + 100]
    for pattern, where in ((TITLE_BEFORE, before), (TITLE_AFTER, after)):
        found = pattern.search(where)
        if found:
            return " ".join(found.group().strip(" ,(").split())
    zh_before, zh_after = text[max(0, start - 8) : start], text[end : end + 6]
    found = ZH_TITLES.search(zh_before) or ZH_TITLES.search(zh_after)
    return found.group() if found else None


def role_cue(text: str, start: int, end: int) -> str | None:
    """A role that says the person is not the listed party (campaigner, journalist, victim, MP ...)."""
    before, after = text[max(0, start - 40) : start], text[end : end + 80]
    for pattern, where in ((ROLE_BEFORE, before), (ROLE_AFTER, after)):
        found = pattern.search(where)
        if found:
            return " ".join(found.group().strip(" ,(").split())
    zh_before, zh_after = text[max(0, start - 6) : start], text[end : end + 4]
    found = ZH_ROLES.search(zh_before) or ZH_ROLES.search(zh_after)
    return found.group() if found else None


def longer_name(text: str, start: int, end: int) -> str | None:
    """A capitalised word right next to a person's name that makes it part of another name ("Soe Win Aung")."""
    after = _WORD_AFTER.match(text[end : end + 40])
    if after and _CAPITALISED.fullmatch(after.group(1)) and after.group(1).lower() not in NOT_NAME_WORDS:
        return after.group(1)
    segment = text[max(0, start - 80) : start]
    before = _WORD_BEFORE.search(segment)
    if before is None or not _CAPITALISED.fullmatch(before.group(1)):
        return None
    if before.group(1).lower() in NOT_NAME_WORDS or TITLE_BEFORE.search(segment):
        return None
    if _SENTENCE_START.search(segment[: before.start()]):
        return None  # the first word of a sentence is capitalised anyway
    return before.group(1)


@lru_cache(maxsize=4096)
def _xinjiang_places(sentence: str) -> tuple[str, ...]:
    return tuple(m.text for m in find(sentence, xinjiang_table()) if m.strong)


def place_cue(text: str, start: int, end: int, countries: frozenset[str]) -> str | None:
    """The entry's country (or, for China, a Xinjiang place) named in the sentence."""
    left, right = sentence_at(text, start, end)
    sentence = text[left:start] + " " + text[end:right]
    folded = sentence.casefold()
    for country in sorted(countries):
        for word in COUNTRY_WORDS.get(country, ()):
            if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", folded):
                return word
    if "cn" in countries:
        places = _xinjiang_places(sentence)
        if places:
            return places[0]
    return None


def sanctions_cue(text: str, start: int, end: int) -> str | None:
    left, right = sentence_at(text, start, end)
    found = SANCTIONS.search(text[left:start] + " " + text[end:right])
    return found.group() if found else None
