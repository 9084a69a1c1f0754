"""Names the base does not know, re-romanised from Cyrillic («Dzheyms»): the transliteration model
(:mod:`mtreview.translit`) proposes the original spelling, wordfreq's English frequencies (names
included) rank the proposals. The real spellings that respell in Russian to the word's sound
(:mod:`mtreview.knowledge.respelling`: «Yurgen» ← «Jürgen» in German, «Verkhovenom» ← «Verhoeven» in
Dutch) join the proposals, those of the language of the name's other part first. The model's proposals
alone stay below :data:`.confidence.MODEL_MAX_CONFIDENCE`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.name_languages import zipf_any
from ...knowledge.spellings import is_real_spelling, name_tokens
from ...knowledge.transliteration import normalise_latin
from ...translit.signature import pivot_score
from . import explain
from .confidence import (
    KNOWN_TOKEN_PRIOR,
    MODEL_MIN_PRIOR,
    MODEL_MISSING_LOGP,
    NAME_TOKEN_PRIOR,
    model_confidence,
    model_score,
    open_world,
)
from .evidence import NAMING_KINDS
from .romanisation import FRENCH_TRANSCRIPTION, ROMANISED, SIGNATURE_OPEN, SIGNATURE_STRONG
from .tokens import Word, capitalised_after, capitalised_before, name_case

if TYPE_CHECKING:  # pragma: no cover
    from ...knowledge.names import NameKnowledgeBase
    from .detector import NamesDetector

#: an English W as Russian writes it, «Уи»/«Уо»/«Уэ» romanised at the start of a word («Uitaker», «Uolsh»)
W_THROUGH_U = re.compile(r"^U[ioe][a-z]")
#: how many proposals the model is asked for
MODEL_N_BEST = 8
#: an unknown name is rarer than this in English (Zipf) and absent from French
UNKNOWN_MAX_ZIPF_EN = 1.5
#: a proposal has at least this many letters and this share of the written word's
MODEL_MIN_LETTERS = 3
MODEL_MIN_LENGTH_SHARE = 0.6
#: a real spelling whose Russian transcription has the word's sound (:mod:`~mtreview.knowledge.respelling`,
#: same key) is this much better supported (log-probability units) ...
INDEX_EXACT_BONUS = 1.0
#: ... and this much more when it is of the language of the name's other part
INDEX_HINT_BONUS = 2.0
#: a model proposal one letter from a real spelling's sound gains this much
INDEX_NEAR_BONUS = 0.3
#: the log-probability an index spelling the model did not propose is scored with (forced decoding
#: scores a spelling with letters English names lack, «Sjöqvist», far below what the sound supports)
INDEX_LOGP = -2.0
#: ... and the rank it is scored at (:func:`.confidence.model_score`)
INDEX_RANK = 2
#: at most this many index spellings join the proposals
INDEX_MAX = 4


def pivot_shown(det: NamesDetector, words: list[Word], w: Word) -> bool:
    """Does the text already show that ``w`` came through the pivot: signs of the pivot around it
    (:meth:`.evidence.NameEvidence.pivot_near`) or a word beside it that only the pivot writes
    (:func:`.pivot_forms.pivot_neighbour`, «Yurgen» before «Shimelpfenig»)?"""
    from .pivot_forms import pivot_neighbour

    if det.ev.pivot_near(w.start, w.end, w.key):
        return True
    k = next((i for i, x in enumerate(words) if x.start == w.start), None)
    if k is None:
        return False
    nxt = words[k + 1] if k + 1 < len(words) else None
    prev = words[k - 1] if k > 0 else None
    return ((nxt is not None and nxt.start - w.end <= 1 and pivot_neighbour(det.kb, nxt))
            or (prev is not None and w.start - prev.end <= 1 and pivot_neighbour(det.kb, prev)))


def name_hint(det: NamesDetector, text: str, w: Word) -> str | None:
    """The language of the other part of the name ``w`` belongs to (the capitalised word just before or
    after it): the language whose word list knows that word best when it is a real spelling, else the
    language of the likeliest real spelling that sounds like it; None when neither says."""
    from ...knowledge.respelling import candidates as sounds_like
    from .name_language import surname_language

    for got in (capitalised_before(text, w.start), capitalised_after(text, w.end)):
        if got is None or len(got[1]) < 3:
            continue
        other = got[1]
        if is_real_spelling(other):
            lang = surname_language(other)
            if lang is not None:
                return lang
            continue
        near = sounds_like(other, max_edits=0, limit=2)
        if near and (len(near) == 1 or near[0].score - near[1].score >= 1.0):
            return near[0].language
    return None


def index_support(det: NamesDetector, text: str, w: Word) -> tuple[dict[str, float], str | None]:
    """Spelling → support from the sounds-like index for the word ``w``: :data:`INDEX_EXACT_BONUS` for
    the same key (plus :data:`INDEX_HINT_BONUS` in the hint language), :data:`INDEX_NEAR_BONUS` one letter
    off; and the hint language."""
    from ...knowledge.respelling import candidates as sounds_like

    hint = name_hint(det, text, w)
    out: dict[str, float] = {}
    for c in sounds_like(w.key, hint, max_edits=1, limit=12):
        bonus = (INDEX_EXACT_BONUS + (INDEX_HINT_BONUS if hint and c.language == hint else 0.0)
                 if c.edits == 0 else INDEX_NEAR_BONUS)
        out[c.spelling] = max(out.get(c.spelling, 0.0), bonus)
    return out, hint


def unknown_name(kb: NameKnowledgeBase, w: Word) -> bool:
    """A capitalised word unknown to the base and to French and English word lists."""
    return (w.capitalised and len(w.key) >= 4
            and not any(v.kind in NAMING_KINDS for v in kb.lookup(w.key))
            and zipf_fr(w.key) == 0.0 and zipf_en(w.key) < UNKNOWN_MAX_ZIPF_EN
            and "-" not in w.key)


def flag_open_vocabulary(det: NamesDetector, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
    """Names the base does not know, re-romanised from Cyrillic: the transliteration model proposes
    the original spelling, wordfreq's English frequencies (names included) rank the proposals."""
    if not det.use_model:
        return []
    cands = [w for w in words if w.start not in taken and unknown_name(det.kb, w)
             and not is_real_spelling(w.key) and not FRENCH_TRANSCRIPTION.search(w.key)
             and (ROMANISED.search(w.key) or W_THROUGH_U.match(w.key) or pivot_score(w.key) >= SIGNATURE_OPEN)]
    if not cands:
        return []
    from ...translit.infer import get_transliterator

    tr = get_transliterator()
    if not tr.available:
        return []
    flags = []
    keys = [w.key for w in cands]
    raw = tr.model_candidates(keys, n=MODEL_N_BEST)
    reranked = tr.candidates(keys, n=MODEL_N_BEST)
    for w, nbest, rr in zip(cands, raw, reranked, strict=True):
        best = None
        logps = dict(nbest)
        # the re-ranked list (a 64-beam search re-ranked by how people spell names) puts the
        # likeliest real spelling first; the raw log-probability still measures the model's belief
        nbest = [(c, logps.get(c, MODEL_MISSING_LOGP)) for c, _ in rr] or nbest
        # the real spellings that sound like the word join the proposals (after the model's own)
        support, hint = index_support(det, text, w)
        proposed = {c for c, _ in nbest}
        model_only = len(nbest)
        nbest += [(c, INDEX_LOGP) for c, b in sorted(support.items(), key=lambda x: -x[1])
                  if c not in proposed and b >= INDEX_EXACT_BONUS][:INDEX_MAX]
        shown_pivot = len(nbest) > model_only and pivot_shown(det, words, w)
        # known to English, to another language's word list (names included: «Wierzbicki» in Polish,
        # «Kjærgaard» in Danish: weighed as a real person's name token, no more, for those lists hold
        # common words too), as a name of the base or of a real person
        priors = {c: max(zipf_en(c), min(zipf_any(c)[0], NAME_TOKEN_PRIOR),
                         KNOWN_TOKEN_PRIOR if det.kb.is_correct_token(c) else 0.0,
                         NAME_TOKEN_PRIOR if c.lower() in name_tokens() else 0.0) for c, _ in nbest}
        # a proposal that drops the end of a likelier one («schwarzenbach» after «schwarzenbacher»,
        # «bright» after «brightwater») reads only part of the word: it lends the whole reading its
        # standing as a real spelling instead of competing with it
        # (only a reading long enough to be one lends, and no more than a real name token's standing:
        # «had» is no part-reading of «Khadjou»)
        cut: set[str] = set()
        min_len = max(MODEL_MIN_LETTERS, MODEL_MIN_LENGTH_SHARE * len(w.key))
        for k, (longer, _) in enumerate(nbest):
            for shorter, _ in nbest[k + 1:]:
                if (longer.startswith(shorter) and len(longer) - len(shorter) >= 2 and shorter not in cut
                        and len(shorter) >= min_len):
                    cut.add(shorter)
                    priors[longer] = max(priors[longer], min(priors[shorter], NAME_TOKEN_PRIOR))
        read_right = False
        for rank, (cand, logp) in enumerate(nbest):
            if cand in cut:
                continue
            prior = priors[cand]
            if rank < model_only and read_right:
                continue
            if cand.lower() == w.key.lower():
                read_right = True  # the model reads the word as already right: its later proposals stand no more
                continue
            if normalise_latin(cand) == normalise_latin(w.key) and prior < MODEL_MIN_PRIOR:
                continue  # the word's own letters, digraphs folded («Kholingsuort» → «holingsuort»): no reading
            if len(cand) < max(MODEL_MIN_LETTERS, MODEL_MIN_LENGTH_SHARE * len(w.key)):
                continue  # «Eyasi» → «Ay»: a romanisation keeps most of a name's letters
            if prior < MODEL_MIN_PRIOR:
                continue
            score = model_score(logp, prior, rank if rank < model_only else INDEX_RANK) + support.get(cand, 0.0)
            if rank >= model_only and not (best is not None and best[4]) and not shown_pivot:
                continue  # no proposal of the model stands: the index alone flags only where the pivot shows
            if best is None or score > best[0]:
                best = (score, cand, logp, prior, rank < model_only)
        if best is None:
            continue
        _, cand, logp, prior, _ = best
        sugg = name_case(cand)
        sig = pivot_score(w.key)
        in_text = sugg in det.ev.doc_name_at or any(det.kb.lookup(sugg))
        conf = model_confidence(prior, logp, sig, SIGNATURE_OPEN)
        if not (det.ev.pivot_near(w.start, w.end, w.key) or (sig >= SIGNATURE_STRONG and in_text)):
            conf = open_world(conf)
        flags.append(Flag(w.start, w.end, text[w.start:w.end], "name/corrupted", "major", conf, [sugg],
                          explain.model_proposal(w.text, sugg), det.name,
                          {"entity": sugg, "type": "unknown",
                           "mechanism": f"translit model: log p {logp:.2f}, prior {prior:.1f}, "
                                        f"pivot signature {sig:.2f}"
                                        + (f", sounds-like index {support[cand]:.1f}"
                                           + (f" (hint {hint})" if hint else "") if cand in support else ""),
                           "in_document": 0}))
        taken.update(range(w.start, w.end))
    return flags
