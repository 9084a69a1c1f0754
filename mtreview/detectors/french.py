"""French-language resources shared by the fluency and accuracy detectors.

* Grammalecte (Debian ``python3-grammalecte``): the grammar engine and its speller (``graphspell``), loaded
  once per process, lazily, with the ``apos`` option off;
* tests that say whether a spaCy token is (part of) a proper name, lies in a URL, an e-mail, a
  placeholder or a quotation, so that no detector flags those;
* inflection helpers that make a suggestion agree with the word it replaces (verb tense and person via
  Grammalecte's conjugator, noun number, determiner gender).

Nothing here flags anything, and nothing here loads spaCy: the detectors pass tokens of the shared parse.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

#: URLs, e-mail addresses, @handles, #hashtags, #PLACEHOLDER# tokens, file names, markup
PROTECTED_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|(?<!\w)[@#][\w-]+#?|\{[^{}\n]{0,40}\}|<[^<>\n]{0,80}>"
    r"|\b[\w-]+\.(?:com|org|net|fr|de|ru|html?|pdf|docx?|xlsx?|jpe?g|png|txt)\b",
    re.IGNORECASE)
#: a quotation: straight or typographic quotes, at most 400 characters, on one line
QUOTE_RE = re.compile(r"«[^«»\n]{1,400}»|“[^“”\n]{1,400}”|\"[^\"\n]{1,400}\"|„[^„“\n]{1,400}“"
                      r"|(?<![\w*])\*[^*\n]{1,80}\*(?![\w*])")
ELISION_RE = re.compile(r"^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
NAME_ENTS = {"PER", "ORG", "LOC", "MISC"}


# --------------------------------------------------------------------------- Grammalecte
@functools.lru_cache(maxsize=1)
def grammar_checker() -> Any:
    """Grammalecte's ``GrammarChecker("fr")`` (engine + speller), loaded once; ``apos`` switched off."""
    import grammalecte

    gc = grammalecte.GrammarChecker("fr")
    gc.getGCEngine().setOption("apos", False)
    return gc


def speller() -> Any:
    """Grammalecte's French speller (``graphspell``)."""
    return grammar_checker().getSpellChecker()


@functools.lru_cache(maxsize=100_000)
def is_french_word(word: str) -> bool:
    """True when Grammalecte's lexicon accepts ``word`` (elided forms and compounds included)."""
    if not word:
        return False
    sp = speller()
    w = word.replace("’", "'")
    try:
        return bool(sp.isValidToken(w) or sp.isValid(w))
    except Exception:  # noqa: BLE001 - a speller failure must not stop a review
        return True


@functools.lru_cache(maxsize=50_000)
def morph_tags(word: str) -> tuple[str, ...]:
    """Grammalecte's morphologies of ``word`` (``">paix/:N:f:i/*"`` …), empty when unknown."""
    try:
        return tuple(speller().getMorph(word.replace("’", "'")))
    except Exception:  # noqa: BLE001
        return ()


def lemmas_of(word: str) -> set[str]:
    return {m.split("/", 1)[0].lstrip(">") for m in morph_tags(word)}


def noun_gender(lemma: str) -> str | None:
    """``"m"`` or ``"f"`` for a French noun (``None`` when unknown or epicene)."""
    for m in morph_tags(lemma):
        if ":N" in m:
            if ":m" in m:
                return "m"
            if ":f" in m:
                return "f"
    return None


# --------------------------------------------------------------------------- token tests
@functools.lru_cache(maxsize=1)
def names_kb() -> Any:
    """The built-in names base, or None when it cannot be loaded (checks then skip name exclusion)."""
    try:
        from ..knowledge.names import get_kb

        return get_kb()
    except Exception:  # noqa: BLE001
        return None


def in_spans(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` no detector should flag inside (URLs, e-mails, placeholders, markup)."""
    return [(m.start(), m.end()) for m in PROTECTED_RE.finditer(text)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]


SENTENCE_OPENERS = {".", "!", "?", "…", ":", "«", "\"", "“", "„", "(", "[", "—", "–", "•", "*", ";"}


def is_sentence_initial(tok: Any) -> bool:
    """First word of its segment, or right after a sentence end, an opening quote, a colon or a dash.

    spaCy's own sentence starts are not trusted alone (it starts sentences inside names and lists).
    """
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    if prev.is_space:
        return tok.i == 1 or tok.doc[tok.i - 2].text in SENTENCE_OPENERS
    if prev.text in SENTENCE_OPENERS:
        return True
    if prev.text == "-":  # a list dash at the start of a line, not a hyphen inside a compound
        return prev.i == 0 or bool(prev.whitespace_) and tok.doc[prev.i - 1].text in SENTENCE_OPENERS
    return False


def looks_like_name(tok: Any, kb: Any = None) -> bool:
    """A proper name or part of one: named entity, capitalised word inside a sentence, known name."""
    text = tok.text
    if tok.ent_type_ in NAME_ENTS and text[:1].isupper():
        return True
    if text[:1].isupper() and not is_sentence_initial(tok):
        return True
    if any(c.isupper() for c in text[1:]):
        return True
    if kb is not None:
        try:
            if kb.is_correct_token(text) or kb.lookup(text):
                return True
        except Exception:  # noqa: BLE001
            return False
    return False


# --------------------------------------------------------------------------- inflection
_PERSON = {"1": "1", "2": "2", "3": "3"}


def conjugate_like(verb: str, tok: Any) -> str | None:
    """``verb`` (an infinitive) in the tense, mood, person, number and gender of the token ``tok``."""
    from grammalecte.fr import conj

    m = tok.morph
    form = m.get("VerbForm")
    if not conj.isVerb(verb):
        return None
    if "Inf" in form:
        return verb
    number = "p" if "Plur" in m.get("Number") else "s"
    if "Part" in form:
        if "Pres" in m.get("Tense"):
            return conj.getConj(verb, ":P", ":P") or None
        gender = "f" if "Fem" in m.get("Gender") else "m"
        return conj.getConj(verb, ":Q", f":{gender}:{number}") or conj.getConj(verb, ":Q", ":m:s") or None
    person = (m.get("Person") or ["3"])[0]
    who = f":{_PERSON.get(person, '3')}{number}"
    mood = m.get("Mood")
    tense = m.get("Tense")
    if "Cnd" in mood:
        code = ":K"
    elif "Sub" in mood:
        code = ":Sq" if "Imp" in tense else ":Sp"
    elif "Imp" in mood:
        code = ":E"
    elif "Imp" in tense:
        code = ":Iq"
    elif "Fut" in tense:
        code = ":If"
    elif "Past" in tense:
        code = ":Is"
    else:
        code = ":Ip"
    return conj.getConj(verb, code, who) or None


#: «de» and «à» contracted with a definite article
_DE = {"le": "du", "les": "des", "la": "de la", "l'": "de l'", "l’": "de l’"}
_A = {"le": "au", "les": "aux", "la": "à la", "l'": "à l'", "l’": "à l’"}


def contract(prep: str, det: str) -> str:
    """«de» + «le» → «du», «à» + «les» → «aux»; other pairs are joined."""
    low = det.lower()
    table = _DE if prep == "de" else _A if prep == "à" else {}
    if low in table:
        return table[low]
    if not prep:
        return det
    return f"{prep}{det}" if prep.endswith("'") else f"{prep} {det}"


def reflexive_before(tok: Any) -> str:
    """«se» when ``tok`` (a verb) has a reflexive clitic before it («se plaint», «s'exprime»), else ""."""
    return "se" if any(c.lower_ in {"se", "s'", "s’"} and c.i < tok.i for c in tok.children) else ""


def plural_of(word: str) -> str:
    """A French plural for ``word`` (checked against the lexicon; regular rules otherwise)."""
    for cand in (word + "s", word + "x", word[:-2] + "aux" if word.endswith("al") else ""):
        if cand and is_french_word(cand) and any(":p" in m or ":i" in m for m in morph_tags(cand)):
            return cand
    if word.endswith(("s", "x", "z")):
        return word
    return word + "s"


def noun_like(lemma: str, tok: Any) -> str:
    """The noun ``lemma`` in the number of ``tok``."""
    return plural_of(lemma) if "Plur" in tok.morph.get("Number") else lemma


_DET_GENDER = {
    ("le", "f"): "la", ("la", "m"): "le", ("un", "f"): "une", ("une", "m"): "un",
    ("son", "f"): "sa", ("sa", "m"): "son", ("mon", "f"): "ma", ("ma", "m"): "mon",
    ("ton", "f"): "ta", ("ta", "m"): "ton", ("ce", "f"): "cette", ("cet", "f"): "cette",
    ("cette", "m"): "ce", ("du", "f"): "de la", ("de la", "m"): "du", ("au", "f"): "à la",
    ("à la", "m"): "au",
}


def det_for(det: str, gender: str | None, next_word: str) -> str:
    """Determiner ``det`` made to agree with a noun of ``gender`` that begins with ``next_word``."""
    low = det.lower()
    if low in {"l'", "l’"}:
        low = "la" if gender == "f" else "le"
    out = _DET_GENDER.get((low, gender), low) if gender else low
    vowel = bool(re.match(r"[aeiouyàâéèêëîïôûœh]", next_word.lower()))
    if vowel and out in {"le", "la"}:
        out = "l'"
    elif vowel and out == "ce":
        out = "cet"
    elif vowel and out == "ma":
        out = "mon"
    elif vowel and out == "sa":
        out = "son"
    elif vowel and out == "ta":
        out = "ton"
    elif vowel and out in {"du", "de la"}:
        out = "de l'"
    if det[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


def join_det(det: str, word: str) -> str:
    return f"{det}{word}" if det.endswith("'") else f"{det} {word}"


def match_case(replacement: str, original: str) -> str:
    """Capitalise ``replacement`` when ``original`` starts with a capital."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
