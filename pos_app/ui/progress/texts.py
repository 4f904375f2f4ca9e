"""The progress panel's words: time left, statuses, prices, "not linked" and error texts.

Pure functions from the progress service's views to translated text, shared by the
sections, their list models and the screen-reader texts.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from pos_app.api import errors
from pos_app.services.progress import (
    CardView,
    ChallengeView,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    NudjRewardView,
    Program,
    RewardState,
    TimeLeft,
    TimeLeftKind,
)
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.messages import format_wait
from pos_app.ui.plurals import english_plural

PROGRAM_NAMES: Final = {Program.GIFTOIN: "Giftoin", Program.NUDJ: "Nudj"}


# Texts are written out as QCoreApplication.translate("ProgressPanel", "...") calls, not
# through a helper: pyside6-lupdate only finds literal calls.


def number_text(value: int) -> str:
    """A count in the chosen language's digits and grouping."""
    return QLocale().toString(value)


def time_left_text(left: TimeLeft | None) -> str:
    """ "3 days left", "5 hours left", "Ended", "No end date"; "" when nothing is known."""
    if left is None:
        return ""
    if left.kind is TimeLeftKind.ENDED:
        return QCoreApplication.translate("ProgressPanel", "Ended")
    if left.kind is TimeLeftKind.NO_END:
        return QCoreApplication.translate("ProgressPanel", "No end date")
    seconds = left.remaining.total_seconds()
    hours = seconds / 3600
    if hours >= 48:
        days = round(hours / 24)
        return english_plural(
            _tr("%n day(s) left", None, days),
            days,
            "day(s)",
            "day",
            "days",
        )
    if seconds >= 3600:
        whole = int(hours)
        return english_plural(
            _tr("%n hour(s) left", None, whole),
            whole,
            "hour(s)",
            "hour",
            "hours",
        )
    minutes = max(1, math.ceil(seconds / 60))
    return english_plural(
        _tr("%n minute(s) left", None, minutes),
        minutes,
        "minute(s)",
        "minute",
        "minutes",
    )


_STATUS_TEXT: Final = {
    "in_progress": QT_TRANSLATE_NOOP("ProgressPanel", "In progress"),
    "completed": QT_TRANSLATE_NOOP("ProgressPanel", "Completed"),
    "ended": QT_TRANSLATE_NOOP("ProgressPanel", "Ended"),
}
_RARITY_TEXT: Final = {
    "common": QT_TRANSLATE_NOOP("ProgressPanel", "Common"),
    "uncommon": QT_TRANSLATE_NOOP("ProgressPanel", "Uncommon"),
    "rare": QT_TRANSLATE_NOOP("ProgressPanel", "Rare"),
    "epic": QT_TRANSLATE_NOOP("ProgressPanel", "Epic"),
    "legendary": QT_TRANSLATE_NOOP("ProgressPanel", "Legendary"),
}


def status_text(status: str | None) -> str:
    """Giftoin's challenge status in words; a value Giftoin added later as sent."""
    if not status:
        return ""
    known = _STATUS_TEXT.get(status.lower())
    return QCoreApplication.translate("ProgressPanel", str(known)) if known else status


def rarity_text(rarity: str | None) -> str:
    if not rarity:
        return ""
    known = _RARITY_TEXT.get(rarity.lower())
    return QCoreApplication.translate("ProgressPanel", str(known)) if known else rarity


def reward_state_text(state: RewardState | None) -> str:
    if state is RewardState.CLAIMABLE:
        return QCoreApplication.translate("ProgressPanel", "Claimable")
    if state is RewardState.CLAIMED:
        return QCoreApplication.translate("ProgressPanel", "Claimed")
    if state is RewardState.LOCKED:
        return QCoreApplication.translate("ProgressPanel", "Locked")
    return ""


def challenge_progress_text(challenge: ChallengeView) -> str:
    """ "3 / 8" (collected / size), else Giftoin's percentage, else ""."""
    if challenge.collected is not None and challenge.size:
        return QCoreApplication.translate("ProgressPanel", "{collected} / {size}").format(
            collected=number_text(challenge.collected), size=number_text(challenge.size)
        )
    if challenge.percentage is not None:
        return QCoreApplication.translate("ProgressPanel", "{percent}%").format(
            percent=number_text(round(challenge.percentage))
        )
    return ""


def challenge_detail_text(challenge: ChallengeView, now: datetime) -> str:
    """The line under the progress bar: time left, and how many cards are still missing."""
    left = challenge.time_left(now)
    parts = [time_left_text(left)]
    to_go = challenge.cards_to_go
    if to_go and (left is None or left.kind is not TimeLeftKind.ENDED):
        # No plural word in English; other languages get theirs from their catalogue.
        parts.append(_tr("%n more to collect", None, to_go))
    return " · ".join(part for part in parts if part)


def price_text(view: NudjRewardView) -> str:
    price = view.reward.price
    if price is None:
        return ""
    if view.points is None or view.affordable:
        return QCoreApplication.translate("ProgressPanel", "{price} points").format(
            price=number_text(price)
        )
    return QCoreApplication.translate("ProgressPanel", "{points} / {price} points").format(
        points=number_text(view.points), price=number_text(price)
    )


def nudj_detail_text(view: NudjRewardView) -> str:
    """Supply and what Nudj says about the reward for its user (counts, state)."""
    reward = view.reward
    parts: list[str] = []
    if reward.remaining_supply is not None:
        if reward.remaining_supply == 0:
            parts.append(QCoreApplication.translate("ProgressPanel", "Sold out"))
        else:
            parts.append(
                QCoreApplication.translate("ProgressPanel", "{n} left").format(
                    n=number_text(reward.remaining_supply)
                )
            )
    if reward.user_asset_count:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "owned: {n}").format(
                n=number_text(reward.user_asset_count)
            )
        )
    if reward.user_entry_count:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "entries: {n}").format(
                n=number_text(reward.user_entry_count)
            )
        )
    if reward.user_state:
        # An open enum: shown as Nudj sends it.
        parts.append(reward.user_state)
    return " · ".join(parts)


def nudj_summary_text(progress: NudjProgress) -> str:
    parts = []
    if progress.points is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "{n} Nudj points").format(
                n=number_text(progress.points)
            )
        )
    if progress.xp is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "{n} XP").format(n=number_text(progress.xp))
        )
    return " · ".join(parts)


#: How the platforms Giftoin knows customers by are written (the setting is lower case).
_PLATFORM_NAMES: Final = {"discord": "Discord", "telegram": "Telegram", "twitter": "X"}


def platform_name(platform: str) -> str:
    """A Giftoin platform as people write it: "discord" → "Discord"."""
    return _PLATFORM_NAMES.get(platform.lower(), platform[:1].upper() + platform[1:])


def not_linked_text(result: NotLinked, platform: str | None = None) -> str:
    """The detail under "Not linked": why there is nothing to show."""
    name = PROGRAM_NAMES[result.program]
    if result.reason is NotLinkedReason.NOT_SET_UP:
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is not set up on this counter."
        ).format(program=name)
    if result.reason is NotLinkedReason.NO_ID:
        # Said as the customer's situation, not as a data field ("discord id"): the cashier
        # can tell the customer what to do about it.
        if result.program is Program.GIFTOIN and platform:
            return QCoreApplication.translate(
                "ProgressPanel",
                "Giftoin finds customers by their {platform} account, and this customer has "
                "not linked one to their loyalty account yet.",
            ).format(platform=platform_name(platform))
        return QCoreApplication.translate(
            "ProgressPanel",
            "This customer's loyalty account is not linked to {program} yet.",
        ).format(program=name)
    if result.reason is NotLinkedReason.ID_NOT_FOUND:
        # Not "no account": the id this counter looks customers up by may not be the one
        # the shop's Nudj stores, so staff are told which source was used.
        if result.looked_up_by:
            return QCoreApplication.translate(
                "ProgressPanel",
                "This customer's {program} id was not found (looked up by: {source}).",
            ).format(program=name, source=result.looked_up_by)
        return QCoreApplication.translate(
            "ProgressPanel", "This customer's {program} id was not found."
        ).format(program=name)
    return QCoreApplication.translate(
        "ProgressPanel", "{program} does not know this customer."
    ).format(program=name)


def describe_progress_error(program: Program, exc: BaseException) -> str:
    """Why a program's section could not load, in shop words (vendor texts never shown)."""
    name = PROGRAM_NAMES[program]
    if isinstance(exc, errors.ApiTimeoutError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} did not answer in time."
        ).format(program=name)
    if isinstance(exc, errors.ApiConnectionError):
        return QCoreApplication.translate("ProgressPanel", "No connection to {program}.").format(
            program=name
        )
    if isinstance(exc, errors.AuthenticationError | errors.PermissionDeniedError):
        return QCoreApplication.translate(
            "ProgressPanel",
            "{program} refused this counter's key. Ask a manager to open Settings and check "
            "{program}.",
        ).format(program=name)
    if isinstance(exc, errors.MaintenanceError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is in maintenance. Try again {wait}."
        ).format(program=name, wait=format_wait(exc.retry_after))
    if isinstance(exc, errors.RateLimitedError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} is busy. Try again {wait}."
        ).format(program=name, wait=format_wait(exc.retry_after))
    if isinstance(exc, errors.ResponseValidationError):
        return QCoreApplication.translate(
            "ProgressPanel", "{program} sent an answer the app does not understand."
        ).format(program=name)
    if isinstance(exc, errors.ApiError):
        return QCoreApplication.translate("ProgressPanel", "{program} had a problem.").format(
            program=name
        )
    return QCoreApplication.translate("ProgressPanel", "{program} could not be shown.").format(
        program=name
    )


def card_text(card: CardView) -> str:
    """A card in words (tooltip and screen readers): name, rarity, how many are owned."""
    parts = [card.name or QCoreApplication.translate("ProgressPanel", "Card")]
    if card.rarity:
        parts.append(rarity_text(card.rarity))
    if card.owned_quantity is not None:
        parts.append(
            QCoreApplication.translate("ProgressPanel", "owned: {n}").format(
                n=number_text(card.owned_quantity)
            )
        )
    elif not card.owned:
        parts.append(QCoreApplication.translate("ProgressPanel", "not owned"))
    return " — ".join(parts)
