"""Prepositions governed by Russian: the locative «sur» («на» + an event noun: «sur la réunion» → «à la
réunion») and verbs that take «dans»/«sur»/«avec» in Russian («accusé dans» → «de»), and the French uses
of «sur» before the same nouns (a topic, a head that takes «sur») left alone. Real spaCy parse, real
fr-ngrams counts."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.locative import event_nouns
from mtreview.detectors.mistranslation import MistranslationDetector


@pytest.fixture(scope="module")
@slow_fixture
def det() -> MistranslationDetector:
    return MistranslationDetector()


def _locative(det: MistranslationDetector, text: str) -> list:
    return [f for f in flags(det, text) if f.evidence.get("mechanism") == "locative-sur"]


def test_event_noun_list_is_a_closed_list_of_lemmas():
    nouns = event_nouns()
    assert {"réunion", "congrès", "exposition"} <= nouns
    assert not nouns & {"sommet", "table", "terrain", "question", "sujet"}  # French writes «sur» before them


@pytest.mark.parametrize("text, span, first", [
    ("Le président l'a annoncé sur la conférence de presse de jeudi.", "sur la", "à la"),
    ("Il a pris la parole sur la réunion du conseil d'administration.", "sur la", "à la"),
    ("Sur la cérémonie d'ouverture, le maire a salué les invités.", "Sur la", "À la"),
    ("Nous avons vu ce tableau sur l'exposition de Moscou.", "sur l'", "à l'"),
    ("Il a chanté sur le concert de clôture.", "sur le", "au"),
    ("Les athlètes ne participeront pas sur les jeux olympiques.", "sur les", "aux"),
    ("Le ministre a déclaré sur la séance plénière que le budget serait voté.", "sur la", "à la"),
])
def test_sur_before_an_event_is_flagged_with_a(det, text, span, first):
    got = _locative(det, text)
    assert len(got) == 1, got
    f = got[0]
    assert f.text == span and f.suggestions[0] == first and f.category == "accuracy/mistranslation"
    assert f.suggestions[1].lower().startswith("lors d")
    assert f.confidence >= 0.5 and "на" in f.explanation


@pytest.mark.parametrize("text", [
    "Le débat sur la réunion a duré trois heures.",  # a topic, after a noun
    "Le rapport sur la conférence sera publié demain.",
    "Il s'est exprimé sur la réunion de la veille.",  # the verb takes «sur»
    "Elle est revenue sur la cérémonie dans ses mémoires.",
    "Il a posé le livre sur la table.",  # not an event
    "Les joueurs sont entrés sur le terrain.",
    "Les alpinistes sont arrivés sur le sommet à midi.",
    "Il a parlé à la réunion du conseil.",  # already French
])
def test_french_uses_of_sur_are_left_alone(det, text):
    assert _locative(det, text) == []


def _valence(det: MistranslationDetector, text: str) -> list:
    return [f for f in flags(det, text) if f.evidence.get("mechanism") in {"valence", "preposition-statistics"}]


@pytest.mark.parametrize("text, span, first", [
    ("Le ministre a été accusé dans la corruption et le détournement de fonds publics.", "dans", "de"),
    ("L'ancien directeur est soupçonné dans l'organisation d'un réseau de fraude.", "dans", "de"),
    ("Les experts sont convaincus dans la nécessité d'une réforme.", "dans", "de"),
    ("Il s'est marié sur une actrice italienne.", "sur", "avec"),
    ("Le président a félicité les athlètes avec la victoire.", "avec", "pour"),
])
def test_russian_governed_prepositions(det, text, span, first):
    got = _valence(det, text)
    assert [(f.text, f.suggestions[0]) for f in got] == [(span, first)]


@pytest.mark.parametrize("text", [
    "Il est accusé dans l'affaire des emplois fictifs.",  # an adjunct: the case he is accused in
    "Le maire, soupçonné dans le cadre de l'enquête, a démissionné.",
    "Ils se sont mariés sur la plage de Biarritz.",
    "Il a félicité avec chaleur les lauréats.",
    "Le tribunal l'a accusé de corruption.",
])
def test_adjuncts_after_the_same_verbs_are_left_alone(det, text):
    assert _valence(det, text) == []
