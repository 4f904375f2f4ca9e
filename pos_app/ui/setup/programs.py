"""Giftoin and Nudj in the setup flow: keys, the identity mapping, and a live preview.

Both programs are optional. Each has a host and a key, and a mapping from a Piggy contact
to the program's own user id, chosen from what the contacts' attributes actually hold: a
real customer's card is looked up, and the mapping is tried on them. A mapping that finds
that customer nowhere is flagged, and goes live only when the person says so.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.services.pickup_models import CustomerSummary
from pos_app.services.secrets import SecretName
from pos_app.services.settings import NudjIdKind, NudjUserIdSource
from pos_app.services.setup import (
    Found,
    PiggyAccess,
    ProgramPreview,
    Reach,
    check_giftoin,
    check_nudj,
    find_sample_customer,
    id_attributes,
    piggy_secret_name,
    preview_giftoin,
    preview_nudj,
)
from pos_app.ui.async_support import TaskOwner
from pos_app.ui.dialogs.base import message_line
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.setup.draft import SetupDraft, SetupPage, show_line
from pos_app.ui.setup.fields import HostField, SecretField, setup_form
from pos_app.ui.setup.words import preview_text, reach_text, sample_error_text
from pos_app.ui.theme import set_style_property

#: Platforms Giftoin's documentation names; others can be typed.
GIFTOIN_PLATFORMS = ("discord", "roblox")
GIFTOIN_HOST = "https://api.giftoin.org"


@dataclass(frozen=True)
class _Config:
    """One program's fields as they were checked."""

    host: str
    secret: str = field(repr=False)
    mapping: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Checked:
    config: _Config
    reach: Reach
    preview: ProgramPreview | None


class _ProgramBox(QGroupBox):
    """A program's group: on/off, host, key, mapping fields and the line its check fills."""

    def __init__(
        self,
        vendor: str,
        title: str,
        secret: SecretName,
        hosts: tuple[str, ...],
        host_hint: str,
        parent: QWidget,
    ) -> None:
        super().__init__(title, parent)
        self.vendor = vendor
        self.secret_name = secret
        self.setCheckable(True)
        self.form = setup_form()
        self.setLayout(self.form)
        self.host = HostField(
            hosts, _tr("{vendor} host").format(vendor=vendor), placeholder=host_hint, parent=self
        )
        self.form.addRow(_tr("Host"), self.host)
        self.key = SecretField(_tr("{vendor} key").format(vendor=vendor), self)
        self.form.addRow(_tr("Key"), self.key)
        self.result = message_line(self, f"{vendor.lower()}Result")
        self.checked_: _Checked | None = None
        #: What the counter uses now (Settings): unchanged, it needs no new Check.
        self.current: _Config | None = None

    def finish_form(self) -> None:
        self.form.addRow(self.result)

    def secret_value(self, draft: SetupDraft) -> str | None:
        return self.key.typed() or draft.stored(self.secret_name)

    def mapping(self) -> tuple[str, ...]:
        raise NotImplementedError

    def config(self, draft: SetupDraft) -> _Config | None:
        secret = self.secret_value(draft)
        if not secret or self.host.problem():
            return None
        return _Config(self.host.value(), secret, self.mapping())

    def flagged(self) -> bool:
        """The last check's preview found the sample customer nowhere."""
        checked = self.checked_
        return (
            checked is not None
            and checked.preview is not None
            and checked.preview.found in (Found.NOT_FOUND, Found.NO_ID)
        )

    def ready(self, draft: SetupDraft) -> bool:
        if not self.isChecked():
            return True
        config = self.config(draft)
        if config is not None and config == self.current:
            return True
        checked = self.checked_
        return (
            checked is not None
            and checked.config == self.config(draft)
            and checked.reach is Reach.OK
        )


class _GiftoinBox(_ProgramBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            "Giftoin",
            _tr("Giftoin collection challenges"),
            SecretName.GIFTOIN_API_KEY,
            (GIFTOIN_HOST,),
            "https://",
            parent,
        )
        self.setObjectName("giftoinBox")
        self.platform = QComboBox(self)
        self.platform.setEditable(True)
        self.platform.addItems(GIFTOIN_PLATFORMS)
        self.platform.setAccessibleName(_tr("Giftoin platform"))
        self.form.addRow(_tr("Platform"), self.platform)
        self.attribute = QComboBox(self)
        self.attribute.setEditable(True)
        self.attribute.setAccessibleName(_tr("Piggy attribute with the customer's platform id"))
        self.form.addRow(_tr("Id in Piggy attribute"), self.attribute)
        self.finish_form()

    def mapping(self) -> tuple[str, ...]:
        return (self.platform.currentText().strip(), self.attribute.currentText().strip())


class _NudjBox(_ProgramBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            "Nudj",
            _tr("Nudj rewards and points"),
            SecretName.NUDJ_TOKEN,
            (),
            "https://yourshop.nudj.cx",
            parent,
        )
        self.setObjectName("nudjBox")
        self.source = QComboBox(self)
        self.source.setAccessibleName(_tr("How Nudj knows the customer"))
        self.form.addRow(_tr("Nudj knows customers by"), self.source)
        self.finish_form()
        self.set_attributes([], NudjUserIdSource(NudjIdKind.UUID))

    def set_attributes(self, names: list[str], current: NudjUserIdSource) -> None:
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(_tr("their Piggy contact uuid"), "uuid")
        self.source.addItem(_tr("their email address"), "email")
        for name in names:
            self.source.addItem(
                _tr("the Piggy attribute {name}").format(name=name), f"attribute:{name}"
            )
        if current.kind is NudjIdKind.ATTRIBUTE and self.source.findData(str(current)) < 0:
            self.source.addItem(
                _tr("the Piggy attribute {name}").format(name=current.attribute), str(current)
            )
        self.source.setCurrentIndex(max(self.source.findData(str(current)), 0))
        self.source.blockSignals(False)

    def mapping(self) -> tuple[str, ...]:
        return (str(self.source.currentData()),)


class ProgramsPage(SetupPage):
    def __init__(self, draft: SetupDraft, tasks: TaskOwner, parent: QWidget | None = None) -> None:
        super().__init__(draft, tasks, parent)
        self.setObjectName("programsPage")
        self.setTitle(_tr("Giftoin and Nudj (optional)"))
        self.setSubTitle(
            _tr(
                "The side panel can show a customer's Giftoin collection challenges and Nudj "
                "points. Scan a real customer's card to see whom each setting finds."
            )
        )
        sample_row = QHBoxLayout()
        self.card = QLineEdit(self)
        self.card.setObjectName("sampleCard")
        self.card.setPlaceholderText(_tr("Scan or type a customer's card"))
        self.card.setAccessibleName(_tr("A customer's card, for the preview"))
        self.card.returnPressed.connect(self.look_up)
        sample_row.addWidget(self.card, 1)
        self.look_up_button = QPushButton(_tr("Look up"), self)
        self.look_up_button.setObjectName("sampleLookUp")
        self.look_up_button.clicked.connect(self.look_up)
        sample_row.addWidget(self.look_up_button)
        self.layout_.addLayout(sample_row)
        self.sample_line = message_line(self, "sampleResult")
        self.layout_.addWidget(self.sample_line)
        self.giftoin = _GiftoinBox(self)
        self.nudj = _NudjBox(self)
        self.forget_notes: dict[_ProgramBox, QLabel] = {}
        for box in (self.giftoin, self.nudj):
            self.layout_.addWidget(box)
            note = message_line(self, f"{box.vendor.lower()}ForgetNote")
            set_style_property(note, "messageLine", "info")
            note.setText(
                _tr("Off: its stored key is removed from this computer when this is saved.")
            )
            self.layout_.addWidget(note)
            self.forget_notes[box] = note
        check_row = QHBoxLayout()
        self.check_button = QPushButton(_tr("Check"), self)
        self.check_button.setObjectName("programsCheck")
        self.check_button.setAccessibleName(_tr("Check the keys and the mapping"))
        self.check_button.clicked.connect(self.check)
        check_row.addWidget(self.check_button)
        self.keep_anyway = QCheckBox(
            _tr("Use this mapping anyway (this customer may have no account there)"), self
        )
        self.keep_anyway.setObjectName("keepMappingAnyway")
        self.keep_anyway.hide()
        self.keep_anyway.toggled.connect(self.completeChanged)
        check_row.addWidget(self.keep_anyway)
        check_row.addStretch(1)
        self.layout_.addLayout(check_row)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        for box in (self.giftoin, self.nudj):
            box.toggled.connect(self._edited)
            box.host.changed.connect(self._edited)
            box.key.changed.connect(self._edited)
        self.giftoin.platform.currentTextChanged.connect(self._edited)
        self.giftoin.attribute.currentTextChanged.connect(self._edited)
        self.nudj.source.currentIndexChanged.connect(self._edited)

    # -- fields ----------------------------------------------------------------------------

    def load(self) -> None:
        settings = self.draft.settings
        giftoin_on = bool(settings.giftoin_base_url and settings.giftoin_platform)
        self.giftoin.setChecked(giftoin_on)
        self.giftoin.host.set_value(settings.giftoin_base_url or GIFTOIN_HOST)
        if settings.giftoin_platform:
            self.giftoin.platform.setCurrentText(settings.giftoin_platform)
        self._fill_attributes(settings.giftoin_user_attribute, settings.nudj_user_id)
        self.nudj.setChecked(bool(settings.nudj_base_url))
        self.nudj.host.set_value(settings.nudj_base_url)
        for box in (self.giftoin, self.nudj):
            name = box.secret_name
            if self.draft.from_environment(name):
                box.key.set_from_environment(name.env_var)
            elif self.draft.cannot_keep(name):
                box.key.set_no_keyring(name.env_var)
            else:
                box.key.set_stored(self.draft.stored(name) is not None)
            box.current = box.config(self.draft) if box.isChecked() else None
        self._edited()

    def _fill_attributes(
        self, giftoin_attribute: str | None, nudj_source: NudjUserIdSource | None
    ) -> None:
        """Offer the sample customer's attributes; None keeps what is chosen now."""
        names = id_attributes(self.draft.sample) if self.draft.sample is not None else []
        current = giftoin_attribute or self.giftoin.attribute.currentText().strip()
        self.giftoin.attribute.blockSignals(True)
        self.giftoin.attribute.clear()
        self.giftoin.attribute.addItems(names)
        self.giftoin.attribute.setCurrentText(current)
        self.giftoin.attribute.blockSignals(False)
        source = nudj_source or NudjUserIdSource.parse(str(self.nudj.source.currentData()))
        self.nudj.set_attributes(names, source)

    def _edited(self) -> None:
        for box, note in self.forget_notes.items():
            note.setVisible(not box.isChecked() and box.key.stored)
        flagged = [
            box
            for box in (self.giftoin, self.nudj)
            if box.isChecked() and box.flagged() and box.ready(self.draft)
        ]
        self.keep_anyway.setVisible(bool(flagged))
        if not flagged:
            self.keep_anyway.setChecked(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        boxes = (self.giftoin, self.nudj)
        if not all(box.ready(self.draft) for box in boxes):
            return False
        flagged = any(box.isChecked() and box.flagged() for box in boxes)
        return not flagged or self.keep_anyway.isChecked()

    def problem(self) -> str | None:
        if not all(box.ready(self.draft) for box in (self.giftoin, self.nudj)):
            return _tr("Press Check: a program that is on needs a key that works.")
        if not self.isComplete():
            return _tr(
                "The mapping found this customer nowhere: change it, or tick “Use this mapping "
                "anyway”."
            )
        return None

    # -- the sample customer ---------------------------------------------------------------

    def _typed_piggy(self) -> PiggyAccess | None:
        settings = self.draft.settings
        secret = self.draft.secret(piggy_secret_name(settings.piggy_auth_mode))
        if not secret:
            return None
        return PiggyAccess(
            settings.piggy_base_url, settings.piggy_auth_mode, secret, settings.piggy_client_id
        )

    def look_up(self) -> None:
        card = self.card.text().strip()
        access = self._typed_piggy()
        if not card or access is None:
            show_line(self.sample_line, _tr("Scan or type a card first."), "error")
            return
        show_line(self.sample_line, _tr("Looking up…"), "info")
        self.tasks.op(find_sample_customer(access, card), key="setup.sample").success(
            self._found
        ).failure(self._not_found).disable(self.look_up_button).run()

    def _found(self, customer: CustomerSummary) -> None:
        self.draft.sample = customer
        show_line(
            self.sample_line,
            _tr("Found {name}. Press Check to see whom each program finds.").format(
                name=customer.title
            ),
            "success",
        )
        self._fill_attributes(None, None)
        self._edited()
        if any(box.isChecked() for box in (self.giftoin, self.nudj)):
            self.check()

    def _not_found(self, exc: BaseException) -> None:
        self.draft.sample = None
        show_line(self.sample_line, sample_error_text(exc), "error")

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        self.show_message("")
        for box in (self.giftoin, self.nudj):
            if not box.isChecked():
                show_line(box.result, "", "info")
                continue
            config = box.config(self.draft)
            if config is None:
                problem = box.host.problem() or _tr("Paste the key first.")
                show_line(box.result, problem, "error")
                continue
            show_line(box.result, _tr("Checking…"), "info")
            coro = self._check_giftoin(config) if box is self.giftoin else self._check_nudj(config)
            self.tasks.op(coro, key=f"setup.{box.vendor}").success(
                functools.partial(self._checked, box)
            ).disable(self.check_button).run()

    async def _check_giftoin(self, config: _Config) -> _Checked:
        reach = await check_giftoin(config.host, config.secret)
        platform, attribute = config.mapping
        sample = self.draft.sample
        if reach is not Reach.OK or sample is None or not platform or not attribute:
            return _Checked(config, reach, None)
        preview = await preview_giftoin(
            sample,
            base_url=config.host,
            api_key=config.secret,
            platform=platform,
            attribute=attribute,
        )
        return _Checked(config, reach, preview)

    async def _check_nudj(self, config: _Config) -> _Checked:
        language = self.draft.settings.language
        reach = await check_nudj(config.host, config.secret, language=language)
        sample = self.draft.sample
        if reach is not Reach.OK or sample is None:
            return _Checked(config, reach, None)
        preview = await preview_nudj(
            sample,
            base_url=config.host,
            token=config.secret,
            source=NudjUserIdSource.parse(config.mapping[0]),
            language=language,
        )
        return _Checked(config, reach, preview)

    def _checked(self, box: _ProgramBox, checked: _Checked) -> None:
        if checked.config != box.config(self.draft):
            return  # edited while it ran
        box.checked_ = checked
        if checked.reach is not Reach.OK:
            show_line(box.result, reach_text(checked.reach, box.vendor), "error")
        elif checked.preview is None:
            text = reach_text(Reach.OK, box.vendor)
            if self.draft.sample is None:
                text += " " + _tr("Scan a customer's card above to try the mapping.")
            show_line(box.result, text, "info")
        else:
            kind = "error" if box.flagged() else "success"
            show_line(box.result, preview_text(checked.preview, box.vendor), kind)
        self._edited()

    def apply(self) -> None:
        changes: dict[str, Any] = {}
        if self.giftoin.isChecked():
            platform, attribute = self.giftoin.mapping()
            changes.update(
                giftoin_base_url=self.giftoin.host.value(),
                giftoin_platform=platform,
                giftoin_user_attribute=attribute,
            )
            if self.giftoin.key.typed():
                self.draft.secrets[SecretName.GIFTOIN_API_KEY] = self.giftoin.key.typed()
        else:
            changes.update(giftoin_platform="", giftoin_user_attribute="")
            self._forget(SecretName.GIFTOIN_API_KEY)
        if self.nudj.isChecked():
            changes.update(
                nudj_base_url=self.nudj.host.value(), nudj_user_id_source=self.nudj.mapping()[0]
            )
            if self.nudj.key.typed():
                self.draft.secrets[SecretName.NUDJ_TOKEN] = self.nudj.key.typed()
        else:
            changes.update(nudj_base_url="")
            self._forget(SecretName.NUDJ_TOKEN)
        self.draft.change(**changes)

    def _forget(self, name: SecretName) -> None:
        """A program turned off leaves no key behind on this computer."""
        if self.draft.in_keyring(name):
            self.draft.forget.add(name)
