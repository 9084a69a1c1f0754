"""Polysemy detector: confusion sets of Russian pivot words + the French n-gram model (real spaCy, real n-grams).

Positives and traps are written for these tests (not taken from corpora/eval)."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors import REGISTRY
from mtreview.detectors.polysemy import SETS_FILE, PolysemyDetector, sense_index, sense_sets


@pytest.fixture(scope="module")
@slow_fixture
def det() -> PolysemyDetector:
    from mtreview.knowledge.ngrams import get_ngrams

    if get_ngrams() is None:
        pytest.skip("models/fr-ngrams is absent")
    return PolysemyDetector()


def test_table_loads_with_source_and_shape():
    rows = sense_sets()
    assert len(rows) >= 300
    assert {r.pos for r in rows} == {"NOUN", "VERB", "ADJ"}
    assert all(len(r.senses) >= 2 for r in rows)
    assert len({r.russian for r in rows}) == len(rows)  # one row per Russian word
    head = SETS_FILE.read_text(encoding="utf-8").split("\n", 20)
    assert any("Wiktionary (CC BY-SA), Russian entries" in line for line in head)
    index = sense_index()
    assert any(s.russian == "ставка" for s in index[("taux", "NOUN")])
    assert ("chiffre d'affaires", "NOUN") not in index  # multi-word senses are never tested
    assert "polysemy" in REGISTRY


@pytest.mark.parametrize("text, span, suggestion, pivot", [
    ("Les deux pays ont signé un traité de monde.", "monde", "paix", "ru:мир"),
])
def test_flagged_strong(det, text, span, suggestion, pivot):
    out = flags(det, text)
    f = next((f for f in out if f.text == span), None)
    assert f is not None, [(x.text, x.suggestions) for x in out]
    assert f.suggestions[0] == suggestion
    assert f.confidence >= 0.5
    assert f.category == "accuracy/mistranslation"
    assert f.evidence["pivot"] == pivot
    assert pivot[3:] in f.explanation and suggestion in f.explanation


def test_weaker_evidence_stays_below_half(det):
    # «le pari de chômage» (ставка → taux): the partner is attested, but «pari» is a rare word, so its
    # absence there says less: flagged, with the determiner agreed, under 0.5
    out = flags(det, "Le pari de chômage a atteint dix pour cent cette année.")
    f = next(f for f in out if f.text == "Le pari")
    assert f.suggestions == ["Le taux"]
    assert 0.3 <= f.confidence < 0.5


@pytest.mark.parametrize("text", [
    "Le taux de chômage a atteint dix pour cent cette année.",
    "Les deux pays ont signé un traité de paix.",
    "Les parieurs ont perdu leurs paris sur le match.",
    "Il a voyagé dans le monde entier.",
    "Les ouvriers ont réparé la canalisation d'eau.",
    "Les grues du chantier se sont effondrées pendant la tempête.",
    "Il a pris sa trompette et joué un air de jazz.",
    "La banque centrale a relevé son taux directeur.",
    "Le gouvernement a pris des mesures de sécurité.",
    "Il a remporté le prix Nobel de physique.",
    "Le Nouveau Monde a été découvert en 1492.",
])
def test_traps_not_flagged_strongly(det, text):
    assert [f.text for f in flags(det, text) if f.confidence >= 0.5] == []
