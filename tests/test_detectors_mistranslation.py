"""Mistranslation detector: pivot senses with cues and context score, calques, valence, genitives."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.mistranslation import MistranslationDetector
from mtreview.knowledge.confusions import (
    calque_patterns,
    get_cooc_model,
    parse_cues,
    sense_confusions,
    valence_rules,
)


@pytest.fixture(scope="module")
@slow_fixture
def det() -> MistranslationDetector:
    return MistranslationDetector()


def test_knowledge_files_load_with_sources():
    senses = sense_confusions()
    assert "monde" in senses and senses["monde"][0].right == ["paix"]
    assert all(c.source for cs in senses.values() for c in cs)
    assert all(p.source for p in calque_patterns())
    assert "participation" in valence_rules()
    assert parse_cues("obj:a|b, text:x|y")[1].values == frozenset(["x|y"])


@pytest.mark.parametrize("text, span, suggestion", [
    ("Les deux camps ont signé un accord pour rétablir le monde dans la région.", "le monde", "la paix"),
    ("La NASA a commandé un missile pour envoyer deux astronautes vers la station orbitale.",
     "un missile", "une fusée"),
    ("L'opérateur a refusé d'allumer son réseau satellite au-dessus de la région.", "allumer", "activer"),
    ("L'armée a mené un coup nucléaire limité.", "un coup", "une frappe"),
    ("Des responsables chinois élevés ont confirmé la visite.", "responsables chinois élevés",
     "hauts responsables chinois"),
    ("Le gouvernement a inscrit l'oligarque sur la liste des noirs en mars.", "liste des noirs", "liste noire"),
    ("Le ministère a fait une étape inhabituelle.", "fait une étape", "pris une mesure"),
    ("Les électeurs ont voté sur le Eve de l'élection.", "sur le Eve de", "à la veille de"),
    ("Sa participation dans le projet a été décisive.", "dans le", "au"),
    ("Sa participation dans cette affaire a été décisive.", "dans", "à"),
])
def test_flagged_with_suggestion(det, text, span, suggestion):
    out = flags(det, text)
    f = next((f for f in out if f.text == span), None)
    assert f is not None, [(x.text, x.suggestions) for x in out]
    assert f.suggestions[0] == suggestion


@pytest.mark.parametrize("text", [
    "Il a voyagé dans le monde entier et tout le monde le sait.",
    "L'armée a tiré un missile balistique contre la base.",
    "Il faut allumer la lumière et le chauffage.",
    "Il a reçu un coup de fil et un coup de main.",
    "Les prix élevés et le niveau élevé des taux inquiètent.",
    "La liste des Noirs américains célèbres est longue.",
    "Nous ferons une étape à Lyon.",
    "Elle a une grande dans l'air du temps.",
])
def test_right_senses_are_not_flagged(det, text):
    assert flags(det, text) == []


def test_genitive_adjective_needs_document_evidence(det):
    text = ("Le milliardaire a déclaré ne rien savoir. Les conversations milliardaires avec le ministre "
            "inquiètent.")
    out = flags(det, text)
    assert [(f.text, f.suggestions) for f in out] == [("milliardaires", ["du milliardaire"])]
    assert flags(det, "Les conversations milliardaires inquiètent.") == []


def test_context_score_is_recorded(det):
    out = flags(det, "Les deux camps ont signé un accord pour rétablir le monde après la guerre.")
    assert out and "vec" in out[0].evidence["context_score"]
    model = get_cooc_model()
    assert model is not None and model.pmi("paix", "guerre") > model.pmi("monde", "guerre")


def test_noun_noun_compounds_are_french(det):
    text = ("Le partenaire a déclaré qu'il viendrait. Nos entreprises partenaires et les pays membres "
            "utilisent le codage couleur.")
    assert flags(det, text) == []
