"""Genitive calques judged by the n-grams: a noun of person after a noun, used like an adjective
(«des plaintes patientes» for «des plaintes de patients»), with traps French writes as they are."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.mistranslation import MistranslationDetector, _genitive_data


@pytest.fixture(scope="module")
@slow_fixture
def det() -> MistranslationDetector:
    return MistranslationDetector(senses=False, calques=False, valence=False, prep_stats=False)


def _genitives(det: MistranslationDetector, text: str) -> list:
    return [f for f in flags(det, text) if f.evidence.get("mechanism") == "genitive-adjective"]


def test_person_list_loads_with_forms():
    forms, lemmas, heads, terms = _genitive_data()
    assert len(lemmas) >= 250
    assert forms["joueuse"] == ("joueur", "f", "s")
    assert forms["donatrices"] == ("donateur", "f", "p")
    assert forms["locataires"] == ("locataire", "e", "p")
    assert "taux directeur" in terms and "commune" in heads


@pytest.mark.parametrize("text, span, suggestion", [
    ("Les associations disent avoir reçu des dizaines de plaintes patientes depuis l'automne.",
     "patientes", "des patients"),
    ("Les attentes consommatrices ont beaucoup changé en dix ans.", "consommatrices", "des consommateurs"),
    ("Les revenus électeurs ont baissé.", "électeurs", "des électeurs"),
    ("Les droits actionnaires ont été bafoués lors de l'assemblée.", "actionnaires", "des actionnaires"),
    ("La confiance investisseuse a chuté après l'annonce.", "investisseuse", "de l'investisseuse"),
    ("La lettre locataire est arrivée hier.", "locataire", "du locataire"),
    ("Les voix électrices ont manqué au candidat.", "électrices", "des électeurs"),
])
def test_genitive_adjective_flagged(det, text, span, suggestion):
    out = _genitives(det, text)
    assert [f.text for f in out] == [span]
    assert out[0].suggestions[0] == suggestion
    assert out[0].evidence["evidence"] == "models/fr-ngrams"


@pytest.mark.parametrize("text", [
    "La Réserve fédérale a maintenu son taux directeur inchangé.",
    "Le dossier devrait revenir lors de la réunion ministérielle prévue à Bonn.",
    "Les données patients sont protégées par la loi.",
    "Les pays membres et les entreprises partenaires ont signé l'accord.",
    "Les États clients ont protesté.",
    "Le conseil municipal a voté le budget.",
    "L'équipe médicale a opéré le patient.",
    "Une salle présente la collection médicale de l'hôpital.",
    "Les méthodes employées sont efficaces.",
    "La famille propriétaire du château a vendu le domaine.",
    "La classe ouvrière a manifesté.",
    "Le corps enseignant est en grève.",
    "Les communes riveraines ont protesté.",
    "La puissance occupante doit respecter le droit.",
    "Les familles habitant le quartier sont inquiètes.",
    "La ligne directrice est claire.",
    "Ce n'est pas ce qu'attendent nos amis agriculteurs.",
    "La hausse de la part employeur sera compensée.",
    "Comment la levure boulangère aide-t-elle la pâte à lever ?",
    "Quel ensemble interprète la chanson ?",
    "Quand L'irresponsable capitaine Tylor est-il sorti ?",
    "Quel éminent architecte a conçu l'église ?",
])
def test_genitive_traps_not_flagged(det, text):
    assert _genitives(det, text) == []
