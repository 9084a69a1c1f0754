"""The sounds-like index of real name spellings (:mod:`mtreview.knowledge.respelling`): a name written in
Cyrillic by its language's transcription rules and a romanisation of that Cyrillic share a key; a
re-romanised name finds its real spelling, in the language of the name's other part first; the names
engine suggests it, and leaves clean real names alone."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.knowledge.respelling import LANGUAGES, candidates, key, latin_key, respell, stems
from mtreview.knowledge.transliteration import romanise

# (real spelling, language, how a Russian pivot prints it): people outside the development sets
PIVOT_FORMS = [
    ("Hildegard", "de", "Khildegard"), ("Steinbrück", "de", "Shtaynbryuk"), ("Eberhard", "de", "Eberkhard"),
    ("Joost", "nl", "Yost"), ("Hoogendijk", "nl", "Khogendeyk"), ("Wouter", "nl", "Vauter"),
    ("Gianluigi", "it", "Dzhanluidzhi"), ("Cecchini", "it", "Chekkini"), ("Pasquale", "it", "Paskvale"),
    ("Guillermo", "es", "Gilermo"), ("Jiménez", "es", "Khimenes"), ("Echeverría", "es", "Echeverriya"),
    ("Gonçalves", "pt", "Gonsalvesh"), ("Joaquim", "pt", "Zhoakim"),
    ("Wiśniewska", "pl", "Vishnevskaya"), ("Szczepański", "pl", "Shchepanskiy"),
    ("Dvořák", "cs", "Dvorzhak"), ("Procházková", "cs", "Prokhazkova"),
    ("Szabó", "hu", "Sabo"), ("Gergely", "hu", "Gergey"),
    ("Sjöberg", "sv", "Shyoberg"), ("Lindqvist", "sv", "Lindkvist"), ("Häkkinen", "fi", "Khyakkinen"),
    ("Şahin", "tr", "Shakhin"), ("Yücel", "tr", "Yudzhel"), ("McAllister", "en", "Makallister"),
]


@pytest.mark.parametrize("spelling,lang,pivot", PIVOT_FORMS)
def test_spelling_and_pivot_form_share_a_key(spelling, lang, pivot):
    assert latin_key(pivot) in {key(c) for c in respell(spelling, lang)}


@pytest.mark.parametrize("cyrillic", ["Юрген", "Шёквист", "Васильев", "Мария", "Врублевская", "Хименес",
                                      "Джанлуиджи", "Щепаньский", "Цецилия", "Дьёрдь"])
@pytest.mark.parametrize("scheme", ["bgn", "passport", "gost", "adhoc"])
def test_every_scheme_romanises_to_the_cyrillic_key(cyrillic, scheme):
    assert latin_key(romanise(cyrillic, scheme)) == key(cyrillic)


def test_rules_of_each_language():
    assert respell("Schimmelpfennig", "de") == ["шиммельпфенниг"]
    assert respell("Wróblewska", "pl") == ["врублевская"]
    assert respell("Sjöqvist", "sv") == ["шёквист"]
    assert "верховен" in respell("Verhoeven", "nl")
    assert respell("Cecchini", "it") == ["чеккини"]
    assert respell("Halász", "hu") == ["халас"]
    assert all(lang in LANGUAGES for lang in ("de", "nl", "it", "es", "pt", "pl", "cs", "hu", "sv", "fi", "tr"))


def test_case_endings_are_stripped():
    assert ("dvorzhak", True) in stems("Dvorzhakom")
    assert ("vishnevskaya", True) in stems("Vishnevskoy")


@pytest.mark.parametrize("pivot,lang,want", [
    ("Vishnevskaya", "pl", "wiśniewska"), ("Shchepanskiy", None, "szczepański"), ("Khyakkinen", None, "häkkinen"),
    ("Dzhanluidzhi", None, "gianluigi"), ("Prokhazkova", None, "procházková"), ("Yudzhel", None, "yücel"),
    ("Gergey", "hu", "gergely"), ("Dvorzhakom", None, "dvořák"), ("Khimenes", "es", "jiménez"),
])
def test_candidates_of_pivot_forms(pivot, lang, want):
    got = [c.spelling for c in candidates(pivot, lang)]
    assert got and got[0] == want, got


def test_the_language_hint_decides_between_real_spellings():
    # «Yost» is Dutch «Joost»; with no hint the commoner «jest»-like readings may come first
    assert candidates("Yost", "nl")[0].spelling == "joost"


# ---------------------------------------------------------------- the names engine (slow)

@pytest.fixture(scope="module")
@slow_fixture  # the names base, spaCy, the transliteration model
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["names"])


def _flags(reviewer, text):
    return [f for f in reviewer.review(text).flags if f.detector == "names"]


@pytest.mark.parametrize("text", [
    "Joaquín Phoenix a reçu le prix à Venise.",
    "Karolína Plíšková s'est qualifiée pour le deuxième tour.",
    "Le romancier Wilhelm Raabe est né en 1831.",
    "Eddie Redmayne joue le rôle principal.",
    "La chercheuse Agnieszka Wiśniewska dirige le laboratoire de Cracovie.",
    "Le gardien Joost Hoogendijk a signé à Utrecht.",
])
def test_clean_real_names_are_left_alone(reviewer, text):
    assert [f for f in _flags(reviewer, text) if f.confidence >= 0.5] == []


def _suggestion(flags, word):
    got = [f.suggestions[0] for f in flags if f.text == word and f.suggestions]
    return got[0] if got else None


def test_engine_suggests_the_spelling_of_the_other_parts_language(reviewer):
    # a Dutch painter (Hendrik Verhulst) re-romanised through Russian, nominative and instrumental
    text = ("Le peintre néerlandais Khendrik Verkhulst expose à Gand. "
            "Il a parlé avec Khendrikom Verkhulstom hier.")
    flags = _flags(reviewer, text)
    assert _suggestion(flags, "Verkhulst") == "Verhulst"
    assert _suggestion(flags, "Verkhulstom") == "Verhulst"


def test_engine_suggests_a_dutch_surname(reviewer):
    text = ("Le gardien néerlandais Yost Khogendeyk a signé à Utrecht. "
            "Selon Khogendeyk, le club vise le titre.")
    flags = _flags(reviewer, text)
    assert _suggestion(flags, "Khogendeyk") == "Hoogendijk"
    assert _suggestion(flags, "Yost") == "Joost"
