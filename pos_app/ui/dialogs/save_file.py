"""Asking where to save a file (a PDF, a CSV export), awaited without nesting the loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from pos_app.ui.async_support import await_dialog

__all__ = ["ask_save_path", "documents_folder", "with_suffix"]


def documents_folder() -> Path:
    """The user's documents folder, or their home folder where the platform has none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``.suffix`` (any case), added where the name does not."""
    if path.suffix.lower() != f".{suffix}":
        path = path.with_name(f"{path.name}.{suffix}")
    return path


async def ask_save_path(
    parent: QWidget,
    *,
    title: str,
    object_name: str,
    name_filter: str,
    suffix: str,
    default: Path,
) -> Path | None:
    """The file the user chose to save to, starting at ``default``; None when cancelled.

    ``name_filter`` ("PDF files (*.pdf)") and ``suffix`` ("pdf") say what is saved.
    """
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(suffix)
    # WORKAROUND: a platform (native) file dialog cannot be opened with open() and
    # awaited on every platform; Qt's own dialog always can.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDirectory(str(default.parent))
    dialog.selectFile(default.name)
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
    finally:
        dialog.deleteLater()
    return Path(chosen[0]) if chosen else None
