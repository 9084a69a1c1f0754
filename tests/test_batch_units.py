"""The pieces of ``normalise``: offset mapping and escaping, the automata, TBX reading, glossary rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtreview.batch.matcher import GlossaryMatcher, Prefilter, WordAutomaton, bounded, without_common_words
from mtreview.batch.rules import Rule, RuleSet, load_rules
from mtreview.errors import InputError
from mtreview.formats.rewrite_base import (
    CODE_SEPARATOR,
    JSON,
    PO,
    XML,
    Piece,
    Slot,
    apply_byte_edits,
    decode_raw,
    slot_edit,
    unescape,
)
from mtreview.knowledge.tbx import parse_tbx, read_tbx

DATA = Path(__file__).parent / "data" / "batch"


@pytest.mark.parametrize("kind, raw", [
    (XML, "a &amp; b &#233;&#x1F600; c\r\nd &lt;x&gt; &quot;q&apos;"),
    (JSON, r"a \u00e9 \"q\" \ud83d\ude00 \n \/ é"),
    (PO, r'a \"b\" \n \t \\ \101 \x41 é'),
])
def test_fast_unescape_agrees_with_the_offset_map(kind: str, raw: str) -> None:
    text, index = decode_raw(kind, raw)
    assert unescape(kind, raw) == text
    assert len(index) == len(text) + 1 and index[-1] == len(raw)


def _edit(slot: Slot, before: str, after: str, raw_file: bytes, encoding: str = "utf-8") -> bytes | None:
    start = slot.text.index(before)
    edit, _why = slot_edit(slot, start, start + len(before), after, encoding)
    return None if edit is None else apply_byte_edits(raw_file, [edit], encoding)


def test_xml_edit_keeps_entities_and_escapes_the_new_text() -> None:
    raw = "Tom &amp; Jerry ont vu Sergey Lavrov"
    data = b"<t>" + raw.encode() + b"</t>"
    slot = Slot("1", 1, [Piece(3, raw, XML)])
    assert slot.text == "Tom & Jerry ont vu Sergey Lavrov"
    assert _edit(slot, "Sergey Lavrov", "Sergueï Lavrov", data) == "<t>Tom &amp; Jerry ont vu Sergueï Lavrov</t>".encode()
    assert _edit(slot, "Tom & Jerry", "Tom <et> Jerry", data) == b"<t>Tom &lt;et&gt; Jerry ont vu Sergey Lavrov</t>"


def test_xml_replacement_outside_the_encoding_becomes_a_character_reference() -> None:
    data = b"<t>Erdogan</t>"
    slot = Slot("1", 1, [Piece(3, "Erdogan", XML)])
    assert _edit(slot, "Erdogan", "Erdoğan", data, "latin-1") == b"<t>Erdo&#287;an</t>"


def test_change_across_a_placeholder_or_container_is_refused_but_po_strings_join() -> None:
    xml = Slot("1", 1, [Piece(0, "Sergey "), Piece(20, "Lavrov")], [""])
    assert slot_edit(xml, 0, 13, "Sergueï Lavrov", "utf-8")[0] is None
    sep = Slot("1", 1, [Piece(0, "Sergey"), Piece(20, "Lavrov")], [CODE_SEPARATOR])
    assert sep.text == "Sergey\ufffcLavrov"
    assert slot_edit(sep, 0, 6, "Sergueï", "utf-8")[0] is not None  # inside one piece: fine
    data = b'msgstr "Sergey "\n"Lavrov"\n'
    po = Slot("1", 1, [Piece(8, "Sergey ", PO), Piece(18, "Lavrov", PO)], [""], joinable=True)
    edit, _ = slot_edit(po, 0, 13, 'Sergueï "Lavrov"', "utf-8")
    assert apply_byte_edits(data, [edit], "utf-8") == 'msgstr "Sergueï \\"Lavrov\\""\n'.encode()


def test_json_edit_follows_the_files_escaping() -> None:
    raw = r"Alexei Navalny \u00e9tait"
    slot = Slot("1", 1, [Piece(0, raw, JSON)])
    edit, _ = slot_edit(slot, 0, 14, "Alexeï Navalny", "utf-8")
    assert edit.raw == r"Alexe\u00ef Navalny"
    slot = Slot("1", 1, [Piece(0, "Alexei Navalny était", JSON)])
    assert slot_edit(slot, 0, 14, "Alexeï Navalny", "utf-8")[0].raw == "Alexeï Navalny"


def test_plain_text_refuses_what_it_cannot_encode() -> None:
    slot = Slot("1", 1, [Piece(0, "Erdogan")])
    edit, why = slot_edit(slot, 0, 7, "Erdoğan", "latin-1")
    assert edit is None and "latin-1" in why


def test_glossary_matcher_whole_words_longest_and_protected() -> None:
    rs = RuleSet((Rule("Musk", "Elon Musk", "g"), Rule("Ilon", "Elon", "g"), Rule("Ilon Musk", "Elon Musk", "g")),
                 ("Elon Musk", "Elon"))
    m = GlossaryMatcher(rs)
    text = "Ilon Musk, Elon Musk, Musk, Muskrat, Ilon."
    found = [(text[s:e], rs.rules[i].canonical) for s, e, i in m.find(text)]
    assert found == [("Ilon Musk", "Elon Musk"), ("Musk", "Elon Musk"), ("Ilon", "Elon")]
    assert GlossaryMatcher(RuleSet()).find(text) == []


def test_prefilter_ignores_names_written_right_and_common_words() -> None:
    pf = Prefilter(without_common_words(["ian bremmer", "bremmer", "ian", "jan", "le", "masque", "starlink"]),
                   ["Ian Bremmer", "Starlink"])
    assert pf("Le masque a parlé.")  # a homograph word
    assert pf("Jan Bremmer a écrit.")  # a variant
    assert pf("STARLINK fonctionne.")  # right letters, wrong case
    assert not pf("Ian Bremmer a écrit.")  # a name written right
    assert not pf("Starlink fonctionne.")
    assert not pf("Le chat dort.")  # «le» is too common to mean anything


def _whole_word_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    """The plain definition: every occurrence of a word that cuts no word at either edge."""
    out = set()
    for w in words:
        start = text.find(w)
        while start >= 0:
            if bounded(text, start, start + len(w)):
                out.add((start, start + len(w)))
            start = text.find(w, start + 1)
    return sorted(out)


def test_word_automaton_finds_exactly_the_whole_word_occurrences() -> None:
    words = ["disney", "disney+", "jean-luc", "jean luc", "o'neill", "ian", "an", "-x", "é", "l'oréal", "a.b."]
    auto = WordAutomaton(words)
    texts = ["Disney+ et disney, disney+x, xdisney", "jean-luc, jean luc, jean_luc, jean--luc",
             "o'neill o’neill bo'neill", "ian ian,ian2 ian_ an -x a-x é éé", "l'oréal a.b.c a.b. a.b.",
             "", "ian", "Ärger mit ian"]
    for text in texts:
        low = text.lower()
        assert sorted(auto.spans(low)) == _whole_word_spans(words, low), text
    assert list(WordAutomaton([]).spans("ian")) == []


def test_prefilter_screen_keeps_offsets_when_a_letter_lowers_to_two() -> None:
    """«İ» lowers to two characters: the screen must still point at the name, not at every offset."""
    pf = Prefilter(["lavrov"])
    text = "İstanbul : Sergey Lavrov parle.\nUne autre ligne."
    assert list(pf.positions(text)) == [text.index("Lavrov") + len("Lavrov") - 1]


def test_tbx_entries_and_glossary(tmp_path: Path) -> None:
    entries = parse_tbx((DATA / "glossary.tbx").read_bytes())
    assert [(e.canonical, e.variants, e.admitted) for e in entries] == [
        ("Sergueï Choïgou", ["Sergei Shoigu", "Sergey Shoygu"], ["Choïgou"]),
        ("Anton Silouanov", ["Anton Siluanov"], []),
    ]
    assert entries[0].other_languages == {"en": ["Sergei Shoigu"]}
    v3 = parse_tbx((DATA / "glossary3.tbx").read_bytes())
    assert [(e.id, e.canonical, e.variants) for e in v3] == [("k1", "Andreï Belooussov", ["Andrei Belousov"])]
    g = read_tbx(DATA / "glossary.tbx")
    assert g.variant_map() == {"Sergei Shoigu": "Sergueï Choïgou", "Sergey Shoygu": "Sergueï Choïgou",
                               "Anton Siluanov": "Anton Silouanov"}
    assert g.entities[0].en == "Sergei Shoigu" and g.entities[0].aliases == ["Choïgou"]
    bad = tmp_path / "x.tbx"
    bad.write_text("<html/>")
    with pytest.raises(InputError, match="not a TBX"):
        read_tbx(bad)


def test_rules_from_tsv_and_tbx_glossaries() -> None:
    rs, glossary = load_rules([DATA / "glossary.tsv", DATA / "glossary3.tbx"])
    pairs = {(r.variant, r.canonical) for r in rs.rules}
    assert ("Sergej Lawrow", "Sergueï Lavrov") in pairs and ("Andrei Belousov", "Andreï Belooussov") in pairs
    assert "Lavrov" in rs.protected and "Sergueï Lavrov" in rs.protected
    assert len(glossary.entities) == 6 and len(rs.digest) == 64
