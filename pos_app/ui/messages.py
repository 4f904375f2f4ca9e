"""Errors in shop words: what the cashier reads when something did not work.

Vendor messages are English developer texts; they are never shown. Each error type gets a
sentence that says what happened and what to do, translated like the rest of the UI.
"""

from __future__ import annotations

import math

from pos_app.api import errors
from pos_app.services.identify import CardNotLinkedError
from pos_app.ui.i18n import translate as _tr


def format_wait(seconds: float | None) -> str:
    if seconds is None:
        return _tr("in a moment")
    if seconds < 90:
        return _tr("in {n} seconds").format(n=max(1, math.ceil(seconds)))
    return _tr("in {n} minutes").format(n=math.ceil(seconds / 60))


def describe_lookup_error(exc: BaseException) -> str:
    """Why a customer could not be found or loaded."""
    if isinstance(exc, CardNotLinkedError):
        return _tr(
            "This card is not linked to a customer yet. Ask the customer to link it in the "
            "app, or look them up by email."
        )
    if isinstance(exc, errors.IdentifierNotFoundError):
        return _tr("Unknown card. Scan it again, or look the customer up by email.")
    if isinstance(exc, errors.IdentifierInactiveError):
        return _tr(
            "This card is blocked (reported lost or replaced). Ask for the customer's "
            "current card or their email."
        )
    if isinstance(exc, errors.ContactNotFoundError):
        return _tr("No customer with this email address. Check the spelling with the customer.")
    if isinstance(exc, errors.InvalidVerificationCodeError):
        return _tr("That code is not right. Ask the customer to read it again from the email.")
    if isinstance(exc, errors.UserAppNotFoundError):
        return _tr(
            "Email codes are not set up for this shop, so the customer cannot be checked by "
            "email. Scan their card instead."
        )
    return describe_connection_error(exc)


def describe_connection_error(exc: BaseException) -> str:
    """Errors any call can meet: connection, credentials, maintenance, rate limits."""
    if isinstance(exc, errors.ApiTimeoutError):
        return _tr("The loyalty service did not answer in time. Try again.")
    if isinstance(exc, errors.ApiConnectionError):
        return _tr("No connection to the loyalty service. Check the network and try again.")
    if isinstance(exc, errors.AuthenticationError):
        return _tr(
            "The loyalty service refused this counter's key. Ask a manager to open Settings "
            "and connect Piggy again."
        )
    if isinstance(exc, errors.PermissionDeniedError):
        return _tr("This counter is not allowed to do that. Ask your IT contact.")
    if isinstance(exc, errors.MaintenanceError):
        return _tr("The loyalty service is in maintenance. Try again {wait}.").format(
            wait=format_wait(exc.retry_after)
        )
    if isinstance(exc, errors.RateLimitedError):
        return _tr("Too many requests right now. Try again {wait}.").format(
            wait=format_wait(exc.retry_after)
        )
    if isinstance(exc, errors.ResponseValidationError):
        return _tr("The loyalty service sent an answer the app does not understand. Try again.")
    if isinstance(exc, errors.ApiError):
        return _tr("The loyalty service had a problem. Try again in a moment.")
    return _tr("Something went wrong. Try again.")
