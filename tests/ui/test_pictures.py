"""The picture cache: HTTP against the simulator, disk and memory caching, failures, safety."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from pos_app.sandbox import Simulator
from pos_app.sandbox import demo_data as demo
from pos_app.ui.pictures import PictureCache, RoundedPictures, cache_file_name, safe_url
from tests.helpers import wait_until
from tests.helpers.ui import png

pytestmark = pytest.mark.asyncio


class CountingTransport(httpx.AsyncBaseTransport):
    """Real HTTP, with a record of every request that went out."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


class RecordingTransport(httpx.AsyncBaseTransport):
    """A fake picture host: answers with ``handler`` and keeps every request."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self._handler(request)


def serve_png(body: bytes | None = None) -> Handler:
    content = body if body is not None else png()

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"content-type": "image/png"})

    return handler


@asynccontextmanager
async def open_cache(folder: Path | None, **options: Any) -> AsyncIterator[PictureCache]:
    options.setdefault("device_pixel_ratio", 1.0)
    cache = PictureCache(folder, **options)
    try:
        yield cache
    finally:
        await cache.aclose()


async def ready_signal(cache: PictureCache, url: str) -> None:
    """Wait for ``pictureReady(url)`` (no qtbot.wait* inside a coroutine)."""
    arrived: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_ready(ready_url: str) -> None:
        if ready_url == url and not arrived.done():
            arrived.set_result(None)

    cache.pictureReady.connect(on_ready)
    try:
        await asyncio.wait_for(arrived, 5.0)
    finally:
        cache.pictureReady.disconnect(on_ready)


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def bytes_in(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


def same_bytes(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def picture_url(simulator: Simulator, name: str = "coffee") -> str:
    return f"{simulator.url}/media/rewards/{name}.png"


# --- loading against the simulator -----------------------------------------------------------


async def test_first_load_downloads_then_signals_ready(
    simulator: Simulator, tmp_path: Path
) -> None:
    transport = CountingTransport()
    url = picture_url(simulator)
    async with open_cache(tmp_path, transport=transport) as cache:
        waiting = asyncio.ensure_future(ready_signal(cache, url))
        await asyncio.sleep(0)
        assert cache.pixmap(url) is None
        assert cache.is_loading(url)
        await waiting
        pixmap = cache.pixmap(url)
        assert pixmap is not None
        assert pixmap.size() == QSize(64, 64)
        assert [str(r.url) for r in transport.requests] == [url]
        assert cache.stats.downloads == 1
        stored = tmp_path / cache_file_name(url)
        assert same_bytes(stored, simulator.resources_dir / "rewards/coffee.png")
        # No half-written leftovers next to it.
        assert files_in(tmp_path) == [stored.name]


async def test_the_next_customers_pictures_come_over_the_connection_kept_open(
    simulator: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Minutes pass between two customers; their pictures pay no new TCP and TLS handshake.
    import time
    from types import SimpleNamespace

    import httpcore._async.http11 as http11

    first, second = picture_url(simulator, "coffee"), picture_url(simulator, "socks")
    async with open_cache(tmp_path) as cache:
        waiting = asyncio.ensure_future(ready_signal(cache, first))
        assert cache.pixmap(first) is None
        await waiting
        opened = simulator.connections_opened
        later = SimpleNamespace(monotonic=lambda: time.monotonic() + 3 * 60)
        monkeypatch.setattr(http11, "time", later)
        waiting = asyncio.ensure_future(ready_signal(cache, second))
        assert cache.pixmap(second) is None
        await waiting
        assert simulator.connections_opened == opened


async def test_a_second_cache_on_the_same_folder_makes_no_request(
    simulator: Simulator, tmp_path: Path
) -> None:
    url = picture_url(simulator, "tote")
    async with open_cache(tmp_path) as first:
        assert await first.load(url) is not None

    transport = CountingTransport()
    async with open_cache(tmp_path, transport=transport) as second:
        waiting = asyncio.ensure_future(ready_signal(second, url))
        await asyncio.sleep(0)
        assert second.pixmap(url) is None
        await waiting
        assert second.pixmap(url) is not None
        assert transport.requests == []
        assert second.stats.disk_hits == 1
        assert second.stats.downloads == 0


async def test_thumbnails_are_scaled_and_cropped_to_fill(tmp_path: Path) -> None:
    # A wide picture: green in the middle, red bands at the sides. Cropped to fill the
    # square, the red goes; fitted into it, red would show at both edges.
    image = QImage(300, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff0000"))
    painter = QPainter(image)
    painter.fillRect(100, 0, 100, 100, QColor("#00ff00"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(b"png")).write(image)
    transport = RecordingTransport(serve_png(bytes(buffer.data().data())))
    async with open_cache(
        None, transport=transport, thumbnail_size=QSize(48, 48), device_pixel_ratio=2.0
    ) as cache:
        pixmap = await cache.load("https://cdn.example/wide.png")
        assert pixmap is not None
        assert pixmap.size() == QSize(96, 96)
        assert pixmap.devicePixelRatio() == 2.0
        thumb = pixmap.toImage()
        for x in (1, 48, 94):
            assert thumb.pixelColor(x, 48) == QColor("#00ff00"), x


@pytest.mark.parametrize("fmt", [b"jpeg", b"png"])
async def test_a_large_photo_becomes_the_same_cropped_thumbnail(fmt: bytes) -> None:
    # Decoded at about the size shown, not at its own: still cropped to fill, the bands
    # at the sides gone, the middle's colour kept.
    image = QImage(3000, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    painter = QPainter(image)
    painter.fillRect(1000, 0, 1000, 1000, QColor("#00ff00"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(fmt)).write(image)
    transport = RecordingTransport(serve_png(bytes(buffer.data().data())))
    async with open_cache(None, transport=transport, device_pixel_ratio=1.0) as cache:
        pixmap = await cache.load("https://cdn.example/photo")
    assert pixmap is not None
    assert pixmap.size() == QSize(64, 64)
    thumb = pixmap.toImage()
    for x in (2, 32, 61):
        colour = thumb.pixelColor(x, 32)
        assert colour.green() > 230, (x, colour.name())
        assert colour.red() < 25, (x, colour.name())


async def test_a_missing_picture_is_not_retried_at_once(
    simulator: Simulator, tmp_path: Path
) -> None:
    transport = CountingTransport()
    url = picture_url(simulator, "no-such-picture")
    clock = [1000.0]
    async with open_cache(
        tmp_path, transport=transport, retry_after=60.0, clock=lambda: clock[0]
    ) as cache:
        assert await cache.load(url) is None
        assert cache.has_failed(url)
        assert cache.stats.failures == 1
        for _ in range(5):
            assert cache.pixmap(url) is None
            # A paint that started a download would show it as loading at once.
            assert not cache.is_loading(url)
        assert len(transport.requests) == 1
        assert files_in(tmp_path) == []
        # After the pause it is tried again.
        clock[0] += 61.0
        assert cache.pixmap(url) is None
        assert cache.is_loading(url)
        assert await cache.load(url) is None
        assert len(transport.requests) == 2


async def test_garbage_from_the_server_is_a_failure_and_not_cached(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.set_fault("media", "malformed@1")
    url = picture_url(simulator, "mug")
    async with open_cache(tmp_path) as cache:
        assert await cache.load(url) is None
        assert cache.has_failed(url)
        assert files_in(tmp_path) == []


async def test_concurrent_requests_for_one_url_download_once(
    simulator: Simulator, tmp_path: Path
) -> None:
    simulator.set_fault("media", "hold@1")
    transport = CountingTransport()
    url = picture_url(simulator, "scarf")
    async with open_cache(tmp_path, transport=transport) as cache:
        assert cache.pixmap(url) is None
        loads = asyncio.gather(*(cache.load(url) for _ in range(5)))
        # All five ask while the first download is held on the server.
        await wait_until(lambda: simulator.held("media") == 1)
        simulator.release("media")
        results = await loads
        assert cache.pixmap(url) is not None
        assert all(result is not None for result in results)
        assert len(transport.requests) == 1
        assert cache.stats.downloads == 1


async def test_downloads_run_at_most_n_at_a_time() -> None:
    running = 0
    peak = 0

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.05)
        running -= 1
        return httpx.Response(200, content=png())

    transport = RecordingTransport(slow)
    async with open_cache(None, transport=transport, max_concurrent=3) as cache:
        urls = [f"https://cdn.example/{i}.png" for i in range(10)]
        results = await asyncio.gather(*(cache.load(url) for url in urls))
        assert all(result is not None for result in results)
        assert peak == 3
        assert len(transport.requests) == 10


async def test_the_newest_requests_download_first() -> None:
    # Scrolling: the rows asked for last are on screen; they must not queue behind the rest.
    gate = asyncio.Event()

    async def held(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/first.png":
            await gate.wait()
        return httpx.Response(200, content=png())

    transport = RecordingTransport(held)
    async with open_cache(None, transport=transport, max_concurrent=1) as cache:
        names = ["first", "b", "c", "d"]
        loads = []
        for name in names:
            url = f"https://cdn.example/{name}.png"
            loads.append(asyncio.ensure_future(cache.load(url)))
            await wait_until(functools.partial(cache.is_loading, url))  # asked for, in order
        gate.set()
        assert all(result is not None for result in await asyncio.gather(*loads))
    assert [r.url.path for r in transport.requests] == ["/first.png", "/d.png", "/c.png", "/b.png"]


async def test_cancelled_loads_give_their_download_slot_back() -> None:
    gate = asyncio.Event()

    async def held(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/after.png":
            await gate.wait()
        return httpx.Response(200, content=png())

    transport = RecordingTransport(held)
    async with open_cache(None, transport=transport, max_concurrent=1) as cache:
        running = asyncio.ensure_future(cache.load("https://cdn.example/running.png"))
        queued = asyncio.ensure_future(cache.load("https://cdn.example/queued.png"))
        # The first holds the one download slot; the second waits for it.
        await wait_until(lambda: len(transport.requests) == 1)
        await wait_until(lambda: cache.is_loading("https://cdn.example/queued.png"))
        cache.clear_memory()
        assert await running is None
        assert await queued is None
        after = await asyncio.wait_for(cache.load("https://cdn.example/after.png"), 2)
        assert after is not None


async def test_aclose_cancels_loads_in_flight(simulator: Simulator, tmp_path: Path) -> None:
    simulator.set_fault("media", "hold")
    url = picture_url(simulator, "umbrella")
    cache = PictureCache(tmp_path, device_pixel_ratio=1.0)
    waiter = asyncio.ensure_future(cache.load(url))
    await wait_until(lambda: simulator.held("media") == 1)  # on the server, never answered
    assert cache.is_loading(url)
    started = asyncio.get_running_loop().time()
    await cache.aclose()
    assert asyncio.get_running_loop().time() - started < 2.0
    assert not cache.is_loading(url)
    # The caller is told "no picture", not hit by a CancelledError it did not ask for.
    assert await waiter is None
    assert not cache.has_failed(url)
    # Closed for good: nothing starts any more.
    assert cache.pixmap(url) is None
    assert not cache.is_loading(url)
    assert files_in(tmp_path) == []


async def test_clear_memory_forgets_pictures_and_stops_loads(tmp_path: Path) -> None:
    gate = asyncio.Event()

    async def held(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow.png":
            await gate.wait()
        return httpx.Response(200, content=png())

    transport = RecordingTransport(held)
    async with open_cache(tmp_path, transport=transport) as cache:
        assert await cache.load("https://cdn.example/fast.png") is not None
        slow_url = "https://cdn.example/slow.png"
        slow = asyncio.ensure_future(cache.load(slow_url))
        await wait_until(lambda: transport.requests[-1].url == slow_url)
        cache.clear_memory()
        assert not cache.is_loading(slow_url)
        # The next paint asks again: a fresh load, not the cancelled one.
        assert cache.pixmap(slow_url) is None
        assert cache.is_loading(slow_url)
        assert await slow is None
        assert cache.pixmap("https://cdn.example/fast.png") is None
        # Still on disk: it comes back without the network.
        assert await cache.load("https://cdn.example/fast.png") is not None
        assert cache.stats.disk_hits == 1
        gate.set()
        assert await cache.load(slow_url) is not None


# --- limits ----------------------------------------------------------------------------------


async def test_memory_keeps_only_the_most_recent_pictures() -> None:
    transport = RecordingTransport(serve_png())
    async with open_cache(None, transport=transport, memory_limit=2) as cache:
        for name in ("a", "b", "c"):
            assert await cache.load(f"https://cdn.example/{name}.png") is not None
        assert cache.pixmap("https://cdn.example/c.png") is not None
        assert cache.pixmap("https://cdn.example/b.png") is not None
        assert cache.pixmap("https://cdn.example/a.png") is None


async def test_disk_cache_stays_under_its_limit_dropping_the_oldest(tmp_path: Path) -> None:
    body = png(width=200, height=200)
    transport = RecordingTransport(serve_png(body))
    urls = [f"https://cdn.example/{i}.png" for i in range(6)]
    async with open_cache(tmp_path, transport=transport, disk_limit=3 * len(body)) as cache:
        for i, url in enumerate(urls):
            assert await cache.load(url) is not None
            # Distinct ages, oldest first, whatever the file system's clock resolution.
            stamp = 1_700_000_000 + i
            os.utime(tmp_path / cache_file_name(url), (stamp, stamp))
        assert bytes_in(tmp_path) <= 3 * len(body)
        assert cache_file_name(urls[-1]) in files_in(tmp_path)
        assert cache_file_name(urls[0]) not in files_in(tmp_path)


async def test_oversized_pictures_are_refused(tmp_path: Path) -> None:
    async def declared_huge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=png(), headers={"content-length": str(6 * 1024 * 1024)})

    async def streamed_huge(request: httpx.Request) -> httpx.Response:
        async def body() -> AsyncIterator[bytes]:
            for _ in range(20):
                yield b"\0" * 1024

        return httpx.Response(200, content=body())

    for handler in (declared_huge, streamed_huge):
        async with open_cache(
            tmp_path, transport=RecordingTransport(handler), max_bytes=10 * 1024
        ) as cache:
            assert await cache.load("https://cdn.example/huge.png") is None
            assert cache.has_failed("https://cdn.example/huge.png")
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://cdn.example/a.png", "data:image/png;base64,AAAA", "x"]
)
async def test_only_http_and_https_are_fetched(url: str) -> None:
    transport = RecordingTransport(serve_png())
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load(url) is None
        assert cache.has_failed(url)
        assert transport.requests == []


async def test_no_url_means_no_picture() -> None:
    async with open_cache(None) as cache:
        assert cache.pixmap(None) is None
        assert cache.pixmap("") is None
        assert not cache.placeholder().isNull()
        assert cache.placeholder(QSize(32, 32)).size() == QSize(32, 32)


# --- safety ----------------------------------------------------------------------------------


async def test_picture_hosts_never_see_api_credentials() -> None:
    async def redirecting(request: httpx.Request) -> httpx.Response:
        if request.url.host == "cdn.example":
            return httpx.Response(302, headers={"location": "https://images.other.example/p.png"})
        return httpx.Response(200, content=png())

    transport = RecordingTransport(redirecting)
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load("https://cdn.example/p.png") is not None
    # The redirect was followed, and neither host saw anything like a token.
    assert [r.url.host for r in transport.requests] == ["cdn.example", "images.other.example"]
    secrets = {demo.DEMO_PIGGY_TOKEN, demo.DEMO_GIFTOIN_KEY, demo.DEMO_NUDJ_TOKEN}
    allowed = {"host", "accept", "accept-encoding", "connection", "user-agent"}
    for request in transport.requests:
        assert set(request.headers.keys()) <= allowed, request.headers
        assert not any(secret in value for value in request.headers.values() for secret in secrets)


async def test_redirect_loops_end_in_a_failure() -> None:
    async def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": str(request.url)})

    transport = RecordingTransport(loop)
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load("https://cdn.example/loop.png") is None
    assert len(transport.requests) <= 4


async def test_logs_keep_signed_query_strings_out(caplog: pytest.LogCaptureFixture) -> None:
    async def missing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    caplog.set_level(logging.DEBUG)
    url = "https://user:pw@cdn.example/p.png?signature=SECRET-SIG&expires=1"
    async with open_cache(None, transport=RecordingTransport(missing)) as cache:
        assert await cache.load(url) is None
    assert "cdn.example/p.png" in caplog.text
    assert "SECRET-SIG" not in caplog.text
    assert "pw@" not in caplog.text
    assert safe_url(url) == "https://cdn.example/p.png"


def redirect_to(target: str) -> Handler:
    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/start.png":
            return httpx.Response(302, headers={"location": target})
        return httpx.Response(200, content=png(), headers={"content-type": "image/png"})

    return handler


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:8080/admin.png",
        "https://127.0.0.1/p.png",
        "https://localhost/p.png",
        "https://[::1]/p.png",
        "https://10.0.0.5/p.png",
        "https://192.168.1.1/p.png",
        "https://169.254.169.254/latest/meta-data.png",
        "http://images.other.example/p.png",
        "http://cdn.example/p.png",
    ],
    ids=[
        "loopback-http",
        "loopback-https",
        "localhost",
        "loopback-v6",
        "private-10",
        "private-192",
        "link-local",
        "other-host-plain-http",
        "same-host-downgrade",
    ],
)
async def test_redirects_to_internal_or_plain_http_hosts_are_not_followed(target: str) -> None:
    # A picture URL comes from reward data anyone with a dashboard can edit: its redirect
    # must not make the counter PC fetch from itself or from the shop's own network.
    transport = RecordingTransport(redirect_to(target))
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load("https://cdn.example/start.png") is None
        assert cache.has_failed("https://cdn.example/start.png")
    assert [str(r.url) for r in transport.requests] == ["https://cdn.example/start.png"]


async def test_a_redirect_on_the_same_loopback_host_is_followed() -> None:
    # The demo simulator serves its pictures from 127.0.0.1: same host, so still fine.
    transport = RecordingTransport(redirect_to("/media/coffee.png"))
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load("http://127.0.0.1:8765/start.png") is not None
    assert [str(r.url) for r in transport.requests] == [
        "http://127.0.0.1:8765/start.png",
        "http://127.0.0.1:8765/media/coffee.png",
    ]


async def test_a_redirect_to_another_https_host_is_followed() -> None:
    transport = RecordingTransport(redirect_to("https://images.other.example/p.png"))
    async with open_cache(None, transport=transport) as cache:
        assert await cache.load("https://cdn.example/start.png") is not None
    assert [r.url.host for r in transport.requests] == ["cdn.example", "images.other.example"]


async def test_a_rounded_picture_is_cut_once_and_drawn_with_its_corners_open(
    qapp: QApplication,
) -> None:
    picture = QPixmap(64, 64)
    picture.fill(QColor("#ff0000"))
    rounded = RoundedPictures()
    made = rounded.rounded(picture, QSize(64, 64), 8.0)
    assert made.toImage().pixelColor(32, 32) == QColor("#ff0000")
    assert made.toImage().pixelColor(0, 0).alpha() == 0
    # The same picture at the same size comes back as the same copy, made once.
    assert rounded.rounded(picture, QSize(64, 64), 8.0).cacheKey() == made.cacheKey()
    assert rounded.rounded(picture, QSize(64, 64), 10.0).cacheKey() != made.cacheKey()
    canvas = QImage(80, 80, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor("#ffffff"))
    painter = QPainter(canvas)
    rounded.draw(painter, QRect(8, 8, 64, 64), picture, 8.0)
    painter.end()
    assert canvas.pixelColor(8, 8) == QColor("#ffffff")  # the corner stays the background
    assert canvas.pixelColor(40, 40) == QColor("#ff0000")
    assert canvas.pixelColor(40, 8) == QColor("#ff0000")  # the edges between the corners
