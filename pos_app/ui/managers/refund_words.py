"""What a manager reads after a refund of a returned reward's points, and what
reconciliation learned about refunds."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale

from pos_app.api import errors
from pos_app.services.pickup import Reconciled, ReverseOutcome
from pos_app.services.refund import RefundOutcome, RefundResult
from pos_app.storage import REFUND
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reversal_words import describe_reverse_result
from pos_app.ui.messages import describe_connection_error


def _points(value: int) -> str:
    return QLocale().toString(value)


def _refusal(error: errors.ApiError | None) -> str:
    if isinstance(error, errors.PiggyError):
        # Piggy's own words are not translated: its code is what support asks for.
        return _tr("The loyalty service refused the refund (code {code}).").format(
            code=error.code if error.code is not None else "—"
        )
    return describe_connection_error(error) if error is not None else ""


def describe_refund_result(result: RefundResult) -> str:
    """What the manager reads after "refund the points", whatever its outcome."""
    title = result.collect.reward_title or _tr("the reward")
    outcome = result.outcome
    put_back = result.reverse is not None and result.reverse.outcome is ReverseOutcome.REVERSED
    if outcome is RefundOutcome.REFUNDED:
        text = _tr("Points refunded: {title}.").format(title=title)
        if result.credits is not None:
            text = _tr("Points refunded: {points} points for {title}.").format(
                points=_points(abs(result.credits)), title=title
            )
        if result.balance is not None:
            text += " " + _tr("The customer now has {points} Piggy points.").format(
                points=_points(result.balance)
            )
        return text
    if outcome is RefundOutcome.ALREADY_REFUNDED:
        return _tr("The points of {title} were refunded already. Nothing was changed.").format(
            title=title
        )
    if outcome is RefundOutcome.NOT_REFUNDABLE:
        return _tr(
            "The points of {title} cannot be refunded now: it was not handed over, or its "
            "reversal is still being checked."
        ).format(title=title)
    if outcome is RefundOutcome.PICKED_UP_AGAIN:
        return _tr(
            "{title} was picked up again after it was put back: refund the points of that "
            "later pickup. Nothing was changed."
        ).format(title=title)
    if outcome is RefundOutcome.UNKNOWN:
        text = _tr(
            "{title}: no answer from the loyalty service, so it is not known whether the "
            "points were refunded. The app checks by itself when the connection is back; "
            "until then they cannot be refunded again."
        ).format(title=title)
        if put_back:
            text = (
                _tr("{title} is back in the customer's rewards to pick up.").format(title=title)
                + " "
                + text
            )
        return text
    reason = _refusal(result.error)
    if put_back:
        return _tr(
            "{title} is back in the customer's rewards to pick up, but its points were not "
            "refunded. {reason} Choose Reverse… again to refund them."
        ).format(title=title, reason=reason)
    if result.reverse is not None:
        # Piggy would refund the points only once the collection was reversed, which failed.
        return _tr("{title}: points not refunded. {detail}").format(
            title=title, detail=describe_reverse_result(result.reverse)
        )
    return _tr("{title}: points not refunded. {reason}").format(title=title, reason=reason).strip()


def describe_reconciled_refunds(settled: Sequence[Reconciled]) -> str | None:
    """The refunds among reconciled operations in shop words; None if there were none."""
    refunds = [s for s in settled if s.operation.kind == REFUND]
    if not refunds:
        return None
    done = [s.operation.reward_title or "" for s in refunds if s.went_through]
    not_done = [s.operation.reward_title or "" for s in refunds if not s.went_through]
    parts = []
    if done:
        parts.append(_tr("points refunded: {titles}").format(titles=", ".join(done)))
    if not_done:
        parts.append(_tr("points not refunded: {titles}").format(titles=", ".join(not_done)))
    return _tr("Earlier unfinished refunds were checked — {outcomes}.").format(
        outcomes="; ".join(parts)
    )
