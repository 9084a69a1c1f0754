"""Spelling detector: non-words flagged with ranked suggestions; names and foreign words left alone."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.spelling import SpellingDetector, is_derivation, rank_suggestions

pytestmark = pytest.mark.slow  # Grammalecte, spaCy and the names base


@pytest.fixture(scope="module")
def det() -> SpellingDetector:
    return SpellingDetector()


def test_non_word_is_flagged_with_a_close_suggestion(det):
    out = flags(det, "Le gouvernement a publié un comuniqué sur la situation économique.")
    assert [f.text for f in out] == ["comuniqué"]
    assert out[0].suggestions[0] == "communiqué"
    assert out[0].severity == "minor" and out[0].confidence >= 0.8


def test_garbled_word_without_credible_fix_is_flagged_without_suggestion(det):
    out = flags(det, "Le ministre parle des grumblotes de la réforme.")
    assert [f.text for f in out] == ["grumblotes"]
    assert out[0].severity == "major"


def test_names_are_not_spelling_errors(det):
    text = ("Volodymyr Zelensky a rencontré Ursula von der Leyen et le patron de Xiaomi à Kharkiv. "
            "Ilon Musk et Zhaiir Bolsonar sont cités par Reuters.")
    assert flags(det, text) == []


def test_foreign_words_urls_numbers_and_derivations_are_left_to_others(det):
    text = ("Il a écrit « the deadline » sur https://exemple.fr/ma-page, code A3B4, 12e étage. "
            "La réélectrification du réseau et des poignées positionnables.")
    assert flags(det, text) == []


def test_derivations_and_ranking():
    assert is_derivation("réélectrification") and is_derivation("positionnables")
    assert not is_derivation("grumblotes")
    ranked = rank_suggestions("gouvernemment")
    assert ranked and ranked[0][0] == "gouvernement"
