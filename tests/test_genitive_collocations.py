"""The genitive detector (a Russian genitive rendered as a French adjective: «les propositions députées»
for «les propositions des députés»), judged by the noun-phrase counts of ``models/noun-phrases``, with the
real tables, the real lexicon and the real spaCy parse (no mocks).

Sentences are written for these tests (not taken from corpora/eval)."""

from __future__ import annotations

import gzip

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.genitive import GenitiveDetector
from mtreview.knowledge import noun_phrases
from mtreview.knowledge.noun_phrases import get_noun_phrases, modifier_key, noun_key
from mtreview.resources import model_dir


def test_tables_ship_small_with_their_source():
    d = model_dir(noun_phrases.MODEL_NAME)
    size = sum((d / f).stat().st_size for f in ("noun_adj.tsv.gz", "noun_de.tsv.gz", "relational.tsv",
                                               "relational_curated.tsv"))
    assert size < 3_000_000
    readme = (d / "README.md").read_text(encoding="utf-8")
    assert "fr-mono-commonvoice-eltec" in readme and "scripts/build_noun_phrases.py" in readme
    assert "CC0" in readme and "Apache-2.0" in readme
    with gzip.open(d / "noun_de.tsv.gz", "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("# head\tdet\tn2_form\tn2_lemma\tcount")
    assert "Hand-written" in (d / "relational_curated.tsv").read_text(encoding="utf-8").split("adjective\t", 1)[0]


@pytest.mark.slow  # Grammalecte's lexicon
def test_keys_and_counts():
    assert noun_key("revenus") == "revenu" and noun_key("députées") == "député"
    assert noun_key("la") is None and noun_key("est") is None  # function words, auxiliaries
    assert modifier_key("administratifs") == "administratif" and modifier_key("ingénieure") == "ingénieur"
    np_ = get_noun_phrases()
    assert np_ is not None
    # established adjective uses are in the counts: that is what keeps them unflagged
    for head, adj in (("aide", "médical"), ("revenu", "fiscal"), ("commission", "parlementaire")):
        assert np_.adj_count(head, adj) >= 2, (head, adj)
    assert np_.de_count("article", "loi") >= 10
    # the relational table: suffix rules checked on the corpus, plus the curated irregular pairs
    assert ("constitution", "-ionnel → -ion") in np_.bases("constitutionnel")
    assert any(b == "administration" for b, _ in np_.bases("administratif"))
    assert any(b == "voix" for b, _ in np_.bases("vocal"))
    assert any(b == "médecin" for b, _ in np_.bases("médical"))


@pytest.fixture(scope="module")
@slow_fixture
def det() -> GenitiveDetector:
    return GenitiveDetector()


def test_feminine_person_noun_agreeing_like_an_adjective(det):
    fl = flags(det, "Les propositions députées ont été rejetées hier soir.")
    assert [f.text for f in fl] == ["députées"]
    f = fl[0]
    assert f.confidence >= 0.5 and f.category == "accuracy/mistranslation"
    assert f.suggestions[0] == "des députés"
    assert f.evidence["mechanism"] == "genitive-adjective"
    fl = flags(det, "La décision présidente a surpris les élus.")
    assert [f.text for f in fl] == ["présidente"]
    assert "de la présidente" in fl[0].suggestions


def test_relational_adjective_with_strong_corpus_evidence(det):
    fl = flags(det, "Il cite un article législatif ancien.")
    assert [f.text for f in fl] == ["législatif"]
    f = fl[0]
    assert 0.5 <= f.confidence <= 0.7
    assert f.evidence["tier"] == "strong" and f.evidence["base"] == "loi"
    assert f.suggestions[0].endswith("loi")


@pytest.mark.parametrize("text", [
    "L'aide médicale est versée chaque mois.",
    "Les revenus fiscaux ont baissé cette année.",
    "La commission parlementaire a rendu son avis.",
    "Les revendications syndicales portent sur les salaires.",
    "Les manifestations paysannes se multiplient dans le pays.",
    "Une femme présidente a été élue.",            # a person head: an apposition
    "Les travaux reprendront fin mai.",            # a noun in apposition
    "La viande fumée est servie froide.",          # a participle of a verb French uses
    "Le roi français signa le traité.",            # a gentilic adjective
    "La société organisatrice du salon a changé.",  # an agent noun with its own complement
    "La ville candidate a été choisie.",
    "Les services administratifs ferment à midi.",
    "Le budget ministériel augmente encore.",
])
def test_clean_look_alikes_left_alone(det, text):
    assert [f for f in flags(det, text) if f.confidence >= 0.5] == []


def test_through_the_reviewer(det, monkeypatch):
    from mtreview import detectors as registry
    from mtreview.review import Reviewer

    # registered by the lead as REGISTRY["genitive"]; until then, for this test only
    monkeypatch.setitem(registry.REGISTRY, "genitive", "mtreview.detectors.genitive:GenitiveDetector")
    r = Reviewer(["genitive"])
    fl = r.review("Les propositions députées ont été rejetées hier soir.").flags
    assert [f.text for f in fl] == ["députées"]
    assert r.review("La commission parlementaire a rendu son avis.").flags == []
