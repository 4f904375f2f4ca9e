"""The two dialogs of a claim: the rewards the customer can claim, and the confirmation.

:class:`ClaimListDialog` lists the shop's rewards with what each costs, which ones the
balance covers and the stock; Enter (or Claim…) takes the current one. A reward that cannot
be claimed says why. :class:`ClaimConfirmDialog` shows the reward and the points before and
after; it goes ahead only once the cashier ticks that the customer is here and agrees: the
points are the customer's money.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.claim import ClaimableReward, ClaimCatalogue
from pos_app.ui.claim import words
from pos_app.ui.claim.model import ClaimListModel, ClaimRole, attributes_line
from pos_app.ui.dialogs.base import confirm_buttons
from pos_app.ui.i18n import retranslated
from pos_app.ui.pictures import PictureCache
from pos_app.ui.rewards.view import RewardListView
from pos_app.ui.theme import TextSize, scaled_font

# The side of the reward's picture in the confirmation.
PICTURE_SIDE = 72


class ClaimListView(RewardListView):
    """The list of rewards to claim (objectName ``claimList``): one at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimList")
        retranslated(self, lambda: self.setAccessibleName(self.tr("Rewards to claim")))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            model = self.model()
            if isinstance(model, ClaimListModel):
                model.retranslate()

    def unavailable_reason(self) -> str:
        current = self.currentIndex()
        if not current.isValid() or current.data(ClaimRole.COVERED):
            return ""
        return str(current.data(ClaimRole.UNAVAILABLE_TEXT) or "")

    def current_reward(self) -> ClaimableReward | None:
        """The current row's reward, if the balance covers it."""
        current = self.currentIndex()
        if not current.isValid() or not current.data(ClaimRole.COVERED):
            return None
        reward = current.data(ClaimRole.REWARD)
        return reward if isinstance(reward, ClaimableReward) else None


class ClaimListDialog(QDialog):
    """ "Rewards they can claim": the shop's rewards for the customer on screen."""

    def __init__(
        self,
        customer_name: str,
        balance: int | None,
        pictures: PictureCache | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claimListDialog")
        self.setModal(True)
        self._customer_name = customer_name
        self._balance = balance
        self._chosen: ClaimableReward | None = None
        retranslated(self, lambda: self.setWindowTitle(self.tr("Rewards they can claim")))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("claimHeading")
        self.heading.setWordWrap(True)
        self.heading.setFont(scaled_font(self.heading.font(), TextSize.DIALOG_QUESTION, bold=True))
        top.addWidget(self.heading, 1)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("claimBalance")
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.balance_label)
        layout.addLayout(top)

        self.model = ClaimListModel(pictures, self)
        self.list = ClaimListView(self)
        self.list.setModel(self.model)
        self.list.setMinimumHeight(4 * self.list.delegate.row_height(self.list.font()) + 4)
        layout.addWidget(self.list, 1)
        self.note = QLabel(self)
        self.note.setObjectName("claimNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)

        buttons = QDialogButtonBox(self)
        self.claim_button = QPushButton(self)
        self.claim_button.setObjectName("claimSelectedButton")
        buttons.addButton(self.claim_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeClaimListButton")
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.claim_button, self.close_button):
            button.setMinimumHeight(44)
            button.setMinimumWidth(140)
        self.claim_button.setDefault(True)
        self.claim_button.setAutoDefault(True)
        self.claim_button.clicked.connect(self.on_claim_button_clicked)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        self.list.activated.connect(self.on_list_activated)
        self.list.selectionModel().currentChanged.connect(self.on_list_currentChanged)
        retranslated(self, self._texts)
        self.show_loading()
        self.setMinimumWidth(560)
        self.resize(640, 520)

    def _texts(self) -> None:
        self.heading.setText(self.tr("Rewards {name} can claim").format(name=self._customer_name))
        self.claim_button.setText(self.tr("Claim…"))
        self.close_button.setText(self.tr("Close"))
        self._show_balance()

    def _show_balance(self) -> None:
        self.balance_label.setText(words.balance_text(self._balance))

    # -- content -------------------------------------------------------------------------

    def show_loading(self) -> None:
        self.model.clear()
        self.list.set_empty_text(self.tr("Loading the shop's rewards…"))
        self.claim_button.setEnabled(False)
        self.note.clear()

    def show_catalogue(self, catalogue: ClaimCatalogue) -> None:
        self._balance = catalogue.balance
        self._show_balance()
        self.model.set_catalogue(catalogue)
        self.list.set_empty_text(self.tr("This shop has no rewards to claim at the counter."))
        if not self.list.select_first_available():
            # Nothing the balance covers: the first row still says why.
            if self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_current()

    def show_error(self, text: str) -> None:
        self.model.clear()
        self.list.set_empty_text(text)
        self.claim_button.setEnabled(False)
        self.note.clear()

    def chosen(self) -> ClaimableReward | None:
        """The reward to claim, once the dialog was accepted."""
        return self._chosen

    # -- slots -----------------------------------------------------------------------------

    def on_list_currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_current()

    def on_list_activated(self, index: QModelIndex) -> None:
        self.on_claim_button_clicked()

    def on_claim_button_clicked(self) -> None:
        reward = self.list.current_reward()
        if reward is None:
            self._show_current()
            return
        self._chosen = reward
        self.accept()

    def _show_current(self) -> None:
        reason = self.list.unavailable_reason()
        reward = self.list.current_reward()
        self.claim_button.setEnabled(reward is not None)
        if reason:
            self.note.setText(reason)
        elif reward is not None and reward.description:
            self.note.setText(reward.description)
        else:
            self.note.clear()


class ClaimConfirmDialog(QDialog):
    """Asks "Claim <reward> for <customer>?" with the points before and after.

    Claim stays off until :attr:`agree` is ticked: the customer is here and agrees.
    """

    def __init__(
        self,
        customer_name: str,
        reward: ClaimableReward,
        balance: int | None,
        pictures: PictureCache | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("claimConfirmDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Claim with points"))
        layout = QVBoxLayout(self)
        self.question = QLabel(words.confirm_question(reward, customer_name), self)
        self.question.setObjectName("claimQuestion")
        self.question.setWordWrap(True)
        self.question.setFont(
            scaled_font(self.question.font(), TextSize.DIALOG_QUESTION, bold=True)
        )
        layout.addWidget(self.question)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.picture = QLabel(self)
        self.picture.setObjectName("claimPicture")
        self.picture.setFixedSize(PICTURE_SIDE, PICTURE_SIDE)
        self._pictures = pictures
        self._picture_url = reward.picture_url
        if pictures is not None:
            pixmap = pictures.pixmap(reward.picture_url) if reward.picture_url else None
            self._show_picture(pixmap or pictures.placeholder())
            if pixmap is None and reward.picture_url:
                # Not painted in the list yet: shown once it has come.
                pictures.pictureReady.connect(self.on_pictures_pictureReady)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = self._label(reward.title, "claimTitle", texts)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.attributes = self._label(attributes_line(reward), "claimAttributes", texts)
        self.attributes.setFont(bold)
        self.description = self._label(reward.description or "", "claimDescription", texts)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        layout.addLayout(row)

        # The sums the customer is asked to agree to, in one column so they read as a sum.
        sums = QGridLayout()
        sums.setHorizontalSpacing(24)
        self.before = self._sum(sums, 0, self.tr("Points now"), balance, "claimPointsBefore")
        self.cost = self._sum(sums, 1, self.tr("This reward"), -reward.points, "claimPointsCost")
        after = balance - reward.points if balance is not None else None
        self.after = self._sum(sums, 2, self.tr("After the claim"), after, "claimPointsAfter")
        self.after.setFont(bold)
        sums.setColumnStretch(2, 1)
        layout.addLayout(sums)

        self.agree = QCheckBox(self.tr("The customer is here and agrees to spend these points"))
        self.agree.setObjectName("customerAgrees")
        self.agree.setMinimumHeight(36)
        layout.addWidget(self.agree)

        buttons, self.confirm_button, self.cancel_button = confirm_buttons(
            self,
            self.tr("Claim"),
            self.tr("Cancel"),
            confirm_name="confirmClaimButton",
            size=QSize(140, 44),
        )
        self.confirm_button.setEnabled(False)
        self.agree.toggled.connect(self.confirm_button.setEnabled)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.agree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _label(self, text: str, name: str, layout: QVBoxLayout) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(bool(text))
        layout.addWidget(label)
        return label

    def _show_picture(self, pixmap: QPixmap) -> None:
        self.picture.setPixmap(
            pixmap.scaled(
                PICTURE_SIDE,
                PICTURE_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def on_pictures_pictureReady(self, url: str) -> None:
        if self._pictures is None or url != self._picture_url:
            return
        pixmap = self._pictures.pixmap(url)
        if pixmap is not None:
            self._show_picture(pixmap)

    def _sum(
        self, grid: QGridLayout, row: int, caption: str, points: int | None, name: str
    ) -> QLabel:
        grid.addWidget(QLabel(caption, self), row, 0)
        if points is None:
            text = self.tr("not known")
        elif points < 0:
            text = "− " + words.points_text(-points)
        else:
            text = words.points_text(points)
        value = QLabel(text, self)
        value.setObjectName(name)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(value, row, 1)
        return value
