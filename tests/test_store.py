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
