"""Word order judged by the n-grams (:mod:`mtreview.detectors.word_order`): an adjective that French
(nearly) never puts between a determiner and its noun («la électrique voiture»), with clean look-alikes
(«le grand projet», «les célèbres estampes», «l'actuel président») left alone."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.detectors import word_order


@pytest.fixture(scope="module")
@slow_fixture
def nlp():
    from mtreview.nlp import get_nlp

    return get_nlp()


def _found(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    out = []
    for t in doc:
        hit = word_order.find(doc, t)
        if hit is not None:
            first, last, sugg, rule = hit
            out.append((doc[first.i:last.i + 1].text, sugg))
            assert rule in word_order.RULES
    return out


def test_prenominal_statistics():
    assert word_order.postnominal_adjective("électrique") == "adjectif_postpose_avant_nom"
    for adj in ("grand", "nouveau", "ancien", "seul", "célèbres", "actuel", "net", "dernier", "véritable"):
        assert word_order.postnominal_adjective(adj) is None, adj


@pytest.mark.parametrize("text, span, sugg", [
    ("Le constructeur présente la électrique voiture de son nouveau modèle.", "électrique voiture",
     "voiture électrique"),
    ("Ils ont mis au point une stratégie pour la sociale politique du pays.", None, None),
])
def test_adjective_before_noun(nlp, text, span, sugg):
    found = _found(nlp, text)
    if span is None:
        assert all("sociale" not in f for f, _ in found)
    else:
        assert (span, sugg) in found


@pytest.mark.parametrize("text", [
    "Le gouvernement a lancé un grand projet de réforme.",
    "Le musée montre les célèbres estampes de la collection.",
    "L'actuel président a reçu le nouveau ministre.",
    "Elle a constaté un net recul du chômage.",
    "Le seul moyen d'y arriver est de voter la nouvelle loi.",
    "Les voitures électriques sont plus chères.",
])
def test_clean_left_alone(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.parametrize("text, span, sugg", [
    ("Les pays européens également ont promis de doubler leur aide.", "également ont", "ont également"),
    ("Les discussions toujours sont bloquées depuis lundi.", "toujours sont", "sont toujours"),
    ("La Commission encore n'a pas publié le détail des règles.", "encore n'a pas", "n'a pas encore"),
])
def test_adverb_before_verb(nlp, text, span, sugg):
    assert (span, sugg) in _found(nlp, text)


@pytest.mark.parametrize("text", [
    "La France aussi a voté le texte.",
    "Le ministre pourtant a refusé de répondre.",
    "Elle même n'espérait pas une telle issue.",
    "Il a déjà perdu la moitié de ses clients.",
    "Les élus locaux ont également promis une aide.",
    "Paris aujourd'hui est une autre ville.",
])
def test_adverb_clean_left_alone(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, span, sugg", [
    ("Le traitement nettement a réduit le nombre de cas graves.", "nettement a", "a nettement"),
    ("La ministre, Claire Dubois, considérablement a allégé la procédure.", "considérablement a", "a considérablement"),
    ("Le club a perdu trois des premières cinq rencontres.", "premières cinq", "cinq premières"),
    ("La ville investira pendant les prochaines trois années.", "prochaines trois", "trois prochaines"),
])
def test_manner_adverb_and_rank_order(nlp, text: str, span: str, sugg: str) -> None:
    assert (span, sugg) in _found(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Le traitement a nettement réduit le nombre de cas graves.",
    "Le projet, finalement, a été adopté.",
    "Les cinq premières rencontres ont été serrées.",
    "Ce sont les derniers jours de l'été.",
    "Les premiers jours, deux équipes ont suffi.",
])
def test_manner_adverb_and_rank_order_left_alone(nlp, text: str) -> None:
    assert _found(nlp, text) == []
