from __future__ import annotations

from threadline import service


def test_the_rules_read_alone_are_the_stores_rules_in_its_order() -> None:
    """A screening run that is not recorded reads only the lists with rules (no entity of the others decoded)."""
    service.default_store.cache_clear()
    service.snapshot_rules.cache_clear()
    alone = service.snapshot_rules()
    assert service.default_store.cache_info().currsize == 0
    kinds = {rule.kind for rule in alone}
    assert "goods" in kinds and len(alone) > 400
    assert alone == tuple(service.default_store().rules)
    service.snapshot_rules.cache_clear()
    assert service.snapshot_rules() == alone  # the store loaded already: its rules, the same
