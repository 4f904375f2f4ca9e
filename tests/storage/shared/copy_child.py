"""A counter's copier in a process of its own, for the test that kills it mid-sync.

Run as ``python -m tests.storage.shared.copy_child JOURNAL MARK URL --batch N --hang-at K``
from the project root, with the login's password in ``POS_APP_SHARED_JOURNAL_PASSWORD``.
It copies in batches of N rows; once the batch ending with row K is stored in the shared
journal, it prints ``stored K`` and waits, before noting locally how far it got, to be
killed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path

from pos_app.storage import AsyncJournal
from pos_app.storage.shared.connection import SharedJournalTarget
from pos_app.storage.shared.copier import CopyMark, JournalCopier


class _HangBeforeNoting(CopyMark):
    def __init__(self, path: Path, hang_at: int) -> None:
        super().__init__(path)
        self._hang_at = hang_at

    def save(self, chain_id: str, copied_through: int) -> None:
        if copied_through >= self._hang_at:
            print(f"stored {copied_through}", flush=True)
            time.sleep(3600)  # the rows are committed; the note is not written: kill me
        super().save(chain_id, copied_through)


async def _main(args: argparse.Namespace) -> None:
    target = SharedJournalTarget(
        url=args.url, password=os.environ["POS_APP_SHARED_JOURNAL_PASSWORD"]
    )
    reader = await AsyncJournal.open_read_only(args.journal)
    copier = JournalCopier(
        reader,
        target.connect,
        mark=_HangBeforeNoting(args.mark, args.hang_at),
        batch_size=args.batch,
    )
    await copier.copy_pending()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("journal", type=Path)
    parser.add_argument("mark", type=Path)
    parser.add_argument("url")
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--hang-at", type=int, required=True)
    asyncio.run(_main(parser.parse_args()))


if __name__ == "__main__":
    main()
