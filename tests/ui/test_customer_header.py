"""The customer header: who is at the counter, and their Piggy points named as such."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pos_app.services.pickup_models import CustomerSummary
from pos_app.ui.counter.customer_widgets import CustomerHeader


@pytest.fixture(autouse=True)
def british_numbers(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


def customer(points: int | None) -> CustomerSummary:
    return CustomerSummary(
        uuid="c-1",
        name="Robin de Vries",
        email_masked="r***@example.com",
        tier="Gold",
        points=points,
        attributes={},
    )


def test_the_points_say_which_program_they_are_of(qtbot: QtBot) -> None:
    header = CustomerHeader()
    qtbot.addWidget(header)
    header.show_customer(customer(1612))
    assert header.points_label.text() == "1,612 Piggy points"
    header.show_customer(customer(None))
    assert header.points_label.text() == ""
