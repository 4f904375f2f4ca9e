"""Pickup slips: what a slip says, independent of how it is drawn or printed.

A slip goes home with the customer after a hand-over. It names the shop, the moment, the
rewards, the customer (masked: a lost slip must not identify anyone), who handed them over,
and one code for the whole hand-over (``PU-…``, the reference of its first collect) printed
as text and as a QR code. The search field recognises the code, so a returned item is
found with one scan: Recent pickups then lists every reward of that hand-over. A slip
printed again from Recent pickups is the same slip, marked as a reprint. The drawing is
Qt's job (:mod:`pos_app.ui.slips`); this module has no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from pos_app.services.pickup_models import CustomerSummary
from pos_app.storage import COLLECT, Operation, OpState

if TYPE_CHECKING:
    import segno

__all__ = [
    "PickupSlip",
    "SlipItem",
    "customer_display_name",
    "customer_label",
    "mask_customer_uuid",
    "qr_code",
    "qr_matrix",
]

#: Error correction of the slip's QR codes: "M" survives a crease or a coffee stain and
#: keeps a 11-character reference at version 1 (21×21 modules), large on 80 mm paper.
QR_ERROR = "m"


def mask_customer_uuid(uuid: str | None) -> str:
    """A customer uuid shortened for display: ``3f1c…4f3a`` (enough to tell rows apart)."""
    if not uuid:
        return ""
    compact = uuid.strip()
    if len(compact) <= 10:
        return compact[:2] + "…" if len(compact) > 2 else "…"
    return f"{compact[:4]}…{compact[-4:]}"


def customer_display_name(customer: CustomerSummary | None) -> str | None:
    """The short name a slip shows (``Robin V.``, ``R***``); None for a customer without a
    name. Made of the name only, so it is what the journal may keep of a customer."""
    words = (customer.name or "").split() if customer is not None else []
    if len(words) >= 2:
        return f"{words[0]} {words[-1][0].upper()}."
    if words:
        return f"{words[0][0].upper()}***"
    return None


def customer_label(customer: CustomerSummary | None, uuid: str | None = None) -> str:
    """The customer as a slip names them: ``Robin V.``, else the masked email or uuid."""
    if customer is not None:
        if (name := customer_display_name(customer)) is not None:
            return name
        if customer.email_masked:
            return customer.email_masked
        uuid = uuid or customer.uuid
    return mask_customer_uuid(uuid)


def qr_code(reference: str) -> segno.QRCode:
    """The QR code printed for ``reference`` (a full-size QR code, never a Micro QR)."""
    import segno  # only when a slip is printed

    return segno.make_qr(reference, error=QR_ERROR, boost_error=False)


def qr_matrix(reference: str) -> list[list[bool]]:
    """Dark (True) and light modules of :func:`qr_code`, without the quiet zone."""
    return [[bool(module) for module in row] for row in qr_code(reference).matrix]


@dataclass(frozen=True)
class SlipItem:
    title: str
    #: The pickup reference of this reward's own collect, e.g. ``PU-7QX3M2KD`` (the slip
    #: prints the hand-over's one code instead, :attr:`PickupSlip.reference`).
    reference: str


@dataclass(frozen=True)
class PickupSlip:
    shop_name: str
    counter: str
    handed_over_at: datetime
    items: tuple[SlipItem, ...]
    #: Masked: see :func:`customer_label`.
    customer: str
    staff_name: str | None = None
    #: The one code of the hand-over, printed as text and QR code ("" for a slip made
    #: before hand-overs had one: the first reward's reference then).
    reference: str = ""
    #: Printed again later (from Recent pickups), not at the hand-over itself.
    reprint: bool = False

    @property
    def code(self) -> str:
        """The code the slip prints and its QR code carries."""
        return self.reference or (self.items[0].reference if self.items else "")

    @classmethod
    def from_operations(
        cls,
        operations: Sequence[Operation],
        *,
        shop_name: str,
        customer: CustomerSummary | None = None,
        customer_name: str | None = None,
        reprint: bool = False,
    ) -> PickupSlip:
        """The slip of the confirmed collects among ``operations`` (one hand-over).

        The customer is named from ``customer`` (at the hand-over) or, for a reprint, from
        the ``customer_name`` the journal kept. Raises ValueError when none of them is a
        confirmed collect: a slip must never vouch for a reward that was not handed over.
        """
        done = [op for op in operations if op.kind == COLLECT and op.state is OpState.CONFIRMED]
        if not done:
            raise ValueError("a pickup slip needs at least one confirmed collect")
        first = done[0]
        name = customer_label(customer, first.customer_uuid) if customer is not None else None
        # Normally all share one code. A reward that an earlier, unsettled attempt handed
        # over belongs to that attempt's hand-over: the code most of them share wins (the
        # first of those on a tie), so scanning it lists the most of this slip.
        codes = [op.handover_reference or op.reference or "" for op in done]
        code = max(codes, key=codes.count)
        return cls(
            shop_name=shop_name,
            counter=first.counter,
            handed_over_at=max(op.updated_at for op in done),
            items=tuple(SlipItem(op.reward_title or "", op.reference or "") for op in done),
            customer=name or customer_name or mask_customer_uuid(first.customer_uuid),
            staff_name=first.staff_name,
            reference=code,
            reprint=reprint,
        )
