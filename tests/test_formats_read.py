"""Readers of mtreview.formats: one Unit per segment for every corpus format, safe XML, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtreview.errors import InputError
from mtreview.formats import Unit, format_of, read_units

DATA = Path(__file__).parent / "data" / "scoring"
FORMATS = DATA / "formats"
WMT = DATA / "wmt21-de-fr"
LISN = (WMT / "system-outputs" / "newstest2021.de-fr.hyp.LISN.fr").read_text(encoding="utf-8").split("\n")[:-1]
ONLINE_A = (WMT / "system-outputs" / "newstest2021.de-fr.hyp.Online-A.fr").read_text(encoding="utf-8").split("\n")[:-1]
SRC = (WMT / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").split("\n")[:-1]
REF = (WMT / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").split("\n")[:-1]


def test_plain_text_keeps_every_line_and_splits_on_newline_only(tmp_path: Path) -> None:
    p = tmp_path / "hyp.txt"
    p.write_bytes("un\r\n\ndeux\u2028toujours deux\nTrois\n".encode())
    units = read_units(p)
    assert [u.target for u in units] == ["un", "", "deux\u2028toujours deux", "Trois"]
    assert [u.id for u in units] == ["1", "2", "3", "4"]
    assert all(u.positional and u.source is None for u in units)


def test_plain_text_of_real_wmt_file() -> None:
    units = read_units(WMT / "system-outputs" / "newstest2021.de-fr.hyp.LISN.fr")
    assert [u.target for u in units] == LISN and len(units) == 40


def test_tsv_source_target() -> None:
    units = read_units(FORMATS / "LISN.tsv")
    assert [u.source for u in units] == SRC
    assert [u.target for u in units] == LISN


def test_tsv_header_names_columns(tmp_path: Path) -> None:
    p = tmp_path / "c.tsv"
    p.write_text("id\tsrc\thyp\tref\nA7\tHello\tBonjour\tSalut\n", encoding="utf-8")
    (u,) = read_units(p)
    assert (u.id, u.source, u.target, u.references, u.positional) == ("A7", "Hello", "Bonjour", ["Salut"], False)


def test_tsv_ragged_line_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.tsv"
    p.write_text("a\tb\nc\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:2: 1 tab-separated columns"):
        read_units(p)


def test_jsonl_ids_and_prediction_key() -> None:
    units = read_units(FORMATS / "LISN.jsonl")
    by_id = {u.id: u for u in units}
    assert units[0].id == "s40"  # the file is in reverse order
    assert [by_id[f"s{i}"].target for i in range(1, 41)] == LISN
    assert by_id["s1"].source == SRC[0] and not by_id["s1"].positional


def test_jsonl_xc_translate_rows_carry_references_mentions_and_types() -> None:
    units = read_units(DATA / "xc-translate" / "fr_FR.test.excerpt.jsonl")
    u = units[0]
    row = json.loads((DATA / "xc-translate" / "fr_FR.test.excerpt.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert u.id == row["id"]
    assert u.references == [t["translation"] for t in row["targets"]]
    assert u.meta["mentions"] == [t["mention"] for t in row["targets"]]
    assert u.meta["entity_types"] == row["entity_types"]
    assert u.meta["fields"]["wikidata_id"] == row["wikidata_id"]


def test_json_array_and_invalid_json(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"id": 1, "translation": "Bonjour"}]), encoding="utf-8")
    assert read_units(p) == [Unit(id="1", source=None, target="Bonjour")]
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": 1, "target": "ok"}\n{"id": 2, "target": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"b.jsonl:2: not valid JSON"):
        read_units(bad)
    none = tmp_path / "c.jsonl"
    none.write_text('{"id": 1, "note": "no text"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no translation"):
        read_units(none)


def test_xliff_12_units_with_doc_and_state() -> None:
    units = read_units(FORMATS / "LISN.xlf")
    assert [u.id for u in units] == [f"s{i}" for i in range(1, 41)]
    assert [u.target for u in units] == LISN and [u.source for u in units] == SRC
    assert units[0].doc == "newstest2021" and units[0].meta["state"] == "translated"


def test_xliff_20_via_translate_toolkit() -> None:
    units = read_units(FORMATS / "ref.xlf")
    assert [u.target for u in units] == REF and units[3].id == "s4" and units[0].doc == "newstest2021"


def test_xliff_12_several_files_prefix_ids(tmp_path: Path) -> None:
    p = tmp_path / "multi.xliff"
    p.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                 '<file original="a.txt" source-language="en" datatype="plaintext"><body>'
                 '<trans-unit id="1"><source>Hello <g id="g1">world</g></source><target>Bonjour <g id="g1">le monde'
                 '</g></target></trans-unit></body></file>'
                 '<file original="b.txt" source-language="en" datatype="plaintext"><body>'
                 '<trans-unit id="1"><source>Cat</source></trans-unit></body></file></xliff>', encoding="utf-8")
    a, b = read_units(p)
    assert (a.id, a.source, a.target, a.doc) == ("a.txt/1", "Hello world", "Bonjour le monde", "a.txt")
    assert (b.id, b.target, b.doc) == ("b.txt/1", None, "b.txt")


def test_tmx_picks_source_language_and_french_target() -> None:
    units = read_units(FORMATS / "Online-A.tmx")  # tuv order fr-FR then de; srclang de; has a DOCTYPE
    assert [u.source for u in units] == SRC
    assert [u.target for u in units] == ONLINE_A
    assert units[0].id == "s1"


def test_po_units_skip_header() -> None:
    units = read_units(FORMATS / "Online-A.po")
    assert len(units) == 40
    assert [u.source for u in units] == SRC and [u.target for u in units] == ONLINE_A


@pytest.mark.parametrize("payload, message", [
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b'<xliff version="1.2"><file><body>&b;</body></file></xliff>', "declares entities"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     b'<xliff version="1.2"><file><body>&e;</body></file></xliff>', "declares entities"),
    (b'<?xml version="1.0"?><xliff version="1.2"><file><body></file></xliff>', r"bad.xlf:1:\d+: malformed XML"),
    (b"", "empty file"),
])
def test_unsafe_or_malformed_xml_is_refused(tmp_path: Path, payload: bytes, message: str) -> None:
    p = tmp_path / "bad.xlf"
    p.write_bytes(payload)
    with pytest.raises(InputError, match=message):
        read_units(p)


def test_wrong_root_and_bad_po(tmp_path: Path) -> None:
    p = tmp_path / "x.tmx"
    p.write_text("<?xml version='1.0'?><xliff version='1.2'/>", encoding="utf-8")
    with pytest.raises(InputError, match="not <tmx>"):
        read_units(p)
    po = tmp_path / "bad.po"
    po.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.po"):
        read_units(po)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_units(tmp_path / "absent.xlf")


def test_wmt_xml_units(tmp_path: Path) -> None:
    p = tmp_path / "t.xml"
    p.write_text('<?xml version="1.0" encoding="utf-8"?><dataset id="t"><collection id="c">'
                 '<doc id="d1" origlang="de" domain="news"><src lang="de"><p><seg id="1">Hallo</seg>'
                 '<seg id="2">Welt</seg></p></src><ref lang="fr" translator="A"><p><seg id="1">Bonjour</seg>'
                 '<seg id="2">Monde</seg></p></ref><hyp system="S1" lang="fr"><p><seg id="1">Salut</seg></p></hyp>'
                 '</doc></collection></dataset>', encoding="utf-8")
    units = read_units(p)
    assert [(u.id, u.source, u.target, u.doc) for u in units] == [("d1:1", "Hallo", "Bonjour", "d1"),
                                                                  ("d1:2", "Welt", "Monde", "d1")]
    from mtreview.formats.wmt import read_wmt_xml

    ts = read_wmt_xml(p)
    assert ts.systems == {"S1": ["Salut", None]} and ts.domains == ["news", "news"]


def test_format_by_extension() -> None:
    assert [format_of(n) for n in ("a.XLF", "b.xliff", "c.tmx", "d.pot", "e.jsonl", "f.json", "g.fr")] == [
        "xliff", "xliff", "tmx", "po", "jsonl", "jsonl", "text"]
