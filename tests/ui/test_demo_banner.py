"""The demo banner: one line that fits, and a guide to every demo customer and fault."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from pos_app.demo import DemoInfo
from pos_app.sandbox import demo_data as demo
from pos_app.sandbox.faults import parse_assignment
from pos_app.ui.counter.banners import DemoBanner
from tests.helpers import wait_until

FAULTS = dict(
    parse_assignment(text)
    for text in ("piggy.collect=after_apply:timeout", "nudj.rewards=error:503")
)
INFO = DemoInfo(
    cards=demo.DEMO_CARDS,
    email=demo.EMAIL_MAIN,
    faults=tuple(sorted(FAULTS)),
    fault_details=tuple(sorted(FAULTS.items())),
    mailbox=lambda email: None,
)


#: The banners' parents, kept for the test (Qt deletes a parent Python let go of).
_KEPT: list[QWidget] = []


def banner_at(qtbot: QtBot, width: int) -> DemoBanner:
    parent = QWidget()
    qtbot.addWidget(parent)
    _KEPT.append(parent)
    banner = DemoBanner(INFO, parent)
    parent.resize(width, 200)
    banner.setFixedWidth(width)
    parent.show()
    return banner


@pytest.mark.parametrize(("width", "at_most"), [(1024 - 48, 2), (800 - 48, 3)])
def test_the_banner_is_a_line_or_two(qtbot: QtBot, width: int, at_most: int) -> None:
    banner = banner_at(qtbot, width)
    lines = banner.label.fontMetrics().lineSpacing()
    height = banner.label.heightForWidth(banner.label.width())
    assert height <= at_most * lines + 2, (height, lines)
    assert banner.minimumSizeHint().width() <= width
    assert "DEMO" in banner.label.text()


# The offscreen platform cannot raise a window, and says so when the guide comes forward.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.asyncio
async def test_the_guide_lists_every_demo_customer_and_says_the_faults_in_words(
    qtbot: QtBot,
) -> None:
    banner = banner_at(qtbot, 1000)
    banner.guide_button.click()
    guide = banner.guide
    assert guide is not None
    await wait_until(guide.isVisible)
    # Beside the window: the counter stays usable while it is open.
    assert not guide.isModal()
    assert QApplication.activeModalWidget() is None
    text = guide.text.text()
    for card in demo.DEMO_CARDS:
        assert card in text
    for email in (demo.EMAIL_MAIN, demo.EMAIL_EMPTY, demo.EMAIL_BIG, demo.EMAIL_NO_CARD):
        assert email in text
    assert "PIN 1234" in text
    assert "PIN 246810" in text
    assert "handing a reward over: does it, but the answer is lost on the way" in text
    assert "loading Nudj rewards: fails with a server error (503)" in text
    assert "piggy.collect" not in text
    assert "after_apply" not in text
    guide.close()
    banner.guide_button.click()
    await wait_until(guide.isVisible)
    guide.close()
