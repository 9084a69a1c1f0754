"""Stop 22: English false friends reached through a pivot, each with a cue that makes the English
reading near-certain, and the French uses of the same words left alone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # spaCy


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


def _ff(reviewer, text: str) -> list[tuple[str, str]]:
    return [(f.text, (f.suggestions or [""])[0]) for f in reviewer.review(text).flags
            if str(f.evidence.get("entry", "")).startswith("ff-en-")]


@pytest.mark.parametrize("text, expected", [
    ("Les physiciens ont reçu une lettre les invitant à ne plus prescrire ces comprimés aux patients.",
     ("physiciens", "médecins")),
    ("Le laboratoire a annoncé le rappel de la drogue de référence contre l'hypertension.",
     ("la drogue", "le médicament")),
    ("La banque a achevé ce résultat malgré la crise.", ("achevé", "obtenu")),
    ("Quand le jeu a été résumé, l'Américaine a aligné quatre jeux.", ("a été résumé", "a repris")),
    ("« Il n'y a pas d'évidence que ces comprimés aient causé du tort », a-t-il dit.",
     ("pas d'évidence", "pas de preuve")),
    ("La banque a éventuellement renoncé à racheter le courtier.", ("éventuellement", "finalement")),
    ("Les chercheurs peuvent consulter les albums à la librairie du musée.", ("librairie", "bibliothèque")),
    ("Son entraîneur a salué un jeu consistant du premier au dernier point.", ("consistant", "régulier")),
    ("Au cours des deux dernières décades, la ville a doublé.", ("décades", "décennies")),
    ("L'éditeur en chef du journal a démissionné.", ("éditeur en chef", "rédacteur en chef")),
    ("C'est un joueur versatile capable de jouer en défense.", ("versatile", "polyvalent")),
    ("Le parti va supporter la réforme des retraites.", ("supporter", "soutenir")),
])
def test_english_false_friend_is_flagged(reviewer, text, expected):
    assert _ff(reviewer, text) == [expected]


def test_french_uses_of_the_same_words_are_left_alone(reviewer):
    text = ("Les physiciens du CERN ont observé une particule. La profession de physicien médical est reconnue. "
            "Le trafic de drogue a augmenté selon la police. Il a achevé les travaux en mai. "
            "Quand tu eus achevé ta croissance, tu devins très beau. Il a résumé la situation en deux phrases. "
            "De toute évidence, il a raison. Nous pourrions éventuellement reporter la réunion. "
            "Les enquêteurs recherchent si le couple a éventuellement dissimulé des fonds. "
            "Elle a acheté ce roman à la librairie du musée. Un repas consistant. "
            "Le travail consistant à vérifier les comptes est long. La première décade de juin a été pluvieuse. "
            "Cet éditeur publie des romans. L'opinion publique est versatile. "
            "Je ne puis supporter l'idée de te laisser seule. Il ne pouvait supporter la réforme.")
    assert _ff(reviewer, text) == []
