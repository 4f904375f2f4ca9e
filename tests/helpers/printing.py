"""Printing in tests: printers that print to PDF files, and what those files say."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
from PySide6.QtPrintSupport import QPrinter

from pos_app.services.settings import SlipPaper

MM_PER_POINT = 25.4 / 72


class PdfPrinters:
    """Makes printers that print to PDF files, one file per print, and remembers for which
    printer and paper it was asked."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.asked: list[tuple[str | None, SlipPaper]] = []

    def __call__(self, name: str | None, paper: SlipPaper) -> QPrinter:
        self.asked.append((name, paper))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.file(len(self.asked))))
        return printer

    def file(self, number: int) -> Path:
        return self.folder / f"print-{number}.pdf"


def pdf_text(path: Path) -> str:
    """The text a PDF reader finds on the pages, words separated by single spaces.

    Ligatures some fonts draw ("ﬀ" in "Coﬀee") are read as their letters, as a PDF
    reader's search does.
    """
    reader = pypdf.PdfReader(path)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return "".join(
        unicodedata.normalize("NFKC", char) if "\ufb00" <= char <= "\ufb06" else char
        for char in text
    )


def page_width_mm(path: Path) -> float:
    (width,) = {float(page.mediabox.width) for page in pypdf.PdfReader(path).pages}
    return width * MM_PER_POINT
