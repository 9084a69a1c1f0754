"""Polysemy detector, topical evidence: the sense whose company the paragraph keeps (PPMI table built from
the French corpus + spaCy word vectors), with real spaCy, real n-grams and the shipped table.

Sentences are written for these tests (not taken from corpora/eval)."""

from __future__ import annotations

import gzip

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.polysemy import PolysemyDetector, sense_sets
from mtreview.knowledge import sense_topics


def test_topic_table_ships_with_source_note():
    table = sense_topics.load()
    assert len(table) >= 1000
    with gzip.open(sense_topics.DATA_FILE, "rt", encoding="utf-8") as fh:
        head = fh.read(600)
    assert "fr-mono-commonvoice-eltec" in head and "python -m mtreview.knowledge.sense_topics" in head
    assert sense_topics.DATA_FILE.stat().st_size < 4_000_000  # compact derived statistics only


@pytest.mark.slow  # spaCy's French stop words
def test_topicality_prefers_the_sense_of_the_paragraph():
    money = [("chômage", 1.0), ("impôt", 1.0), ("imposition", 0.5)]
    assert sense_topics.topicality("taux", money) > sense_topics.topicality("pari", money)
    music = [("fanfare", 1.0), ("tambour", 1.0), ("clairon", 0.5)]
    assert sense_topics.topicality("trompette", music) > sense_topics.topicality("tuyau", music)
    assert sense_topics.topicality("unmotquinexistepas", music) is None
    # crude normal form: plural forms meet their singular
    assert sense_topics.norm("tambours") == sense_topics.norm("tambour")


def test_new_sense_rows():
    rows = {r.russian: r for r in sense_sets()}
    assert {"château", "serrure"} <= set(rows["замок"].senses)
    assert {"oignon", "arc"} <= set(rows["лук"].senses)
    assert len(rows) == len(sense_sets())  # still one row per Russian word


@pytest.fixture(scope="module")
@slow_fixture
def dets() -> tuple[PolysemyDetector, PolysemyDetector]:
    from mtreview.knowledge.ngrams import get_ngrams

    if get_ngrams() is None:
        pytest.skip("models/fr-ngrams is absent")
    return PolysemyDetector(), PolysemyDetector(topic_suggestions=True)


def test_ngram_flag_carries_topic_evidence(dets):
    det, _ = dets
    out = flags(det, "Les paris d'intérêt ont encore augmenté ce mois-ci, selon la banque centrale.")
    f = next(f for f in out if f.text == "Les paris")
    assert f.suggestions == ["Les taux"] and f.confidence >= 0.5
    assert f.evidence["mechanism"] == "sense-set+ngram+topic"
    assert f.evidence["topic_margin"] > 0


def test_topic_alone_is_a_suggestion_and_opt_in(dets):
    det, det_topic = dets
    text = "Les agriculteurs ont récolté des tonnes d'arcs, de carottes et de pommes de terre cet automne."
    assert [f for f in flags(det, text) if f.text == "arcs"] == []
    f = next(f for f in flags(det_topic, text) if f.text == "arcs")
    assert f.suggestions[0].startswith("oignon")
    assert 0.3 <= f.confidence < 0.5
    assert f.evidence["mechanism"] == "sense-set+topic"


@pytest.mark.parametrize("text", [
    "Le chasseur a tendu son arc et décoché une flèche vers la cible.",
    "Les parieurs ont misé gros sur la victoire du favori, mais leurs paris ont été perdus.",
    "Les grues du chantier ont soulevé les poutres d'acier jusqu'au dernier étage de la tour.",
    "Au cours des trois derniers mois, les ventes de l'entreprise ont baissé.",
    "Les employés en cause ont été licenciés après l'enquête.",
    "Il joue de la trompette dans la fanfare municipale depuis dix ans.",
])
def test_clean_lookalikes_left_alone(dets, text):
    for det in dets:
        assert [(f.text, f.confidence) for f in flags(det, text) if f.confidence >= 0.3
                and "topic" in f.evidence["mechanism"]] == []
        assert [f.text for f in flags(det, text) if f.confidence >= 0.5] == []
