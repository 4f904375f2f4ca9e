"""Piggy (Leat) API v3 for OAuth clients, as far as the pickup counter uses it."""

from __future__ import annotations

import re
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pos_app.sandbox.common import (
    PiggyJSONResponse,
    SandboxContext,
    VendorRoute,
    media_url,
    piggy_time,
    request_input,
)
from pos_app.sandbox.demo_data import GIFTOIN_USER_ATTRIBUTE, CollectableItem, Contact
from pos_app.sandbox.state import (
    IDENTIFIER_INACTIVE,
    IDENTIFIER_NOT_FOUND,
    PiggyDomainError,
    invalid_input,
)

PREFIX: Final = "/api/v3/oauth/clients"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def ok(data: object, meta_as_list: bool = False) -> Response:
    # PHP encodes an empty map as [], and the contact endpoints do so for "meta".
    meta: list[Any] | dict[str, Any] = [] if meta_as_list else {}
    return PiggyJSONResponse({"data": data, "meta": meta})


def _required(values: dict[str, str], name: str, label: str) -> str:
    value = values.get(name, "").strip()
    if not value:
        raise invalid_input({name: [f"The {label} field is required."]})
    return value


def _required_email(values: dict[str, str]) -> str:
    email = _required(values, "email", "email")
    if not _EMAIL.match(email):
        raise invalid_input({"email": ["The email must be a valid email address."]})
    return email


_INVALID_REQUEST: Final = (
    "The request is missing a required parameter, includes an invalid parameter value, "
    "includes a parameter more than once, or is otherwise malformed."
)
_UNSUPPORTED_GRANT: Final = (
    "The authorization grant type is not supported by the authorization server."
)


def _oauth_error(
    status: int, error: str, description: str, parameter: str | None = None
) -> Response:
    # [inferred] league/oauth2-server's error body, which Laravel Passport sends.
    body = {"error": error, "error_description": description, "message": description}
    if parameter is not None:
        body["hint"] = f"Check the `{parameter}` parameter"
    elif error == "unsupported_grant_type":
        body["hint"] = "Check that all required parameters have been provided"
    return JSONResponse(body, status_code=status)


def render_contact(ctx: SandboxContext, contact: Contact) -> dict[str, Any]:
    state = ctx.state
    tier = contact.tier
    shops = ctx.state.data.shops
    last_transaction = contact.created_at if contact.points == 0 else state.data.now
    prepaid: int | float = (
        contact.prepaid_cents // 100
        if contact.prepaid_cents % 100 == 0
        else contact.prepaid_cents / 100
    )
    current_values: dict[str, Any] = {
        "age": None,
        "city": contact.city,
        "tier": str(tier.position) if tier else None,
        "uuid": contact.uuid,
        "email": contact.email,
        "avatar": "",
        "locale": contact.locale,
        "status": "ACTIVE",
        "address": "Lange Nieuwstraat" if contact.city else "",
        "lastname": contact.lastname,
        "birthdate": contact.birthdate,
        "firstname": contact.firstname,
        "created_at": piggy_time(contact.created_at),
        "postalcode": "3512PN" if contact.city else "",
        "updated_at": piggy_time(state.data.now),
        "housenumber": 12,
        "phonenumber": contact.phone,
        "is_anonymous": False,
        "add_to_wallet": f"https://wallet.example.com/add-to-wallet/loyalty?uuid={contact.uuid}",
        "loyalty_balance": contact.points,
        "prepaid_balance": prepaid,
        # Secrets, exactly as Piggy sends them: the app must never log or show these.
        "custom_app_login_url": (
            f"https://portal.example.com/home?token=SANDBOX-SECRET-LOGIN-TOKEN-{contact.id}"
        ),
        "custom_app_login_code": contact.login_code,
        "loyalty_associated_shops": ";".join(shop.uuid for shop in shops[:2]),
        "default_contact_identifier": contact.card,
        "loyalty_last_transaction_date": piggy_time(last_transaction),
        "loyalty_number_of_transactions": 55 if contact.points else 0,
        # A custom attribute: where the shop keeps the customer's Discord id for Giftoin.
        GIFTOIN_USER_ATTRIBUTE: contact.discord_id,
    }
    current_display_values = {
        "city": contact.city,
        "tier": tier.name if tier else "",
        "email": contact.email,
        "status": "Active",
        "firstname": contact.firstname,
        "lastname": contact.lastname,
        "loyalty_balance": str(contact.points),
        "prepaid_balance": str(prepaid),
        "created_at": contact.created_at.strftime("%Y-%m-%d, %H:%M"),
        "default_contact_identifier": contact.card or "",
        "custom_app_login_code": str(contact.login_code),
    }
    return {
        "id": contact.id,
        "uuid": contact.uuid,
        "email": contact.email,
        "tier": (
            {
                "uuid": tier.uuid,
                "name": tier.name,
                "description": tier.description,
                "position": tier.position,
                "media": None,
            }
            if tier
            else None
        ),
        "subscriptions": [
            {
                "is_subscribed": contact.has_portal,
                "status": "SUBSCRIBED" if contact.has_portal else "UNSUBSCRIBED",
                "subscription_type": {
                    "name": "Marketing",
                    "description": "Subscribe here for marketing purposes",
                    "active": True,
                    "strategy": "DOUBLE_OPT_IN",
                    "uuid": "5b0c1c36-6f3e-4a57-9a43-7c1d1a0e0001",
                    "id": 1,
                },
            },
            {
                "is_subscribed": False,
                "status": "UNSUBSCRIBED",
                "subscription_type": {
                    "name": "Events",
                    "description": "Stay in the loop for all our special events",
                    "active": True,
                    "strategy": "OPT_IN",
                    "uuid": None,
                    "id": 4,
                },
            },
        ],
        "credit_balance": {"balance": contact.points},
        "prepaid_balance": {"balance_in_cents": contact.prepaid_cents},
        "current_values": current_values,
        "current_display_values": current_display_values,
    }


def render_item(
    request: Request, ctx: SandboxContext, item: CollectableItem, legacy: bool = False
) -> dict[str, Any]:
    contact = ctx.state.data.contacts[item.contact_uuid]
    reward = item.reward
    media = media_url(request, reward.picture)
    credit_balance: dict[str, Any] = {"balance": contact.points}
    if legacy:
        credit_balance["id"] = contact.id
    reward_body: dict[str, Any] = {
        "id": reward.id,
        "uuid": reward.uuid,
        "title": reward.title,
        "description": reward.description,
        "reward_type": reward.reward_type,
        "media": {"type": "image", "value": media} if media else None,
        "required_credits": reward.required_credits,
        "pre_redeemable": reward.pre_redeemable,
        "expiration_duration": reward.expiration_duration,
        # Older payloads say "active" where newer ones say "is_active".
        ("active" if legacy else "is_active"): reward.is_active,
        "cost_price": reward.cost_price,
        "stock": reward.stock,
    }
    reward_body.update(reward.custom)
    return {
        "contact": {"uuid": contact.uuid, "email": contact.email, "credit_balance": credit_balance},
        "created_at": piggy_time(item.created_at),
        "uuid": item.uuid,
        "title": reward.title,
        "reward": reward_body,
        "expires_at": piggy_time(item.expires_at),
        "has_been_collected": item.collected,
    }


def routes(ctx: SandboxContext) -> list[VendorRoute]:
    state = ctx.state

    async def find_identifier(request: Request) -> Response:
        value = _required(
            dict(request.query_params), "contact_identifier_value", "contact identifier value"
        )
        with state.lock:
            identifier = state.data.identifiers.get(value)
            if identifier is None:
                raise PiggyDomainError(*IDENTIFIER_NOT_FOUND)
            if not identifier.active:
                raise PiggyDomainError(*IDENTIFIER_INACTIVE)
            contact = (
                state.data.contacts.get(identifier.contact_uuid)
                if identifier.contact_uuid
                else None
            )
            data = {
                "name": identifier.name,
                "value": identifier.value,
                "active": identifier.active,
                "contact": {"uuid": contact.uuid, "email": contact.email} if contact else None,
            }
        return ok(data, meta_as_list=True)

    async def find_contact_by_email(request: Request) -> Response:
        email = _required_email(dict(request.query_params))
        with state.lock:
            return ok(render_contact(ctx, state.contact_by_email(email)), meta_as_list=True)

    async def get_contact(request: Request) -> Response:
        with state.lock:
            contact = state.contact(request.path_params["contact_uuid"])
            return ok(render_contact(ctx, contact), meta_as_list=True)

    async def send_verification(request: Request) -> Response:
        email = _required_email(await request_input(request))
        contact = state.contact_by_email(email)
        state.send_verification_code(email)
        message = (
            f"An email containing a link to verify your email has been sent to {contact.email}. "
            "Please check your spam / junk as well."
        )
        return ok({"type": "Success", "message": message}, meta_as_list=True)

    async def verify(request: Request) -> Response:
        values = await request_input(request)
        email = _required_email(values)
        code = _required(values, "code", "code")
        contact = state.verify_code(email, code)
        return ok({"uuid": contact.uuid})

    async def shops(request: Request) -> Response:
        with state.lock:
            data = [
                {"uuid": s.uuid, "name": s.name, "type": s.type, "reference": s.reference}
                for s in state.data.shops
            ]
        return ok(data)

    async def list_rewards(request: Request) -> Response:
        contact_uuid = _required(dict(request.query_params), "contact_uuid", "contact uuid")
        with state.lock:
            items = state.uncollected(contact_uuid)
            data = [render_item(request, ctx, item) for item in items]
        return ok(data)

    async def collect(request: Request) -> Response:
        legacy = ctx.config.legacy_collect
        with state.lock:
            redemption = state.collect(request.path_params["loyalty_transaction_uuid"], legacy)
            if legacy:
                item = state.item(redemption.item_uuid)
                return ok(render_item(request, ctx, item, legacy=True), meta_as_list=True)
        return ok({"uuid": redemption.uuid, "status": redemption.status})

    async def reverse(request: Request) -> Response:
        redemption = state.reverse(request.path_params["redemption_uuid"])
        return ok({"uuid": redemption.uuid, "status": redemption.status})

    async def issue_token(request: Request) -> Response:
        values = await request_input(request)
        grant_type = values.get("grant_type", "")
        if not grant_type:
            return _oauth_error(400, "invalid_request", _INVALID_REQUEST, "grant_type")
        if grant_type != "client_credentials":
            return _oauth_error(400, "unsupported_grant_type", _UNSUPPORTED_GRANT)
        if not values.get("client_id"):
            return _oauth_error(400, "invalid_request", _INVALID_REQUEST, "client_id")
        if (values.get("client_id"), values.get("client_secret")) != (
            ctx.config.client_id,
            ctx.config.client_secret,
        ):
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        ttl = ctx.config.token_ttl_seconds
        token = state.issue_token(ttl)
        return JSONResponse(
            {"token_type": "Bearer", "expires_in": ttl, "access_token": token},
            headers={"Cache-Control": "no-store"},
        )

    return [
        # Laravel Passport's route: on the host root, not under /api/v3.
        VendorRoute("piggy.token", "/oauth/token", ("POST",), issue_token),
        VendorRoute(
            "piggy.identifier", f"{PREFIX}/contact-identifiers/find", ("GET",), find_identifier
        ),
        VendorRoute(
            "piggy.contact", f"{PREFIX}/contacts/find-one-by", ("GET",), find_contact_by_email
        ),
        VendorRoute("piggy.contact", f"{PREFIX}/contacts/{{contact_uuid}}", ("GET",), get_contact),
        VendorRoute(
            "piggy.verification_send",
            f"{PREFIX}/contact-verification/send",
            ("POST",),
            send_verification,
        ),
        VendorRoute(
            "piggy.verification_verify", f"{PREFIX}/contact-verification/verify", ("POST",), verify
        ),
        VendorRoute("piggy.shops", f"{PREFIX}/shops", ("GET",), shops),
        VendorRoute("piggy.rewards", f"{PREFIX}/collectable-rewards", ("GET",), list_rewards),
        VendorRoute(
            "piggy.collect",
            f"{PREFIX}/collectable-rewards/collect/{{loyalty_transaction_uuid}}",
            ("PUT",),
            collect,
        ),
        VendorRoute(
            "piggy.reverse",
            f"{PREFIX}/collectable-rewards/{{redemption_uuid}}/reverse",
            ("POST",),
            reverse,
        ),
    ]
