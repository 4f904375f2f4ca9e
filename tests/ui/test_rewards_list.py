"""The rewards list: model (order, flags, roles, badge texts), delegate painting, view."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import httpx
import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pos_app.services.pickup_models import Expiry, ExpiryKind, PickupItem
from pos_app.ui.i18n import use_language
from pos_app.ui.pictures import PictureCache
from pos_app.ui.rewards.header import RewardListHeader, counts_text
from pos_app.ui.rewards.model import (
    RewardListModel,
    RewardRole,
    attribute_label,
    badge_text,
    format_short_date,
)
from pos_app.ui.rewards.view import (
    BADGE_DIGITAL,
    BADGE_EXPIRED,
    BADGE_LATER,
    BADGE_NONE,
    BADGE_SOON,
    BADGE_TODAY,
    RewardDelegate,
    RewardListView,
    badge_colors,
)
from pos_app.ui.theme import contrast_ratio
from tests.helpers import wait_until
from tests.helpers.ui import png

#: Noon local time: "today" and "in N days" do not depend on the machine's time zone.
NOW = datetime(2026, 11, 10, 12, 0).astimezone()


def reward(
    uuid: str,
    title: str,
    expires_at: datetime | None,
    *,
    claimed_at: datetime | None = None,
    picture_url: str | None = None,
    description: str | None = None,
) -> PickupItem:
    return PickupItem(
        loyalty_transaction_uuid=uuid,
        title=title,
        description=description,
        picture_url=picture_url,
        claimed_at=claimed_at if claimed_at is not None else NOW - timedelta(days=3),
        expires_at=expires_at,
        reward_type="PHYSICAL",
    )


EXPIRED = reward("lt-expired", "Old chocolate", datetime(2026, 11, 3, 15, 0).astimezone())
TODAY = reward("lt-today", "Coffee voucher", NOW + timedelta(hours=2))
TOMORROW = reward("lt-1", "Tote bag", NOW + timedelta(days=1))
FIVE_DAYS = reward("lt-5", "Water bottle", NOW + timedelta(days=5))
LATER = reward("lt-30", "Umbrella", NOW + timedelta(days=30), description="Fits in every bag.")
FOREVER = reward("lt-none", "Shop mug", None)
ALL = [FOREVER, EXPIRED, LATER, FIVE_DAYS, TODAY, TOMORROW]


@pytest.fixture(autouse=True)
def british_dates(qapp: QApplication) -> Iterator[None]:
    """Dates as a British counter writes them, whatever the test machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def check_model(tester: ModelTester, model: RewardListModel) -> None:
    tester.check(model)  # type: ignore[no-untyped-call]


def uuids(model: RewardListModel) -> list[str]:
    return [item.loyalty_transaction_uuid for item in model.items()]


def full_model() -> RewardListModel:
    model = RewardListModel()
    model.set_items(ALL, NOW)
    return model


# --- model -----------------------------------------------------------------------------------


def test_model_passes_the_model_tester_full_and_empty(qtmodeltester: ModelTester) -> None:
    model = full_model()
    check_model(qtmodeltester, model)
    model.clear()
    assert model.rowCount() == 0
    check_model(qtmodeltester, model)


def test_model_passes_the_model_tester_through_changes(qtmodeltester: ModelTester) -> None:
    model = RewardListModel()
    # Checked while the changes happen: the tester follows the model's signals.
    check_model(qtmodeltester, model)
    model.set_items(ALL, NOW)
    assert model.set_busy(TODAY.loyalty_transaction_uuid, True)
    assert model.remove(FIVE_DAYS.loyalty_transaction_uuid)
    model.set_now(NOW + timedelta(days=2))
    assert model.set_busy(TODAY.loyalty_transaction_uuid, False)
    model.clear()
    model.set_items(ALL, NOW)


def test_rows_come_in_pickup_order_with_expired_last() -> None:
    model = full_model()
    assert uuids(model) == [
        "lt-today",
        "lt-1",
        "lt-5",
        "lt-30",
        "lt-none",
        "lt-expired",
    ]
    assert model.row_of("lt-expired") == 5
    assert model.row_of("nope") is None
    assert model.item(0) is TODAY


def test_expired_rows_are_visible_and_reachable_but_not_selectable() -> None:
    model = full_model()
    usable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    flags = [model.flags(model.index(row, 0)) for row in range(model.rowCount())]
    assert [bool(f & usable == usable) for f in flags] == [True, True, True, True, True, False]
    expired = model.index(model.row_of("lt-expired") or 0, 0)
    assert not flags[-1] & Qt.ItemFlag.ItemIsSelectable
    # Enabled: the keyboard reaches it, and Enter on it says why it cannot go.
    assert flags[-1] & Qt.ItemFlag.ItemIsEnabled
    assert expired.data(RewardRole.CAN_HAND_OVER) is False
    assert expired.data(Qt.ItemDataRole.DisplayRole) == "Old chocolate"
    assert expired.data(RewardRole.UNAVAILABLE_TEXT) == (
        "Old chocolate expired on 3 Nov: it can no longer be handed over."
    )
    assert model.index(0, 0).data(RewardRole.UNAVAILABLE_TEXT) == ""


def test_an_expired_reward_of_last_year_names_the_year() -> None:
    model = RewardListModel()
    model.set_items([reward("lt-old", "Old tea", datetime(2025, 12, 30, 12).astimezone())], NOW)
    assert model.index(0, 0).data(RewardRole.UNAVAILABLE_TEXT) == (
        "Old tea expired on 30 Dec 2025: it can no longer be handed over."
    )


def test_busy_rows_are_disabled_until_done(qtbot: QtBot) -> None:
    model = full_model()
    index = model.index(model.row_of("lt-1") or 0, 0)
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.set_busy("lt-1", True)
    assert changed.args is not None
    assert changed.args[0].row() == index.row()
    assert index.data(RewardRole.BUSY) is True
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEnabled
    assert not model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert model.is_busy("lt-1")
    assert model.set_busy("lt-1", False)
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert not model.set_busy("unknown", True)


def test_remove_takes_the_row_out(qtbot: QtBot) -> None:
    model = full_model()
    model.set_busy("lt-5", True)
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        assert model.remove("lt-5")
    assert removed.args is not None
    assert removed.args[1:] == [2, 2]
    assert "lt-5" not in uuids(model)
    assert not model.is_busy("lt-5")
    assert model.row_of("lt-30") == 2
    assert not model.remove("lt-5")


@pytest.mark.asyncio
async def test_rows_speak_the_new_language_when_the_language_changes(qtbot: QtBot) -> None:
    # A row's texts are worked out once, when first shown: a language switch (a kiosk
    # customer choosing theirs) works them out again.
    model = RewardListModel()
    model.set_items([TODAY], NOW)
    view = _show(qtbot, model)
    index = model.index(0, 0)
    assert index.data(RewardRole.BADGE_TEXT) == "Expires today"
    use_language("nl")
    await wait_until(lambda: index.data(RewardRole.BADGE_TEXT) == "Verloopt vandaag")
    assert view.model() is model


def test_set_items_forgets_busy_rows_that_are_gone() -> None:
    model = full_model()
    model.set_busy("lt-1", True)
    model.set_busy("lt-5", True)
    model.set_items([TOMORROW, TODAY], NOW)
    assert model.is_busy("lt-1")
    assert not model.is_busy("lt-5")


def test_set_now_moves_a_reward_that_expired_and_keeps_selection(qtbot: QtBot) -> None:
    model = full_model()
    view = RewardListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().select(
        model.index(model.row_of("lt-30") or 0, 0),
        view.selectionModel().SelectionFlag.ClearAndSelect,
    )
    model.set_now(NOW + timedelta(days=2))
    assert uuids(model)[:3] == ["lt-5", "lt-30", "lt-none"]
    # Among the expired, the most recently expired first.
    assert uuids(model)[-3:] == ["lt-1", "lt-today", "lt-expired"]
    assert [index.data(RewardRole.UUID) for index in view.selectionModel().selectedRows()] == [
        "lt-30"
    ]
    newly_expired = model.index(model.row_of("lt-1") or 0, 0)
    assert not model.flags(newly_expired) & Qt.ItemFlag.ItemIsSelectable
    assert not newly_expired.data(RewardRole.CAN_HAND_OVER)


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (TODAY, "Expires today"),
        (TOMORROW, "Expires in 1 day"),
        (FIVE_DAYS, "Expires in 5 days"),
        (LATER, "Expires in 30 days"),
        (EXPIRED, "Expired on 3 Nov"),
        (FOREVER, "No expiry"),
    ],
)
def test_badge_texts(item: PickupItem, text: str) -> None:
    model = full_model()
    index = model.index(model.row_of(item.loyalty_transaction_uuid) or 0, 0)
    assert index.data(RewardRole.BADGE_TEXT) == text
    assert index.data(RewardRole.EXPIRY) == item.expiry(NOW)


def test_badge_of_a_reward_expired_last_year_names_the_year() -> None:
    old = reward("lt-old", "Scarf", datetime(2025, 12, 30, 12, 0).astimezone())
    assert badge_text(old.expiry(NOW), NOW) == "Expired on 30 Dec 2025"


def test_dates_follow_the_locale_order() -> None:
    moment = datetime(2026, 11, 3, 12, 0).astimezone()
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    assert format_short_date(moment, locale=american) == "Nov 3, 2026"
    assert format_short_date(moment, with_year=False, locale=american) == "Nov 3"
    assert format_short_date(moment, with_year=False).startswith("3 Nov")
    assert format_short_date(moment, locale=dutch).startswith("3 nov")
    # German dates read "3. Nov.": the day is an ordinal with its dot.
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert format_short_date(moment, locale=german) == "3. Nov. 2026"
    assert format_short_date(moment, with_year=False, locale=german) == "3. Nov."


def test_text_roles() -> None:
    model = full_model()
    later = model.index(model.row_of("lt-30") or 0, 0)
    assert later.data(RewardRole.CLAIMED_TEXT) == "Claimed 7 Nov 2026"
    assert later.data(Qt.ItemDataRole.ToolTipRole) == "Umbrella\nFits in every bag."
    assert later.data(RewardRole.ITEM) is LATER
    assert later.data(RewardRole.UUID) == "lt-30"
    assert later.data(RewardRole.PICTURE_URL) is None
    accessible = later.data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Umbrella, Expires in 30 days, Claimed 7 Nov 2026"
    no_claim = PickupItem("lt-x", "Cap", None, None, None, None, None)
    model.set_items([no_claim], NOW)
    assert model.index(0, 0).data(RewardRole.CLAIMED_TEXT) == ""
    assert b"badge_text" in model.roleNames().values()


SOCKS = PickupItem(
    loyalty_transaction_uuid="lt-socks",
    title="Striped socks",
    description="Cotton socks with the shop's stripes.",
    picture_url=None,
    claimed_at=NOW - timedelta(days=3),
    expires_at=NOW + timedelta(days=30),
    reward_type="PHYSICAL",
    reward_uuid="rw-socks",
    attributes=(("size", "39-42"), ("colour", "blue")),
)


def test_attributes_show_on_the_row_and_the_description_on_demand() -> None:
    model = RewardListModel()
    model.set_items([SOCKS, FOREVER], NOW)
    socks = model.index(model.row_of("lt-socks") or 0, 0)
    assert socks.data(RewardRole.ATTRIBUTES_TEXT) == "Size 39-42 · Colour blue"
    assert socks.data(Qt.ItemDataRole.ToolTipRole) == (
        "Striped socks\nSize 39-42 · Colour blue\nCotton socks with the shop's stripes."
    )
    assert socks.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Striped socks, Size 39-42 · Colour blue, Expires in 30 days, Claimed 7 Nov 2026"
    )
    mug = model.index(model.row_of("lt-none") or 0, 0)
    assert mug.data(RewardRole.ATTRIBUTES_TEXT) == ""


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("size", "Size"),
        ("colour", "Colour"),
        ("shirt_colour", "Shirt colour"),
        ("shoeSize", "Shoe size"),
        ("EAN-code", "EAN code"),
        ("eennaam", "Eennaam"),
    ],
)
def test_attribute_names_read_as_labels(name: str, label: str) -> None:
    assert attribute_label(name) == label


def test_the_second_line_shows_the_attributes_before_the_claim_date(qtbot: QtBot) -> None:
    plain = replace(SOCKS, loyalty_transaction_uuid="lt-plain", attributes=())
    model = RewardListModel()
    model.set_items([SOCKS], NOW)
    view = _show(qtbot, model)
    with_attributes = view.viewport().grab().toImage()
    other = RewardListModel()
    other.set_items([plain], NOW)
    other_view = _show(qtbot, other)
    without = other_view.viewport().grab().toImage()
    height = RewardDelegate.ROW_HEIGHT
    # The second line starts right of the picture: dark text where the claim date was.
    band = (90, height // 2 + 4, 200, height - 12)
    ink_with = _colours(with_attributes, *band)
    ink_without = _colours(without, *band)
    assert ink_with != ink_without
    assert min(QColor(c).lightness() for c in ink_with) < min(
        QColor(c).lightness() for c in ink_without
    )


CINEMA = replace(
    reward("lt-cinema", "Cinema ticket", NOW + timedelta(days=2)), reward_type="DIGITAL"
)


def test_a_digital_reward_can_be_reached_but_not_selected(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = RewardListModel()
    model.set_items([CINEMA, LATER], NOW)
    check_model(qtmodeltester, model)
    cinema = model.index(model.row_of("lt-cinema") or 0, 0)
    flags = cinema.flags()
    assert flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsSelectable
    assert not cinema.data(RewardRole.CAN_HAND_OVER)
    assert cinema.data(RewardRole.DIGITAL)
    assert cinema.data(RewardRole.DETAIL_TEXT) == "Received online, nothing to hand over"
    assert cinema.data(RewardRole.UNAVAILABLE_TEXT) == (
        "Cinema ticket is digital: the customer received it online. There is nothing to "
        "hand over at the counter."
    )
    assert model.index(model.row_of("lt-30") or 0, 0).data(RewardRole.UNAVAILABLE_TEXT) == ""
    view = _show(qtbot, model)
    # Nothing selects it: not the first-available pick, not Select all.
    assert view.select_first_available()
    assert view.currentIndex().row() == model.row_of("lt-30")
    view.selectAll()
    assert [i.loyalty_transaction_uuid for i in view.selected_items()] == ["lt-30"]
    assert view.unavailable_reason() == ""
    view.selectionModel().clearSelection()
    view.setCurrentIndex(cinema)
    assert view.selected_items() == []
    assert "digital" in view.unavailable_reason()


def test_a_digital_reward_wears_its_badge(qtbot: QtBot) -> None:
    model = RewardListModel()
    model.set_items([CINEMA, LATER], NOW)
    view = _show(qtbot, model)
    image = view.viewport().grab().toImage()
    height = RewardDelegate.ROW_HEIGHT
    right = view.viewport().width()
    row = model.row_of("lt-cinema") or 0
    other = model.row_of("lt-30") or 0
    band = (right // 2, row * height + 8, right - 14, row * height + height - 8)
    assert BADGE_DIGITAL[0].name() in _colours(image, *band)
    other_band = (right // 2, other * height + 8, right - 14, other * height + height - 8)
    assert BADGE_DIGITAL[0].name() not in _colours(image, *other_band)
    assert contrast_ratio(*BADGE_DIGITAL) >= 4.5


def test_badge_colours_by_urgency_with_readable_text() -> None:
    assert badge_colors(EXPIRED.expiry(NOW)) == BADGE_EXPIRED
    assert badge_colors(TODAY.expiry(NOW)) == BADGE_TODAY
    assert badge_colors(FIVE_DAYS.expiry(NOW)) == BADGE_SOON
    assert badge_colors(Expiry(ExpiryKind.DAYS, days=7)) == BADGE_SOON
    assert badge_colors(Expiry(ExpiryKind.DAYS, days=8)) == BADGE_LATER
    assert badge_colors(FOREVER.expiry(NOW)) == BADGE_NONE
    for background, text in (BADGE_EXPIRED, BADGE_TODAY, BADGE_SOON, BADGE_LATER, BADGE_NONE):
        assert contrast_ratio(background, text) >= 4.5, background.name()


# --- pictures in the model -------------------------------------------------------------------


@pytest.mark.asyncio
async def test_rows_show_their_picture_once_it_arrives() -> None:
    body = png("#ff0000", 40, 40)

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "image/png"})

    cache = PictureCache(None, transport=httpx.MockTransport(serve), device_pixel_ratio=1.0)
    try:
        url = "https://pictures.example/mug.png"
        model = RewardListModel(cache)
        mug = reward("lt-mug", "Mug", None, picture_url=url)
        model.set_items([mug, TODAY, reward("lt-mug2", "Mug 2", None, picture_url=url)], NOW)
        changed: list[tuple[int, int, list[int]]] = []
        announced: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def on_changed(top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
            changed.append((top.row(), bottom.row(), list(roles)))
            if not announced.done():
                announced.set_result(None)

        model.dataChanged.connect(on_changed)
        placeholder = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
        assert placeholder.cacheKey() == cache.placeholder().cacheKey()
        await cache.load(url)
        await asyncio.wait_for(announced, 2)
        # Nothing more can be announced: the batch timer is done and no picture is on its way.
        assert not any(timer.isActive() for timer in model.findChildren(QTimer))
        # Both rows with that picture, in one signal.
        assert changed == [(1, 2, [Qt.ItemDataRole.DecorationRole])]
        picture = model.index(1, 0).data(Qt.ItemDataRole.DecorationRole)
        assert picture.cacheKey() != placeholder.cacheKey()
        assert picture.toImage().pixelColor(32, 32) == QColor("#ff0000")
        # A row without a picture keeps the placeholder.
        assert (
            model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).cacheKey()
            == placeholder.cacheKey()
        )
    finally:
        await cache.aclose()


@pytest.mark.asyncio
async def test_a_burst_of_pictures_repaints_once() -> None:
    body = png("#0000ff", 40, 40)

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    cache = PictureCache(None, transport=httpx.MockTransport(serve), device_pixel_ratio=1.0)
    try:
        urls = [f"https://pictures.example/{i}.png" for i in range(8)]
        model = RewardListModel(cache)
        model.set_items(
            [reward(f"lt-{i}", f"R{i}", None, picture_url=url) for i, url in enumerate(urls)], NOW
        )
        await asyncio.gather(*(cache.load(url) for url in urls))
        await wait_until(lambda: not any(t.isActive() for t in model.findChildren(QTimer)))
        spans: list[tuple[int, int]] = []
        announced = asyncio.Event()

        def on_changed(top: QModelIndex, bottom: QModelIndex, _roles: list[int]) -> None:
            spans.append((top.row(), bottom.row()))
            announced.set()

        model.dataChanged.connect(on_changed)
        # Eight pictures ready in one go (as a burst of downloads finishing together; how
        # close real ones come depends on the machine's load, so they are announced here).
        for url in urls:
            cache.pictureReady.emit(url)
        await asyncio.wait_for(announced.wait(), 2)
        # The batch timer is done: no second repaint can follow.
        await wait_until(lambda: not any(t.isActive() for t in model.findChildren(QTimer)))
        assert spans == [(0, 7)]
    finally:
        await cache.aclose()


# --- delegate and view -----------------------------------------------------------------------


def _show(
    qtbot: QtBot, model: RewardListModel | None, width: int = 640, height: int = 520
) -> RewardListView:
    view = RewardListView()
    qtbot.addWidget(view)
    if model is not None:
        view.setModel(model)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def _colours(image: QImage, x0: int, y0: int, x1: int, y1: int) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(x0, x1) for y in range(y0, y1)}


def test_view_basics(qtbot: QtBot) -> None:
    view = _show(qtbot, full_model())
    assert view.objectName() == "rewardsList"
    assert view.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.uniformItemSizes()
    assert isinstance(view.itemDelegate(), RewardDelegate)
    assert view.empty_text() == "Nothing to pick up for this customer."


def test_rows_have_the_delegates_height(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    delegate = view.delegate
    hint = delegate.sizeHint(QStyleOptionViewItem(), model.index(0, 0))
    assert hint.height() == RewardDelegate.ROW_HEIGHT == 72
    for row in (0, 3, 5):
        rect = view.visualRect(model.index(row, 0))
        assert rect.height() == hint.height()
        assert rect.top() == row * hint.height()
        # Rows span the viewport; nothing hides behind a sideways scroll bar.
        assert rect.width() >= view.viewport().width() - 1
    view.set_touch(True)
    qtbot.waitUntil(
        lambda: view.visualRect(model.index(1, 0)).top() == RewardDelegate.TOUCH_ROW_HEIGHT
    )
    assert delegate.thumbnail_size().width() == RewardDelegate.TOUCH_THUMBNAIL


def test_rows_grow_with_a_large_font(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    font = view.font()
    font.setPointSizeF(28)
    view.setFont(font)
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, 0)).height() > RewardDelegate.ROW_HEIGHT)
    option = QStyleOptionViewItem()
    option.font = font
    title_and_claim = 2 * QFontMetrics(font).height()
    assert view.delegate.sizeHint(option, model.index(0, 0)).height() > title_and_claim
    pixel_font = QFont(font)
    pixel_font.setPixelSize(30)
    option.font = pixel_font
    assert view.delegate.sizeHint(option, model.index(0, 0)).height() > 60


def test_delegate_paints_pictures_titles_badges_and_selection(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    view.select_first_available()
    model.set_busy("lt-5", True)
    image = view.viewport().grab().toImage()
    height = RewardDelegate.ROW_HEIGHT
    right = view.viewport().width()

    def row_colours(row: int, x0: int, x1: int) -> set[str]:
        top = row * height
        return _colours(image, x0, top + 8, x1, top + height - 8)

    highlight = view.palette().color(view.palette().ColorRole.Highlight).name()
    base = view.palette().color(view.palette().ColorRole.Base).name()
    # Row 0 is selected: its text area is highlighted; row 1 is not.
    assert highlight in row_colours(0, 100, 200)
    assert highlight not in row_colours(1, 100, 200)
    # Badges in their colours, right-aligned.
    assert BADGE_TODAY[0].name() in row_colours(0, right - 60, right - 14)
    assert BADGE_SOON[0].name() in row_colours(1, right - 60, right - 14)
    assert BADGE_LATER[0].name() in row_colours(3, right - 60, right - 14)
    assert BADGE_NONE[0].name() in row_colours(4, right - 60, right - 14)
    assert BADGE_EXPIRED[0].name() in row_colours(5, right - 60, right - 14)
    # The busy row shows no expiry colour, only its "Handing over…" outline.
    assert BADGE_SOON[0].name() not in row_colours(2, right - 60, right - 14)
    # Placeholder picture on the left, then dark title text beside it.
    assert "#eceff1" in row_colours(1, 14, 74)
    title_ink = _colours(image, 90, height + 20, 160, height + 34)
    assert any(QColor(c).lightness() < 80 for c in title_ink), title_ink
    # Past the rows only the background.
    assert _colours(image, 0, 6 * height + 2, right, image.height()) == {base}


def test_long_titles_are_elided_before_the_badge(qtbot: QtBot) -> None:
    title = "Limited edition enamel pin set – spring collection, hand-finished " * 3
    model = RewardListModel()
    model.set_items([reward("lt-long", title, NOW + timedelta(days=30))], NOW)
    view = _show(qtbot, model, width=420, height=200)
    image = view.viewport().grab().toImage()
    right = view.viewport().width()
    badge_left = next(
        x
        for x in range(80, right)
        if image.pixelColor(x, RewardDelegate.ROW_HEIGHT // 2) == BADGE_LATER[0]
    )
    # The gap before the badge stays clear: the title was cut, not painted over it.
    gap = _colours(image, badge_left - 10, 4, badge_left - 2, RewardDelegate.ROW_HEIGHT - 4)
    base = view.palette().color(view.palette().ColorRole.Base).name()
    assert gap <= {base, view.palette().color(view.palette().ColorRole.Mid).lighter(125).name()}


def test_empty_list_says_so(qtbot: QtBot) -> None:
    model = RewardListModel()
    view = _show(qtbot, model)
    base = view.palette().color(view.palette().ColorRole.Base).name()
    centre = view.viewport().rect().center()

    def middle_band() -> set[str]:
        image = view.viewport().grab().toImage()
        return _colours(image, 40, centre.y() - 12, view.viewport().width() - 40, centre.y() + 12)

    assert middle_band() != {base}
    view.set_empty_text("")
    assert middle_band() == {base}
    view.set_empty_text("No rewards waiting.")
    assert middle_band() != {base}
    # Rows push the message away; removing the last row brings it back.
    model.set_items([TODAY], NOW)
    assert middle_band() == {base}
    model.remove(TODAY.loyalty_transaction_uuid)
    assert middle_band() != {base}


def test_empty_state_without_any_model(qtbot: QtBot) -> None:
    view = _show(qtbot, None)
    base = view.palette().color(view.palette().ColorRole.Base).name()
    image = view.viewport().grab().toImage()
    centre = view.viewport().rect().center()
    assert _colours(image, 40, centre.y() - 12, view.viewport().width() - 40, centre.y() + 12) != {
        base
    }
    assert not view.select_first_available()


def test_select_first_available_skips_busy_and_expired_rows(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    model.set_busy("lt-today", True)
    model.set_busy("lt-1", True)
    assert view.select_first_available()
    assert view.currentIndex().data(RewardRole.UUID) == "lt-5"
    assert [i.data(RewardRole.UUID) for i in view.selectionModel().selectedRows()] == ["lt-5"]
    assert [item.loyalty_transaction_uuid for item in view.selected_items()] == ["lt-5"]
    # Nothing left that can be handed over: nothing selected.
    model.set_items([EXPIRED], NOW)
    assert not view.select_first_available()
    assert view.selectionModel().selectedRows() == []


def test_ctrl_and_shift_select_several_rows(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    view.select_first_available()
    third = view.visualRect(model.index(2, 0)).center()
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, third
    )
    assert [item.loyalty_transaction_uuid for item in view.selected_items()] == [
        "lt-today",
        "lt-1",
        "lt-5",
    ]
    last = view.visualRect(model.index(4, 0)).center()
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, last
    )
    assert len(view.selected_items()) == 4
    # An expired row does not join the selection.
    expired = view.visualRect(model.index(5, 0)).center()
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, expired
    )
    assert "lt-expired" not in [item.loyalty_transaction_uuid for item in view.selected_items()]
    assert "lt-expired" not in [
        i.data(RewardRole.UUID) for i in view.selectionModel().selectedRows()
    ]


def test_keyboard_moves_over_selectable_rows(qtbot: QtBot) -> None:
    model = full_model()
    view = _show(qtbot, model)
    view.select_first_available()
    for _ in range(6):
        QTest.keyClick(view, Qt.Key.Key_Down)
    # Down goes on to the expired row at the bottom, which becomes current unselected ...
    assert view.currentIndex().data(RewardRole.UUID) == "lt-expired"
    assert view.selected_items() == []
    assert view.unavailable_reason().startswith("Old chocolate expired on 3 Nov")
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().data(RewardRole.UUID) == "lt-today"
    # ... but End and Page Down aim at the last row that can be handed over.
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().data(RewardRole.UUID) == "lt-none"
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_PageDown)
    assert view.currentIndex().data(RewardRole.UUID) == "lt-none"
    QTest.keyClick(view, Qt.Key.Key_PageUp)
    assert view.currentIndex().data(RewardRole.UUID) == "lt-today"
    # Shift+End selects the range; the expired row stays out of it.
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert len(view.selected_items()) == 5
    assert len(view.selectionModel().selectedRows()) == 5


# --- identical rewards, counts, filter -------------------------------------------------------


def mug(uuid: str, *, colour: str | None = None, expires_at: datetime | None = None) -> PickupItem:
    return replace(
        reward(uuid, "Shop mug", expires_at),
        reward_uuid="rw-mug",
        attributes=(("colour", colour),) if colour else (),
    )


MUGS = [mug("lt-mug-1"), mug("lt-mug-2"), mug("lt-mug-3")]
RED_MUG = mug("lt-mug-red", colour="red")
OLD_MUG = mug("lt-mug-old", expires_at=NOW - timedelta(days=2))


def test_identical_rewards_share_one_row(qtmodeltester: ModelTester) -> None:
    model = RewardListModel()
    check_model(qtmodeltester, model)
    model.set_items([*MUGS, RED_MUG, OLD_MUG, SOCKS], NOW)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    # Same reward, attributes and expiry state together; a red one or an expired one not.
    assert titles == ["Striped socks", "Shop mug ×3", "Shop mug", "Shop mug"]
    three = model.index(1, 0)
    assert three.data(RewardRole.COUNT) == 3
    assert three.data(RewardRole.ITEMS) == tuple(MUGS)
    assert three.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Shop mug ×3, ")
    assert model.index(2, 0).data(RewardRole.ATTRIBUTES_TEXT) == "Colour red"
    assert model.index(3, 0).data(RewardRole.EXPIRY).kind is ExpiryKind.EXPIRED
    assert len(model.items()) == 6
    # Busy while any of them is being handed over; handed over one by one, the row stays
    # with the rest, then goes.
    assert model.set_busy("lt-mug-2", True)
    assert model.index(1, 0).data(RewardRole.BUSY)
    assert not model.index(1, 0).data(RewardRole.CAN_HAND_OVER)
    assert model.remove("lt-mug-2")
    assert not model.index(1, 0).data(RewardRole.BUSY)
    assert model.index(1, 0).data() == "Shop mug ×2"
    assert model.remove("lt-mug-1")
    assert model.index(1, 0).data() == "Shop mug"
    assert model.remove("lt-mug-3")
    assert model.rowCount() == 3
    assert model.row_of("lt-mug-3") is None


def test_only_expired_rewards_are_summed_up_in_one_line() -> None:
    model = RewardListModel()
    second = reward("lt-2", "Tea", datetime(2026, 11, 2, 15, 0).astimezone())
    first = reward("lt-3", "Cap", datetime(2026, 10, 20, 15, 0).astimezone())
    model.set_items([EXPIRED, second, first], NOW)
    assert (
        counts_text(model.counts(), NOW) == "Nothing to pick up: 3 rewards expired (last on 3 Nov)"
    )
    model.set_items([second], NOW)
    assert (
        counts_text(model.counts(), NOW) == "Nothing to pick up: 1 reward expired (last on 2 Nov)"
    )
    model.set_items([second, CINEMA], NOW)
    assert counts_text(model.counts(), NOW) == (
        "Nothing to pick up: 1 reward expired (last on 2 Nov) · 1 digital"
    )


def test_counts_say_what_can_go_what_expired_and_what_is_digital() -> None:
    model = RewardListModel()
    model.set_items([*ALL, *MUGS, CINEMA], NOW)
    counts = model.counts()
    assert (counts.to_pick_up, counts.expired, counts.digital) == (8, 1, 1)
    assert counts_text(counts, NOW) == "8 to pick up · 1 expired · 1 digital"
    model.remove("lt-mug-1")
    assert counts_text(model.counts(), NOW) == "7 to pick up · 1 expired · 1 digital"
    model.set_items([TODAY], NOW)
    assert counts_text(model.counts(), NOW) == "1 to pick up"
    model.clear()
    assert counts_text(model.counts(), NOW) == ""


def test_the_filter_shows_the_rows_whose_title_or_attributes_match(
    qtmodeltester: ModelTester,
) -> None:
    model = RewardListModel()
    check_model(qtmodeltester, model)
    model.set_items([*ALL, *MUGS, RED_MUG, SOCKS], NOW)
    everything = model.rowCount()
    model.set_filter("39-42")
    assert [model.item(r).title for r in range(model.rowCount())] == ["Striped socks"]
    model.set_filter("  RED ")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Shop mug"]
    model.set_filter("colour")  # the attribute's name matches too
    assert model.rowCount() == 2
    model.set_filter("mug")
    assert model.rowCount() == 3
    # Counts and the rewards stay the whole list's; a hidden reward has no row but still
    # changes with a hand-over.
    assert model.counts().to_pick_up == 10
    assert model.row_of("lt-socks") is None
    assert model.set_busy("lt-socks", True)
    assert model.remove("lt-socks")
    assert model.counts().to_pick_up == 9
    model.set_filter("")
    assert model.rowCount() == everything - 1
    assert model.total_rows() == everything - 1


def test_the_current_row_stays_in_view_when_the_list_shrinks(qtbot: QtBot) -> None:
    model = RewardListModel()
    model.set_items(
        [reward(f"lt-{i}", f"Reward {i}", NOW + timedelta(days=i)) for i in range(20)], NOW
    )
    view = _show(qtbot, model, height=600)
    view.setCurrentIndex(model.index(7, 0))
    view.scrollTo(model.index(7, 0))
    assert view.viewport().rect().contains(view.visualRect(model.index(7, 0)))
    # A message appears above the list and takes some of its height.
    view.resize(view.width(), 420)
    assert view.viewport().rect().contains(view.visualRect(model.index(7, 0)))


def test_the_filter_field_fits_its_hint_in_a_larger_font(qtbot: QtBot) -> None:
    model = RewardListModel()
    view = RewardListView()
    header = RewardListHeader(model, view)
    qtbot.addWidget(header)
    qtbot.addWidget(view)
    field = header.filter_field
    hint = field.placeholderText()
    assert field.minimumWidth() > field.fontMetrics().horizontalAdvance(hint)
    larger = QFont(field.font())
    larger.setPointSizeF(field.font().pointSizeF() * 1.5)
    field.setFont(larger)
    assert field.minimumWidth() > QFontMetrics(larger).horizontalAdvance(hint)
