"""Stop-22 names checks: organisation names calqued word by word from English, a correction that
leads to another correction followed to its end, the transliteration model past the word's own
letters, the locale policy (applied only where the pivot shows), and a verb after a whole name."""

from __future__ import annotations

import pytest

from mtreview.knowledge.org_calques import compound_first, english_of_parts, lemma_candidates

#: a text that shows the Russian pivot: «Dzheims», «Uilson», «Uilsona» are romanised Russian forms
PIVOT = "Selon Dzheims Uilson, le projet avance ; l'équipe de Uilsona a confirmé l'accord. "


def test_calqued_parts_are_read_back_in_english_order() -> None:
    """The complement of «de» comes first in English and an adjective before its noun; two parts are
    one word where English knows the compound."""
    assert english_of_parts([["Pont"], ["Pierre"]]) == ["Stone", "Bridge"]
    assert english_of_parts([["Eaux", "Grises"]]) == ["Grey", "Water"]
    assert english_of_parts([["Lumière"], ["Nord"]]) == ["North", "Light"]
    assert english_of_parts([["Banque"], ["France"]]) is None  # not words English names are made of
    assert compound_first(["Stone", "Bridge"])[0] == "Stonebridge"
    assert compound_first(["Silver", "Birch"])[0] == "Silver Birch"
    assert "frêne" in lemma_candidates("Frênes") and "gris" in lemma_candidates("Grises")


@pytest.mark.slow
def test_calqued_company_name_is_flagged_with_its_english_name(names_reviewer) -> None:
    text = PIVOT + "La Navigation des Eaux Grises a signé un contrat avec le port de Rotterdam."
    f = [f for f in names_reviewer.review(text).flags if f.text == "Navigation des Eaux Grises"]
    assert f and f[0].category == "name/translated" and f[0].suggestions[0] == "Greywater Shipping"
    assert f[0].confidence >= 0.6


@pytest.mark.slow
def test_calqued_company_name_without_pivot_is_only_a_suggestion(names_reviewer) -> None:
    text = "La Capital du Pont de Pierre a publié ses comptes annuels mardi."
    f = [f for f in names_reviewer.review(text).flags if f.text.startswith("Capital")]
    assert f and f[0].suggestions[0] == "Stonebridge Capital" and f[0].confidence < 0.5


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    PIVOT + "Le Groupe de la Banque Mondiale et le Fonds monétaire international ont publié un rapport.",
    PIVOT + "Le Groupe de la Pierre a été fondé par des tailleurs de pierre.",  # one part only
    PIVOT + "Elle a visité les Ateliers de la Lune et du Soleil Levant.",  # the name goes on
])
def test_french_organisation_names_are_not_calques(names_reviewer, text: str) -> None:
    flags = [f for f in names_reviewer.review(text).flags if f.evidence.get("type") == "organisation"
             and "calqued" in str(f.evidence.get("mechanism"))]
    assert flags == [], [(f.text, f.suggestions) for f in flags]


@pytest.mark.slow
def test_a_correction_to_a_corrupted_spelling_takes_that_spellings_correction(names_reviewer) -> None:
    """A declined form read as another spelling of the document («Kharnekkerya» → «Kharnekker»), where
    that spelling is itself corrected («Kharnekker» → «Harnecker»), goes straight to the end of the chain."""
    from mtreview.detectors.names.detector import NamesDetector
    from mtreview.flags import Flag

    det = next(d for d in names_reviewer.detectors if isinstance(d, NamesDetector))
    text = "Kharnekker a parlé ; selon Kharnekkerya, tout va bien."
    first = Flag(0, 10, "Kharnekker", "name/corrupted", "major", 0.6, ["Harnecker"], "", det.name)
    second = Flag(27, 39, "Kharnekkerya", "name/corrupted", "major", 0.67, ["Kharnekker"], "", det.name)
    out = det.finish(text, [first, second], None)
    assert [f.suggestions[0] for f in out] == ["Harnecker", "Harnecker"]
    assert out[1].suggestions[1:] == ["Kharnekker"]  # the other spelling stays as an alternative


@pytest.mark.slow
def test_model_reads_past_the_words_own_letters(names_reviewer) -> None:
    """The model's first reading of «Khokinz» is its own letters with «kh» folded («hokinz»), which nobody
    writes; the next real spelling it proposes is taken."""
    text = PIVOT + "L'avocat a répondu à Khokinz mardi."
    f = [f for f in names_reviewer.review(text).flags if f.text == "Khokinz"]
    assert f and f[0].suggestions[0] == "Hawkins"


@pytest.mark.slow
def test_verb_after_a_whole_name_is_not_a_translated_surname(names_reviewer) -> None:
    """«siège» is what a Russian surname (Осада) means, but after «Anna Smith» the name is whole: a verb."""
    text = PIVOT + "L'associée Anna Smith siège désormais au conseil d'administration."
    assert not [f for f in names_reviewer.review(text).flags if f.text == "siège"]


@pytest.mark.slow
def test_locale_convention_is_applied_only_where_the_pivot_shows(names_reviewer) -> None:
    """Issue 13: a locale conversion is a suggestion in a text that shows no pivot, an error in one that
    does («Lavrovu», «Medvedevym»: Russian case forms romanised)."""
    plain = "Le ministre Sergey Lavrov a rencontré Dmitry Medvedev à Moscou."
    pivot = plain + " Le message a été transmis à Lavrovu après un entretien avec Medvedevym."
    for text, applied in ((plain, False), (pivot, True)):
        f = [f for f in names_reviewer.review(text).flags if f.text == "Sergey Lavrov"]
        assert f and f[0].suggestions[0] == "Sergueï Lavrov"
        assert (f[0].confidence >= 0.8) is applied


@pytest.mark.slow
def test_trade_surname_translated_as_a_word_is_read_back(names_reviewer) -> None:
    """Weaver → «tisserand»: FreeDict lacks the trade, the curated surname-word table has it; only
    beside the pivot, and after a given name."""
    text = PIVOT + "Le conseiller Daniel tisserand a démenti toute irrégularité."
    f = [f for f in names_reviewer.review(text).flags if f.text == "tisserand"]
    assert f and f[0].category == "name/translated" and f[0].suggestions[0] == "Weaver"
    plain = "Le conseiller Daniel tisserand a démenti toute irrégularité."
    assert not [f for f in names_reviewer.review(plain).flags if f.text == "tisserand"]


@pytest.mark.slow
def test_calque_in_english_order_is_read_back(names_reviewer) -> None:
    """«Pierre Blanche Capital»: the words translated, the English order and sector word kept."""
    text = PIVOT + "Le fonds Pierre Blanche Capital détient 12 % du capital."
    f = [f for f in names_reviewer.review(text).flags if f.text == "Pierre Blanche Capital"]
    assert f and f[0].suggestions[0] == "Whitestone Capital"
