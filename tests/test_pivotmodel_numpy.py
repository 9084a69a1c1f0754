"""The pivot-error tagger's numpy inference (:mod:`mtreview.pivotmodel.numpy_infer`) against torch's.

On ~200 real French sentences (the seed article and book lines of ``shared/data/fr-mono-commonvoice-eltec``
when that folder is there) plus long texts cut into several pieces: the same tokens, token probabilities
within 1e-4 of the torch model's, the same flagged spans. And the numpy path imports no torch.
"""

from __future__ import annotations

import lzma
import re
import subprocess
import sys

import pytest
from conftest import ROOT, SEED

from mtreview.resources import shared_data_dir

MODEL = ROOT / "models" / "pivot-errors"
BOOKS = shared_data_dir() / "fr-mono-commonvoice-eltec" / "books_pd.fr.txt.xz"


def _sentences(n: int = 200) -> list[str]:
    out = [s for line in SEED.read_text(encoding="utf-8").splitlines()
           for s in re.split(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý])", line.strip()) if s]
    if BOOKS.is_file():
        with lzma.open(BOOKS, "rt", encoding="utf-8") as f:
            for line in f:
                if len(out) >= n:
                    break
                if line.strip():
                    out.append(line.strip())
    return out


@pytest.mark.slow
def test_numpy_matches_torch() -> None:
    from mtreview.pivotmodel import model as torch_model
    from mtreview.pivotmodel import numpy_infer

    texts = _sentences()
    assert len(texts) >= 30
    texts += [" ".join(texts[i:i + 10]) for i in range(0, 60, 10)]  # > 96 tokens: several pieces, padded batches
    texts += ["", "Bonjour", "« — »"]
    tm, tf, _ = torch_model.load(MODEL)
    nm, nf, _ = numpy_infer.load(MODEL)
    want = torch_model.predict(tm, tf, texts)
    got = numpy_infer.predict(nm, nf, texts, batch=32)  # other batches: other padding, same probabilities
    assert len(got) == len(want)
    diff = 0.0
    for w, g in zip(want, got, strict=True):
        assert [(a, b) for a, b, _, _ in g] == [(a, b) for a, b, _, _ in w]
        for (_, _, pw, bw), (_, _, pg, bg) in zip(w, g, strict=True):
            diff = max(diff, abs(pw - pg), abs(bw - bg))
    assert diff <= 1e-4, diff
    for w, g in zip(want, got, strict=True):
        assert [s[:2] for s in numpy_infer.spans_from_tokens(g)] == [s[:2] for s in torch_model.spans_from_tokens(w)]


def test_numpy_path_imports_no_torch() -> None:
    code = ("import sys\n"
            "import mtreview.pivotmodel.numpy_infer, mtreview.pivotmodel.features\n"
            "assert 'torch' not in sys.modules, sorted(m for m in sys.modules if m.startswith('torch'))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]


@pytest.mark.slow
def test_numpy_model_runs_without_torch() -> None:
    code = ("import sys\n"
            "sys.modules['torch'] = None  # any import of torch fails\n"
            "from pathlib import Path\n"
            "from mtreview.pivotmodel.numpy_infer import load, predict, spans_from_tokens\n"
            f"m, f, _ = load(Path({str(MODEL)!r}))\n"
            "text = 'Le directeur a rencontré les salariés de l\\'usine de usine hier matin.'\n"
            "toks = predict(m, f, [text])\n"
            "assert toks[0] and all(0.0 <= p <= 1.0 for _, _, p, _ in toks[0])\n"
            "a = text.index('de usine')\n"
            "assert any(s < a + 8 and e > a for s, e, _ in spans_from_tokens(toks[0])), toks\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
