"""The live check of ``pos-app doctor --customer CARD``: this counter's set-up tried with
one real customer's card, the way the counter looks a customer up, and strictly read-only.

Only reads are sent: the card lookup, the contact, the customer's rewards list, their
Giftoin progress, their Nudj user and the Nudj rewards catalogue (and, with Piggy client
credentials, the request for an access token). Nothing is collected or reversed, no
verification email goes out, and the Nudj lookup is not counted as one of the counter's
misses (no miss record is written for ``pos-app doctor`` to report later).

A card or QR value only, never an email address: at the counter an email lookup needs the
code Piggy emails the customer, and a check that skipped it would find anyone by address.

The rows show nothing of the customer but the first characters of their Piggy contact
uuid: no name, no email and no program id (a Discord id, a Nudj id may be an email), so
the table can be pasted into a support ticket. They name the settings the lookups used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Final

import httpx

from pos_app.api import errors
from pos_app.services.checks import CheckResult, CheckStatus, settings_page
from pos_app.services.connections import ApiClients, build_clients
from pos_app.services.identify import (
    CardNotLinkedError,
    CustomerLookup,
    IdentifyError,
    Scan,
    ScanKind,
    classify_scan,
)
from pos_app.services.pickup_models import CustomerSummary, PickupCounts
from pos_app.services.progress import (
    GiftoinProgress,
    NotLinked,
    NotLinkedReason,
    NudjProgress,
    ProgressService,
)
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import NudjIdKind, PiggyAuthMode, Settings

__all__ = ["LiveCheck", "secret_words"]

CUSTOMER: Final = "Customer"

#: Characters of the contact uuid a row shows: enough to tell customers apart in a ticket.
UUID_SHOWN: Final = 8

#: Contact attribute names a row lists at most, to help choose the Giftoin attribute.
ATTRIBUTES_LISTED: Final = 12

_SECRET_WORDS: Mapping[SecretName, str] = {
    SecretName.PIGGY_TOKEN: "token",
    SecretName.PIGGY_CLIENT_SECRET: "client secret",
    SecretName.GIFTOIN_API_KEY: "Giftoin API key",
    SecretName.NUDJ_TOKEN: "Nudj token",
    SecretName.STAFF_PIN_KEY: "staff PIN key",
}


def secret_words(name: SecretName) -> str:
    """The secret as a settings page calls it (``token``), for ``app_step`` texts."""
    return _SECRET_WORDS[name]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _shown_uuid(uuid: str) -> str:
    return uuid if len(uuid) <= UUID_SHOWN else uuid[:UUID_SHOWN] + "…"


def api_failure(
    component: str,
    check: str,
    vendor: str,
    url: str,
    exc: errors.ApiError,
    *,
    setting: str,
    secret: SecretName,
) -> CheckResult:
    """One row for a call of the check that ended in an API error, in shop words."""
    env = "POS_APP_" + setting.upper()
    page = settings_page(vendor)
    if isinstance(exc, errors.ApiTimeoutError):
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            f"{url} did not answer in time",
            "Check the network of this PC and the request_timeout setting "
            "(POS_APP_REQUEST_TIMEOUT), then run the check again.",
            "Check this PC's network connection, then run the check again.",
        )
    if isinstance(exc, errors.ApiConnectionError):
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            f"cannot connect to {url}",
            f"Check the network and the {setting} setting ({env}).",
            f"Check this PC's network connection and the server address in {page}.",
        )
    if isinstance(exc, errors.AuthenticationError):
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            f"{vendor} refused the credentials",
            f"Create a new key in {vendor}'s dashboard and store it with "
            f"`pos-app secrets set {secret.value}`.",
            f"Open {page} and paste a new {secret_words(secret)}.",
        )
    if isinstance(exc, errors.PermissionDeniedError):
        step = f"Give the key access to this API in {vendor}'s dashboard."
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            f"{vendor} accepted the credentials but does not allow this lookup",
            step,
            step,
        )
    if isinstance(exc, errors.MaintenanceError):
        step = "Wait and run the check again; nothing to change here."
        return CheckResult(
            component, check, CheckStatus.FAIL, f"{url} is in maintenance (HTTP 503)", step, step
        )
    if isinstance(exc, errors.RateLimitedError):
        wait = f" for {exc.retry_after:.0f} s" if exc.retry_after else ""
        step = "Run the check again later."
        return CheckResult(
            component, check, CheckStatus.WARN, f"rate limited{wait}: not checked", step, step
        )
    if isinstance(exc, errors.PiggyError | errors.GiftoinError | errors.NudjError):
        # The vendor's message is not shown: it is not localised, and may repeat input.
        code = f" (code {exc.code})" if exc.code is not None else ""
        detail = f"{vendor} refused the lookup{code}"
    elif isinstance(exc, errors.ResponseValidationError):
        detail = f"{url} answered, but not like the {vendor} API"
    else:
        status = f" (HTTP {exc.status_code})" if exc.status_code is not None else ""
        detail = f"{url} answered with an error{status}"
    return CheckResult(
        component,
        check,
        CheckStatus.FAIL,
        detail,
        f"Run the check again; if this stays, check the {setting} setting ({env}) and "
        f"ask {vendor} support.",
        f"Run the check again; if this stays, check the server address in {page}.",
    )


def _identify_failure(exc: Exception, url: str, secret: SecretName) -> CheckResult:
    def failed(detail: str, step: str, app_step: str | None = None) -> CheckResult:
        return CheckResult(CUSTOMER, "found", CheckStatus.FAIL, detail, step, app_step or step)

    if isinstance(exc, errors.IdentifierNotFoundError):
        return failed(
            "no customer with this card",
            "Scan a card that works at the counter, or check the card value for typing errors.",
            "Scan a card that works at the counter.",
        )
    if isinstance(exc, errors.IdentifierInactiveError):
        return failed(
            "this card is blocked (reported lost or replaced)",
            "Scan the customer's current card, or another customer's card.",
        )
    if isinstance(exc, CardNotLinkedError | errors.IdentifierNotLinkedError):
        return failed(
            "the card exists, but is not linked to a customer",
            "Scan the card of a customer who linked it in the app.",
        )
    if isinstance(exc, errors.ContactNotFoundError):
        return failed(
            "the card's customer was not found",
            "Scan another customer's card; if every card answers this, ask Piggy support.",
        )
    if isinstance(exc, errors.ApiError):
        return api_failure(
            CUSTOMER, "found", "Piggy", url, exc, setting="piggy_base_url", secret=secret
        )
    return failed("the card could not be looked up", "Scan a card that works at the counter.")


def _refusal(scan: Scan | None) -> CheckResult:
    """The row for a value that is not a card: nothing is sent for it."""
    scan_card = "Scan the customer's card or QR code."
    if scan is None:
        detail, step = "no card value given", "Give the value a card's barcode or QR holds."
    elif scan.kind is ScanKind.EMAIL:
        # Not the address itself: it is the customer's, and this output may be pasted on.
        detail = "an email address is not a card: not looked up"
        step = (
            "Give the value of the customer's card or QR code (what the scanner types). "
            "The check does not look customers up by email: at the counter that needs "
            "the code Piggy emails the customer."
        )
    else:
        detail = "a pickup slip reference is not a customer's card: not looked up"
        step = "Give the value of the customer's card or QR code, not a pickup slip."
    return CheckResult(CUSTOMER, "found", CheckStatus.FAIL, detail, step, scan_card)


def not_looked_up(why: str) -> list[CheckResult]:
    """Every row of the live check, not checked because of ``why``."""
    return [
        CheckResult(CUSTOMER, "found", CheckStatus.SKIPPED, f"not checked: {why}"),
        *_not_checked(why),
    ]


def _not_checked(why: str) -> list[CheckResult]:
    return [
        CheckResult(CUSTOMER, "rewards", CheckStatus.SKIPPED, f"not checked: {why}"),
        CheckResult("Giftoin", "customer", CheckStatus.SKIPPED, f"not checked: {why}"),
        CheckResult("Nudj", "customer", CheckStatus.SKIPPED, f"not checked: {why}"),
    ]


class LiveCheck:
    """Looks one customer up by card with the configured clients and reports each part.

    ``transport`` and ``sleep`` (the wait between retries) go to the clients, for tests;
    ``clock`` tells which rewards have expired.
    """

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._settings = settings
        self._secrets = secrets
        self._transport = transport
        self._sleep = sleep
        self._clock = clock

    @property
    def _piggy_secret(self) -> SecretName:
        if self._settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS:
            return SecretName.PIGGY_CLIENT_SECRET
        return SecretName.PIGGY_TOKEN

    async def run(self, card: str) -> list[CheckResult]:
        """The rows: customer found, their rewards, their Giftoin and Nudj progress."""
        scan = classify_scan(card)
        if scan is None or scan.kind is not ScanKind.CARD:
            return [_refusal(scan), *_not_checked("no card")]
        clients = build_clients(
            self._settings, self._secrets, transport=self._transport, sleep=self._sleep
        )
        try:
            return await self._check(clients, scan.value)
        finally:
            await clients.aclose()

    async def _check(self, clients: ApiClients, card: str) -> list[CheckResult]:
        settings = self._settings
        if clients.piggy is None:
            return [self._piggy_not_set_up(), *_not_checked("Piggy is not set up")]
        lookup = CustomerLookup(clients.piggy, clock=self._clock)
        try:
            customer = await lookup.by_card(card)
        except (errors.ApiError, IdentifyError) as exc:
            failure = _identify_failure(exc, settings.piggy_base_url, self._piggy_secret)
            return [failure, *_not_checked("no customer")]
        found = CheckResult(
            CUSTOMER, "found", CheckStatus.OK, f"contact {_shown_uuid(customer.uuid)}"
        )
        progress = ProgressService(
            clients.giftoin,
            clients.nudj,
            giftoin_platform=settings.giftoin_platform,
            giftoin_user_attribute=settings.giftoin_user_attribute,
            nudj_user_id_source=settings.nudj_user_id,
            clock=self._clock,
            # A check is not a counter's lookup: it must not count as a Nudj miss.
            nudj_miss_record=None,
        )
        try:
            rewards, giftoin, nudj = await asyncio.gather(
                self._rewards_row(lookup, customer),
                self._giftoin_row(progress, customer, clients),
                self._nudj_row(progress, customer),
            )
        finally:
            await progress.aclose()
        return [found, rewards, giftoin, nudj]

    def _piggy_not_set_up(self) -> CheckResult:
        page = settings_page("Piggy")
        if self._piggy_secret is SecretName.PIGGY_CLIENT_SECRET:
            step = (
                "Set piggy_client_id (POS_APP_PIGGY_CLIENT_ID) and run "
                "`pos-app secrets set piggy-client-secret`."
            )
            app_step = f"Open {page}, enter the client id and paste the client secret."
        else:
            step = "Run `pos-app secrets set piggy-token` (or set POS_APP_PIGGY_TOKEN)."
            app_step = f"Open {page} and paste the token."
        return CheckResult(
            CUSTOMER,
            "found",
            CheckStatus.FAIL,
            "Piggy is not set up: not looked up",
            step,
            app_step,
        )

    # -- the parts ------------------------------------------------------------------------

    async def _rewards_row(self, lookup: CustomerLookup, customer: CustomerSummary) -> CheckResult:
        try:
            items = await lookup.rewards(customer.uuid)
        except errors.ApiError as exc:
            return api_failure(
                CUSTOMER,
                "rewards",
                "Piggy",
                self._settings.piggy_base_url,
                exc,
                setting="piggy_base_url",
                secret=self._piggy_secret,
            )
        if not items:
            return CheckResult(CUSTOMER, "rewards", CheckStatus.OK, "none uncollected")
        counts = PickupCounts.of(items, lookup.now())
        return CheckResult(
            CUSTOMER,
            "rewards",
            CheckStatus.OK,
            f"{len(items)} uncollected: {counts.to_pick_up} to hand over, "
            f"{counts.expired} expired, {counts.digital} digital",
        )

    async def _giftoin_row(
        self, progress: ProgressService, customer: CustomerSummary, clients: ApiClients
    ) -> CheckResult:
        component, check = "Giftoin", "customer"
        settings = self._settings
        page = settings_page(component)
        if clients.giftoin is None:
            return CheckResult(component, check, CheckStatus.SKIPPED, "not set up: no panel")
        platform = settings.giftoin_platform
        attribute = settings.giftoin_user_attribute
        if not platform or not attribute:
            missing = " and ".join(
                name
                for name, value in (
                    ("giftoin_platform", platform),
                    ("giftoin_user_attribute", attribute),
                )
                if not value
            )
            return CheckResult(
                component,
                check,
                CheckStatus.WARN,
                f"{missing} not set: the panel finds no customer",
                "Set giftoin_platform (POS_APP_GIFTOIN_PLATFORM), e.g. discord, and "
                "giftoin_user_attribute (POS_APP_GIFTOIN_USER_ATTRIBUTE): the contact "
                "attribute that holds the customer's id on that platform.",
                f"Open {page} and choose the platform and the contact attribute that holds "
                "the customer's id there.",
            )
        try:
            result = await progress.giftoin(customer)
        except errors.ApiError as exc:
            url = settings.giftoin_base_url or ""
            return api_failure(
                component,
                check,
                component,
                url,
                exc,
                setting="giftoin_base_url",
                secret=SecretName.GIFTOIN_API_KEY,
            )
        source = f"{platform} id from the contact attribute {attribute}"
        if isinstance(result, GiftoinProgress):
            if not result.challenges:
                # [inferred] Giftoin does not promise a 404 for an unknown user
                # (API_NOTES.md §4): an empty list may mean the same.
                detail = (
                    f"no challenges ({source}); Giftoin answers so also for an id it does not know"
                )
            else:
                detail = f"{_plural(len(result.challenges), 'challenge')} ({source})"
            return CheckResult(component, check, CheckStatus.OK, detail)
        choose = (
            f"If this customer uses Giftoin, open {page} and choose the contact attribute "
            f"that holds their {platform} id."
        )
        if result.reason is NotLinkedReason.NO_ID:
            return CheckResult(
                component,
                check,
                CheckStatus.WARN,
                f"this customer's contact has no value in the attribute {attribute}",
                "If this customer uses Giftoin, set giftoin_user_attribute "
                f"(POS_APP_GIFTOIN_USER_ATTRIBUTE) to the attribute that holds their "
                f"{platform} id. This contact has: {_attribute_names(customer)}.",
                choose,
            )
        return CheckResult(
            component,
            check,
            CheckStatus.WARN,
            f"Giftoin knows no {platform} user with the {source}",
            "If this customer uses Giftoin, compare giftoin_platform and "
            "giftoin_user_attribute (POS_APP_GIFTOIN_PLATFORM, POS_APP_GIFTOIN_USER_ATTRIBUTE) "
            "with what Giftoin's dashboard shows for them; else try a customer who does.",
            choose,
        )

    async def _nudj_row(self, progress: ProgressService, customer: CustomerSummary) -> CheckResult:
        component, check = "Nudj", "customer"
        settings = self._settings
        source = settings.nudj_user_id
        try:
            result = await progress.nudj(customer)
        except errors.ApiError as exc:
            return api_failure(
                component,
                check,
                component,
                settings.nudj_base_url or "",
                exc,
                setting="nudj_base_url",
                secret=SecretName.NUDJ_TOKEN,
            )
        if isinstance(result, NudjProgress):
            return CheckResult(component, check, CheckStatus.OK, _nudj_detail(result, str(source)))
        if result.reason is NotLinkedReason.NOT_SET_UP:
            return CheckResult(component, check, CheckStatus.SKIPPED, "not set up: no panel")
        fix = (
            "If this customer has a Nudj account, look them up in Nudj's dashboard and set "
            "nudj_user_id_source (POS_APP_NUDJ_USER_ID_SOURCE) to the id Nudj holds for them: "
            "uuid, email or attribute:NAME."
        )
        app_fix = (
            f"If this customer has a Nudj account, open {settings_page(component)} and "
            "choose the id Nudj holds for customers."
        )
        if result.reason is NotLinkedReason.NO_ID:
            what = (
                "an email address"
                if source.kind is NudjIdKind.EMAIL
                else f"a value in the attribute {source.attribute}"
            )
            detail = f"this customer's contact has no {what} (looked up by {source})"
        else:
            detail = _not_found_detail(result)
        return CheckResult(component, check, CheckStatus.WARN, detail, fix, app_fix)


def _nudj_detail(result: NudjProgress, looked_up_by: str) -> str:
    points = "points unknown" if result.points is None else _plural(result.points, "point")
    affordable = sum(1 for view in result.rewards if view.affordable)
    return (
        f"{points}, {_plural(len(result.rewards), 'reward')} on offer, {affordable} within "
        f"reach (looked up by {looked_up_by})"
    )


def _not_found_detail(result: NotLinked) -> str:
    return f"Nudj found no user for this customer (looked up by {result.looked_up_by})"


def _attribute_names(customer: CustomerSummary) -> str:
    """The names (never the values) of the contact's attributes that hold something."""
    names = sorted(
        name
        for name, value in customer.attributes.items()
        if value not in (None, "", [], {}) and not isinstance(value, bool)
    )
    if not names:
        return "no attributes with a value"
    listed = ", ".join(names[:ATTRIBUTES_LISTED])
    more = len(names) - ATTRIBUTES_LISTED
    return listed + (f" and {more} more" if more > 0 else "")
