"""Omission detector: clauses without their verb, from the parse."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.omission import OmissionDetector

pytestmark = pytest.mark.slow  # spaCy


@pytest.fixture(scope="module")
def det() -> OmissionDetector:
    return OmissionDetector()


def test_que_clause_without_verb(det):
    out = flags(det, "Le ministre a déclaré qu'il était convaincu que Dupont un homme honnête.")
    assert [(f.text, f.suggestions) for f in out] == [("Dupont un", ["Dupont était un"])]


def test_sentence_without_verb_after_a_name(det):
    out = flags(det, "Le sommet s'est terminé hier. Macron à un niveau différent.")
    assert len(out) == 1 and out[0].text == "Macron à un niveau différent"
    assert out[0].suggestions == ["Macron est à un niveau différent"]


def test_participle_missing_after_ont_ete(det):
    out = flags(det, "Les États-Unis et leurs alliés ont été Orban pendant des années.")
    assert [f.text for f in out] == ["ont été Orban"]


def test_nominal_sentences_headings_and_lists_are_french(det):
    text = ("Fini le bourdonnement des versions précédentes.\nStress à tous les étages.\n"
            "Merci beaucoup pour votre aide.\n- Paris à un niveau différent.\nNew York remporte le titre\n"
            "La lampe produit un flux très lumineux.")
    assert flags(det, text) == []


def test_dash_standing_for_the_copula(det):
    """Russian writes the present-tense copula as a dash; a translation that keeps it lost «est»."""
    out = flags(det, "Notre objectif — la croissance durable de la région.")
    assert [(f.text, f.suggestions, f.evidence["rule"]) for f in out] == [(" — ", [" est "], "copula_dash")]
    out = flags(det, "Sa priorité — rétablir la confiance des investisseurs.")
    assert [f.suggestions for f in out] == [[" est de "]]
    out = flags(det, "Notre tâche — améliorer la sécurité des patients.")
    assert [f.suggestions for f in out] == [[" est d'"]]
    out = flags(det, "Les principaux partenaires de la banque – les fonds de pension et les assureurs.")
    assert [f.suggestions for f in out] == [[" sont "]]


def test_datelines_incises_ranges_and_dashes_beside_a_verb_are_french(det):
    text = ("Londres – Le Premier ministre britannique souhaite procéder plus rapidement.\n"
            "Il quitte Home Park à la fin de la saison 1946 – 47.\n"
            "Le nouveau stade — inauguré en mars — accueille 40 000 spectateurs.\n"
            "La pluie est finalement arrivée – juste à temps.\n"
            "— Votre objectif, la croissance ?\n")
    assert flags(det, text) == []


def test_dash_for_the_copula_in_a_quotation_or_after_a_fronted_phrase(det):
    """Stop 22: the clause may be quoted inside the sentence, or follow a prepositional phrase."""
    out = flags(det, "« Notre priorité pour l'an prochain — la réduction des coûts », a déclaré le directeur.")
    assert [(f.text, f.suggestions) for f in out] == [(" — ", [" est "])]
    out = flags(det, "Pour les agriculteurs de la région, la difficulté principale — le prix du carburant.")
    assert [f.suggestions for f in out] == [[" est "]]
    out = flags(det, "« Son plus grand défi — la dette, et elle ne cessera pas de croître », a-t-il ajouté.")
    assert [f.suggestions for f in out] == [[" est "]]


def test_quoted_and_fronted_dashes_that_are_french(det):
    text = ("« La situation est grave — très grave », a-t-il dit.\n"
            "Cependant, le pays tout entier s'inquiète – les familles aussi.\n"
            "D'autres – le reste – impotents, remuent et rampent dans les coins.\n"
            "Selon lui, la réforme — adoptée en mars — entrera en vigueur demain.\n")
    assert flags(det, text) == []
