from __future__ import annotations

import pytest

from threadline.model import Address, Entity, Identifier, Name
from threadline.model.countries import to_iso2


def test_entity_round_trips_through_a_dict() -> None:
    entity = Entity(
        "ofac-sdn",
        "29220",
        "Person",
        (Name("CHEN, Quanguo"), Name("陈全国", "native")),
        countries=("cn",),
        addresses=(Address("Xinjiang, China", "Xinjiang", "cn"),),
        identifiers=(Identifier("Passport", "E123", "cn"),),
        birth_dates=("1955",),
        programs=("GLOMAG",),
        extra={"note": "x"},
    )
    assert Entity.from_dict(entity.to_dict()) == entity
    assert entity.caption == "CHEN, Quanguo"


@pytest.mark.parametrize(("kwargs", "message"), [({"schema": "Animal"}, "unknown schema"), ({"names": ()}, "name")])
def test_invalid_entities_are_refused(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"source": "s", "entry_id": "1", "schema": "Company", "names": (Name("A"),)}
    with pytest.raises(ValueError, match=message):
        Entity(**{**base, **kwargs})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Burma", "mm"),
        ("China", "cn"),
        ("CN", "cn"),
        ("United Kingdom", "gb"),
        ("Turkey (Türkiye)", "tr"),
        ("Korea, North", "kp"),
        ("中国", "cn"),
        ("越南", "vn"),
        ("Fishing Vessels", None),
        ("-0-", None),
        (None, None),
    ],
)
def test_country_names_become_iso_codes(name: str | None, code: str | None) -> None:
    assert to_iso2(name) == code
