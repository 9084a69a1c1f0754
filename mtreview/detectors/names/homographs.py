"""Names translated as words through a pivot homograph: Russian «Маска» (Musk, genitive) is also
«маска», the noun *mask*, so «Musk» became «le masque». Flagged when the document names the entity
nearby or the parse puts the word where a person stands (:mod:`.slots`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ...flags import Flag
from ...knowledge.homographs import get_homograph_index
from ...knowledge.lexicon import zipf_fr
from . import explain
from .confidence import REPORT_MIN, clip, homograph_weight, open_world
from .evidence import written_near
from .mentions import prior
from .slots import LazyTokens, common_noun_use, person_slot
from .tokens import Word, with_article

if TYPE_CHECKING:  # pragma: no cover
    from ...knowledge.names import NameKnowledgeBase
    from .detector import NamesDetector

#: a word at least this frequent in French (Zipf) is read as a translated name only with the parse's support
HOMOGRAPH_SLOT_ZIPF = 5.0
#: the word right before a position (and the spaces after it)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]+$")
#: words that join the parts of a title («l'Ange de la Paix», «la Guerre des étoiles»)
TITLE_JOINERS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et"})


def _named_as_itself(kb: NameKnowledgeBase, h: Any, w: Word, text: str) -> bool:
    """Is the entity of homograph ``h`` named near ``w`` by its own name? Its surname inside *another*
    person's name does not count: «Sean Paul» names the singer, not Logan Paul, and makes no «plancher»
    (ru «пол») a translated «Paul». An occurrence counts when the word before it is not capitalised or is
    one of the entity's own tokens («Logan Paul»)."""
    e = kb.entities[h.entity]
    token = e.fr_tokens[h.token] if 0 <= h.token < len(e.fr_tokens) else e.fr_tokens[-1]
    own = {t.lower() for t in e.fr_tokens}
    for at in written_near(text, token, w.start, w.end):
        prev = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if prev is None or not prev.group(1)[:1].isupper() or prev.group(1).lower() in own:
            return True
    return False


def _in_title(kb: NameKnowledgeBase, entity: int, words: list[Word], k: int, text: str) -> bool:
    """True when the capitalised word ``words[k]`` belongs to a longer capitalised name or title that is
    not the entity's own: a capitalised neighbour (over joiners such as «de la») that is no token of the
    entity. «Elon Masque» keeps its given name beside it; «American Film Institute» and «l'Ange de la
    Paix» are names of their own."""
    own = {t.lower() for t in kb.entities[entity].fr_tokens}
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(words) and words[j].text.lower().strip("'’") in TITLE_JOINERS and \
                not words[j].capitalised and step == 1:
            j += step
        if not 0 <= j < len(words):
            continue
        o = words[j]
        gap = text[o.end:words[k].start] if step < 0 else text[words[k].end:o.start]
        if len(gap) > 12 or any(c in gap for c in ".!?;:«»\"()\n"):
            continue
        if step < 0 and gap.strip():
            continue  # only a word right before counts («American Film»)
        if o.capitalised and not o.sent_start and o.text.lower() not in own:
            return True
    return False


def flag_homographs(det: NamesDetector, words: list[Word], text: str, taken: set[int],
                    tok_at: LazyTokens) -> list[Flag]:
    """Words that a name's Russian form also means, standing for the name: the entity named nearby,
    or a capitalised word where the parse (``tok_at``) puts a person. Given names are not taken for
    words: only surnames and one-word names."""
    kb = det.kb
    ev = det.ev
    index = get_homograph_index(kb).words
    flags = []
    for k, w in enumerate(words):
        if w.start in taken:
            continue
        hs = index.get(w.text.lower())
        if not hs or kb.is_correct_token(w.text):
            continue
        hs = [h for h in hs if h.token == -1 or h.token == len(kb.entities[h.entity].fr_tokens) - 1]
        if not hs:
            continue  # given names are not taken for words: only surnames and one-word names
        best = max(hs, key=lambda h: (ev.named_near(h.entity, w.start, w.end), ev.present[h.entity],
                                      prior(kb.entities[h.entity])))
        e = kb.entities[best.entity]
        in_doc = ev.named_near(best.entity, w.start, w.end) and _named_as_itself(kb, best, w, text)
        cap_mid = w.capitalised and not w.sent_start
        if cap_mid and _in_title(kb, best.entity, words, k, text):
            continue  # «American Film Institute», «l'Ange de la Paix»: a name or title of its own
        if not in_doc and not cap_mid:
            continue  # without the entity in the document, only a capitalised word is suspect
        tok = tok_at.get(w.start)
        slot = person_slot(det.ctx, tok)
        common = common_noun_use(det.ctx, tok)
        if not in_doc and not slot:
            continue
        if not slot and zipf_fr(w.text) >= HOMOGRAPH_SLOT_ZIPF:
            continue  # a very common noun («film») stands for a name only where the parse says so
        conf = homograph_weight(in_doc, len(slot), cap_mid, common)
        if not in_doc and not ev.pivot_near(w.start, w.end):
            conf = open_world(conf)  # «Loup», «Rossignol»: French surnames too
        conf = clip(conf)
        if conf < REPORT_MIN:
            continue
        sugg = e.fr_tokens[best.token] if 0 <= best.token < len(e.fr_tokens) else (
            next((a for a in e.correct_aliases if " " not in a), e.fr_tokens[-1]))
        start, fix = w.start, sugg
        if e.type == "person":  # «du masque» → «de Musk»: the article goes with the noun
            start, fix = with_article(text, w.start, sugg)
        span = text[start:w.end]
        reasons = []
        if in_doc:
            reasons.append(explain.homograph_named(sugg))
        reasons += slot
        if common:
            reasons.append(explain.homograph_common([c for c, _ in common]))
        ru_of = e.ru_tokens[best.token] if 0 <= best.token < len(e.ru_tokens) else e.ru
        expl = explain.homograph(w.text, sugg, best.ru_form, ru_of, best.ru_word, reasons)
        if start != w.start:
            expl += explain.without_article(span, fix)
        flags.append(Flag(start, w.end, span, "name/translated", "critical" if conf >= 0.8 else "major",
                          round(conf, 3), [fix], expl, det.name,
                          {"entity": e.fr, "entity_id": e.id, "type": e.type,
                           "mechanism": f"pivot homograph ru:{best.ru_form} → {best.ru_word} → {w.text.lower()}",
                           "slot": slot, "common_noun_use": [c for c, _ in common],
                           "in_document": ev.present[best.entity]}))
    return flags
