"""Claim at the counter: the shop's rewards a customer can spend points on, the
confirmation (the flow around them is :mod:`pos_app.ui.counter.claim_flow`)."""
