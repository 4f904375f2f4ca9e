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
Their texts are phrases (:mod:`pos_app.services.phrases`), which the app translates.
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
from pos_app.services.phrases import Phrase, phrase
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

CUSTOMER: Final = phrase("Customer")
FOUND: Final = phrase("found")
REWARDS: Final = phrase("rewards")
#: The check of a side program's row (Giftoin, Nudj): this customer in that program.
IN_PROGRAM: Final = phrase("customer")

#: Characters of the contact uuid a row shows: enough to tell customers apart in a ticket.
UUID_SHOWN: Final = 8

#: Contact attribute names a row lists at most, to help choose the Giftoin attribute.
ATTRIBUTES_LISTED: Final = 12

_SECRET_WORDS: Mapping[SecretName, Phrase] = {
    SecretName.PIGGY_TOKEN: phrase("token"),
    SecretName.PIGGY_CLIENT_SECRET: phrase("client secret"),
    SecretName.GIFTOIN_API_KEY: phrase("Giftoin API key"),
    SecretName.NUDJ_TOKEN: phrase("Nudj token"),
    SecretName.STAFF_PIN_KEY: phrase("staff PIN key"),
}


def secret_words(name: SecretName) -> Phrase:
    """The secret as a settings page calls it (``token``), for ``app_step`` texts."""
    return _SECRET_WORDS[name]


def _shown_uuid(uuid: str) -> str:
    return uuid if len(uuid) <= UUID_SHOWN else uuid[:UUID_SHOWN] + "…"


def api_failure(
    component: str,
    check: Phrase,
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
            phrase("{url} did not answer in time", url=url),
            "Check the network of this PC and the request_timeout setting "
            "(POS_APP_REQUEST_TIMEOUT), then run the check again.",
            phrase("Check this PC's network connection, then run the check again."),
        )
    if isinstance(exc, errors.ApiConnectionError):
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            phrase("cannot connect to {url}", url=url),
            f"Check the network and the {setting} setting ({env}).",
            phrase(
                "Check this PC's network connection and the server address in {page}.", page=page
            ),
        )
    if isinstance(exc, errors.AuthenticationError):
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            phrase("{vendor} refused the credentials", vendor=vendor),
            f"Create a new key in {vendor}'s dashboard and store it with "
            f"`pos-app secrets set {secret.value}`.",
            phrase("Open {page} and paste a new {secret}.", page=page, secret=secret_words(secret)),
        )
    # Below, the terminal's next step is the app's one: no command line in it.
    if isinstance(exc, errors.PermissionDeniedError):
        step = phrase("Give the key access to this API in {vendor}'s dashboard.", vendor=vendor)
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            phrase(
                "{vendor} accepted the credentials but does not allow this lookup", vendor=vendor
            ),
            step,
            step,
        )
    if isinstance(exc, errors.MaintenanceError):
        step = phrase("Wait and run the check again; nothing to change here.")
        detail = phrase("{url} is in maintenance (HTTP 503)", url=url)
        return CheckResult(component, check, CheckStatus.FAIL, detail, step, step)
    if isinstance(exc, errors.RateLimitedError):
        step = phrase("Run the check again later.")
        detail = (
            phrase("rate limited for {seconds} s: not checked", seconds=f"{exc.retry_after:.0f}")
            if exc.retry_after
            else phrase("rate limited: not checked")
        )
        return CheckResult(component, check, CheckStatus.WARN, detail, step, step)
    if isinstance(exc, errors.PiggyError | errors.GiftoinError | errors.NudjError):
        # The vendor's message is not shown: it is not localised, and may repeat input.
        detail = (
            phrase("{vendor} refused the lookup (code {code})", vendor=vendor, code=exc.code)
            if exc.code is not None
            else phrase("{vendor} refused the lookup", vendor=vendor)
        )
    elif isinstance(exc, errors.ResponseValidationError):
        detail = phrase("{url} answered, but not like the {vendor} API", url=url, vendor=vendor)
    elif exc.status_code is not None:
        detail = phrase(
            "{url} answered with an error (HTTP {status})", url=url, status=exc.status_code
        )
    else:
        detail = phrase("{url} answered with an error", url=url)
    return CheckResult(
        component,
        check,
        CheckStatus.FAIL,
        detail,
        f"Run the check again; if this stays, check the {setting} setting ({env}) and "
        f"ask {vendor} support.",
        phrase(
            "Run the check again; if this stays, check the server address in {page}.", page=page
        ),
    )


def _identify_failure(exc: Exception, url: str, secret: SecretName) -> CheckResult:
    def failed(detail: Phrase, step: str, app_step: Phrase | None = None) -> CheckResult:
        """A row whose next step (a phrase, unless ``app_step`` is given) is the app's too."""
        return CheckResult(CUSTOMER, FOUND, CheckStatus.FAIL, detail, step, app_step or step)

    if isinstance(exc, errors.IdentifierNotFoundError):
        return failed(
            phrase("no customer with this card"),
            "Scan a card that works at the counter, or check the card value for typing errors.",
            phrase("Scan a card that works at the counter."),
        )
    if isinstance(exc, errors.IdentifierInactiveError):
        return failed(
            phrase("this card is blocked (reported lost or replaced)"),
            phrase("Scan the customer's current card, or another customer's card."),
        )
    if isinstance(exc, CardNotLinkedError | errors.IdentifierNotLinkedError):
        return failed(
            phrase("the card exists, but is not linked to a customer"),
            phrase("Scan the card of a customer who linked it in the app."),
        )
    if isinstance(exc, errors.ContactNotFoundError):
        return failed(
            phrase("the card's customer was not found"),
            phrase("Scan another customer's card; if every card answers this, ask Piggy support."),
        )
    if isinstance(exc, errors.ApiError):
        return api_failure(
            CUSTOMER, FOUND, "Piggy", url, exc, setting="piggy_base_url", secret=secret
        )
    return failed(
        phrase("the card could not be looked up"),
        phrase("Scan a card that works at the counter."),
    )


def _refusal(scan: Scan | None) -> CheckResult:
    """The row for a value that is not a card: nothing is sent for it."""
    scan_card = phrase("Scan the customer's card or QR code.")
    if scan is None:
        detail = phrase("no card value given")
        step = "Give the value a card's barcode or QR holds."
    elif scan.kind is ScanKind.EMAIL:
        # Not the address itself: it is the customer's, and this output may be pasted on.
        detail = phrase("an email address is not a card: not looked up")
        step = (
            "Give the value of the customer's card or QR code (what the scanner types). "
            "The check does not look customers up by email: at the counter that needs "
            "the code Piggy emails the customer."
        )
    else:
        detail = phrase("a pickup slip reference is not a customer's card: not looked up")
        step = "Give the value of the customer's card or QR code, not a pickup slip."
    return CheckResult(CUSTOMER, FOUND, CheckStatus.FAIL, detail, step, scan_card)


def not_looked_up(why: Phrase) -> list[CheckResult]:
    """Every row of the live check, not checked because of ``why``."""
    detail = phrase("not checked: {why}", why=why)
    return [CheckResult(CUSTOMER, FOUND, CheckStatus.SKIPPED, detail), *_not_checked(why)]


def _not_checked(why: Phrase) -> list[CheckResult]:
    detail = phrase("not checked: {why}", why=why)
    return [
        CheckResult(CUSTOMER, REWARDS, CheckStatus.SKIPPED, detail),
        CheckResult("Giftoin", IN_PROGRAM, CheckStatus.SKIPPED, detail),
        CheckResult("Nudj", IN_PROGRAM, CheckStatus.SKIPPED, detail),
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
            return [_refusal(scan), *_not_checked(phrase("no card"))]
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
            return [self._piggy_not_set_up(), *_not_checked(phrase("Piggy is not set up"))]
        lookup = CustomerLookup(clients.piggy, clock=self._clock)
        try:
            customer = await lookup.by_card(card)
        except (errors.ApiError, IdentifyError) as exc:
            failure = _identify_failure(exc, settings.piggy_base_url, self._piggy_secret)
            return [failure, *_not_checked(phrase("no customer"))]
        contact = phrase("contact {uuid}", uuid=_shown_uuid(customer.uuid))
        found = CheckResult(CUSTOMER, FOUND, CheckStatus.OK, contact)
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
            app_step = phrase(
                "Open {page}, enter the client id and paste the client secret.", page=page
            )
        else:
            step = "Run `pos-app secrets set piggy-token` (or set POS_APP_PIGGY_TOKEN)."
            app_step = phrase("Open {page} and paste the token.", page=page)
        return CheckResult(
            CUSTOMER,
            FOUND,
            CheckStatus.FAIL,
            phrase("Piggy is not set up: not looked up"),
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
                REWARDS,
                "Piggy",
                self._settings.piggy_base_url,
                exc,
                setting="piggy_base_url",
                secret=self._piggy_secret,
            )
        if not items:
            return CheckResult(CUSTOMER, REWARDS, CheckStatus.OK, phrase("none uncollected"))
        counts = PickupCounts.of(items, lookup.now())
        return CheckResult(
            CUSTOMER,
            REWARDS,
            CheckStatus.OK,
            phrase(
                "{count} uncollected: {to_pick_up} to hand over, {expired} expired, "
                "{digital} digital",
                count=len(items),
                to_pick_up=counts.to_pick_up,
                expired=counts.expired,
                digital=counts.digital,
            ),
        )

    async def _giftoin_row(
        self, progress: ProgressService, customer: CustomerSummary, clients: ApiClients
    ) -> CheckResult:
        component, check = "Giftoin", IN_PROGRAM
        settings = self._settings
        page = settings_page(component)
        if clients.giftoin is None:
            return CheckResult(
                component, check, CheckStatus.SKIPPED, phrase("not set up: no panel")
            )
        platform = settings.giftoin_platform
        attribute = settings.giftoin_user_attribute
        if not platform or not attribute:
            unset = [
                name
                for name, value in (
                    ("giftoin_platform", platform),
                    ("giftoin_user_attribute", attribute),
                )
                if not value
            ]
            missing = (
                phrase("{first} and {second}", first=unset[0], second=unset[1])
                if len(unset) == 2
                else unset[0]
            )
            return CheckResult(
                component,
                check,
                CheckStatus.WARN,
                phrase("{missing} not set: the panel finds no customer", missing=missing),
                "Set giftoin_platform (POS_APP_GIFTOIN_PLATFORM), e.g. discord, and "
                "giftoin_user_attribute (POS_APP_GIFTOIN_USER_ATTRIBUTE): the contact "
                "attribute that holds the customer's id on that platform.",
                phrase(
                    "Open {page} and choose the platform and the contact attribute that holds "
                    "the customer's id there.",
                    page=page,
                ),
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
        source = phrase(
            "{platform} id from the contact attribute {attribute}",
            platform=platform,
            attribute=attribute,
        )
        if isinstance(result, GiftoinProgress):
            count = len(result.challenges)
            if not count:
                # [inferred] Giftoin does not promise a 404 for an unknown user
                # (API_NOTES.md §4): an empty list may mean the same.
                detail = phrase(
                    "no challenges ({source}); Giftoin answers so also for an id it does not know",
                    source=source,
                )
            elif count == 1:
                detail = phrase("{count} challenge ({source})", count=count, source=source)
            else:
                detail = phrase("{count} challenges ({source})", count=count, source=source)
            return CheckResult(component, check, CheckStatus.OK, detail)
        choose = phrase(
            "If this customer uses Giftoin, open {page} and choose the contact attribute "
            "that holds their {platform} id.",
            page=page,
            platform=platform,
        )
        if result.reason is NotLinkedReason.NO_ID:
            return CheckResult(
                component,
                check,
                CheckStatus.WARN,
                phrase(
                    "this customer's contact has no value in the attribute {attribute}",
                    attribute=attribute,
                ),
                "If this customer uses Giftoin, set giftoin_user_attribute "
                f"(POS_APP_GIFTOIN_USER_ATTRIBUTE) to the attribute that holds their "
                f"{platform} id. This contact has: {_attribute_names(customer)}.",
                choose,
            )
        return CheckResult(
            component,
            check,
            CheckStatus.WARN,
            phrase(
                "Giftoin knows no {platform} user with the {source}",
                platform=platform,
                source=source,
            ),
            "If this customer uses Giftoin, compare giftoin_platform and "
            "giftoin_user_attribute (POS_APP_GIFTOIN_PLATFORM, POS_APP_GIFTOIN_USER_ATTRIBUTE) "
            "with what Giftoin's dashboard shows for them; else try a customer who does.",
            choose,
        )

    async def _nudj_row(self, progress: ProgressService, customer: CustomerSummary) -> CheckResult:
        component, check = "Nudj", IN_PROGRAM
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
            return CheckResult(
                component, check, CheckStatus.SKIPPED, phrase("not set up: no panel")
            )
        fix = (
            "If this customer has a Nudj account, look them up in Nudj's dashboard and set "
            "nudj_user_id_source (POS_APP_NUDJ_USER_ID_SOURCE) to the id Nudj holds for them: "
            "uuid, email or attribute:NAME."
        )
        app_fix = phrase(
            "If this customer has a Nudj account, open {page} and choose the id Nudj holds "
            "for customers.",
            page=settings_page(component),
        )
        if result.reason is NotLinkedReason.NO_ID and source.kind is NudjIdKind.EMAIL:
            detail = phrase(
                "this customer's contact has no email address (looked up by {source})",
                source=source,
            )
        elif result.reason is NotLinkedReason.NO_ID:
            detail = phrase(
                "this customer's contact has no value in the attribute {attribute} "
                "(looked up by {source})",
                attribute=source.attribute,
                source=source,
            )
        else:
            detail = _not_found_detail(result)
        return CheckResult(component, check, CheckStatus.WARN, detail, fix, app_fix)


def _nudj_detail(result: NudjProgress, looked_up_by: str) -> Phrase:
    if result.points is None:
        points = phrase("points unknown")
    elif result.points == 1:
        points = phrase("{count} point", count=result.points)
    else:
        points = phrase("{count} points", count=result.points)
    offered = len(result.rewards)
    rewards = (
        phrase("{count} reward", count=offered)
        if offered == 1
        else phrase("{count} rewards", count=offered)
    )
    return phrase(
        "{points}, {rewards} on offer, {affordable} within reach (looked up by {source})",
        points=points,
        rewards=rewards,
        affordable=sum(1 for view in result.rewards if view.affordable),
        source=looked_up_by,
    )


def _not_found_detail(result: NotLinked) -> Phrase:
    return phrase(
        "Nudj found no user for this customer (looked up by {source})",
        source=result.looked_up_by,
    )


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
