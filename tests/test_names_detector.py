"""The names detector on invented documents (no seed names): each mechanism of PIVOT-ERRORS.md."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # the names detector (the names base, spaCy, the pivot-signature model)


@pytest.mark.parametrize("text,span,category,suggestion", [
    ("Le président turc Redzhep Tayip Erdogan a rencontré le chancelier à Berlin.\n",
     "Redzhep Tayip Erdogan", "name/corrupted", "Recep Tayyip Erdogan"),
    ("La visite d'Emmanuel Macron à Pékin a été reportée. Selon des proches de Makrona, il ira en mai.\n",
     "Makrona", "name/corrupted", "Macron"),
    ("Le ministre Sergey Lavrov a rencontré son homologue.\n", "Sergey Lavrov", "name/locale", "Sergueï Lavrov"),
    ("Les vidéos publiées sur Youtube ont été retirées.\n", "Youtube", "name/spelling", "YouTube"),
    ("Le constructeur Moteurs Généraux a annoncé des licenciements.\n", "Moteurs Généraux",
     "name/translated", "General Motors"),
    ("Il a rencontré Kim Jong -un à Pyongyang.\n", "Kim Jong -un", "name/corrupted", "Kim Jong-un"),
    # the Russian given name (a frequent French word as a name of other people) stands for the native one
    ("Le président ukrainien Vladimir Zelenskiy a rencontré le chancelier.\n", "Vladimir Zelenskiy",
     "name/corrupted", "Volodymyr Zelensky"),
])
def test_mechanisms(names_reviewer, text, span, category, suggestion):
    res = names_reviewer.review(text)
    hits = [f for f in res.flags if f.text == span]
    assert hits, [(f.text, f.category, f.suggestions) for f in res.flags]
    assert hits[0].category == category
    assert hits[0].suggestions[0] == suggestion


def test_inconsistent_spellings_of_one_entity(names_reviewer):
    text = ("Recep Tayyip Erdogan est arrivé à Ankara. Erdoğan a parlé. Erdogan a ensuite quitté la salle. "
            "Le président Erdogan reste calme.\n")
    res = names_reviewer.review(text)
    inc = [f for f in res.flags if f.category == "name/inconsistent"]
    # the original spelling's diacritics are never taken away, even to make a document consistent
    assert not [f for f in inc if f.text == "Erdoğan"]


def test_inconsistent_spellings_of_one_entity_suggest_without_stripping(names_reviewer):
    text = ("Volodymyr Zelensky est arrivé à Bruxelles. Zelensky a parlé. Zelenskyy a ensuite quitté la salle. "
            "Le président Zelensky reste calme.\n")
    res = names_reviewer.review(text)
    inc = [f for f in res.flags if f.category == "name/inconsistent"]
    assert all(f.confidence < 0.5 for f in inc)  # a house-style matter: shown, never applied


def test_russian_name_missing_from_the_base_gets_french_transcription(names_reviewer):
    res = names_reviewer.review("Le député Yevgeniy Kholodkovsky a été interrogé à Moscou.\n")
    f = [f for f in res.flags if f.category == "name/locale"]
    assert f and f[0].suggestions[0] == "Evgueni Kholodkovski"


def test_user_glossary_entity_is_found(tmp_path):
    from mtreview.knowledge.glossary import load_glossaries
    from mtreview.review import Reviewer

    g = tmp_path / "g.tsv"
    g.write_text("fr\ten\tru\taliases\ttype\nZorglub Vantardise\tZorglub Vantardise\tЗорглуб Вантардиз\t"
                 "Vantardise\tperson\n", encoding="utf-8")
    rv = Reviewer(["names"], glossary=load_glossaries([g]))
    res = rv.review("Zorglub Vantardise a parlé hier. Selon Vantardiza, tout va bien.\n")
    f = [f for f in res.flags if f.text == "Vantardiza"]
    assert f and f[0].suggestions[0] == "Vantardise"


def test_flags_never_overlap_and_offsets_hold(names_reviewer, seed_text):
    res = names_reviewer.review(seed_text)
    for a, b in zip(res.flags, res.flags[1:], strict=False):
        assert a.end <= b.start
    assert all(seed_text[f.start:f.end] == f.text for f in res.flags)
