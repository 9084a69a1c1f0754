"""Start-up helpers for loading large read-only data (the names base, spaCy, word lists, dictionaries).

Loading builds hundreds of thousands of small objects at once, and Python's cyclic garbage collector
runs again and again over them while they are being made (a pickle of the names base loads in 0.5 s
with collection paused, 1.5 s without). :func:`gc_paused` suspends collection for the duration of
such a load; nothing cyclic worth collecting is created there. :func:`load_cached` and
:func:`save_cached` keep such data compiled on disk (atomically written pickles under
:func:`cache_root`); :func:`save_cached_folder` does the same for a folder of memory-mapped arrays.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Suspend the cyclic garbage collector inside the block (re-entrant; restores the previous state)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
        _depth += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def cache_root() -> Path:
    """Where mtreview keeps compiled data between runs: ``$MTREVIEW_CACHE`` or ``~/.cache/mtreview``."""
    return Path(os.environ.get("MTREVIEW_CACHE") or Path.home() / ".cache" / "mtreview")


def load_cached(path: Path, kind: type[T]) -> T | None:
    """The object pickled at ``path`` if it is a ``kind`` (loaded with collection paused), else None:
    a missing, broken or foreign cache file is simply rebuilt by the caller."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as f, gc_paused():
            obj = pickle.load(f)
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt
        return None
    return obj if isinstance(obj, kind) else None


def save_cached(path: Path, obj: object, stale: str) -> None:
    """Pickle ``obj`` to ``path`` atomically and remove older caches matching the glob ``stale``
    beside it (caches of older data or code). A cache that cannot be written is silently skipped."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in path.parent.glob(stale):
                if old != path:
                    old.unlink(missing_ok=True)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def save_cached_folder(folder: Path, write: Callable[[Path], None]) -> None:
    """Create the cache folder ``folder`` atomically: ``write`` fills a temporary folder beside it, which is
    then renamed to ``folder``. When the rename fails because another process got there first, that
    folder stands; any other failure to write raises :class:`OSError` (the temporary folder removed)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=folder.name + ".tmp"))
    try:
        write(tmp)
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not folder.exists():
            raise
