"""Support-verb calques (mistranslation detector, ``support_verbs.tsv``): «porter des pertes» → «subir»."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.mistranslation import MistranslationDetector
from mtreview.knowledge.confusions import support_right_verbs, support_verbs


@pytest.fixture(scope="module")
@slow_fixture
def det() -> MistranslationDetector:
    return MistranslationDetector()


def test_table_loads_with_sources_and_no_verb_both_wrong_and_right():
    table = support_verbs()
    assert len(table) >= 100
    rights = support_right_verbs()
    for noun, entries in table.items():
        for e in entries:
            assert e.source and e.pivot and e.right and e.wrong, e.id
            assert not e.wrong & rights[noun], e.id
            assert e.severity in {"minor", "major"} and 0.5 <= e.confidence <= 0.8, e.id
            assert e.det in {"any", "det", "indef"}, e.id
    assert table["perte"][0].right[0] == "subir"
    assert "exercer" in rights["influence"]


def _support(out: list) -> list:
    return [f for f in out if f.evidence.get("mechanism") == "support-verb"]


@pytest.mark.parametrize("text, span, suggestion", [
    ("La Russie a rendu une forte pression sur ses voisins.", "rendu", "exercé"),
    ("Les sanctions ont rendu une influence considérable sur l'économie.", "rendu", "exercé"),
    ("Le tribunal a sorti son verdict mardi.", "sorti", "rendu"),
    ("Les pays occidentaux rendent une aide militaire à Kiev.", "rendent", "apportent"),
    ("Le nouveau président a apporté le serment devant le parlement.", "apporté", "prêté"),
    ("Il a payé attention aux détails.", "payé", "prêté"),
    ("Moscou a posé un embargo sur les importations de vin géorgien.", "posé", "imposé"),
    ("Le chef de l'État a commis une visite officielle en Chine.", "commis", "effectué"),
    ("Le ministre a mené un exemple frappant.", "mené", "cité"),
    ("Ils n'appliquent aucun effort pour régler le conflit.", "n'appliquent", "ne déploient"),
    ("Les autorités ont passé des élections anticipées en mars.", "passé", "organisé"),
    ("L'entreprise teste des difficultés financières.", "teste", "éprouve"),
    ("Ils ont posé fin aux hostilités.", "posé fin", "mis fin"),
    ("Des pertes importantes ont été portées par l'ennemi.", "portées", "subies"),
    ("Les rebelles ont rendu une résistance acharnée.", "rendu", "opposé"),
    ("Le médecin a mis un diagnostic erroné.", "mis", "posé"),
])
def test_support_verb_calque_flagged(det, text, span, suggestion):
    out = _support(flags(det, text))
    f = next((f for f in out if f.text == span), None)
    assert f is not None, [(x.text, x.suggestions) for x in flags(det, text)]
    assert f.suggestions == [suggestion]
    assert f.category == "accuracy/mistranslation" and 0.6 <= f.confidence <= 0.8
    assert "Calque" in f.explanation


@pytest.mark.parametrize("text", [
    "Les victimes ont porté plainte contre la police.",
    "La foule a rendu hommage aux soldats tombés.",
    "Les syndicats font pression sur le gouvernement.",
    "Il a rendu service à son voisin.",
    "Le juge a rendu sa décision mardi.",
    "Les pertes ont été portées au bilan de l'exercice.",
    "Il faut mettre des sanctions en place rapidement.",
    "Le président a mis la question aux voix.",
    "Il faut rendre l'aide plus efficace.",
    "Le gouvernement a rendu publique sa déclaration.",
    "Il a donné un coup de pied dans le ballon.",
    "Elle a donné sa parole et a tenu sa promesse.",
    "La Commission conduit les négociations avec le Royaume-Uni.",
    "Il a appliqué une pression sur la plaie.",
    "Elle fait l'accent marseillais à merveille.",
    "Le pays a exercé une influence décisive.",
    "On a mis le record en jeu lors de la finale.",
    "Le comité a accepté les mesures proposées par la Commission.",
])
def test_right_collocations_not_flagged(det, text):
    assert _support(flags(det, text)) == []


def test_existing_calque_pattern_wins(det):
    out = flags(det, "L'armée ukrainienne a porté de lourdes pertes près de Bakhmout.")
    assert [f.evidence["entry"] for f in out] == ["lv-porter-pertes"]


def test_switch_off(det):
    off = MistranslationDetector(support=False)
    assert _support(flags(off, "La Russie a rendu une forte pression sur ses voisins.")) == []
