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
from pos_app.sandbox.demo_data import (
    GIFTOIN_USER_ATTRIBUTE,
    CollectableItem,
    Contact,
    CreditReception,
    RewardDefinition,
    RewardReception,
)
from pos_app.sandbox.state import (
    DEFAULT_TRANSACTIONS_PER_PAGE,
    IDENTIFIER_INACTIVE,
    IDENTIFIER_NOT_FOUND,
    MAX_TRANSACTIONS_PER_PAGE,
    TRANSACTION_FILTERS,
    PiggyDomainError,
    Transaction,
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


def render_reward(
    request: Request, ctx: SandboxContext, reward: RewardDefinition, legacy: bool = False
) -> dict[str, Any]:
    """A reward as it sits inside a collectable reward or a reward reception."""
    data = ctx.state.data
    media = media_url(request, reward.picture)
    body: dict[str, Any] = {
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
        ("active" if legacy else "is_active"): data.is_active(reward),
        "cost_price": reward.cost_price,
        "stock": data.stock_of(reward),
    }
    body.update(reward.custom)
    return body


def render_catalogue_reward(
    request: Request, ctx: SandboxContext, reward: RewardDefinition
) -> dict[str, Any]:
    """An item of ``GET /rewards``: the docs' list repeats reward_type as "type"."""
    data = ctx.state.data
    media = media_url(request, reward.picture)
    body: dict[str, Any] = {
        "id": reward.id,
        "uuid": reward.uuid,
        "title": reward.title,
        "type": reward.reward_type,
        "is_active": data.is_active(reward),
        "reward_type": reward.reward_type,
        "description": reward.description,
        "required_credits": reward.required_credits,
        "media": {"type": "image", "value": media} if media else None,
        "pre_redeemable": reward.pre_redeemable,
        "expiration_duration": reward.expiration_duration,
        "cost_price": reward.cost_price,
        "stock": data.stock_of(reward),
    }
    body.update(reward.custom)
    return body


def _render_transaction_contact(contact: Contact) -> dict[str, Any]:
    return {
        "uuid": contact.uuid,
        "email": contact.email,
        "credit_balance": {"id": contact.id + 2_624_739, "balance": contact.points},
    }


def _render_shop(ctx: SandboxContext, shop_uuid: str | None) -> dict[str, Any] | None:
    for index, shop in enumerate(ctx.state.data.shops):
        if shop.uuid == shop_uuid:
            # The docs' examples fill the address in two places and leave it all null in one.
            address: dict[str, Any] = {
                "id": 59 + index,
                "shop_id": 15 + index,
                "street": "Oudegracht",
                "housenumber": 100 + index,
                "postalcode": "3511AB",
                "city": "Utrecht",
                "state": "UT",
                "country": "NL",
                "latitude": None,
                "longitude": None,
                "house_number": None,
                "postal_code": None,
            }
            return {
                "id": 15 + index,
                "uuid": shop.uuid,
                "type": shop.type,
                "name": shop.name,
                "address": address,
            }
    return None


def render_reception(
    request: Request, ctx: SandboxContext, reception: RewardReception
) -> dict[str, Any]:
    """A reward reception as ``POST /reward-receptions`` and the transactions list send it."""
    contact = ctx.state.data.contacts[reception.contact_uuid]
    return {
        "title": reception.reward.title,
        "type": "reward_reception",
        "uuid": reception.uuid,
        "credits": reception.credits,
        "contact": _render_transaction_contact(contact),
        "shop": _render_shop(ctx, reception.shop_uuid),
        "contact_identifier": (
            {"name": "Demo Loyalty Card", "value": reception.contact_identifier, "active": True}
            if reception.contact_identifier
            else None
        ),
        "created_at": piggy_time(reception.created_at),
        "reward": render_reward(request, ctx, reception.reward),
        "expires_at": piggy_time(reception.expires_at),
        "has_been_collected": ctx.state.reception_collected(reception),
    }


def render_credit_reception(ctx: SandboxContext, credit: CreditReception) -> dict[str, Any]:
    contact = ctx.state.data.contacts[credit.contact_uuid]
    return {
        "uuid": credit.uuid,
        "credits": credit.credits,
        "created_at": piggy_time(credit.created_at),
        "type": "credit_reception",
        "contact_identifier": None,
        "contact": _render_transaction_contact(contact),
        "shop": _render_shop(ctx, credit.shop_uuid),
        "unit_value": None,
        "unit": {
            "id": 112,
            "name": "purchase_amount",
            "label": "Euro",
            "prefix": "€",
            "is_default": True,
        },
    }


def _render_transaction(request: Request, ctx: SandboxContext, t: Transaction) -> dict[str, Any]:
    if isinstance(t, RewardReception):
        return render_reception(request, ctx, t)
    return render_credit_reception(ctx, t)


def _whole_number(values: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    text = values.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise invalid_input({name: [f"The {name} must be between {low} and {high}."]})
    return value


def render_item(
    request: Request, ctx: SandboxContext, item: CollectableItem, legacy: bool = False
) -> dict[str, Any]:
    contact = ctx.state.data.contacts[item.contact_uuid]
    reward = item.reward
    credit_balance: dict[str, Any] = {"balance": contact.points}
    if legacy:
        credit_balance["id"] = contact.id
    reward_body = render_reward(request, ctx, reward, legacy=legacy)
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

    async def catalogue(request: Request) -> Response:
        query = dict(request.query_params)
        with state.lock:
            rewards = list(state.data.rewards.values())
            shop_uuid = query.get("shop_uuid")
            if shop_uuid:
                state.shop_uuid(shop_uuid)
            contact_uuid = query.get("contact_uuid")
            if contact_uuid:
                claimable = set(state.claimable_by(state.contact(contact_uuid)))
                rewards = [reward for reward in rewards if reward.uuid in claimable]
            data = [render_catalogue_reward(request, ctx, reward) for reward in rewards]
        return ok(data)

    async def create_reception(request: Request) -> Response:
        values = await request_input(request)
        contact_uuid = _required(values, "contact_uuid", "contact uuid")
        reward_uuid = _required(values, "reward_uuid", "reward uuid")
        shop_uuid = _required(values, "shop_uuid", "shop uuid")
        identifier = values.get("contact_identifier_value", "").strip() or None
        with state.lock:
            reception = state.create_reception(contact_uuid, reward_uuid, shop_uuid, identifier)
            return ok(render_reception(request, ctx, reception))

    async def reverse_reception(request: Request) -> Response:
        with state.lock:
            credit = state.reverse_reception(
                request.path_params["reward_reception_uuid"],
                ctx.config.reverse_collected_reception,
            )
            return ok(render_credit_reception(ctx, credit))

    async def transactions(request: Request) -> Response:
        query = dict(request.query_params)
        kind_filter = query.get("type", "").strip()
        if kind_filter and kind_filter not in TRANSACTION_FILTERS:
            raise invalid_input({"type": ["The selected type is invalid."]})
        limit = _whole_number(
            query, "limit", DEFAULT_TRANSACTIONS_PER_PAGE, 0, MAX_TRANSACTIONS_PER_PAGE
        )
        page = _whole_number(query, "page", 1, 1, 1_000_000)
        with state.lock:
            found = state.transactions(
                contact_uuid=query.get("contact_uuid") or None,
                shop_uuid=query.get("shop_uuid") or None,
                kind=TRANSACTION_FILTERS.get(kind_filter),
            )
            start = (page - 1) * limit
            shown = found[start : start + limit] if limit else []
            data = [_render_transaction(request, ctx, t) for t in shown]
        total = len(found)
        meta = {
            "page": page,
            "limit": limit,
            "viewing_from": start + 1 if shown else 0,
            "viewing_to": start + len(shown),
            "last_page": max(1, -(-total // limit)) if limit else 1,
            "total": total,
        }
        return PiggyJSONResponse({"data": data, "meta": meta})

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
        VendorRoute("piggy.catalogue", f"{PREFIX}/rewards", ("GET",), catalogue),
        VendorRoute("piggy.reception", f"{PREFIX}/reward-receptions", ("POST",), create_reception),
        VendorRoute(
            "piggy.reception_reverse",
            f"{PREFIX}/reward-receptions/{{reward_reception_uuid}}/reverse",
            ("POST",),
            reverse_reception,
        ),
        VendorRoute("piggy.transactions", f"{PREFIX}/loyalty-transactions", ("GET",), transactions),
    ]
