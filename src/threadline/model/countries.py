"""Country names as lists write them -> ISO 3166-1 alpha-2 codes (lower case, as FollowTheMoney does)."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Names the lists use that pycountry's lookup does not resolve (or resolves to the wrong thing).
_OVERRIDES: dict[str, str] = {
    "burma": "mm",
    "myanmar": "mm",
    "myanmar (burma)": "mm",
    "china": "cn",
    "china mainland": "cn",
    "mainland china": "cn",
    "people's republic of china": "cn",
    "prc": "cn",
    "hong kong": "hk",
    "hong kong sar": "hk",
    "macau": "mo",
    "macao": "mo",
    "taiwan": "tw",
    "russia": "ru",
    "iran": "ir",
    "syria": "sy",
    "north korea": "kp",
    "korea, north": "kp",
    "korea, democratic people's republic of": "kp",
    "democratic people's republic of korea": "kp",
    "south korea": "kr",
    "korea, south": "kr",
    "korea": "kr",
    "republic of korea": "kr",
    "vietnam": "vn",
    "viet nam": "vn",
    "laos": "la",
    "turkey": "tr",
    "türkiye": "tr",
    "turkiye": "tr",
    "bolivia": "bo",
    "venezuela": "ve",
    "tanzania": "tz",
    "moldova": "md",
    "czech republic": "cz",
    "palestinian": "ps",
    "west bank": "ps",
    "gaza": "ps",
    "palestine": "ps",
    "congo, democratic republic of the": "cd",
    "democratic republic of the congo": "cd",
    "congo, republic of the": "cg",
    "republic of the congo": "cg",
    "ivory coast": "ci",
    "cote d'ivoire": "ci",
    "côte d'ivoire": "ci",
    "cape verde": "cv",
    "brunei": "bn",
    "kosovo": "xk",
    "the gambia": "gm",
    "gambia, the": "gm",
    "bahamas, the": "bs",
    "micronesia": "fm",
    "swaziland": "sz",
    "uk": "gb",
    "united kingdom": "gb",
    "great britain": "gb",
    "usa": "us",
    "united states": "us",
    "united states of america": "us",
    "u.s.": "us",
    "uae": "ae",
    "region: crimea": "ua",
    "crimea": "ua",
    "netherlands antilles": "an",
    # Country names as Chinese supplier files write them.
    "中国": "cn",
    "中国大陆": "cn",
    "中华人民共和国": "cn",
    "香港": "hk",
    "中国香港": "hk",
    "澳门": "mo",
    "台湾": "tw",
    "中国台湾": "tw",
    "美国": "us",
    "越南": "vn",
    "柬埔寨": "kh",
    "孟加拉国": "bd",
    "印度": "in",
    "印度尼西亚": "id",
    "马来西亚": "my",
    "泰国": "th",
    "日本": "jp",
    "韩国": "kr",
    "缅甸": "mm",
    "巴基斯坦": "pk",
    "土耳其": "tr",
    "墨西哥": "mx",
    "德国": "de",
    "英国": "gb",
    "法国": "fr",
    "意大利": "it",
    "哈萨克斯坦": "kz",
    "吉尔吉斯斯坦": "kg",
    "俄罗斯": "ru",
    # Central Asian neighbours in Cyrillic, where place names shared with Xinjiang (Aksu, Altay) also occur.
    "кнр": "cn",
    "китай": "cn",
    "казахстан": "kz",
    "қазақстан": "kz",
    "кыргызстан": "kg",
    "киргизия": "kg",
    "россия": "ru",
    "узбекистан": "uz",
    "таджикистан": "tj",
    "туркменистан": "tm",
    "монголия": "mn",
}


@lru_cache(maxsize=4096)
def to_iso2(name: str | None) -> str | None:
    """Return the lower-case alpha-2 code for a country name or code, or ``None`` when it is not a country.

    >>> to_iso2("Burma"), to_iso2("CN"), to_iso2("United Kingdom"), to_iso2("Fishing Vessels")
    ('mm', 'cn', 'gb', None)
    """
    if name is None:
        return None
    key = re.sub(r"\s+", " ", name).strip().strip(".").lower()
    if not key or key in {"-0-", "n/a", "none", "unknown"}:
        return None
    if key in _OVERRIDES:
        return _OVERRIDES[key]
    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        # "Turkey (Türkiye)", "Congo (Kinshasa)": try the name without its bracket.
        bare = re.sub(r"\s*\(.*?\)\s*", " ", key).strip()
        return to_iso2(bare) if bare and bare != key else None
    return str(country.alpha_2).lower()
