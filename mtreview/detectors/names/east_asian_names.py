"""Japanese and Korean names come back from a Russian pivot in romanised Polivanov («Sigeru Matsusita»
for Shigeru Matsushita) or Kontsevich («Pak Chzhi Yn» for Park Ji-eun): read beside a Japanese name, or
after a Korean surname, each part of the name is read by :mod:`mtreview.knowledge.polivanov` (to Hepburn)
or :mod:`mtreview.knowledge.kontsevich` (to Revised Romanisation, the surname to its usual spelling).

* A name is the run of capitalised words, a space apart, around a flagged word. Japanese: two or three
  words, each wholly Polivanov syllables (or a Japanese name already in Hepburn), one of them a common
  Japanese name as read. Korean: a Korean surname in its Kontsevich form first, then one or two words of
  Kontsevich syllables.
* A flagged part whose suggestion is none of its readings gets its reading first.
* A part nobody flagged, written otherwise than its reading, is flagged with it (Japanese: only if
  English and French know it little).

Only names around a flagged word are looked at: clean text, where nothing is flagged, is never touched.
"""

from __future__ import annotations

import dataclasses

from ...flags import Flag
from ...knowledge.kontsevich import (
    is_korean_surname,
    korean_surname,
    reading_score,
    rr_readings,
    rr_score,
)
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.palladius import is_chinese_surname, pinyin_readings
from ...knowledge.polivanov import hepburn_readings, is_japanese_name
from .tokens import capitalised_after, capitalised_before, fold

#: a Japanese part not flagged is read only when English and French know it less than this (Zipf)
UNFLAGGED_MAX_ZIPF = 2.0
#: a Korean given-name syllable not flagged is read unless French knows it this well (Zipf)
KOREAN_MAX_ZIPF_FR = 4.5
#: the most a reading of a part nobody flagged is trusted
UNFLAGGED_MAX_CONFIDENCE = 0.75
#: a flag on a part nobody flagged is this much less sure than its flagged neighbour's
NEIGHBOUR_DISCOUNT = 0.05
#: the most words a run around a flagged word holds
MAX_RUN = 4

Word = tuple[int, str]


def _run(text: str, start: int, word: str) -> list[Word]:
    """The capitalised words a space apart around the word at ``start`` (at most :data:`MAX_RUN`)."""
    run: list[Word] = [(start, word)]
    while len(run) < MAX_RUN and (prev := capitalised_before(text, run[0][0])):
        run.insert(0, prev)
    while len(run) < MAX_RUN and (nxt := capitalised_after(text, run[-1][0] + len(run[-1][1]))):
        run.append(nxt)
    return run


def _name_case(reading: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in reading.split("-"))


def _japanese(run: list[Word], at: int, mine: dict[tuple[int, int], Flag]) -> dict[int, list[str]]:
    """Position in ``run`` → Hepburn suggestions, for the Japanese name around ``run[at]`` ({} if none)."""
    ok = [bool(hepburn_readings(w)) or is_japanese_name(w) for _, w in run]
    lo, hi = at, at
    while lo > 0 and ok[lo - 1]:
        lo -= 1
    while hi + 1 < len(run) and ok[hi + 1]:
        hi += 1
    if not ok[at] or not 2 <= hi - lo + 1 <= 3:
        return {}
    out: dict[int, list[str]] = {}
    anchored = False
    for k in range(lo, hi + 1):
        s, w = run[k]
        f = mine.get((s, s + len(w)))
        readings = hepburn_readings(w)
        named = [r for r in readings if is_japanese_name(r)]
        if is_japanese_name(w) or named or (f is not None and f.suggestions and is_japanese_name(f.suggestions[0])):
            anchored = True
        if not readings or is_japanese_name(w):
            continue
        best = (named or readings)[0]
        plain = best.replace("'", "")
        out[k] = [_name_case(plain)] + ([_name_case(best)] if best != plain else [])
    return out if anchored else {}


def _korean(run: list[Word], at: int) -> dict[int, list[str]]:
    """Position in ``run`` → RR (surname: usual) spellings, for the Korean name around ``run[at]``."""
    for lo in range(max(0, at - 2), at + 1):
        surname = korean_surname(run[lo][1])
        if not surname:
            continue
        given = []
        for k in range(lo + 1, min(len(run), lo + 3)):
            if not rr_readings(run[k][1]):
                break
            given.append(k)
        if not given or at > given[-1]:
            continue
        chinese = is_chinese_surname(run[lo][1]) or any(is_chinese_surname(r) for r in pinyin_readings(run[lo][1]))
        if chinese and all(pinyin_readings(run[k][1]) for k in given):
            continue  # a Chinese name in Palladius reads the same way
        out: dict[int, list[str]] = {lo: surname}
        for k in given:
            w = run[k][1]
            reading = rr_readings(w)[0]
            written = rr_score(w)
            best = reading_score(w)
            if written is not None and best is not None and written <= best:
                continue  # already written in RR, as usual a name as the reading
            out[k] = [_name_case(reading)]
        return out
    return {}


def read_east_asian_names(detector: str, text: str, flags: list[Flag]) -> list[Flag]:
    """``flags`` with the parts of Japanese and Korean names read from Polivanov and Kontsevich (module
    docstring)."""
    mine = {(f.start, f.end): f for f in flags if f.detector == detector and f.category == "name/corrupted"}
    if not mine:
        return flags
    out = list(flags)
    index = {id(f): i for i, f in enumerate(out)}
    added: list[Flag] = []
    done: set[int] = set()
    for (start, _end), f in sorted(mine.items()):
        if " " in f.text or start in done:
            continue
        run = _run(text, start, f.text)
        at = next(k for k, (s, _) in enumerate(run) if s == start)
        system, reads = "Kontsevich", _korean(run, at)
        if not reads:
            system, reads = "Polivanov", _japanese(run, at, mine)
        if not reads:
            continue
        done.update(s for s, _ in run)
        kind = "coréen" if system == "Kontsevich" else "japonais"
        target = "en romanisation révisée" if system == "Kontsevich" else "en Hepburn"
        anchor = max((g.confidence for (s, e), g in mine.items() if any(s == r[0] for r in run)), default=0.5)
        for k, suggestions in reads.items():
            s, w = run[k]
            other = mine.get((s, s + len(w)))
            sugg = suggestions[0]
            mechanism = f"{system} reading of « {w} »"
            note = (f"« {w} » est un nom {kind} passé par le russe (système {system}) : il s'écrit « {sugg} » "
                    f"{target}.")
            if other is not None:
                current = other.suggestions[0] if other.suggestions else ""
                # a surname: its commonest usual spelling first; a Japanese part: any of its readings
                known = {sugg.lower()} if system == "Kontsevich" else {x.lower() for x in suggestions}
                if system == "Polivanov":
                    known |= set(hepburn_readings(w))
                if system == "Kontsevich" and k != min(reads):
                    # a given name: keep the engine's reading only if given names use it as much
                    have, best = rr_score(current), reading_score(w)
                    keep = have is not None and best is not None and have <= best
                else:
                    keep = current.lower() in known or current.lower().replace("-", "") in known
                if keep or id(other) not in index:
                    continue
                out[index[id(other)]] = dataclasses.replace(
                    other, suggestions=suggestions + [x for x in other.suggestions if x not in suggestions],
                    explanation=note, evidence={**other.evidence, "mechanism": mechanism})
                continue
            if system == "Kontsevich" and k == min(reads) and is_korean_surname(w):
                continue  # a usual spelling of the surname already («Kim», «Yun»)
            if fold(sugg) == fold(w) or any(g.start < s + len(w) and s < g.end for g in flags + added):
                continue
            zipf = max(zipf_fr(w), zipf_en(w)) if system == "Polivanov" else zipf_fr(w)
            if zipf >= (UNFLAGGED_MAX_ZIPF if system == "Polivanov" else KOREAN_MAX_ZIPF_FR):
                continue
            conf = round(float(max(0.0, min(UNFLAGGED_MAX_CONFIDENCE, anchor - NEIGHBOUR_DISCOUNT))), 3)
            added.append(Flag(s, s + len(w), w, "name/corrupted", "major", conf, suggestions, note, detector,
                              {"entity": sugg, "type": "unknown", "mechanism": mechanism, "in_document": 0}))
    return out + added
