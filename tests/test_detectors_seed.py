"""The issue-5 detectors on the seed article against the annotation of its non-name errors.

``data/seed_annotated_nonname.tsv`` lists every non-name error a careful reviewer marks (pattern,
category, expected correction, note). At least half must be flagged (typography aside, since straight
quotes alone would fill the quota) and at least 70 % of the non-name flags must be real problems
(overlapping an annotated error or a name error of ``seed_names_gold.tsv``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import slow_fixture

DATA = Path(__file__).resolve().parent / "data"

DETECTORS = ["spelling", "grammar", "typography", "repetition", "untranslated", "omission", "mistranslation"]


def _spans(text, path, col=0):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            parts = line.split("\t")
            for m in re.finditer(parts[0], text):
                out.append((m.start(), m.end(), parts[1] if col else ""))
    return out


@pytest.fixture(scope="module")
@slow_fixture  # every detector but names on the seed article
def seed_flags(seed_text):
    from mtreview.review import Reviewer

    return Reviewer(DETECTORS).review(seed_text).flags


def _hit(f, a, b):
    return a <= f.start <= b if f.start == f.end else f.start < b and a < f.end


def test_annotation_patterns_match(seed_text):
    rows = (DATA / "seed_annotated_nonname.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        pat, cat, *_ = row.split("\t")
        assert re.search(pat, seed_text), pat
        assert "/" in cat and not cat.startswith("name/")


def test_recall_and_precision_on_the_seed(seed_text, seed_flags):
    gold = _spans(seed_text, DATA / "seed_annotated_nonname.tsv", col=1)
    names = _spans(seed_text, DATA / "seed_names_gold.tsv")
    flags = [f for f in seed_flags if not f.category.startswith("name/")]
    content = [g for g in gold if g[2] != "fluency/typography"]
    found = sum(any(_hit(f, a, b) for f in flags) for a, b, _ in content)
    assert found / len(content) >= 0.5, f"recall {found}/{len(content)}"
    found_all = sum(any(_hit(f, a, b) for f in flags) for a, b, _ in gold)
    assert found_all / len(gold) >= 0.5
    real = [f for f in flags if any(_hit(f, a, b) for a, b, _ in gold + names)]
    assert len(real) / len(flags) >= 0.7, [f.text for f in flags if f not in real]
    # each category the issue names is exercised on the seed
    cats = {f.category for f in real}
    assert {"fluency/spelling", "fluency/grammar", "fluency/repetition", "fluency/typography",
            "accuracy/untranslated", "accuracy/omission", "accuracy/mistranslation"} <= cats


def test_flags_have_offsets_suggestions_and_explanations(seed_text, seed_flags):
    for f in seed_flags:
        assert seed_text[f.start:f.end] == f.text
        assert f.explanation and 0 < f.confidence <= 1
    by_text = {f.text: f for f in seed_flags}
    assert by_text["liste des Noirs"].suggestions[0] == "liste noire"
    assert by_text["service de service"].suggestions[0] == "service"
    assert by_text["son monde"].suggestions[0] == "la paix"
