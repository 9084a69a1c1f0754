"""Names calqued word by word: «Moteurs Généraux» for «General Motors», «Maison Blanche» written
as words. Up to six consecutive words whose content-word stems are those of a name's parts
(:mod:`mtreview.knowledge.calques`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.calques import FUNCTION_WORDS, get_calque_index, stem_fr
from . import explain
from .confidence import CALQUE_CEILING, calque_weight, clip, open_world
from .mentions import prior
from .slots import LazyTokens, person_slot
from .tokens import Word

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: the most words a calque spans
CALQUE_MAX_WORDS = 6
#: the widest gap (characters) between two words of a calque
CALQUE_MAX_GAP = 3


def flag_calques(det: NamesDetector, words: list[Word], text: str, taken: set[int],
                 tok_at: LazyTokens) -> list[Flag]:
    """Runs of words that translate a name's parts: one word only when the entity is named nearby
    and the word is capitalised; several when either holds. The French name itself, when it is the
    translation («Maison-Blanche»), is not flagged."""
    kb = det.kb
    ev = det.ev
    cidx = get_calque_index(kb)
    if not cidx.keys:
        return []
    flags = []
    n = len(words)
    used: set[int] = set()
    for i in range(n):
        if i in used or words[i].start in taken:
            continue
        w0 = words[i]
        if w0.text.lower() in FUNCTION_WORDS or stem_fr(w0.text) not in cidx.stems:
            continue
        best = None
        content: list[str] = []
        j = i
        while j < n and j - i < CALQUE_MAX_WORDS:
            w = words[j]
            if j > i and w.start - words[j - 1].end > CALQUE_MAX_GAP:
                break
            if w.text.lower() in FUNCTION_WORDS:
                j += 1
                continue
            content.append(stem_fr(w.text))
            if len(content) > cidx.max_parts:
                break
            key = frozenset(content)
            ents = cidx.keys.get(key)
            if ents and len(key) == len(content):
                best = (j, ents, len(content))
            j += 1
        if not best:
            continue
        j, ents, nparts = best
        e_idx = max(ents, key=lambda k: (ev.named_near(k, w0.start, words[j].end), ev.present[k],
                                         prior(kb.entities[k])))
        e = kb.entities[e_idx]
        in_doc = ev.named_near(e_idx, w0.start, words[j].end)
        caps = any(words[k].capitalised and not words[k].sent_start for k in range(i, j + 1))
        if nparts == 1:
            if not (in_doc and caps):
                continue
            slots = len(person_slot(det.ctx, tok_at.get(w0.start)))  # parse the segment only when it can matter
        else:
            if not (in_doc or caps):
                continue
            slots = 0
        conf = calque_weight(nparts, in_doc, caps, slots)
        if not in_doc and not ev.pivot_near(w0.start, words[j].end):
            conf = open_world(conf)  # «Foire aux vanités» is also a French title
        conf = clip(conf, CALQUE_CEILING)
        start, end = w0.start, words[j].end
        span = text[start:end]
        flat = re.sub(r"[\s\-]+", " ", span.lower())
        if any(re.sub(r"[\s\-]+", " ", f.lower()) == flat for f in e.correct_forms()):
            continue  # the French name of the entity is itself the translation («Maison-Blanche»)
        parts = cidx.parts.get(e_idx, [])
        flags.append(Flag(start, end, span, "name/translated", "critical" if conf >= 0.8 else "major",
                          round(conf, 3), [e.fr], explain.calque(span, e.fr, parts, in_doc), det.name,
                          {"entity": e.fr, "entity_id": e.id, "type": e.type,
                           "mechanism": "calque: " + " + ".join(parts), "in_document": ev.present[e_idx]}))
        used.update(range(i, j + 1))
    return flags
