"""Hand over at the counter: confirm, sign in if needed, send, say what came of it, slip.

The sending and its policy are the counter session's
(:meth:`~pos_app.services.counter.CounterSession.hand_over`); this is the conversation
around it. The outcome is said for the customer it was made for: when the next customer
is already on screen it is named, and no dialog of the previous customer's comes up over
the new one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from pos_app import APP_NAME
from pos_app.services.counter import (
    CounterSession,
    HandOverRefused,
    HandOverReport,
    Refusal,
    UndoRefused,
)
from pos_app.services.pickup import ReverseOutcome
from pos_app.services.pickup_models import CustomerSummary, PickupItem
from pos_app.services.settings import PrintSlip
from pos_app.services.slips import PickupSlip
from pos_app.ui.async_support import TaskOwner, await_dialog, is_alive
from pos_app.ui.counter.customer_page import CustomerPage
from pos_app.ui.counter.customer_widgets import MessageBar, MessageKind
from pos_app.ui.counter.notice import NoticeActions
from pos_app.ui.counter.screen import HAND_OVER
from pos_app.ui.counter.signing_in import SignInControl
from pos_app.ui.counter.words import (
    describe_hand_over,
    describe_refusal,
    describe_undo,
    describe_undo_refusal,
    hand_over_kind,
    handing_over_text,
)
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.pictures import PictureCache
from pos_app.ui.rewards.hand_over_dialog import HandOverDialog

#: The task keys of undoing a hand-over and of its slip (the hand-over's own, HAND_OVER,
#: is the screen's: one at a time per counter).
UNDO = "undo-hand-over"
SLIP = "slip"


class HandOverFlow:
    """Owns the Hand over button; ``finished(customer)`` when a hand-over ends, however."""

    def __init__(
        self,
        counter: CounterSession,
        signing_in: SignInControl,
        *,
        tasks: TaskOwner,
        messages: MessageBar,
        pictures: PictureCache,
        page: CustomerPage,
        actions: NoticeActions,
        window: QWidget,
        finished: Callable[[CustomerSummary], None],
    ) -> None:
        self._counter = counter
        self._signing_in = signing_in
        self._tasks = tasks
        self._messages = messages
        self._pictures = pictures
        self._page = page
        self._actions = actions
        self._window = window
        self._finished = finished
        self._waiting = QTimer(window)
        self._waiting.setInterval(1000)
        self._waiting.timeout.connect(self._still_waiting)
        self._waited = 0
        self._waiting_for: CustomerSummary | None = None
        # Rewards just claimed for the customer on screen: of identical ones, those go.
        self._preferred: tuple[CustomerSummary, set[str]] | None = None
        rewards = page.rewards_list
        page.hand_over_button.clicked.connect(self.start_selected)
        page.hand_over_all_button.clicked.connect(self.start_all)
        rewards.activated.connect(self.start_selected)
        rewards.selectionModel().selectionChanged.connect(self.update_button)
        model = rewards.model()
        model.modelReset.connect(self.update_button)
        model.rowsRemoved.connect(self.update_button)

    @property
    def busy(self) -> bool:
        return self._tasks.is_running(HAND_OVER)

    def update_button(self) -> None:
        counter = self._counter
        can = not self.busy and counter.desk is not None and counter.held_by is None
        rewards = self._page.rewards_list
        self._page.show_selection(len(rewards.selected_items()), len(self._available()), can)

    def _available(self) -> list[PickupItem]:
        return self._page.model.available_items()

    def start_selected(self) -> None:
        """Hand over what is selected in the list (the button, Enter, a double click)."""
        reason = self._page.rewards_list.unavailable_reason()
        if reason:
            self._messages.show_message(reason, MessageKind.INFO)
            return
        if self._counter.customer is not None:
            self.start(self._counter.customer, self._page.rewards_list.selected_items())

    def start_all(self) -> None:
        """Hand over every reward that can go (Hand over all, Ctrl+Enter)."""
        if self._counter.customer is not None:
            self.start(self._counter.customer, self._available())

    def start(self, customer: CustomerSummary, items: list[PickupItem]) -> None:
        # Double clicks and double Enters land here twice: only the first starts anything.
        if self.busy or not items:
            return
        refusal = self._counter.refusal()
        if refusal is not None:
            self._refused(refusal)
            return
        task = self._tasks.op(self._run(customer, items), key=HAND_OVER).run()
        # Only once the task is done does it stop counting as running: the button's state
        # and whoever waits for the end hear of it then, also after a cancelled dialog.
        task.add_done_callback(lambda _task: self._ended(customer))
        self.update_button()

    def _ended(self, customer: CustomerSummary) -> None:
        self._waiting.stop()
        if is_alive(self._page):
            self.update_button()
            self._finished(customer)

    def _still_waiting(self) -> None:
        self._waited += 1
        # Said only while that customer is still at the counter: the next one's screen
        # gets the outcome, named, when it comes.
        if self._counter.customer is self._waiting_for:
            self._messages.show_message(handing_over_text(self._waited), MessageKind.INFO)

    def _refused(self, refusal: Refusal) -> None:
        services = self._counter.services
        problem = {
            Refusal.NOT_SET_UP: services.journal_problem,
            Refusal.NO_STAFF_CHECK: services.staff_problem,
        }.get(refusal)
        self._messages.show_message(
            describe_refusal(refusal, problem=problem, kiosk=self._counter.kiosk),
            MessageKind.INFO if refusal is Refusal.NOT_SIGNED_IN else MessageKind.ERROR,
        )

    def prefer(self, customer: CustomerSummary, loyalty_transaction_uuid: str) -> None:
        """``customer`` just claimed this reward: of its identical ones, it is the one a
        hand-over offers (the cashier can still say more)."""
        if self._preferred is None or self._preferred[0] is not customer:
            self._preferred = (customer, set())
        self._preferred[1].add(loyalty_transaction_uuid)

    async def _run(self, customer: CustomerSummary, items: list[PickupItem]) -> None:
        preferred = self._preferred
        prefer = preferred[1] if preferred is not None and preferred[0] is customer else set()
        dialog = HandOverDialog(customer.title, items, self._pictures, self._window, prefer=prefer)
        try:
            confirmed = await await_dialog(dialog) == HandOverDialog.DialogCode.Accepted
            # Of identical rewards, the cashier may have chosen to hand over fewer.
            items = dialog.chosen_items()
        finally:
            dialog.deleteLater()
        if not confirmed:
            self._page.rewards_list.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._counter.needs_sign_in:
            await self._signing_in.sign_in(required=self._counter.kiosk)
        self._messages.show_message(handing_over_text(0), MessageKind.INFO)
        self._waited = 0
        self._waiting_for = customer
        self._waiting.start()
        try:
            report = await self._counter.hand_over(customer, items)
        except HandOverRefused as refused:
            self._refused(refused.refusal)
            return
        finally:
            self._waiting.stop()
        setting = self._counter.settings.print_slip
        if setting is PrintSlip.ALWAYS:
            # Straight to the printer; a dialog only when there is no printer to go to,
            # and never over the next customer.
            held_back = await self._offer_slip(report, interactive=report.current)
            self._say(report, slip_held_back=held_back)
        else:
            self._say(report)
        if report.handed_over and (report.current or report.replaced):
            if setting is PrintSlip.ASK:
                self._actions.offer_slip(lambda: self._print_on_request(report))
            if self._counter.undo_refusal(report) is None:
                self._actions.offer_undo(
                    lambda: self._counter.undo_left(report), lambda: self._undo(report)
                )

    def _print_on_request(self, report: HandOverReport) -> None:
        self._tasks.op(self._offer_slip(report), key=SLIP).run()

    def _undo(self, report: HandOverReport) -> None:
        self._tasks.op(self._run_undo(report), key=UNDO).run()

    async def _run_undo(self, report: HandOverReport) -> None:
        self._messages.show_message(_tr("Undoing the hand-over…"), MessageKind.INFO)
        try:
            results = await self._counter.undo(report)
        except UndoRefused as refused:
            self._messages.show_message(
                describe_undo_refusal(refused.refusal, report), MessageKind.ERROR
            )
            return
        ok = all(r.outcome is ReverseOutcome.REVERSED for r in results)
        self._messages.show_message(
            describe_undo(report, results), MessageKind.SUCCESS if ok else MessageKind.ERROR
        )
        self._finished(report.customer)

    def _say(self, report: HandOverReport, *, slip_held_back: str | None = None) -> None:
        self._messages.show_message(
            describe_hand_over(report, slip_held_back=slip_held_back), hand_over_kind(report)
        )

    async def _offer_slip(self, report: HandOverReport, *, interactive: bool = True) -> str | None:
        """A pickup slip for what was handed over, as the print_slip setting says.

        None, or, when the slip was held back because it would have needed a dialog and
        ``interactive`` is off (another customer on screen), what was wrong with the
        printer ("" when nothing was).
        """
        operations = report.handed_over
        if not operations or not self._counter.slip_due:
            return None
        slip = PickupSlip.from_operations(
            operations, shop_name=self._counter.shop_name or APP_NAME, customer=report.customer
        )
        settings = self._counter.settings
        # Imported when a slip is due: Qt's print support takes a while to load.
        from pos_app.ui.slips import SlipHeldBack, offer_slip
        from pos_app.ui.slips.receipt import ReceiptTarget

        try:
            await offer_slip(
                slip,
                settings.print_slip,
                self._window,
                printer_name=settings.slip_printer,
                paper=settings.slip_paper,
                interactive=interactive,
                receipt=ReceiptTarget.from_settings(settings),
            )
        except SlipHeldBack as held:
            return held.problem
        return None
