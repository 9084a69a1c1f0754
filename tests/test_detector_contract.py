"""A contract every registered detector keeps: flags inside the text with known categories, nothing of
one document carried into the next (a reused instance gives a fresh instance's flags), empty and
one-word documents reviewed without error."""

from __future__ import annotations

import pytest

from mtreview import detectors as registry
from mtreview.review import Reviewer

FIRST = ("Elon Musk a racheté Twitter en 2022. Musk a parlé avec Poutine au Kremlin. "
         "Le service de service a été coupé. Il a dit que the meeting was great.\n")
SECOND = ("Le masque a parlé hier soir avec les journalistes. Le Mask a déclaré que Sholts et Scholz "
          "se sont rencontrés. Les enfants mange des pommes.\n")


def _flags(reviewer: Reviewer, text: str) -> list[tuple]:
    return [(f.start, f.end, f.category, f.suggestions[:1], round(f.confidence, 3))
            for f in reviewer.review(text).flags]


@pytest.mark.parametrize("name", registry.available())
def test_reused_detector_gives_a_fresh_detectors_flags(name):
    reused = Reviewer([name])
    _flags(reused, FIRST)
    again = _flags(reused, SECOND)
    assert again == _flags(Reviewer([name]), SECOND)


@pytest.mark.parametrize("name", registry.available())
@pytest.mark.parametrize("text", ["", "Bonjour", "Musk\n", " \n\n"])
def test_empty_and_one_word_documents(name, text):
    res = Reviewer([name]).review(text)
    det = registry.load(name)
    for f in res.flags:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
        assert f.category in det.categories
