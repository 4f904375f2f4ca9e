"""What the setup flow says about a check, in the words of a shop's IT person or manager.

Pure functions from :mod:`pos_app.services.setup`'s findings to translated text; the pages
show them, and the tests read the same sentences a person does.
"""

from __future__ import annotations

from pos_app.api import errors
from pos_app.services.identify import CardNotLinkedError
from pos_app.services.secrets import SecretName
from pos_app.services.setup import Found, ProgramPreview, Reach
from pos_app.ui.i18n import translate as _tr
from pos_app.ui.messages import describe_lookup_error
from pos_app.ui.plurals import english_plural


def reach_text(reach: Reach, vendor: str) -> str:
    """What one check call found; ``vendor`` is the program's name (Piggy, Giftoin, Nudj)."""
    if reach is Reach.OK:
        return _tr("Connected: {vendor} accepted the key.").format(vendor=vendor)
    if reach is Reach.NO_CONNECTION:
        return _tr(
            "No connection to {vendor}. Check the host and this computer's network "
            "(a firewall or proxy may block it)."
        ).format(vendor=vendor)
    if reach is Reach.TIMEOUT:
        return _tr(
            "{vendor} did not answer in time. Check this computer's network, then try again."
        ).format(vendor=vendor)
    if reach is Reach.REJECTED:
        return _tr(
            "{vendor} rejected the key. Copy it again from {vendor}'s dashboard: it may be "
            "mistyped, revoked, or for another host."
        ).format(vendor=vendor)
    if reach is Reach.NO_PERMISSION:
        return _tr(
            "{vendor} accepted the key, but it may not be used for this. Give it the "
            "permission in {vendor}'s dashboard, or create a key that has it."
        ).format(vendor=vendor)
    if reach is Reach.TRY_LATER:
        return _tr(
            "{vendor} is busy or in maintenance right now; the key was not rejected. Try again "
            "in a few minutes."
        ).format(vendor=vendor)
    return _tr(
        "Something answered at this host, but not {vendor}. Check the host: it is the "
        "address of {vendor}'s API, e.g. https://api.example.com."
    ).format(vendor=vendor)


def secret_label(name: SecretName) -> str:
    """A secret's name for the screen (the service's own label is English only)."""
    labels = {
        SecretName.PIGGY_TOKEN: _tr("Piggy personal access token"),
        SecretName.PIGGY_CLIENT_SECRET: _tr("Piggy client secret"),
        SecretName.GIFTOIN_API_KEY: _tr("Giftoin key"),
        SecretName.NUDJ_TOKEN: _tr("Nudj token"),
        SecretName.STAFF_PIN_KEY: _tr("key that protects the staff PINs"),
    }
    return labels[name]


def sample_error_text(exc: BaseException) -> str:
    """Why the card for the preview found nobody (the counter's own words)."""
    if isinstance(exc, CardNotLinkedError | errors.ApiError):
        return describe_lookup_error(exc)
    return _tr("The card could not be looked up. Try again.")


def preview_text(preview: ProgramPreview, vendor: str) -> str:
    """One line: what id the mapping sends for the sample customer, and what came back."""
    if preview.found is Found.NO_ID:
        return _tr(
            "{vendor}: this customer's Piggy contact holds nothing for this mapping, so nothing "
            "would be sent. Choose another attribute."
        ).format(vendor=vendor)
    if preview.sent_email:
        sent = _tr("the customer's email address")
    else:
        sent = _tr("the id {id}").format(id=preview.sent_id or "")
    if preview.found is Found.PROBLEM:
        assert preview.reach is not None
        return _tr("{vendor}: would send {sent}. {problem}").format(
            vendor=vendor, sent=sent, problem=reach_text(preview.reach, vendor)
        )
    if preview.found is Found.NOT_FOUND:
        return _tr(
            "{vendor}: sends {sent}, and {vendor} knows nobody by it. With this mapping the "
            "panel would stay empty for this customer."
        ).format(vendor=vendor, sent=sent)
    if preview.challenges is not None:
        n = preview.challenges
        found = english_plural(
            _tr("%n collection challenge(s)", None, n),
            n,
            "challenge(s)",
            "challenge",
            "challenges",
        )
    elif preview.points is not None:
        found = _tr("{points} points").format(points=preview.points)
    else:
        found = _tr("an account")
    return _tr("{vendor}: sends {sent} and finds this customer ({found}).").format(
        vendor=vendor, sent=sent, found=found
    )
