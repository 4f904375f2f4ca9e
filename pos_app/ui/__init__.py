"""The Qt side: widgets on the asyncio loop (qasync), listening to the services.

One package per screen or job: ``counter`` (the window, wired to the counter session,
with the kiosk), ``rewards`` (the pickup list and the hand-over confirmation),
``progress`` (the Giftoin and Nudj side panel, one section per program), ``managers``
(Recent pickups and reversals, staff, journal health), ``prepare`` (the shop's claims to
get ready for pickup, their shelf marks and the pick list), ``dialogs`` (the async dialog base,
PIN entry, sign-in) and ``slips``. Shared below them: ``async_support`` (the task owner and
op builder: every background job starts through ``tasks.op(…).run()``), ``theme`` with
``resources/styles/app.qss`` (colours and sizes, once), ``messages`` (errors in shop words),
``pictures`` and ``row_table``. ``app`` opens the services once, runs the window and closes
them once.
"""
