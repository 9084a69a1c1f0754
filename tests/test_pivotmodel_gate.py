"""The gate of the learned pivot-error detector (``mtreview.detectors.pivotmodel.gate``), on the real
fr-ngrams counts and the shipped model.

Sentences written for these tests. The gate keeps a model span only with evidence the tagger does not
have (a duplicated complement, a lone copula dash after a short subject, a confident English word French
does not write, a table correction fr-ngrams prefers, a word that goes with neither neighbour, a confident
unseen phrase) and drops the rest: common words in their ordinary use, rare words French knows, dashes of
an aside.
"""

from __future__ import annotations

import pytest

from mtreview.detectors.pivotmodel import PivotModelDetector, gate
from mtreview.document import Document

pytestmark = pytest.mark.slow  # fr-ngrams, wordfreq and the model


def _why(text: str, span: str, suggestion: list[str] | None = None, probability: float = 0.7) -> str:
    a = text.index(span)
    return gate(text, a, a + len(span), suggestion, probability)


@pytest.mark.parametrize(("text", "span", "why"), [
    ("Les ventes du médicament du médicament ont baissé.", "médicament ont", "repeat"),
    ("Les salariés de l'usine de usine sont en grève.", " de usine", "repeat"),
    ("La cause du rappel — une impureté dans les comprimés.", "—", "copula"),
    ("Nous avons parlé sur ce projet pendant des heures.", "sur", "table"),
])
def test_kept_with_evidence(text: str, span: str, why: str) -> None:
    if span == "médicament ont":  # the second copy
        a = text.rindex("médicament")
        assert gate(text, a, a + len("médicament")) == why
        return
    sugg = ["de"] if why == "table" else None
    assert _why(text, span, sugg) == why


def test_english_needs_confidence_and_french_neighbours() -> None:
    text = "Elle a oublié son umbrella dans le train."
    assert _why(text, "umbrella", probability=0.95) == "english"
    assert _why(text, "umbrella", probability=0.6) == ""
    quote = "Il a cité la phrase « when the looting starts » devant la presse."
    assert _why(quote, "looting", probability=0.99) == ""  # an English quotation, not a leftover


@pytest.mark.parametrize(("text", "span"), [
    ("Vous recevrez un e-mail avec le numéro de suivi de votre colis.", "numéro"),  # attested pair
    ("L'oiseau la décompose dans son tractus gastro-intestinal.", "tractus"),  # rare word French knows
    ("Le vendeur est spécialisé dans la production de toner.", "toner"),
    ("Il faut lutter quatre jours et quatre nuits.", "quatre"),  # a repeat joined by «et»
    ("Ils attirent les individus à droite de la droite.", "droite"),
    ("Les trois quartiers — les plus pauvres de la ville — attendent.", "—"),  # an aside
    ("Les actions de la banque ont gagné 4 % mardi à Wall Street — une première.", "—"),  # long clause
    ("Il faut réduire de 500 milliards à 390 milliards le montant.", "milliards le"),
])
def test_dropped_on_clean_french(text: str, span: str) -> None:
    if span == "milliards le":
        a = text.rindex("milliards")
        assert gate(text, a, a + len("milliards"), None, 1.0) == ""
        return
    if span in ("quatre", "droite"):
        a = text.rindex(span)
        assert gate(text, a, a + len(span), None, 0.99) == ""
        return
    assert _why(text, span, probability=0.99) == ""


def test_gated_detector_is_a_subset_with_reasons() -> None:
    text = ("Vous recevrez un e-mail avec le numéro de suivi.\n"
            "Les habitants de la ville de la ville paient déjà beaucoup.\n"
            "Le gouvernement doit accepter des mesures contre la pauvreté.\n")
    doc = Document.from_text(text)
    judged = list(PivotModelDetector().judged(doc))
    gated = list(PivotModelDetector().detect(doc))
    ungated = list(PivotModelDetector(gated=False).detect(doc))
    assert [f for f, why in judged if why] == gated
    assert len(ungated) == len(judged) >= len(gated)
    assert all(f.evidence["gate"] for f in gated)
    assert any(f.text.strip().endswith("ville") for f in gated)
    assert not any("numéro" in f.text for f in gated)
