"""What the counter says about claims, in shop words: points, refusals, outcomes, history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

from pos_app.services.claim import (
    ClaimableReward,
    ClaimCatalogue,
    ClaimOutcome,
    ClaimRefusal,
    ClaimResult,
)
from pos_app.services.pickup import Reconciled
from pos_app.storage import CLAIM, Operation, OpState
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.messages import describe_connection_error
from pos_app.ui.plurals import english_plural


def points_text(points: int) -> str:
    """``250`` → "250 points", the number as the header writes it ("1,612 points")."""
    text = english_plural(_tr("%n point(s)", None, points), points, "point(s)", "point", "points")
    # %n gives the plain digits (the catalogues' plural forms need %n itself); the number
    # is then written the language's way, as everywhere else on the screen.
    return text.replace(str(points), QLocale().toString(points), 1)


def attribute_pair(name: str, value: str) -> str:
    """One custom attribute, worded as the pickup list words it ("Size 39-42")."""
    return QCoreApplication.translate("RewardListModel", "{name} {value}").format(
        name=name, value=value
    )


def balance_text(points: int | None) -> str:
    if points is None:
        return _tr("Points balance not known")
    return _tr("Balance: {points}").format(points=points_text(points))


def stock_text(reward: ClaimableReward) -> str:
    """ "3 left" where Piggy keeps a stock; "" where it keeps none."""
    if reward.stock is None:
        return ""
    if reward.out_of_stock:
        return _tr("Out of stock")
    return _tr("{n} left").format(n=QLocale().toString(reward.stock))


def status_text(catalogue: ClaimCatalogue, reward: ClaimableReward) -> str:
    """Why it cannot be claimed now ("" when it can): no stock, or too few points."""
    if reward.out_of_stock:
        return _tr("Out of stock")
    if catalogue.balance is None:
        return _tr("Points balance not known")
    short = catalogue.shortfall(reward)
    if short > 0:
        return _tr("Needs {points} more").format(points=points_text(short))
    return ""


def unavailable_text(catalogue: ClaimCatalogue, reward: ClaimableReward) -> str:
    """A whole sentence for the cashier about a reward that cannot be claimed now."""
    if reward.out_of_stock:
        return _tr("{title} is out of stock.").format(title=reward.title)
    if catalogue.balance is None:
        return _tr("The customer's points balance is not known: it cannot be claimed now.")
    short = catalogue.shortfall(reward)
    if short > 0:
        return _tr("{title} costs {cost}; the customer has {balance}.").format(
            title=reward.title,
            cost=points_text(reward.points),
            balance=points_text(catalogue.balance),
        )
    return ""


def describe_refusal(refusal: ClaimRefusal, *, problem: str | None = None) -> str:
    """Why claiming does not start (nothing was sent)."""
    if refusal is ClaimRefusal.WEAK_IDENTIFICATION:
        return _tr(
            "To spend points, identify the customer the safe way: scan their card, or look "
            "them up by email and type the code Piggy emails them."
        )
    if refusal is ClaimRefusal.NOT_SIGNED_IN:
        return _tr("Not claimed: a member of staff signs in to spend a customer's points.")
    if refusal is ClaimRefusal.NO_STAFF_CHECK:
        return problem or _tr(
            "Staff PINs cannot be checked on this counter, and spending points needs a staff "
            "sign-in."
        )
    if refusal is ClaimRefusal.HELD:
        return _tr("Not claimed: claims wait until a manager acknowledges the journal check above.")
    if refusal is ClaimRefusal.NO_SHOP:
        return _tr("No shop is set for this counter: a manager chooses it in Settings.")
    if refusal is ClaimRefusal.KIOSK:
        return _tr("Rewards are claimed with points at a staffed counter.")
    return problem or _tr("Claiming is not available on this counter.")


def confirm_question(reward: ClaimableReward, customer_name: str) -> str:
    return _tr("Claim {title} for {name}?").format(title=reward.title, name=customer_name)


def confirm_points(reward: ClaimableReward, balance: int | None) -> str:
    """ "1,612 points now → 1,362 points after (250 points)"."""
    cost = points_text(reward.points)
    if balance is None:
        return _tr("It costs {cost}.").format(cost=cost)
    return _tr("Points now: {before} · after the claim: {after} (costs {cost})").format(
        before=points_text(balance), after=points_text(balance - reward.points), cost=cost
    )


def describe_claim(result: ClaimResult, *, elsewhere: str | None = None) -> str:
    """What came of a claim; ``elsewhere``: the name of the customer it was for, when
    another customer is at the counter by now."""
    title = result.reward.title
    outcome = result.outcome
    if outcome is ClaimOutcome.CLAIMED:
        if result.balance_after is not None:
            text = _tr(
                "Claimed {title}: it waits in the pickup list. {points} left on the balance."
            ).format(title=title, points=points_text(result.balance_after))
        else:
            text = _tr("Claimed {title}: it waits in the pickup list.").format(title=title)
        if result.by_earlier_attempt:
            text = _tr(
                "Claimed {title}: an earlier attempt had gone through, so nothing was claimed "
                "twice. It waits in the pickup list."
            ).format(title=title)
        if result.journal_error is not None:
            text += " " + _tr("The journal could not record it yet; it is recorded later.")
    elif outcome is ClaimOutcome.NOT_ENOUGH_POINTS:
        text = _tr("Not claimed: the customer does not have enough points for {title}.").format(
            title=title
        )
    elif outcome is ClaimOutcome.OUT_OF_STOCK:
        text = _tr("Not claimed: {title} is out of stock.").format(title=title)
    elif outcome is ClaimOutcome.LIMIT_REACHED:
        text = _tr(
            "Not claimed: the customer has claimed {title} as often as it can be claimed."
        ).format(title=title)
    elif outcome is ClaimOutcome.INACTIVE:
        text = _tr("Not claimed: {title} is not active any more.").format(title=title)
    elif outcome is ClaimOutcome.NOT_FOUND:
        text = _tr("Not claimed: Piggy no longer has {title}.").format(title=title)
    elif outcome is ClaimOutcome.CUSTOMER_BLOCKED:
        text = _tr("Not claimed: this customer's card is blocked. Ask for their current card.")
    elif outcome is ClaimOutcome.CUSTOMER_NOT_FOUND:
        text = _tr("Not claimed: Piggy no longer knows this customer.")
    elif outcome is ClaimOutcome.UNKNOWN:
        text = _tr(
            "No answer about {title}: it may have been claimed. It is checked with Piggy "
            "before anything is sent again; the customer's points are not spent twice."
        ).format(title=title)
    elif outcome is ClaimOutcome.NOT_RECORDED:
        text = _tr("Not claimed: the journal cannot record it, so nothing was sent. Ask a manager.")
    elif (
        result.error is not None and result.operation is not None and (result.operation.is_inferred)
    ):
        text = _tr("Not claimed: {title} was checked with Piggy and not found.").format(title=title)
    elif result.error is not None:
        text = _tr("Not claimed: {reason}").format(reason=describe_connection_error(result.error))
    else:
        text = _tr("Not claimed.")
    if elsewhere:
        return _tr("For {name}: {text}").format(name=elsewhere, text=text)
    return text


def claim_state_text(operation: Operation) -> str:
    """A claim in the Recent pickups list: it is not a hand-over."""
    if operation.state is OpState.CONFIRMED:
        if operation.points is not None:
            return _tr("Claimed for {points}").format(points=points_text(operation.points))
        return _tr("Claimed")
    if operation.state is OpState.FAILED:
        return _tr("Not claimed")
    return _tr("Claim being checked")


def describe_reconciled_claims(settled: Sequence[Reconciled]) -> str:
    """What settling learned of earlier claims whose answer was lost ("" for none)."""
    claims = [s for s in settled if s.operation.kind == CLAIM]
    went = [s.operation.reward_title or "" for s in claims if s.went_through]
    not_went = [s.operation.reward_title or "" for s in claims if not s.went_through]
    parts = []
    if went:
        parts.append(
            _tr("claimed (waiting in the pickup list): {titles}").format(titles=", ".join(went))
        )
    if not_went:
        parts.append(_tr("not claimed: {titles}").format(titles=", ".join(not_went)))
    if not parts:
        return ""
    return _tr("Earlier unfinished claims were checked with Piggy — {outcomes}.").format(
        outcomes="; ".join(parts)
    )
