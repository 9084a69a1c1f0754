"""Open-world names, stop 23: the document's own spelling, the given name in the surname's language,
declined and pivot-only forms of known organisations, Chinese names read from Palladius — and the clean
text each of them must leave alone. Real knowledge base, real transliteration model."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.knowledge.palladius import is_chinese_surname, is_pinyin, palladius, pinyin_readings
from mtreview.review import Reviewer

#: names only a Russian pivot writes: the text shows the pivot channel
PIVOT = " Dzheims Uilson et Dzhon Kholms l'ont confirmé."
OWN = {"Dzheims", "Uilson", "Dzhon", "Kholms"}


@pytest.fixture(scope="module")
@slow_fixture
def reviewer() -> Reviewer:
    return Reviewer(detectors=["names"])


def flags_of(reviewer: Reviewer, text: str, min_conf: float = 0.5) -> dict[str, list[str]]:
    return {f.text: f.suggestions for f in reviewer.review(text).flags
            if f.text not in OWN and f.confidence >= min_conf}


# ------------------------------------------------------------------ the document's own spelling
def test_document_spelling_wins_over_the_commonest_original(reviewer: Reviewer) -> None:
    text = "Edward Westbrooke préside le comité depuis 2015. Selon Eduard Uestbruk, le budget a doublé." + PIVOT
    got = flags_of(reviewer, text)
    # the pairs make «Uestbruk» Westbrook (commoner); the document writes Westbrooke
    assert got["Uestbruk"][0] == "Westbrooke"
    # and the person's given name follows the document, instead of a French transcription of «Eduard»
    assert got["Eduard"] == ["Edward"]


def test_given_name_left_alone_when_the_document_writes_no_such_person(reviewer: Reviewer) -> None:
    text = "Selon Eduard Uitmor, le budget a doublé." + PIVOT
    got = flags_of(reviewer, text)
    assert got["Uitmor"][0] == "Whitmore"
    assert "Eduard" not in got and "Eduard Uitmor" not in got  # no Russian locale reading either


# ------------------------------------------------------------------ given name in the surname's language
def test_given_name_respelt_in_the_surnames_language(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Le pianiste Kristian Shtraus a joué." + PIVOT)
    assert got["Shtraus"][0] == "Strauß"
    assert got["Kristian"] == ["Christian"]  # German writes Christian; Kristian is Scandinavian


def test_a_given_name_at_home_in_the_surnames_language_is_kept(reviewer: Reviewer) -> None:
    # «Aino» is a Finnish given name, and Finnish «aina» (always) is commoner: no respelling
    got = flags_of(reviewer, "La chercheuse Aino Lekhtinen a publié l'étude." + PIVOT, min_conf=0.0)
    assert "Aino" not in got


def test_a_french_word_before_a_surname_is_no_given_name(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Selon Vavzhinyaka, la décision était attendue." + PIVOT, min_conf=0.0)
    assert "Selon" not in got


# ------------------------------------------------------------------ known organisations
@pytest.mark.parametrize("word,name", [("Carrefoura", "Carrefour"), ("Unilevera", "Unilever"),
                                       ("Heinekenom", "Heineken")])
def test_declined_original_of_an_organisation(reviewer: Reviewer, word: str, name: str) -> None:
    got = flags_of(reviewer, f"Le contrat de {word} a été signé." + PIVOT)
    assert got[word][0] == name


def test_declined_form_without_pivot_signs_is_only_a_suggestion(reviewer: Reviewer) -> None:
    assert "Carrefoura" not in flags_of(reviewer, "Le contrat de Carrefoura a été signé à Lyon.")


def test_pivot_only_form_of_an_organisation_where_the_pivot_shows(reviewer: Reviewer) -> None:
    assert flags_of(reviewer, "Le contrat avec Reinmetall a été signé." + PIVOT)["Reinmetall"][0] == "Rheinmetall"
    assert "Reinmetall" not in flags_of(reviewer, "Le contrat avec Reinmetall a été signé à Düsseldorf.")


def test_real_words_and_given_names_are_not_declined_names(reviewer: Reviewer) -> None:
    text = "Roberta et Paula ont visité Alberta avec Carla." + PIVOT
    got = flags_of(reviewer, text, min_conf=0.0)
    assert not {"Roberta", "Paula", "Alberta", "Carla"} & set(got)


# ------------------------------------------------------------------ Chinese names through Palladius
def test_palladius_tables() -> None:
    assert palladius("zhou") == "чжоу" and palladius("hui") == "хуэй" and palladius("xuan") == "сюань"
    assert palladius("ju") == "цзюй" and palladius("si") == "сы" and palladius("lv") == "люй"
    assert pinyin_readings("Khuan") == ["huang", "huan"]
    assert pinyin_readings("Itin") == ["yiting"]
    assert pinyin_readings("Veimin")[0] == "weiming"
    assert pinyin_readings("Smith") == [] and pinyin_readings("Maria") == []
    assert is_pinyin("Zhiqiang") and is_pinyin("Weiming") and not is_pinyin("Smith")
    assert is_chinese_surname("Zhang") and is_chinese_surname("Lü") and not is_chinese_surname("Smith")


def test_chinese_name_parts_read_from_palladius(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Le ministre a reçu Khuan Syaomin à Pékin." + PIVOT)
    assert got["Khuan"][0] == "Huang"  # not the Spanish Juan: its neighbour is Chinese
    got = flags_of(reviewer, "Le ministre Chzhan Tszyanpin a parlé." + PIVOT, min_conf=0.0)
    assert got["Chzhan"][0] == "Zhang"
    assert got["Tszyanpin"][0] in ("Jiangping", "Jianping")


def test_pinyin_given_name_beside_a_chinese_surname_is_a_name(reviewer: Reviewer) -> None:
    # «Weiming» is no garbled «Yiming» (Zhang Yiming is in the base): a pinyin name beside Zhang
    got = flags_of(reviewer, "Le milliardaire Zhang Weiming a fondé la société à Shenzhen." + PIVOT)
    assert "Zhang Weiming" not in got and "Weiming" not in got


def test_clean_names_untouched(reviewer: Reviewer) -> None:
    text = ("La patineuse Katarina Witt a gagné à Calgary. Aino Lehtinen dirige le laboratoire d'Helsinki. "
            "Zhang Weiming et Huang Zhiqiang ont publié avec Roberta Martini.")
    assert flags_of(reviewer, text) == {}
