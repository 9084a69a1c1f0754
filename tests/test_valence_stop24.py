"""Verb, noun and adjective prepositions of stop 24 (``valence.tsv``, the rows after the «stop 24» comment): the
preposition a Russian (or English) head word governs, rendered word for word where French governs another
(«renoncer de» for отказаться от, «consentir sur» for согласиться на, «intérêt vers» for интерес к). For each
row, one sentence with the calque (flagged, with the French preposition) and one where the same head takes
the same preposition as an adjunct, or the right preposition (not flagged). The sentences are the project's
own, written for these tests."""

from __future__ import annotations

import pytest

# (head lemma, calque sentence, (flagged text, suggestion), correct French)
CASES = [
    ('renoncer', 'Les agriculteurs pourront renoncer de certaines aides sans pénalité.',
     ('de', 'à'), 'Mais si le ministre y renonce de lui-même ?'),
    ('haine', 'Leur haine vers les envahisseurs grandissait.',
     ('vers', 'envers'), 'Leur haine envers les envahisseurs grandissait.'),
    ('consentir', 'Ils ont consenti sur cette proposition.',
     ('sur', 'à'), 'Ils ont consenti à cette proposition.'),
    ('ressembler', 'Le nouveau stade ressemble sur une soucoupe volante.',
     ('sur', 'à'), 'Le nouveau stade ressemble sur bien des points à l’ancien.'),
    ('intérêt', 'Son intérêt vers la musique est né tôt.',
     ('vers', 'pour'), 'Son intérêt pour la musique est né tôt.'),
    ('attitude', 'Son attitude vers les migrants a choqué les élus.',
     ('vers', 'envers'), 'Son attitude envers les migrants a choqué les élus.'),
    ('confiance', 'La confiance vers les institutions a reculé cette année.',
     ('vers', 'en'), 'La confiance dans les institutions a reculé cette année.'),
    ('accusation', "L'accusation dans la corruption a été abandonnée.",
     ('dans', 'de'), "L'accusation dans cette affaire a été abandonnée."),
    ('soupçon', 'Le soupçon dans le meurtre pèse sur lui.',
     ('dans le', 'du'), 'Le soupçon dans son entourage pèse sur lui.'),
    ('respect', 'Le respect vers les aînés se perd.',
     ('vers', 'pour'), 'Le respect pour les aînés se perd.'),
    ('habituer', "Il s'est habitué vers le froid.",
     ('vers le', 'au'), "Il s'est habitué au froid."),
    ('espérer', 'Elle espère sur une victoire rapide.',
     ('sur ', ''), 'Elle espère une victoire rapide.'),
    ('commenter', 'Le ministre a commenté sur la décision du tribunal.',
     ('sur ', ''), 'Le ministre a commenté sur Twitter la décision du tribunal.'),
    ('adhésion', "L'adhésion dans l'OTAN est un objectif.",
     ('dans', 'à'), "L'adhésion à l'OTAN est un objectif."),
    ('mécontent', 'Il est mécontent par le résultat du vote.',
     ('par le', 'du'), 'Il est mécontent du résultat du vote.'),
    ('adhérer', 'La Finlande a adhéré dans l’alliance en 2023.',
     ('dans', 'à'), 'La Finlande a adhéré à l’alliance en 2023.'),
]


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


def _valence(reviewer, text: str) -> list[tuple[str, str, str]]:
    return [(str(f.evidence.get("head")), f.text, (f.suggestions or [""])[0]) for f in reviewer.review(text).flags
            if f.evidence.get("mechanism") == "valence"]


@pytest.mark.slow
@pytest.mark.parametrize("head, text, expected, trap", CASES, ids=[c[0] for c in CASES])
def test_calqued_preposition_is_flagged_and_the_french_one_is_not(reviewer, head, text, expected, trap):
    assert _valence(reviewer, text) == [(head, *expected)]
    assert _valence(reviewer, trap) == []
