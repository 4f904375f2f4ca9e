"""The hand-over confirmation: what goes over the counter, told apart from its kind."""

from __future__ import annotations

from datetime import datetime, timedelta

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
MUG = item("lt-mug", "Shop mug")


def open_dialog(qtbot: QtBot, items: list[PickupItem]) -> HandOverDialog:
    dialog = HandOverDialog("Robin de Vries", items, None)
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
        assert dialog.list.visualItemRect(dialog.list.item(index)).height() >= (
            row.sizeHint().height()
        )
