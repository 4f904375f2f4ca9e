"""Reward pictures for the lists: fetched in the background, kept on disk and in memory.

Pictures live on hosts we do not control (the vendors' CDNs, or the simulator), so they get
an HTTP client of their own that never carries an API token, a short timeout, a size cap
and a memory of failures, and nothing about them ever blocks the Qt event loop: reading,
decoding and scaling run in a worker thread on ``QImage`` (safe off the UI thread); only
the final, tiny ``QPixmap`` is made on the UI thread, where Qt requires it.

Size: one cache in three layers (memory, disk, a download client with its own redirect
and size rules) that share one set of keys and one failure memory; the download client is
the part to move out when a second user of it appears.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import ipaddress
import logging
import os
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QImageReader,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from pos_app import APP_NAME, __version__
from pos_app.ui.theme import ColorScheme

if TYPE_CHECKING:
    # At run time imported where a picture is first fetched: not needed before the window
    # is on screen.
    import httpx

log = logging.getLogger(__name__)

_P = ParamSpec("_P")
_T = TypeVar("_T")

THUMBNAIL_SIZE: Final = QSize(64, 64)
MAX_PICTURE_BYTES: Final = 5 * 1024 * 1024
DEFAULT_DISK_LIMIT: Final = 100 * 1024 * 1024
DEFAULT_MEMORY_LIMIT: Final = 400
DEFAULT_CONCURRENCY: Final = 6
DEFAULT_TIMEOUT: Final = 5.0
#: How long a picture that failed to load is left alone before it is tried again.
DEFAULT_RETRY_AFTER: Final = 120.0
_MAX_REMEMBERED_FAILURES: Final = 2000
#: Decoding a thumbnail takes a millisecond or two; two threads keep up with any scrolling
#: and leave the other cores (and the GIL) to the UI.
_WORKER_THREADS: Final = 2
_MAX_REDIRECTS: Final = 3
_TEMP_SUFFIX: Final = ".part"
#: A temp file older than this was left behind by a crash; eviction removes it.
_STALE_TEMP_SECONDS: Final = 3600.0


def safe_url(url: str) -> str:
    """A picture URL fit for a log line: no user info, query string or fragment.

    Signed CDN links carry their signature in the query string.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<unparsable URL>"
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _is_internal_host(host: str) -> bool:
    """Loopback, private, link-local or otherwise non-public: the counter's own network."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a name; where it resolves to is the DNS's business
    return not address.is_global


def may_redirect(original: httpx.URL, target: httpx.URL) -> bool:
    """Whether a picture download may follow a redirect from ``original`` to ``target``.

    Picture URLs come from reward data that anyone with a vendor dashboard can edit, so a
    redirect must not turn the counter PC into a way to reach itself or the shop's own
    network. Followed: the same host (no downgrade from https to http), which keeps the
    demo simulator's 127.0.0.1 pictures working; or another host over https that is not
    loopback, private or link-local. Anything else is refused.
    """
    if target.scheme not in ("http", "https"):
        return False
    if target.host == original.host and target.port == original.port:
        return not (original.scheme == "https" and target.scheme == "http")
    return target.scheme == "https" and not _is_internal_host(target.host)


def cache_file_name(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


class PictureError(Exception):
    """A picture could not be fetched or decoded; the message is log-safe."""


# --- worker-thread side: bytes and QImage only, no QPixmap, no QObject shared with the UI ----


def _decode(data: bytes, size: QSize, ratio: float) -> QImage | None:
    """``data`` as a square thumbnail of ``size`` (device-independent pixels), cropped to fill."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    # Phone photos are stored sideways with an EXIF note saying so.
    reader.setAutoTransform(True)
    target = QSize(round(size.width() * ratio), round(size.height() * ratio))
    stored = reader.size()
    side = max(target.width(), target.height())
    if stored.isValid() and min(stored.width(), stored.height()) > 2 * side:
        # A photo many times the thumbnail's size is decoded at about the size shown (JPEG
        # decoders scale while decoding): Qt holds the GIL while it decodes, so a full-size
        # decode here would stop the GUI thread for as long. The square covers the target
        # whichever way the EXIF note turns the photo.
        reader.setScaledSize(
            stored.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        )
    image = reader.read()
    buffer.close()
    if image.isNull():
        return None
    scaled = image.scaled(
        target,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = (scaled.width() - target.width()) // 2
    y = (scaled.height() - target.height()) // 2
    thumb = scaled.copy(x, y, target.width(), target.height())
    # The format QPixmap uses on every platform: fromImage() then needs no conversion on
    # the UI thread.
    thumb = thumb.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    thumb.setDevicePixelRatio(ratio)
    return thumb


def _read_cached(path: Path, size: QSize, ratio: float) -> QImage | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    image = _decode(data, size, ratio)
    if image is None:
        # A damaged file would fail again on every start; fetch it afresh instead.
        path.unlink(missing_ok=True)
        return None
    # The file's age is what eviction goes by: a picture in use is "new".
    with contextlib.suppress(OSError):
        os.utime(path)
    return image


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        # Another counter PC sharing the folder, or a crash mid-write, never sees half a file.
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _store_and_decode(
    path: Path | None, data: bytes, size: QSize, ratio: float
) -> tuple[QImage | None, int]:
    """Decode first and keep only what decodes: an error page must not be cached as a picture."""
    image = _decode(data, size, ratio)
    if image is None or path is None:
        return image, 0
    try:
        _write_atomically(path, data)
    except OSError as exc:
        # A full or read-only disk costs us the disk cache, not the picture.
        log.info("Could not store a picture in the cache folder: %s", type(exc).__name__)
        return image, 0
    return image, len(data)


def _disk_usage(folder: Path) -> int:
    total = 0
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
    return total


def _evict(folder: Path, keep_bytes: int) -> int:
    """Delete the least recently used files until at most ``keep_bytes`` remain."""
    files: list[tuple[float, int, str]] = []
    now = time.time()
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder):
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.endswith(_TEMP_SUFFIX):
                # Possibly being written right now; only leftovers from a crash go.
                if now - stat.st_mtime > _STALE_TEMP_SECONDS:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                continue
            files.append((stat.st_mtime, stat.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    for _, size, file in sorted(files):
        if total <= keep_bytes:
            break
        try:
            os.unlink(file)
        except OSError:
            continue
        total -= size
    return total


# --- placeholder -----------------------------------------------------------------------------


def placeholder_pixmap(size: QSize = THUMBNAIL_SIZE, ratio: float | None = None) -> QPixmap:
    """A neutral picture frame shown while a picture loads, or when there is none.

    Callers keep the result: it is drawn afresh on every call. (Not cached here at module
    level, since a QPixmap must not outlive the QGuiApplication.)
    """
    if ratio is None:
        ratio = _screen_ratio()
    pixmap = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(ColorScheme.PICTURE_PLACEHOLDER)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = float(size.width()), float(size.height())
    # A simple "picture" glyph: a frame with a sun and a hill, in a muted grey.
    ink = ColorScheme.PICTURE_PLACEHOLDER_INK
    frame = QRectF(w * 0.25, h * 0.28, w * 0.5, h * 0.44)
    painter.setPen(QPen(ink, max(1.5, w / 32)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(frame, w * 0.05, w * 0.05)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    sun = QPointF(frame.left() + frame.width() * 0.3, frame.top() + frame.height() * 0.32)
    painter.drawEllipse(sun, w * 0.045, w * 0.045)
    hill = QPainterPath()
    hill.moveTo(frame.left() + frame.width() * 0.12, frame.bottom() - frame.height() * 0.15)
    hill.lineTo(frame.left() + frame.width() * 0.45, frame.top() + frame.height() * 0.45)
    hill.lineTo(frame.left() + frame.width() * 0.62, frame.top() + frame.height() * 0.65)
    hill.lineTo(frame.left() + frame.width() * 0.75, frame.top() + frame.height() * 0.52)
    hill.lineTo(frame.right() - frame.width() * 0.12, frame.bottom() - frame.height() * 0.15)
    hill.closeSubpath()
    painter.drawPath(hill)
    painter.end()
    return pixmap


def _screen_ratio() -> float:
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return float(app.devicePixelRatio())
    return 1.0


class RoundedPictures:
    """Thumbnails with rounded corners, made once per picture, size and radius.

    Drawing a pixmap through a rounded clip path costs the raster engine about half a
    millisecond each time, close to half of a row's paint: a list scrolling a screenful
    of rows paid it for every row on every frame. A copy with its corners cut away is an
    ordinary blit. Keep one per delegate (a QPixmap must not outlive the QGuiApplication).
    """

    def __init__(self, limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self._limit = limit
        self._made: OrderedDict[tuple[int, int, int, float], QPixmap] = OrderedDict()

    def draw(self, painter: QPainter, target: QRect, picture: QPixmap, radius: float) -> None:
        """``picture`` filling ``target``, its corners rounded by ``radius``."""
        if picture.isNull() or target.isEmpty():
            return
        painter.drawPixmap(target, self.rounded(picture, target.size(), radius))

    def rounded(self, picture: QPixmap, size: QSize, radius: float) -> QPixmap:
        key = (picture.cacheKey(), size.width(), size.height(), radius)
        made = self._made.get(key)
        if made is not None:
            self._made.move_to_end(key)
            return made
        ratio = picture.devicePixelRatio()
        made = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
        made.setDevicePixelRatio(ratio)
        made.fill(Qt.GlobalColor.transparent)
        painter = QPainter(made)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        bounds = QRectF(0, 0, size.width(), size.height())
        clip = QPainterPath()
        clip.addRoundedRect(bounds, radius, radius)
        painter.setClipPath(clip)
        painter.drawPixmap(bounds.toRect(), picture)
        painter.end()
        self._made[key] = made
        while len(self._made) > self._limit:
            self._made.popitem(last=False)
        return made


# --- the cache -------------------------------------------------------------------------------


class _NewestFirstSlots:
    """A semaphore that lets the most recent waiter in first.

    While the cashier scrolls, the pictures asked for last are the ones on screen; with a
    plain (first come, first served) semaphore they would wait behind every row scrolled past.
    """

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._waiting: list[asyncio.Future[None]] = []

    async def acquire(self) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(granted)
        try:
            await granted
        except asyncio.CancelledError:
            if granted in self._waiting:
                self._waiting.remove(granted)
            elif granted.done() and not granted.cancelled():
                # Handed a slot just as it was cancelled: pass the slot on.
                self.release()
            raise

    def release(self) -> None:
        while self._waiting:
            waiter = self._waiting.pop()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


@dataclass
class PictureStats:
    """What the cache did, for tests and the benchmark."""

    downloads: int = 0
    disk_hits: int = 0
    failures: int = 0
    ready: int = 0


class PictureCache(QObject):
    """Thumbnails of reward pictures by URL, loaded in the background.

    ``pixmap(url)`` answers at once: the thumbnail if it is in memory, else ``None`` (show
    :meth:`placeholder`) after starting a load unless one is running or the URL failed
    recently. A load looks in the disk folder first (file name = SHA-256 of the URL), then
    downloads with the cache's own token-free HTTP client. Loads start only while an asyncio
    loop runs; call :meth:`aclose` before the loop ends.

    Signals:
        pictureReady(str): the thumbnail of this URL is now in memory.
    """

    pictureReady = Signal(str)

    def __init__(
        self,
        folder: Path | None,
        *,
        thumbnail_size: QSize = THUMBNAIL_SIZE,
        device_pixel_ratio: float | None = None,
        disk_limit: int = DEFAULT_DISK_LIMIT,
        memory_limit: int = DEFAULT_MEMORY_LIMIT,
        max_concurrent: int = DEFAULT_CONCURRENCY,
        max_bytes: int = MAX_PICTURE_BYTES,
        timeout: float = DEFAULT_TIMEOUT,
        retry_after: float = DEFAULT_RETRY_AFTER,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._size = QSize(thumbnail_size)
        self._ratio = device_pixel_ratio if device_pixel_ratio is not None else _screen_ratio()
        self._disk_limit = disk_limit
        self._memory_limit = memory_limit
        self._max_concurrent = max_concurrent
        self._max_bytes = max_bytes
        self._timeout = timeout
        self._retry_after = retry_after
        self._transport = transport
        self._clock = clock
        self._memory: OrderedDict[str, QPixmap] = OrderedDict()
        self._failed: OrderedDict[str, float] = OrderedDict()
        self._loads: dict[str, asyncio.Task[QPixmap | None]] = {}
        self._placeholders: dict[tuple[int, int], QPixmap] = {}
        #: Loads called off by clear_memory, kept until they have wound down.
        self._stopping: set[asyncio.Task[QPixmap | None]] = set()
        # Created on first use: they bind to the running loop, which a constructor may not have.
        self._client: httpx.AsyncClient | None = None
        self._client_lock: asyncio.Lock | None = None
        self._workers: ThreadPoolExecutor | None = None
        self._downloads: _NewestFirstSlots | None = None
        self._eviction: asyncio.Lock | None = None
        self._disk_bytes: int | None = None
        self._closed = False
        self.stats = PictureStats()

    # -- what the views call -------------------------------------------------------------

    @property
    def thumbnail_size(self) -> QSize:
        return QSize(self._size)

    def pixmap(self, url: str | None) -> QPixmap | None:
        """The thumbnail if ready; otherwise ``None``, and a load is started if worthwhile."""
        if not url:
            return None
        ready = self._memory.get(url)
        if ready is not None:
            self._memory.move_to_end(url)
            return ready
        self._start(url)
        return None

    def placeholder(self, size: QSize | None = None) -> QPixmap:
        """The stand-in for a picture that is loading or missing (the same object each time)."""
        wanted = QSize(size or self._size)
        key = (wanted.width(), wanted.height())
        pixmap = self._placeholders.get(key)
        if pixmap is None:
            pixmap = self._placeholders[key] = placeholder_pixmap(wanted, self._ratio)
        return pixmap

    async def load(self, url: str) -> QPixmap | None:
        """Wait for the thumbnail of ``url``; ``None`` if it cannot be had (now)."""
        ready = self.pixmap(url)
        if ready is not None:
            return ready
        task = self._loads.get(url)
        if task is None:
            return None
        try:
            # Shielded: one impatient caller must not cancel the load the others wait for.
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if task.cancelled() and (current is None or not current.cancelling()):
                # The load was called off (clear_memory), not this caller.
                return None
            raise
        except Exception:
            # Already logged and remembered by _finished.
            return None

    def is_loading(self, url: str) -> bool:
        return url in self._loads

    @property
    def in_memory(self) -> int:
        """How many thumbnails are held in memory."""
        return len(self._memory)

    def has_failed(self, url: str) -> bool:
        """True while a failed URL is left alone."""
        until = self._failed.get(url)
        if until is None:
            return False
        if self._clock() >= until:
            del self._failed[url]
            return False
        return True

    def clear_memory(self) -> None:
        """Forget every thumbnail and stop running loads (the kiosk wipes a customer's screen).

        The disk cache stays: it holds catalogue pictures, not anything about the customer.
        """
        self._memory.clear()
        self._failed.clear()
        for task in self._loads.values():
            task.cancel()
            self._stopping.add(task)
        # Forgotten at once, not when the cancellations land: a row painted right after
        # this starts a fresh load instead of waiting on a cancelled one.
        self._loads.clear()

    async def aclose(self) -> None:
        """Cancel running loads and close the HTTP client. Safe to call twice."""
        self._closed = True
        tasks = [*self._loads.values(), *self._stopping]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._workers is not None:
            # A decode still running finishes on its own; nobody waits for it.
            self._workers.shutdown(wait=False, cancel_futures=True)
            self._workers = None

    # -- loading -------------------------------------------------------------------------

    def _start(self, url: str) -> None:
        if self._closed or url in self._loads or self.has_failed(url):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            # No loop (a synchronous test, or the app shutting down): placeholder it is.
            return
        task = loop.create_task(self._load(url), name=f"picture {safe_url(url)}")
        self._loads[url] = task
        task.add_done_callback(lambda done: self._finished(url, done))

    def _finished(self, url: str, task: asyncio.Task[QPixmap | None]) -> None:
        if self._loads.get(url) is task:
            del self._loads[url]
        self._stopping.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._remember_failure(url)
        if isinstance(exc, PictureError):
            log.info("Picture not loaded: %s (%s)", safe_url(url), exc)
        else:
            log.error("Picture load failed unexpectedly: %s", safe_url(url), exc_info=exc)

    async def _load(self, url: str) -> QPixmap:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise PictureError(f"unsupported scheme {scheme or '(none)'!r}")
        path = self._folder / cache_file_name(url) if self._folder is not None else None
        image: QImage | None = None
        if path is not None:
            image = await self._in_thread(_read_cached, path, self._size, self._ratio)
            if image is not None:
                self.stats.disk_hits += 1
        if image is None:
            data = await self._download(url)
            image, stored = await self._in_thread(
                _store_and_decode, path, data, self._size, self._ratio
            )
            if image is None:
                raise PictureError("not a picture Qt can read")
            if stored:
                await self._account_disk(stored)
        # QPixmap lives on the UI thread only; the thumbnail is small, so this is quick.
        pixmap = QPixmap.fromImage(image)
        self._remember(url, pixmap)
        return pixmap

    async def _download(self, url: str) -> bytes:
        import httpx

        if self._downloads is None:
            self._downloads = _NewestFirstSlots(self._max_concurrent)
        await self._downloads.acquire()
        try:
            client = await self._http()
            self.stats.downloads += 1
            try:
                chunks = await self._fetch(client, url)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                # The exception text may repeat the URL with its query string.
                raise PictureError(type(exc).__name__) from exc
            finally:
                # A picture host has no business following the counter around with cookies.
                client.cookies.clear()
            return b"".join(chunks)
        finally:
            self._downloads.release()

    async def _fetch(self, client: httpx.AsyncClient, url: str) -> list[bytes]:
        """The body's chunks, following at most a few redirects that :func:`may_redirect`."""
        import httpx

        current = httpx.URL(url)
        for _ in range(_MAX_REDIRECTS + 1):
            async with client.stream("GET", current) as response:
                if response.is_redirect:
                    target = current.join(response.headers.get("location", ""))
                    if not may_redirect(httpx.URL(url), target):
                        raise PictureError(f"redirect to {safe_url(str(target))} not followed")
                    current = target
                    continue
                if response.status_code != 200:
                    raise PictureError(f"HTTP {response.status_code}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self._max_bytes:
                    raise PictureError(f"too large ({declared} bytes)")
                chunks: list[bytes] = []
                received = 0
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > self._max_bytes:
                        raise PictureError(f"too large (over {self._max_bytes} bytes)")
                    chunks.append(chunk)
                return chunks
        raise PictureError("too many redirects")

    async def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            if self._client_lock is None:
                self._client_lock = asyncio.Lock()
            async with self._client_lock:
                if self._client is None:
                    from pos_app.api import install_httpx_log_filter

                    install_httpx_log_filter()
                    # Made in a worker thread: loading the CA certificates for TLS takes
                    # 30-60 ms, a visible stutter on the UI thread.
                    self._client = await self._in_thread(self._new_client)
        return self._client

    def _new_client(self) -> httpx.AsyncClient:
        import httpx

        from pos_app.api import KEEPALIVE_EXPIRY

        return httpx.AsyncClient(
            # Deliberately bare: no auth, no API headers. The vendor clients carry tokens
            # that a picture host (any CDN named in the reward data) must never see.
            headers={"User-Agent": f"{APP_NAME}/{__version__}", "Accept": "image/*"},
            timeout=httpx.Timeout(self._timeout),
            # Redirects are followed by hand, each checked by may_redirect().
            follow_redirects=False,
            # Kept open for the minutes between customers, as the vendors' connections
            # (httpx lets an idle one go after 5 s): the next customer's pictures pay no
            # new TCP and TLS handshake.
            limits=httpx.Limits(
                max_connections=self._max_concurrent, keepalive_expiry=KEEPALIVE_EXPIRY
            ),
            transport=self._transport,
        )

    async def _in_thread(self, func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        """``asyncio.to_thread`` on the cache's own small pool.

        qasync's default executor starts ten QThreads at once on first use, a 25 ms freeze;
        this pool starts its threads one at a time, when needed.
        """
        if self._workers is None:
            self._workers = ThreadPoolExecutor(_WORKER_THREADS, thread_name_prefix="pictures")
        call = functools.partial(func, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._workers, call)

    async def _account_disk(self, added: int) -> None:
        folder = self._folder
        if folder is None:
            return
        if self._eviction is None:
            self._eviction = asyncio.Lock()
        async with self._eviction:
            if self._disk_bytes is None:
                # Counted once per run; after that the running total is kept here.
                self._disk_bytes = await self._in_thread(_disk_usage, folder)
            else:
                self._disk_bytes += added
            if self._disk_bytes > self._disk_limit:
                # Down to 80 % so the next few pictures do not each trigger a scan.
                self._disk_bytes = await self._in_thread(_evict, folder, self._disk_limit * 8 // 10)

    # -- bookkeeping ---------------------------------------------------------------------

    def _remember(self, url: str, pixmap: QPixmap) -> None:
        self._memory[url] = pixmap
        self._memory.move_to_end(url)
        while len(self._memory) > self._memory_limit:
            self._memory.popitem(last=False)
        self.stats.ready += 1
        self.pictureReady.emit(url)

    def _remember_failure(self, url: str) -> None:
        self.stats.failures += 1
        self._failed[url] = self._clock() + self._retry_after
        self._failed.move_to_end(url)
        while len(self._failed) > _MAX_REMEMBERED_FAILURES:
            self._failed.popitem(last=False)


#: Pictures arriving together are announced together, at most once a frame: one repaint
#: for a burst instead of one per picture.
PICTURE_BATCH_MS = 16


class PictureRowsModel(QAbstractListModel):
    """A list model whose rows show pictures from a :class:`PictureCache`.

    Subclasses call :meth:`_index_pictures` with each row's picture URLs whenever their
    rows change; rows are repainted when their pictures arrive. ``_changed_roles`` names the
    roles that change then (empty: all).
    """

    _changed_roles: Sequence[int] = ()

    def __init__(self, pictures: PictureCache | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pictures = pictures
        self._rows_by_url: dict[str, list[int]] = {}
        self._arrived: set[str] = set()
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.setInterval(PICTURE_BATCH_MS)
        self._announce.timeout.connect(self.on_announce_timeout)
        if pictures is not None:
            pictures.pictureReady.connect(self.on_pictures_pictureReady)

    def _index_pictures(self, urls_per_row: Iterable[Iterable[str]]) -> None:
        self._rows_by_url = {}
        for row, urls in enumerate(urls_per_row):
            for url in urls:
                rows = self._rows_by_url.setdefault(url, [])
                if not rows or rows[-1] != row:
                    rows.append(row)

    def on_pictures_pictureReady(self, url: str) -> None:
        if url in self._rows_by_url:
            self._arrived.add(url)
            if not self._announce.isActive():
                self._announce.start()

    def on_announce_timeout(self) -> None:
        rows = [row for url in self._arrived for row in self._rows_by_url.get(url, ())]
        self._arrived.clear()
        rows = [row for row in rows if row < self.rowCount()]
        if rows:
            # One signal spanning the rows: the view repaints what is visible of that span.
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), 0), list(self._changed_roles)
            )
