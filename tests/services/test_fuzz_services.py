"""Property: hostile bodies never leave a lookup or a progress load without an answer.

The API clients end every body in an ApiError (tests/api/test_fuzz_bodies.py); this checks
the services on top of them, whose own reading of the results (names, expiry dates,
countdowns) must not raise anything the UI does not word either.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest

from pos_app.api import errors
from pos_app.services.identify import CustomerLookup, IdentifyError
from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.progress import ProgressService
from pos_app.services.settings import NudjUserIdSource
from tests.api.hostile import Answer, Clients, check_every_answer, ends_in

pytestmark = pytest.mark.slow

ROBIN = CustomerSummary(
    uuid="c-1",
    name="Robin",
    email_masked="r***@example.org",
    tier=None,
    points=10,
    attributes={"discord_id": "4029"},
    email="robin@example.org",
)


async def _every_use_case(clients: Clients, answer: Answer) -> None:
    clients.answer = answer
    lookup = CustomerLookup(clients.piggy, clock=lambda: datetime(2026, 12, 1, tzinfo=UTC))
    progress = ProgressService(
        clients.giftoin,
        clients.nudj,
        giftoin_platform="discord",
        giftoin_user_attribute="discord_id",
        nudj_user_id_source=NudjUserIdSource.parse("uuid"),
    )
    cases: dict[str, Callable[[], Awaitable[object]]] = {
        "lookup.by_card": lambda: lookup.by_card("CARD-1"),
        "lookup.by_email": lambda: lookup.by_email("a@b.example"),
        "lookup.rewards": lambda: lookup.rewards("c-1"),
        "progress.giftoin": lambda: progress.giftoin(ROBIN),
        "progress.nudj": lambda: progress.nudj(ROBIN),
    }
    try:
        for name, case in cases.items():
            await ends_in((errors.ApiError, IdentifyError), name, case, answer)
    finally:
        await progress.aclose()


def test_every_body_ends_in_an_answer_the_ui_words() -> None:
    examples, _ = check_every_answer(400, _every_use_case)
    assert examples == 400
