"""Japanese and Korean names read back from their Russian romanisations (Polivanov, Kontsevich): the
tables, and the names detector's finishing pass on pivot text — with the clean look-alikes it must leave
alone. Real knowledge base, real transliteration model."""

from __future__ import annotations

import pytest
from conftest import slow_fixture

from mtreview.knowledge.kontsevich import is_korean_surname, korean_surname, rr_readings
from mtreview.knowledge.polivanov import hepburn_readings, is_japanese_name
from mtreview.review import Reviewer

#: names only a Russian pivot writes: the text shows the pivot channel
PIVOT = " Dzheims Uilson et Dzhon Kholms l'ont confirmé."
OWN = {"Dzheims", "Uilson", "Dzhon", "Kholms"}


def test_polivanov_readings() -> None:
    assert hepburn_readings("Matsusita")[0] == "matsushita"
    assert hepburn_readings("Fudzivara")[0] == "fujiwara"
    assert hepburn_readings("Syodzi")[0] == "shoji"
    assert hepburn_readings("Keyko")[0] == "keiko"        # い after a vowel is й
    assert hepburn_readings("Hattori")[0] == "hattori"    # a sokuon
    assert hepburn_readings("Sin'ya")[0] == "shin'ya"     # ん before a vowel
    assert hepburn_readings("Smith") == [] and hepburn_readings("Kenichi") == []  # no Polivanov
    assert is_japanese_name("Itō") and is_japanese_name("Shimizu") and not is_japanese_name("Smith")


def test_kontsevich_readings() -> None:
    assert korean_surname("Pak")[0] == "Park" and korean_surname("Kan")[0] == "Kang"
    assert korean_surname("Smith") == []
    assert rr_readings("Yn")[0] == "eun" and rr_readings("Dzhi")[0] == "ji" and rr_readings("Chzhin")[0] == "jin"
    assert rr_readings("Khanyl")[0] == "haneul"
    assert is_korean_surname("Park") and not is_korean_surname("Pak")


@pytest.fixture(scope="module")
@slow_fixture
def reviewer() -> Reviewer:
    return Reviewer(detectors=["names"])


def flags_of(reviewer: Reviewer, text: str, min_conf: float = 0.5) -> dict[str, list[str]]:
    return {f.text: f.suggestions for f in reviewer.review(text).flags
            if f.text not in OWN and f.confidence >= min_conf}


def test_japanese_name_read_from_polivanov(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Le chef Syodzi Simidzu a parlé." + PIVOT)
    assert got["Simidzu"][0] == "Shimizu"
    assert got["Syodzi"][0] == "Shoji"   # nobody flagged it: read beside a Japanese surname


def test_korean_name_read_from_kontsevich(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "La chanteuse Pak Dzhi Yn a chanté à Séoul." + PIVOT)
    assert got["Dzhi"][0] == "Ji" and got["Yn"][0] == "Eun"
    got = flags_of(reviewer, "Le joueur Yun Sok Chzhin a marqué deux buts." + PIVOT, min_conf=0.0)
    assert got["Chzhin"][0] == "Jin" and got["Sok"][0] == "Seok"
    assert "Yun" not in got  # a usual spelling of the surname already
    got = flags_of(reviewer, "Le médecin Chkhve Khe Rin a répondu aux questions." + PIVOT)
    assert got["Chkhve"][0] == "Choi"  # the usual spelling before the RR «Choe»


def test_clean_look_alikes_untouched(reviewer: Reviewer) -> None:
    text = ("La patineuse Sara Tanaka a gagné à Nagano. Nina Kobayashi a chanté. Kim Basinger a joué. "
            "Park Ji-eun et Yun Seok-jin ont publié avec Keiko Shimizu.")
    assert flags_of(reviewer, text, min_conf=0.0) == {}
    got = flags_of(reviewer, text + PIVOT, min_conf=0.0)
    assert not {"Sara", "Tanaka", "Nina", "Kobayashi", "Kim", "Basinger", "Park", "Keiko", "Shimizu"} & set(got)


def test_a_right_japanese_name_beside_a_pivot_one_is_kept(reviewer: Reviewer) -> None:
    got = flags_of(reviewer, "Le chef Syodzi Tanaka a parlé." + PIVOT, min_conf=0.0)
    assert "Tanaka" not in got
