"""Chinese names come back from a Russian pivot in romanised Palladius («Chzhan Veimin» for Zhang
Weiming, «Khuan Chzhitsyan» for Huang Zhiqiang): read beside a Chinese surname or a word the engine
already read back to pinyin, each part of the name is read by :mod:`mtreview.knowledge.palladius`.

* A part flagged with a non-Chinese reading gets its pinyin one: «Khuan» is «Хуан», which Spanish
  names write Juan, but beside «Chzhitsyan» (Zhiqiang) it is Huang.
* A part nobody flagged, beside a flagged one, that is no pinyin but reads as Palladius syllables, is
  flagged with its pinyin reading: «Veimin» beside «Chzhan» (Zhang) → Weiming.

Only names next to a flagged word are looked at: clean text, where nothing is flagged, is never touched.
"""

from __future__ import annotations

import dataclasses

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.palladius import is_chinese_surname, is_pinyin, pinyin_readings
from .tokens import capitalised_after, capitalised_before

#: a part not flagged is read only when English and French know it less than this (Zipf)
UNFLAGGED_MAX_ZIPF = 2.0
#: the most a reading of a part nobody flagged is trusted (-n and -ng are told apart by a soft sign
#: the romanisation drops)
UNFLAGGED_MAX_CONFIDENCE = 0.75
#: a flag on a part nobody flagged is this much less sure than its flagged neighbour's
NEIGHBOUR_DISCOUNT = 0.05


def _chinese(word: str, flag: Flag | None) -> bool:
    """Is this part of a name Chinese: a Chinese surname as written or as corrected, or read back to
    pinyin by the engine (its correction is one of its Palladius readings)?"""
    if is_chinese_surname(word):
        return True
    if flag is None or not flag.suggestions:
        return False
    sugg = flag.suggestions[0]
    return is_chinese_surname(sugg) or sugg.lower() in pinyin_readings(word)


def _name_case(reading: str) -> str:
    return reading[:1].upper() + reading[1:]


def read_chinese_names(detector: str, text: str, flags: list[Flag]) -> list[Flag]:
    """``flags`` with the parts of Chinese names read from Palladius (module docstring)."""
    mine = {(f.start, f.end): f for f in flags if f.detector == detector and f.category == "name/corrupted"}
    if not mine:
        return flags
    out = list(flags)
    index = {id(f): i for i, f in enumerate(out)}
    added: list[Flag] = []
    for (start, end), f in sorted(mine.items()):
        if " " in f.text:
            continue
        # the capitalised words right before and after the flagged one, a space apart
        neighbours = [n for n in (capitalised_before(text, start), capitalised_after(text, end)) if n]
        if not _chinese(f.text, f):
            continue
        for at, word in neighbours:
            other = mine.get((at, at + len(word)))
            readings = pinyin_readings(word)
            if not readings:
                continue
            if other is not None:
                if id(other) in index and other.suggestions and other.suggestions[0].lower() not in readings \
                        and not is_chinese_surname(other.suggestions[0]):
                    sugg = _name_case(readings[0])
                    out[index[id(other)]] = dataclasses.replace(
                        other, suggestions=[sugg] + [s for s in other.suggestions if s != sugg],
                        explanation=(f"« {word} » est un nom chinois passé par le russe (système Palladius) : "
                                     f"il se lit « {sugg} » en pinyin."),
                        evidence={**other.evidence, "mechanism": f"Palladius reading beside « {f.text} »"})
                continue
            if is_pinyin(word) or max(zipf_fr(word), zipf_en(word)) >= UNFLAGGED_MAX_ZIPF:
                continue  # written in pinyin already, or a word
            sugg = _name_case(readings[0])
            added.append(Flag(at, at + len(word), word, "name/corrupted", "major",
                              round(float(max(0.0, min(UNFLAGGED_MAX_CONFIDENCE, f.confidence - NEIGHBOUR_DISCOUNT))), 3),
                              [sugg],
                              (f"« {word} » suit « {f.text} » dans un nom chinois passé par le russe (système "
                               f"Palladius) : il se lit « {sugg} » en pinyin."),
                              detector, {"entity": sugg, "type": "unknown",
                                         "mechanism": f"Palladius reading beside « {f.text} »", "in_document": 0}))
            mine[(at, at + len(word))] = added[-1]
    return out + added
