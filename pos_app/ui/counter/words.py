"""What the counter says about hand-overs, refusals, reconciliation and slips, in shop words.

Pure functions from the counter session's results to translated text: the window shows
them, and the tests read the same sentences a cashier does.
"""

from __future__ import annotations

from collections.abc import Sequence

from pos_app.services.counter import HandOverReport, Refusal, UndoRefusal
from pos_app.services.pickup import (
    CollectOutcome,
    CollectResult,
    Reconciled,
    ReverseOutcome,
    ReverseResult,
)
from pos_app.services.pickup_models import pickup_state
from pos_app.storage import COLLECT, Operation
from pos_app.ui.claim.words import describe_reconciled_claims
from pos_app.ui.counter.customer_widgets import MessageKind
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.pickups_table import state_text
from pos_app.ui.managers.refund_words import describe_reconciled_refunds
from pos_app.ui.managers.reversal_words import (
    describe_reconciled_reversals,
    describe_reverse_result,
)
from pos_app.ui.messages import describe_connection_error
from pos_app.ui.plurals import english_plural
from pos_app.ui.rewards import format_short_date


def describe_hand_over(report: HandOverReport, *, slip_held_back: str | None = None) -> str:
    """What came of a hand-over; named for its customer when another one is on screen.

    ``slip_held_back``: the slip was not printed because it would have needed a dialog
    over the next customer, with what was wrong with the printer ("" when nothing was).
    """
    lines: list[str] = []
    name = report.customer.title
    now_done = [r for r in report.done if not r.by_earlier_attempt]
    if len(now_done) == 1:
        lines.append(
            _tr("{title} handed over to {name}.").format(title=now_done[0].item.title, name=name)
        )
    elif now_done:
        lines.append(
            _tr("%n rewards handed over to {name}.", None, len(now_done)).format(name=name)
        )
    earlier = [r for r in report.done if r.by_earlier_attempt]
    if earlier:
        titles = ", ".join(r.item.title for r in earlier)
        lines.append(
            _tr(
                "Collected: {titles}. The earlier attempt went through after all: hand it over now."
            ).format(titles=titles)
        )
    if report.not_recorded:
        lines.append(
            _tr(
                "The journal could not record this (is the disk full?). Tell the store "
                "manager; the app records it as soon as it can."
            )
        )
    lines += [describe_problem(result) for result in report.problems]
    text = " ".join(lines)
    if report.replaced and not now_done:
        text = _tr("{name}: {outcome}").format(name=name, outcome=text)
    if report.replaced and slip_held_back is not None:
        text += " " + _tr("No slip was printed: another customer is on screen.")
        if slip_held_back:
            text += " " + slip_held_back
    return text


def describe_undo(report: HandOverReport, results: Sequence[ReverseResult]) -> str:
    """What came of undoing a mis-tap."""
    if all(r.outcome is ReverseOutcome.REVERSED for r in results):
        if len(results) == 1:
            return _tr("Undone: {title} is back on {name}'s list.").format(
                title=results[0].collect.reward_title or "", name=report.customer.title
            )
        return _tr("Undone: %n rewards are back on {name}'s list.", None, len(results)).format(
            name=report.customer.title
        )
    return " ".join(
        describe_reverse_result(r) for r in results if r.outcome is not ReverseOutcome.REVERSED
    )


def describe_undo_refusal(refusal: UndoRefusal, report: HandOverReport) -> str:
    if refusal is UndoRefusal.OTHER_CASHIER:
        return _tr(
            "Only {name} can undo this hand-over here; a manager can reverse it in Recent pickups."
        ).format(name=report.staff.name if report.staff else _tr("whoever made it"))
    return _tr("Too late to undo here: a manager reverses it in Recent pickups.")


def handing_over_text(seconds: int) -> str:
    """While the loyalty service has not answered yet (after the first seconds)."""
    if seconds < 2:
        return _tr("Handing over…")
    return _tr("Handing over… waiting for the loyalty service (%n s)", None, seconds)


def hand_over_kind(report: HandOverReport) -> MessageKind:
    if report.problems or report.not_recorded:
        return MessageKind.ERROR
    return MessageKind.SUCCESS


def describe_problem(result: CollectResult) -> str:
    title = result.item.title
    if result.outcome is CollectOutcome.ALREADY_COLLECTED:
        return _tr("{title}: already picked up (perhaps at another counter).").format(title=title)
    if result.outcome is CollectOutcome.EXPIRED:
        expires = result.item.expires_at
        if expires is not None:
            return _tr("{title}: expired on {date}; it cannot be handed over.").format(
                title=title, date=format_short_date(expires)
            )
        return _tr("{title}: expired; it cannot be handed over.").format(title=title)
    if result.outcome is CollectOutcome.NOT_RECORDED:
        return _tr(
            "{title}: not handed over. The journal cannot be written (is the disk full?), "
            "so nothing was sent. Tell the store manager."
        ).format(title=title)
    if result.outcome is CollectOutcome.UNKNOWN:
        return _tr(
            "{title}: no answer from the loyalty service in time, so it is not known "
            "whether the hand-over was recorded. Keep the item until the app has checked; "
            "it checks by itself every 30 seconds and says what it finds."
        ).format(title=title)
    reason = describe_connection_error(result.error) if result.error else ""
    return _tr("{title}: not handed over. {reason}").format(title=title, reason=reason)


def describe_refusal(refusal: Refusal, *, problem: str | None, kiosk: bool) -> str:
    """Why the Hand over button did nothing; ``problem``: what the app found at start."""
    if refusal is Refusal.NOT_SET_UP:
        return problem or _tr("Hand-over is not available.")
    if refusal is Refusal.HELD:
        # The banner above says what was found; repeating it here would only push the
        # customer's list down.
        return _tr(
            "Not handed over: hand-overs are held until a manager acknowledges the "
            "journal check above."
        )
    if refusal is Refusal.NO_STAFF_CHECK:
        return staff_problem_text(problem)
    if refusal is Refusal.DIGITAL:
        return _tr(
            "Not handed over: a digital reward reaches the customer online; there is "
            "nothing to hand over at the counter."
        )
    if kiosk:
        return _tr("Staff hand rewards over: sign in with your PIN.")
    return _tr("Sign in to hand rewards over.")


def staff_problem_text(problem: str | None) -> str:
    return problem or _tr("Staff PINs cannot be checked on this counter.")


def describe_reconciled(settled: Sequence[Reconciled]) -> str:
    """What a reconciliation run learned, for the notice that must not be missed."""
    notices = []
    collects = [s for s in settled if s.operation.kind == COLLECT]
    went = [s.operation.reward_title or "" for s in collects if s.went_through]
    elsewhere = [s.operation.reward_title or "" for s in collects if s.collected_by is not None]
    not_went = [
        s.operation.reward_title or ""
        for s in collects
        if not s.went_through and s.collected_by is None
    ]
    parts = []
    if elsewhere:
        parts.append(
            _tr("handed over at another counter: {titles}").format(titles=", ".join(elsewhere))
        )
    if went:
        parts.append(_tr("recorded as handed over: {titles}").format(titles=", ".join(went)))
    if not_went:
        parts.append(
            _tr("not handed over (still waiting): {titles}").format(titles=", ".join(not_went))
        )
    if parts:
        notices.append(
            _tr("Earlier unfinished hand-overs were checked — {outcomes}.").format(
                outcomes="; ".join(parts)
            )
        )
        if went:
            notices.append(_tr("If an item was kept back meanwhile, give it to the customer."))
    reversals = describe_reconciled_reversals(settled)
    if reversals:
        notices.append(reversals)
    claims = describe_reconciled_claims(settled)
    if claims:
        notices.append(claims)
    refunds = describe_reconciled_refunds(settled)
    if refunds:
        notices.append(refunds)
    return " ".join(notices)


def unresolved_text(count: int) -> str:
    """What waits to be checked: hand-overs, reversals, claims and refunds alike."""
    text = _tr("%n pickup operation(s) waiting to be checked", "", count)
    return english_plural(text, count, "operation(s)", "operation", "operations")


def describe_pickup(operation: Operation) -> str:
    """A slip's pickup, in the words and by the rule of the Recent pickups list."""
    return _tr("Pickup {ref}: {title}, {when} at {counter}. {state}.").format(
        ref=operation.reference or "",
        title=operation.reward_title or "",
        when=format_short_date(operation.created_at),
        counter=operation.counter,
        state=state_text(pickup_state(operation)),
    )


def no_such_pickup(reference: str) -> str:
    return _tr("No pickup {ref} was made at this counter.").format(ref=reference)


def shop_journal_unreachable(reference: str) -> str:
    return _tr(
        "No pickup {ref} was made at this counter, and the shop's other counters cannot be "
        "asked right now (the shop journal cannot be reached)."
    ).format(ref=reference)


def shop_text(name: str | None, wanted: str | None) -> str:
    """The status bar's "connected" line for what :meth:`load_shop_name` found."""
    if name is None:
        shop = _tr("unknown shop {uuid}").format(uuid=wanted or "")
    elif not name:
        shop = _tr("no shop chosen")
    else:
        shop = name
    return _tr("Connected to Piggy · {shop}").format(shop=shop)
