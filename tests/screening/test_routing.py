from __future__ import annotations

import pytest

from threadline.screening.routing import SPILL, Router, route_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("ACME Trading Co., Ltd.", "Acme Trading Limited"),
        ("Acme Trading Inc.", "acme trading"),
        ("Skyworks Solutions LLC", "SKYWORKS SOLUTIONS, INC"),
        ("新疆中泰化学股份有限公司", "新疆中泰化学有限公司"),
    ],
)
def test_one_supplier_written_two_ways_has_one_route(one: str, other: str) -> None:
    assert route_key(one) == route_key(other)


def test_different_suppliers_and_a_lone_legal_form_keep_their_words() -> None:
    assert route_key("Acme Trading") != route_key("Acme Textiles")
    assert route_key("Limited") == "limited"  # nothing but a legal form: kept as it is
    assert route_key("有限公司") == "有限公司"


def test_a_suppliers_rows_go_to_one_worker_and_new_ones_to_the_least_busy() -> None:
    router = Router(2)
    first = router.route("Acme Trading Co., Ltd.")
    second = router.route("Bolt Industries")
    assert {first, second} == {0, 1}  # the second supplier went to the idle worker
    assert router.route("ACME TRADING LIMITED") == first
    assert router.in_hand == [2, 1] if first == 0 else [1, 2]
    router.back(first, 2)
    assert router.route("Cog Works") == first  # now the one with fewer rows in hand


def test_a_forgotten_supplier_is_routed_again() -> None:
    router = Router(2, size=1)
    router.route("Acme")
    router.back(0, 1)
    router.route("Bolt")  # "Acme" forgotten; both routed to worker 0, which had nothing in hand
    router.in_hand[0] += 5  # worker 0 busy: "Acme" now goes to worker 1
    assert router.route("Acme") == 1


def test_a_file_of_one_supplier_still_keeps_every_worker_busy() -> None:
    router = Router(2)
    workers = [router.route("Acme Trading Co., Ltd.") for _ in range(4 * SPILL)]
    assert workers[: SPILL + 1] == [workers[0]] * (SPILL + 1)  # its own worker, until it has SPILL rows more
    assert set(workers) == {0, 1} and abs(router.in_hand[0] - router.in_hand[1]) <= SPILL + 1
    router.in_hand = [0, 0]
    assert router.route("ACME TRADING") == workers[0]  # the supplier is still that worker's
