"""The learned pivot-error detector on the shipped model (``models/pivot-errors``).

Sentences written for these tests (none from the seed article), each with a copy corrupted by one
mechanism of PIVOT-ERRORS.md; the corrupted copy is flagged on the corrupted words, the clean one is not.
Plus the detector contract (flags inside the text, known categories, a reused detector gives a fresh
one's flags, empty text) and the synthetic-data generator.
"""

from __future__ import annotations

import random

import pytest
from conftest import flags

from mtreview.detectors import REGISTRY, load
from mtreview.detectors.pivotmodel import PivotModelDetector
from mtreview.document import Document
from mtreview.flags import CATEGORIES

#: the tests that run the shipped model (it is in the repository: a missing model fails them)
runs_the_model = pytest.mark.slow

#: (clean sentence, corrupted sentence, the corrupted words)
PAIRS = [
    ("Le directeur a rencontré les salariés de l'usine hier matin.",
     "Le directeur a rencontré les salariés de l'usine de usine hier matin.", "de usine"),
    ("Notre priorité est la sécurité des habitants du quartier.",
     "Notre priorité — la sécurité des habitants du quartier.", "—"),
    ("Elle a oublié son parapluie dans le train.",
     "Elle a oublié son umbrella dans le train.", "umbrella"),
    ("Nous avons parlé de ce projet pendant des heures.",
     "Nous avons parlé sur ce projet pendant des heures.", "sur"),
    ("Le gouvernement doit prendre des mesures contre la pauvreté.",
     "Le gouvernement doit accepter des mesures contre la pauvreté.", "accepter"),
    ("Le concert a eu lieu dans la grande salle.",
     "Le concert a pris place dans la grande salle.", "pris place"),
]


def _flags(text: str) -> list:
    return flags(PivotModelDetector(), text)


@runs_the_model
@pytest.mark.parametrize(("clean", "bad", "words"), PAIRS)
def test_corruption_flagged_clean_not(clean: str, bad: str, words: str) -> None:
    flags = _flags(bad)
    a = bad.index(words)
    b = a + len(words)
    assert any(f.start < b and f.end > a for f in flags), (bad, [(f.text, f.confidence) for f in flags])
    assert not _flags(clean), (clean, [(f.text, f.confidence) for f in _flags(clean)])


@runs_the_model
@pytest.mark.xfail(reason="pivot senses: the shipped model's recall is 25 % on the synthetic test (see the "
                          "model card); a known weakness, not a contract", strict=False)
def test_pivot_sense_in_context() -> None:
    bad = "Les deux pays ont enfin signé le monde après dix ans de guerre."
    assert any("monde" in f.text for f in _flags(bad))


@runs_the_model
def test_flag_fields_and_suggestion_from_tables() -> None:
    text = "Le directeur a rencontré les salariés de l'usine de usine hier matin."
    flags = _flags(text)
    assert flags
    for f in flags:
        assert text[f.start:f.end] == f.text
        assert f.category in CATEGORIES and f.category in PivotModelDetector.categories
        assert f.evidence["model"] == "pivot-errors" and 0.5 <= f.evidence["probability"] <= 1.0
        assert f.explanation and f.severity in {"minor", "major"}
    dup = [f for f in flags if "usine" in f.text]
    assert dup and dup[0].suggestions == [""]  # the repeated complement is deleted


@runs_the_model
def test_contract_reuse_and_empty() -> None:
    assert "pivotmodel" in REGISTRY
    det = load("pivotmodel")
    first = "Il a assisté à la conférence de conférence.\nLes deux pays ont signé le monde."
    second = "Elle a oublié son umbrella dans le train.\nNous avons parlé sur ce projet.\n"
    list(det.detect(Document.from_text(first)))
    again = [(f.start, f.end, f.confidence) for f in det.detect(Document.from_text(second))]
    fresh = [(f.start, f.end, f.confidence) for f in load("pivotmodel").detect(Document.from_text(second))]
    assert again == fresh
    for text in ["", " \n\n", "Bonjour", "Musk\n"]:
        for f in load("pivotmodel").detect(Document.from_text(text)):
            assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text


@runs_the_model
def test_batched_offsets_match_single_segments() -> None:
    lines = [bad for _, bad, _ in PAIRS]
    text = "\n".join(lines) + "\n"
    together = [(f.text, f.confidence) for f in _flags(text)]
    alone = [(f.text, f.confidence) for line in lines for f in _flags(line)]
    assert [t for t, _ in together] == [t for t, _ in alone]
    assert all(abs(x - y) < 0.02 for (_, x), (_, y) in zip(together, alone, strict=True))


def test_synthetic_corruptions_mark_their_span() -> None:
    from mtreview.pivotmodel import data as D

    rng = random.Random(3)
    s = "Le conseil a rendu son avis sur le projet de loi."
    for mech in ("dup", "english"):
        ex = D.CORRUPTORS[mech](s, rng, set())
        assert ex is not None and ex.text != s and ex.spans and ex.mechanism == mech
        a, b = ex.spans[0]
        assert 0 <= a < b <= len(ex.text)
    ex = D.CORRUPTORS["copula"]("Notre objectif est la réussite de tous.", rng, set())
    assert ex is not None and ex.text[ex.spans[0][0]:ex.spans[0][1]] == "—"
    ex = D.CORRUPTORS["valence"]("Il est accusé de vol.", rng, set())
    assert ex is not None and ex.text == "Il est accusé dans vol."
    assert not D.seed_sentences() & {s}
