"""The knowledge layer: the names base is broad and well-formed; transliteration, glossaries, indexes."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from mtreview.knowledge.calques import split_compound, stem_fr
from mtreview.knowledge.glossary import load_glossaries, parse_glossary_text
from mtreview.knowledge.names import NameKnowledgeBase, get_kb, kb_with_glossary
from mtreview.knowledge.transliteration import case_forms, french_transcription, pivot_key, romanise

sys.path.insert(0, str(ROOT / "scripts"))


@pytest.mark.slow  # the names base, every file of it
def test_names_kb_is_broad_and_well_formed():
    from check_names_kb import check

    errors, stats = check()
    assert errors == []
    assert stats["entities"] >= 5000
    assert stats["type:person"] >= 3000 and stats["type:place"] >= 500
    # every token known to wordfreq in English or French, or the row says why
    assert stats.get("unknown_unexplained", 0) <= 0.01 * stats["entities"]


def test_romanisation_schemes_and_case_forms():
    assert romanise("Жаир", "bgn") == "Zhair"
    assert romanise("Ян", "gost") == "Jan"
    assert romanise("Юлия", "passport") == "Iuliia"
    forms = dict((case, f) for f, case in case_forms("Милей"))
    assert forms["gen"] == "Милея"
    assert dict((c, f) for f, c in case_forms("Башар"))["gen"] == "Башара"
    assert french_transcription("Лукашенко") == "Loukachenko"
    assert french_transcription("Сергей") == "Sergueï"
    assert pivot_key("Zhaiir") == pivot_key("Jair")


@pytest.mark.slow  # the names base
def test_variant_index_finds_pivot_forms():
    kb = get_kb()
    assert len(kb) >= 5000
    assert any(v.kind == "pivot" for v in kb.lookup("Lavrova"))  # genitive of Лавров, romanised


@pytest.mark.slow  # the names base
def test_glossary_csv_overrides_and_is_used(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("fr,en,ru,aliases,variants,type\nJeanne Quelconque,Jeanne Whatever,Жанна Кельконк,Quelconque,"
                 "Zhanna Kelkonk,person\n", encoding="utf-8")
    g = load_glossaries([p])
    assert len(g) == 1 and g.variant_map() == {"Zhanna Kelkonk": "Jeanne Quelconque"}
    kb = kb_with_glossary(g)
    assert kb.lookup("Zhanna") and kb.entities[kb.lookup("Zhanna")[0].entity].fr == "Jeanne Quelconque"


def test_headerless_glossary_and_errors():
    g = parse_glossary_text("Ilonn,Ilon Test\n", "x.csv")
    assert g.entities[0].fr == "Ilon Test"


def test_calque_helpers():
    assert split_compound("Starlink") == ["star", "link"]
    assert split_compound("Facebook") == ["face", "book"]
    assert split_compound("Musk") is None  # too short for two words
    assert split_compound("Poutine") is None  # no two common English words
    assert split_compound("Star-link") is None  # not one alphabetic word
    assert stem_fr("étoiles") == stem_fr("étoile")
    assert stem_fr("généraux") == stem_fr("générale")


def test_empty_kb_is_usable():
    kb = NameKnowledgeBase()
    assert kb.lookup("anything") == [] and kb.fuzzy("anything") == []


def test_zipf_direct_look_up_equals_wordfreq() -> None:
    """Plain words are looked up in wordfreq's table directly: the figures must be wordfreq's own."""
    import random

    from wordfreq import get_frequency_dict, zipf_frequency

    from mtreview.knowledge.lexicon import is_plain_word, zipf

    for lang in ("fr", "en", "ro", "tr", "de"):
        words = random.Random(4).sample(sorted(get_frequency_dict(lang, "best")), 300)
        words += ["Paris", "ÉTÉ", "straße", "şase", "țară", "qxzv", "l'homme", "été", "œuvre", "ǆ", "ı"]
        for w in words:
            assert zipf(w, lang) == zipf_frequency(w, lang), (lang, w)
    assert is_plain_word("été") and not is_plain_word("Été") and not is_plain_word("l'homme")
