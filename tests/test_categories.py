"""The category table is the one source every front end reads (flags, ITS, reports, UI colours)."""

from mtreview.categories import CATEGORY_TABLE, FAMILY_COLOURS
from mtreview.flags import CATEGORIES, Flag, penalty
from mtreview.formats.its import ITS_TYPES
from mtreview.report import CATEGORY_COLOURS


def test_every_front_end_reads_the_one_table():
    assert list(CATEGORIES) == list(CATEGORY_TABLE)
    assert set(ITS_TYPES) == set(CATEGORY_TABLE)
    assert all(ITS_TYPES[n] == c.its_type for n, c in CATEGORY_TABLE.items())
    assert CATEGORY_COLOURS is FAMILY_COLOURS
    assert {c.family for c in CATEGORY_TABLE.values()} == set(FAMILY_COLOURS)


def test_penalties_follow_the_table():
    assert penalty(Flag(0, 1, "x", "fluency/typography", "minor")) == 0.1
    assert penalty(Flag(0, 1, "x", "fluency/typography", "major")) == 5.0
    assert penalty(Flag(0, 1, "x", "name/translated", "minor")) == 1.0
    assert penalty(Flag(0, 1, "x", "name/translated", "critical")) == 25.0
