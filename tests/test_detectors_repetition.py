"""Repetition detector: doubled words, «N de N», verb–noun echoes, a verb said twice."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.repetition import RepetitionDetector

pytestmark = pytest.mark.slow  # spaCy


@pytest.fixture(scope="module")
def det() -> RepetitionDetector:
    return RepetitionDetector()


def test_doubled_word(det):
    out = flags(det, "Il a vu le le chat dans la rue.")
    assert [(f.text, f.suggestions) for f in out] == [("le le", ["le"])]


def test_noun_de_noun(det):
    out = flags(det, "Il a lancé son réseau de réseau dans la région.")
    assert [(f.text, f.suggestions) for f in out] == [("réseau de réseau", ["réseau"])]


def test_legitimate_doublings_are_left_alone(det):
    text = ("Nous nous sommes vus. Vous vous trompez. C'est le roi des rois. "
            "Il vient de temps en temps. Paris, Paris est magique.")
    assert flags(det, text) == []


def test_verb_noun_echo_and_near_verb(det):
    out = flags(det, "Le ministère a déclaré dans une déclaration écrite que tout allait bien.")
    assert [(f.text, f.suggestions, f.severity) for f in out] == [("déclaré", ["indiqué"], "minor")]
    out = flags(det, "Il m'a dit qu'il lui avait dit la vérité.")
    assert [f.evidence["rule"] for f in out] == ["near_verb"]


def test_complement_with_its_article_said_twice(det):
    """Stop 22: the pivot's doubled genitive with an article («de la ville de la ville»)."""
    out = flags(det, "Les habitants de la ville de la ville paient une facture élevée.")
    assert [(f.text, f.suggestions, f.evidence["rule"]) for f in out] == [
        ("ville de la ville", ["ville"], "complement_twice")]
    out = flags(det, "La directrice financière de l'entreprise de l'entreprise a démissionné.")
    assert [f.suggestions for f in out] == [["entreprise"]]


def test_a_complement_of_a_different_head_is_not_doubled(det):
    text = ("Elle est la fille de la fille du roi. Il parle de la ville à la ville voisine. "
            "Le maire de la ville et de la région a parlé.")
    assert [f for f in flags(det, text) if f.evidence["rule"] == "complement_twice"] == []
