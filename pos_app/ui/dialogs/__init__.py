"""Dialogs' common ground: :mod:`~pos_app.ui.dialogs.base` for dialogs that wait for work."""
