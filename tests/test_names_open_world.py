"""The names engine in the open world: correct names it does not know are left alone, corrections are
grammatical French, and nothing of one document carries over to the next."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.detectors.names import NamesDetector, keeps_original, with_article
from mtreview.document import Document
from mtreview.review import Reviewer


@pytest.fixture(scope="module")
@slow_fixture  # the names base, spaCy, the models of names outside the base
def names() -> Reviewer:
    return Reviewer(["names"])


# ---------------------------------------------------------------- pure rules (fast)
@pytest.mark.parametrize("span,suggestion", [
    ("Shaquille O’Neal", "Shaquille O'Neal"),      # typographic apostrophe = straight one
    ("Poznań", "Poznan"),                          # original diacritics are never stripped
    ("São Paulo", "Sao Paulo"),
    ("Martina Navrátilová", "Martina Navratilova"),
    ("National Football League", "NFL"),           # acronym and expansion
    ("UFC", "Ultimate Fighting Championship"),
    ("Jean Jaurès", "Fondation Jean-Jaurès"),      # a longer or shorter form of the same name
    ("The New Yorker", "New Yorker"),
])
def test_keeps_original(span, suggestion):
    assert keeps_original(span, suggestion)


@pytest.mark.parametrize("span,suggestion", [
    ("Zhaiir Bolsonar", "Jair Bolsonaro"), ("StarLink", "Starlink"), ("Mileya", "Milei"),
    ("Dmitry Peskov", "Dmitri Peskov"),
])
def test_real_corrections_are_not_kept(span, suggestion):
    assert not keeps_original(span, suggestion)


@pytest.mark.parametrize("text,expected", [
    ("Il a parlé du masque", "Il a parlé de Musk"),
    ("Le masque", "Musk"),
    ("Il a tenté de persuader le masque", "Il a tenté de persuader Musk"),
    ("Il a demandé au masque", "Il a demandé à Musk"),
    ("Au masque", "À Musk"),
    ("Du masque", "De Musk"),
    ("des conversations avec un masque", "des conversations avec Musk"),
    ("son masque", "son Musk"),  # a possessive is left to the reviewer
])
def test_with_article(text, expected):
    start, fix = with_article(text, text.rindex("masque"), "Musk")
    assert text[:start] + fix == expected


def test_with_article_elides_before_a_vowel():
    text = "la biographie du ours"
    start, fix = with_article(text, text.rindex("ours"), "Elon")
    assert text[:start] + fix == "la biographie d'Elon"


# ---------------------------------------------------------------- real detector on real text
CLEAN = [
    "L'écurie Brawn GP a remporté le championnat du monde de Formule 1 en 2009.",
    "Shaquille O’Neal a été sélectionné au Hall of Fame.",
    "Poznań et Córdoba sont jumelées depuis longtemps.",
    "Elizabeth I et Charles II ont régné sur l'Angleterre.",
    "Au IVe siècle, la ville comptait déjà plusieurs églises.",
    "Le World Trade Center a été reconstruit à New York.",
    "Les Rolling Stones ont donné un concert à Paris.",
    "Les Patriots de la Nouvelle-Angleterre ont gagné le Super Bowl.",
    "Jean Jaurès a fondé le journal L'Humanité.",
    "Karolína Plíšková a atteint la finale de l'US Open.",
    "Eddie Redmayne a reçu l'Oscar du meilleur acteur.",
    "Wilhelm Raabe est un romancier allemand du XIXe siècle.",
    "La mer d'Aral a perdu la plus grande partie de sa surface.",
    "Le film a été tourné en Birmanie, que les Nations unies appellent Myanmar.",
    "Les États-Unis (en anglais : United States) sont une république fédérale.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_correct_names_are_left_alone(names, text):
    flags = [f for f in names.review(text).flags if f.category.startswith("name/") and f.confidence >= 0.5]
    assert flags == [], [(f.text, f.suggestions, f.confidence) for f in flags]


def test_foreign_form_given_on_purpose_is_left_alone_even_in_a_pivot_text(names):
    text = ("Dzhon Uolsh et Dzheims Makkartni ont parlé à Ilon Musk. Le masque a déclaré que les "
            "États-Unis (en anglais : United States) resteraient neutres.")
    assert not [f for f in names.review(text).flags if "United" in f.text]


def test_clean_corpus_lines_are_not_corrected_from_unrelated_lines(names):
    # a corpus reviewed as one text: a name in one sentence is no evidence about another far away
    far = " ".join(["La réunion s'est tenue sans incident particulier."] * 60)
    text = f"Gordon Brown a parlé.\n{far}\nL'écurie Brawn a gagné la course.\n"
    assert not [f for f in names.review(text).flags if f.text == "Brawn"]


def test_name_translated_takes_its_article(names):
    text = ("Elon Musk a racheté Twitter. Les contacts du masque avec le Kremlin ont inquiété Washington. "
            "Le Pentagone a demandé au masque de s'expliquer, et le masque a déclaré qu'il n'avait rien fait.")
    flags = [f for f in names.review(text).flags if f.category == "name/translated"]
    by_text = {f.text: f.suggestions[0] for f in flags}
    assert by_text.get("du masque") == "de Musk"
    assert by_text.get("au masque") == "à Musk"
    assert by_text.get("le masque") == "Musk"


@pytest.mark.slow  # the names detector on the seed article
def test_fixed_seed_reads_grammatical_french(seed_text):
    from mtreview.correct import fix

    fixed = fix(seed_text, Reviewer(["names"]).review(seed_text), min_confidence=0.8).text
    low = fixed.lower()
    for bad in ("du musk", "le musk", "au musk", "un musk", "la musk"):
        assert bad not in low, bad
    assert "de Musk" in fixed and "à Musk" in fixed and "Musk a déclaré" in fixed


@pytest.mark.slow  # the names base
def test_reused_detector_equals_fresh_detector():
    first = "Elon Musk a racheté Twitter. Musk a parlé aux journalistes."
    second = "Le Mask a parlé hier soir."
    reused = NamesDetector()
    list(reused.detect(Document.from_text(first)))
    again = [(f.start, f.text, f.suggestions) for f in reused.detect(Document.from_text(second))]
    fresh = [(f.start, f.text, f.suggestions) for f in NamesDetector().detect(Document.from_text(second))]
    assert again == fresh


def test_reused_reviewer_equals_fresh_reviewer(names, seed_text):
    short = "Le masque a parlé hier."
    names.review(seed_text)
    after_seed = [(f.start, f.text, f.confidence) for f in names.review(short).flags]
    fresh = [(f.start, f.text, f.confidence) for f in Reviewer(["names"]).review(short).flags]
    assert after_seed == fresh


def test_short_text_with_the_name_nearby_is_flagged(names):
    text = "Musk a parlé avec Poutine. Le masque a dit qu'il soutenait le projet."
    flags = [f for f in names.review(text).flags if f.text.lower().endswith("masque")]
    assert flags and flags[0].suggestions[0] == "Musk" and flags[0].confidence >= 0.8


# ---------------------------------------------------------------- names outside the base
@pytest.mark.slow  # the pivot-signature model (models/)
def test_pivot_signature_tells_romanised_from_original_spellings():
    from mtreview.translit.signature import pivot_score

    for word in ("Dzhon", "Uolsh", "Khendriks", "Dzheims"):
        assert pivot_score(word) >= 0.85, word
    for word in ("Raabe", "Karolína", "Dvořák", "Siobhán", "Çağlar", "Smith", "Brawn"):
        assert pivot_score(word) < 0.5, word


def test_romanised_names_outside_the_base_get_their_original_spelling(names):
    text = ("Le directeur Uolter Khendriks a rencontré Dzheims Makkartni à Londres. Selon Khendriks, "
            "les négociations ont échoué.")
    got = {f.text: f.suggestions[0] for f in names.review(text).flags if f.category == "name/corrupted"}
    assert got.get("Uolter") == "Walter" and got.get("Dzheims") == "James"
    assert got.get("Makkartni") == "McCartney"
