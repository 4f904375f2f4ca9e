"""Slip contents (Qt-free): which pickups, masked customer, references the search field knows."""

from __future__ import annotations

from pathlib import Path

import pytest
import segno

from pos_app.services.identify import ScanKind, classify_scan
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.slips import (
    PickupSlip,
    SlipItem,
    customer_label,
    mask_customer_uuid,
    qr_matrix,
)
from pos_app.storage import Journal, StaffRef

CUSTOMER_UUID = "3f1c2a9e-5b7d-4c1e-9a2b-8b7d6c5e4f3a"


def summary(name: str | None, email_masked: str = "r***@example.com") -> CustomerSummary:
    return CustomerSummary(
        uuid=CUSTOMER_UUID,
        name=name,
        email_masked=email_masked,
        tier=None,
        points=None,
        attributes={},
    )


@pytest.mark.parametrize(
    ("customer", "expected"),
    [
        (summary("Robin de Vries"), "Robin V."),
        (summary("Cher"), "C***"),
        (summary(None), "r***@example.com"),
        (summary(None, ""), "3f1c…4f3a"),
        (None, "3f1c…4f3a"),
    ],
)
def test_customer_is_masked(customer: CustomerSummary | None, expected: str) -> None:
    assert customer_label(customer, CUSTOMER_UUID) == expected


def test_mask_customer_uuid() -> None:
    assert mask_customer_uuid(CUSTOMER_UUID) == "3f1c…4f3a"
    assert mask_customer_uuid("abc") == "ab…"
    assert mask_customer_uuid(None) == ""


def test_slip_of_a_hand_over_lists_only_confirmed_collects(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="Till 2") as journal:
        staff = StaffRef(profile_id="p1", name="Casey Jansen")
        done = []
        first: str | None = None
        for n, title in enumerate(["Coffee mug", "Tea towel", "Umbrella"]):
            op = journal.begin_collect(
                customer_uuid=CUSTOMER_UUID,
                loyalty_transaction_uuid=f"lt-{n}",
                reward_title=title,
                staff=staff,
                handover_id=first,
            )
            first = first or op.operation_id
            if title == "Tea towel":
                done.append(journal.fail(op.operation_id, code=6003, message="Reward not found."))
            else:
                done.append(journal.confirm(op.operation_id, redemption_uuid=f"red-{n}"))
        slip = PickupSlip.from_operations(
            done, shop_name="The Shop", customer=summary("Robin de Vries")
        )
        assert slip.shop_name == "The Shop"
        assert slip.counter == "Till 2"
        assert slip.staff_name == "Casey Jansen"
        assert slip.customer == "Robin V."
        assert slip.items == (
            SlipItem("Coffee mug", done[0].reference or ""),
            SlipItem("Umbrella", done[2].reference or ""),
        )
        assert slip.handed_over_at == done[2].updated_at
        assert not slip.reprint
        # One code for the hand-over: its first collect's reference.
        assert slip.reference == done[0].reference
        scan = classify_scan(slip.reference)
        assert scan is not None
        assert scan.kind is ScanKind.SLIP
        found = journal.find_by_reference(scan.value)
        assert found is not None
        listed = journal.recent_operations(text=scan.value)
        assert sorted(op.reward_title or "" for op in listed) == [
            "Coffee mug",
            "Tea towel",
            "Umbrella",
        ]
        again = PickupSlip.from_operations(
            journal.hand_over(done[2].operation_id),
            shop_name="The Shop",
            customer_name=done[0].customer_name,
            reprint=True,
        )
        assert again.reprint
        assert (again.reference, again.items) == (slip.reference, slip.items)
        with pytest.raises(ValueError, match="confirmed collect"):
            PickupSlip.from_operations([done[1]], shop_name="The Shop")


def test_every_reference_is_recognised_by_the_search_field(tmp_path: Path) -> None:
    """References use Crockford base32 (digits 0, 1, 8, 9 included)."""
    with Journal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="c") as journal:
        for n in range(200):
            op = journal.begin_collect(
                customer_uuid="c", loyalty_transaction_uuid=f"lt-{n}", reward_title="r"
            )
            reference = op.reference
            assert reference is not None
            assert classify_scan(reference) == classify_scan(f" {reference.lower()}\r")
            scan = classify_scan(reference)
            assert scan is not None
            assert (scan.kind, scan.value) == (ScanKind.SLIP, reference)


def test_qr_matrix_is_segnos_full_size_qr_code() -> None:
    matrix = qr_matrix("PU-7QX3M2KD")
    expected = segno.make_qr("PU-7QX3M2KD", error="m", boost_error=False)
    assert not expected.is_micro
    assert len(matrix) == 21  # version 1: large modules on an 80 mm slip
    assert matrix == [[bool(m) for m in row] for row in expected.matrix]


def test_a_slip_carries_the_code_most_of_its_rewards_share(tmp_path: Path) -> None:
    """A reward its earlier, unsettled attempt handed over belongs to that attempt's
    hand-over; the slip's code is the one of the others."""
    with Journal.open(tmp_path / "journal.sqlite3", shop_uuid="s", counter="Till 2") as journal:
        ops = []
        earlier = journal.begin_collect(
            customer_uuid=CUSTOMER_UUID, loyalty_transaction_uuid="lt-0", reward_title="Mug"
        )
        ops.append(journal.confirm(earlier.operation_id, redemption_uuid="red-0"))
        first: str | None = None
        for n, title in enumerate(["Tea towel", "Umbrella"], start=1):
            op = journal.begin_collect(
                customer_uuid=CUSTOMER_UUID,
                loyalty_transaction_uuid=f"lt-{n}",
                reward_title=title,
                handover_id=first,
            )
            first = first or op.operation_id
            ops.append(journal.confirm(op.operation_id, redemption_uuid=f"red-{n}"))
        slip = PickupSlip.from_operations(ops, shop_name="The Shop")
        assert slip.reference == ops[1].reference
        assert [item.title for item in slip.items] == ["Mug", "Tea towel", "Umbrella"]
