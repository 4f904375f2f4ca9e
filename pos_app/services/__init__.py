"""The counter's use cases and its set-up, without Qt (a test checks that none is loaded).

- :mod:`~pos_app.services.counter`: the counter session (identify, load, hand over) and
  the :class:`~pos_app.services.counter.CounterServices` bundle the app opens once.
- :mod:`~pos_app.services.pickup` (the journal-first collect and reverse, settling what was
  left unknown), :mod:`~pos_app.services.reconcile` (when to settle, and who hears),
  :mod:`~pos_app.services.identify` (scans, cards, email codes), :mod:`~pos_app.services.
  progress` (Giftoin and Nudj for the side panel), :mod:`~pos_app.services.pickup_models`
  (what the screens show, and the one pickup-state rule).
- Staff (:mod:`~pos_app.services.staff`), settings, secrets, slips, ``doctor``.

Views listen to events (the session's and the reconciler's) instead of being called.
"""
