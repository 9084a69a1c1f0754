"""Support-verb calques judged by the n-grams (mistranslation section 7, ``support_verbs_generic.tsv``):
a literal rendering of a Russian support verb with a noun French writes with another support verb, and
clean look-alikes left alone."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.mistranslation import MistranslationDetector, _generic_support, _support_pair_counts


@pytest.fixture(scope="module")
@slow_fixture
def det() -> MistranslationDetector:
    return MistranslationDetector(senses=False, calques=False, valence=False, prep_stats=False, genitive=False)


def _generic(det: MistranslationDetector, text: str) -> list:
    return [f for f in flags(det, text) if f.evidence.get("mechanism") == "support-verb-ngrams"]


@pytest.mark.slow
def test_data_and_counts():
    literal, support = _generic_support()
    assert {"accomplir", "produire", "accepter", "appliquer"} <= literal.keys()
    assert support["procéder"] == "à" and support["effectuer"] == ""
    counts = _support_pair_counts("décision", "décision")
    assert counts is not None and max(counts, key=counts.get) == "prendre"


def test_flags_literal_verb_unseen_with_common_noun(det):
    out = _generic(det, "Le comité a commis une décision importante mardi.")
    assert out and out[0].text == "commis" and out[0].suggestions == ["pris"]
    assert 0.5 <= out[0].confidence < 0.7


@pytest.mark.parametrize("text", [
    "Les chercheurs ont réalisé une étude sur le sujet.",
    "Le ministre a pris la décision de partir.",
    "L'usine produit des voitures électriques.",
    "Il a réalisé un rêve d'enfant.",
    "Le club a rendu visite aux supporters.",
])
def test_clean_left_alone(det, text):
    assert _generic(det, text) == []
