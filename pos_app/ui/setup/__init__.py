"""Setting a counter up from the app: the first-start flow and the Settings screen.

The pages (:mod:`~pos_app.ui.setup.pages`, :mod:`~pos_app.ui.setup.programs`,
:mod:`~pos_app.ui.setup.counter_page`) fill a :class:`~pos_app.ui.setup.draft.SetupDraft`;
the checks behind their Test buttons are :mod:`pos_app.services.setup`'s, and nothing is
saved before the person finishes.
"""

from pos_app.ui.setup.draft import SetupDraft, SetupPage
from pos_app.ui.setup.wizard import Page, SetupWizard, open_draft, run_first_setup

__all__ = ["Page", "SetupDraft", "SetupPage", "SetupWizard", "open_draft", "run_first_setup"]
