"""The progress panel on its own: models, texts, delegates, section states, collapsing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QRect,
    QSettings,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_app.api import errors
from pos_app.services.progress import (
    CardView,
    CatalogueReward,
    ChallengeRewardView,
    ChallengeView,
    GiftoinProgress,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    NudjRewardView,
    Program,
    RewardState,
    TimeLeft,
    TimeLeftKind,
)
from pos_app.ui.pictures import PictureCache
from pos_app.ui.progress.giftoin import ChallengeDelegate, ChallengeListModel
from pos_app.ui.progress.nudj import NudjRewardDelegate, NudjRewardListModel
from pos_app.ui.progress.panel import COLLAPSED_KEY, ProgressPanel
from pos_app.ui.progress.rows import ProgressRole
from pos_app.ui.progress.section import SectionState
from pos_app.ui.progress.texts import (
    card_text,
    challenge_detail_text,
    challenge_progress_text,
    describe_progress_error,
    not_linked_text,
    nudj_detail_text,
    nudj_summary_text,
    price_text,
    rarity_text,
    reward_state_text,
    status_text,
    time_left_text,
)
from pos_app.ui.theme import ColorScheme, contrast_ratio
from tests.helpers.ui import png

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
PICTURE = "https://pictures.example/{}.png"


@pytest.fixture(autouse=True)
def british_numbers(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def card(name: str, quantity: int | None, rarity: str | None = "common") -> CardView:
    return CardView(
        id=name,
        name=name,
        picture_url=PICTURE.format(name),
        owned_quantity=quantity,
        owned=bool(quantity),
        rarity=rarity,
    )


def challenge(**changes: Any) -> ChallengeView:
    values: dict[str, Any] = {
        "id": "autumn",
        "name": "Autumn Leaves",
        "description": "Collect all eight autumn cards.",
        "picture_url": PICTURE.format("autumn"),
        "collected": 3,
        "size": 8,
        "percentage": 38.0,
        "cards": (card("Oak", 2), card("Acorn", 1), card("Moon", 0, "epic")),
        "status": "in_progress",
        "ends_at": NOW + timedelta(days=12),
        "open_ended": False,
        "reward": ChallengeRewardView(
            name="Autumn Badge",
            description="For completing the collection.",
            picture_url=PICTURE.format("badge"),
            state=RewardState.LOCKED,
        ),
    }
    values.update(changes)
    return ChallengeView(**values)


def bare_challenge() -> ChallengeView:
    return ChallengeView(
        id=None,
        name=None,
        description=None,
        picture_url=None,
        collected=None,
        size=None,
        percentage=None,
        cards=(),
        status=None,
        ends_at=None,
        open_ended=False,
        reward=None,
    )


CHALLENGES = [
    challenge(),
    challenge(
        id="coffee",
        name="Coffee Lovers",
        collected=None,
        size=None,
        percentage=60.0,
        cards=(),
        reward=None,
    ),
    challenge(id="mystery", name="Mystery", status="paused_by_operator", open_ended=True),
    bare_challenge(),
]


def catalogue_reward(**changes: Any) -> CatalogueReward:
    values: dict[str, Any] = {
        "id": "tote",
        "title": "Canvas tote",
        "description": "A sturdy bag.",
        "picture_url": PICTURE.format("tote"),
        "price": 200,
        "remaining_supply": 12,
        "featured": False,
        "status": "live",
        "expires_at": None,
        "user_state": None,
        "user_asset_count": None,
        "user_entry_count": None,
    }
    values.update(changes)
    return CatalogueReward(**values)


REWARDS = [
    NudjRewardView(
        catalogue_reward(id="coffee", title="Free coffee", price=50, featured=True), 160
    ),
    NudjRewardView(catalogue_reward(), 160),
    NudjRewardView(catalogue_reward(id="odd", title=None, price=None, remaining_supply=None), 160),
    NudjRewardView(
        catalogue_reward(
            id="gone", remaining_supply=0, user_asset_count=1, user_state="redeemed", price=20
        ),
        None,
    ),
]


def check(tester: ModelTester, model: Any) -> None:
    tester.check(model)  # type: ignore[no-untyped-call]


# --- models ----------------------------------------------------------------------------------


def test_challenge_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ChallengeListModel(now=NOW)
    check(qtmodeltester, model)
    model.set_challenges(CHALLENGES, NOW)
    model.set_now(NOW + timedelta(days=1))
    model.clear()
    model.set_challenges(CHALLENGES, NOW)
    check(qtmodeltester, model)
    model.clear()
    check(qtmodeltester, model)


def test_nudj_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = NudjRewardListModel()
    check(qtmodeltester, model)
    model.set_rewards(REWARDS)
    model.clear()
    model.set_rewards(REWARDS)
    check(qtmodeltester, model)


def test_challenge_roles() -> None:
    model = ChallengeListModel(now=NOW)
    model.set_challenges(CHALLENGES, NOW)
    first = model.index(0, 0)
    assert first.data() == "Autumn Leaves"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "Collect all eight autumn cards."
    assert first.data(ProgressRole.PROGRESS_TEXT) == "3 / 8"
    assert first.data(ProgressRole.FRACTION) == pytest.approx(3 / 8)
    assert first.data(ProgressRole.DETAIL_TEXT) == "12 days left · 5 more to collect"
    assert first.data(ProgressRole.CHIP_TEXT) == "In progress"
    assert first.data(ProgressRole.REWARD_TEXT) == "Autumn Badge"
    assert first.data(ProgressRole.REWARD_STATE_TEXT) == "Locked"
    assert len(first.data(ProgressRole.CARD_PICTURES)) == 3
    assert first.data(ProgressRole.COMPLETE) is False
    assert first.data(ProgressRole.ENDED) is False
    accessible = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Oak — Common — owned: 2" in accessible
    assert "reward: Autumn Badge (Locked)" in accessible
    coffee = model.index(1, 0)
    assert coffee.data(ProgressRole.PROGRESS_TEXT) == "60%"
    assert coffee.data(ProgressRole.REWARD_TEXT) == ""
    assert coffee.data(ProgressRole.REWARD_PICTURE) is None
    mystery = model.index(2, 0)
    assert mystery.data(ProgressRole.CHIP_TEXT) == "paused_by_operator"  # as sent
    # Missing fields leave their spot empty.
    bare = model.index(3, 0)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        ProgressRole.PROGRESS_TEXT,
        ProgressRole.DETAIL_TEXT,
        ProgressRole.CHIP_TEXT,
        ProgressRole.REWARD_TEXT,
    ):
        assert bare.data(role) == ""
    assert bare.data(ProgressRole.FRACTION) is None
    assert model.flags(first) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag.NoItemFlags


def test_countdown_moves_with_set_now() -> None:
    model = ChallengeListModel(now=NOW)
    model.set_challenges([challenge(ends_at=NOW + timedelta(hours=3))], NOW)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append(top.row()))
    assert model.index(0, 0).data(ProgressRole.DETAIL_TEXT).startswith("3 hours left")
    model.set_now(NOW + timedelta(hours=2, minutes=30))
    assert changed == [0]
    assert model.index(0, 0).data(ProgressRole.DETAIL_TEXT).startswith("30 minutes left")
    model.set_now(NOW + timedelta(hours=4))
    assert model.index(0, 0).data(ProgressRole.DETAIL_TEXT).startswith("Ended")


def test_nudj_roles() -> None:
    model = NudjRewardListModel()
    model.set_rewards(REWARDS)
    coffee, tote, odd, gone = (model.index(row, 0) for row in range(4))
    assert coffee.data(ProgressRole.CHIP_TEXT) == "★ Featured"
    assert coffee.data(ProgressRole.PROGRESS_TEXT) == "50 points"
    assert coffee.data(ProgressRole.COMPLETE) is True
    assert tote.data(ProgressRole.PROGRESS_TEXT) == "160 / 200 points"
    assert tote.data(ProgressRole.FRACTION) == pytest.approx(0.8)
    assert tote.data(ProgressRole.DETAIL_TEXT) == "12 left"
    assert tote.data(ProgressRole.CHIP_TEXT) == ""
    assert odd.data() == ""
    assert odd.data(ProgressRole.PROGRESS_TEXT) == ""
    assert odd.data(ProgressRole.FRACTION) is None
    assert gone.data(ProgressRole.DETAIL_TEXT) == "Sold out · owned: 1 · redeemed"
    assert "affordable" in coffee.data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.asyncio
async def test_card_pictures_arrive_and_repaint_their_row() -> None:
    body = png("#ff0000", 8, 8)

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "image/png"})

    cache = PictureCache(None, transport=httpx.MockTransport(serve), device_pixel_ratio=1.0)
    try:
        model = ChallengeListModel(cache, now=NOW)
        model.set_challenges(CHALLENGES[:2], NOW)
        changed: list[int] = []
        arrived: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_changed(top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
            changed.append(top.row())
            if not arrived.done():
                arrived.set_result(None)

        model.dataChanged.connect(on_changed)
        before = model.index(0, 0).data(ProgressRole.CARD_PICTURES)
        assert before[0].cacheKey() == cache.placeholder().cacheKey()
        await cache.load(PICTURE.format("Oak"))
        await asyncio.wait_for(arrived, 2)
        after = model.index(0, 0).data(ProgressRole.CARD_PICTURES)
        assert after[0].toImage().pixelColor(10, 10) == QColor("#ff0000")
        assert changed == [0]
    finally:
        await cache.aclose()


# --- texts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (TimeLeft(TimeLeftKind.LEFT, timedelta(days=3)), "3 days left"),
        (TimeLeft(TimeLeftKind.LEFT, timedelta(days=11, hours=23)), "12 days left"),
        (TimeLeft(TimeLeftKind.LEFT, timedelta(hours=47)), "47 hours left"),
        (TimeLeft(TimeLeftKind.LEFT, timedelta(hours=1)), "1 hour left"),
        (TimeLeft(TimeLeftKind.LEFT, timedelta(minutes=59)), "59 minutes left"),
        (TimeLeft(TimeLeftKind.LEFT, timedelta(seconds=10)), "1 minute left"),
        (TimeLeft(TimeLeftKind.ENDED), "Ended"),
        (TimeLeft(TimeLeftKind.NO_END), "No end date"),
        (None, ""),
    ],
)
def test_time_left(left: TimeLeft | None, text: str) -> None:
    assert time_left_text(left) == text


def test_open_enums_show_known_values_in_words_and_new_ones_as_sent() -> None:
    assert status_text("in_progress") == "In progress"
    assert status_text("COMPLETED") == "Completed"
    assert status_text("paused_by_operator") == "paused_by_operator"
    assert status_text(None) == ""
    assert rarity_text("legendary") == "Legendary"
    assert rarity_text("legendary-shiny") == "legendary-shiny"
    assert rarity_text(None) == ""
    assert reward_state_text(RewardState.CLAIMABLE) == "Claimable"
    assert reward_state_text(RewardState.CLAIMED) == "Claimed"
    assert reward_state_text(None) == ""


def test_challenge_texts() -> None:
    assert challenge_progress_text(challenge(collected=1, size=1)) == "1 / 1"
    assert challenge_progress_text(bare_challenge()) == ""
    assert challenge_detail_text(challenge(collected=8), NOW) == "12 days left"
    assert challenge_detail_text(challenge(ends_at=None, open_ended=True), NOW) == (
        "No end date · 5 more to collect"
    )
    # Over: nothing left to collect for.
    assert challenge_detail_text(challenge(ends_at=NOW - timedelta(days=1)), NOW) == "Ended"
    assert card_text(card("Moon", None, None)) == "Moon — not owned"
    assert card_text(card("Oak", 0)) == "Oak — Common — owned: 0"


def test_nudj_texts() -> None:
    assert price_text(NudjRewardView(catalogue_reward(price=1500), 1200)) == "1,200 / 1,500 points"
    assert price_text(NudjRewardView(catalogue_reward(price=1500), None)) == "1,500 points"
    assert nudj_detail_text(NudjRewardView(catalogue_reward(user_entry_count=2), 0)) == (
        "12 left · entries: 2"
    )
    assert nudj_summary_text(NudjProgress(points=1340, xp=12500, rewards=())) == (
        "1,340 Nudj points · 12,500 XP"
    )
    assert nudj_summary_text(NudjProgress(points=None, xp=None, rewards=())) == ""


@pytest.mark.parametrize(
    ("result", "platform", "text"),
    [
        (
            NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ID),
            "discord",
            "Giftoin finds customers by their Discord account, and this customer has not "
            "linked one to their loyalty account yet.",
        ),
        (
            NotLinked(Program.NUDJ, NotLinkedReason.NO_ID),
            None,
            "This customer's loyalty account is not linked to Nudj yet.",
        ),
        (NotLinked(Program.GIFTOIN, NotLinkedReason.NO_ACCOUNT), None, "Giftoin does not know"),
        (
            NotLinked(Program.NUDJ, NotLinkedReason.ID_NOT_FOUND, looked_up_by="email"),
            None,
            "This customer's Nudj id was not found (looked up by: email).",
        ),
        (
            NotLinked(Program.NUDJ, NotLinkedReason.ID_NOT_FOUND),
            None,
            "This customer's Nudj id was not found.",
        ),
        (NotLinked(Program.GIFTOIN, NotLinkedReason.NOT_SET_UP), None, "Giftoin is not set up"),
    ],
)
def test_not_linked_texts(result: NotLinked, platform: str | None, text: str) -> None:
    assert not_linked_text(result, platform).startswith(text)


@pytest.mark.parametrize(
    ("exc", "text"),
    [
        (errors.ApiTimeoutError("t", vendor="giftoin"), "Giftoin did not answer in time."),
        (errors.ApiConnectionError("c", vendor="giftoin"), "No connection to Giftoin."),
        (
            errors.AuthenticationError("a", vendor="giftoin", status_code=401),
            "Giftoin refused this counter's key. Ask a manager to open Settings and check Giftoin.",
        ),
        (
            errors.RateLimitedError("r", vendor="giftoin", status_code=429, retry_after=30),
            "Giftoin is busy. Try again in 30 seconds.",
        ),
        (
            errors.MaintenanceError("m", vendor="giftoin", status_code=503),
            "Giftoin is in maintenance. Try again in a moment.",
        ),
        (
            errors.ResponseValidationError("v", vendor="giftoin"),
            "Giftoin sent an answer the app does not understand.",
        ),
        (errors.ServerError("s", vendor="giftoin", status_code=500), "Giftoin had a problem."),
        (ValueError("a bug"), "Giftoin could not be shown."),
    ],
)
def test_errors_in_shop_words(exc: BaseException, text: str) -> None:
    assert describe_progress_error(Program.GIFTOIN, exc).startswith(text)


# --- delegates -------------------------------------------------------------------------------


def test_challenge_rows_grow_with_their_cards(qtbot: QtBot) -> None:
    delegate = ChallengeDelegate()
    model = ChallengeListModel(now=NOW)
    many = challenge(cards=tuple(card(f"c{i}", i % 2) for i in range(12)))
    model.set_challenges([bare_challenge(), challenge(), many], NOW)
    font = QFont()
    heights = [
        delegate.geometry(QRect(0, 0, 400, 0), font, model.index(row, 0)).height for row in range(3)
    ]
    assert heights[0] < heights[1] < heights[2]
    narrow = delegate.geometry(QRect(0, 0, 260, 0), font, model.index(2, 0))
    wide = delegate.geometry(QRect(0, 0, 400, 0), font, model.index(2, 0))
    assert narrow.height > wide.height  # fewer cards a row
    # Every card and its rarity label inside the row, none overlapping the next.
    for rect in wide.cards + wide.rarities:
        assert QRect(0, 0, 400, wide.height).contains(rect)
    assert not wide.cards[0].intersects(wide.cards[1])


def test_delegates_paint_without_error(qtbot: QtBot) -> None:
    panel = ProgressPanel(None, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show_loading(Program.GIFTOIN)
    panel.show_loading(Program.NUDJ)
    panel.show_giftoin(GiftoinProgress(tuple(CHALLENGES)))
    panel.show_nudj(NudjProgress(points=160, xp=900, rewards=tuple(REWARDS)))
    panel.show()
    image = panel.grab().toImage()
    assert not image.isNull()
    # The progress bar's blue is somewhere on the Giftoin list.
    view = panel.challenge_view
    shot = view.viewport().grab().toImage()
    blues = sum(
        1
        for x in range(0, shot.width(), 2)
        for y in range(0, min(shot.height(), 120), 2)
        if shot.pixelColor(x, y) == QColor("#1976d2")
    )
    assert blues > 10
    option = QStyleOptionViewItem()
    option.font = QFont()
    size = NudjRewardDelegate().sizeHint(option, panel.nudj_rewards.index(0, 0))
    assert size.height() >= NudjRewardDelegate.PICTURE + 2 * NudjRewardDelegate.MARGIN


# --- sections and panel ----------------------------------------------------------------------


def state_of(panel: ProgressPanel, program: Program) -> SectionState:
    return panel.section(program).state


def test_sections_go_through_their_states(qtbot: QtBot) -> None:
    panel = ProgressPanel(None, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.show()
    assert state_of(panel, Program.GIFTOIN) is SectionState.IDLE
    assert panel.giftoin.current_page() is None

    finished: list[bool] = []
    panel.finished.connect(lambda: finished.append(True))
    panel.show_loading(Program.GIFTOIN)
    panel.show_loading(Program.NUDJ)
    assert state_of(panel, Program.GIFTOIN) is SectionState.LOADING
    assert panel.giftoin.current_page() is not None
    assert panel.giftoin.current_page() is not panel.giftoin.view
    assert panel.is_loading()

    panel.show_error(Program.GIFTOIN, errors.ApiTimeoutError("t", vendor="giftoin"))
    assert state_of(panel, Program.GIFTOIN) is SectionState.ERROR
    assert panel.giftoin.retry_button.isVisible()
    assert panel.giftoin.message_label.text() == "Giftoin did not answer in time."
    assert finished == []  # Nudj is still loading

    panel.show_nudj(NotLinked(Program.NUDJ, NotLinkedReason.NO_ACCOUNT))
    assert finished == [True]
    assert state_of(panel, Program.NUDJ) is SectionState.NOT_LINKED
    assert panel.nudj.headline_label.text() == "Not linked"
    assert not panel.nudj.retry_button.isVisible()

    retried: list[str] = []
    panel.retryRequested.connect(retried.append)
    QTest.mouseClick(panel.giftoin.retry_button, Qt.MouseButton.LeftButton)
    assert retried == ["giftoin"]

    panel.show_loading(Program.GIFTOIN)
    panel.show_giftoin(GiftoinProgress(tuple(CHALLENGES)))
    assert finished == [True, True]
    assert state_of(panel, Program.GIFTOIN) is SectionState.RESULT
    assert panel.giftoin.current_page() is panel.challenge_view
    assert panel.challenges.rowCount() == len(CHALLENGES)

    panel.show_nudj(NudjProgress(points=160, xp=None, rewards=tuple(REWARDS)))
    assert panel.nudj.summary_label.text() == "160 Nudj points"
    panel.clear()
    assert panel.challenges.rowCount() == 0
    assert panel.nudj_rewards.rowCount() == 0
    assert state_of(panel, Program.GIFTOIN) is SectionState.IDLE
    assert panel.nudj.summary_label.text() == ""


def test_the_panel_never_takes_the_scanners_focus(qtbot: QtBot) -> None:
    panel = ProgressPanel(None)
    qtbot.addWidget(panel)
    assert panel.challenge_view.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert panel.nudj_view.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Buttons: reachable with Tab, never focused by a click.
    for button in (panel.giftoin.retry_button, panel.nudj.retry_button, panel.toggle_button):
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus


def test_collapsed_state_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ui_state.ini"
    state = QSettings(str(path), QSettings.Format.IniFormat)
    panel = ProgressPanel(None, state=state)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.collapsed
    assert panel.body.isVisible()
    changes: list[bool] = []
    panel.collapsedChanged.connect(changes.append)
    QTest.mouseClick(panel.toggle_button, Qt.MouseButton.LeftButton)
    assert panel.collapsed
    assert not panel.body.isVisible()
    assert changes == [True]
    assert path.exists()

    again = ProgressPanel(None, state=QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.collapsed
    again.set_collapsed(False)
    third = ProgressPanel(None, state=QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(third)
    assert not third.collapsed
    assert QSettings(str(path), QSettings.Format.IniFormat).value(COLLAPSED_KEY) in (
        False,
        "false",
    )


# --- collectibles: by name, missing ones legible, nothing cut short -----------------------


def _rendered_words(delegate: ChallengeDelegate, font: QFont, width: int) -> tuple[Any, Any]:
    model = ChallengeListModel(now=NOW)
    cards = (
        card("Golden Acorn", 1, "legendary"),
        card("Maple Leaf", 0, "uncommon"),
        card("Chestnut", 2, "rare"),
        card("Harvest Moon", 0, "epic"),
    )
    model.set_challenges([challenge(cards=cards)], NOW)
    index = model.index(0, 0)
    return delegate.geometry(QRect(0, 0, width, 0), font, index), cards


@pytest.mark.parametrize("scale", [1.0, 1.25], ids=["desktop", "kiosk font"])
def test_collectibles_are_named_with_their_rarity_and_nothing_is_cut_short(
    qtbot: QtBot, scale: float
) -> None:
    font = QFont()
    font.setPointSizeF(font.pointSizeF() * scale)
    delegate = ChallengeDelegate()
    geometry, cards = _rendered_words(delegate, font, 320)
    small = delegate._fonts(font)[2]
    metrics = QFontMetrics(small)
    for card_view, name_rect, rarity_rect in zip(
        cards, geometry.names, geometry.rarities, strict=True
    ):
        # The name is the label (on up to two lines, every word whole); the rarity under it.
        assert name_rect.bottom() < rarity_rect.top()
        for word in (card_view.name or "").split():
            assert metrics.horizontalAdvance(word) <= name_rect.width(), word
        wrapped = metrics.boundingRect(
            QRect(0, 0, name_rect.width(), 1000),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
            card_view.name or "",
        )
        assert wrapped.height() <= name_rect.height()
        assert metrics.horizontalAdvance(rarity_text(card_view.rarity)) <= rarity_rect.width()
        assert QRect(0, 0, 320, geometry.height).contains(rarity_rect)


def test_a_missing_collectible_is_legible(qtbot: QtBot) -> None:
    # Its name is in a readable ink on the list's white, its picture more than a ghost.
    assert contrast_ratio(ColorScheme.PAPER, ColorScheme.CARD_NAME_TEXT) >= 7
    for rarity, color in ColorScheme.RARITY.items():
        assert contrast_ratio(ColorScheme.PAPER, color) >= 4.5, rarity
    panel = ProgressPanel(None, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    missing = challenge(cards=(card("Moon", 0, "epic"),))
    panel.show_loading(Program.GIFTOIN)
    panel.show_giftoin(GiftoinProgress((missing,)))
    panel.show()
    view = panel.challenge_view
    index = panel.challenges.index(0, 0)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect = view.visualRect(index)
    delegate = view.itemDelegate()
    assert isinstance(delegate, ChallengeDelegate)
    geometry = delegate.geometry(option.rect, option.font, index)
    shot = view.viewport().grab().toImage()
    name = geometry.names[0]
    darkest = min(
        (
            shot.pixelColor(x, y)
            for x in range(name.left(), name.right())
            for y in range(name.top(), name.bottom())
        ),
        key=lambda c: c.lightnessF(),
    )
    assert contrast_ratio(darkest, ColorScheme.PAPER) >= 4.5


def test_the_panel_has_no_scroll_area_inside_another(qtbot: QtBot) -> None:
    panel = ProgressPanel(None, clock=lambda: NOW)
    qtbot.addWidget(panel)
    areas = panel.findChildren(QAbstractScrollArea)
    assert areas
    for area in areas:
        parent = area.parentWidget()
        while parent is not None and parent is not panel:
            assert not isinstance(parent, QAbstractScrollArea), area.objectName()
            parent = parent.parentWidget()
