"""Chinese names read the Taiwanese way: pinyin syllables rewritten in Wade-Giles (张 zhang = "Chang", 许 xu = "Hsu").

Taiwan's passports, companies and officials, and older Western writing on China, spell Mandarin in Wade-Giles, with
its apostrophes and umlauts usually left out: 蔡 cai = "Tsai", 郭 guo = "Kuo", 熊 xiong = "Hsiung", 蒋 jiang =
"Chiang", 大同 datong = "Tatung", 中华 zhonghua = "Chunghwa" (hwa, a common Taiwanese spelling of hua). Pinyin
explains none of these, so a name in characters and its Taiwanese spelling would never meet.

:func:`wade_giles` rewrites one toneless pinyin syllable as Wade-Giles writes it without apostrophes or umlauts; a
few syllables have two usual spellings (si = "ssu" or "szu"), so it returns every one, the standard one first.
"""

from __future__ import annotations

from functools import lru_cache

from threadline.names.han import readings

_INITIALS = (
    ("zh", "ch"),
    ("ch", "ch"),
    ("sh", "sh"),
    ("b", "p"),
    ("p", "p"),
    ("d", "t"),
    ("t", "t"),
    ("g", "k"),
    ("k", "k"),
    ("j", "ch"),
    ("q", "ch"),
    ("x", "hs"),
    ("r", "j"),
    ("z", "ts"),
    ("c", "ts"),
    ("s", "s"),
    ("m", "m"),
    ("f", "f"),
    ("n", "n"),
    ("l", "l"),
    ("h", "h"),
)
"""Pinyin initial -> its Wade-Giles spelling, apostrophes (aspiration) dropped: b and p both read "p" then."""
_PALATAL = frozenset({"j", "q", "x"})
"""Initials after which pinyin's u is ü (ju = chü, written "chu"; xue = hsüeh, "hsueh")."""
_RETROFLEX = frozenset({"zh", "ch", "sh", "r"})
_DENTAL = frozenset({"z", "c", "s"})
_UO_KEPT = frozenset({"g", "k", "h", "sh"})
"""Initials after which pinyin's uo stays "uo" (guo = "kuo", shuo = "shuo"); elsewhere it is "o" (luo = "lo")."""
_E_AS_O = frozenset({"g", "k", "h", ""})
_UEI = frozenset({"g", "k"})
"""Initials after which pinyin's ui is written "uei" (gui = "kuei"; elsewhere "ui": hui, tui)."""
"""Initials after which pinyin's e is written "o" (ge = "ko", he = "ho", e = "o")."""
_FINALS = (
    ("iong", "iung"),
    ("ong", "ung"),
    ("ian", "ien"),
    ("ie", "ieh"),
    ("ue", "ueh"),
    ("ve", "ueh"),
    ("er", "erh"),
)
"""Finals spelled otherwise in Wade-Giles, longest first (xiong = "hsiung", lian = "lien", xie = "hsieh")."""
_WHOLE = {
    "you": ("yu",),
    "yan": ("yen",),
    "ye": ("yeh",),
    "yong": ("yung",),
    "yue": ("yueh",),
    "yi": ("i", "yi"),
    "ying": ("ying", "ing"),
    "li": ("li", "lee"),
    "er": ("erh",),
    "hua": ("hua", "hwa"),
    "huo": ("huo",),
}
"""Syllables without a separate initial, and spellings usual in Taiwan beside the standard ones: "hwa" (中华 =
"Chunghwa"), "ing" (蔡英文 = "Tsai Ing-wen"), "lee" (李登辉 = "Lee Teng-hui")."""


def _split(syllable: str) -> tuple[str, str]:
    for initial, _written in _INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial) :]
    return "", syllable


@lru_cache(maxsize=4_096)
def wade_giles(syllable: str) -> tuple[str, ...]:
    """The Wade-Giles spellings of a toneless pinyin syllable (lower case), the standard one first; a syllable that is
    not pinyin comes back unchanged."""
    if syllable in _WHOLE:
        return _WHOLE[syllable]
    initial, final = _split(syllable.replace("v", "u").replace("ü", "u"))  # lv, lü = "lu"
    written = dict(_INITIALS).get(initial, initial)
    if initial in _RETROFLEX and final == "i":
        return (written + "ih",)  # zhi = "chih", shi = "shih", ri = "jih"
    if initial in _DENTAL and final == "i":
        return (("tz" if initial in ("z", "c") else "ss") + "u", ("ts" if initial in ("z", "c") else "sz") + "u")
    if final == "uo":
        final = "uo" if initial in _UO_KEPT else "o"
    elif final == "e" and initial in _E_AS_O:
        final = "o"
    elif final == "ui" and initial in _UEI:
        final = "uei"
    elif (initial in _PALATAL and final.startswith("u")) or (initial in ("l", "n") and final == "ue"):
        final = "u" + final[1:]  # ü written plainly: ju = "chu", xuan = "hsuan", jun = "chun", lue = "lueh"
        if final == "ue":
            final = "ueh"
    else:
        for pinyin_final, wg_final in _FINALS:
            if final.endswith(pinyin_final):
                final = final[: -len(pinyin_final)] + wg_final
                break
    return (written + final,)


@lru_cache(maxsize=50_000)
def wade_giles_readings(han: str) -> tuple[tuple[str, ...], ...]:
    """Per character of a (simplified) name, the Wade-Giles spellings of its pinyin as read in context, in the shape
    of :func:`threadline.names.han.readings`."""
    return tuple(tuple(dict.fromkeys(w for r in options for w in wade_giles(r))) for options in readings(han))
