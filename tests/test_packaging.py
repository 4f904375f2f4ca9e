"""The packaging files agree with the app and with each other; the bundle filter keeps
what the app loads. (Building the bundle is `make package-check`, not part of the tests.)"""

from __future__ import annotations

import configparser
import importlib.util
import re
import struct
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import PySide6
import pytest

from pos_app import APP_NAME, __version__
from pos_app.resources import DESKTOP_ENTRY_ID, app_icon_path

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered as it would be imported: dataclasses look their module up there.
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle_filter() -> ModuleType:
    return load(PACKAGING / "bundle_filter.py")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6\\plugins\\printsupport\\windowsprintersupport.dll", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        # The Windows and macOS camera: Qt Multimedia with the system's own backend, and
        # the QtNetwork that Qt6Multimedia links; none of Qt's FFmpeg backend.
        ("PySide6/Qt6Network.dll", True),
        ("PySide6/Qt6Multimedia.dll", True),
        ("PySide6\\plugins\\multimedia\\windowsmediaplugin.dll", True),
        ("PySide6/Qt/plugins/multimedia/libdarwinmediaplugin.dylib", True),
        ("PySide6\\plugins\\multimedia\\ffmpegmediaplugin.dll", False),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/avcodec-61.dll", False),
        ("PySide6/swscale-8.dll", False),
        ("PySide6/Qt/lib/libavutil.so.59", False),
        ("PySide6/Qt/lib/libavformat.61.dylib", False),
        ("PySide6/Qt6MultimediaQuick.dll", False),
        ("PySide6/Qt6MultimediaWidgets.dll", False),
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/Qt/translations/qt_de.qm", True),
        ("PySide6/Qt/translations/qtbase_ja.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_nl.qm", False),
        ("PySide6/QtWidgets.abi3.so", True),
        ("resources/icons/pos-app.svg", True),
        ("libcrypto.so.3", True),
        ("libcups.so.2", False),
        ("libsystemd.so.0", False),
        ("libdbus-1.so.3", True),
    ],
)
def test_bundle_filter_keeps_what_the_app_loads(
    bundle_filter: ModuleType, dest: str, kept: bool
) -> None:
    assert bundle_filter.keep(dest) is kept


def test_qt_multimedia_is_bundled_on_windows_and_macos_only(bundle_filter: ModuleType) -> None:
    """Linux reads its cameras through Video4Linux2: neither Qt Multimedia nor the
    QtNetwork it imports goes into its bundle, even where PySide6-Addons is installed."""
    linux = bundle_filter.excluded_modules(linux=True)
    other = bundle_filter.excluded_modules(linux=False)
    for module in ("PySide6.QtMultimedia", "PySide6.QtNetwork"):
        assert module in linux
        assert module not in other
    assert "PySide6.QtMultimediaWidgets" in other


def test_libraries_only_dropped_plugins_need_are_dropped(bundle_filter: ModuleType) -> None:
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython", "BINARY"),
        ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
        ("libXau.so.6", "/src/libXau.so.6", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/src/_cffi", "EXTENSION"),
        ("libffi.so.8", "/src/libffi.so.8", "BINARY"),
    ]
    links = {
        "/src/libqxcb.so": ["libxcb.so.1"],
        "/src/libxcb.so.1": ["libXau.so.6"],
        "/src/_cffi": ["libffi.so.8"],
    }
    kept = bundle_filter.prune_unreferenced(toc, lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libpython3.11.so.1.0",
        "libxcb.so.1",
        "libXau.so.6",
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
        "libffi.so.8",
    ]


CUPS_PLUGIN = Path(PySide6.__file__).parent / "Qt/plugins/printsupport/libcupsprintersupport.so"


@pytest.mark.skipif(not CUPS_PLUGIN.is_file(), reason="Qt prints through CUPS on Linux only")
def test_libraries_only_cups_needs_are_left_to_the_system(bundle_filter: ModuleType) -> None:
    """The CUPS plugin links CUPS itself, not the TLS and Kerberos libraries CUPS links
    to (which ``ldd`` lists as well): with CUPS left to the system, they go too."""
    linked = bundle_filter.linked_libraries(str(CUPS_PLUGIN))
    assert "libcups.so.2" in linked
    assert "libQt6PrintSupport.so.6" in linked
    assert not any(name.startswith(("libgnutls", "libgssapi", "libkrb5")) for name in linked)
    toc = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/src/plugin", "BINARY"),
        ("libcups.so.2", "/src/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/src/libgnutls.so.30", "BINARY"),
        ("libQt6PrintSupport.so.6", "/src/libQt6PrintSupport.so.6", "BINARY"),
    ]
    links = {"/src/plugin": linked, "/src/libcups.so.2": ["libgnutls.so.30"]}
    kept = bundle_filter.prune_unreferenced(
        bundle_filter.keep_toc(toc), lambda source: links.get(source, [])
    )
    assert [entry[0] for entry in kept] == [toc[0][0], "libQt6PrintSupport.so.6"]


def test_the_bundle_carries_all_of_resources(bundle_filter: ModuleType) -> None:
    datas = bundle_filter.resource_datas(ROOT / "resources")
    bundled = {Path(dest) / Path(source).name for source, dest in datas}
    on_disk = {
        path.relative_to(ROOT)
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    }
    assert bundled == on_disk
    assert Path("resources/icons/pos-app.svg") in bundled
    assert Path("resources/sandbox/rewards/coffee.png") in bundled


def test_spec_names_real_modules_and_the_filter() -> None:
    spec = (PACKAGING / "pos-app.spec").read_text(encoding="utf-8")
    hidden = re.findall(r'^\s+"((?:uvicorn|keyring)\.[\w.]+)",', spec, re.MULTILINE)
    assert "uvicorn.loops.auto" in hidden
    assert "uvicorn.protocols.http.auto" in hidden
    assert "uvicorn.lifespan.on" in hidden
    assert "keyring.backends.SecretService" in hidden
    for name in hidden:
        assert importlib.util.find_spec(name) is not None, name
    assert "bundle_filter.keep_toc" in spec
    assert 'name="pos-app"' in spec


def desktop_entry() -> configparser.ConfigParser:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "pos-app.desktop", encoding="utf-8")
    return entry


def test_desktop_entry_matches_the_app() -> None:
    entry = desktop_entry()
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == APP_NAME
    assert main["Exec"] == "pos-app"
    assert main["Icon"] == DESKTOP_ENTRY_ID
    assert main["StartupWMClass"] == DESKTOP_ENTRY_ID
    assert main["Categories"].endswith(";")
    assert entry["Desktop Action Kiosk"]["Exec"] == "pos-app --kiosk"
    actions = [name for name in main["Actions"].split(";") if name]
    assert [f"Desktop Action {name}" for name in actions] == entry.sections()[1:]
    assert (PACKAGING / "linux" / "pos-app.desktop").name == f"{DESKTOP_ENTRY_ID}.desktop"


def test_linux_install_script_is_executable_and_installs_every_icon_size() -> None:
    script = PACKAGING / "linux" / "install.sh"
    assert script.stat().st_mode & 0o111
    text = script.read_text(encoding="utf-8")
    sizes = re.search(r'^sizes="([\d ]+)"', text, re.MULTILINE)
    assert sizes is not None
    make_icons = load(ROOT / "resources" / "icons" / "make_icons.py")
    assert tuple(int(size) for size in sizes.group(1).split()) == make_icons.PNG_SIZES


def test_icons_are_drawn_from_the_svg(qapp: object) -> None:
    from PySide6.QtGui import QImage

    make_icons = load(ROOT / "resources" / "icons" / "make_icons.py")
    assert app_icon_path() == make_icons.SVG
    for size in make_icons.PNG_SIZES:
        path = make_icons.png_path(size)
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        assert image.size().width() == size, path
        assert _same_picture(image, make_icons.render(size)), (
            f"{path} is out of date: run make_icons.py"
        )
    ico = make_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))


def test_windows_installer_script() -> None:
    iss = (PACKAGING / "windows" / "pos-app.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss
    assert f'#define AppName "{APP_NAME}"' in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)
    assert "DefaultDirName={autopf}\\" in iss
    assert re.search(r'^Name: "kiosk"; Description: .*Flags: unchecked$', iss, re.MULTILINE)
    run_entry = re.search(r"^Root: HKCU; Subkey: .*CurrentVersion\\Run.*$", iss, re.MULTILINE)
    assert run_entry is not None
    assert '--kiosk"; Tasks: kiosk; Flags: uninsdeletevalue' in run_entry.group(0)
    assert "{uninstallexe}" in iss
    assert '"--self-test"' in iss or "'--self-test'" in iss


def test_build_outputs_are_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored
    assert "dist/" in ignored


def test_ci_builds_and_checks_the_bundle() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("make test") < ci.index("make package-check")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(
        r"^package-check: .*\n\tQT_QPA_PLATFORM=offscreen .*--self-test$", makefile, re.MULTILINE
    )


def test_dangling_links_are_dropped(bundle_filter: ModuleType) -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libicuuc.so", "libicuuc.so.73", "SYMLINK"),
    ]
    kept = [entry[0] for entry in toc if entry[2] != "SYMLINK"]
    assert bundle_filter.drop_dangling_links(toc, kept) == toc[:2]


def test_rebuild_replaces_the_matching_library(bundle_filter: ModuleType, tmp_path: Path) -> None:
    built: list[tuple[Path, Path]] = []
    toc = [
        ("PySide6/Qt/lib/libicudata.so.73", "/src/libicudata.so.73", "BINARY"),
        ("libicudata.so.73", "PySide6/Qt/lib/libicudata.so.73", "SYMLINK"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
    ]
    out = bundle_filter.rebuild(
        toc, bundle_filter.ICU_DATA, lambda s, t: built.append((s, t)), tmp_path
    )
    target = tmp_path / "libicudata.so.73"
    assert built == [(Path("/src/libicudata.so.73"), target)]
    assert out == [("PySide6/Qt/lib/libicudata.so.73", str(target), "BINARY"), *toc[1:]]


# -- Qt's ICU data (packaging/icu_data.py) ------------------------------------------------

QT_LIB = CUPS_PLUGIN.parents[2] / "lib"
ICU_LIBRARIES = sorted(QT_LIB.glob("libicudata.so.*"))
needs_qt_icu = pytest.mark.skipif(
    not ICU_LIBRARIES, reason="this PySide6 has no ICU (Windows, macOS)"
)


@pytest.fixture(scope="module")
def icu_data() -> ModuleType:
    return load(PACKAGING / "icu_data.py")


@pytest.fixture(scope="module")
def qt_icu(icu_data: ModuleType) -> tuple[str, Any]:
    symbol, package = icu_data.read_library(ICU_LIBRARIES[0])
    return symbol, package


@needs_qt_icu
def test_icu_data_is_written_back_byte_for_byte(
    icu_data: ModuleType, qt_icu: tuple[str, Any]
) -> None:
    symbol, package = qt_icu
    assert re.fullmatch(r"icudt\d+_dat", symbol)
    image = ICU_LIBRARIES[0].read_bytes()
    written = icu_data.write_package(package)
    assert image.find(written) > 0


@needs_qt_icu
@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/root.res", True),
        ("coll/ucadata.icu", True),
        ("coll/de__PHONEBOOK.res", True),
        ("coll/nl.res", True),
        ("coll/sv.res", False),
        ("coll/zh.res", False),
        ("coll/res_index.res", True),
        ("zone/nl.res", True),
        ("nl_BE.res", True),
        ("zone/de_CH.res", True),
        ("zone/ja.res", False),
        ("zone/pool.res", True),
        ("en_US_POSIX.res", True),
        ("fr_CA.res", True),
        ("es_419.res", False),
        ("root.res", True),
        ("supplementalData.res", True),
        ("likelySubtags.res", True),
        ("zoneinfo64.res", True),
        ("metaZones.res", True),
        ("uts46.nrm", True),
        ("cnvalias.icu", True),
        ("ibm-5348_P100-1997.cnv", True),  # windows-1252
        ("ibm-912_P100-1995.cnv", True),  # ISO-8859-2
        ("gb18030.cnv", False),
        ("euc-tw-2014.cnv", False),
        ("brkitr/cjdict.dict", False),
        ("brkitr/thaidict.dict", False),
        ("brkitr/de.res", True),
        ("translit/Latin_ASCII.res", False),
    ],
)
def test_icu_data_keeps_what_qt_asks_for(
    icu_data: ModuleType, qt_icu: tuple[str, Any], item: str, kept: bool
) -> None:
    package = qt_icu[1]
    name = f"{package.prefix}/{item}"
    if name not in package.items:
        assert not kept, f"{item} is not in Qt's ICU data"
        return
    assert icu_data.keep_item(item, package.items[name]) is kept


PROBE = """
import json, sys
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

names = json.loads(sys.argv[1])
zone = QTimeZone(b"Europe/Amsterdam")
standard, long = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
out = {"maps": open("/proc/self/maps").read()}
for tag in ("en-GB", "nl-NL", "de-AT", "fr-BE", "sv-SE"):
    locale = QLocale(tag)
    out[tag] = {
        "sorted": sorted(reversed(names), key=QCollator(locale).sortKey),
        "zone": zone.displayName(standard, long, locale),
        "upper": locale.toUpper("istanbul"),
    }
out["upper-tr"] = QLocale("tr-TR").toUpper("istanbul")
out["codecs"] = {n: QStringDecoder(n).isValid() for n in ("windows-1252", "KOI8-R", "Shift_JIS")}
print(json.dumps(out))
"""


@needs_qt_icu
@pytest.mark.slow
def test_qt_sorts_and_names_with_the_trimmed_icu_data(icu_data: ModuleType, tmp_path: Path) -> None:
    """Qt loaded with the bundle's ICU data instead of the wheel's (LD_LIBRARY_PATH comes
    before Qt's RUNPATH): what the app and Qt's dialogs use of ICU still works."""
    import json
    import os
    import subprocess

    from pos_app.ui.self_test import SORTED_NAMES

    library = tmp_path / ICU_LIBRARIES[0].name
    icu_data.build_library(ICU_LIBRARIES[0], library)
    assert library.stat().st_size < ICU_LIBRARIES[0].stat().st_size / 4
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(SORTED_NAMES)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    out = json.loads(result.stdout)
    assert str(library) in out["maps"]
    for tag in ("en-GB", "nl-NL", "de-AT", "fr-BE", "sv-SE"):
        assert out[tag]["sorted"] == list(SORTED_NAMES), tag
        assert out[tag]["upper"] == "ISTANBUL"
    assert out["en-GB"]["zone"] == "Central European Standard Time"
    assert out["nl-NL"]["zone"] == "Midden-Europese standaardtijd"
    assert out["de-AT"]["zone"] == "Mitteleuropäische Normalzeit"
    assert out["fr-BE"]["zone"] == "heure normale d’Europe centrale"
    # Locale-specific case mapping needs no locale data.
    assert out["upper-tr"] == "İSTANBUL"
    assert out["codecs"] == {"windows-1252": True, "KOI8-R": True, "Shift_JIS": False}


def test_what_the_bundle_leaves_out_of_printing_is_real(bundle_filter: ModuleType) -> None:
    formats = bundle_filter.pillow_file_formats()
    assert "PIL.PngImagePlugin" in formats
    assert "PIL.JpegImagePlugin" in formats
    left_out = bundle_filter.excluded_modules(linux=True)
    assert set(formats) <= set(left_out)
    for name in bundle_filter.PRINTER_EXCLUDED_MODULES:
        if name not in {"_yaml", "PIL._imagingtk", "PIL._imagingmath", "PIL._imagingmorph"}:
            assert importlib.util.find_spec(name) is not None, name


# Runs in a fresh interpreter in which the modules the bundle leaves out cannot be imported.
_PRINT_WITHOUT_THEM = """
import sys
left_out = set(sys.argv[1:])

class LeftOut:
    def find_spec(self, name, path=None, target=None):
        if name in left_out or any(name.startswith(part + ".") for part in left_out):
            raise ModuleNotFoundError(f"{name} is not in the bundle")
        return None

sys.meta_path.insert(0, LeftOut())
from escpos.printer import Dummy
from pos_app.services.receipt_printer import ReceiptPaper, ReceiptText, _profile, write_slip
text = ReceiptText("Shop", "PICKUP SLIP", "today", "Counter: 1", ("Customer: Jürgen M.",),
                   ("Mug",), "PU-12345678", "Keep this slip.")
for native in (True, False):
    printer = Dummy(profile=_profile(ReceiptPaper.MM58))
    write_slip(printer, text, ReceiptPaper.MM58, native_qr=native)
    print(len(printer.output), b"\\x1dv0" in printer.output)
"""


def test_slips_print_without_what_the_bundle_leaves_out(bundle_filter: ModuleType) -> None:
    import subprocess

    left_out = [
        name
        for name in bundle_filter.excluded_modules(linux=sys.platform.startswith("linux"))
        if name.startswith(("PIL", "yaml", "_yaml", "escpos", "qrcode", "serial", "usb", "xml"))
    ]
    done = subprocess.run(
        [sys.executable, "-c", _PRINT_WITHOUT_THEM, *left_out],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    native, picture = done.stdout.split("\n")[:2]
    assert native.endswith(" False")  # the printer's QR command, no picture
    assert picture.endswith(" True")  # the QR code as a raster picture


def _same_picture(left: QImage, right: QImage) -> bool:
    """The same size and, pixel by pixel, within one step of each colour: Qt's renderer
    rounds antialiased edges one way or the other depending on the processor."""
    if left.size() != right.size():
        return False
    for y in range(left.height()):
        for x in range(left.width()):
            a, b = left.pixel(x, y), right.pixel(x, y)
            if any(
                abs(((a >> shift) & 255) - ((b >> shift) & 255)) > 1 for shift in (0, 8, 16, 24)
            ):
                return False
    return True
