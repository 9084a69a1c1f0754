"""The documented Python API works any number of times, in any order."""

from __future__ import annotations

import importlib

import pytest

pytestmark = pytest.mark.slow  # reviews with the names detector (the names base, spaCy)


def test_public_api_twice_in_any_order():
    import mtreview

    text = "Le masque a parlé avec Elon Musk hier soir."
    importlib.import_module("mtreview.review")  # importing the submodule must not shadow the function
    for _ in range(2):
        res = mtreview.review(text, detectors=["names"])
        assert [f.text for f in res.flags] == ["Le masque"]
        fixed = mtreview.fix(text, res)
        assert fixed.text.startswith("Musk a parlé")
        rv = mtreview.Reviewer(["names"])
        assert [f.text for f in rv.review(text).flags] == ["Le masque"]
        assert mtreview.Flag.__name__ == "Flag" and mtreview.Document.from_text(text).text == text
