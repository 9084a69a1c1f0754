"""«sur la réunion»: the Russian locative «на» rendered as «sur» before a noun of event that French
introduces with «à» or «lors de».

Russian says *на встрече*, *на съезде*, *на выставке* («on» the meeting, the congress, the exhibition)
where French says «à la réunion», «au congrès», «à l'exposition»; a pivot translation writes «sur» («Il
l'a annoncé sur la conférence de presse»). Flagged: «sur» + a definite article + a noun of event or
gathering (``knowledge/data/lexicon/event_nouns_fr.txt``, a closed list with its sources) when

* the phrase is an adjunct of a verb (so «le débat sur la réunion», «le rapport sur le congrès» — a topic
  after a noun — are left alone);
* neither that verb nor the word right before «sur» takes «sur» in human-written French (a topic:
  «s'exprimer sur», «revenir sur», «insister sur»): in the counts of ``models/fr-ngrams`` (the 20.9M-token
  fr-mono corpus, :mod:`mtreview.knowledge.ngrams`) «sur» is under :data:`HEAD_MAX_SUR_SHARE` of the
  prepositions after it;
* the corpus does not write «sur» + the article + the noun itself more than :data:`LOC_MAX_SUR_SHARE` of
  as often as «à» + them (when it has them at least :data:`LOC_MIN_SEEN` times).

The suggestions are the contracted «à» («au concert», «aux jeux», «à l'exposition») and «lors de».
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..flags import Flag
from ..knowledge import ngrams as ngram_stats
from .french import contract, reflexive_before

#: «sur» + article + noun at most this share of «sur» and «à» together in the corpus …
LOC_MAX_SUR_SHARE = 0.1
#: … when the corpus has them this often together
LOC_MIN_SEEN = 10
#: a head followed by «sur» at least this share of its prepositions governs «sur» (a topic)
HEAD_MAX_SUR_SHARE = 0.04
#: a head with fewer prepositions than this after it in the corpus says nothing either way
HEAD_MIN_TOTAL = 20
#: the flag's confidence
LOC_CONFIDENCE = 0.6
#: the list of event nouns
EVENT_NOUNS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "lexicon" / "event_nouns_fr.txt"


@functools.lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Lemmas (and written forms) of nouns of events and gatherings."""
    words = [ln.strip() for ln in EVENT_NOUNS_FILE.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return frozenset(words)


#: the definite articles «sur» is read with («sur la réunion», «sur l'exposition»)
_DEFINITE = frozenset({"le", "la", "les", "l'", "l’"})


def _join(words: str, noun: str) -> str:
    """«à l'» + «usine» → «à l'usine»; «au» + «concert» → «au concert»."""
    return f"{words}{noun}" if words.endswith(("'", "’")) else f"{words} {noun}"


def _governs_sur(model: ngram_stats.NgramModel, word: Any) -> bool | None:
    """True when ``word`` (a token) takes «sur» in the corpus, False when it does not, None when the
    corpus has too few prepositions after it to say."""
    counts = model.prepositions([word.text, word.lemma_], reflexive_before(word))
    total = sum(counts.values())
    if total < HEAD_MIN_TOTAL:
        return None
    return counts.get("sur", 0) >= HEAD_MAX_SUR_SHARE * total


def locative_sur(text: str, off: int, doc: Any, toks: Iterable[Any] | None = None) -> Iterator[Flag]:
    """Flags «sur» + article + event noun where French writes «à» (see the module docstring); ``toks``: the
    tokens to look at (default: all)."""
    model = ngram_stats.get_ngrams()
    if model is None:
        return
    nouns = event_nouns()
    for case in doc if toks is None else toks:
        if case.lower_ != "sur" or case.dep_ != "case" or case.i + 2 >= len(doc):
            continue
        det, noun = doc[case.i + 1], doc[case.i + 2]
        if det.lower_ not in _DEFINITE or noun.i != case.head.i or noun.pos_ != "NOUN" or not noun.is_lower:
            continue
        if noun.lower_ not in nouns and noun.lemma_.lower() not in nouns:
            continue
        head = noun.head
        if head.pos_ not in {"VERB", "AUX"} or head.i == noun.i:
            continue
        a_form, lors_form = contract("à", det.text), "lors " + contract("de", det.text)
        n_sur = model.count(_join(f"sur {det.lower_}", noun.text))
        n_a = model.count(_join(a_form, noun.text))
        if n_a + n_sur >= LOC_MIN_SEEN and n_sur > LOC_MAX_SUR_SHARE * (n_a + n_sur):
            continue  # French writes «sur» + this noun too («sur la scène»)
        prev = doc[case.i - 1] if case.i > 0 else None
        if any(_governs_sur(model, w) for w in (head, prev)
               if w is not None and w.is_alpha and w.pos_ in {"VERB", "NOUN", "ADJ", "AUX"}):
            continue  # a topic: «s'exprimer sur la réunion»
        a = off + case.idx
        b = off + det.idx + len(det.text)
        written = text[a:b]
        sugg = [a_form, lors_form]
        if written[:1].isupper():
            sugg = [x[:1].upper() + x[1:] for x in sugg]
        yield Flag(start=a, end=b, text=written, category="accuracy/mistranslation", severity="minor",
                   confidence=LOC_CONFIDENCE, suggestions=sugg,
                   explanation=(f"«\u00a0{_join(written, noun.text)}\u00a0» : le français dit "
                                f"«\u00a0{_join(a_form, noun.text)}\u00a0» ou "
                                f"«\u00a0{_join(lors_form, noun.text)}\u00a0» pour un événement ; calque probable du "
                                f"russe «\u00a0на\u00a0» («\u00a0на встрече\u00a0» = à la réunion)."),
                   detector="mistranslation",
                   evidence={"mechanism": "locative-sur", "noun": noun.text, "head": head.text,
                             "a_count": n_a, "sur_count": n_sur, "pivot": "ru:на + prépositionnel",
                             "source": "knowledge/data/lexicon/event_nouns_fr.txt; models/fr-ngrams"})
