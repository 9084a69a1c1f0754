"""The SQLite review store: reviews, decisions and the user glossary survive reopening the file."""

from __future__ import annotations

import csv
import io
import sqlite3
import threading

import pytest

from mtreview.flags import Flag
from mtreview.store import GLOSSARY_COLUMNS, ReviewStore, default_db_path

TEXT = "Le masque a parlé avec Ilon Musk.\nFin.\n"


def flags() -> list[Flag]:
    return [
        Flag(3, 9, "masque", "name/translated", "critical", 0.9, ["Musk"], "nom traduit", "names",
             {"entity": "Elon Musk", "type": "person"}, "f1"),
        Flag(23, 27, "Ilon", "name/corrupted", "major", 0.8, ["Elon"], "prénom déformé", "names",
             {"entity": "Elon Musk", "type": "person"}, "f2"),
    ]


def test_review_round_trip_across_connections(tmp_path):
    db = tmp_path / "sub" / "reviews.sqlite3"
    store = ReviewStore(db)
    rid = store.create_review(title="demo", text=TEXT, flags=flags(), source="The Musk spoke.\n",
                              input_name="demo.txt", units=["u1", "u2"], words=7, detectors=["names"],
                              settings={"categories": ["name/translated"], "threshold": 0.5})
    assert db.is_file(), "a real file, created with its folder"
    again = ReviewStore(db).get_review(rid)  # a new store object: nothing kept in memory
    assert again.text == TEXT and again.source == "The Musk spoke.\n"
    assert [f.to_dict() for f in again.flags] == [f.to_dict() for f in flags()]
    assert again.units == ["u1", "u2"] and again.words == 7 and again.detectors == ["names"]
    assert again.settings == {"categories": ["name/translated"], "threshold": 0.5}
    assert again.flag("f2").text == "Ilon" and again.flag("nope") is None
    with pytest.raises(KeyError):
        store.get_review("missing")


def test_decisions_replace_clear_and_count(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=flags())
    store.set_decision(rid, "f1", "accepted", "Musk")
    store.set_decision(rid, "f2", "rejected")
    d = ReviewStore(tmp_path / "r.sqlite3").decisions(rid)
    assert d["f1"].status == "accepted" and d["f1"].replacement == "Musk" and d["f1"].decided_at > 0
    assert d["f2"].status == "rejected" and d["f2"].replacement is None
    store.set_decision(rid, "f2", "edited", "Elon")  # a new decision replaces the old one
    assert store.decisions(rid)["f2"].replacement == "Elon"
    store.clear_decision(rid, "f2")
    assert set(store.decisions(rid)) == {"f1"}
    [summary] = store.list_reviews()
    assert (summary.id, summary.flags, summary.decided) == (rid, 2, 1)
    with pytest.raises(ValueError):
        store.set_decision(rid, "f1", "maybe")
    with pytest.raises(ValueError):
        store.set_decision(rid, "f1", "accepted")  # accepted needs its replacement
    with pytest.raises(KeyError):
        store.set_decision("missing", "f1", "rejected")


def test_bulk_decisions_are_one_transaction(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=flags())
    with pytest.raises(ValueError):
        store.set_decisions(rid, [("f1", "accepted", "Musk"), ("f2", "bogus", None)])
    assert store.decisions(rid) == {}
    assert store.set_decisions(rid, [("f1", "accepted", "Musk"), ("f2", "accepted", "Elon")]) == 2
    assert len(store.decisions(rid)) == 2


def test_delete_review_removes_its_decisions(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=flags())
    store.set_decision(rid, "f1", "rejected")
    store.delete_review(rid)
    assert store.list_reviews() == []
    with sqlite3.connect(tmp_path / "r.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == 0


def test_concurrent_writers(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    many = [Flag(i, i + 1, TEXT[i], "fluency/typography", "minor", 0.5, [], "", "", {}, f"f{i}") for i in range(20)]
    rid = store.create_review(title="t", text=TEXT, flags=many)

    def work(start: int) -> None:
        for i in range(start, 20, 4):
            store.set_decision(rid, f"f{i}", "rejected")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.decisions(rid)) == 20


def test_glossary_add_merge_remove_and_csv(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    eid, created = store.add_glossary_entry("Elon Musk", "Elon Musk", "Илон Маск", ["Musk"], "person", "review x")
    assert created
    same, created = store.add_glossary_entry("elon musk", ru="ignored", aliases=["E. Musk"])
    assert (same, created) == (eid, False)
    [e] = store.glossary_entries()
    assert e.ru == "Илон Маск" and e.aliases == ["Musk", "E. Musk"] and e.origin == "review x"
    store.add_glossary_entry("Starlink", type="brand")
    with pytest.raises(ValueError):
        store.add_glossary_entry("  ")
    with pytest.raises(ValueError):
        store.add_glossary_entry("X", type="planet")
    path = store.export_glossary_csv(tmp_path / "out" / "g.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == GLOSSARY_COLUMNS == ("fr", "en", "ru", "aliases", "type")
    assert rows[1] == ["Elon Musk", "Elon Musk", "Илон Маск", "Musk|E. Musk", "person"]
    assert rows[2] == ["Starlink", "", "", "", "brand"]
    assert store.remove_glossary_entry(eid) and not store.remove_glossary_entry(eid)
    assert [g.fr for g in store.glossary_entries()] == ["Starlink"]


def test_glossary_cells_are_single_line(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    store.add_glossary_entry("Nom\navec\tdes\x00contrôles", aliases=["a|b"])
    [e] = store.glossary_entries()
    assert e.fr == "Nom avec des contrôles" and e.aliases == ["a b"]


def test_glossary_is_read_by_the_glossary_loader(tmp_path):
    from mtreview.knowledge import glossary

    store = ReviewStore(tmp_path / "r.sqlite3")
    store.add_glossary_entry("Sergueï Kirienko", "Sergey Kiriyenko", "Сергей Кириенко", ["Kirienko"], "person")
    g = glossary.load_glossaries([store.export_glossary_csv(tmp_path / "g.csv")])
    [entity] = list(g)
    assert (entity.fr, entity.en, entity.ru, entity.type) == ("Sergueï Kirienko", "Sergey Kiriyenko",
                                                                "Сергей Кириенко", "person")
    assert "Kirienko" in entity.aliases


def test_default_path_and_env(tmp_path, monkeypatch):
    monkeypatch.delenv("MTREVIEW_DB", raising=False)
    assert str(default_db_path()).endswith(".local/share/mtreview/reviews.sqlite3")
    monkeypatch.setenv("MTREVIEW_DB", str(tmp_path / "env.sqlite3"))
    assert default_db_path() == tmp_path / "env.sqlite3"
    assert ReviewStore().path == tmp_path / "env.sqlite3"


def test_refuses_a_folder_and_a_newer_schema(tmp_path):
    with pytest.raises(ValueError):
        ReviewStore(tmp_path)
    db = tmp_path / "new.sqlite3"
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(ValueError, match="newer"):
        ReviewStore(db)


# ------------------------------------------------------------------ one review per document, rename, delete

def moved_flags() -> list[Flag]:
    """The flags of a second review of TEXT: «masque» found again (another id), «Ilon» gone, a new one."""
    return [
        Flag(0, 2, "Le", "fluency/typography", "minor", 0.5, ["La"], "", "typography", {}, "f1"),
        Flag(3, 9, "masque", "name/translated", "critical", 0.95, ["Musk"], "nom traduit", "names",
             {"entity": "Elon Musk", "type": "person"}, "f2"),
    ]


def test_save_review_updates_the_documents_review(tmp_path):
    db = tmp_path / "r.sqlite3"
    store = ReviewStore(db)
    first = store.save_review(title="demo", text=TEXT, flags=flags(), source="The Musk spoke.\n", words=7)
    assert first.created and first.title == "demo"
    store.set_decisions(first.id, [("f1", "accepted", "Musk"), ("f2", "rejected", None)])
    store.rename_review(first.id, "my article")
    again = ReviewStore(db).save_review(title="demo", text=TEXT, flags=moved_flags(), source="The Musk spoke.\n",
                                        words=7, settings={"threshold": 0.5})
    assert (again.id, again.created, again.kept, again.dropped, again.title) == (first.id, False, 1, 1, "my article")
    [summary] = store.list_reviews()
    assert (summary.id, summary.title, summary.flags, summary.decided) == (first.id, "my article", 2, 1)
    review = store.get_review(first.id)
    assert [f.text for f in review.flags] == ["Le", "masque"] and review.settings == {"threshold": 0.5}
    kept = store.decisions(first.id)
    assert set(kept) == {"f2"}, "the decision on «masque» follows the flag to its new id; «Ilon»'s is dropped"
    assert (kept["f2"].status, kept["f2"].replacement) == ("accepted", "Musk")
    # another source, or another text, is another document
    other = store.save_review(title="demo", text=TEXT, flags=flags(), source="Another source.\n")
    assert other.created and other.id != first.id
    assert store.save_review(title="x", text=TEXT + "Plus.\n", flags=flags()).created
    assert len(store.list_reviews()) == 3
    # no source and an empty source are the same document
    none = store.save_review(title="y", text="Fin.\n", flags=[])
    assert store.save_review(title="y", text="Fin.\n", flags=[], source="").id == none.id


def test_a_flag_matches_by_span_category_and_text(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.save_review(title="t", text=TEXT, flags=flags()).id
    store.set_decision(rid, "f1", "edited", "Musk")
    recategorised = [Flag(3, 9, "masque", "name/corrupted", "major", 0.9, ["Musk"], "", "names", {}, "f1")]
    result = store.save_review(title="t", text=TEXT, flags=recategorised)
    assert (result.kept, result.dropped) == (0, 1) and store.decisions(rid) == {}, "another category: another flag"


def test_rename_and_delete(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=flags())
    assert store.rename_review(rid, "  Mon\narticle  ") == "Mon article"
    assert ReviewStore(tmp_path / "r.sqlite3").get_review(rid).title == "Mon article"
    with pytest.raises(ValueError):
        store.rename_review(rid, " \n ")
    with pytest.raises(KeyError):
        store.rename_review("missing", "x")
    assert store.delete_review(rid) is True and store.delete_review(rid) is False


V1_SCHEMA = """
CREATE TABLE reviews (id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL,
    input_name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, source TEXT, units TEXT NOT NULL DEFAULT '[]',
    flags TEXT NOT NULL, words INTEGER NOT NULL DEFAULT 0, detectors TEXT NOT NULL DEFAULT '[]',
    settings TEXT NOT NULL DEFAULT '{}');
CREATE TABLE decisions (review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE, flag_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'edited')), replacement TEXT,
    decided_at REAL NOT NULL, PRIMARY KEY (review_id, flag_id));
CREATE TABLE glossary (id INTEGER PRIMARY KEY AUTOINCREMENT, fr TEXT NOT NULL, en TEXT NOT NULL DEFAULT '',
    ru TEXT NOT NULL DEFAULT '', aliases TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT 'person',
    origin TEXT NOT NULL DEFAULT '', added REAL NOT NULL);
CREATE UNIQUE INDEX glossary_fr ON glossary (fr COLLATE NOCASE);
CREATE INDEX reviews_updated ON reviews (updated DESC);
PRAGMA user_version = 1;
"""


def test_a_version_1_database_is_migrated(tmp_path):
    """A file written before schema 2 opens: its reviews get their document key and flag count."""
    import json

    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as c:
        c.executescript(V1_SCHEMA)
        c.execute("INSERT INTO reviews (id, title, created, updated, text, source, flags) VALUES (?, ?, 1, 1, ?, ?, ?)",
                  ("old1", "old review", TEXT, None, json.dumps([f.to_dict() for f in flags()])))
        c.execute("INSERT INTO decisions VALUES ('old1', 'f2', 'rejected', NULL, 1)")
    store = ReviewStore(db)
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == 2
    [summary] = store.list_reviews()
    assert (summary.id, summary.title, summary.flags, summary.decided) == ("old1", "old review", 2, 1)
    result = store.save_review(title="new", text=TEXT, flags=flags())
    assert (result.id, result.created, result.kept) == ("old1", False, 1), "the old review is the document's"
    assert ReviewStore(db).decisions("old1")["f2"].status == "rejected"
