"""Legitimate uses stay clean: common nouns that are also pivot homographs, first names, correct names."""

from __future__ import annotations

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # the names detector (the names base, spaCy)


def test_legitimate_document_has_no_name_flags(names_reviewer):
    text = (ROOT / "corpora" / "samples" / "legit-fr.txt").read_text(encoding="utf-8")
    res = names_reviewer.review(text)
    name_flags = [f for f in res.flags if f.category.startswith("name/")]
    assert name_flags == [], [(f.text, f.category, f.suggestions) for f in name_flags]


def test_masque_with_wear_verb_is_not_a_name_even_when_the_person_is_named(names_reviewer):
    text = ("Elon Musk a visité l'usine de Berlin. Les ouvriers doivent porter un masque de protection "
            "et des lunettes. Musk a ensuite parlé aux journalistes.")
    res = names_reviewer.review(text)
    assert not [f for f in res.flags if f.text.lower().endswith("masque")]


def test_masque_as_subject_of_speech_verb_is_flagged_when_the_person_is_named(names_reviewer):
    text = ("Elon Musk a racheté Twitter en 2022. Le masque a déclaré que la plateforme resterait ouverte. "
            "Musk a ensuite licencié la moitié des salariés.")
    res = names_reviewer.review(text)
    f = [f for f in res.flags if f.text.lower().endswith("masque")]
    assert f and f[0].category == "name/translated" and f[0].suggestions[0] == "Musk"


@pytest.mark.parametrize("text, word", [
    # «Trump» names Lara Trump as well as Donald: it does not make the castle of Loarre a garbled «Lara»
    ("Donald Trump a visité l'Aragon. Les visiteurs peuvent explorer le château de Loarre. Trump a salué "
     "le château de Loarre.", "Loarre"),
    # «Université» alone does not name Sorbonne Université: the priory of Serrabona is no garbled «Sorbonne»
    ("L'Université de Perpignan organise une visite. Comment décririez-vous le prieuré de Serrabona ? "
     "Le prieuré de Serrabona est roman.", "Serrabona"),
])
def test_an_entity_named_by_another_of_its_words_is_no_evidence_for_a_near_miss(names_reviewer, text, word):
    res = names_reviewer.review(text)
    assert not [f for f in res.flags if f.text == word and f.confidence >= 0.5], \
        [(f.text, f.suggestions, f.confidence) for f in res.flags]


def test_a_garbled_token_is_flagged_when_that_token_is_written_nearby(names_reviewer):
    text = ("Elon Musk a présenté la fusée. Selon Mask, le lancement aura lieu en mars. "
            "Musk a ensuite répondu aux questions.")
    res = names_reviewer.review(text)
    f = [f for f in res.flags if f.text == "Mask"]
    assert f and f[0].suggestions[0] == "Musk" and f[0].confidence >= 0.5


@pytest.mark.parametrize("text, word", [
    # a place's other name that French writes, with no pivot sign near (the entity named nearby)
    ("La France a signé le traité. En 877, le roi de Francie occidentale meurt sans héritier.", "Francie"),
    ("La France est voisine de l'Espagne. L'espèce se rencontre dans la Sierra de Francia.", "Francia"),
    # the original language's diacritics: no Cyrillic pivot writes «Á», «ṭ»
    ("Le Portugal rencontre la Grèce, finale perdue sur un but d'Ángelos Charistéas. Los Angeles accueille "
     "la finale suivante à Los Angeles.", "Ángelos"),
    ("Le sultanat de Mascate et Oman (en arabe Salṭanat Masqaṭ wa-ʿUmān) s'étendait sur le sud-est de "
     "l'Arabie. Mascate en était la capitale.", "Masqaṭ"),
    # spellings listed as alternatives
    ("Les « Iazyges » ou « Jazyges » ou « Yaziges » sont une des branches des Sarmates.", "Yaziges"),
    # a capitalised word inside a longer name or title is no translated surname
    ("L'American Film Institute a classé la chanson. Roy Keane a salué la décision de l'American Film "
     "Institute.", "Film"),
    ("Qui a sculpté l'Ange de la Paix à Munich ? Selon Anyu Angelov, le monument date de 1899.", "Ange"),
    # a transliteration proposal that drops most of the word («Eyasi» → «Ay») is no correction
    ("Les bords du lac Eyasi sont couverts d'acacias qui résistent aux conditions arides.", "Eyasi"),
])
def test_original_spellings_listed_spellings_and_titles_are_left_alone(names_reviewer, text, word):
    res = names_reviewer.review(text)
    assert not [f for f in res.flags if word in f.text and f.confidence >= 0.5], \
        [(f.text, f.suggestions, f.confidence) for f in res.flags]


@pytest.mark.parametrize("text, word", [
    ("Quel membre des Rolling Stones joue dans le film ? Le magazine Rolling Stone l'a classé premier.",
     "Rolling Stones"),  # a plural «-s»: no pivot writes it
    ("Ensuite, Sean Paul est montré avec plusieurs femmes couchées sur le plancher du studio.",
     "plancher"),  # «Paul» inside another person's name is no evidence for a translated «Paul»
    ("La sous-espèce « lankae » du Sri Lanka est plus petite que celle du Sri Lanka central.", "lankae"),
])
def test_plurals_other_peoples_names_and_quoted_words_are_left_alone(names_reviewer, text, word):
    res = names_reviewer.review(text)
    assert not [f for f in res.flags if word in f.text and f.confidence >= 0.5], \
        [(f.text, f.suggestions, f.confidence) for f in res.flags]


@pytest.mark.parametrize("text, word", [
    ("Les résultats du second tour, qui donnent Viktor Ianoukovytch gagnant, sont contestés par "
     "l'opposition.", "Ianoukovytch"),
    ("Emomalii Rahmon fut réélu avec 79 % des suffrages. Rahmon dirige le pays depuis 1992.", "Emomalii"),
])
def test_another_french_transcription_is_left_alone_without_the_pivot(names_reviewer, text, word):
    # «Ianoukovytch» / «Ianoukovitch», «Emomalii» / «Emomali»: two French transcriptions in use
    res = names_reviewer.review(text)
    assert not [f for f in res.flags if word in f.text and f.confidence >= 0.5], \
        [(f.text, f.suggestions, f.confidence) for f in res.flags]


def test_transcription_variants_are_not_typos():
    from mtreview.detectors.names.known import transcription_variant

    assert transcription_variant("Moustapha", "Moustafa") and transcription_variant("Emomalii", "Emomali")
    assert not transcription_variant("Sprinsteen", "Springsteen")
    assert not transcription_variant("Hilary", "Hillary") and not transcription_variant("Zhaiir", "Jair")
