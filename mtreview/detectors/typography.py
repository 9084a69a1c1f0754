"""The typography detector (``fluency/typography``, always minor): French typographic conventions.

Rules (each can be switched off through ``rules=``; ``strict=True`` adds the pedantic ones):

* ``space_before_high_punct``: « : ; ! ? » need a (non-breaking) space before them in French
  («déclaré:» → «déclaré :»); a plain space is accepted unless ``strict``;
* ``straight_quotes``: straight double quotes instead of French guillemets, each mark flagged with the
  guillemet it should be (opening/closing told apart by position);
* ``guillemet_spacing``: «despote» without the (non-breaking) spaces inside the guillemets;
* ``dash``: a hyphen between spaces used as a dash («Poutine - WSJ» → «Poutine – WSJ»);
* ``ellipsis``: spaced dots «. . .» for «…» (``strict``: «...» too);
* ``space_before_comma``: a space before «,» or «.»;
* ``capital_after_comma``: a function word capitalised after a comma («…, Cela tient»);
* ``decimal_point``: an English decimal point in a number («1.5 A» → «1,5 A»);
* ``apostrophes`` (strict only, or when the text mixes both): straight «'» against typographic «’»;
* ``unit_space`` (strict only): «10kHz» → «10 kHz».

Texts in a consistent non-French convention (straight quotes throughout) still get flags: the reviewer
can switch the rule off. Confidence 0.6–0.9 by rule; no rule here is meant to win over another
detector's flag on the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..document import Document
from ..flags import Flag
from . import BaseDetector
from .french import in_spans, protected_spans

NBSP = "\u00a0"
ALL_RULES = ("space_before_high_punct", "straight_quotes", "guillemet_spacing", "dash", "ellipsis",
             "space_before_comma", "capital_after_comma", "decimal_point", "apostrophes", "unit_space")
STRICT_ONLY = {"unit_space"}
FUNCTION_WORDS_CAP = {"Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Cela", "Ce", "Ceci", "Nous", "Vous",
                      "On", "Mais", "Et", "Donc", "Car", "Un", "Une", "Des", "Du", "De", "Qui", "Que", "Dont",
                      "Ces", "Cette", "Son", "Sa", "Ses", "Leur", "Leurs", "Je", "Tu", "En", "Dans", "Pour",
                      "Par", "Avec", "Sur", "Sans", "Aux", "Au", "Ou", "Ni", "Puis", "Alors", "Ainsi"}

HIGH_PUNCT_RE = re.compile(r"(?<=[^\s\d(\[«\"“/:;!?.…])([:;!?]+)(?=\s|$|[»\"”)])")
PLAIN_SPACE_HIGH_RE = re.compile(r"(?<=\w) ([:;!?])(?=\s|$)")
DASH_RE = re.compile(r"(?<=\S) - (?=\S)")
ELLIPSIS_RE = re.compile(r"\.\s\.\s\.")
ELLIPSIS_STRICT_RE = re.compile(r"(?<!\.)\.{3}(?!\.)")
SPACE_BEFORE_COMMA_RE = re.compile(r"(?<=\w) +(,|\.(?!\.|\w))(?=\s|$)(?!\s\.)")
CAP_AFTER_COMMA_RE = re.compile(r"(?<=, )([A-Z][a-zàâçéèêëîïôûù]+)\b")
DECIMAL_RE = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{1,2})(?![\d.])(?=\s?[%a-zA-Zµ°€$]|\s|$)")
UNIT_RE = re.compile(r"(?<![\w.,])(\d+(?:,\d+)?)(k?Hz|[kKmMGT]?W|kg|km|cm|mm|mAh|V|A|°C)\b")
GUILLEMET_OPEN_RE = re.compile(r"«(?=[^\s\u00a0\u202f])")
GUILLEMET_CLOSE_RE = re.compile(r"(?<=[^\s\u00a0\u202f])»")


class TypographyDetector(BaseDetector):
    """French typography: high punctuation spacing, guillemets, dashes, ellipses, decimal commas."""

    name = "typography"
    #: works on the text alone
    parse = "none"
    categories = ("fluency/typography",)

    def __init__(self, rules: Iterable[str] | None = None, strict: bool = False) -> None:
        chosen = set(rules) if rules is not None else set(ALL_RULES)
        if not strict:
            chosen -= STRICT_ONLY
        self.rules = chosen
        self.strict = strict

    def _flag(self, text: str, start: int, end: int, sugg: list[str], rule: str, conf: float,
              expl: str) -> Flag:
        return Flag(start=start, end=end, text=text[start:end], category="fluency/typography",
                    severity="minor", confidence=conf, suggestions=sugg, explanation=expl,
                    detector=self.name, evidence={"rule": rule})

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        protected = protected_spans(text)
        for seg in document.segments:
            for f in self._segment(text, seg.start, seg.end):
                if not in_spans(f.start, f.end, protected):
                    yield f

    def _segment(self, text: str, s0: int, e0: int) -> Iterator[Flag]:
        seg = text[s0:e0]
        r = self.rules
        if "space_before_high_punct" in r:
            for m in HIGH_PUNCT_RE.finditer(seg):
                p = m.group(1)
                if p[0] == ":" and re.match(r"\d", seg[m.end():m.end() + 1] or " "):
                    continue
                a = s0 + m.start(1)
                yield self._flag(text, a, a + len(p), [NBSP + p], "space_before_high_punct", 0.85,
                                 f"En français, «\u00a0{p}\u00a0» est précédé d'une espace (insécable).")
            if self.strict:
                for m in PLAIN_SPACE_HIGH_RE.finditer(seg):
                    a = s0 + m.start()
                    yield self._flag(text, a, a + 1, [NBSP], "space_before_high_punct", 0.5,
                                     "Espace insécable attendue avant la ponctuation haute.")
        if "straight_quotes" in r:
            yield from self._quotes(text, s0, seg)
        if "guillemet_spacing" in r:
            for m in GUILLEMET_OPEN_RE.finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, a + 1, ["«" + NBSP], "guillemet_spacing", 0.8,
                                 "Espace insécable après le guillemet ouvrant.")
            for m in GUILLEMET_CLOSE_RE.finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, a + 1, [NBSP + "»"], "guillemet_spacing", 0.8,
                                 "Espace insécable avant le guillemet fermant.")
        if "dash" in r:
            for m in DASH_RE.finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, a + 3, [" – "], "dash", 0.75,
                                 "Un trait d'union n'est pas un tiret\u00a0: tiret demi-cadratin «\u00a0–\u00a0».")
        if "ellipsis" in r:
            for m in (ELLIPSIS_STRICT_RE if self.strict else ELLIPSIS_RE).finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, s0 + m.end(), ["…"], "ellipsis", 0.8,
                                 "Points de suspension\u00a0: «\u00a0…\u00a0».")
        if "space_before_comma" in r:
            for m in SPACE_BEFORE_COMMA_RE.finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, s0 + m.end(1), [m.group(1)], "space_before_comma", 0.7,
                                 f"Pas d'espace avant «\u00a0{m.group(1)}\u00a0».")
        if "capital_after_comma" in r:
            for m in CAP_AFTER_COMMA_RE.finditer(seg):
                w = m.group(1)
                if w not in FUNCTION_WORDS_CAP:
                    continue
                a = s0 + m.start(1)
                yield self._flag(text, a, a + len(w), [w.lower()], "capital_after_comma", 0.7,
                                 "Pas de majuscule après une virgule.")
        if "decimal_point" in r:
            for m in DECIMAL_RE.finditer(seg):
                if re.search(r"\d\.\d+\.\d", seg[max(0, m.start() - 4):m.end() + 4]):
                    continue  # a date or a version number
                if re.search(r"(?:version|v|art|§|chapitre|section)\.?\s*$", seg[max(0, m.start() - 10):m.start()],
                             re.IGNORECASE):
                    continue
                a = s0 + m.start()
                yield self._flag(text, a, s0 + m.end(2), [f"{m.group(1)},{m.group(2)}"], "decimal_point", 0.6,
                                 "En français, la virgule sépare les décimales.")
        if "unit_space" in r:
            for m in UNIT_RE.finditer(seg):
                a = s0 + m.start()
                yield self._flag(text, a, s0 + m.end(), [f"{m.group(1)}{NBSP}{m.group(2)}"], "unit_space", 0.5,
                                 "Espace insécable entre le nombre et l'unité.")
        if "apostrophes" in r:
            yield from self._apostrophes(text, s0, seg)

    def _quotes(self, text: str, s0: int, seg: str) -> Iterator[Flag]:
        positions = [m.start() for m in re.finditer(r"\"", seg)]
        opening = True
        for p in positions:
            before = seg[p - 1] if p > 0 else " "
            prev_space = p == 0 or before.isspace() or before in "([—–-:/"
            next_space = p + 1 == len(seg) or seg[p + 1].isspace() or seg[p + 1] in ".,;:!?)…"
            if prev_space and not next_space:
                is_open = True
            elif next_space and not prev_space:
                is_open = False
            else:
                is_open = opening
            a = s0 + p
            if is_open:
                sugg, expl = "«" + NBSP, "Guillemets français\u00a0: «\u00a0…\u00a0» (guillemet ouvrant)."
            else:
                sugg, expl = NBSP + "»", "Guillemets français\u00a0: «\u00a0…\u00a0» (guillemet fermant)."
            # «word. "» : the space before a closing quote goes with it
            if not is_open and before == " " and p > 0:
                yield self._flag(text, a - 1, a + 1, [sugg], "straight_quotes", 0.75, expl)
            else:
                yield self._flag(text, a, a + 1, [sugg], "straight_quotes", 0.75, expl)
            opening = not is_open

    def _apostrophes(self, text: str, s0: int, seg: str) -> Iterator[Flag]:
        straight = [m.start() for m in re.finditer(r"(?<=\w)'(?=\w)", seg)]
        curly = [m.start() for m in re.finditer(r"(?<=\w)’(?=\w)", seg)]
        if self.strict:
            targets, sugg = straight, "’"
        elif straight and curly:
            targets, sugg = (straight, "’") if len(straight) < len(curly) else (curly, "'")
        else:
            return
        for p in targets:
            a = s0 + p
            yield self._flag(text, a, a + 1, [sugg], "apostrophes", 0.6,
                             "Apostrophes\u00a0: une seule forme dans le texte (typographique «\u00a0’\u00a0»).")
