"""The long fuzz tier: a seeded mutation corpus through the real CLI (``pytest -m fuzz``).

For every format ``normalise`` and ``check`` read (text, TSV, JSONL, XLIFF 1.2, XLIFF 2, TMX, PO and
CSV/TSV glossaries) a few valid seed files are mutated deterministically (``random.Random(seed)``:
byte flips, truncation, control bytes, invalid UTF-8, huge lines, deep nesting, unbalanced quotes and
tags, entity declarations, BOMs, NULs, glossary variants spliced in...) into ``FUZZ_PER_FORMAT``
inputs (10,000 by default) and run through the real CLI in batches:

* ``mtreview normalise DIR -o OUT --glossary G --glossary-only`` over a folder of thousands of files,
  one process per batch (the second batch of a line format with ``--detect-encoding``);
* each mutated glossary through ``normalise`` (and a sample through ``check``) with
  ``tests/fuzz_cli_driver.py``: ``mtreview.cli.main`` called as the console script calls it, many
  times in one process;
* ``check`` and ``score`` on a sample of every format (driver), a few through real subprocesses, and
  ``normalise`` with full detection on a small sample.

Asserted for every run: no traceback, exit status 0, 1 or 2, no input modified (sha256 before and
after), every file in ``summary.json`` either ``ok`` or ``skipped`` with a reason (never "internal
error"), and for every output: the input with the byte edits of ``changes.jsonl`` applied is exactly
the output (no byte changed outside the reported spans). Each batch has a time bound. Deselected by
default (``addopts`` in pyproject.toml); ``scripts/test.sh`` runs it after the default tests. Figures of
the last run: docs/reliability.md, "Fuzzing".
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.fuzz

#: mutated inputs per format (MTREVIEW_FUZZ_PER_FORMAT to change it)
PER_FORMAT = int(os.environ.get("MTREVIEW_FUZZ_PER_FORMAT", "10000"))
#: of those, how many also go through ``check`` and ``score`` (in-process driver)
CHECK_SAMPLE = int(os.environ.get("MTREVIEW_FUZZ_CHECK_SAMPLE", "150"))
#: files per format reviewed by ``normalise`` with full detection
FULL_SAMPLE = int(os.environ.get("MTREVIEW_FUZZ_FULL_SAMPLE", "12"))
#: seconds a normalise batch of 5,000 small files may take (measured: about 10 s on 2 cores)
BATCH_SECONDS = 240
SEED = 20240611

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
       "PYTHONPATH": str(ROOT)}
CORPUS = ROOT / "tests" / "data" / "batch" / "corpus"
GLOSSARY = ROOT / "tests" / "data" / "batch" / "glossary.tsv"
DRIVER = ROOT / "tests" / "fuzz_cli_driver.py"

#: glossary variants (tests/data/batch/glossary.tsv): spliced into files so that changes happen
VARIANTS = ["Sergey Lavrov", "Sergej Lawrow", "Dmitry Medvedev", "Dmitrii Medvedev", "Aleksey Navalny",
            "Alexei Navalny", "Redzhep Erdogan", "Procter and Gamble", "Redzhep Tayyip Erdogan"]

# ------------------------------------------------------------------ seeds

EXTRA_SEEDS: dict[str, list[bytes]] = {
    "text": [
        "\ufeffLe président Redzhep Erdogan a reçu Sergey Lavrov.\r\nL’Élysée : « Dmitrii Medvedev ».\r\n".encode(),
        ("Procter and Gamble\u00a0; Sergej Lawrow\tet\u202fAlexei Navalny…\n" * 3).encode(),
    ],
    "tsv": [
        "id\tfr\tnote\r\nSergey Lavrov\tSergey Lavrov a dit « non ».\tx\r\n\t\r\nHello\tProcter and Gamble\n".encode(),
    ],
    "jsonl": [
        ('{"id": 1, "target": "Sergey\\u0020Lavrov \\"cité\\" \\ud83d\\ude00 Dmitry Medvedev"}\n'
         '{"tgt": "Alexei Navalny\\nRedzhep Erdogan", "id": "x"}\n{"text": "Procter and Gamble", "n": [1, {"a": null}]}\n'
         '[1, 2]\n').encode(),
    ],
    "xliff12": [
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
         b'<file source-language="en" target-language="fr" datatype="plaintext" original="a"><body>\n'
         b'<trans-unit id="a"><source>x</source><target>Sergey&#32;Lavrov <g id="1">Dmitry Medvedev</g>'
         b'<x id="2"/>Procter and Gamble &amp; <![CDATA[Alexei Navalny <b>]]></target>'
         b'<alt-trans><target>Sergey Lavrov</target></alt-trans></trans-unit>\n'
         b'<trans-unit id="b"><source>y</source><target/></trans-unit>\n</body></file></xliff>\n'),
    ],
    "xliff2": [
        (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" '
         b'version="2.1" srcLang="en" trgLang="fr"><file id="f"><unit id="u"><mtc:matches><mtc:match ref="#s">'
         b'<source>x</source><target>Sergey Lavrov</target></mtc:match></mtc:matches>\n<segment id="s">'
         b'<source>x</source><target>Dmitry Medvedev <sc id="1"/>Sergey Lavrov<ec startRef="1"/> &lt;ok&gt;'
         b'</target></segment><ignorable><source> </source><target>Alexei Navalny</target></ignorable>'
         b'</unit></file></xliff>'),
    ],
    "tmx": [
        ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<tmx version="1.4"><header srclang="en" adminlang="en" '
         'segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>\n'
         '<tu><tuv lang="fr_CA"><seg>Redzhep Erdogan à Montréal</seg></tuv><tuv xml:lang="frr"><seg>Sergey Lavrov'
         '</seg></tuv></tu>\n</body></tmx>\n').encode("latin-1"),
    ],
    "po": [
        (b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
         b'msgctxt "menu"\nmsgid "A"\nmsgstr "Sergey \\"Lavrov\\"\\n\\tDmitry Medvedev \\101"\n\n'
         b'msgid "B"\nmsgstr ""\n"Alexei "\n"Navalny"\n\n#~ msgid "C"\n#~ msgstr "Sergey Lavrov"\n'),
    ],
    "glossary": [
        "fr,en,ru,aliases,variants,type\nSergueï Lavrov,Sergey Lavrov,,Lavrov,Sergey Lavrov|Sergej Lawrow,person\n"
        '"Procter & Gamble",,,,"Procter and Gamble",organisation\n'.encode(),
        "# headerless variant,canonical rows\nDmitry Medvedev,Dmitri Medvedev\nAlexei Navalny,Alexeï Navalny\n".encode(),
    ],
}
SEED_FILES = {"text": ["news.txt"], "tsv": ["pairs.tsv"], "jsonl": ["records.jsonl"], "xliff12": ["news12.xlf"],
              "xliff2": ["news20.xliff"], "tmx": ["memory.tmx"], "po": ["messages.po"]}
EXT = {"text": ".txt", "tsv": ".tsv", "jsonl": ".jsonl", "xliff12": ".xlf", "xliff2": ".xliff", "tmx": ".tmx",
       "po": ".po", "glossary": ".csv"}
FORMATS = ["text", "tsv", "jsonl", "xliff12", "xliff2", "tmx", "po"]


def seeds(fmt: str) -> list[bytes]:
    files = [CORPUS / n for n in SEED_FILES.get(fmt, [])]
    if fmt == "glossary":
        files = [GLOSSARY]
    return [f.read_bytes() for f in files] + EXTRA_SEEDS[fmt]


# ------------------------------------------------------------------ mutations

Mutation = Callable[[bytes, random.Random, str], bytes]

_CONTROL = [bytes([b]) for b in [*range(0, 32), 127]]
_BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\x80",
             b"\xc3\x28", b"\xf0\x9f\x98"]
_UNBALANCED = [b'"', b"'", b"<", b">", b"</target>", b"<target>", b"<seg>", b"</seg>", b"]]>", b"<![CDATA[",
               b"<!--", b"&", b"&amp", b"\\", b'\\"', b"\\u12", b"\\ud800", b"{", b"}", b"[", b"]", b"msgstr ",
               b'msgid "', b'msgstr[0] "', b"\t", b"\t\t\t", b",", b"|", b'"",', b"<g>", b"</g>", b"<x/>",
               b"<ph>", b"<bpt i='1'>", b"</trans-unit>", b"<mrk mtype='x'>", b"#~ ", b"#, fuzzy\n"]
_ENTITIES = [b'<!DOCTYPE xliff [<!ENTITY a "Sergey Lavrov">]>', b'<!DOCTYPE x [<!ENTITY % p "x"> %p;]>',
             b'<!DOCTYPE x SYSTEM "file:///etc/passwd">', b'<!DOCTYPE lolz [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;">]>',
             b'<!ENTITY e SYSTEM "http://127.0.0.1/x">', b"&a;", b"&l2;", b"&#0;", b"&#xD800;", b"&#x110000;",
             b"&#65;", b"&#x1F600;", b"&nbsp;", b"&#xFFFE;", b"&#9;", b'<?xml-stylesheet href="x"?>']
_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


def _at(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def _insert(data: bytes, rng: random.Random, what: bytes) -> bytes:
    i = _at(data, rng)
    return data[:i] + what + data[i:]


def m_flip(data: bytes, rng: random.Random, fmt: str) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_truncate(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def m_control(data: bytes, rng: random.Random, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 4)):
        data = _insert(data, rng, rng.choice(_CONTROL) * rng.randint(1, 3))
    return data


def m_bad_utf8(data: bytes, rng: random.Random, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = _insert(data, rng, rng.choice(_BAD_UTF8))
    return data


def m_huge_line(data: bytes, rng: random.Random, fmt: str) -> bytes:
    unit = rng.choice([b"x", "é".encode(), b"a b ", b"&amp;", b"\\n", b"Le ministre a dit. "])
    line = unit * rng.randint(2_000, 60_000 // len(unit))
    if rng.random() < 0.3:  # a few names in it, far apart
        line = _insert(_insert(line, rng, b" Sergey Lavrov "), rng, b" Dmitry Medvedev ")
    return _insert(data, rng, line)


def m_deep(data: bytes, rng: random.Random, fmt: str) -> bytes:
    n = rng.choice([50, 1_000, 5_000, 50_000])
    kind = rng.choice(["json", "xml", "po"])
    if kind == "json":
        deep = b'{"target": "Sergey Lavrov", "n": ' + b"[" * n + b"]" * n + b"}\n"
        return _insert(data, rng, deep if rng.random() < 0.5 else b"[" * n)
    if kind == "xml":
        deep = b"<g id='1'>" * n + b"Sergey Lavrov" + b"</g>" * (n if rng.random() < 0.7 else n - 1)
        return _insert(data, rng, deep)
    return _insert(data, rng, (b'"Sergey Lavrov "\n' if n <= 1_000 else b'"texte "\n') * n)


def m_unbalanced(data: bytes, rng: random.Random, fmt: str) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = _insert(data, rng, rng.choice(_UNBALANCED))
    return data


def m_entity(data: bytes, rng: random.Random, fmt: str) -> bytes:
    ent = rng.choice(_ENTITIES)
    if ent.startswith(b"<!DOCTYPE") and b"?>" in data[:200]:  # after the XML declaration
        i = data.index(b"?>") + 2
        return data[:i] + ent + data[i:]
    return _insert(data, rng, ent)


def m_bom(data: bytes, rng: random.Random, fmt: str) -> bytes:
    bom = rng.choice(_BOMS)
    r = rng.random()
    if r < 0.4:
        return bom + data
    if r < 0.6:
        return _insert(data, rng, bom)
    try:  # the whole file in UTF-16/32 with its BOM
        enc = rng.choice(["utf-16", "utf-32", "utf-16-be"])
        return data.decode("utf-8").encode(enc)
    except UnicodeDecodeError:
        return bom + data


def m_nul(data: bytes, rng: random.Random, fmt: str) -> bytes:
    return _insert(data, rng, b"\x00" * rng.choice([1, 2, 4, 100]))


def m_slice(data: bytes, rng: random.Random, fmt: str) -> bytes:
    a, b = sorted((_at(data, rng), _at(data, rng)))
    r = rng.random()
    if r < 0.4:
        return data[:a] + data[b:]  # delete
    if r < 0.8:
        return data[:b] + data[a:b] * rng.randint(1, 5) + data[b:]  # duplicate
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def m_newlines(data: bytes, rng: random.Random, fmt: str) -> bytes:
    r = rng.random()
    if r < 0.4:
        return data.replace(b"\n", b"\r\n")
    if r < 0.6:
        return data.replace(b"\n", b"\r")
    if r < 0.8:
        return _insert(data, rng, b"\r")
    return data.rstrip(b"\n")


def m_variant(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """A glossary variant spliced in (often inside a target): the file may stay valid and change."""
    for _ in range(rng.randint(1, 3)):
        v = rng.choice(VARIANTS)
        if rng.random() < 0.3:
            v = rng.choice([v.upper(), v.replace(" ", "\u00a0"), v.replace(" ", "&#32;"), v.replace(" ", "\\u0020"),
                            v.replace(" ", "\\t"), "«" + v + "»", v[:-1]])
        i = _at(data, rng)
        # nudge the position to just after a '>' or a '"' that is close, to land in a target
        j = max(data.rfind(b">", 0, i), data.rfind(b'"', 0, i), data.rfind(b"\t", 0, i))
        if j >= 0 and i - j < 40 and rng.random() < 0.7:
            i = j + 1
        data = data[:i] + v.encode() + b" " + data[i:]
    return data


def m_encoding(data: bytes, rng: random.Random, fmt: str) -> bytes:
    r = rng.random()
    if r < 0.5:
        try:
            return data.decode("utf-8").encode(rng.choice(["cp1252", "latin-1", "cp1251", "mac_roman"]), "replace")
        except UnicodeDecodeError:
            return data
    decl = rng.choice([b"ISO-8859-1", b"UTF-16", b"bogus-enc", b"ebcdic-cp-us", b"cp1252", b"utf8", b"UTF-32"])
    if b"encoding=" in data[:100]:
        i = data.index(b"encoding=") + 10
        j = data.find(data[i - 1:i], i)
        return data[:i] + decl + data[j:] if j > 0 else data
    if b"charset=" in data[:400]:
        i = data.index(b"charset=") + 8
        return data[:i] + decl + data[i:]
    return b'<?xml version="1.0" encoding="' + decl + b'"?>\n' + data


def m_cross(data: bytes, rng: random.Random, fmt: str) -> bytes:
    other = rng.choice([s for f in FORMATS for s in seeds(f)])
    a, b = sorted((rng.randrange(len(other) + 1), rng.randrange(len(other) + 1)))
    return _insert(data, rng, other[a:b])


MUTATIONS: list[tuple[Mutation, int]] = [
    (m_flip, 10), (m_truncate, 6), (m_control, 6), (m_bad_utf8, 6), (m_huge_line, 1), (m_deep, 2),
    (m_unbalanced, 10), (m_entity, 5), (m_bom, 4), (m_nul, 3), (m_slice, 8), (m_newlines, 4),
    (m_variant, 14), (m_encoding, 3), (m_cross, 3),
]


def mutants(fmt: str, n: int, seed: int = SEED) -> Iterator[tuple[bytes, list[str]]]:
    """``n`` mutated files of ``fmt`` (deterministic for a seed), each with the mutations applied."""
    rng = random.Random(f"{seed}:{fmt}")
    base = seeds(fmt)
    ops, weights = zip(*MUTATIONS, strict=True)
    for _ in range(n):
        data = rng.choice(base)
        names = []
        if rng.random() < 0.15:  # a valid file with variants in it: it must be normalised, not skipped
            chosen = [m_variant]
        else:
            chosen = rng.choices(ops, weights, k=rng.choice([1, 1, 2, 3]))
        for op in chosen:
            data = op(data, rng, fmt)
            names.append(op.__name__[2:])
        yield data, names


# ------------------------------------------------------------------ checks

def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def no_traceback(stderr: str, what: str) -> None:
    assert "Traceback" not in stderr, f"{what}: traceback\n{stderr[-3000:]}"


def rebuild(data: bytes, changes: list[dict], encoding: str) -> bytes:
    """The input with the change log's byte edits applied (what the output must be)."""
    out = []
    pos = 0
    for c in sorted(changes, key=lambda c: c["byte_start"]):
        assert pos <= c["byte_start"] <= c["byte_end"] <= len(data), c
        out.append(data[pos:c["byte_start"]])
        out.append(c["raw_after"].encode(encoding))
        pos = c["byte_end"]
    out.append(data[pos:])
    return b"".join(out)


def check_normalise_run(indir: Path, outdir: Path, files: dict[str, bytes], r: subprocess.CompletedProcess | dict,
                        what: str) -> dict:
    """Every promise of a normalise run over ``files`` (name → bytes as written); the figures."""
    rc = r.returncode if isinstance(r, subprocess.CompletedProcess) else r["rc"]
    err = r.stderr.decode("utf-8", "replace") if isinstance(r, subprocess.CompletedProcess) else r["stderr"]
    no_traceback(err, what)
    if isinstance(r, dict):
        assert not r["traceback"], f"{what}: traceback\n{r['traceback']}"
    assert rc in (0, 1, 2), (what, rc, err[-2000:])
    for name, data in files.items():  # zero inputs modified
        assert sha((indir / name).read_bytes()) == sha(data), f"{what}: input {name} was modified"
    figures = {"files": len(files), "ok": 0, "skipped": 0, "changed": 0, "changes": 0, "rc": rc}
    if rc == 2:
        return figures
    summary = json.loads((outdir / "summary.json").read_text("utf-8"))
    records = {Path(rec["path"]).name: rec for rec in summary["files"]}
    assert set(records) == set(files), f"{what}: files missing from summary.json"
    changes: dict[str, list[dict]] = {}
    with open(outdir / "changes.jsonl", encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            changes.setdefault(c["file"], []).append(c)
    for name, rec in records.items():
        if rec["status"] != "ok":
            assert rec["status"] == "skipped" and rec.get("error"), (what, name, rec)
            assert "internal error" not in rec["error"], (what, name, rec["error"])
            # a reason is a sentence, not a bare Python exception ("ValueError: ...")
            assert not re.match(r"[A-Z]\w*(Error|Exception): ", rec["error"]), (what, name, rec["error"])
            reason = re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"|b'.*", "…", rec["error"]))[:60]
            REASONS[reason] = REASONS.get(reason, 0) + 1
            assert not (outdir / rec["output"]).exists() or rec.get("old_output"), (what, name)
            figures["skipped"] += 1
            continue
        figures["ok"] += 1
        got = (outdir / rec["output"]).read_bytes()
        mine = changes.get(rec["output"], [])
        assert rebuild(files[name], mine, rec["encoding"]) == got, f"{what}: {name}: bytes changed outside spans"
        if rec["format"] in ("text", "tsv"):
            for c in mine:
                assert files[name][c["byte_start"]:c["byte_end"]].decode(rec["encoding"]) == c["before"], c
        if mine:
            figures["changed"] += 1
            figures["changes"] += len(mine)
    assert rc == (1 if figures["skipped"] else 0), (what, rc, figures)
    return figures


def driver(jobs: list[list[str]], work: Path, what: str, timeout: float) -> list[dict]:
    """Run the jobs in one process with tests/fuzz_cli_driver.py; no job may end in a traceback."""
    jf, rf = work / f"{what}.jobs.json", work / f"{what}.results.jsonl"
    jf.write_text(json.dumps(jobs), "utf-8")
    r = subprocess.run([sys.executable, str(DRIVER), str(jf), str(rf)], capture_output=True, env=ENV,
                       timeout=timeout, cwd=work)
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 0, (what, err[-3000:])
    no_traceback(err, what)
    results = [json.loads(line) for line in rf.read_text("utf-8").splitlines()]
    assert len(results) == len(jobs), what
    for res in results:
        assert not res["traceback"], f"{what}: {res['argv']}\n{res['traceback']}"
        no_traceback(res["stderr"], f"{what}: {res['argv']}")
        assert res["rc"] in (0, 1, 2), (what, res)
    return results


def cli(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtreview", *args], capture_output=True, cwd=cwd, env=ENV,
                          timeout=timeout)


# ------------------------------------------------------------------ the corpus

@pytest.fixture(scope="module")
def work() -> Iterator[Path]:
    """A scratch folder in memory when the machine has one (thousands of small fsync'ed files)."""
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    d = Path(tempfile.mkdtemp(prefix="mtreview-fuzz-", dir=base))
    yield d
    shutil.rmtree(d, ignore_errors=True)


FIGURES: dict[str, dict] = {}
#: skip reasons seen (numbers and quoted bits folded), for the report
REASONS: dict[str, int] = {}


def _write_corpus(fmt: str, folder: Path, n: int) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for i, (data, _ops) in enumerate(mutants(fmt, n)):
        name = f"m{i:05d}{EXT[fmt]}"
        (folder / name).write_bytes(data)
        files[name] = data
    return files


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_through_normalise(fmt: str, work: Path) -> None:
    files = _write_corpus(fmt, work / fmt, PER_FORMAT)
    names = sorted(files)
    half = (len(names) + 1) // 2
    totals: dict[str, float] = {"files": 0, "ok": 0, "skipped": 0, "changed": 0, "changes": 0, "seconds": 0.0}
    for b, batch in enumerate([names[:half], names[half:]]):
        indir = work / f"{fmt}-batch{b}"
        indir.mkdir()
        for name in batch:
            os.link(work / fmt / name, indir / name)
        outdir = work / f"{fmt}-out{b}"
        extra = ["--detect-encoding"] if b == 1 and fmt in ("text", "tsv", "jsonl") else []
        t0 = time.monotonic()
        r = cli("-q", "normalise", str(indir), "-o", str(outdir), "--glossary", str(GLOSSARY), "--glossary-only",
                "--workers", "1", *extra, cwd=work, timeout=BATCH_SECONDS + 60)
        took = time.monotonic() - t0
        fig = check_normalise_run(indir, outdir, {n: files[n] for n in batch}, r, f"{fmt} batch {b}")
        assert fig["rc"] != 2, r.stderr.decode("utf-8", "replace")[-2000:]
        assert took < BATCH_SECONDS, f"{fmt} batch {b}: {took:.0f} s for {len(batch)} files"
        for k in ("files", "ok", "skipped", "changed", "changes"):
            totals[k] += fig[k]
        totals["seconds"] += took
        shutil.rmtree(outdir)
    assert totals["ok"] > 0 and totals["changed"] > 0, (fmt, totals)  # the corpus is not all rejects
    FIGURES[fmt] = totals
    print(f"\nfuzz {fmt}: {totals}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_through_check_and_score(fmt: str, work: Path) -> None:
    folder = work / fmt
    if not folder.is_dir():
        _write_corpus(fmt, folder, PER_FORMAT)
    names = sorted(p.name for p in folder.iterdir())
    rng = random.Random(f"{SEED}:check:{fmt}")
    sample = rng.sample(names, min(CHECK_SAMPLE, len(names)))
    before = {n: sha((folder / n).read_bytes()) for n in sample}
    out = work / f"{fmt}-check"
    out.mkdir()
    jobs = []
    for i, n in enumerate(sample):
        jobs.append(["check", str(folder / n), "--detectors", "typography,repetition", "--format",
                     rng.choice(["json", "text", "xliff"]), "-o", str(out / f"c{i}.out")])
        jobs.append(["score", "--hyp", str(folder / n), "--ref", str(folder / sample[0]), "--allow-missing",
                     "--metrics", "bleu,chrf", "--format", "json", "-o", str(out / f"s{i}.json")])
    t0 = time.monotonic()
    results = driver(jobs, work, f"check-{fmt}", timeout=BATCH_SECONDS)
    assert time.monotonic() - t0 < BATCH_SECONDS
    assert any(r["rc"] == 0 for r in results), fmt
    # a few through real processes: the console script's own exit path
    for n in sample[:3]:
        for args in (["check", str(folder / n), "--detectors", "typography", "--format", "text"],
                     ["score", "--hyp", str(folder / n), "--ref", str(folder / n), "--metrics", "chrf"]):
            r = cli(*args, cwd=work, timeout=120)
            no_traceback(r.stderr.decode("utf-8", "replace"), f"{args}")
            assert r.returncode in (0, 1, 2), (args, r.stderr[-2000:])
    assert {n: sha((folder / n).read_bytes()) for n in sample} == before, "an input was modified"
    shutil.rmtree(out)


def test_mutated_glossaries(work: Path) -> None:
    """Each mutated CSV/TSV glossary through normalise (glossary-only) and a sample through check."""
    folder = work / "glossary"
    gl = _write_corpus("glossary", folder, PER_FORMAT)
    text = work / "glossary-input"
    text.mkdir()
    sample_in = ("Sergey Lavrov, Sergej Lawrow et Dmitry Medvedev ; Alexei Navalny, Procter and Gamble, "
                 "Redzhep Erdogan. Le président et la ministre, Musk, Poutine.\n") * 3
    (text / "in.txt").write_text(sample_in, encoding="utf-8")
    files = {"in.txt": sample_in.encode()}
    names = sorted(gl)
    jobs = [["-q", "normalise", str(text), "-o", str(work / "g-out" / f"o{i}"), "--glossary", str(folder / n),
             "--glossary-only", "--workers", "1"] for i, n in enumerate(names)]
    rng = random.Random(f"{SEED}:glossary-check")
    checks = [["check", str(text / "in.txt"), "--glossary", str(folder / n), "--detectors", "typography",
               "--format", "text", "-o", str(work / "g-out" / f"c{i}.txt")]
              for i, n in enumerate(rng.sample(names, min(CHECK_SAMPLE, len(names))))]
    t0 = time.monotonic()
    results = driver(jobs + checks, work, "glossary", timeout=BATCH_SECONDS * 2)
    took = time.monotonic() - t0
    assert took < BATCH_SECONDS * 2, took
    counts = {"files": len(names), "accepted": 0, "refused": 0, "changed": 0, "seconds": round(took, 1)}
    for i, res in enumerate(results[:len(jobs)]):
        outdir = work / "g-out" / f"o{i}"
        if res["rc"] != 0:
            # refused: one line saying why (after the note of a guessed encoding, if any)
            lines = [x for x in res["stderr"].splitlines() if x.strip() and not x.endswith("(detected)")]
            assert res["rc"] == 1 and len(lines) == 1, res
            assert not (outdir / "summary.json").exists(), res
            counts["refused"] += 1
            continue
        fig = check_normalise_run(text, outdir, files, res, f"glossary {names[i]}")
        counts["accepted"] += 1
        counts["changed"] += bool(fig["changes"])
        shutil.rmtree(outdir)
    assert counts["accepted"] > 0 and counts["refused"] > 0, counts
    FIGURES["glossary"] = counts
    print(f"\nfuzz glossary: {counts}")


def test_full_detection_on_a_sample(work: Path) -> None:
    """``normalise`` with the detectors (not only the glossary) on a small sample of every format."""
    indir = work / "full-in"
    indir.mkdir()
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        for i, (data, _ops) in enumerate(mutants(fmt, FULL_SAMPLE, seed=SEED + 1)):
            name = f"{fmt}{i:03d}{EXT[fmt]}"
            (indir / name).write_bytes(data)
            files[name] = data
    outdir = work / "full-out"
    t0 = time.monotonic()
    r = cli("-q", "normalise", str(indir), "-o", str(outdir), "--glossary", str(GLOSSARY), "--workers", "1",
            cwd=work, timeout=BATCH_SECONDS + 60)
    took = time.monotonic() - t0
    fig = check_normalise_run(indir, outdir, files, r, "full detection")
    assert fig["rc"] != 2, r.stderr.decode("utf-8", "replace")[-2000:]
    assert took < BATCH_SECONDS, took
    fig["seconds"] = round(took, 1)
    FIGURES["full"] = fig
    print(f"\nfuzz full detection: {fig}")
    print("skip reasons:", json.dumps(dict(sorted(REASONS.items(), key=lambda kv: -kv[1])), indent=1,
                                      ensure_ascii=False))
