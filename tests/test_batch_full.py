"""Full detection in ``normalise``: the Aho-Corasick prefilter selects segments, the real names detector
reviews them, confident ``name/*`` suggestions are applied in place; a second run changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtreview.cli import main

#: every test here runs the real names detector (the names base, spaCy) or a Dask cluster
pytestmark = pytest.mark.slow

#: a text that came through a Russian pivot: «Lavrovu» (dative) and «Medvedevym» (instrumental) are
#: romanised Russian case forms, so the English conventions of the Russian names are errors here
TEXT = """Le ministre Sergey Lavrov a rencontré Dmitry Medvedev à Moscou ; le message a été transmis à Lavrovu.
Une ligne sans aucun nom propre, juste des mots ordinaires.
Le président Alexander Lukashenko a reçu Anton Siluanov mardi, après un entretien avec Medvedevym.
Il porte un masque au bal masqué.
"""
FIXED_FIRST = "Le ministre Sergueï Lavrov a rencontré Dmitri Medvedev à Moscou ; le message a été transmis à Lavrov."

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="fr" datatype="plaintext" original="a.txt"><body>
  <trans-unit id="a"><source>Lavrov spoke.</source><target>Sergey Lavrov a parlé &amp; répondu.</target></trans-unit>
  <trans-unit id="b"><source>Nothing.</source><target>Rien de <g id="1">neuf</g>.</target></trans-unit>
 </body></file>
</xliff>
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("full") / "corpus"
    root.mkdir()
    (root / "news.txt").write_text(TEXT, "utf-8")
    (root / "units.xlf").write_text(XLIFF, "utf-8")
    return root


@pytest.fixture(scope="module")
def run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, list[dict]]:
    out = tmp_path_factory.mktemp("out")
    assert main(["-q", "normalise", str(corpus), "-o", str(out), "--workers", "1"]) == 0
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    changes = [json.loads(x) for x in (out / "changes.jsonl").read_text("utf-8").splitlines()]
    return out / "corpus", summary, changes


def test_detector_changes_applied(run: tuple[Path, dict, list[dict]]) -> None:
    out, summary, changes = run
    assert summary["mode"] == "full"
    assert (out / "news.txt").read_text("utf-8").splitlines() == [
        FIXED_FIRST,
        "Une ligne sans aucun nom propre, juste des mots ordinaires.",
        "Le président Alexandre Loukachenko a reçu Anton Silouanov mardi, après un entretien avec Medvedev.",
        "Il porte un masque au bal masqué.",
    ]
    xlf = (out / "units.xlf").read_text("utf-8")
    # nothing in this file shows a pivot: «Sergey Lavrov» is how much of the world writes the name, a
    # French convention to suggest (check), not an error to apply (issue 13: locale conversions)
    assert "<target>Sergey Lavrov a parlé &amp; répondu.</target>" in xlf
    assert '<target>Rien de <g id="1">neuf</g>.</target>' in xlf
    for c in changes:
        assert c["category"].startswith("name/") and c["confidence"] >= 0.8
        assert c["detector"] == "names" and c["evidence"]


def test_prefilter_spares_segments_without_names(run: tuple[Path, dict, list[dict]]) -> None:
    _, summary, _ = run
    news = next(f for f in summary["files"] if f["output"].endswith("news.txt"))
    assert news["units"] == 4 and news["checked"] < news["units"]  # units: the four lines, read or not


def test_full_mode_is_idempotent(run: tuple[Path, dict, list[dict]], tmp_path: Path) -> None:
    out, _, _ = run
    assert main(["-q", "normalise", str(out), "-o", str(tmp_path), "--workers", "1"]) == 0
    assert (tmp_path / "changes.jsonl").read_text("utf-8") == ""
    for p in out.iterdir():
        assert (tmp_path / "corpus" / p.name).read_bytes() == p.read_bytes()


def test_full_mode_on_dask_matches_inline(corpus: Path, tmp_path: Path) -> None:
    """The same plan (one line per unit of work) gives the same bytes on a Dask cluster and in one
    process. (A unit of work is the document whose evidence the detectors weigh: with one line per
    unit, a line's pivot signs no longer vouch for the next line.)"""
    import distributed
    inline, dask = tmp_path / "inline", tmp_path / "dask"
    assert main(["-q", "normalise", str(corpus), "-o", str(inline), "--workers", "1", "--chunk-mb", "0.0001"]) == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        assert main(["-q", "normalise", str(corpus), "-o", str(dask), "--scheduler",
                     cluster.scheduler_address, "--chunk-mb", "0.0001"]) == 0
    assert (inline / "changes.jsonl").read_text("utf-8")  # something was changed
    for p in (inline / "corpus").iterdir():
        assert (dask / "corpus" / p.name).read_bytes() == p.read_bytes()


def test_standard_input_is_normalised_to_stdin_txt(tmp_path: Path) -> None:
    """``normalise -`` (the contract's INPUT ``-``) reads standard input through a real subprocess."""
    import subprocess
    import sys

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "mtreview.cli", "-q", "normalise", "-", "-o", str(out), "--workers", "1"]
    proc = subprocess.run(cmd, input=TEXT.encode("utf-8"), capture_output=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = (out / "stdin.txt").read_text("utf-8").splitlines()
    assert lines[0] == FIXED_FIRST
    assert lines[3] == "Il porte un masque au bal masqué."
    changes = [json.loads(x) for x in (out / "changes.jsonl").read_text("utf-8").splitlines()]
    assert changes and all(c["file"] == "stdin.txt" for c in changes)
    assert not (out / ".mtreview-stdin").exists()  # the copy of standard input is removed after the run
    both = subprocess.run(cmd[:5] + ["-", str(tmp_path)] + cmd[6:], input=b"x", capture_output=True,
                          timeout=120, cwd=tmp_path)
    assert both.returncode == 2 and b"only INPUT" in both.stderr


def test_seed_normalised_like_a_whole_document_fix(tmp_path: Path) -> None:
    """The prefilter drops no segment the detector would change: on the seed article, ``normalise``
    (segment selection, batch review) writes what ``fix --only name/`` (whole-document review) writes."""
    seed = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
    src = tmp_path / "seed.txt"
    src.write_bytes(seed.read_bytes())
    assert main(["-q", "fix", str(src), "-o", str(tmp_path / "fixed.txt"), "--only", "name/"]) == 0
    assert main(["-q", "normalise", str(src), "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert (tmp_path / "out" / "seed.txt").read_text("utf-8") == (tmp_path / "fixed.txt").read_text("utf-8")
    changes = (tmp_path / "out" / "changes.jsonl").read_text("utf-8").splitlines()
    assert len(changes) >= 30


def test_seed_normalise_is_a_fixed_point_in_one_run(tmp_path: Path) -> None:
    """A second ``normalise`` over the first run's output changes nothing: the first run used all the
    evidence its own corrections could add."""
    seed = Path(__file__).resolve().parents[1] / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
    src = tmp_path / "seed.txt"
    src.write_bytes(seed.read_bytes())
    assert main(["-q", "normalise", str(src), "-o", str(tmp_path / "one"), "--workers", "1"]) == 0
    assert (tmp_path / "one" / "changes.jsonl").read_text("utf-8").strip()
    assert main(["-q", "normalise", str(tmp_path / "one" / "seed.txt"), "-o", str(tmp_path / "two"),
                 "--workers", "1"]) == 0
    assert (tmp_path / "two" / "changes.jsonl").read_text("utf-8") == ""
    assert (tmp_path / "two" / "seed.txt").read_bytes() == (tmp_path / "one" / "seed.txt").read_bytes()
