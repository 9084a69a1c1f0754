"""French n-gram statistics (models/fr-ngrams): the builder, the table, and the preposition check it drives."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
from conftest import flags, slow_fixture

from mtreview.knowledge import ngrams
from mtreview.knowledge.ngrams import norm, tokenize

ROOT = Path(__file__).resolve().parents[1]

TINY = """Tout dépend de la situation.
Cela dépend de vous, dit-il ; cela dépend du temps.
Il participe à la réunion et elle participe au débat.
Nous participons à la réunion demain.
Elle participe à la fête.
L'homme qu'il a vu dépend de la banque.
Tout dépend de la situation, et la situation dépend de nous.
"""


def _builder():
    spec = importlib.util.spec_from_file_location("build_fr_ngrams", ROOT / "scripts" / "build_fr_ngrams.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_tokenize_splits_elisions_and_stops_at_punctuation():
    assert tokenize("L’homme qu'il a vu, d'une part") == [["l'", "homme", "que", "il", "a", "vu"],
                                                          ["de", "une", "part"]]
    assert tokenize("S'il vient aujourd'hui") == [["si", "il", "vient", "aujourd'hui"]]
    assert tokenize("le 3e jour") == [["le"], ["jour"]]
    assert norm("D’") == "de" and norm("Qu'") == "que" and norm("l'") == "l'"


def test_builder_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "tiny.txt"
    corpus.write_text(TINY, encoding="utf-8")
    meta = _builder().build(corpus, tmp_path / "model", min_count=2)
    model = ngrams.load(tmp_path / "model")
    # every count equals a plain recount, and what is seen fewer than min_count times is 0
    uni: Counter[tuple[str, ...]] = Counter()
    for line in TINY.splitlines():
        for seg in tokenize(line):
            for n in (1, 2, 3):
                uni.update(tuple(seg[i:i + n]) for i in range(len(seg) - n + 1))
    assert meta["tokens"] == sum(c for k, c in uni.items() if len(k) == 1)
    for gram, c in uni.items():
        assert model.count(list(gram)) == (c if c >= 2 else 0), gram
    assert model.count("dépend de") == 5 and model.count("dépend de la") == 3
    assert model.count("dépend à") == 0 and model.count("participe à la réunion") == 0  # four words
    choice = model.preposition_choice(["dépend"], "du")
    assert (choice.written, choice.written_count, choice.best_count) == ("de", 5, 0)
    assert model.prepositions(["participe"])["à"] == 2  # «à» and «au» together
    assert model.followers(["dépend"], ["de", "du", "zzz"]) == [5, 0, 0]  # «dépend du»: once, pruned
    assert meta["bigrams"] and meta["trigrams"] and (tmp_path / "model" / "meta.json").exists()


@pytest.fixture(scope="module")
@slow_fixture
def model() -> ngrams.NgramModel:
    m = ngrams.get_ngrams()
    assert m is not None, "models/fr-ngrams is missing: python3 scripts/build_fr_ngrams.py"
    return m


@pytest.mark.slow
def test_shipped_table_prefers_french_collocations(model):
    assert model.meta["tokens"] > 19_000_000 and model.meta["min_count"] == 3
    for natural, unnatural in [("prendre une décision", "faire une décision"), ("dépend de", "dépend sur"),
                               ("tout à fait", "tout à fais"), ("premier ministre", "premier chaise"),
                               ("participer à", "participer dans"), ("fumer une cigarette", "boire une cigarette")]:
        assert model.count(natural) > 0 == model.count(unnatural), (natural, unnatural)
        assert model.logprob(natural) > model.logprob(unnatural) + 1, (natural, unnatural)
    assert model.pmi("premier", "ministre") > 3 > model.pmi("premier", "le")
    assert model.logprob("la liste noire") > model.logprob("la liste des noirs")
    choice = model.preposition_choice(["participé", "participer"], "dans")
    assert (choice.best, choice.written_count) == ("à", 0) and choice.best_count > 100
    assert model.preposition_choice(["insiste", "insister"], "à").best == "sur"


@pytest.fixture(scope="module")
@slow_fixture
def det():
    from mtreview.detectors.mistranslation import MistranslationDetector

    return MistranslationDetector()


@pytest.mark.parametrize("wrong, span, suggestion, right", [
    ("Le ministre se plaint sur le manque de moyens.", "sur le", "du",
     "Le ministre se plaint du manque de moyens."),
    ("Le pays a résisté sur la pression des marchés.", "sur", "à",
     "Le pays a résisté à la pression des marchés."),
    ("Elle s'intéresse sur la peinture moderne.", "sur", "à",
     "Elle s'intéresse à la peinture moderne."),
])
def test_preposition_statistics_flag_the_error_not_the_french(det, wrong, span, suggestion, right):
    """The statistics find the error; where a table of the Russian verb's government already has it
    («se plaindre sur», stop 22, mechanism «calque») the table's flag stands and the statistics stay
    silent on the same span."""
    out = [f for f in flags(det, wrong) if f.evidence.get("mechanism") in {"preposition-statistics", "calque"}]
    assert [(f.text, f.suggestions) for f in out] == [(span, [suggestion])]
    ev = out[0].evidence
    if ev["mechanism"] == "preposition-statistics":
        assert ev["written_count"] == 0 and ev["best_count"] >= 20 and out[0].confidence >= 0.5
    assert flags(det, right) == []


def test_preposition_statistics_leave_adjuncts_and_locutions_alone(det):
    for text in ["Il a travaillé pour une grande entreprise.",  # «pour»: an adjunct after any verb
                 "Il insiste en tout cas sur les opportunités.",  # «en tout cas»: a locution
                 "Le gouvernement dépend en partie de ses alliés."]:
        assert [f for f in flags(det, text) if f.evidence.get("mechanism") == "preposition-statistics"] == []
