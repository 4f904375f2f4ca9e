"""The last pages of the setup flow: this counter's options, and the first manager."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from pos_app.services.settings import PrintSlip
from pos_app.services.staff import Role, StaffDirectory, StaffProfile
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.managers.staff.forms import NewPinFields, describe_staff_error
from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.fields import setup_form
from pos_app.ui.slips.printer_choice import PrinterChoice


class CounterPage(SetupPage):
    """Name, slips, staff sign-in and kiosk mode."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("counterPage")
        self.setTitle(_tr("This counter"))
        self.setSubTitle(
            _tr(
                "How this counter works, and where its slips print. All of it can be changed "
                "in Settings later."
            )
        )
        form = setup_form()
        self.name = QLineEdit(self)
        self.name.setObjectName("counterNameInput")
        self.name.setMaxLength(60)
        self.name.setAccessibleName(_tr("Counter name"))
        form.addRow(_tr("Counter name"), self.name)
        self.print_slip = QComboBox(self)
        self.print_slip.setObjectName("printSlipChoice")
        self.print_slip.setAccessibleName(_tr("Pickup slip after a hand-over"))
        self.print_slip.addItem(_tr("Offer one (print, PDF or none)"), PrintSlip.ASK.value)
        self.print_slip.addItem(_tr("Always print one"), PrintSlip.ALWAYS.value)
        self.print_slip.addItem(_tr("Never"), PrintSlip.NEVER.value)
        form.addRow(_tr("Pickup slip"), self.print_slip)
        self.sign_in = QCheckBox(_tr("Staff sign in with their name and PIN"), self)
        self.sign_in.setObjectName("signInChoice")
        form.addRow(_tr("Staff"), self.sign_in)
        self.kiosk = QCheckBox(_tr("Kiosk: full screen, leaving needs a manager's PIN"), self)
        self.kiosk.setObjectName("kioskChoice")
        form.addRow(_tr("Kiosk mode"), self.kiosk)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("kioskIdleSeconds")
        self.idle.setRange(15, 3600)
        self.idle.setSuffix(_tr(" s"))
        self.idle.setAccessibleName(_tr("Seconds before a kiosk clears the customer"))
        form.addRow(_tr("Clear the customer after"), self.idle)
        self.hide_cursor = QCheckBox(_tr("Hide the mouse pointer (touch screens)"), self)
        form.addRow("", self.hide_cursor)
        self.kiosk_camera = QCheckBox(
            _tr("Read QR codes with the camera on the home screen (no scanner)"), self
        )
        self.kiosk_camera.setObjectName("kioskCameraChoice")
        form.addRow("", self.kiosk_camera)
        self.kiosk.toggled.connect(self._kiosk_toggled)
        self.printer = PrinterChoice(self, make_printer=draft.make_printer, form=form)
        self.form = form
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def _kiosk_toggled(self, on: bool) -> None:
        self.idle.setEnabled(on)
        self.hide_cursor.setEnabled(on)
        self.kiosk_camera.setEnabled(on)

    def load(self) -> None:
        settings = self.draft.settings
        self.name.setText(settings.counter_name)
        self.print_slip.setCurrentIndex(max(self.print_slip.findData(settings.print_slip.value), 0))
        self.sign_in.setChecked(settings.require_staff_sign_in)
        self.kiosk.setChecked(settings.kiosk)
        self.idle.setValue(int(settings.kiosk_idle_seconds))
        self.hide_cursor.setChecked(settings.kiosk_hide_cursor)
        self.kiosk_camera.setChecked(settings.kiosk_camera)
        self._kiosk_toggled(settings.kiosk)
        self.printer.load(settings)

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return _tr("Give this counter a name.")
        return self.printer.problem()

    def apply(self) -> None:
        self.draft.change(
            counter_name=self.name.text().strip(),
            print_slip=self.print_slip.currentData(),
            require_staff_sign_in=self.sign_in.isChecked(),
            kiosk=self.kiosk.isChecked(),
            kiosk_idle_seconds=float(self.idle.value()),
            kiosk_hide_cursor=self.hide_cursor.isChecked(),
            kiosk_camera=self.kiosk_camera.isChecked(),
            **self.printer.changes(),
        )


class ManagerPage(SetupPage):
    """The first manager: managers approve reversals, manage staff and open Settings."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("managerPage")
        self.setTitle(_tr("The first manager"))
        self.setSubTitle(
            _tr(
                "Managers approve reversals, manage staff and their PINs, and open Settings. "
                "Create the first one now; add more staff later."
            )
        )
        self.pins = NewPinFields(self, role=Role.MANAGER)
        self.name = QLineEdit(self.pins)
        self.name.setObjectName("managerNameInput")
        self.name.setMaxLength(40)
        self.name.setMinimumHeight(40)
        self.name.setAccessibleName(_tr("Manager's name"))
        self.pins.form.insertRow(0, _tr("Manager's name"), self.name)
        # Made after the PIN fields, but typed in first.
        QWidget.setTabOrder(self.name, self.pins.pin)
        QWidget.setTabOrder(self.pins.pin, self.pins.repeat)
        self.layout_.addWidget(self.pins)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.created: StaffProfile | None = None

    def load(self) -> None:
        if self.draft.staff_problem:
            self.show_message(self.draft.staff_problem)
        self.pins.setEnabled(self.draft.staff is not None)
        self.name.setEnabled(self.draft.staff is not None)
        # After the wizard's own focus change on a new page, which would win otherwise.
        QTimer.singleShot(0, lambda: self.name.setFocus(Qt.FocusReason.OtherFocusReason))

    def problem(self) -> str | None:
        if self.draft.staff is None:
            # The counter works without staff PINs (it says so); setup may still finish.
            return None
        if not self.name.text().strip():
            return _tr("Type the manager's name.")
        return self.pins.problem()

    async def create_manager(self) -> StaffProfile:
        """Add the manager (the wizard calls this on Finish, before the settings are saved)."""
        staff = self.draft.staff
        assert staff is not None
        self.created = await staff.call(
            StaffDirectory.add, self.name.text(), Role.MANAGER, self.pins.value()
        )
        self.draft.has_manager = True
        return self.created

    def creation_failed(self, exc: BaseException) -> None:
        self.show_message(describe_staff_error(exc))
        self.pins.clear()


class OptionsPage(SetupPage):
    """The rest of what the settings file holds, for Settings (the first start needs none)."""

    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("optionsPage")
        self.setTitle(_tr("More options"))
        self.setSubTitle(_tr("Rarely changed. The defaults suit most shops."))
        form = setup_form()
        self.email_code = QCheckBox(
            _tr("A customer found by email reads out the code Piggy emails them"), self
        )
        self.email_code.setObjectName("emailCodeChoice")
        form.addRow(_tr("Email look-ups"), self.email_code)
        self.scan_sound = QCheckBox(_tr("A short sound after each scan"), self)
        self.scan_sound.setObjectName("scanSoundChoice")
        form.addRow(_tr("Scanning"), self.scan_sound)
        self.idle_sign_out = QSpinBox(self)
        self.idle_sign_out.setObjectName("idleSignOutMinutes")
        self.idle_sign_out.setRange(1, 24 * 60)
        self.idle_sign_out.setSuffix(_tr(" min"))
        self.idle_sign_out.setAccessibleName(_tr("Minutes without input before sign-out"))
        form.addRow(_tr("Sign staff out after"), self.idle_sign_out)
        self.timeout = QSpinBox(self)
        self.timeout.setObjectName("requestTimeout")
        self.timeout.setRange(1, 120)
        self.timeout.setSuffix(_tr(" s"))
        self.timeout.setAccessibleName(_tr("Seconds to wait for an answer"))
        form.addRow(_tr("Wait for an answer"), self.timeout)
        self.settle_grace = QSpinBox(self)
        self.settle_grace.setObjectName("settleGraceSeconds")
        self.settle_grace.setRange(0, 3600)
        self.settle_grace.setSuffix(_tr(" s"))
        self.settle_grace.setAccessibleName(
            _tr("Seconds before an unanswered hand-over counts as not done")
        )
        form.addRow(_tr("Unanswered hand-overs settle after"), self.settle_grace)
        self.data_dir = QLabel(self)
        self.data_dir.setObjectName("dataDirShown")
        self.data_dir.setWordWrap(True)
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(_tr("Data folder"), self.data_dir)
        self.layout_.addLayout(form)
        self.note(
            _tr(
                "The data folder holds this counter's journal of pickups and its staff list; "
                "it is moved by your IT contact, never from here, so no pickup is left behind."
            )
        )
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def load(self) -> None:
        settings = self.draft.settings
        self.email_code.setChecked(settings.require_code_for_email)
        self.scan_sound.setChecked(settings.scan_sound)
        self.idle_sign_out.setValue(round(settings.staff_idle_sign_out_minutes))
        self.timeout.setValue(round(settings.request_timeout))
        self.settle_grace.setValue(round(settings.settle_grace_seconds))
        self.data_dir.setText(str(settings.data_dir))

    def apply(self) -> None:
        changes = {
            "require_code_for_email": self.email_code.isChecked(),
            "scan_sound": self.scan_sound.isChecked(),
            "staff_idle_sign_out_minutes": float(self.idle_sign_out.value()),
            "request_timeout": float(self.timeout.value()),
            "settle_grace_seconds": float(self.settle_grace.value()),
        }
        self.draft.change(**changes)
