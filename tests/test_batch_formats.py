"""``mtreview normalise`` end to end, per format: unchanged units byte-identical, structure preserved
(checked with translate-toolkit's own storage classes), corrected units right, the change log
reproducing the output, and a second run changing nothing. Glossary-only mode: no models load."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtreview.cli import main

DATA = Path(__file__).parent / "data" / "batch"
CORPUS = DATA / "corpus"
GLOSSARIES = [DATA / "glossary.tsv", DATA / "glossary.tbx"]

#: variant -> canonical, as the two glossaries say
CANON = {
    "Sergey Lavrov": "Sergueï Lavrov", "Sergej Lawrow": "Sergueï Lavrov",
    "Dmitry Medvedev": "Dmitri Medvedev", "Dmitrii Medvedev": "Dmitri Medvedev",
    "Aleksey Navalny": "Alexeï Navalny", "Alexei Navalny": "Alexeï Navalny",
    "Redzhep Erdogan": "Recep Tayyip Erdoğan", "Redzhep Tayyip Erdogan": "Recep Tayyip Erdoğan",
    "Procter and Gamble": "Procter & Gamble",
    "Sergei Shoigu": "Sergueï Choïgou", "Sergey Shoygu": "Sergueï Choïgou", "Anton Siluanov": "Anton Silouanov",
}


def normalise(inputs: list[Path], out: Path, *extra: str) -> int:
    args = ["-q", "normalise", *map(str, inputs), "-o", str(out), "--glossary-only", "--workers", "1"]
    for g in GLOSSARIES:
        args += ["--glossary", str(g)]
    return main(args + list(extra))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict]]:
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(CORPUS, src / "corpus")
    out = tmp_path_factory.mktemp("out")
    assert normalise([src / "corpus"], out) == 0
    changes = [json.loads(line) for line in (out / "changes.jsonl").read_text("utf-8").splitlines()]
    return src / "corpus", out / "corpus", changes


def test_summary_and_log(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, changes = run
    summary = json.loads((out.parent / "summary.json").read_text("utf-8"))
    assert summary["tool"] == "mtreview normalise" and summary["mode"] == "glossary-only"
    assert summary["files_ok"] == 7 and summary["files_skipped"] == 0
    assert summary["changes"] == len(changes) == 28
    assert summary["changes_by_category"] == {"terminology/glossary": 28}
    assert summary["not_applied"] == 1  # the name split by <g> in news12.xlf unit 5
    for c in changes:
        assert CANON[c["before"]] == c["after"]
        assert c["rule"].startswith(("glossary.tsv#", "glossary.tbx#"))
        assert {"file", "unit", "line", "start", "end", "byte_start", "byte_end", "raw_after"} <= set(c)
    assert not (out.parent / ".mtreview-work").exists()


def test_log_reproduces_every_output_byte_for_byte(run: tuple[Path, Path, list[dict]]) -> None:
    """Applying the byte edits of changes.jsonl to an input gives its output: nothing else changed."""
    src, out, changes = run
    for path in sorted(src.iterdir()):
        data = path.read_bytes()
        for c in sorted((c for c in changes if c["file"].endswith("/" + path.name)),
                        key=lambda c: -c["byte_start"]):
            data = data[:c["byte_start"]] + c["raw_after"].encode("utf-8") + data[c["byte_end"]:]
        assert (out / path.name).read_bytes() == data, path.name


def _diff_lines(src: Path, out: Path, name: str) -> list[tuple[str, str]]:
    a = (src / name).read_bytes().decode("utf-8").splitlines(keepends=True)
    b = (out / name).read_bytes().decode("utf-8").splitlines(keepends=True)
    if len(a) != len(b):
        return [("".join(a), "".join(b))]
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_plain_text(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, _ = run
    assert _diff_lines(src, out, "news.txt") == [
        ("Le ministre Sergey Lavrov a rencontré Dmitry Medvedev à Moscou.\n",
         "Le ministre Sergueï Lavrov a rencontré Dmitri Medvedev à Moscou.\n"),
        ("Procter and Gamble vend du savon ; Redzhep Erdogan aussi.\n",
         "Procter & Gamble vend du savon ; Recep Tayyip Erdoğan aussi.\n"),
        ("Élysée : « Aleksey Navalny » est cité, puis Dmitrii Medvedev.\n",
         "Élysée : « Alexeï Navalny » est cité, puis Dmitri Medvedev.\n"),
    ]  # «Sergey Lavrovich», «MSergey Lavrov»: not whole words, untouched


def test_tsv_only_target_column_and_crlf(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, _ = run
    assert (out / "pairs.tsv").read_bytes() == (
        b"Sergey Lavrov met Dmitry Medvedev.\tSergue\xc3\xaf Lavrov a rencontr\xc3\xa9 Dmitri Medvedev.\r\n"
        b"Sergey Lavrov\tLe ministre russe.\r\n"
        b"Hello\tBonjour\r\n"
        b"Note\tAlexe\xc3\xaf Navalny dit\tSergey Lavrov (note)\r\n")


def test_jsonl_target_value_escapes_kept(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, _ = run
    lines = (out / "records.jsonl").read_bytes().split(b"\n")
    assert lines[0] == b'{"id": "u1", "source": "Sergey Lavrov said", "target": "Sergue\xc3\xaf Lavrov a dit"}'
    # an ASCII-escaped value stays ASCII-escaped
    assert lines[1] == b'{"id": 2, "src": "Alexei Navalny was", "tgt": "Alexe\\u00ef Navalny \\u00e9tait l\\u00e0"}'
    assert lines[2] == b'{"id": "u3", "target": "rien"}'
    # nested "target" untouched; escaped quotes around the change kept
    assert json.loads(lines[3]) == {"meta": {"target": "Sergey Lavrov"},
                                    "target": 'Procter & Gamble "cité" par Dmitri Medvedev'}
    assert lines[3].startswith(b'{"meta": {"target": "Sergey Lavrov"}, "target": "Procter & Gamble \\"cit')


def _units(path: Path) -> list[tuple[str, str, str]]:
    """(id, source, target) of every unit, as translate-toolkit reads the file."""
    from translate.storage import po, tmx, xliff
    from translate.storage.xliff2 import Xliff2File

    data = path.read_bytes()
    if path.suffix == ".po":
        store = po.pofile(data)
    elif path.suffix == ".tmx":
        store = tmx.tmxfile(data)
    elif b"document:2.0" in data:
        store = Xliff2File(data)
    else:
        store = xliff.xlifffile(data)
    return [(str(u.getid()), str(u.source), str(u.target)) for u in store.units if not u.isheader()]


def _fix(text: str) -> str:
    for v, c in sorted(CANON.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(v, c)
    return text


@pytest.mark.parametrize("name, changed", [
    ("news12.xlf", {"1", "2", "6"}),  # 3: only the name outside <ph>; 5: split by <g>
    ("news20.xliff", {"u1::s1", "u1::s2"}),
    ("memory.tmx", {"t1", "Alexei Navalny"}),
    ("messages.po", {"Sergey Lavrov met Dmitry Medvedev.", "headline\x04Navalny", "One visit by Sergey Lavrov"}),
])
def test_localisation_formats_structure(run: tuple[Path, Path, list[dict]], name: str, changed: set[str]) -> None:
    """Same units, same ids, same sources; targets corrected exactly where a variant stood."""
    src, out, _ = run
    before, after = _units(src / name), _units(out / name)
    assert [(i, s) for i, s, _ in before] == [(i, s) for i, s, _ in after]
    for (uid, _, t0), (_, _, t1) in zip(before, after, strict=True):
        uid = uid.split("\x04", 1)[1] if name.endswith(".xlf") else uid
        uid = uid if "visit" not in uid else "One visit by Sergey Lavrov"
        if uid in changed:
            assert t1 == _fix(t0) != t0, uid
        elif "<b>Sergey" in t0 or uid == "5":
            assert t1 == t0.replace("Alexei Navalny", "Alexeï Navalny")  # code and split names stay
        else:
            assert t1 == t0, uid


def test_xliff_markup_untouched(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, _ = run
    text = (out / "news12.xlf").read_text("utf-8")
    assert "<!-- a comment with <target>Sergey Lavrov</target> inside -->" in text
    assert "<target>Procter &amp; Gamble &amp; co</target>" in text  # the new '&' escaped
    assert '<ph id="3">&lt;b&gt;Sergey Lavrov&lt;/b&gt;</ph>' in text  # native code is not text
    assert "<alt-trans><target>Sergey Lavrov</target></alt-trans>" in text  # suggestions left alone
    assert '<target>Sergey <g id="1">Lavrov</g></target>' in text  # a change across markup: not applied
    assert "<target><![CDATA[Dmitri Medvedev <b>]]></target>" in text
    assert "<source>Sergey Lavrov met Dmitry Medvedev.</source>" in text
    tmx = (out / "memory.tmx").read_text("utf-8")
    assert '<tuv xml:lang="de"><seg>Sergey Lavrov</seg></tuv>' in tmx  # only French is normalised
    assert '<bpt i="1">&lt;i&gt;</bpt>Sergueï Lavrov<ept i="1">' in tmx


def test_po_header_obsolete_and_continuations(run: tuple[Path, Path, list[dict]]) -> None:
    src, out, _ = run
    text = (out / "messages.po").read_text("utf-8")
    assert '"X-Note: Sergey Lavrov\\n"' in text  # header untouched
    assert '#~ msgstr "Dmitry Medvedev"' in text  # obsolete entry untouched
    assert 'msgid "One visit by Sergey Lavrov"' in text
    assert '"Le retour d\'Alexeï Navalny \\"en Russie\\"\\n"' in text  # change across continuation strings


def test_second_run_changes_nothing(run: tuple[Path, Path, list[dict]], tmp_path: Path) -> None:
    src, out, _ = run
    again = tmp_path / "again"
    assert normalise([out], again) == 0
    assert (again / "changes.jsonl").read_text() == ""
    for path in out.iterdir():
        assert (again / "corpus" / path.name).read_bytes() == path.read_bytes()


def test_output_paths_and_folder_walk(tmp_path: Path) -> None:
    """Folders are walked (hidden files and a previous run's changes.jsonl skipped); relative paths kept."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text("Sergey Lavrov\n", "utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text("Sergey Lavrov\n", "utf-8")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    assert normalise([tmp_path / "in"], out) == 0
    assert (out / "in" / "sub" / "a.txt").read_text("utf-8") == "Sergueï Lavrov\n"
    assert not (out / "in" / ".hidden.txt").exists() and not (out / "in" / "notes.docx").exists()
    # the output folder, with its changes.jsonl and summary.json, normalises as a corpus of one file
    out2 = tmp_path / "out2"
    assert normalise([out], out2) == 0
    summary = json.loads((out2 / "summary.json").read_text("utf-8"))
    assert [f["output"] for f in summary["files"]] == ["out/in/sub/a.txt"]  # a folder INPUT keeps its name


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x\n")
    assert main(["normalise", str(f), "-o", str(tmp_path / "o"), "--glossary-only"]) == 2
    assert "--glossary-only needs" in capsys.readouterr().err
    assert main(["normalise", str(f), "-o", str(tmp_path), "--glossary-only",
                 "--glossary", str(GLOSSARIES[0])]) == 2  # would overwrite its input
    assert "overwrite" in capsys.readouterr().err
    assert main(["normalise", "-", str(f), "-o", str(tmp_path / "o")]) == 2  # '-' only alone
    assert "only INPUT" in capsys.readouterr().err
    bad = tmp_path / "bad.tsv"
    bad.write_text("fr\tvariants\nSergueï Lavrov\tLavrov\nLavrov\t\n", "utf-8")
    assert main(["normalise", str(f), "-o", str(tmp_path / "o"), "--glossary-only", "--glossary", str(bad)]) == 1
    assert "glossary conflict" in capsys.readouterr().err
