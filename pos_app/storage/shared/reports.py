"""A shop's report figures, as aggregates computed by PostgreSQL.

Only the totals travel: hand-overs per hour bucket and per staff member, rewards per
title, the claims made at the counters, and the few reversals and refunds of the period.
The operations of the period are found by their first (pending) row through the
``(shop, recorded_time)`` index; each one's current state is its latest row, found through
``(shop, operation_id)``, as the local journal folds an operation
(:func:`pos_app.storage.journal._fold`).

What counts is defined once, in :mod:`pos_app.services.reports`, which computes the same
figures from a counter's own journal; both must agree for the same rows (a test checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import psycopg

from pos_app.storage.model import CLAIM, COLLECT, REFUND, REVERSE

__all__ = [
    "CounterHead",
    "ReportRows",
    "StaffCount",
    "TitleCount",
    "report_rows",
]

Connection = psycopg.AsyncConnection[Any]

# The period's operations with their current state. A hand-over is the collects sharing a
# handover_id (a collect from before hand-overs were recorded is one of its own).
_STARTED = """
WITH started AS MATERIALIZED (
    SELECT s.operation_id, s.chain_id, s.kind, s.recorded_time, s.staff_name, s.reward_title,
           s.counter, s.reason, s.note, s.cost_price::numeric AS cost_price,
           coalesce(s.handover_id, s.operation_id) AS handover,
           (SELECT l.state FROM pos_shared.journal_row l
             WHERE l.shop = s.shop AND l.operation_id = s.operation_id
               AND l.chain_id = s.chain_id
             ORDER BY l.seq DESC LIMIT 1) AS current_state
    FROM pos_shared.journal_row s
    WHERE s.shop = {shop}
      AND s.recorded_time >= %(start)s AND s.recorded_time < %(end)s
      AND s.state = 'pending'
      AND s.kind IN (%(collect)s, %(reverse)s, %(claim)s, %(refund)s)
),
-- A collect whose points were refunded (at any counter, at any time since) came back: it
-- is not handed over. The refund's current state is its latest row, in its own chain.
handed_over AS (
    SELECT * FROM started c
    WHERE c.kind = %(collect)s AND c.current_state = 'confirmed'
      AND NOT EXISTS (
          SELECT 1 FROM pos_shared.journal_row r
          WHERE r.shop = {shop} AND r.reverses_operation_id = c.operation_id
            AND r.kind = %(refund)s AND r.state = 'pending'
            AND (SELECT l.state FROM pos_shared.journal_row l
                  WHERE l.shop = r.shop AND l.operation_id = r.operation_id
                    AND l.chain_id = r.chain_id
                  ORDER BY l.seq DESC LIMIT 1) = 'confirmed'
      )
),
handovers AS (
    SELECT handover, min(recorded_time) AS at, count(*) AS rewards,
           (array_agg(staff_name ORDER BY recorded_time, operation_id))[1] AS staff_name
    FROM handed_over GROUP BY handover
)
"""

_FIGURES = (
    _STARTED
    + """
SELECT 'hour' AS figure, width_bucket(at, %(hours)s::timestamptz[]) AS bucket,
       NULL::text AS name, count(*) AS handovers, sum(rewards) AS rewards, NULL::numeric AS cost
FROM handovers GROUP BY bucket
UNION ALL
SELECT 'staff', NULL, staff_name, count(*), sum(rewards), NULL FROM handovers GROUP BY staff_name
UNION ALL
SELECT 'title', NULL, reward_title, NULL, count(*), sum(cost_price)
FROM handed_over GROUP BY reward_title
UNION ALL
-- A claim's points are its latest row's that has them (the server's answer, else the start).
SELECT 'claims', NULL, NULL, count(*), coalesce(sum(
           (SELECT l.points FROM pos_shared.journal_row l
             WHERE l.shop = {shop} AND l.operation_id = c.operation_id
               AND l.chain_id = c.chain_id AND l.points IS NOT NULL
             ORDER BY l.seq DESC LIMIT 1)::numeric), 0), NULL
FROM started c WHERE c.kind = %(claim)s AND c.current_state = 'confirmed'
"""
)

_REVERSALS = (
    _STARTED
    + """
SELECT recorded_time, counter, reward_title, reason, note, staff_name,
       kind = %(refund)s AS refund
FROM started WHERE kind IN (%(reverse)s, %(refund)s) AND current_state = 'confirmed'
ORDER BY recorded_time, operation_id
"""
)

# Each counter's latest row: the chains of the shop are walked one by one along the primary
# key (a skip scan), so this stays a few index probes however many rows a chain has.
_HEADS = """
WITH RECURSIVE chains AS (
    SELECT min(chain_id) AS chain_id FROM pos_shared.journal_row
    WHERE shop = {shop}
    UNION ALL
    SELECT (SELECT min(chain_id) FROM pos_shared.journal_row
            WHERE shop = {shop}
              AND chain_id > chains.chain_id)
    FROM chains WHERE chains.chain_id IS NOT NULL
)
SELECT latest.counter, latest.recorded_time, latest.copied_at
FROM chains CROSS JOIN LATERAL (
    SELECT counter, recorded_time, copied_at FROM pos_shared.journal_row
    WHERE shop = {shop} AND chain_id = chains.chain_id
    ORDER BY seq DESC LIMIT 1
) latest
WHERE chains.chain_id IS NOT NULL
ORDER BY latest.counter
"""


@dataclass(frozen=True)
class StaffCount:
    staff_name: str | None
    handovers: int
    rewards: int


@dataclass(frozen=True)
class TitleCount:
    reward_title: str | None
    rewards: int
    #: The sum of the cost prices recorded (None: none was).
    cost_total: Decimal | None


@dataclass(frozen=True)
class ReversalRow:
    at: datetime
    counter: str
    reward_title: str | None
    reason: str | None
    note: str | None
    staff_name: str | None
    #: The points were refunded (else: the reward was put back for pickup).
    refund: bool = False


@dataclass(frozen=True)
class CounterHead:
    """A counter's latest row in the shared journal, and when it was copied there."""

    counter: str
    recorded_time: datetime
    copied_at: datetime


@dataclass(frozen=True)
class ReportRows:
    #: Hand-overs and rewards per hour bucket: bucket ``i`` (1-based) starts at ``hours[i-1]``.
    per_bucket: dict[int, tuple[int, int]]
    per_staff: list[StaffCount]
    per_title: list[TitleCount]
    reversals: list[ReversalRow]
    counters: list[CounterHead]
    #: Claims made at the counters (confirmed), and the points they spent.
    claims: int = 0
    claim_points: int = 0


async def report_rows(
    conn: Connection,
    start: datetime,
    end: datetime,
    hours: Sequence[datetime],
    *,
    shop: str | None = None,
) -> ReportRows:
    """The figures of the operations started in ``[start, end)`` at any counter of the shop.

    ``hours`` are the starts of the period's hours (the first is ``start``): a hand-over
    falls in the bucket of the hour it started in. ``shop`` is for a head-office login; a
    counter's login reports on its own shop.
    """
    # The shop named as a plain value or the login's: in a coalesce() of the two the planner
    # would not use the indexes led by shop (it filters every shop's rows of the period).
    where = {"shop": "pos_shared.login_shop()" if shop is None else "%(shop)s"}
    params: dict[str, Any] = {
        "shop": shop,
        "start": start,
        "end": end,
        "hours": list(hours),
        "collect": COLLECT,
        "reverse": REVERSE,
        "claim": CLAIM,
        "refund": REFUND,
    }
    per_bucket: dict[int, tuple[int, int]] = {}
    per_staff: list[StaffCount] = []
    per_title: list[TitleCount] = []
    claims = claim_points = 0
    async with conn.transaction():
        cursor = await conn.execute(_FIGURES.format_map(where).encode(), params)
        for figure, bucket, name, handovers, rewards, cost in await cursor.fetchall():
            if figure == "hour":
                per_bucket[int(bucket)] = (int(handovers), int(rewards))
            elif figure == "staff":
                per_staff.append(StaffCount(name, int(handovers), int(rewards)))
            elif figure == "claims":
                claims, claim_points = int(handovers), int(rewards)
            else:
                per_title.append(TitleCount(name, int(rewards), cost))
        cursor = await conn.execute(_REVERSALS.format_map(where).encode(), params)
        reversals = [ReversalRow(*row) for row in await cursor.fetchall()]
        cursor = await conn.execute(_HEADS.format_map(where).encode(), {"shop": shop})
        counters = [CounterHead(*row) for row in await cursor.fetchall()]
    return ReportRows(per_bucket, per_staff, per_title, reversals, counters, claims, claim_points)
