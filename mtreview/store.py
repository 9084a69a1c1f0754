"""Persistent review state in SQLite: reviews, the reviewer's decisions, and the user's glossary.

What it is for: the review UI keeps everything a translator does here, so a review survives a restart
of the app and can be reopened later; accepted name corrections go to a user glossary that the next
review reads (exported as a CSV file with the header ``fr,en,ru,aliases,type`` for
:func:`mtreview.knowledge.glossary.load_glossaries`).

What it must not do: detect, correct or render anything. It stores flags exactly as the engine made
them and decisions exactly as the reviewer took them; the UI derives the corrected text from both.

The database is a real file (``--db``, ``$MTREVIEW_DB`` or ``~/.local/share/mtreview/reviews.sqlite3``),
opened per operation (safe across the web server's threads), in WAL mode, with a schema version in
``PRAGMA user_version``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .flags import Flag

SCHEMA_VERSION = 1

#: decision statuses; a flag without a decision is "pending"
STATUSES = ("accepted", "rejected", "edited")
PENDING = "pending"

#: entity types the names knowledge base knows (see mtreview.knowledge.names.TYPES)
GLOSSARY_TYPES = ("person", "organisation", "brand", "place")
GLOSSARY_COLUMNS = ("fr", "en", "ru", "aliases", "type")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    created     REAL NOT NULL,
    updated     REAL NOT NULL,
    input_name  TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    source      TEXT,
    units       TEXT NOT NULL DEFAULT '[]',
    flags       TEXT NOT NULL,
    words       INTEGER NOT NULL DEFAULT 0,
    detectors   TEXT NOT NULL DEFAULT '[]',
    settings    TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS decisions (
    review_id   TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    flag_id     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'edited')),
    replacement TEXT,
    decided_at  REAL NOT NULL,
    PRIMARY KEY (review_id, flag_id)
);
CREATE TABLE IF NOT EXISTS glossary (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    fr          TEXT NOT NULL,
    en          TEXT NOT NULL DEFAULT '',
    ru          TEXT NOT NULL DEFAULT '',
    aliases     TEXT NOT NULL DEFAULT '',
    type        TEXT NOT NULL DEFAULT 'person',
    origin      TEXT NOT NULL DEFAULT '',
    added       REAL NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS glossary_fr ON glossary (fr COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS reviews_updated ON reviews (updated DESC);
"""


def default_db_path() -> Path:
    """``$MTREVIEW_DB`` if set, else ``~/.local/share/mtreview/reviews.sqlite3``."""
    env = os.environ.get("MTREVIEW_DB")
    if env:
        return Path(env).expanduser()
    return Path("~/.local/share/mtreview/reviews.sqlite3").expanduser()


@dataclass
class Decision:
    """What the reviewer did with one flag: accepted (a suggestion), edited (own text) or rejected."""

    flag_id: str
    status: str
    replacement: str | None = None
    decided_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"flag_id": self.flag_id, "status": self.status, "replacement": self.replacement,
                "decided_at": self.decided_at}


@dataclass
class StoredReview:
    """A review as saved: the text, the engine's flags, and the settings the reviewer chose."""

    id: str
    title: str
    created: float
    updated: float
    input_name: str
    text: str
    source: str | None
    units: list[str]
    flags: list[Flag]
    words: int
    detectors: list[str]
    settings: dict[str, Any] = field(default_factory=dict)

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)


@dataclass
class ReviewSummary:
    """One line of the list of saved reviews."""

    id: str
    title: str
    created: float
    updated: float
    flags: int
    decided: int


@dataclass
class GlossaryEntry:
    """A name in the user's glossary (``aliases``: other correct forms)."""

    id: int
    fr: str
    en: str = ""
    ru: str = ""
    aliases: list[str] = field(default_factory=list)
    type: str = "person"
    origin: str = ""
    added: float = 0.0


def _clean(s: Any, limit: int = 300) -> str:
    """One line of user text for a glossary cell: no control characters, no separators that break CSV."""
    out = "".join(ch if ch.isprintable() else " " for ch in str(s or ""))
    return " ".join(out.split())[:limit]


class ReviewStore:
    """Reviews, decisions and the user glossary in one SQLite file."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path).expanduser() if path else default_db_path()
        if self.path.exists() and self.path.is_dir():
            raise ValueError(f"{self.path}: is a folder, not a database file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ValueError(f"{self.path}: written by a newer mtreview (schema {version}); "
                                 "upgrade mtreview or use another --db")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=15.0)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        try:
            with db:  # one transaction: commit on success, roll back on error
                yield db
        finally:
            db.close()

    # ------------------------------------------------------------------------------------ reviews

    def create_review(self, *, title: str, text: str, flags: Iterable[Flag], source: str | None = None,
                      input_name: str = "", units: Iterable[str] = (), words: int = 0,
                      detectors: Iterable[str] = (), settings: Mapping[str, Any] | None = None) -> str:
        """Save a new review and return its id."""
        review_id = uuid.uuid4().hex[:12]
        now = time.time()
        with self._connect() as db:
            db.execute(
                "INSERT INTO reviews (id, title, created, updated, input_name, text, source, units, flags,"
                " words, detectors, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (review_id, _clean(title, 200) or "untitled", now, now, input_name, text, source,
                 json.dumps(list(units)), json.dumps([f.to_dict() for f in flags], ensure_ascii=False),
                 int(words), json.dumps(list(detectors)), json.dumps(dict(settings or {}))))
        return review_id

    def get_review(self, review_id: str) -> StoredReview:
        """The saved review; raises ``KeyError`` when there is none with that id."""
        with self._connect() as db:
            row = db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if row is None:
            raise KeyError(review_id)
        return StoredReview(
            id=row["id"], title=row["title"], created=row["created"], updated=row["updated"],
            input_name=row["input_name"], text=row["text"], source=row["source"],
            units=json.loads(row["units"]), flags=[Flag.from_dict(d) for d in json.loads(row["flags"])],
            words=row["words"], detectors=json.loads(row["detectors"]), settings=json.loads(row["settings"]))

    def list_reviews(self, limit: int = 200) -> list[ReviewSummary]:
        """Saved reviews, most recently changed first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT r.id, r.title, r.created, r.updated, json_array_length(r.flags) AS n,"
                " (SELECT COUNT(*) FROM decisions d WHERE d.review_id = r.id) AS decided"
                " FROM reviews r ORDER BY r.updated DESC LIMIT ?", (limit,)).fetchall()
        return [ReviewSummary(r["id"], r["title"], r["created"], r["updated"], r["n"], r["decided"]) for r in rows]

    def update_settings(self, review_id: str, settings: Mapping[str, Any]) -> None:
        with self._connect() as db:
            db.execute("UPDATE reviews SET settings = ?, updated = ? WHERE id = ?",
                       (json.dumps(dict(settings)), time.time(), review_id))

    def delete_review(self, review_id: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))

    # ---------------------------------------------------------------------------------- decisions

    def set_decision(self, review_id: str, flag_id: str, status: str, replacement: str | None = None) -> None:
        """Record (or replace) the decision on one flag."""
        self.set_decisions(review_id, [(flag_id, status, replacement)])

    def set_decisions(self, review_id: str, items: Iterable[tuple[str, str, str | None]]) -> int:
        """Record several decisions in one transaction; returns how many were written."""
        now = time.time()
        rows = []
        for flag_id, status, replacement in items:
            if status not in STATUSES:
                raise ValueError(f"unknown decision {status!r}; expected one of {', '.join(STATUSES)}")
            if status in ("accepted", "edited") and replacement is None:
                raise ValueError(f"a decision {status!r} needs the replacement text")
            rows.append((review_id, flag_id, status, None if status == "rejected" else replacement, now))
        if not rows:
            return 0
        with self._connect() as db:
            if db.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone() is None:
                raise KeyError(review_id)
            db.executemany(
                "INSERT INTO decisions (review_id, flag_id, status, replacement, decided_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (review_id, flag_id) DO UPDATE SET status = excluded.status,"
                " replacement = excluded.replacement, decided_at = excluded.decided_at", rows)
            db.execute("UPDATE reviews SET updated = ? WHERE id = ?", (now, review_id))
        return len(rows)

    def clear_decision(self, review_id: str, flag_id: str) -> None:
        """Forget the decision on one flag (it is pending again)."""
        with self._connect() as db:
            db.execute("DELETE FROM decisions WHERE review_id = ? AND flag_id = ?", (review_id, flag_id))
            db.execute("UPDATE reviews SET updated = ? WHERE id = ?", (time.time(), review_id))

    def decisions(self, review_id: str) -> dict[str, Decision]:
        """Decisions of a review by flag id."""
        with self._connect() as db:
            rows = db.execute("SELECT flag_id, status, replacement, decided_at FROM decisions"
                              " WHERE review_id = ?", (review_id,)).fetchall()
        return {r["flag_id"]: Decision(r["flag_id"], r["status"], r["replacement"], r["decided_at"]) for r in rows}

    # ----------------------------------------------------------------------------------- glossary

    def add_glossary_entry(self, fr: str, en: str = "", ru: str = "", aliases: Iterable[str] = (),
                           type: str = "person", origin: str = "") -> tuple[int, bool]:
        """Add a name (or complete the entry with the same French form); returns ``(id, created)``.

        An existing entry keeps its values; empty ``en``/``ru`` are filled and new aliases appended.
        """
        fr = _clean(fr)
        if not fr:
            raise ValueError("a glossary entry needs its French form (fr)")
        if type not in GLOSSARY_TYPES:
            raise ValueError(f"unknown type {type!r}; expected one of {', '.join(GLOSSARY_TYPES)}")
        en, ru = _clean(en), _clean(ru)
        new_aliases = [a for a in (_clean(a).replace("|", " ").strip() for a in aliases) if a and a != fr]
        with self._connect() as db:
            row = db.execute("SELECT * FROM glossary WHERE fr = ? COLLATE NOCASE", (fr,)).fetchone()
            if row is None:
                cur = db.execute(
                    "INSERT INTO glossary (fr, en, ru, aliases, type, origin, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (fr, en, ru, "|".join(dict.fromkeys(new_aliases)), type, _clean(origin), time.time()))
                return int(cur.lastrowid or 0), True
            old_aliases = [a for a in row["aliases"].split("|") if a]
            merged = "|".join(dict.fromkeys(old_aliases + new_aliases))
            db.execute("UPDATE glossary SET en = ?, ru = ?, aliases = ? WHERE id = ?",
                       (row["en"] or en, row["ru"] or ru, merged, row["id"]))
            return int(row["id"]), False

    def remove_glossary_entry(self, entry_id: int) -> bool:
        """Remove one entry; False when there was none with that id."""
        with self._connect() as db:
            cur = db.execute("DELETE FROM glossary WHERE id = ?", (int(entry_id),))
            return cur.rowcount > 0

    def glossary_entries(self) -> list[GlossaryEntry]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM glossary ORDER BY fr COLLATE NOCASE").fetchall()
        return [GlossaryEntry(r["id"], r["fr"], r["en"], r["ru"], [a for a in r["aliases"].split("|") if a],
                              r["type"], r["origin"], r["added"]) for r in rows]

    def glossary_csv(self) -> str:
        """The glossary as CSV text with the header ``fr,en,ru,aliases,type`` (aliases ``|``-separated)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(GLOSSARY_COLUMNS)
        for e in self.glossary_entries():
            w.writerow([e.fr, e.en, e.ru, "|".join(e.aliases), e.type])
        return buf.getvalue()

    def export_glossary_csv(self, path: str | os.PathLike[str]) -> Path:
        """Write the glossary CSV atomically to ``path`` and return the path."""
        from .textio import write_text_atomic

        write_text_atomic(path, self.glossary_csv())
        return Path(path)
