"""Keeping customers' emails and query strings out of log lines and error texts.

The API paths may carry an email (a Nudj user id) and the query strings carry emails and
card values; httpx logs every URL at INFO. What leaves the API layer as text goes through
here.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

import httpx

__all__ = ["install_httpx_log_filter", "mask_emails", "mask_path"]

_EMAIL_MASK = "[email]"
# Anything shaped like an address; deliberately loose (a false positive only hides text).
_WORD = r"[^\s@/\\\"'<>()\[\],;:]+"
_EMAIL_IN_TEXT = re.compile(rf"{_WORD}@{_WORD}\.{_WORD}")


class _StripQueryFromHttpxLogs(logging.Filter):
    """Cut the query string off the URLs in httpx's own "HTTP Request: ..." records.

    WORKAROUND: httpx logs every request at INFO with its full URL, and our query strings
    carry customer emails and card values (Piggy has no POST search), a Nudj user path may
    carry an email, and a signed picture URL its signature (query) or credentials (user
    info). An app that logs at INFO would write them to disk. The filter keeps the line:
    scheme, host and path, with email-shaped path segments masked.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(
            isinstance(arg, httpx.URL) for arg in record.args
        ):
            record.args = tuple(
                _safe_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def _safe_url(url: httpx.URL) -> str:
    path = url.raw_path.split(b"?", 1)[0].decode("ascii", errors="replace")
    return f"{url.scheme}://{url.netloc.decode('ascii', errors='replace')}{mask_path(path)}"


def install_httpx_log_filter() -> None:
    """Filter httpx's request lines (for the API clients and the picture downloads alike)."""
    httpx_logger = logging.getLogger("httpx")
    if not any(isinstance(f, _StripQueryFromHttpxLogs) for f in httpx_logger.filters):
        httpx_logger.addFilter(_StripQueryFromHttpxLogs())


def mask_path(path: str) -> str:
    """``path`` with every segment that holds an email address masked.

    The Nudj user id may be the customer's email (setting ``nudj_user_id_source``), and a
    path ends up in log lines and in every error's text.
    """
    return "/".join(
        _EMAIL_MASK if "@" in unquote(segment) else segment for segment in path.split("/")
    )


def mask_emails(text: str) -> str:
    """``text`` with every email-shaped word masked (vendor messages may echo the id)."""
    return _EMAIL_IN_TEXT.sub(_EMAIL_MASK, text)
