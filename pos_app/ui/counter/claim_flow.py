"""Claim at the counter: the conversation around :class:`~pos_app.services.claim.ClaimCounter`.

Rewards they can claim → the confirmation with the points before and after → a staff
sign-in when nobody is signed in → the claim, sent once → what came of it, in shop words.
A claimed reward is then selected in the pickup list, so Enter, Enter hands it over at once;
or it stays there for later. The outcome is said for the customer it was made for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from pos_app.api import errors
from pos_app.services.claim import (
    ClaimableReward,
    ClaimCatalogue,
    ClaimCounter,
    ClaimOutcome,
    ClaimRefusal,
    ClaimRefused,
    ClaimResult,
)
from pos_app.services.counter import CounterSession, CustomerCleared, CustomerFound
from pos_app.services.pickup_models import CustomerSummary
from pos_app.ui.async_support import TaskOwner, await_dialog, is_alive
from pos_app.ui.claim import words
from pos_app.ui.claim.dialogs import ClaimConfirmDialog, ClaimListDialog
from pos_app.ui.counter.customer_page import CustomerPage
from pos_app.ui.counter.customer_widgets import MessageBar, MessageKind
from pos_app.ui.counter.signing_in import SignInControl
from pos_app.ui.i18n import retranslated
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.messages import describe_connection_error
from pos_app.ui.pictures import PictureCache

log = logging.getLogger(__name__)

# The task key of a claim: one at a time per counter.
CLAIM = "claim"

_KINDS = {
    ClaimOutcome.CLAIMED: MessageKind.SUCCESS,
    ClaimOutcome.UNKNOWN: MessageKind.INFO,
}


class ClaimFlow(QObject):
    """Owns the Claim button of the customer page.

    Signals:
        finished(object): a claim ended, however (its ClaimResult, or None when nothing
            was sent).
        claimed(object, str): a reward was claimed for a customer (the CustomerSummary)
            and waits in their pickup list (its loyalty transaction uuid).
    """

    finished = Signal(object)
    claimed = Signal(object, str)

    def __init__(
        self,
        counter: CounterSession,
        signing_in: SignInControl,
        *,
        tasks: TaskOwner,
        messages: MessageBar,
        pictures: PictureCache,
        page: CustomerPage,
        window: QWidget,
        claims: ClaimCounter | None = None,
    ) -> None:
        super().__init__(window)
        self._counter = counter
        self.claims = claims if claims is not None else ClaimCounter(counter)
        self._signing_in = signing_in
        self._tasks = tasks
        self._messages = messages
        self._pictures = pictures
        self._page = page
        self._window = window
        # The dialog on screen now (tests and a wiped screen look at it).
        self.dialog: ClaimListDialog | ClaimConfirmDialog | None = None
        button = page.claim_button
        button.setVisible(self.claims.available)
        retranslated(button, lambda: button.setText(_tr("Claim with points…")))
        retranslated(
            button,
            lambda: button.setToolTip(_tr("Rewards this customer can claim with their points")),
        )
        button.clicked.connect(self.start)
        counter.add_listener(self.on_counter_event)

    @property
    def busy(self) -> bool:
        return self._tasks.is_running(CLAIM)

    def start(self) -> None:
        """Rewards they can claim, for the customer on screen (the button)."""
        customer = self._counter.customer
        if customer is None or self.busy:
            return
        refusal = self.claims.refusal(customer)
        if refusal is not None:
            self._refused(refusal)
            return
        task = self._tasks.op(self._run(customer), key=CLAIM).run()
        task.add_done_callback(lambda _task: self._page.claim_button.setEnabled(True))
        self._page.claim_button.setEnabled(False)

    def _refused(self, refusal: ClaimRefusal) -> None:
        services = self._counter.services
        problem = services.staff_problem if refusal is ClaimRefusal.NO_STAFF_CHECK else None
        if refusal is ClaimRefusal.NOT_SET_UP:
            problem = services.journal_problem
        kind = MessageKind.INFO if refusal is ClaimRefusal.NOT_SIGNED_IN else MessageKind.ERROR
        self._messages.show_message(words.describe_refusal(refusal, problem=problem), kind)

    async def _run(self, customer: CustomerSummary) -> None:
        reward = await self._choose(customer)
        if reward is None:
            self._back_to_list()
            return
        balance = self.claims.balance(customer)
        confirm = ClaimConfirmDialog(customer.title, reward, balance, self._pictures, self._window)
        self.dialog = confirm
        try:
            confirmed = await await_dialog(confirm) == ClaimConfirmDialog.DialogCode.Accepted
        finally:
            self.dialog = None
            confirm.deleteLater()
        if not confirmed:
            self._back_to_list()
            return
        if self.claims.needs_sign_in:
            await self._signing_in.sign_in(required=True)
        if self._counter.customer is customer:
            self._messages.show_message(
                _tr("Claiming {title}…").format(title=reward.title), MessageKind.INFO
            )
        try:
            result = await self.claims.claim(customer, reward)
        except ClaimRefused as refused:
            self._refused(refused.refusal)
            self.finished.emit(None)
            return
        self._say(customer, result)
        claimed = result.operation.loyalty_transaction_uuid if result.operation else None
        if result.outcome is ClaimOutcome.CLAIMED and claimed:
            self.claimed.emit(customer, claimed)
        if result.outcome is ClaimOutcome.CLAIMED and self._counter.customer is customer:
            self._select_claimed(result)
        self.finished.emit(result)

    async def _choose(self, customer: CustomerSummary) -> ClaimableReward | None:
        """The rewards list dialog, filled as the catalogue arrives; the chosen reward."""
        dialog = ClaimListDialog(
            customer.title, self.claims.balance(customer), self._pictures, self._window
        )
        self.dialog = dialog
        loading = asyncio.ensure_future(self.claims.catalogue(customer))

        def loaded(task: asyncio.Future[ClaimCatalogue]) -> None:
            if task.cancelled() or not is_alive(dialog):
                return
            exc = task.exception()
            if exc is None:
                dialog.show_catalogue(task.result())
            elif isinstance(exc, errors.ApiError):
                dialog.show_error(describe_connection_error(exc))
            else:
                dialog.show_error(_tr("The shop's rewards could not be loaded."))
                self._tasks.fail(exc)

        loading.add_done_callback(loaded)
        try:
            accepted = await await_dialog(dialog) == ClaimListDialog.DialogCode.Accepted
            return dialog.chosen() if accepted else None
        finally:
            self.dialog = None
            if not loading.done():
                loading.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await loading
            dialog.deleteLater()

    def _say(self, customer: CustomerSummary, result: ClaimResult) -> None:
        elsewhere = None if self._counter.customer is customer else customer.title
        kind = _KINDS.get(result.outcome, MessageKind.ERROR)
        self._messages.show_message(words.describe_claim(result, elsewhere=elsewhere), kind)

    def _select_claimed(self, result: ClaimResult) -> None:
        """The new reward, current in the pickup list: Enter hands it over."""
        operation = result.operation
        uuid = operation.loyalty_transaction_uuid if operation is not None else None
        rewards = self._page.rewards_list
        row = self._page.model.row_of(uuid) if uuid else None
        if row is None:
            self._back_to_list()
            return
        index = self._page.model.index(row, 0)
        selection = rewards.selectionModel()
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        rewards.scrollTo(index)
        rewards.setFocus(Qt.FocusReason.OtherFocusReason)

    def _back_to_list(self) -> None:
        if is_alive(self._page):
            self._page.rewards_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_counter_event(self, event: object) -> None:
        """A new customer (or none): a claim still being chosen or confirmed is dropped.

        One already sent is left to finish: its answer is journaled and said, named.
        """
        if isinstance(event, CustomerCleared | CustomerFound) and self.dialog is not None:
            self._tasks.cancel(CLAIM)
