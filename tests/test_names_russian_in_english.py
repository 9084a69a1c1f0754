"""A Russian's name in the English convention («Dmitry Zhuravlyov», «Kseniya Lavrentyeva») is the same
Russian name romanised another way, not the pivot form of a Latin name: the engine gives the French
transcription («Dmitri Jouravliov», «Ksenia Lavrentieva»), keeps a feminine «-eva» feminine, and writes the
soft sign the French way («ье» → «ie»). Real knowledge base, real transliteration model."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.knowledge.transliteration import french_form_of_english_russian, french_transcription
from mtreview.review import Reviewer

#: names only a Russian pivot writes: the text shows the pivot channel
PIVOT = " Dzheims Uilson et Dzhon Kholms l'ont confirmé."
OWN = {"Dzheims", "Uilson", "Dzhon", "Kholms"}


@pytest.fixture(scope="module")
@slow_fixture
def reviewer() -> Reviewer:
    return Reviewer(detectors=["names"])


def flags_of(reviewer: Reviewer, text: str) -> dict[str, list[str]]:
    return {f.text: f.suggestions for f in reviewer.review(text).flags if f.text not in OWN}


@pytest.mark.parametrize(("cyrillic", "french"), [
    ("Лаврентьева", "Lavrentieva"), ("Григорьев", "Grigoriev"), ("Дарья", "Daria"), ("Наталья", "Natalia"),
    ("Соловьёв", "Soloviov"), ("Ульяна", "Ouliana"), ("Игорь", "Igor"), ("Зиновьев", "Zinoviev"),
])
def test_soft_sign_written_once(cyrillic: str, french: str) -> None:
    assert french_transcription(cyrillic) == french


@pytest.mark.parametrize(("english", "french"), [
    ("Vasilyev", "Vassiliev"), ("Afanasyeva", "Afanassieva"), ("Zhuravlyov", "Jouravliov"), ("Prigozhin", "Prigojine"),
])
def test_french_form_of_english_convention(english: str, french: str) -> None:
    assert french_form_of_english_russian(english) == french


@pytest.mark.slow
def test_russian_names_get_the_french_transcription(reviewer: Reviewer) -> None:
    text = ("Le rôle principal revient à l'actrice Yelizaveta Afanasyeva, et le scénario au romancier "
            "Vitaly Kondratyev." + PIVOT)
    got = flags_of(reviewer, text)
    assert got["Yelizaveta Afanasyeva"][0] == "Elizaveta Afanassieva"
    assert got["Vitaly Kondratyev"][0] == "Vitali Kondratiev"
    # never read as a declined or re-romanised Latin name («Afanasyev», «Kondratiev»)
    assert "Afanasyeva" not in got and "Kondratyev" not in got


@pytest.mark.slow
def test_latin_pivot_form_ending_like_a_slavic_name_is_still_latin(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Selon Eduard Uestbruk, le budget a doublé." + PIVOT)
    assert got.get("Uestbruk", [""])[0].startswith("Westbro")


@pytest.mark.slow
def test_french_forms_left_alone(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "L'actrice Ksenia Lavrentieva et le romancier Vitali Kondratiev." + PIVOT)
    assert got == {}
