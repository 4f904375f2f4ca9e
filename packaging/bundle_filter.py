"""What the PyInstaller bundle leaves out: Qt parts the app never loads, tools, and
libraries the PC's own system brings (:data:`FROM_THE_SYSTEM`).

Used by packaging/pos-app.spec (and checked by tests/test_packaging.py). PyInstaller's
PySide6 hooks collect by module: importing QtGui brings every plugin a Qt GUI program
might load (virtual keyboard, EGL and framebuffer platforms, PDF and TIFF readers, QML
debugging, ...) and the Qt libraries those plugins need. The counter app uses QtCore,
QtGui, QtWidgets and QtPrintSupport on a desktop (X11, Wayland or Windows), and on Windows
and macOS QtMultimedia for the camera, so only the plugins listed in KEPT_PLUGINS stay.
"""

from __future__ import annotations

import posixpath
import re
import struct
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

#: Python modules never needed at run time (PyInstaller would follow optional imports).
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pydoc",
    "pytest",
    "_pytest",
    "pytestqt",
    "mypy",
    "ruff",
    "PyInstaller",
    "setuptools",
    "pip",
    # Only optional imports of libraries reach these: pydantic's v1 plugin for hypothesis
    # (a test tool) and httpx's command-line client (syntax colouring with pygments).
    "hypothesis",
    "pygments",
    "httpx._main",
    # Python's East Asian codecs (Shift JIS, GBK, Big5, EUC-KR, ISO-2022): the app reads
    # and writes UTF-8 only (the APIs' JSON, settings, journal, CSV). Asked for anyway,
    # such a codec is an unknown encoding (LookupError), as httpx treats it.
    *(f"_codecs_{name}" for name in ("cn", "hk", "iso2022", "jp", "kr", "tw")),
    "_multibytecodec",
    # Qt modules the app does not import (it uses QtCore, QtGui, QtWidgets, QtPrintSupport,
    # and on Windows and macOS QtMultimedia for the camera, with the QtNetwork it imports).
    # QtSvg's plugins render the SVG icon; the module itself is not needed.
    *(
        f"PySide6.{name}"
        for name in (
            "QtConcurrent",
            "QtDBus",
            "QtDesigner",
            "QtHelp",
            "QtMultimediaWidgets",
            "QtOpenGL",
            "QtOpenGLWidgets",
            "QtQml",
            "QtQuick",
            "QtQuickControls2",
            "QtQuickTest",
            "QtQuickWidgets",
            "QtSql",
            "QtSvg",
            "QtSvgWidgets",
            "QtTest",
            "QtUiTools",
            "QtXml",
        )
    ),
]


#: What python-escpos and the libraries it brings import but the slips never use: Pillow's
#: file formats (the slip's QR picture is made in memory, never read or written as a
#: file), its Tk, Qt, screen-grab and viewer bridges, PyYAML's C parser (python-escpos
#: reads its printer database with ``yaml.safe_load``, the pure-Python parser, anyway),
#: python-escpos's command line,
#: the QR library's SVG and styled pictures and command line, pyserial's other
#: platforms and tools, and the XML parsers only Pillow's XMP reader and python-barcode's
#: SVG documents (written, never read) would have wanted.
PRINTER_EXCLUDED_MODULES = [
    *(
        f"PIL.{name}"
        for name in (
            "ImageTk",
            "_imagingtk",
            "ImageQt",
            "ImageShow",
            "ImageGrab",
            "ImageMath",
            "_imagingmath",
            "ImageMorph",
            "_imagingmorph",
            "ImageCms",
            "ImageWin",
            "PSDraw",
            "FontFile",
            "BdfFontFile",
            "PcfFontFile",
            "GdImageFile",
            "WalImageFile",
        )
    ),
    "yaml._yaml",
    "_yaml",
    "escpos.cli",
    "argcomplete",
    "qrcode.console_scripts",
    "qrcode.release",
    "qrcode.image.svg",
    "qrcode.image.styledpil",
    "qrcode.compat.etree",
    "serial.tools",
    "serial.urlhandler",
    "serial.serialjava",
    "serial.serialcli",
    "xml.etree",
    # python-barcode makes SVG documents with xml.dom.minidom; it never parses one (the
    # SAX helpers stay: segno writes the slips' QR codes with them).
    "xml.dom.expatbuilder",
    "xml.dom.pulldom",
]


def pillow_file_formats() -> list[str]:
    """Pillow's file format modules (``PIL.*ImagePlugin``), which its PyInstaller hook
    would bundle all of, found without importing Pillow."""
    import importlib.util
    import pkgutil

    spec = importlib.util.find_spec("PIL")
    if spec is None or not spec.submodule_search_locations:
        return []
    return sorted(
        f"PIL.{module.name}"
        for module in pkgutil.iter_modules(spec.submodule_search_locations)
        if module.name.endswith("ImagePlugin")
    )


#: Left to the Linux PC's own system, as CUPS is: psycopg's wheel of its own libpq (with
#: its own OpenSSL, Kerberos and LDAP, ~11 MB). A counter that shares its journal installs
#: the system's libpq (libpq5), which psycopg then loads; every other counter needs none.
LINUX_EXCLUDED_MODULES = ["psycopg_binary"]

#: Linux reads its cameras through Video4Linux2 (pos_app/ui/camera/v4l2.py): Qt Multimedia
#: (with Qt Quick and FFmpeg, ~42 MB) and the QtNetwork it imports stay out, also where
#: PySide6-Addons was installed by hand.
LINUX_EXCLUDED_QT_MODULES = ["PySide6.QtMultimedia", "PySide6.QtNetwork"]


def excluded_modules(*, linux: bool) -> list[str]:
    """The modules the bundle leaves out on this platform."""
    windows_only = ["serial.serialwin32", "serial.win32"] if linux else []
    return (
        EXCLUDED_MODULES
        + PRINTER_EXCLUDED_MODULES
        + pillow_file_formats()
        + windows_only
        + (LINUX_EXCLUDED_MODULES + LINUX_EXCLUDED_QT_MODULES if linux else [])
    )


#: Qt plugins the app loads, by plugin folder. A folder not listed is dropped entirely;
#: ``None`` keeps the whole folder. Names are matched without "lib" prefix and suffix.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    # Desktop sessions (X11, Wayland, Windows) and headless runs (offscreen, for the
    # self-test on a machine without a display).
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qwindows"}),
    # File dialogs through the desktop portal. Not the GTK theme plugin: it would bring
    # the build machine's whole GTK stack (~20 MB) into the bundle, to be loaded against
    # the counter PC's own GTK and GLib; Qt's own dialogs work everywhere.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Dead keys (compose) and input methods (IBus); not the QtQuick virtual keyboard.
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # Reward pictures come from the vendors as PNG (built in), JPEG, WebP or GIF; the
    # app icon is an SVG.
    "imageformats": frozenset({"qjpeg", "qwebp", "qgif", "qsvg", "qico"}),
    "iconengines": None,  # SVG icons
    "printsupport": None,  # pickup slips (CUPS on Linux, the Windows print spooler)
    # What the xcb and wayland platforms load for their windows.
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "styles": None,  # the Windows 11 style (qmodernwindowsstyle)
    # The camera on Windows (Media Foundation) and macOS (AVFoundation), the backends of
    # the system itself; not Qt's FFmpeg backend (its FFmpeg libraries: ~19 MB).
    "multimedia": frozenset({"windowsmediaplugin", "darwinmediaplugin"}),
}

#: Libraries that come with the PC's own system and are left to it, like the graphics
#: stack PyInstaller already leaves out. CUPS's client library belongs to the printing
#: system it talks to (its configuration, its print server): a PC that prints has it, and
#: without it there is no printer to print on; slips are still saved as PDF. With it go
#: the TLS and Kerberos libraries only it links to (~9 MB). systemd's client library
#: (which D-Bus links to) is part of every systemd distribution's base system (Debian's
#: and Ubuntu's package manager itself needs it) and belongs with the systemd it talks
#: to; with it go libgcrypt, libgpg-error, liblz4 and libcap (~2.5 MB).
FROM_THE_SYSTEM = re.compile(r"(libcups|libsystemd)\.so(\..*)?")

#: Qt libraries only the dropped plugins and modules need (QtNetwork on Linux only:
#: Qt6Multimedia links it on Windows), and FFmpeg's, which only Qt's FFmpeg backend needs.
_UNUSED_QT_LIBRARY = re.compile(
    r"Qt6(Quick|Qml|Pdf|VirtualKeyboard|Sql|Designer|Help|SvgWidgets|OpenGLWidgets"
    r"|Concurrent|Test|Xml|WaylandCompositor|WlShellIntegration|EglFS|EglFs|LabsAnimation"
    r"|ShaderTools|MultimediaQuick|MultimediaWidgets)"
    r"|libQt6Network\.so"
    r"|^(lib)?(avcodec|avformat|avutil|avdevice|avfilter|swresample|swscale)[-.]",
)

#: Qt's ICU data library, which packaging/icu_data.py makes again with the data Qt uses.
ICU_DATA = re.compile(r"libicudata\.so\.\d+")

#: Qt's own texts (buttons of standard dialogs, the print dialog) in the languages of the
#: shops the app is for: Dutch, German and French. English is built in.
KEPT_TRANSLATIONS = frozenset({"nl", "de", "fr"})


def resource_datas(resources: Path) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every file under ``resources/``.

    Every file, so that style sheets, translations or pictures added later are bundled
    without touching the spec; scripts that draw the pictures and caches stay out.
    """
    root = resources.parent
    out: list[tuple[str, str]] = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        out.append((str(path), str(path.parent.relative_to(root))))
    return out


def _qt_part(dest: str) -> tuple[str, ...] | None:
    """The path below PySide6/Qt (or PySide6 on Windows), or None for a non-Qt file."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    return parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]


def _plugin_name(file_name: str) -> str:
    name = file_name.split(".", 1)[0]
    return name[3:] if name.startswith("lib") else name


def keep(dest: str) -> bool:
    """Whether a file at ``dest`` (its path inside the bundle) stays in the bundle."""
    part = _qt_part(dest)
    if part is None:
        return not FROM_THE_SYSTEM.fullmatch(PurePosixPath(dest.replace("\\", "/")).name)
    if part and part[0] == "plugins" and len(part) >= 3:
        folder, file_name = part[1], part[-1]
        if folder not in KEPT_PLUGINS:
            return False
        wanted = KEPT_PLUGINS[folder]
        return wanted is None or _plugin_name(file_name) in wanted
    if part and part[0] == "translations":
        match = re.fullmatch(r"(qt|qtbase)_([a-z]{2})(_[A-Za-z]+)?\.qm", part[-1])
        return match is not None and match.group(2) in KEPT_TRANSLATIONS
    if part and part[0] == "qml":
        return False
    name = part[-1] if part else ""
    return not _UNUSED_QT_LIBRARY.search(name)


def keep_toc(toc: Iterable[Any]) -> list[Any]:
    """A PyInstaller TOC (entries ``(dest, source, kind)``) without the dropped files."""
    return [entry for entry in toc if keep(entry[0])]


def drop_dangling_links(toc: Iterable[Any], kept: Iterable[str]) -> list[Any]:
    """Without the symbolic links (kind ``SYMLINK``, source: the target relative to the
    link's folder) whose target is not among the ``kept`` destinations."""
    there = {PurePosixPath(dest.replace("\\", "/")).as_posix() for dest in kept}
    out = []
    for entry in toc:
        if entry[2] == "SYMLINK":
            link = PurePosixPath(entry[0].replace("\\", "/"))
            target = posixpath.normpath((link.parent / entry[1].replace("\\", "/")).as_posix())
            if target not in there:
                continue
        out.append(entry)
    return out


def rebuild(
    toc: Iterable[Any], pattern: re.Pattern[str], build: Callable[[Path, Path], object], work: Path
) -> list[Any]:
    """The TOC with each file whose name matches ``pattern`` replaced by what
    ``build(source, target)`` writes at ``work/<name>`` (the ICU data library)."""
    out = []
    for dest, source, kind in toc:
        name = PurePosixPath(dest.replace("\\", "/")).name
        if kind != "SYMLINK" and pattern.fullmatch(name):
            target = work / name
            build(Path(source), target)
            source = str(target)
        out.append((dest, source, kind))
    return out


def _is_dependency_only(dest: str) -> bool:
    """A shared library PyInstaller collected because another binary links to it."""
    name = dest.replace("\\", "/")
    return "/" not in name and name.startswith("lib") and not name.startswith("libpython")


def linked_libraries(path: str) -> list[str]:
    """The libraries an ELF file links to itself (its ``DT_NEEDED`` entries).

    Not PyInstaller's ``get_imports``: that asks ``ldd``, which also lists what those
    libraries link to, so a library left to the system (:data:`FROM_THE_SYSTEM`) would
    keep everything it needs in the bundle.
    """
    image = Path(path).read_bytes()
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", image, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", image, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", image, shoff + i * shentsize) for i in range(shnum)
    ]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for start in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", image, start)
            if tag == 1:  # DT_NEEDED
                end = image.index(b"\0", strings + value)
                names.append(image[strings + value : end].decode())
    return names


def prune_unreferenced(toc: Iterable[Any], needed: Callable[[str], Iterable[str]]) -> list[Any]:
    """Drop the libraries that only the dropped plugins linked to.

    PyInstaller resolves link-time dependencies before the spec filters the plugins, so
    e.g. the GTK theme plugin's libraries would stay behind without it. ``needed(source)``
    gives the library names a binary links to. Libraries in package folders, Python
    extension modules and libpython always stay; a library in the bundle's top folder
    stays when something that stays links to it.
    """
    entries = list(toc)
    by_name = {PurePosixPath(e[0].replace("\\", "/")).name: e for e in entries}
    kept = {e[0] for e in entries if not _is_dependency_only(e[0])}
    queue = [e for e in entries if e[0] in kept]
    while queue:
        entry = queue.pop()
        for name in needed(entry[1]):
            dep = by_name.get(PurePosixPath(name).name)
            if dep is not None and dep[0] not in kept:
                kept.add(dep[0])
                queue.append(dep)
    return [e for e in entries if e[0] in kept]
