"""Property tests (Hypothesis) for the pure parts that every command relies on: decoding, segmenting
and offset mapping, byte-exact rewriting of every format, and the output guard.

In the default test run; each property runs a few dozen examples (``max_examples`` below, no example
database), so the file stays well under a minute on two cores. The long tier — a seeded mutation
corpus through the real CLI — is ``tests/test_fuzz_corpus.py`` (``pytest -m fuzz``). See
docs/reliability.md, "Fuzzing".
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mtreview.document import MAX_SEGMENT_CHARS, Document, line_segments
from mtreview.errors import InputError, UsageError
from mtreview.formats.rewrite_base import (
    CDATA,
    CODE_SEPARATOR,
    JSON,
    PLAIN,
    PO,
    XML,
    Piece,
    apply_byte_edits,
    decode_raw,
    slot_edit,
    slot_reader,
    unescape,
)
from mtreview.outputs import OutputGuard
from mtreview.textio import decode_bytes, encode_like

#: examples per property: 40 by default; MTREVIEW_FUZZ_EXAMPLES=2000 for a deeper run
EXAMPLES = int(os.environ.get("MTREVIEW_FUZZ_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ------------------------------------------------------------------ strategies

#: French-ish text: letters with accents, names, typographic quotes, spaces of every kind
FRENCH_WORDS = ["le", "la", "les", "de", "des", "une", "ministre", "a", "rencontré", "à", "Moscou", "été",
                "Sergey", "Lavrov", "Dmitry", "Medvedev", "Élysée", "cœur", "naïve", "garçon", "où", "ça",
                "l’État", "aujourd'hui", "Procter", "and", "Gamble", "Navalny", "Ёлка", "北京", "😀"]
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"))
_PUNCT = st.sampled_from([" ", " ", " ", "\u00a0", "\u202f", ", ", ". ", " « ", " » ", "’", "'", '"', "&",
                          "<", ">", "\\", ";", ":", "!", "?", "…", "-", "/", "%d", "{", "}"])
_TOKEN = st.one_of(st.sampled_from(FRENCH_WORDS), _PUNCT, st.text(_CHARS, min_size=1, max_size=3))


@st.composite
def french(draw: st.DrawFn, min_size: int = 0, max_size: int = 12, latin1: bool = False) -> str:
    """A line of French-ish text (no line breaks, no control characters)."""
    text = "".join(draw(st.lists(_TOKEN, min_size=min_size, max_size=max_size)))
    text = "".join(c for c in text if not c.isspace() or c in " \u00a0\u202f")
    if latin1:
        text = text.encode("cp1252", "ignore").decode("cp1252")
    return text


# Text that decode_bytes reads as text: no NUL and not many C0 controls (those are "binary").
_TEXTY = st.text(st.one_of(_CHARS, st.sampled_from("\t\n\r\x0c")), max_size=200)


# ------------------------------------------------------------------ decoding

@FAST
@given(_TEXTY, st.booleans())
def test_utf8_text_with_or_without_bom_decodes_to_itself(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    dec = decode_bytes(data)
    assert dec.encoding == "utf-8" and not dec.detected
    if bom or not text.startswith("\ufeff"):  # a text starting with U+FEFF *is* a BOM in UTF-8
        assert dec.text == text
    assert dec.bom == (codecs.BOM_UTF8 if bom or text.startswith("\ufeff") else b"")
    assert encode_like(dec.text, dec) == data  # written back byte for byte


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
       st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]))
def test_utf16_and_utf32_with_a_bom_round_trip(text: str, enc: str) -> None:
    # U+0000 first after a UTF-16-LE BOM is FF FE 00 00: the UTF-32-LE BOM, read first by design
    assume(not (enc == "utf-16-le" and text.startswith("\x00")))
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[enc]
    data = bom + text.encode(enc)
    dec = decode_bytes(data)
    assert (dec.text, dec.encoding, dec.bom) == (text, enc, bom)
    assert encode_like(dec.text, dec) == data


_BYTES = st.one_of(
    st.binary(max_size=300),
    # text-like bytes with damage: mostly UTF-8 French, a few bad bytes, maybe a BOM
    st.builds(lambda pre, t, bad, cut: pre + t.encode("utf-8")[:cut] + bad,
              st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                               codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]),
              french(max_size=20), st.binary(max_size=4), st.integers(0, 400)),
    st.builds(lambda t: t.encode("cp1252", "ignore"), french(max_size=30)),
)


@FAST
@given(_BYTES)
def test_any_bytes_decode_or_raise_one_line_input_error(data: bytes) -> None:
    try:
        dec = decode_bytes(data, "f.txt")
    except InputError as e:
        msg = str(e)
        assert msg.startswith("f.txt: ") and "\n" not in msg and "\r" not in msg, msg
        return
    # anything else escaping is a failure (Hypothesis reports it); a non-guessed decoding round-trips
    if not dec.detected:
        assert encode_like(dec.text, dec) == data


# ------------------------------------------------------------------ segments and offsets

_LINES = st.lists(st.one_of(french(max_size=30), st.sampled_from(["", " ", "\t", "  x  "]),
                            st.builds(lambda w, n: (w + ". ") * n, french(min_size=1, max_size=4),
                                      st.integers(0, 700))), max_size=8)


@FAST
@given(_LINES, st.lists(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85", "\x0b", "\x0c"]), min_size=1))
def test_segments_cover_the_text_and_map_back(lines: list[str], ends: list[str]) -> None:
    text = "".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    segs = line_segments(text)
    covered = bytearray(len(text))
    last = 0
    for seg in segs:
        assert last <= seg.start < seg.end <= len(text)
        assert seg.end - seg.start <= MAX_SEGMENT_CHARS
        piece = text[seg.start:seg.end]
        assert piece.strip() and not piece[0].isspace()
        assert not any(c in piece for c in "\n\r\u2028\x85\x0b\x0c")  # never across a line break
        covered[seg.start:seg.end] = b"\x01" * (seg.end - seg.start)
        last = seg.end
    # every character that is not white space lies in a segment (exactly one: they do not overlap)
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))
    doc = Document.from_text(text)
    assert doc.text == text and [(s.start, s.end) for s in doc.segments] == [(s.start, s.end) for s in segs]


_RAW = {
    XML: st.lists(st.one_of(french(max_size=3), st.sampled_from(
        ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;", "&#xE9;", "&#x1F600;", "\r\n", "\r", "é"]))),
    JSON: st.lists(st.one_of(french(max_size=3).map(lambda s: s.replace("\\", "").replace('"', "")),
                             st.sampled_from(["\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00", "\\t"]))),
    PO: st.lists(st.one_of(french(max_size=3).map(lambda s: s.replace("\\", "").replace('"', "")),
                           st.sampled_from(["\\n", "\\\"", "\\\\", "\\t", "\\101", "\\x41", "\\?"]))),
}


@FAST
@given(st.sampled_from([XML, JSON, PO]), st.data())
def test_raw_offsets_map_each_character_to_its_escape(kind: str, data: st.DataObject) -> None:
    raw = "".join(data.draw(_RAW[kind]))
    text, index = decode_raw(kind, raw)
    assert text == unescape(kind, raw)
    assert len(index) == len(text) + 1 and index[-1] == len(raw)
    for i, c in enumerate(text):  # each character is exactly the raw run between two indexes
        assert unescape(kind, raw[index[i]:index[i + 1]]) == c


@FAST
@given(french(min_size=1, max_size=400), st.sampled_from(["utf-8", "utf-16-le", "cp1252"]), st.data())
def test_piece_byte_offsets_are_exact_on_long_pieces(text: str, enc: str, data: st.DataObject) -> None:
    raw = (text * (9000 // max(1, len(text)) + 1))[:9000]  # longer than two checkpoints
    if enc == "cp1252":
        raw = raw.encode(enc, "ignore").decode(enc)
    piece = Piece(17, raw, PLAIN, raw)
    for k in data.draw(st.lists(st.integers(0, len(raw)), min_size=1, max_size=8)):
        assert piece.byte_offset(k, enc) == 17 + len(raw[:k].encode(enc))


# ------------------------------------------------------------------ byte-exact rewriting

def _xml_text(t: str, data: st.DataObject) -> str:
    """``t`` escaped for XML, each character in one of its legal spellings."""
    out = []
    for c in t:
        how = data.draw(st.integers(0, 9), label="xml-escape")
        if c in "&<>" or (how == 0 and c != "]"):
            out.append(f"&#{ord(c)};" if how % 2 else f"&#x{ord(c):X};")
        else:
            out.append(c)
    return "".join(out)


def _inline(t: str, data: st.DataObject, version: int) -> str:
    """``t`` for an XLIFF/TMX target, with inline markup between some words."""
    words = t.split(" ")
    out = []
    for i, w in enumerate(words):
        k = data.draw(st.integers(0, 12), label="inline")
        esc = _xml_text(w, data)
        if k == 0:
            esc = {1: f'<g id="{i}">{esc}</g>', 2: f'<pc id="{i}">{esc}</pc>', 0: f"<hi>{esc}</hi>"}[version]
        elif k == 1:
            esc += {1: f'<x id="{i}"/>', 2: f'<ph id="{i}"/>', 0: '<ph x="1">{0}</ph>'}[version]
        elif k == 2 and "]]>" not in w and "\r" not in w:
            esc = f"<![CDATA[{w}]]>"
        elif k == 3:
            esc += "<!-- c -->"
        out.append(esc)
    return " ".join(out)


def _po_string(t: str) -> str:
    return t.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


def make_file(fmt: str, targets: list[str], data: st.DataObject) -> bytes:
    """A valid file of ``fmt`` whose translatable units hold ``targets`` (in order)."""
    nl = data.draw(st.sampled_from(["\n", "\r\n"]), label="newline")
    if fmt == "text":
        return (nl.join(targets) + nl).encode("utf-8")
    if fmt == "tsv":
        return "".join(f"src {i}\t{t}" + ("\tnote" if i % 3 == 0 else "") + nl
                       for i, t in enumerate(targets)).encode("utf-8")
    if fmt == "jsonl":
        ascii_ = data.draw(st.booleans(), label="ensure_ascii")
        return "".join(json.dumps({"id": f"u{i}", "source": "s", "target": t}, ensure_ascii=ascii_) + nl
                       for i, t in enumerate(targets)).encode("utf-8")
    if fmt == "xliff12":
        units = "".join(f'<trans-unit id="{i}"><source>s</source><target>{_inline(t, data, 1)}</target>'
                        f"<alt-trans><target>{_xml_text(t, data)}</target></alt-trans></trans-unit>{nl}"
                        for i, t in enumerate(targets))
        return (f'<?xml version="1.0" encoding="UTF-8"?>{nl}<xliff version="1.2" '
                f'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
                f'target-language="fr" datatype="plaintext" original="x"><body>{nl}{units}</body></file>'
                f"</xliff>{nl}").encode()
    if fmt == "xliff2":
        units = "".join(f'<unit id="u{i}"><segment id="s1"><source>s</source><target>{_inline(t, data, 2)}'
                        f"</target></segment></unit>{nl}" for i, t in enumerate(targets))
        return (f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
                f'trgLang="fr"><file id="f">{nl}{units}</file></xliff>').encode()
    if fmt == "tmx":
        tus = "".join(f'<tu tuid="t{i}"><tuv xml:lang="en"><seg>{_xml_text(t, data)}</seg></tuv>'
                      f'<tuv xml:lang="fr-FR"><seg>{_inline(t, data, 0)}</seg></tuv></tu>{nl}'
                      for i, t in enumerate(targets))
        return (f'<?xml version="1.0"?>{nl}<tmx version="1.4"><header srclang="en" adminlang="en" '
                f'segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/>'
                f"<body>{nl}{tus}</body></tmx>{nl}").encode()
    if fmt == "po":
        out = [f'msgid ""{nl}msgstr ""{nl}"Content-Type: text/plain; charset=UTF-8\\n"{nl}{nl}']
        for i, t in enumerate(targets):
            cut = data.draw(st.integers(0, len(t)), label="po-cut")
            body = f'"{_po_string(t)}"' if cut in (0, len(t)) else \
                f'""{nl}"{_po_string(t[:cut])}"{nl}"{_po_string(t[cut:])}"'
            out.append(f"#: f.c:{i}{nl}msgid \"m{i}\"{nl}msgstr {body}{nl}{nl}")
        return "".join(out).encode("utf-8")
    raise AssertionError(fmt)


READER_FORMAT = {"text": "text", "tsv": "tsv", "jsonl": "jsonl", "xliff12": "xliff", "xliff2": "xliff",
                 "tmx": "tmx", "po": "po"}


def _slots(fmt: str, data: bytes) -> list:
    return list(slot_reader(READER_FORMAT[fmt])(data, encoding="utf-8", byte_base=0, first_line=1,
                                                target_lang="fr"))


def _piece_bytes(slot) -> list[tuple[int, int]]:
    return [(p.byte_start, p.byte_start + len(p.raw.encode("utf-8"))) for p in slot.pieces]


@FAST
@given(st.sampled_from(sorted(READER_FORMAT)), st.data())
def test_rewriting_changes_only_the_changed_spans(fmt: str, data: st.DataObject) -> None:
    targets = data.draw(st.lists(french(min_size=1, max_size=10).filter(lambda t: t.strip()),
                                 min_size=1, max_size=5), label="targets")
    if fmt == "tsv":
        targets = [t.replace("\t", " ") for t in targets]
    src = make_file(fmt, targets, data)
    slots = _slots(fmt, src)
    assert len(slots) == len(targets)
    expected: dict[str, str] = {}
    edits = []
    for slot in slots:
        text = slot.text
        cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True), label="cuts"))
        new = []
        pos = 0
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            after = data.draw(french(max_size=3), label="after")
            edit, why = slot_edit(slot, a, b, after, "utf-8")
            if edit is None:
                assert why  # refused with a reason (a span across markup, a line break in a line)
                continue
            # the edit lies inside one of the slot's text runs (never on markup) and covers exactly [a, b)
            hit = [p for p in slot.pieces
                   if p.byte_start <= edit.start and edit.end <= p.byte_start + len(p.raw.encode("utf-8"))]
            assert hit or slot.joinable
            if hit:
                span = src[edit.start:edit.end].decode("utf-8")
                assert (span if hit[0].kind in (PLAIN, CDATA) else unescape(hit[0].kind, span)) == text[a:b]
            edits.append(edit)
            new.append(text[pos:a] + after)
            pos = b
        new.append(text[pos:])
        expected[slot.unit] = "".join(new)
    out = apply_byte_edits(src, edits, "utf-8")
    # outside the edits the bytes are the input's
    pos_in = pos_out = 0
    for e in sorted(edits, key=lambda e: e.start):
        gap = e.start - pos_in
        assert out[pos_out:pos_out + gap] == src[pos_in:e.start]
        pos_out += gap + len(e.raw.encode("utf-8"))
        pos_in = e.end
    assert out[pos_out:] == src[pos_in:]
    # re-reading the output gives the new text, unit by unit (a unit left blank may be skipped). An
    # inline code is read as CODE_SEPARATOR only between two runs of text: an edit that empties the text
    # before or after a code leaves no separator there, so the edges are compared without them
    again = {s.unit: s.text for s in _slots(fmt, out)}
    assert set(again) <= set(expected)
    for unit, text in expected.items():
        if text.strip(CODE_SEPARATOR).strip():
            got = again.get(unit)
            assert got is not None and got.strip(CODE_SEPARATOR) == text.strip(CODE_SEPARATOR), (unit, text, got)


# ------------------------------------------------------------------ the output guard

_NAME = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd"), max_codepoint=0x2FF), min_size=1,
                max_size=8)
_ALIAS = st.sampled_from(["same", "dot", "dotdot", "slashes", "symlink", "chain", "dirlink", "hardlink",
                          "relative"])


def _alias(kind: str, f: Path, root: Path) -> str:
    """Another name for the file ``f`` (under ``root``)."""
    if kind == "same":
        return str(f)
    if kind == "dot":
        return f"{f.parent}/./{f.name}"
    if kind == "dotdot":
        return f"{f.parent}/../{f.parent.name}/{f.name}"
    if kind == "slashes":
        return f"{f.parent}//{f.name}"
    if kind == "symlink":
        (root / "ln").symlink_to(f)
        return str(root / "ln")
    if kind == "chain":
        (root / "ln1").symlink_to(f)
        (root / "ln2").symlink_to(root / "ln1")
        return str(root / "ln2")
    if kind == "dirlink":
        (root / "dl").symlink_to(f.parent, target_is_directory=True)
        return str(root / "dl" / f.name)
    if kind == "hardlink":
        os.link(f, root / "hl")
        return str(root / "hl")
    return "./" + os.path.relpath(f)  # relative to the current folder


@FAST
@given(_NAME, _ALIAS, st.sampled_from(["the input", "the glossary", "the database"]))
def test_an_output_that_is_an_input_under_any_name_is_refused(name: str, alias: str, role: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sub").mkdir()
        f = root / "sub" / f"{name}.txt"
        f.write_bytes(b"keep me\n")
        guard = OutputGuard()
        guard.reads(str(root / "other.txt"))  # not there: recorded, harmless
        guard.reads(str(f), role)
        with pytest.raises(UsageError, match="never overwrites its input"):
            guard.writes(_alias(alias, f, root))
        assert f.read_bytes() == b"keep me\n"


@FAST
@given(_NAME, _NAME, st.booleans())
def test_distinct_outputs_are_accepted(a: str, b: str, exists: bool) -> None:
    assume(a != b)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        f = root / f"{a}.txt"
        f.write_bytes(b"in\n")
        g = root / f"{b}.txt"
        if exists:
            g.write_bytes(b"in\n")  # same content, another file
        guard = OutputGuard()
        guard.reads(str(f))
        guard.writes(str(g))
        guard.writes(str(root / "sub" / f"{a}.txt"))  # same name, another folder
        with pytest.raises(UsageError, match="same file"):  # but never twice the same output
            guard.writes(f"{root}/./{b}.txt")


# ------------------------------------------------------------------ findings of the fuzz tier (regressions)

def _cli(*args: str) -> tuple[int, str]:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(root)}
    r = subprocess.run([sys.executable, "-m", "mtreview", *args], capture_output=True, env=env, timeout=300)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def test_xml_declaring_utf32_or_an_unknown_encoding_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """Fuzz finding: ``encoding="UTF-32"`` on ASCII bytes made expat raise ValueError ("multi-byte
    encodings are not supported"): a traceback in ``check`` and ``score``, a bare ``ValueError: ...``
    skip reason in ``normalise`` (with a UTF-8 BOM in front); an unknown name (a flipped bit in
    ``ISO-8859-1``) raised LookupError the same way."""
    xlf = tmp_path / "a.xlf"
    xlf.write_bytes(b'<?xml version="1.0" encoding="UTF-32"?>\n<xliff version="1.2"><file><body>'
                    b"<trans-unit id='1'><source>a</source><target>b</target></trans-unit></body></file></xliff>\n")
    for args in (["check", str(xlf)], ["score", "--hyp", str(xlf), "--ref", str(xlf)]):
        rc, err = _cli(*args)
        assert rc == 1 and "Traceback" not in err and "convert the file to UTF-8" in err, err
        assert len(err.strip().splitlines()) == 1, err
    xlf.write_bytes(xlf.read_bytes().replace(b"UTF-32", b"ISO-8959-1"))  # a name Python does not know
    rc, err = _cli("check", str(xlf))
    assert rc == 1 and "Traceback" not in err and "unknown encoding" in err, err
    bom = tmp_path / "in" / "b.xlf"
    bom.parent.mkdir()
    bom.write_bytes(b"\xef\xbb\xbf" + xlf.read_bytes())
    rc, err = _cli("normalise", str(bom.parent), "-o", str(tmp_path / "out"), "--glossary-only",
                   "--glossary", str(Path(__file__).parent / "data" / "batch" / "glossary.tsv"))
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert rc == 1 and "Traceback" not in err
    assert summary["skipped"][0]["error"].startswith("starts with a UTF-8 byte-order mark but declares"), summary


def test_utf8_bom_with_another_declared_encoding_is_skipped_with_a_reason(tmp_path: Path) -> None:
    """Fuzz finding: a UTF-8 BOM before ``encoding="ISO-8859-1"`` and Latin-1 bytes was parsed, then
    decoded as UTF-8 by the rewriter: skipped with a bare ``UnicodeDecodeError: ...``."""
    from mtreview.formats.rewrite_xml import detect_xml_encoding, read_slots

    data = (b'\xef\xbb\xbf<?xml version="1.0" encoding="ISO-8859-1"?>\n<tmx version="1.4"><body><tu>'
            b'<tuv xml:lang="fr"><seg>Montr\xe9al</seg></tuv></tu></body></tmx>\n')
    with pytest.raises(InputError, match="byte-order mark but declares encoding 'iso-8859-1'"):
        detect_xml_encoding(data)
    assert detect_xml_encoding(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf8"?><tmx/>') == "utf-8"
    with pytest.raises(InputError, match="not valid utf-8 at byte"):  # the rewriter's own guard
        list(read_slots(data, encoding="utf-8"))
