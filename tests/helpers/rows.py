"""Journal rows made up for view and dialog tests that need no journal."""

from __future__ import annotations

from datetime import UTC, datetime

from pos_app.storage import COLLECT, Operation, OpState


def journal_row(
    n: int,
    state: OpState,
    *,
    reversal: OpState | None = None,
    redemption: str | None = "r",
    customer_name: str | None = None,
) -> Operation:
    """Collect ``n`` as the journal would give it back (made up, no journal needed)."""
    at = datetime(2026, 5, 9, 9, n, tzinfo=UTC)
    return Operation(
        operation_id=f"0000000{n}-0000-4000-8000-000000000000",
        kind=COLLECT,
        state=state,
        created_at=at,
        updated_at=at,
        shop_uuid="s",
        counter="c",
        staff_id="p" if n % 2 else None,
        staff_name="Ann" if n % 2 else None,
        customer_uuid="3f1c2a9e-5b7d-4c1e-9a2b-8b7d6c5e4f3a",
        loyalty_transaction_uuid=f"lt-{n}",
        redemption_uuid=redemption,
        reward_title=f"Reward {n}",
        error_code=None,
        error_message=None,
        reason=None,
        note=None,
        reference=f"PU-0000000{n}",
        reverses_operation_id=None,
        reversal_operation_id="x" if reversal else None,
        reversal_state=reversal,
        reversal_reason="damaged" if reversal else None,
        reversal_staff_name="Max" if reversal else None,
        customer_name=customer_name,
    )
