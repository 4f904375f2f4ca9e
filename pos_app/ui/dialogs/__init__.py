"""Dialogs shared by several screens: :mod:`~pos_app.ui.dialogs.base` (the base of dialogs
that wait for work: one task, one message line, one confirm rule), PIN entry with its
keypad, the staff sign-in with idle sign-out, and asking where to save a file
(:mod:`~pos_app.ui.dialogs.save_file`)."""
