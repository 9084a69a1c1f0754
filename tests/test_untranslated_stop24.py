"""English left in French text, stop 24 (``mtreview/detectors/untranslated.py``): a rarer English word French has
no trace of («rebranding», «downsizing»), an English word the French lexicon lists but human-written French
does not use («feelings», «retirement»), a lone English word whose fr-mono count comes from English quotations rather than
French usage, and a Russian loan of an English agent noun in -er («diler» — дилер); established anglicisms
(«week-end», «parking», «meeting», «business», «tanker») and loanwords stay unflagged. The sentences are the
project's own, written for these tests."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.untranslated import (
    UntranslatedDetector,
    foreign_language,
    lexicon_anglicism,
    russian_er_loan,
)

pytestmark = pytest.mark.slow  # Grammalecte, spaCy, wordfreq, pymorphy3


@pytest.fixture(scope="module")
def det() -> UntranslatedDetector:
    return UntranslatedDetector()


def test_rare_english_word_unknown_to_french_is_foreign():
    assert foreign_language("downsizing") is None  # below the common-word bar…
    assert foreign_language("downsizing", rare=True) == ("en", pytest.approx(2.89, abs=0.05))  # …but no French
    assert foreign_language("crowdfunding", rare=True) is None  # French writers use it (fr-mono, wordfreq)
    assert foreign_language("advices", rare=True) is None  # a plural English does not write: a French writer's


def test_lexicon_anglicism_only_when_french_does_not_use_it():
    assert lexicon_anglicism("feelings") is not None
    assert lexicon_anglicism("upgrade") is None  # wordfreq's French has it often enough
    for word in ("meeting", "parking", "week-end", "business", "shopping", "holding", "tanker", "deal"):
        assert lexicon_anglicism(word) is None, word


def test_russian_loan_of_an_english_agent_noun():
    assert russian_er_loan("diler") == "дилер"
    assert russian_er_loan("bloger") == "блогер"
    assert russian_er_loan("poker") is None  # English and French write it so
    assert russian_er_loan("manager") is None


@pytest.mark.parametrize("text, word, rule", [
    ("Le groupe prépare un rebranding complet de ses magasins.", "rebranding", "lone_word_unattested"),
    ("Le downsizing de l'usine a coûté 300 emplois.", "downsizing", "lone_word_unattested"),
    ("Il a préparé sa retirement avec un conseiller financier.", "retirement", "lone_word_unattested"),
    ("Les équipes de salvage ont renfloué le navire.", "salvage", "lone_word_unattested"),
    ("Le diler a vendu toutes les voitures du lot.", "diler", "romanised_russian"),
])
def test_english_and_russian_loans_left_in_the_text_are_flagged(det, text, word, rule):
    out = [(f.text, f.evidence.get("rule"), f.confidence) for f in flags(det, text)]
    assert len(out) == 1 and out[0][0] == word and out[0][1] == rule and out[0][2] >= 0.6, out


@pytest.mark.parametrize("text", [
    "Le meeting de campagne a réuni dix mille personnes pendant le week-end.",
    "Le parking du centre commercial est fermé le dimanche.",
    "Le business des applications mobiles rapporte des milliards.",
    "Un tanker chargé de pétrole a quitté le port du Havre.",
    "Le crowdfunding a permis de financer le film.",
    "Le manager de la holding a répondu par email.",
    "Le thriller et le biopic dominent le box-office.",
    "Les caméramans (et womans) en ont souvent sur eux.",
])
def test_established_anglicisms_are_not_flagged(det, text):
    assert [f.text for f in flags(det, text) if f.confidence >= 0.5] == []
