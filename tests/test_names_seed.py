"""Acceptance on the seed article: every listed name error flagged with the right first suggestion."""

from __future__ import annotations

import pytest
from conftest import DATA

from mtreview.evaluation import score_names, spans_from_patterns

pytestmark = pytest.mark.slow  # the full review of the seed article


def test_seed_name_recall_precision_top1(seed_text, seed_review):
    gold = spans_from_patterns(seed_text, DATA / "seed_names_gold.tsv")
    extra = spans_from_patterns(seed_text, DATA / "seed_names_extra.tsv")
    assert len(gold) == 46
    s = score_names(seed_text, seed_review.flags, gold, extra)
    print(s.line(), "missed", s.missed, "wrong", s.wrong, "false", s.false_flags)
    assert s.recall >= 0.95, s.missed
    assert s.top1 >= 0.95, s.wrong
    assert s.precision >= 0.95, s.false_flags


def test_seed_flags_follow_contract(seed_text, seed_review):
    last = -1
    for f in seed_review.flags:
        assert seed_text[f.start:f.end] == f.text
        assert f.start >= last
        last = f.start
        if f.category.startswith("name/"):
            assert f.explanation and f.evidence.get("entity")
            assert f.suggestions


def test_masque_is_musk_with_pivot_evidence(seed_text, seed_review):
    masques = [f for f in seed_review.flags if f.text.lower().endswith("masque")]
    assert len(masques) >= 16
    assert all(f.category == "name/translated" and f.suggestions[0].endswith("Musk") for f in masques)
    assert "Маск" in masques[0].evidence["mechanism"]


def test_locale_and_spelling_categories(seed_review):
    cats = {f.text: f.category for f in seed_review.flags}
    assert cats.get("Dmitry Peskov") == "name/locale"
    assert cats.get("StarLink") == "name/spelling"
    assert cats.get("Zhaiir Bolsonar") == "name/corrupted"
