"""The one table of error categories: every front end (flags, ITS export, reports, UI, MQM) reads it.

Adding a category is one row here. Each :class:`Category` carries its French label (reports and the UI),
its MQM family (the part before the slash), the W3C ITS 2.0 ``locQualityIssueType`` it exports as, the
highlight colour of its family (HTML report and UI) and the plot colour of its family (score plots), and the
MQM penalty of a *minor* issue of that category (1 for all but typography, 0.1: a missing narrow no-break
space is not worth a wrong word).
"""

from __future__ import annotations

from dataclasses import dataclass

#: MQM weights per severity (a category may lower the minor one, see :attr:`Category.minor_penalty`).
SEVERITY_WEIGHTS: dict[str, float] = {"minor": 1.0, "major": 5.0, "critical": 25.0}

#: Highlight colour per MQM family (light, readable behind black text).
FAMILY_COLOURS: dict[str, str] = {
    "name": "#f4a3a3", "accuracy": "#f7c873", "fluency": "#a8d5f2", "terminology": "#c9b3f0",
}
#: Plot colour per MQM family (saturated, for bars and lines).
FAMILY_PLOT_COLOURS: dict[str, str] = {
    "name": "#e15759", "accuracy": "#f28e2b", "fluency": "#4e79a7", "terminology": "#b07aa1",
}
#: Colour of an undecided span whose family is unknown.
DEFAULT_COLOUR = "#dddddd"


@dataclass(frozen=True)
class Category:
    """One error category: ``name`` is ``family/kind`` (e.g. ``name/translated``)."""

    name: str
    label: str
    its_type: str
    minor_penalty: float = 1.0

    @property
    def family(self) -> str:
        return self.name.split("/", 1)[0]

    @property
    def colour(self) -> str:
        return FAMILY_COLOURS.get(self.family, DEFAULT_COLOUR)

    @property
    def plot_colour(self) -> str:
        return FAMILY_PLOT_COLOURS.get(self.family, DEFAULT_COLOUR)

    def penalty(self, severity: str) -> float:
        """MQM penalty points of an issue of this category at ``severity``."""
        if severity == "minor":
            return self.minor_penalty
        return SEVERITY_WEIGHTS[severity]


_ROWS: tuple[Category, ...] = (
    Category("name/translated", "nom traduit comme un mot", "mistranslation"),
    Category("name/corrupted", "nom déformé", "inconsistent-entities"),
    Category("name/spelling", "graphie du nom", "misspelling"),
    Category("name/locale", "convention non française", "locale-violation"),
    Category("name/inconsistent", "nom incohérent", "inconsistency"),
    Category("accuracy/mistranslation", "contresens", "mistranslation"),
    Category("accuracy/omission", "omission", "omission"),
    Category("accuracy/addition", "ajout", "addition"),
    Category("accuracy/untranslated", "non traduit", "untranslated"),
    Category("fluency/spelling", "orthographe", "misspelling"),
    Category("fluency/grammar", "grammaire", "grammar"),
    Category("fluency/repetition", "répétition", "duplication"),
    Category("fluency/typography", "typographie", "typographical", minor_penalty=0.1),
    Category("terminology/glossary", "glossaire", "terminology"),
)

#: Every category the engine may emit, by name, in report order.
CATEGORY_TABLE: dict[str, Category] = {c.name: c for c in _ROWS}


def category(name: str) -> Category:
    """The :class:`Category` called ``name``; ``KeyError`` for an unknown one."""
    return CATEGORY_TABLE[name]


__all__ = ["Category", "CATEGORY_TABLE", "DEFAULT_COLOUR", "FAMILY_COLOURS", "FAMILY_PLOT_COLOURS",
           "SEVERITY_WEIGHTS", "category"]
