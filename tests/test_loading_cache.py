"""The compiled-data caches of :mod:`mtreview.loading`: a pickle or a folder appears whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.loading import load_cached, save_cached, save_cached_folder


def test_pickle_round_trip_removes_stale_caches(tmp_path: Path) -> None:
    old = tmp_path / "table-old.pickle"
    old.write_bytes(b"stale")
    new = tmp_path / "table-new.pickle"
    save_cached(new, {"a": 1}, "table-*.pickle")
    assert load_cached(new, dict) == {"a": 1}
    assert not old.exists()


def test_folder_written_whole(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "index-1"
    save_cached_folder(folder, lambda d: (d / "a.txt").write_text("one", encoding="utf-8"))
    assert (folder / "a.txt").read_text(encoding="utf-8") == "one"
    assert [p.name for p in folder.parent.iterdir()] == ["index-1"]  # no temporary folder left


def test_folder_built_elsewhere_first_stands(tmp_path: Path) -> None:
    folder = tmp_path / "index-1"
    save_cached_folder(folder, lambda d: (d / "a.txt").write_text("first", encoding="utf-8"))
    # a second builder finds the name taken: its copy is dropped, the first one stays
    save_cached_folder(folder, lambda d: (d / "a.txt").write_text("second", encoding="utf-8"))
    assert (folder / "a.txt").read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["index-1"]


def test_folder_write_failure_raises_and_cleans(tmp_path: Path) -> None:
    def fail(d: Path) -> None:
        (d / "part").write_text("x", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError):
        save_cached_folder(tmp_path / "index-1", fail)
    assert list(tmp_path.iterdir()) == []
