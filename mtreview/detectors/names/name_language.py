"""A person's given name is spelt in the language of the surname beside it.

Through a Russian pivot «Katharina Steinmetz» becomes «Катарина Штайнмец» and comes back «Katarina
Shtainmets»: the surname is visibly corrupted and gets corrected, but «Katarina» is a real spelling (a
Swedish or Slavic one), so no check of the word alone suspects it. The surname says which language the
person's name is written in (wordfreq knows «Steinmetz» best in German); the given name's readings by the
transliteration model (the spellings that share its Russian form) are ranked by their frequency in that
language, and a reading far commoner there than the written form («Katharina» in German, «Nathan» in
English) is suggested. The real spellings whose Russian transcription in that language sounds like the
given name (:mod:`mtreview.knowledge.respelling`: «Yurgen» ← «Jürgen» in German) are readings too.

Only a given name standing right before a surname already flagged corrupted is looked at: clean text,
where nothing is flagged, is never touched.
"""

from __future__ import annotations

import dataclasses
import re

from ...flags import Flag
from ...knowledge.lexicon import zipf_fr
from ...knowledge.name_languages import NAME_LANGUAGES, language_zipfs, zipf_in
from ...knowledge.palladius import is_chinese_surname, pinyin_readings
from ...knowledge.spellings import is_real_spelling, name_tokens
from .romanisation import written_by_pivot
from .tokens import capitalised_after, capitalised_before, name_case

#: the surname is this much commoner (Zipf) in its language than in any other
LANGUAGE_MARGIN = 0.5
#: the surname is at least this common in its language
LANGUAGE_MIN_ZIPF = 2.0
#: a reading of the given name is this much commoner (Zipf) in that language than the written form
GIVEN_GAIN = 1.0
#: how many readings of the given name the transliteration model is asked for
READINGS = 8
#: a given name this frequent a French word («Selon», «Pierre») is left alone
FRENCH_WORD_ZIPF = 3.0
#: a given name at least this common in the surname's language is that language's spelling («Aino» in
#: Finnish), whatever other reading is commoner there
OWN_MAX_ZIPF = 3.0
#: a flag on the given name is this much less sure than the surname's
GIVEN_DISCOUNT = 0.05
#: the shape of a given name: a capital, then lower-case letters only
_GIVEN_SHAPE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")


def surname_language(surname: str) -> str | None:
    """The language whose wordfreq list knows ``surname`` best, by :data:`LANGUAGE_MARGIN`; None when
    no language stands out («Zhiqiang»: none knows it; «Smith»: English, but most know it)."""
    row = language_zipfs(surname)
    if row is None:
        return None
    scores = sorted(zip(row, NAME_LANGUAGES, strict=True), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= LANGUAGE_MIN_ZIPF and best - second >= LANGUAGE_MARGIN else None


def index_readings(word: str, lang: str) -> list[tuple[str, float]]:
    """The real spellings of ``lang`` that Russian transcribes with the sound of ``word`` (same key in
    :mod:`mtreview.knowledge.respelling`), as (spelling, 0.0) readings beside the model's."""
    from ...knowledge.respelling import candidates as sounds_like

    return [(c.spelling, 0.0) for c in sounds_like(word, lang, max_edits=0)
            if c.language == lang and not c.declined]


def respell_given_names(detector: str, text: str, flags: list[Flag], use_model: bool = True) -> list[Flag]:
    """``flags`` plus a ``name/corrupted`` flag on each given name that stands before a surname flagged
    corrupted and has a reading far commoner in the surname's language (module docstring)."""
    if not use_model:
        return flags
    flags = prefer_sounds_like(detector, text, flags)
    mine = [f for f in flags if f.detector == detector]
    starts = {f.start for f in mine}
    ends = {f.end for f in mine}
    todo: list[tuple[Flag, int, str, str]] = []
    for f in mine:
        if f.category != "name/corrupted" or not f.suggestions or " " in f.suggestions[0]:
            continue
        before = capitalised_before(text, f.start)
        if before is None or not _GIVEN_SHAPE.fullmatch(before[1]):
            continue
        at, given = before
        if at in starts or at + len(given) in ends:
            continue
        if given.lower() not in name_tokens() or zipf_fr(given) >= FRENCH_WORD_ZIPF or not written_by_pivot(given):
            continue  # a word, not a given name («Selon Vavzhinyaka»); an unknown one is the other checks'
        lang = surname_language(f.suggestions[0])
        if lang is not None:
            todo.append((f, at, given, lang))
    from ...translit.infer import get_transliterator

    tr = get_transliterator()
    if not tr.available:
        return flags
    readings = tr.candidates([g for _, _, g, _ in todo], n=READINGS) if todo else []
    added = []
    for (f, at, given, lang), cands in zip(todo, readings, strict=True):
        cands = cands + index_readings(given, lang)
        own = zipf_in(given, lang)
        if own >= OWN_MAX_ZIPF:
            continue
        best = max(((zipf_in(c, lang), c) for c, _ in cands
                    if c != given.lower() and c in name_tokens() and len(c) >= len(given) - 1),
                   default=None)  # the same name respelt, not a short form («Eduard» is no «Ed»)
        if best is None or best[0] - own < GIVEN_GAIN:
            continue
        sugg = name_case(best[1])
        added.append(Flag(at, at + len(given), given, "name/corrupted", "major",
                          round(float(max(0.0, f.confidence - GIVEN_DISCOUNT)), 3), [sugg],
                          (f"« {given} » précède « {f.text} » (« {f.suggestions[0]} ») ; dans la langue de ce nom "
                           f"({lang}), le prénom qui a la même forme russe s'écrit « {sugg} »."),
                          detector, {"entity": f"{sugg} {f.suggestions[0]}", "type": "unknown",
                                     "mechanism": f"given name in the surname's language ({lang}): "
                                                  f"{given} {own:.1f} → {sugg} {best[0]:.1f} Zipf",
                                     "in_document": 0}))
    out = sorted(flags + added, key=lambda x: (x.start, x.end)) if added else flags
    return _reread_flagged_given_names(detector, text, out, tr)


def _reread_flagged_given_names(detector: str, text: str, flags: list[Flag], tr: object) -> list[Flag]:
    """A given name flagged with a reading of another language than its surname's takes the reading of the
    surname's language: «Khimena» read «Hyman» (English) before «Echegaray» (Spanish) is «Jimena»."""
    by_span = {(f.start, f.end): i for i, f in enumerate(flags)
               if f.detector == detector and f.category == "name/corrupted" and f.suggestions
               and " " not in f.suggestions[0] and " " not in f.text}
    todo: list[tuple[int, str]] = []
    for (start, _end), i in sorted(by_span.items()):
        f = flags[i]
        before = capitalised_before(text, start)
        if before is None or not _GIVEN_SHAPE.fullmatch(before[1]):
            continue
        span = (before[0], before[0] + len(before[1]))
        if span not in by_span:
            continue
        lang = surname_language(f.suggestions[0])
        if lang is not None:
            todo.append((by_span[span], lang))
    if not todo:
        return flags
    out = list(flags)
    readings = tr.candidates([out[g].text for g, _ in todo], n=READINGS)  # type: ignore[attr-defined]
    for (g, lang), cands in zip(todo, readings, strict=True):
        given = out[g]
        cands = cands + index_readings(given.text, lang)
        now = given.suggestions[0]
        if is_chinese_surname(now) or now.lower() in pinyin_readings(given.text):
            continue  # read from Palladius beside a Chinese name (:mod:`.chinese_names`)
        have = zipf_in(now, lang)
        best = max(((zipf_in(c, lang), c) for c, _ in cands if c in name_tokens() and c != now.lower()),
                   default=None)
        if best is None or best[0] - have < GIVEN_GAIN:
            continue
        sugg = name_case(best[1])
        out[g] = _respelt(given, sugg, f"Dans la langue du nom de famille ({lang}), ce prénom s'écrit « {sugg} ».",
                          f"{given.evidence.get('mechanism', '')}; reading of the surname's language "
                          f"({lang}): {now} {have:.1f} → {sugg} {best[0]:.1f} Zipf")
    return out


#: the mechanisms whose suggestion is a guess at an unknown name's spelling (the model's, an exact pivot
#: form's): a spelling of the other part's language that sounds the same may replace it
_GUESSED = ("translit model", "pivot form of a real name")


def _other_part_language(text: str, f: Flag, suggestion_at: dict[int, str]) -> str | None:
    """The language of the other part of the name ``f`` is part of: the word just before or after it
    (its suggestion when it is flagged too), by :func:`surname_language`."""
    for got in (capitalised_before(text, f.start), capitalised_after(text, f.end)):
        if got is None:
            continue
        other = suggestion_at.get(got[0], got[1] if is_real_spelling(got[1]) else None)
        lang = surname_language(other) if other else None
        if lang is None and other is None and len(got[1]) >= 4:
            # an unknown word, itself re-romanised («Echegarai»): the language of the one real spelling
            # that sounds like it, when one stands out
            from ...knowledge.respelling import candidates as sounds_like

            near = sounds_like(got[1], max_edits=0, limit=2)
            if near and (len(near) == 1 or near[0].score - near[1].score >= 1.0):
                lang = near[0].language
        if lang is not None:
            return lang
    return None


def prefer_sounds_like(detector: str, text: str, flags: list[Flag]) -> list[Flag]:
    """A guessed spelling of a flagged word (:data:`_GUESSED`) gives way to a real spelling of the
    language of the name's other part that Russian transcribes with the word's sound
    (:mod:`mtreview.knowledge.respelling`) and that is :data:`GIVEN_GAIN` commoner there: «Bern» read
    «Bern» beside the Swedish «Sjöqvist» is «Björn». Only suggestions change, never which words are flagged."""
    from ...knowledge.respelling import candidates as sounds_like

    suggestion_at = {f.start: f.suggestions[0] for f in flags
                     if f.detector == detector and f.suggestions and " " not in f.suggestions[0]}
    out = list(flags)
    for i, f in enumerate(flags):
        mech = str(f.evidence.get("mechanism", ""))
        if (f.detector != detector or f.category != "name/corrupted" or not f.suggestions or " " in f.text
                or " " in f.suggestions[0] or not mech.startswith(_GUESSED)):
            continue
        lang = _other_part_language(text, f, suggestion_at)
        if lang is None:
            continue
        now = f.suggestions[0]
        have = zipf_in(now, lang)
        best = max(((zipf_in(c.spelling, lang), c.spelling) for c in sounds_like(f.text, lang, max_edits=0)
                    if c.language == lang and c.spelling != now.lower()), default=None)
        if best is None or best[0] - have < GIVEN_GAIN:
            continue
        sugg = name_case(best[1])
        out[i] = _respelt(f, sugg, f"Dans la langue de l'autre partie du nom ({lang}), ce nom s'écrit « {sugg} ».",
                          f"{mech}; sounds-like spelling of the other part's language ({lang}): "
                          f"{now} {have:.1f} → {sugg} {best[0]:.1f} Zipf")
    return out


def _respelt(f: Flag, sugg: str, why: str, mechanism: str) -> Flag:
    """``f`` with ``sugg`` as its first suggestion, ``why`` added to its explanation and ``mechanism`` as the
    evidence's mechanism (the other suggestions kept after it)."""
    return dataclasses.replace(
        f, suggestions=[sugg] + [x for x in f.suggestions if x != sugg], explanation=f"{f.explanation} {why}",
        evidence={**f.evidence, "entity": sugg, "mechanism": mechanism})
