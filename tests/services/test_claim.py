"""Claiming a reward with the customer's points at the counter, without a window.

Against the simulator over loopback HTTP. A claim goes through the journal like a collect:
pending first, sent once, settled from the server when its answer is lost, and never sent a
second time without knowing what became of the first.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import PiggyClient
from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.services.claim import (
    ClaimCounter,
    ClaimOutcome,
    ClaimRefusal,
    ClaimRefused,
)
from pos_app.services.connections import ApiClients
from pos_app.services.counter import CounterEvent, CounterServices, CounterSession
from pos_app.services.identify import Scan, ScanKind
from pos_app.services.pickup_models import CustomerSummary, Identification
from pos_app.services.settings import load_settings
from pos_app.services.staff import Role, StaffDirectory, StaffService
from pos_app.storage import CLAIM, RECONCILIATION, AsyncJournal, Journal, OpState
from tests.helpers import FAST_SCRYPT, STAFF_PIN_KEY, wait_until

RECEPTION = "piggy.reception"


@dataclass
class ClaimDesk:
    sim: Simulator
    session: CounterSession
    claims: ClaimCounter
    journal: AsyncJournal
    staff: StaffService
    events: list[CounterEvent] = field(default_factory=list)

    async def sign_in(self) -> None:
        mila = await self.staff.call(StaffDirectory.add, "Mila", Role.CASHIER, "4812")
        self.session.sign_in.sign_in(mila)

    def points(self, card: str = demo.CARD_MAIN) -> int:
        with self.sim.state.lock:
            return self.sim.state.data.contact_for_card(card).points

    def reward(self, title: str) -> Any:
        return self.sim.state.data.reward_by_title(title)

    def sent(self, customer: CustomerSummary, title: str) -> int:
        key = (customer.uuid, self.reward(title).uuid)
        return self.sim.state.reception_requests.get(key, 0)

    async def claims_in_journal(self) -> list[Any]:
        return await self.journal.call(Journal.recent_operations, kinds=(CLAIM,))


@asynccontextmanager
async def a_claim_desk(
    sim: Simulator, data_dir: Path, *, kiosk: bool = False, **settings: object
) -> AsyncIterator[ClaimDesk]:
    sim.reset()
    sim.clear_faults()
    sim.config.reverse_collected_reception = "refuse"
    options = load_settings().with_overrides(
        piggy_base_url=sim.piggy_base_url,
        shop_uuid=sim.state.data.shops[0].uuid,
        request_timeout=2.0,
        data_dir=data_dir,
        **settings,
    )
    journal = await AsyncJournal.open(options.journal_path, shop_uuid="s", counter="c1")
    staff = await StaffService.open(options.staff_path, pin_key=STAFF_PIN_KEY, scrypt=FAST_SCRYPT)
    piggy = PiggyClient(sim.piggy_base_url, token=demo.DEMO_PIGGY_TOKEN, timeout=2.0)
    services = CounterServices(options, ApiClients(piggy, None, None), journal=journal, staff=staff)
    session = CounterSession(services, kiosk=kiosk)
    desk = ClaimDesk(sim, session, ClaimCounter(session), journal, staff)
    session.add_listener(desk.events.append)
    try:
        yield desk
    finally:
        sim.clear_faults()
        sim.release(RECEPTION)
        await services.aclose()


CARD_MAIN = Scan(ScanKind.CARD, demo.CARD_MAIN)


@pytest.mark.asyncio
async def test_the_shops_physical_rewards_with_what_the_balance_covers(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        customer = await desk.session.load_customer(CARD_MAIN)
        catalogue = await desk.claims.catalogue(customer)
    titles = [reward.title for reward in catalogue.rewards]
    assert demo.TITLE_DIGITAL not in titles  # digital: nothing to pick up here
    assert demo.TITLE_INACTIVE not in titles  # switched off: not claimable
    assert catalogue.balance == 1612
    by_title = {reward.title: reward for reward in catalogue.rewards}
    assert by_title["Shop mug"].points == 250
    assert catalogue.covers(by_title["Shop mug"])
    assert not catalogue.covers(by_title[demo.TITLE_EXPENSIVE])
    assert catalogue.shortfall(by_title[demo.TITLE_EXPENSIVE]) == 5000 - 1612
    assert by_title[demo.TITLE_WITH_STOCK].stock == 25
    assert by_title[demo.TITLE_OUT_OF_STOCK].stock == 0
    assert not catalogue.covers(by_title[demo.TITLE_OUT_OF_STOCK])  # nothing left to claim
    assert by_title["Mystery gift"].attributes == (("eennaam", "false"),)
    assert by_title["Coffee voucher"].picture_url is not None


@pytest.mark.asyncio
async def test_a_claim_with_enough_points(simulator: Simulator, tmp_path: Path) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None

        result = await desk.claims.claim(customer, mug)

        assert result.outcome is ClaimOutcome.CLAIMED
        assert (result.balance_before, result.balance_after) == (1612, 1362)
        assert desk.points() == 1362
        operation = result.operation
        assert operation is not None
        assert (operation.kind, operation.state) == (CLAIM, OpState.CONFIRMED)
        assert operation.resolved_by is None  # the server's own answer
        assert operation.staff_name == "Mila"
        assert operation.points == 250
        assert operation.customer_name == "Robin V."
        # The reception is the new reward waiting for pickup, under the same uuid.
        assert result.pickup_item is not None
        assert result.pickup_item.loyalty_transaction_uuid == operation.loyalty_transaction_uuid
        assert desk.sim.state.item(operation.loyalty_transaction_uuid or "").collected is False
        assert desk.sent(customer, "Shop mug") == 1
        assert desk.session.points_of(customer) == 1362


@pytest.mark.asyncio
async def test_a_claim_with_too_few_points(simulator: Simulator, tmp_path: Path) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        poor = await desk.session.load_customer(Scan(ScanKind.CARD, demo.CARD_EMPTY))
        catalogue = await desk.claims.catalogue(poor)
        mug = catalogue.by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        assert not catalogue.covers(mug)

        result = await desk.claims.claim(poor, mug)

        assert result.outcome is ClaimOutcome.NOT_ENOUGH_POINTS
        assert result.operation is not None
        assert result.operation.state is OpState.FAILED
        assert result.operation.error_code == "1017"
        assert desk.points(demo.CARD_EMPTY) == 0


@pytest.mark.asyncio
async def test_no_claim_for_an_email_without_its_code(simulator: Simulator, tmp_path: Path) -> None:
    async with a_claim_desk(simulator, tmp_path, require_code_for_email=False) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(Scan(ScanKind.EMAIL, demo.EMAIL_MAIN))
        assert customer.identification is Identification.EMAIL_UNVERIFIED
        assert desk.claims.refusal(customer) is ClaimRefusal.WEAK_IDENTIFICATION
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        with pytest.raises(ClaimRefused) as refused:
            await desk.claims.claim(customer, mug)
        assert refused.value.refusal is ClaimRefusal.WEAK_IDENTIFICATION
        assert desk.sent(customer, "Shop mug") == 0
        assert await desk.claims_in_journal() == []
        assert desk.points() == 1612


@pytest.mark.asyncio
async def test_an_email_verified_with_its_code_may_claim(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        await desk.session.send_code(demo.EMAIL_MAIN)
        code = simulator.last_verification_code(demo.EMAIL_MAIN)
        assert code is not None
        customer = await desk.session.verify_code(code)
        assert customer is not None
        assert customer.identification is Identification.EMAIL_VERIFIED
        assert desk.claims.refusal(customer) is None
        card = await desk.session.load_customer(CARD_MAIN)
        assert card.identification is Identification.CARD


@pytest.mark.asyncio
async def test_no_claim_without_a_signed_in_staff_member(
    simulator: Simulator, tmp_path: Path
) -> None:
    # Even where hand-overs go unsigned (no staff list yet): the points are the customer's.
    async with a_claim_desk(simulator, tmp_path) as desk:
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        assert desk.claims.refusal(customer) is None
        assert desk.claims.needs_sign_in
        with pytest.raises(ClaimRefused) as refused:
            await desk.claims.claim(customer, mug)
        assert refused.value.refusal is ClaimRefusal.NOT_SIGNED_IN
        assert desk.sent(customer, "Shop mug") == 0


@pytest.mark.asyncio
async def test_no_claiming_in_kiosk_mode(simulator: Simulator, tmp_path: Path) -> None:
    async with a_claim_desk(simulator, tmp_path, kiosk=True) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        assert desk.claims.refusal(customer) is ClaimRefusal.KIOSK


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("title", "card", "outcome"),
    [
        (demo.TITLE_OUT_OF_STOCK, demo.CARD_MAIN, ClaimOutcome.OUT_OF_STOCK),
        (demo.TITLE_EXPENSIVE, demo.CARD_MAIN, ClaimOutcome.NOT_ENOUGH_POINTS),
    ],
)
async def test_claims_piggy_refuses(
    simulator: Simulator, tmp_path: Path, title: str, card: str, outcome: ClaimOutcome
) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(Scan(ScanKind.CARD, card))
        reward = (await desk.claims.catalogue(customer)).by_uuid(desk.reward(title).uuid)
        assert reward is not None
        result = await desk.claims.claim(customer, reward)
        assert result.outcome is outcome
        assert result.operation is not None
        assert result.operation.state is OpState.FAILED


@pytest.mark.asyncio
async def test_a_reward_switched_off_meanwhile(simulator: Simulator, tmp_path: Path) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        simulator.state.set_reward_active(mug.reward_uuid, False)
        result = await desk.claims.claim(customer, mug)
        assert result.outcome is ClaimOutcome.INACTIVE
        assert desk.points() == 1612


@pytest.mark.asyncio
async def test_a_customer_whose_card_was_blocked_meanwhile(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        with simulator.state.lock:
            identifiers = simulator.state.data.identifiers
            identifiers[demo.CARD_MAIN] = demo.ContactIdentifier(
                demo.CARD_MAIN, "Demo Loyalty Card", False, customer.uuid
            )
        result = await desk.claims.claim(customer, mug)
        assert result.outcome is ClaimOutcome.CUSTOMER_BLOCKED
        assert desk.points() == 1612


@pytest.mark.asyncio
async def test_a_lost_answer_is_settled_from_the_server_without_a_second_claim(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        simulator.set_fault(RECEPTION, "after_apply:drop@1")

        result = await desk.claims.claim(customer, mug)

        assert result.outcome is ClaimOutcome.CLAIMED
        operation = result.operation
        assert operation is not None
        assert operation.state is OpState.CONFIRMED
        assert operation.resolved_by == RECONCILIATION  # learned from the server's list
        # The customer's newest reception (they held two mugs already).
        reception = list(simulator.state.data.receptions.values())[-1]
        assert (reception.reward.uuid, reception.contact_uuid) == (mug.reward_uuid, customer.uuid)
        assert operation.loyalty_transaction_uuid == reception.uuid
        assert desk.sent(customer, "Shop mug") == 1
        assert desk.points() == 1362


@pytest.mark.asyncio
async def test_a_lost_claim_that_never_arrived_is_not_sent_again_unknowingly(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path, settle_grace_seconds=3600) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        # Dropped before the server processed it: no reception, but the counter cannot know.
        simulator.set_fault(RECEPTION, "drop@1")

        first = await desk.claims.claim(customer, mug)
        assert first.outcome is ClaimOutcome.UNKNOWN
        assert first.operation is not None
        assert first.operation.state is OpState.UNKNOWN

        # The cashier tries again within the grace period: nothing is sent.
        again = await desk.claims.claim(customer, mug)
        assert again.outcome is ClaimOutcome.UNKNOWN
        assert desk.sent(customer, "Shop mug") == 0
        assert desk.points() == 1612
        assert len(await desk.claims_in_journal()) == 1


@pytest.mark.asyncio
async def test_after_the_grace_period_a_claim_not_found_is_booked_not_claimed(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path, settle_grace_seconds=0) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        simulator.set_fault(RECEPTION, "drop@1")

        first = await desk.claims.claim(customer, mug)

        # Nothing on the server after the grace period (and a second look): not claimed.
        assert first.outcome is ClaimOutcome.REFUSED
        assert first.operation is not None
        assert first.operation.state is OpState.FAILED
        assert first.operation.is_inferred
        # Now a new claim may go, once.
        second = await desk.claims.claim(customer, mug)
        assert second.outcome is ClaimOutcome.CLAIMED
        assert desk.sent(customer, "Shop mug") == 1


@pytest.mark.asyncio
async def test_an_earlier_claim_that_went_through_is_not_sent_again(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path, settle_grace_seconds=3600) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        # The first claim is on its way and the line drops before any answer comes.
        simulator.set_fault(RECEPTION, "hold@1")
        first = asyncio.ensure_future(desk.claims.claim(customer, mug))
        await wait_until(lambda: simulator.held(RECEPTION) == 1)
        simulator.release(RECEPTION, answer=False)
        assert (await first).outcome is ClaimOutcome.UNKNOWN
        # Meanwhile it reached Piggy another way (a slow server): the reception exists.
        simulator.state.create_reception(
            customer.uuid, mug.reward_uuid, simulator.state.data.shops[0].uuid
        )

        again = await desk.claims.claim(customer, mug)

        assert again.outcome is ClaimOutcome.CLAIMED
        assert again.by_earlier_attempt
        assert desk.sent(customer, "Shop mug") == 1  # the one made above, none by the app
        assert len(await desk.claims_in_journal()) == 1


@pytest.mark.asyncio
async def test_the_reconciler_settles_a_claim_left_unknown(
    simulator: Simulator, tmp_path: Path
) -> None:
    async with a_claim_desk(simulator, tmp_path, settle_grace_seconds=3600) as desk:
        await desk.sign_in()
        customer = await desk.session.load_customer(CARD_MAIN)
        mug = (await desk.claims.catalogue(customer)).by_uuid(desk.reward("Shop mug").uuid)
        assert mug is not None
        simulator.set_fault(RECEPTION, "drop@1")
        assert (await desk.claims.claim(customer, mug)).outcome is ClaimOutcome.UNKNOWN
        simulator.state.create_reception(
            customer.uuid, mug.reward_uuid, simulator.state.data.shops[0].uuid
        )
        assert desk.session.desk is not None

        settled = await desk.session.desk.reconcile()

        assert [s.operation.kind for s in settled] == [CLAIM]
        assert settled[0].went_through
        assert await desk.session.desk.unresolved_count() == 0
