"""What a manager reads after a reversal, and what reconciliation learned about reversals."""

from __future__ import annotations

from collections.abc import Sequence

from pos_app.services.pickup import Reconciled, ReverseOutcome, ReverseResult
from pos_app.storage import (
    REVERSE,
    Operation,
)
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.reverse_dialog import reason_text
from pos_app.ui.messages import describe_connection_error
from pos_app.ui.rewards import format_short_date


def describe_reverse_result(result: ReverseResult, earlier: Operation | None = None) -> str:
    """What the manager reads after a reverse, whatever its outcome."""
    title = result.collect.reward_title or _tr("the reward")
    outcome = result.outcome
    if outcome is ReverseOutcome.REVERSED:
        return _tr("Reversed: {title}. It is back in the customer's rewards to pick up.").format(
            title=title
        )
    if outcome is ReverseOutcome.ALREADY_REVERSED:
        if result.error is not None:
            return _tr(
                "The loyalty service says {title} was already reversed (perhaps in the Piggy "
                "dashboard). Nothing was changed."
            ).format(title=title)
        reversal = result.operation or earlier
        if reversal is not None:
            return _tr("{title} was already reversed on {when} ({reason}, {staff}).").format(
                title=title,
                when=f"{format_short_date(reversal.created_at)} "
                f"{reversal.created_at.astimezone():%H:%M}",
                reason=reason_text(reversal.reason or ""),
                staff=reversal.staff_name or "—",
            )
        return _tr("{title} was already reversed.").format(title=title)
    if outcome is ReverseOutcome.NOT_FOUND:
        return _tr(
            "The loyalty service does not know this pickup of {title}, so it cannot be "
            "reversed from here. Check the customer in the Piggy dashboard."
        ).format(title=title)
    if outcome is ReverseOutcome.NO_REDEMPTION:
        return _tr(
            "{title} cannot be reversed from this app: its hand-over was confirmed later by "
            "a check, which cannot learn the code a reversal needs. A manager can reverse it "
            "in the Piggy dashboard."
        ).format(title=title)
    if outcome is ReverseOutcome.NOT_REVERSIBLE:
        return _tr(
            "Only a reward that was handed over can be reversed; {title} was not (or its "
            "outcome is still being checked)."
        ).format(title=title)
    if outcome is ReverseOutcome.UNKNOWN:
        return _tr(
            "{title}: no answer from the loyalty service, so it is not known whether the "
            "reversal was recorded. The app checks by itself when the connection is back; "
            "until then this pickup cannot be reversed again."
        ).format(title=title)
    reason = describe_connection_error(result.error) if result.error else ""
    return _tr("{title}: not reversed. {reason}").format(title=title, reason=reason).strip()


def describe_reconciled_reversals(settled: Sequence[Reconciled]) -> str | None:
    """The reversals among reconciled operations in shop words; None if there were none.

    Reconciliation settles collects and reverses alike; a reverse that "went through" put
    the reward back, which a hand-over message must not call "handed over".
    """
    reverses = [s for s in settled if s.operation.kind == REVERSE]
    if not reverses:
        return None
    done = [s.operation.reward_title or "" for s in reverses if s.went_through]
    not_done = [s.operation.reward_title or "" for s in reverses if not s.went_through]
    parts = []
    if done:
        parts.append(_tr("reversed: {titles}").format(titles=", ".join(done)))
    if not_done:
        parts.append(
            _tr("not reversed (still handed over): {titles}").format(titles=", ".join(not_done))
        )
    return _tr("Earlier unfinished reversals were checked — {outcomes}.").format(
        outcomes="; ".join(parts)
    )
