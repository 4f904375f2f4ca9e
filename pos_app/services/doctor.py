"""`pos-app doctor`: is this counter set up right? One row per check, a next step per failure.

The checks talk to the real services with the configured settings and secrets, so a shop's
IT person can see at a glance what is missing: a host that cannot be reached, a token that
is refused, a shop uuid that does not exist. With a customer's card
(:meth:`Doctor.run` ``customer=``) the live check of :mod:`pos_app.services.live_check`
follows: the card, the rewards list and the side programs, read-only.

The rows' texts are phrases (:mod:`pos_app.services.phrases`): English in the terminal,
translated in the app's Check this counter.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from pos_app.api import GiftoinClient, NudjClient, PiggyClient, Shop, errors
from pos_app.services.checks import (
    CheckResult,
    CheckStatus,
    exit_code,
    format_table,
    settings_page,
)
from pos_app.services.live_check import LiveCheck, not_looked_up, secret_words
from pos_app.services.phrases import Phrase, phrase
from pos_app.services.progress import NUDJ_MISS_RECORD, read_nudj_misses
from pos_app.services.secrets import SecretName, SecretStore
from pos_app.services.settings import NudjIdKind, PiggyAuthMode, Settings

__all__ = ["CheckResult", "CheckStatus", "Doctor", "exit_code", "format_table"]

REACHABLE = phrase("reachable")
CREDENTIALS = phrase("credentials accepted")

#: "no <the secret's label>" (:attr:`SecretName.label`), in words the app translates.
_NO_SECRET: dict[SecretName, Phrase] = {
    SecretName.PIGGY_TOKEN: phrase("no Piggy personal access token / API key"),
    SecretName.PIGGY_CLIENT_SECRET: phrase("no Piggy OAuth client secret"),
    SecretName.GIFTOIN_API_KEY: phrase("no Giftoin API key"),
    SecretName.NUDJ_TOKEN: phrase("no Nudj API token"),
    SecretName.STAFF_PIN_KEY: phrase("no key that protects the staff PINs"),
    SecretName.SHARED_JOURNAL_PASSWORD: phrase("no shared journal (PostgreSQL) password"),
}


@dataclass(frozen=True)
class _Outcome:
    """What one probing API call taught us about reachability and credentials."""

    reachable: CheckResult
    credentials: CheckResult
    answered: bool


def _probe_failure(
    component: str, url: str, exc: errors.ApiError, setting: str, secret: SecretName
) -> _Outcome:
    """Translate a failed probe call into the two rows a person needs to read."""
    env = "POS_APP_" + setting.upper()
    page = settings_page(component)
    not_checked = _not_checked(component, phrase("no answer"))
    if isinstance(exc, errors.ApiTimeoutError):
        return _Outcome(
            CheckResult(
                component,
                REACHABLE,
                CheckStatus.FAIL,
                phrase("{url} did not answer in time", url=url),
                "Check the network of this PC and the request_timeout setting.",
                phrase("Check this PC's network connection, then run the check again."),
            ),
            not_checked,
            False,
        )
    if isinstance(exc, errors.ApiConnectionError):
        return _Outcome(
            CheckResult(
                component,
                REACHABLE,
                CheckStatus.FAIL,
                phrase("cannot connect to {url}", url=url),
                f"Check the network and the {setting} setting ({env}).",
                phrase(
                    "Check this PC's network connection and the server address in {page}.",
                    page=page,
                ),
            ),
            not_checked,
            False,
        )
    reachable = CheckResult(component, REACHABLE, CheckStatus.OK, url)
    if isinstance(exc, errors.AuthenticationError):
        return _Outcome(
            reachable,
            CheckResult(
                component,
                CREDENTIALS,
                CheckStatus.FAIL,
                phrase("the server refused the credentials"),
                "Create a new key in the vendor's dashboard and store it with "
                f"`pos-app secrets set {secret.value}`.",
                phrase(
                    "Open {page} and paste a new {secret}.", page=page, secret=secret_words(secret)
                ),
            ),
            True,
        )
    if isinstance(exc, errors.PermissionDeniedError):
        return _Outcome(
            reachable,
            CheckResult(
                component,
                CREDENTIALS,
                CheckStatus.FAIL,
                phrase("credentials accepted, but not allowed to use this API"),
                "Give the key access to this API in the vendor's dashboard.",
                phrase("Give the key access to this API in the vendor's dashboard."),
            ),
            True,
        )
    if isinstance(exc, errors.MaintenanceError):
        reachable = CheckResult(
            component,
            REACHABLE,
            CheckStatus.FAIL,
            phrase("{url} is in maintenance (HTTP 503)", url=url),
            "Wait and run the doctor again; nothing to change here.",
            phrase("Wait and run the check again; nothing to change here."),
        )
        return _Outcome(reachable, _not_checked(component, phrase("service in maintenance")), True)
    if isinstance(exc, errors.RateLimitedError):
        limited = (
            phrase(
                "rate limited for {seconds} s; credentials were not rejected",
                seconds=f"{exc.retry_after:.0f}",
            )
            if exc.retry_after
            else phrase("rate limited; credentials were not rejected")
        )
        return _Outcome(
            reachable,
            CheckResult(
                component,
                CREDENTIALS,
                CheckStatus.WARN,
                limited,
                "Run the doctor again later.",
                phrase("Run the check again later."),
            ),
            True,
        )
    # A server error or an answer in an unexpected shape: most often a wrong base URL that
    # points at some other web server.
    return _Outcome(
        CheckResult(
            component,
            REACHABLE,
            CheckStatus.FAIL,
            phrase(
                "{url} answered, but not like the {vendor} API: {error}",
                url=url,
                vendor=component,
                error=exc,
            ),
            f"Check the {setting} setting ({env}); it is the host root, e.g. https://host.",
            phrase(
                "Open {page} and check the server address: only the host, e.g. https://host.",
                page=page,
            ),
        ),
        _not_checked(component, phrase("unexpected answer")),
        True,
    )


def _not_checked(component: str, why: Phrase) -> CheckResult:
    return CheckResult(
        component, CREDENTIALS, CheckStatus.SKIPPED, phrase("not checked: {why}", why=why)
    )


async def _probe(
    component: str,
    url: str,
    setting: str,
    secret: SecretName,
    call: Callable[[], Awaitable[object]],
) -> tuple[_Outcome, object | None]:
    try:
        result = await call()
    except errors.ApiError as exc:
        return _probe_failure(component, url, exc, setting, secret), None
    outcome = _Outcome(
        CheckResult(component, REACHABLE, CheckStatus.OK, url),
        CheckResult(component, CREDENTIALS, CheckStatus.OK, phrase("yes")),
        True,
    )
    return outcome, result


class Doctor:
    """Runs every check; ``transport`` lets tests route the calls to a fake server."""

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        *,
        config_file: Path | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._secrets = secrets
        self._config_file = config_file
        self._transport = transport

    async def run(self, *, customer: str | None = None) -> list[CheckResult]:
        """Every check; with ``customer`` (a card or QR value) the live check's rows follow."""
        local = [self._check_config_file(), self._check_data_dir(), self._check_keyring()]
        piggy, giftoin, nudj = await asyncio.gather(
            self._check_piggy(), self._check_giftoin(), self._check_nudj()
        )
        rows = [*local, *piggy, *giftoin, *nudj]
        if customer is None:
            return rows
        unreachable = any(
            row.component == "Piggy" and row.check == "reachable" and row.status is CheckStatus.FAIL
            for row in piggy
        )
        if unreachable:
            # The row above says why; the counter's lookup would only wait out its retries.
            return [*rows, *not_looked_up(phrase("Piggy cannot be reached (see above)"))]
        live = LiveCheck(self._settings, self._secrets, transport=self._transport)
        return [*rows, *await live.run(customer)]

    # -- local ---------------------------------------------------------------------------

    def _check_config_file(self) -> CheckResult:
        path = self._config_file
        component, check = phrase("Settings"), phrase("file")
        if path is None:
            only = phrase("defaults and POS_APP_* only")
            return CheckResult(component, check, CheckStatus.OK, only)
        if path.exists():
            return CheckResult(component, check, CheckStatus.OK, str(path))
        return CheckResult(
            component,
            check,
            CheckStatus.OK,
            phrase("{path} does not exist: defaults and POS_APP_* variables in use", path=path),
        )

    def _check_data_dir(self) -> CheckResult:
        folder = self._settings.data_dir
        component, check = phrase("Data folder"), phrase("writable")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
        except OSError as exc:
            return CheckResult(
                component,
                check,
                CheckStatus.FAIL,
                # The folder and the system's own words for the error: nothing to translate.
                f"{folder}: {exc.strerror or exc}",
                "Give this user write access, or choose another folder with data_dir "
                "(POS_APP_DATA_DIR).",
                phrase(
                    "Ask your IT contact to give this PC's user write access to the data folder."
                ),
            )
        return CheckResult(component, check, CheckStatus.OK, str(folder))

    def _check_keyring(self) -> CheckResult:
        component, check = phrase("Keyring"), phrase("available")
        if self._secrets.keyring_available():
            return CheckResult(component, check, CheckStatus.OK, phrase("OS keyring in use"))
        from_env = [n for n in SecretName if os.environ.get(n.env_var)]
        return CheckResult(
            component,
            check,
            CheckStatus.WARN if from_env else CheckStatus.FAIL,
            phrase("no OS keyring on this machine; secrets come from environment variables")
            if from_env
            else phrase("no OS keyring on this machine"),
            "Start or unlock the desktop keyring, or set POS_APP_PIGGY_TOKEN and the other "
            "token variables in the app's environment.",
            phrase(
                "Sign in to this PC again so that its keyring is unlocked, then restart the app. "
                "If that does not help, ask your IT contact."
            ),
        )

    def _secret_row(self, component: str, name: SecretName) -> tuple[CheckResult, str | None]:
        value = self._secrets.get(name)
        source = self._secrets.source(name).origin
        if value:
            found = {
                "keyring": phrase("found (keyring)"),
                "environment": phrase("found (environment)"),
            }.get(source) or phrase("found ({source})", source=source)
            # The check is the secret's own name, as `pos-app secrets` takes it.
            return CheckResult(component, name.value, CheckStatus.OK, found), value
        return (
            CheckResult(
                component,
                name.value,
                CheckStatus.FAIL,
                _NO_SECRET[name],
                f"Run `pos-app secrets set {name.value}` (or set {name.env_var}).",
                phrase(
                    "Open {page} and paste the {secret}.",
                    page=settings_page(component),
                    secret=secret_words(name),
                ),
            ),
            None,
        )

    # -- Piggy ---------------------------------------------------------------------------

    async def _check_piggy(self) -> list[CheckResult]:
        settings = self._settings
        component = "Piggy"
        rows: list[CheckResult] = []
        if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS:
            if not settings.piggy_client_id:
                rows.append(
                    CheckResult(
                        component,
                        phrase("client id"),
                        CheckStatus.FAIL,
                        phrase(
                            "piggy_auth_mode is client_credentials but no piggy_client_id is set"
                        ),
                        "Set piggy_client_id in the settings file (POS_APP_PIGGY_CLIENT_ID).",
                        phrase(
                            "Open {page} and enter the client id.", page=settings_page(component)
                        ),
                    )
                )
            row, secret = self._secret_row(component, SecretName.PIGGY_CLIENT_SECRET)
            rows.append(row)
            if secret is None or not settings.piggy_client_id:
                return rows
            client = PiggyClient(
                settings.piggy_base_url,
                client_id=settings.piggy_client_id,
                client_secret=secret,
                timeout=settings.request_timeout,
                transport=self._transport,
                max_retries=0,
            )
        else:
            row, token = self._secret_row(component, SecretName.PIGGY_TOKEN)
            rows.append(row)
            if token is None:
                return rows
            client = PiggyClient(
                settings.piggy_base_url,
                token=token,
                timeout=settings.request_timeout,
                transport=self._transport,
                max_retries=0,
            )
        secret_name = (
            SecretName.PIGGY_CLIENT_SECRET
            if settings.piggy_auth_mode is PiggyAuthMode.CLIENT_CREDENTIALS
            else SecretName.PIGGY_TOKEN
        )
        async with client:
            outcome, shops = await _probe(
                component,
                settings.piggy_base_url,
                "piggy_base_url",
                secret_name,
                client.list_shops,
            )
        rows += [outcome.reachable, outcome.credentials]
        if isinstance(shops, list):
            rows.append(self._shop_row(component, shops))
        else:
            why = phrase("no shop list")
            rows.append(
                CheckResult(
                    component,
                    phrase("shop"),
                    CheckStatus.SKIPPED,
                    phrase("not checked: {why}", why=why),
                )
            )
        return rows

    def _shop_row(self, component: str, shops: list[Shop]) -> CheckResult:
        wanted = self._settings.shop_uuid
        known = ", ".join(f"{shop.name} ({shop.uuid})" for shop in shops[:8]) or "none"
        check, page = phrase("shop"), settings_page(component)
        choose = phrase("Open {page} and choose this shop.", page=page)
        if not wanted:
            return CheckResult(
                component,
                check,
                CheckStatus.FAIL,
                phrase("no shop_uuid configured"),
                f"Set shop_uuid (POS_APP_SHOP_UUID) to this shop. Shops this key sees: {known}",
                choose,
            )
        for shop in shops:
            if shop.uuid == wanted:
                if shop.type and shop.type != "physical":
                    return CheckResult(
                        component,
                        check,
                        CheckStatus.WARN,
                        phrase(
                            "{shop} is a {type} shop, not a physical one",
                            shop=shop.name,
                            type=shop.type,
                        ),
                        "Pickups normally belong to a physical shop; check shop_uuid.",
                        phrase(
                            "Pickups normally belong to a physical shop; open {page} and check "
                            "the shop.",
                            page=page,
                        ),
                    )
                # The shop's name and uuid: nothing to translate.
                return CheckResult(component, check, CheckStatus.OK, f"{shop.name} ({wanted})")
        return CheckResult(
            component,
            check,
            CheckStatus.FAIL,
            phrase("shop {uuid} does not exist for this key", uuid=wanted),
            f"Set shop_uuid (POS_APP_SHOP_UUID) to one of: {known}",
            choose,
        )

    # -- Giftoin and Nudj (optional programs) --------------------------------------------

    async def _check_giftoin(self) -> list[CheckResult]:
        component = "Giftoin"
        url = self._settings.giftoin_base_url
        key = self._secrets.get(SecretName.GIFTOIN_API_KEY)
        if not url or not key:
            return [_not_configured(component, SecretName.GIFTOIN_API_KEY, "giftoin_base_url")]
        async with GiftoinClient(
            url,
            api_key=key,
            timeout=self._settings.request_timeout,
            transport=self._transport,
            max_retries=0,
        ) as client:
            outcome, _ = await _probe(
                component, url, "giftoin_base_url", SecretName.GIFTOIN_API_KEY, client.check_key
            )
        return [outcome.reachable, outcome.credentials]

    async def _check_nudj(self) -> list[CheckResult]:
        component = "Nudj"
        url = self._settings.nudj_base_url
        token = self._secrets.get(SecretName.NUDJ_TOKEN)
        if not url and not token:
            return [_not_configured(component, SecretName.NUDJ_TOKEN, "nudj_base_url")]
        if not url:
            return [
                CheckResult(
                    component,
                    phrase("host"),
                    CheckStatus.FAIL,
                    phrase("a Nudj token is stored but no nudj_base_url is set"),
                    "Set nudj_base_url (POS_APP_NUDJ_BASE_URL), e.g. https://yourshop.nudj.cx",
                    phrase(
                        "Open {page} and enter the Nudj address, e.g. https://yourshop.nudj.cx",
                        page=settings_page(component),
                    ),
                )
            ]
        if not token:
            row, _ = self._secret_row(component, SecretName.NUDJ_TOKEN)
            return [row]
        async with NudjClient(
            url,
            token=token,
            language=self._settings.language,
            timeout=self._settings.request_timeout,
            transport=self._transport,
            max_retries=0,
        ) as client:
            outcome, _ = await _probe(
                component,
                url,
                "nudj_base_url",
                SecretName.NUDJ_TOKEN,
                lambda: client.rewards(limit=1),
            )
        return [outcome.reachable, outcome.credentials, self._nudj_id_source_row(component)]

    def _nudj_id_source_row(self, component: str) -> CheckResult:
        """Which id customers are looked up by in Nudj, and whether the counter found any.

        Nudj promises a lookup by its own id only (API_NOTES.md §4); whether the chosen id
        source is what this shop's Nudj stores shows only with real customers, so the
        counter records a run of misses for this row to report.
        """
        source = self._settings.nudj_user_id
        check = phrase("user id source")
        fix = (
            "Look one customer up in Nudj's dashboard and set nudj_user_id_source "
            "(POS_APP_NUDJ_USER_ID_SOURCE) to the id Nudj holds for them: uuid, email or "
            "attribute:NAME."
        )
        app_fix = phrase(
            "Look one customer up in Nudj's dashboard, then open {page} and choose the id Nudj "
            "holds for customers.",
            page=settings_page(component),
        )
        problem = read_nudj_misses(self._settings.data_dir / NUDJ_MISS_RECORD)
        if problem is not None:
            return CheckResult(
                component,
                check,
                CheckStatus.FAIL,
                phrase(
                    "Nudj found none of the last {misses} customers looked up by {source}",
                    misses=problem.misses,
                    source=problem.looked_up_by,
                ),
                fix,
                app_fix,
            )
        if source.kind is NudjIdKind.EMAIL:
            return CheckResult(
                component,
                check,
                CheckStatus.WARN,
                phrase("email: Nudj documents no lookup by email; customers may not be found"),
                fix,
                app_fix,
            )
        if source.kind is NudjIdKind.UUID:
            detail = phrase(
                "the Piggy contact uuid (found only where Nudj stores it as external id)"
            )
        else:
            detail = phrase("the contact attribute {attribute}", attribute=source.attribute)
        return CheckResult(component, check, CheckStatus.OK, detail)


def _not_configured(component: str, secret: SecretName, setting: str) -> CheckResult:
    return CheckResult(
        component,
        phrase("configured"),
        CheckStatus.SKIPPED,
        phrase("not configured: the panel stays off"),
        f"To use it: set {setting} and run `pos-app secrets set {secret.value}`.",
        phrase("To use it: open {page}.", page=settings_page(component)),
    )
