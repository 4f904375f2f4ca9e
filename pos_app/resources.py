"""Where the app's resource files (icons, pictures, style sheets) are on disk."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

#: The app's id on the desktop: the Linux desktop entry (pos-app.desktop), the icon name
#: in the icon theme, and the Windows AppUserModelID.
DESKTOP_ENTRY_ID: Final = "pos-app"


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the package from source, inside a bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller at run time
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def app_icon_path() -> Path:
    return resources_dir() / "icons" / f"{DESKTOP_ENTRY_ID}.svg"
