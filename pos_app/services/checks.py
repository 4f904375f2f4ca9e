"""The rows every check of this counter reports in: ``pos-app doctor`` and its live check.

One :class:`CheckResult` per check, a next step for whatever is not in order. The same rows
are printed as a table in a terminal (:func:`format_table`) and, later, shown to a manager
in the app: ``next_step`` may name commands and environment variables for the shop's IT
person, ``app_step`` says the same in the app's own words (its settings pages).

The texts a screen shows (all but ``next_step``) are :class:`~pos_app.services.phrases.Phrase`
objects, where they are more than a proper name or a value: English here, translated there.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum

from pos_app.services.phrases import Phrase, phrase

__all__ = ["CheckResult", "CheckStatus", "exit_code", "format_table", "settings_page"]


class CheckStatus(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class CheckResult:
    component: str
    check: str
    status: CheckStatus
    detail: str
    #: What to do, for a person at a terminal: commands and POS_APP_* variables allowed.
    next_step: str = ""
    #: The same next step in app words (no command lines), for a screen in the app; empty
    #: where ``next_step`` names nothing technical or there is nothing to do.
    app_step: str = ""


def exit_code(results: list[CheckResult]) -> int:
    return 1 if any(r.status is CheckStatus.FAIL for r in results) else 0


def format_table(results: list[CheckResult], width: int = 100) -> str:
    """A plain-text table; failures and warnings carry their next step on the line below."""
    headers = ("Component", "Check", "Result", "Details")
    col = [
        max(len(headers[0]), *(len(r.component) for r in results)),
        max(len(headers[1]), *(len(r.check) for r in results)),
        max(len(headers[2]), *(len(r.status.value) for r in results)),
    ]
    indent = sum(col) + 3 * 2
    detail_width = max(30, width - indent)
    lines = [
        f"{headers[0]:<{col[0]}}  {headers[1]:<{col[1]}}  {headers[2]:<{col[2]}}  {headers[3]}",
        f"{'-' * col[0]}  {'-' * col[1]}  {'-' * col[2]}  {'-' * min(detail_width, 40)}",
    ]
    pad = " " * indent
    for r in results:
        detail = textwrap.wrap(r.detail, detail_width) or [""]
        lines.append(
            f"{r.component:<{col[0]}}  {r.check:<{col[1]}}  {r.status.value:<{col[2]}}  {detail[0]}"
        )
        lines += [pad + more for more in detail[1:]]
        if r.next_step and r.status in (CheckStatus.FAIL, CheckStatus.WARN):
            step = textwrap.wrap("next: " + r.next_step, detail_width)
            lines += [pad + part for part in step]
    failed = sum(r.status is CheckStatus.FAIL for r in results)
    lines.append("")
    lines.append("Everything needed is in order." if not failed else f"{failed} check(s) failed.")
    return "\n".join(lines)


#: The app's settings page for each component's settings, for ``app_step`` texts.
_SETTINGS_PAGES = {
    "Piggy": phrase("Connect to Piggy"),
    "Giftoin": phrase("Giftoin and Nudj"),
    "Nudj": phrase("Giftoin and Nudj"),
}


def settings_page(component: str) -> Phrase:
    """``Settings → <page>``: where in the app the settings of ``component`` are changed."""
    return phrase("Settings → {page}", page=_SETTINGS_PAGES.get(component, component))
