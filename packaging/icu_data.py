"""A smaller ICU data library for the Linux bundle: the data Qt asks ICU for, nothing else.

PySide6's Qt links ICU, whose data library (``libicudata.so.<version>``, ~32 MB) carries
every locale of CLDR, break-iterator dictionaries, transliterators and every converter
table. Qt Core calls ICU for four things only (its imported ICU functions say so):
collation (``ucol_*``, QCollator, the file dialog's sorting), case mapping with a locale
(``u_strToUpper``/``u_strToLower``), time-zone display names (``ucal_*``) and text codecs
beyond the ones Qt has built in (``ucnv_*``, QStringConverter). :func:`trim` keeps, of
that data:

- everything that is not one locale's data (Unicode properties, normalization, the root
  collation, time-zone rules and meta zones, likely subtags, the converter aliases, ...);
- each locale tree's root and the locales of :data:`KEPT_LANGUAGES`, every region of them
  (``de_AT``, ``en_US``, ``nl_BE`` ...), in every tree;
- the single-byte converter tables (ISO-8859-*, Windows, DOS, Mac, KOI8, EBCDIC).

and leaves out the other languages' locale data (the root collation still sorts their
scripts), the dictionaries for Chinese, Japanese, Thai, Lao, Khmer and Burmese word
breaks and the transliterators (Qt never opens a break iterator or a transliterator),
and the East Asian multi-byte converter tables.

:func:`build_library` then writes the data into a shared library with the same name and
entry symbol (``icudt<version>_dat``), which ICU's ``libicuuc`` finds as before. The
container is ICU's common data package ("CmnD": a header, a table of contents, then the
items, 16-byte aligned); it is read and written here because the format is small and
fixed, while Debian's ``icupkg`` is of another ICU version than Qt's.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: Languages whose locale data stays: the app's (English, Dutch, German) and French, the
#: other language of the shops the app is for (see KEPT_TRANSLATIONS in bundle_filter.py).
KEPT_LANGUAGES = frozenset({"en", "nl", "de", "fr"})

#: The trees of per-locale data; the package's top level ("") is the main locale tree.
LOCALE_TREES = frozenset({"", "brkitr", "coll", "curr", "lang", "rbnf", "region", "unit", "zone"})
#: Trees of services Qt never calls (see the module docstring).
DROPPED_TREES = frozenset({"translit"})
#: The files of each locale tree that are not a locale.
TREE_FILES = frozenset({"root", "pool", "res_index"})

_LOCALE = re.compile(r"(?P<language>[a-z]{2,3})(_[A-Za-z0-9]*)*")
_ENTRY_SYMBOL = re.compile(rb"icudt\d+_dat")
_ALIGN = 16
#: What ICU's own tools pad with between the items.
_FILL = b"\xaa"


class IcuDataError(Exception):
    """The file is not what ICU's data library should be."""


@dataclass(frozen=True)
class Package:
    """An ICU common data package: its header as it was and its items by name."""

    header: bytes
    items: dict[str, bytes]  # "icudt73l/coll/root.res" → the item's bytes

    @property
    def prefix(self) -> str:
        """The package name that starts every item name ("icudt73l")."""
        first = next(iter(self.items))
        return first.split("/", 1)[0]


def _item_header_size(data: bytes) -> int:
    size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise IcuDataError("not an ICU data item (no 0xda27 magic)")
    return size


def read_package(data: bytes) -> Package:
    """Parse a little-endian common data package ("CmnD")."""
    header_size = _item_header_size(data)
    big_endian, charset = struct.unpack_from("<BB", data, 8)
    data_format = data[12:16]
    if data_format != b"CmnD" or big_endian or charset != 0:
        raise IcuDataError(f"not a little-endian ASCII common data package ({data_format!r})")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items: dict[str, bytes] = {}
    for index, (name_offset, data_offset) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(data) - toc
        name_end = data.index(b"\0", toc + name_offset)
        name = data[toc + name_offset : name_end].decode("ascii")
        items[name] = data[toc + data_offset : toc + end]
    return Package(data[:header_size], items)


def _pad(size: int) -> int:
    return -size % _ALIGN


def write_package(package: Package) -> bytes:
    """The package as ICU reads it: items in name order (ICU looks them up by bisection)."""
    names = sorted(package.items)
    table_size = 4 + 8 * len(names)
    name_bytes = b"".join(name.encode("ascii") + b"\0" for name in names)
    offsets: list[tuple[int, int]] = []
    name_offset = table_size
    data_offset = table_size + len(name_bytes)
    data_offset += _pad(data_offset)
    body = bytearray()
    for name in names:
        item = package.items[name]
        offsets.append((name_offset, data_offset + len(body)))
        name_offset += len(name) + 1
        body += item + _FILL * _pad(len(item))
    toc = struct.pack("<I", len(names)) + b"".join(struct.pack("<II", *o) for o in offsets)
    head = toc + name_bytes
    return package.header + head + _FILL * _pad(len(head)) + bytes(body)


def _max_bytes_per_char(converter: bytes) -> int:
    # A .cnv item: its data header, then UConverterStaticData (structSize, name[60],
    # codepage, platform, conversionType, minBytesPerChar, maxBytesPerChar, ...).
    static = _item_header_size(converter)
    return converter[static + 4 + 60 + 4 + 3]


def keep_item(name: str, data: bytes) -> bool:
    """Whether an item (its name without the package prefix) stays; see the docstring."""
    tree, _, file_name = name.rpartition("/")
    stem, _, kind = file_name.rpartition(".")
    if tree in DROPPED_TREES or kind == "dict":
        return False
    if kind == "cnv":
        return _max_bytes_per_char(data) == 1
    if kind != "res" or tree not in LOCALE_TREES or stem in TREE_FILES:
        return True
    locale = _LOCALE.fullmatch(stem)
    if locale is None:  # supplementalData, zoneinfo64, likelySubtags ...
        return True
    return locale.group("language") in KEPT_LANGUAGES


def trim(package: Package, keep: Callable[[str, bytes], bool] = keep_item) -> Package:
    prefix = package.prefix + "/"
    items = {
        name: data
        for name, data in package.items.items()
        if not name.startswith(prefix) or keep(name[len(prefix) :], data)
    }
    return Package(package.header, items)


# -- the shared library around the data -------------------------------------------------


def _elf_symbol(image: bytes, wanted: re.Pattern[bytes]) -> tuple[str, int, int]:
    """(name, file offset, size) of the first dynamic symbol matching ``wanted``."""
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise IcuDataError("not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", image, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", image, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", image, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for start in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, sym_size = struct.unpack_from(
                "<IBBHQQ", image, start
            )
            text_start = strings[4] + st_name
            symbol = image[text_start : image.index(b"\0", text_start)]
            if wanted.fullmatch(symbol):
                home = sections[shndx]
                return symbol.decode("ascii"), value - home[3] + home[4], sym_size
    raise IcuDataError(f"no symbol {wanted.pattern.decode()} in the library")


def read_library(path: Path) -> tuple[str, Package]:
    """The entry symbol and the data package of an ICU data library."""
    image = path.read_bytes()
    symbol, offset, size = _elf_symbol(image, _ENTRY_SYMBOL)
    return symbol, read_package(image[offset : offset + size])


def build_library(
    source: Path, target: Path, keep: Callable[[str, bytes], bool] = keep_item
) -> Package:
    """Write ``target``: ``source``'s ICU data library with only the kept items.

    Needs a C compiler (``cc``, as for PyInstaller's own tools on Linux); the library is
    data only, linked against nothing.
    """
    symbol, package = read_library(source)
    trimmed = trim(package, keep)
    target.parent.mkdir(parents=True, exist_ok=True)
    data_file = target.with_name(f"{package.prefix}.dat")
    data_file.write_bytes(write_package(trimmed))
    assembly = target.with_name(f"{package.prefix}.S")
    assembly.write_text(
        '\t.section .note.GNU-stack,"",%progbits\n'
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol},%object\n"
        f"\t.balign {_ALIGN}\n"
        f"{symbol}:\n"
        f'\t.incbin "{data_file.name}"\n'
        f"\t.size {symbol}, .-{symbol}\n",
        encoding="ascii",
    )
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise IcuDataError("building the ICU data library needs a C compiler (cc)")
    subprocess.run(
        [
            compiler,
            "-shared",
            "-nostdlib",
            f"-Wl,-soname,{source.name}",
            "-Wl,-z,noexecstack",
            "-o",
            str(target),
            assembly.name,
        ],
        cwd=target.parent,
        check=True,
    )
    return trimmed


def summary(before: Package, after: Package) -> str:
    def size(package: Package) -> float:
        return sum(len(item) for item in package.items.values()) / 1_000_000

    return (
        f"ICU data: {len(after.items)} of {len(before.items)} items, "
        f"{size(after):.1f} of {size(before):.1f} MB"
    )
