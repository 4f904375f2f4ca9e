"""Property: whatever a server answers, every public client method ends in an ApiError.

Hostile bodies (deep nesting, odd numerals, broken encodings, documented examples with a
value swapped for something odd, random bytes) under every status a server may send go
through all sixteen public calls of the three clients (the Piggy token request included).
Each call must return or raise an :class:`~pos_app.api.errors.ApiError` (the UI words those)
within a few seconds: anything else left the reported lookups on "Looking up the
customer…" and a collect's row pending.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

import pytest

from pos_app.api import NudjClient, errors
from tests.api.hostile import EXAMPLE_BODIES, Answer, Clients, check_every_answer, ends_in

pytestmark = pytest.mark.slow

#: Hypothesis examples; every one goes through all sixteen calls, so 16 x this many bodies.
EXAMPLES = 1300


async def _all_rewards(nudj: NudjClient) -> list[object]:
    return [reward async for reward in nudj.iter_rewards(page_size=100)]


Call = Callable[[Clients], Awaitable[object]]
CALLS: dict[str, Call] = {
    "piggy.find_contact_identifier": lambda c: c.piggy.find_contact_identifier("CARD-1"),
    "piggy.find_contact_by_email": lambda c: c.piggy.find_contact_by_email("a@b.example"),
    "piggy.get_contact": lambda c: c.piggy.get_contact("c-1"),
    "piggy.send_verification_code": lambda c: c.piggy.send_verification_code("a@b.example"),
    "piggy.verify_code": lambda c: c.piggy.verify_code("a@b.example", "123456"),
    "piggy.list_collectable_rewards": lambda c: c.piggy.list_collectable_rewards("c-1"),
    "piggy.collect_reward": lambda c: c.piggy.collect_reward("tx-1"),
    "piggy.reverse_collection": lambda c: c.piggy.reverse_collection("r-1"),
    "piggy.list_shops": lambda c: c.piggy.list_shops(),
    "piggy.token": lambda c: c.piggy_token.list_shops(),
    "giftoin.collection_challenges": lambda c: c.giftoin.collection_challenges("discord", "1"),
    "giftoin.collection_challenge": lambda c: c.giftoin.collection_challenge("discord", "1", "p"),
    "giftoin.inventory": lambda c: c.giftoin.inventory("discord", "1"),
    "nudj.rewards": lambda c: c.nudj.rewards(limit=100),
    "nudj.iter_rewards": lambda c: _all_rewards(c.nudj),
    "nudj.user": lambda c: c.nudj.user("u-1"),
}


async def _every_call(clients: Clients, answer: Answer) -> None:
    clients.answer = answer
    for name, call in CALLS.items():
        await ends_in((errors.ApiError,), name, functools.partial(call, clients), answer)


def test_every_body_ends_in_the_error_hierarchy() -> None:
    examples, clients = check_every_answer(EXAMPLES, _every_call)
    assert examples * len(CALLS) >= 20_000
    assert clients.served >= 20_000


def test_the_examples_are_there() -> None:
    # The mutation strategy draws from the documented examples; an empty folder would
    # silently turn it into plain random JSON.
    assert len(EXAMPLE_BODIES) >= 20
