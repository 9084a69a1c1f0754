"""Untranslated detector: Cyrillic words, homoglyphs, English or German words left in French."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.untranslated import UntranslatedDetector, foreign_language, russian_to_french

pytestmark = pytest.mark.slow  # Grammalecte, spaCy, the names base and the dictionaries


@pytest.fixture(scope="module")
def det() -> UntranslatedDetector:
    return UntranslatedDetector()


def test_cyrillic_word_with_dictionary_suggestion(det):
    out = flags(det, "Les deux pays veulent la мира dans la région.")
    assert [f.text for f in out] == ["мира"]
    assert "paix" in out[0].suggestions and out[0].confidence >= 0.9
    assert "paix" in russian_to_french("миром")


def test_latin_word_with_cyrillic_lookalikes(det):
    word = "P\u0430ris"  # Cyrillic а
    out = flags(det, f"Il est arrivé à {word} hier.")
    assert [(f.text, f.suggestions) for f in out] == [(word, ["Paris"])]


def test_english_and_german_words(det):
    out = flags(det, "La réunion a été annulée, but the meeting was important. Le Schrank und der Tisch.")
    texts = [f.text for f in out]
    assert "but the meeting was important" in texts[0] or texts[0].startswith("but")
    assert any("und" in t for t in texts)
    assert foreign_language("deadline") and not foreign_language("maison")


def test_english_word_capitalised_after_an_article(det):
    out = flags(det, "Les électeurs sur le Eve de l'élection présidentielle.")
    assert [f.text for f in out] == ["Eve"]


def test_accepted_anglicisms_names_and_quoted_titles(det):
    text = ('Il part en week-end avec Tom Baker. Il a publié "Hold on Ukraine" sur Twitter. '
            "Le talk-show de Times Square.")
    assert flags(det, text) == []


def test_word_also_in_the_source_is_more_certain(det):
    text = "Le contrat prévoit une deadline stricte."
    src = "The contract sets a strict deadline."
    a = flags(det, text)
    b = flags(det, text, src)
    assert a and b and b[0].confidence > a[0].confidence and b[0].evidence["in_source"]


def test_lone_english_word_french_writers_do_not_use_is_flagged():
    from mtreview.review import Reviewer

    rv = Reviewer(["untranslated"])
    left = [f for f in rv.review("Le meeting du board a validé la décision hier soir.").flags if f.confidence >= 0.5]
    assert [f.text for f in left] == ["board"]  # «meeting» is an anglicism French writers use (fr-mono)
    assert not [f for f in rv.review("Le ministre a participé au meeting de la majorité.").flags
                if f.confidence >= 0.5]


@pytest.mark.parametrize("text, span", [
    ("Le board of directors a approuvé le plan de restructuration.", "board of directors"),
    ("Les perturbations de la supply chain pèsent sur les prix.", "supply chain"),
])
def test_an_english_run_stops_at_the_french_words_around_it(det, text, span):
    got = [f.text for f in flags(det, text)]
    assert got == [span]


def test_russian_word_left_in_latin_letters(det):
    """Stop 22: «vystavka» romanises выставка (exposition), a word the translation forgot."""
    out = [f for f in flags(det, "La vystavka, ouverte jusqu'en janvier, réunit les estampes.")
           if f.evidence.get("rule") == "romanised_russian"]
    assert [(f.text, f.suggestions[:1]) for f in out] == [("vystavka", ["exposition"])]


def test_loanwords_and_terms_in_latin_letters_are_not_russian_leftovers(det):
    text = ("Ils ont dansé la fiesta avant la siesta. Le datsan d'Ivolguinsk est un monastère. "
            "Le ministre a visité une datcha près de Moscou.")
    assert [f for f in flags(det, text) if f.evidence.get("rule") == "romanised_russian"] == []
