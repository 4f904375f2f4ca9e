"""The progress panel beside the pickup list: Giftoin collection challenges and Nudj rewards.

``panel`` is the shell the window places; ``section`` is what each program's part has in
common, ``giftoin`` and ``nudj`` are those parts (list model, delegate, section); ``rows``
holds what their lists share and ``texts`` their words.
"""

from pos_app.ui.progress.panel import ProgressPanel

__all__ = ["ProgressPanel"]
