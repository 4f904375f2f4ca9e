"""The hand-over confirmation: what goes over the counter, told apart from its kind."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from pos_app.services.pickup_models import PickupItem
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog

NOW = datetime(2026, 11, 10, 12, 0).astimezone()


def item(
    uuid: str,
    title: str,
    *,
    attributes: tuple[tuple[str, str], ...] = (),
    description: str | None = None,
    expires_in: timedelta | None = timedelta(days=30),
    reward_uuid: str | None = None,
    reward_type: str = "PHYSICAL",
) -> PickupItem:
    return PickupItem(
        loyalty_transaction_uuid=uuid,
        title=title,
        description=description,
        picture_url=None,
        claimed_at=NOW - timedelta(days=3),
        expires_at=None if expires_in is None else NOW + expires_in,
        reward_type=reward_type,
        reward_uuid=reward_uuid,
        attributes=attributes,
    )


SOCKS = item(
    "lt-socks",
    "Striped socks",
    attributes=(("size", "39-42"), ("colour", "blue")),
    description="Cotton socks with the shop's stripes.",
)
MUG = item("lt-mug", "Shop mug", expires_in=None)


def open_dialog(qtbot: QtBot, items: list[PickupItem]) -> HandOverDialog:
    dialog = HandOverDialog("Robin de Vries", items, None, now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_confirmation_names_the_attributes_and_the_description(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, [SOCKS, MUG])
    socks, mug = dialog.rows
    assert socks.title.text() == "Striped socks"
    assert socks.attributes.isVisible()
    assert socks.attributes.text() == "Size 39-42 · Colour blue"
    assert socks.description.isVisible()
    assert socks.description.text() == "Cotton socks with the shop's stripes."
    # A reward without either shows no empty lines.
    assert not mug.attributes.isVisible()
    assert not mug.description.isVisible()
    # Every row is tall enough for its lines: nothing is cut off.
    for index, row in enumerate(dialog.rows):
        rect = dialog.list.visualItemRect(dialog.list.item(index))
        assert rect.height() >= row.heightForWidth(rect.width())
        assert rect.height() >= row.minimumSizeHint().height()
        assert rect.width() == dialog.list.viewport().width()


def mugs(n: int) -> list[PickupItem]:
    return [
        item(
            f"lt-mug-{i}",
            "Shop mug",
            reward_uuid="rw-mug",
            expires_in=timedelta(days=10, minutes=i),  # the same day: identical
        )
        for i in range(n)
    ]


def test_identical_rewards_share_a_row_with_how_many_go(qtbot: QtBot) -> None:
    three = mugs(3)
    dialog = open_dialog(qtbot, [*three, SOCKS])
    assert dialog.list.count() == 2
    row = dialog.rows[0]
    assert row.title.text() == "Shop mug"
    assert row.count is not None
    assert row.count.isVisible()
    # All of them unless the cashier says fewer.
    assert row.count.value() == 3
    assert row.count.maximum() == 3
    assert row.count.minimum() == 1
    assert row.count.text() == "3 of 3"
    assert dialog.rows[1].count is None
    assert dialog.question.text() == "Hand over these 4 rewards to Robin de Vries?"
    row.count.setValue(1)
    assert dialog.question.text() == "Hand over these 2 rewards to Robin de Vries?"
    # The soonest-expiring one goes first.
    assert dialog.chosen_items() == [three[0], SOCKS]


def test_one_row_of_several_takes_a_typed_number_and_enter(qtbot: QtBot) -> None:
    three = mugs(3)
    dialog = open_dialog(qtbot, three)
    row = dialog.rows[0]
    assert row.count is not None
    assert dialog.focusWidget() is row.count
    QTest.keyClicks(row.count, "2")
    QTest.keyClick(row.count, Qt.Key.Key_Return)
    assert dialog.result() == HandOverDialog.DialogCode.Accepted
    assert dialog.chosen_items() == three[:2]
