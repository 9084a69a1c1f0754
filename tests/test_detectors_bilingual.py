"""Bilingual detector: numbers and names of the source, untranslated segments, length ratios."""

from __future__ import annotations

import pytest
from conftest import flags, slow_fixture

from mtreview.detectors.bilingual import BilingualDetector, number_value


@pytest.fixture(scope="module")
@slow_fixture
def det() -> BilingualDetector:
    return BilingualDetector()


def test_number_forms():
    assert number_value("15 000") == number_value("15,000") == number_value("15.000") == "15000"
    assert number_value("1,8") == number_value("1.8") == "1.8"


def test_wrong_number_gets_the_source_number(det):
    out = flags(det, "Le contrat vaut 1,6 milliard de dollars.", "The contract is worth $1.8 billion.")
    assert [(f.text, f.suggestions, f.category) for f in out] == [("1,6", ["1,8"], "accuracy/mistranslation")]


def test_missing_number_and_name_are_reported_at_the_segment_end(det):
    text = "Le ministre a parlé hier."
    out = flags(det, text, "Minister Kowalczyk spoke on 12 March.")
    assert len(out) == 1 and out[0].start == out[0].end == len(text)
    assert set(out[0].evidence["missing"]) == {"Kowalczyk", "12"}


def test_names_in_french_form_or_transliterated_count_as_present(det):
    assert flags(det, "Poutine a parlé avec Zelensky en 2022.", "Putin spoke with Zelensky in 2022.") == []
    assert flags(det, "Peskov a parlé avec Kirienko.", "Песков говорил с Кириенко.") == []


def test_untranslated_segment(det):
    text = "Bonjour.\nThe meeting was cancelled yesterday.\n"
    src = "Hello.\nThe meeting was cancelled yesterday.\n"
    out = flags(det, text, src)
    assert [(f.category, f.text) for f in out] == [("accuracy/untranslated", "The meeting was cancelled yesterday.")]


def test_length_ratio_outlier(det):
    src_lines = [f"This is a fairly ordinary sentence number {i} about the weather." for i in range(6)]
    tgt_lines = [f"Ceci est une phrase assez ordinaire numéro {i} sur la météo." for i in range(5)] + ["Météo 5."]
    out = flags(det, "\n".join(tgt_lines), "\n".join(src_lines))
    assert [(f.category, f.text) for f in out] == [("accuracy/omission", "Météo 5.")]


def test_monolingual_input_gives_nothing(det):
    assert flags(det, "Le contrat vaut 1,6 milliard.", None) == []
