"""Persistent review state in SQLite: reviews, the reviewer's decisions, and the user's glossary.

What it is for: the review UI keeps everything a translator does here, so a review survives a restart
of the app and can be reopened later; accepted name corrections go to a user glossary that the next
review reads (exported as a CSV file with the header ``fr,en,ru,aliases,type`` for
:func:`mtreview.knowledge.glossary.load_glossaries`).

What it must not do: detect, correct or render anything. It stores flags exactly as the engine made
them and decisions exactly as the reviewer took them; the UI derives the corrected text from both.

The database is a real file (``--db``, ``$MTREVIEW_DB`` or ``~/.local/share/mtreview/reviews.sqlite3``),
opened per operation (safe across the web server's threads), in WAL mode, with a schema version in
``PRAGMA user_version``. Version 2 added ``doc_key`` (one review per document: :meth:`ReviewStore.save_review`)
and ``n_flags`` (the list of saved reviews without parsing every review's flags); a version 1 file is
migrated when it is opened.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .flags import Flag

SCHEMA_VERSION = 2

#: decision statuses; a flag without a decision is "pending"
STATUSES = ("accepted", "rejected", "edited")
PENDING = "pending"
#: a decision on a whole segment (the review UI's segment edit) has the id ``s<start>-<end>``: the
#: segment's span in the review's text, so it stays attached to the text when the flags change
SEGMENT_DECISION = re.compile(r"s\d+-\d+")

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
    settings    TEXT NOT NULL DEFAULT '{}',
    doc_key     TEXT NOT NULL DEFAULT '',
    n_flags     INTEGER NOT NULL DEFAULT 0
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
#: what schema 2 added to the reviews table (added to a version 1 file by :meth:`ReviewStore._migrate`)
_V2_COLUMNS = {"doc_key": "TEXT NOT NULL DEFAULT ''", "n_flags": "INTEGER NOT NULL DEFAULT 0"}
#: the tables and indexes a complete database has
_SCHEMA_OBJECTS = ("reviews", "decisions", "glossary", "glossary_fr", "reviews_updated", "reviews_doc")


class StoreError(InputError, ValueError):
    """The database file cannot be used: not an SQLite database, read-only, unreadable, locked.

    A :class:`ValueError` for the UI (which already reports those) and an
    :class:`~mtreview.errors.InputError` for the CLI (one line naming the file, exit status 1)."""


def _store_error(path: Path, e: sqlite3.Error) -> StoreError:
    """One line that names the database file and says what is wrong with it."""
    msg = str(e)
    low = msg.lower()
    if "not a database" in low:
        what = "is not an SQLite database (give another file with --db)"
    elif "readonly" in low or "read-only" in low:
        what = "is read-only: the glossary and reviews cannot be written there"
    elif "unable to open" in low:
        what = "cannot be opened as an SQLite database (a folder, a missing folder or no permission?)"
    elif "locked" in low or "busy" in low:
        what = "is locked by another program; try again when it is done"
    else:
        what = f"SQLite error: {msg}"
    return StoreError(f"{path}: {what}")


#: Spreadsheet programs read a cell starting with one of these as a formula (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with a leading single quote when a spreadsheet would run it as a formula
    (``=HYPERLINK(…)``, ``+``, ``-``, ``@``, tab, carriage return), as OWASP recommends."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def document_key(text: str, source: str | None = None) -> str:
    """The key of a document: the same text with the same source (none and empty are the same) is the
    same document, and has one saved review."""
    data = f"{len(text)}:{text}\x00{source or ''}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _flag_key(d: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes a flag of a new review "the same flag" as one of the old review: span, category, text."""
    return (d.get("start"), d.get("end"), d.get("category"), d.get("text"))


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
class SaveResult:
    """What :meth:`ReviewStore.save_review` did: created a review, or updated the document's review,
    keeping ``kept`` decisions (on flags found again) and dropping ``dropped`` (their flag is gone)."""

    id: str
    created: bool
    title: str
    kept: int = 0
    dropped: int = 0


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
    out = str(s or "")
    if not out.isprintable():  # the common case needs no per-character pass
        out = "".join(ch if ch.isprintable() else " " for ch in out)
    return " ".join(out.split())[:limit]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _nocase(s: str) -> str:
    """The key SQLite's ``COLLATE NOCASE`` compares (ASCII letters folded, nothing else)."""
    return s.translate(_ASCII_LOWER)


def _unquote_formula(cell: str) -> str:
    """Undo :func:`spreadsheet_safe`: ``'=…`` → ``=…`` (a cell read back from an export)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_PREFIXES) else cell


class ReviewStore:
    """Reviews, decisions and the user glossary in one SQLite file."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path).expanduser() if path else default_db_path()
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{self.path}: its folder cannot be created ({e.strerror or e})") from None
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer mtreview (schema {version}); "
                                 "upgrade mtreview or use another --db")
            # written only when something is missing, so that a read-only database can still be read
            names = ", ".join(f"'{n}'" for n in _SCHEMA_OBJECTS)
            if version < SCHEMA_VERSION or db.execute(
                    f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({names})").fetchone()[0] < len(_SCHEMA_OBJECTS):
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(_SCHEMA)
                self._migrate(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        """Bring a version 1 file to version 2: add ``doc_key`` and ``n_flags`` and fill them in."""
        columns = {r[1] for r in db.execute("PRAGMA table_info(reviews)")}
        missing = [c for c in _V2_COLUMNS if c not in columns]
        for col in missing:
            db.execute(f"ALTER TABLE reviews ADD COLUMN {col} {_V2_COLUMNS[col]}")
        if missing:
            rows = db.execute("SELECT id, text, source FROM reviews").fetchall()
            db.executemany("UPDATE reviews SET doc_key = ? WHERE id = ?",
                           ((document_key(r["text"], r["source"]), r["id"]) for r in rows))
            db.execute("UPDATE reviews SET n_flags = json_array_length(flags)")
        db.execute("CREATE INDEX IF NOT EXISTS reviews_doc ON reviews (doc_key)")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (commit on success, roll back on error); SQLite errors
        become one-line :class:`StoreError` naming the file."""
        try:
            db = sqlite3.connect(self.path, timeout=15.0)
        except sqlite3.Error as e:
            raise _store_error(self.path, e) from None
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            with db:  # one transaction: commit on success, roll back on error
                yield db
        except sqlite3.Error as e:
            raise _store_error(self.path, e) from None
        finally:
            db.close()

    # ------------------------------------------------------------------------------------ reviews

    def create_review(self, *, title: str, text: str, flags: Iterable[Flag], source: str | None = None,
                      input_name: str = "", units: Iterable[str] = (), words: int = 0,
                      detectors: Iterable[str] = (), settings: Mapping[str, Any] | None = None) -> str:
        """Save a new review and return its id (another review of the same document stays as it is;
        :meth:`save_review` updates it instead)."""
        review_id = uuid.uuid4().hex[:12]
        flag_dicts = [f.to_dict() for f in flags]
        with self._connect() as db:
            self._insert(db, review_id, title, text, flag_dicts, source, input_name, units, words, detectors,
                         settings)
        return review_id

    @staticmethod
    def _insert(db: sqlite3.Connection, review_id: str, title: str, text: str, flag_dicts: list[dict[str, Any]],
                source: str | None, input_name: str, units: Iterable[str], words: int, detectors: Iterable[str],
                settings: Mapping[str, Any] | None) -> str:
        now = time.time()
        title = _clean(title, 200) or "untitled"
        db.execute(
            "INSERT INTO reviews (id, title, created, updated, input_name, text, source, units, flags,"
            " words, detectors, settings, doc_key, n_flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (review_id, title, now, now, input_name, text, source,
             json.dumps(list(units)), json.dumps(flag_dicts, ensure_ascii=False),
             int(words), json.dumps(list(detectors)), json.dumps(dict(settings or {})),
             document_key(text, source), len(flag_dicts)))
        return title

    def save_review(self, *, title: str, text: str, flags: Iterable[Flag], source: str | None = None,
                    input_name: str = "", units: Iterable[str] = (), words: int = 0,
                    detectors: Iterable[str] = (), settings: Mapping[str, Any] | None = None) -> SaveResult:
        """Save a review, one per document: the same text with the same source updates the document's
        saved review (the most recent one) instead of adding a copy.

        The update replaces the flags and the settings, keeps the title (the reviewer may have renamed
        it) and keeps every decision whose flag is found again — same span, category and text — under
        the new flag's id; decisions on flags that are gone are dropped. One transaction."""
        flag_dicts = [f.to_dict() for f in flags]
        key = document_key(text, source)
        with self._connect() as db:
            row = db.execute(
                "SELECT id, title, flags FROM reviews WHERE doc_key = ? AND text = ? AND COALESCE(source, '') = ?"
                " ORDER BY updated DESC LIMIT 1", (key, text, source or "")).fetchone()
            if row is None:
                review_id = uuid.uuid4().hex[:12]
                saved_title = self._insert(db, review_id, title, text, flag_dicts, source, input_name, units,
                                           words, detectors, settings)
                return SaveResult(review_id, True, saved_title)
            review_id = row["id"]
            new_ids: dict[tuple[Any, ...], str] = {}
            for d in flag_dicts:
                new_ids.setdefault(_flag_key(d), d["id"])
            old_keys = {d["id"]: _flag_key(d) for d in json.loads(row["flags"])}
            old = db.execute("SELECT flag_id, status, replacement, decided_at FROM decisions WHERE review_id = ?",
                             (review_id,)).fetchall()
            moved = {}
            for d in old:
                if SEGMENT_DECISION.fullmatch(d["flag_id"]):  # a segment edit: same text, same segment
                    moved[d["flag_id"]] = (review_id, d["flag_id"], d["status"], d["replacement"], d["decided_at"])
                    continue
                new_id = new_ids.get(old_keys.get(d["flag_id"], ()))
                if new_id is not None and new_id not in moved:
                    moved[new_id] = (review_id, new_id, d["status"], d["replacement"], d["decided_at"])
            db.execute("DELETE FROM decisions WHERE review_id = ?", (review_id,))
            db.executemany("INSERT INTO decisions (review_id, flag_id, status, replacement, decided_at)"
                           " VALUES (?, ?, ?, ?, ?)", moved.values())
            db.execute(
                "UPDATE reviews SET updated = ?, input_name = ?, units = ?, flags = ?, words = ?, detectors = ?,"
                " settings = ?, n_flags = ? WHERE id = ?",
                (time.time(), input_name, json.dumps(list(units)), json.dumps(flag_dicts, ensure_ascii=False),
                 int(words), json.dumps(list(detectors)), json.dumps(dict(settings or {})), len(flag_dicts),
                 review_id))
            return SaveResult(review_id, False, row["title"], len(moved), len(old) - len(moved))

    def find_document(self, text: str, source: str | None = None) -> str | None:
        """The id of the saved review of this document (same text, same source), or None: the review
        :meth:`save_review` would update."""
        with self._connect() as db:
            row = db.execute(
                "SELECT id FROM reviews WHERE doc_key = ? AND text = ? AND COALESCE(source, '') = ?"
                " ORDER BY updated DESC LIMIT 1", (document_key(text, source), text, source or "")).fetchone()
        return row["id"] if row else None

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

    def review_meta(self, review_id: str) -> dict[str, Any]:
        """A saved review without its text and flags (cheap for a long review): ``id``, ``title``,
        ``created``, ``updated``, ``input_name``, ``words``, ``detectors``, ``settings``, ``n_flags``,
        ``text_chars``; raises ``KeyError`` when there is none with that id."""
        with self._connect() as db:
            row = db.execute("SELECT id, title, created, updated, input_name, words, detectors, settings, n_flags,"
                             " length(text) AS text_chars FROM reviews WHERE id = ?", (review_id,)).fetchone()
        if row is None:
            raise KeyError(review_id)
        out = dict(row)
        out["detectors"] = json.loads(out["detectors"])
        out["settings"] = json.loads(out["settings"])
        return out

    def list_reviews(self, limit: int = 200) -> list[ReviewSummary]:
        """Saved reviews, most recently changed first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT r.id, r.title, r.created, r.updated, r.n_flags AS n,"
                " (SELECT COUNT(*) FROM decisions d WHERE d.review_id = r.id) AS decided"
                " FROM reviews r ORDER BY r.updated DESC LIMIT ?", (limit,)).fetchall()
        return [ReviewSummary(r["id"], r["title"], r["created"], r["updated"], r["n"], r["decided"]) for r in rows]

    def update_settings(self, review_id: str, settings: Mapping[str, Any]) -> None:
        with self._connect() as db:
            db.execute("UPDATE reviews SET settings = ?, updated = ? WHERE id = ?",
                       (json.dumps(dict(settings)), time.time(), review_id))

    def rename_review(self, review_id: str, title: str) -> str:
        """Give a saved review another title (one line, at most 200 characters); returns the title saved.
        ``ValueError`` for an empty title, ``KeyError`` when there is no such review."""
        clean = _clean(title, 200)
        if not clean:
            raise ValueError("a review needs a title")
        with self._connect() as db:
            cur = db.execute("UPDATE reviews SET title = ? WHERE id = ?", (clean, review_id))
            if cur.rowcount == 0:
                raise KeyError(review_id)
        return clean

    def delete_review(self, review_id: str) -> bool:
        """Delete a review and its decisions; False when there was none with that id."""
        with self._connect() as db:
            return db.execute("DELETE FROM reviews WHERE id = ?", (review_id,)).rowcount > 0

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

    def add_glossary_entries(self, entries: Iterable[tuple[str, str, str, Iterable[str], str, str]]
                             ) -> tuple[int, int]:
        """Add many names at once, ``(fr, en, ru, aliases, type, origin)`` each, with the merge rules of
        :meth:`add_glossary_entry`; returns ``(created, merged)``.

        All or nothing: every entry is checked before anything is written (a :class:`ValueError` names
        the first bad one), then the rows go in with ``executemany`` in **one** transaction, so a
        failure midway (disk full, a locked database) leaves the database as it was. A cell written
        spreadsheet-safe by :meth:`glossary_csv` (``'=…``) comes back without its quote."""
        cleaned: list[tuple[str, str, str, list[str], str, str]] = []
        for n, (fr, en, ru, aliases, typ, origin) in enumerate(entries, 1):
            fr = _unquote_formula(_clean(fr))
            where = f"{_clean(origin) or 'entry'} (entry {n})"
            if not fr:
                raise ValueError(f"{where}: a glossary entry needs its French form (fr)")
            if typ not in GLOSSARY_TYPES:
                raise ValueError(f"{where}: unknown type {typ!r}; expected one of {', '.join(GLOSSARY_TYPES)}")
            new_aliases = [a for a in (_unquote_formula(_clean(a).replace("|", " ").strip()) for a in aliases)
                           if a and a != fr]
            cleaned.append((fr, _unquote_formula(_clean(en)), _unquote_formula(_clean(ru)), new_aliases, typ,
                            _clean(origin)))
        created = merged = 0
        with self._connect() as db:
            existing: dict[str, dict[str, Any]] = {}
            for r in db.execute("SELECT id, fr, en, ru, aliases FROM glossary"):
                existing.setdefault(_nocase(r["fr"]), {"id": r["id"], "en": r["en"], "ru": r["ru"],
                                                       "aliases": [a for a in r["aliases"].split("|") if a],
                                                       "changed": False})
            new: dict[str, list[Any]] = {}
            now = time.time()
            for fr, en, ru, aliases, typ, origin in cleaned:
                key = _nocase(fr)
                if key in new:  # twice in this import: merge into the first
                    row = new[key]
                    row[1], row[2] = row[1] or en, row[2] or ru
                    row[3] = list(dict.fromkeys(row[3] + [a for a in aliases if a != row[0]]))
                    merged += 1
                elif key in existing:
                    old = existing[key]
                    en2, ru2 = old["en"] or en, old["ru"] or ru
                    al2 = list(dict.fromkeys(old["aliases"] + aliases))
                    if (en2, ru2, al2) != (old["en"], old["ru"], old["aliases"]):
                        old.update(en=en2, ru=ru2, aliases=al2, changed=True)
                    merged += 1
                else:
                    new[key] = [fr, en, ru, list(dict.fromkeys(aliases)), typ, origin, now]
                    created += 1
            db.executemany("INSERT INTO glossary (fr, en, ru, aliases, type, origin, added)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                           ((r[0], r[1], r[2], "|".join(r[3]), r[4], r[5], r[6]) for r in new.values()))
            db.executemany("UPDATE glossary SET en = ?, ru = ?, aliases = ? WHERE id = ?",
                           ((o["en"], o["ru"], "|".join(o["aliases"]), o["id"])
                            for o in existing.values() if o["changed"]))
        return created, merged

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
        """The glossary as CSV text with the header ``fr,en,ru,aliases,type`` (aliases ``|``-separated);
        a cell starting with ``= + - @``, a tab or a carriage return gets a leading single quote
        (:func:`spreadsheet_safe`), so that a spreadsheet shows it instead of running it."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(GLOSSARY_COLUMNS)
        for e in self.glossary_entries():  # spreadsheet-safe: no cell a spreadsheet would run as a formula
            w.writerow([spreadsheet_safe(e.fr), spreadsheet_safe(e.en), spreadsheet_safe(e.ru),
                        spreadsheet_safe("|".join(e.aliases)), e.type])
        return buf.getvalue()

    def export_glossary_csv(self, path: str | os.PathLike[str]) -> Path:
        """Write the glossary CSV atomically to ``path`` and return the path; refuses the database's
        own file (:class:`mtreview.outputs.OutputGuard`)."""
        from .outputs import OutputGuard
        from .textio import write_text_atomic

        guard = OutputGuard()
        guard.reads_database(self.path)
        guard.writes(path, "the glossary export", stdout_ok=False)
        write_text_atomic(path, self.glossary_csv())
        return Path(path)
