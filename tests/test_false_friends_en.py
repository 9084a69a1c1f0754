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


@pytest.mark.parametrize("text, expected", [
    ("Son bénéfice net a augmenté sur 12 %, à 1,4 milliard de dollars.", ("sur", "de")),
    ("Le public américain s'intéresse par l'art japonais.", ("par", "à")),
    ("Il s'intéresse par le cinéma depuis l'enfance.", ("par le", "au")),
    ("Ils jouent dans le tennis chaque dimanche.", ("dans le", "au")),
    ("Les habitants se plaignent sur le bruit des travaux.", ("sur le", "du")),
    ("Elle s'est fâchée sur son frère.", ("sur", "contre")),
    ("Nous sommes fiers par nos résultats.", ("par", "de")),
])
def test_preposition_of_the_russian_verb_is_flagged(reviewer, text, expected):
    """Stop 22: prepositions governed by the Russian verb (calques.jsonl ids ru-gov-…)."""
    found = [(f.text, (f.suggestions or [""])[0]) for f in reviewer.review(text).flags
             if str(f.evidence.get("entry", "")).startswith("ru-gov-")]
    assert found == [expected]


def test_french_uses_of_those_prepositions_are_left_alone(reviewer):
    text = ("Le prix a augmenté sur trois ans. Cette somme a été réduite sur 10 ans. Il est intéressé par "
            "l'offre. Il eut l'air de s'intéresser par politesse à cela. Il joue dans le film de Spielberg. "
            "J'ai déjà répondu sur la question des routes. Il continua à se plaindre sur le même ton. "
            "Elle est trop à plaindre sur la terre.")
    assert [f for f in reviewer.review(text).flags if str(f.evidence.get("entry", "")).startswith("ru-gov-")] == []


@pytest.mark.parametrize("text, expected", [
    ("Le conseiller a mis la question du coût pour les ménages modestes.", ("a mis", "a posé")),
    ("Elle a frappé le record du tournoi avec 58 aces.", ("a frappé", "a battu")),
    ("Ces images ont fait une grande influence sur Monet.", ("ont fait", "ont exercé")),
    ("Les représentants ont accepté samedi une déclaration finale.", ("ont accepté", "ont adopté")),
])
def test_light_verb_calques_of_stop_22(reviewer, text, expected):
    found = [(f.text, (f.suggestions or [""])[0]) for f in reviewer.review(text).flags
             if str(f.evidence.get("entry", "")).startswith("lv-")]
    assert found == [expected]


def test_french_uses_of_those_light_verbs_are_left_alone(reviewer):
    text = ("Le président a mis la question aux voix. Il faut mettre la question à l'ordre du jour. "
            "Il a accepté la déclaration de son adversaire avec calme. Il a frappé le sol du pied.")
    assert [f for f in reviewer.review(text).flags if str(f.evidence.get("entry", "")).startswith("lv-")] == []
