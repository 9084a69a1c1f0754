"""Surnames translated as words, issue 13: a given name that is English or the pivot's spelling of one
(«Lucy», «Grem», «Dzhastin»), a plural surname word, a title with the English name written elsewhere;
French surnames after French given names, and any text without the pivot, left alone."""

from __future__ import annotations

import pytest

from mtreview.knowledge.name_words import english_given_name, lookup_any, person_roles

PIVOT = "Selon Dzheims Uilson, le projet avance ; l'équipe de Uilsona a confirmé l'accord. "


def _name_words(reviewer, text: str) -> list[tuple[str, str, float]]:
    return [(f.text, f.suggestions[0], f.confidence) for f in reviewer.review(text).flags
            if "surname translated" in str(f.evidence.get("mechanism"))]


def test_english_given_names_and_roles() -> None:
    assert english_given_name("Lucy") and english_given_name("Mark")
    assert not english_given_name("Jean") and not english_given_name("Martin")
    assert "producteur" in person_roles() and "mme" in person_roles()
    assert any(x.name == "rivers" for x in lookup_any("Rivières"))


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "word", "english", "lo", "hi"), [
    ("La géologue Fiona Collines estime que la crue va durer.", "Collines", "Hills", 0.5, 0.7),
    # a real French surname: only after an English given name, and moderately
    ("Le pilote James Berger a déclaré que l'avion était prêt.", "Berger", "Shepherd", 0.5, 0.55),
    # the given name is itself the pivot's spelling of an English one
    ("Le producteur Dzhastin Tisserand a annoncé le tournage.", "Tisserand", "Weaver", 0.5, 0.7),
    # no given name, but the English name is written elsewhere
    ("Sarah Cooper dirige l'équipe. Mme Tonnelier a précisé que le budget était bouclé.",
     "Tonnelier", "Cooper", 0.65, 0.8),
])
def test_translated_surnames_are_flagged(names_reviewer, sentence: str, word: str, english: str,
                                         lo: float, hi: float) -> None:
    f = [x for x in _name_words(names_reviewer, PIVOT + sentence) if x[0] == word]
    assert f and f[0][1] == english and lo <= f[0][2] <= hi, f


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    PIVOT + "Le pilote Jean Berger a déclaré que l'avion était prêt.",  # French given name
    "Le pilote James Berger a déclaré que l'avion était prêt.",  # no pivot
    "L'architecte Oliver Charpentier a présenté les plans.",  # no pivot
    PIVOT + "M. Tonnelier a précisé que le budget était bouclé.",  # a title, «Cooper» nowhere
    PIVOT + "Il est le fils de Dave Gagner, ancien joueur de hockey.",  # a rare name, no role noun
    PIVOT + "Le groupe Thomas Mars joue ce soir ; Anna Marta chante.",  # a Russian-channel name written
])
def test_french_surnames_and_clean_text_are_left_alone(names_reviewer, text: str) -> None:
    assert [x for x in _name_words(names_reviewer, text) if x[2] >= 0.5] == []
