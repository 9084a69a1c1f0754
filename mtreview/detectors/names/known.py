"""Known entities: a mention of a name of the base written wrong (corrupted, declined, in a foreign
convention or miscased), and a garbled given name before a known surname («talent Carlson»).

A mention with a corrupted token is flagged when it is anchored (another token is right, the entity is
named nearby, or the word carries a Russian fingerprint); real names the base does not hold are left
alone, and a correction nothing around supports stays a suggestion (:func:`.confidence.open_world`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ...flags import Flag
from ...knowledge.calques import FUNCTION_WORDS
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.names import Entity, NameKnowledgeBase, Variant
from ...knowledge.palladius import is_chinese_surname, is_pinyin
from ...knowledge.transliteration import normalise_latin
from . import explain
from .confidence import (
    COUNTRY_NEAR_BONUS,
    DIACRITICS_WEIGHT,
    ENGLISH_WORD_PENALTY,
    NAMED_NEARBY_BONUS,
    REPORT_MIN,
    UNKNOWN_WORD_BONUS,
    UNKNOWN_WORD_ZIPF,
    case_weight,
    clip,
    corrupt_weight,
    given_name_confidence,
    locale_weight,
    multi_word_weight,
    open_world,
)
from .evidence import written_near
from .mentions import CASE, CORRUPT, LOCALE, OK, STATUS_CATEGORY, Mention
from .romanisation import pivot_fingerprint
from .tokens import ROMAN_RE, Word, index_at, is_real_word, keeps_original, same_letters, similarity

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: a foreign form given on purpose: «(en anglais : …», «en allemand, …», «de l'anglais «…»
FOREIGN_QUOTE = re.compile(
    r"\b(?:en|de\s+l['’]|du)\s*(?:anglais|allemand|espagnol|italien|portugais|néerlandais|polonais|"
    r"tchèque|russe|ukrainien|latin|arabe|chinois|japonais|turc|hongrois|suédois|norvégien|danois|grec)"
    r"\s*[:,]?\s*[«\"“(]?\s*$", re.IGNORECASE)
#: how far before a mention (characters) :data:`FOREIGN_QUOTE` is looked for
FOREIGN_QUOTE_REACH = 40
#: a word this frequent in French (Zipf) is a French word before it is a broken name
FRENCH_WORD_ZIPF = 3.0
#: a word French writes this often (Zipf), the name of a place or an organisation where no pivot sign is
#: near, is French text («la Francie», the Frankish kingdom; «Francia» in a Spanish place name)
FRENCH_NAME_WORD_ZIPF = 2.5
#: a pivot form this frequent in English is an English word too (:data:`.confidence.ENGLISH_WORD_PENALTY`)
ENGLISH_WORD_ZIPF = 3.5
#: a corrupted token of an otherwise right name this similar to the right one, and this long, is a typo:
#: an error on its own («Bruce Sprinsteen»)
TYPO_MIN_SIMILARITY = 0.8
#: a word between quotation marks: an opening quote ends the three characters before it, a closing
#: quote opens the three after it
QUOTE_BEFORE = re.compile(r"[\"«“„‹][\s\u00a0]*$")
QUOTE_AFTER = re.compile(r"[\s\u00a0]*[\"»”‹›]")
#: a letter with a diacritic French does not use: the word is written in its own language's spelling
#: («Ángelos», «Poznań», «Masqaṭ», «Dvořák»), which a Cyrillic pivot never produces
FOREIGN_DIACRITIC = re.compile(r"[^\W\dA-Za-zàâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ_'’-]")
TYPO_MIN_LENGTH = 5
#: how far (characters) a place of the entity's country counts as context
COUNTRY_REACH = 80
#: two tokens this dissimilar are different words, not spellings of one («mer d'Aral» / «Aral Sea»)
REORDERED_MAX_SIMILARITY = 0.5
#: a garbled given name: the word before the surname is this long at least ...
GIVEN_MIN_LENGTH = 4
#: ... less frequent than this in French (Zipf) ...
GIVEN_MAX_ZIPF = 5.0
#: ... and this similar to a form of the given name at least
GIVEN_MIN_SIMILARITY = 0.45


def flag_mention(det: NamesDetector, m: Mention, words: list[Word], text: str) -> Flag | None:
    """The flag of a known entity's mention that is not right as written, or None when the mention
    is right, a real name of someone or something else, or too weakly supported."""
    status = m.status
    if status == OK:
        return None
    e = det.kb.entities[m.entity]
    in_doc = _named_nearby(det, m)
    if in_doc and len(m.matches) == 1 and status == CORRUPT:
        in_doc = _target_written_near(m, e, text)
    if len(m.matches) == 1 and m.matches[0].word.text[:1].islower() and QUOTE_BEFORE.search(
            text, max(0, m.start - 3), m.start) and QUOTE_AFTER.match(text, m.end, m.end + 3):
        return None  # « lankae », " arizon ": a word cited in quotes (an epithet, a stem), not a name
    anchored = any(x.status in (OK, CASE, LOCALE) for x in m.matches) and len(m.matches) > 1
    reasons: list[str] = []
    if len(m.matches) == 1:
        got = _one_word(det, m, e, words, in_doc, reasons)
        if got is None:
            return None
        conf, status = got
    else:
        weight = _several_words(det, m, e, anchored, in_doc, reasons)
        if weight is None:
            return None
        conf = weight
    if e.country and _country_near(det.kb, e, words, m):
        conf += COUNTRY_NEAR_BONUS
    pivot_near = det.ev.pivot_near(m.start, m.end)
    limited = _open_world_limit(det, m, e, words, text, conf, status, in_doc, anchored, pivot_near)
    if limited is None:
        return None
    conf = clip(limited)
    if conf < REPORT_MIN:
        return None
    return _mention_flag(det, m, e, text, conf, status, in_doc or pivot_near, reasons)


def _named_nearby(det: NamesDetector, m: Mention) -> bool:
    """Is the mention's entity named correctly near it? For a miscased word not all lower-case, only
    an exact correct form counts: the same miscased form elsewhere («Easyjet» … «Easyjet») is no
    evidence of the right one."""
    if m.status == CASE and not m.matches[0].word.text.islower():
        return det.ev.named_near(m.entity, m.start, m.end, exact=True)
    return det.ev.named_near(m.entity, m.start, m.end)


def _target_written_near(m: Mention, e: Entity, text: str) -> bool:
    """For a one-word mention read as a garbled token of ``e``: is that token itself written right
    nearby, or the entity's whole name? The entity named by *another* of its words alone is no
    evidence for this one: «Trump» names
    Lara Trump as well as Donald, and does not make «Loarre» a garbled «Lara»; «Université» does not
    make «Serrabona» a garbled «Sorbonne»."""
    target = suggest(e, m)
    if not target:
        return False
    # the token itself, or the entity's whole name («Elon Musk» vouches for «Ilon» → «Elon»)
    return any(written_near(text, form, m.start, m.end)
               for form in dict.fromkeys([target, e.fr, *(a for a in e.correct_aliases if " " in a)]))


def _one_word(det: NamesDetector, m: Mention, e: Entity, words: list[Word], in_doc: bool,
              reasons: list[str]) -> tuple[float, int] | None:
    """Weight and status of a one-word mention (single words need more evidence than multi-word
    mentions), or None when the word is not to be flagged."""
    x = m.matches[0]
    status = m.status
    if status in (CASE, LOCALE) and _inside_longer_name(x.word, words):
        return None
    if det.kb.is_correct_token(x.word.text) and status != CASE:
        return None  # a correct form of another entity
    if status == CASE:
        return _miscased_word(det, m, e, in_doc)
    if status == LOCALE:
        return _foreign_convention(m, e)
    return _corrupted_word(det, m, e, in_doc, reasons)


def _first_name_only(m: Mention, e: Entity) -> bool:
    """A one-word mention of a person's given name."""
    return len(m.matches) == 1 and e.type == "person" and len(e.en_tokens) > 1 and m.matches[0].variant.token == 0


def _miscased_word(det: NamesDetector, m: Mention, e: Entity, in_doc: bool) -> tuple[float, int] | None:
    """A word written with the wrong case («Youtube»), unless the case is the text's (a headline, a
    sentence start, an acronym written as a word) or a lower-case word is a common word too."""
    wtext = m.matches[0].word.text
    forms = [f for f in e.correct_forms() + e.fr_tokens if f.lower() == wtext.lower()]
    if wtext.isupper() and len(wtext) > 1:
        return None  # a headline in capitals
    if any(f.isupper() and len(f) > 1 for f in forms):
        return None  # an acronym written as a word («Un», «Otan»)
    if wtext[1:] == wtext[1:].lower() and wtext[:1].isupper() and any(f == f.lower() for f in forms):
        return None  # a lower-case form capitalised (sentence start, title)
    if wtext.islower() and (zipf_fr(wtext) >= FRENCH_WORD_ZIPF or not in_doc
                            or not det.ev.pivot_near(m.start, m.end)):
        return None  # a common word that a brand also uses, a species name («surinam»)
    if wtext[:1].isupper() and any(f[1:] == wtext[1:] and f[:1].islower() for f in forms):
        return None  # only the first letter differs: sentence or title capitalisation
    return case_weight(in_doc, wtext.islower()), CASE


def _foreign_convention(m: Mention, e: Entity) -> tuple[float, int] | None:
    """An English or Russian convention where French has its own form («Lukashenko»); a given name
    alone, or a whole alias of a longer name, is left alone."""
    x = m.matches[0]
    if _first_name_only(m, e) or x.variant.token == -1 and len(e.en_tokens) > 1:
        return None
    return locale_weight(zipf_fr(x.word.text), FRENCH_WORD_ZIPF), LOCALE


def _corrupted_word(det: NamesDetector, m: Mention, e: Entity, in_doc: bool,
                    reasons: list[str]) -> tuple[float, int] | None:
    """A word that is no correct form of the entity: re-romanised, declined or garbled. Alone, with
    nothing else to support it, it is flagged only with a Russian fingerprint; a word that differs
    only by diacritics («Tôkyô») becomes a spelling matter."""
    x = m.matches[0]
    wtext = x.word.text
    status = CORRUPT
    zf = zipf_fr(wtext)
    # a word French writes is no corruption; for a place or an organisation a rarer word is enough
    # where no sign of the pivot is near: «roi de Francie occidentale», «Sierra de Francia»
    common = zf >= FRENCH_WORD_ZIPF or (e.type != "person" and zf >= FRENCH_NAME_WORD_ZIPF
                                        and not det.ev.pivot_near(m.start, m.end))
    if common or (not wtext[:1].isupper() and not in_doc):
        return None
    if _first_name_only(m, e) and not in_doc:
        return None
    if x.word.sent_start and zipf_fr(wtext) > 0.0:
        return None  # a capitalised French word at the start of a sentence
    # the exact pivot form of a name that no language writes («Glenkor» of «Гленкор»), where the text
    # shows the pivot, needs no other evidence
    pivot_only = _pivot_only_form(x, wtext) and det.ev.pivot_near(m.start, m.end)
    if same_letters(wtext, _token_of(e, x)):
        status = CASE  # only diacritics differ («Tôkyô»): a spelling matter
    elif not in_doc and e.type != "person" and (x.similarity < 1.0 or x.variant.kind == "pivot") and not pivot_only:
        return None  # a near miss or declined form of a place or company, no other evidence
    elif not in_doc and not pivot_only and not pivot_fingerprint(x, wtext):
        return None  # alone, with no other evidence, it may be a correct name the base lacks
    if status == CASE and not in_doc:
        return None
    conf = corrupt_weight(x.similarity)
    if status == CASE:
        conf = DIACRITICS_WEIGHT
    if zipf_en(wtext) >= ENGLISH_WORD_ZIPF and x.variant.kind == "pivot" and not in_doc:
        conf -= ENGLISH_WORD_PENALTY  # an English word (e.g. a common noun) written as the pivot form
    if max(zipf_fr(wtext), zipf_en(wtext)) < UNKNOWN_WORD_ZIPF:
        conf += UNKNOWN_WORD_BONUS
    if in_doc:
        conf += NAMED_NEARBY_BONUS
        reasons.append(explain.NAMED_ELSEWHERE)
    return conf, status


def _pivot_only_form(x: Any, wtext: str) -> bool:
    """The word is exactly a romanisation of the entity's Russian form and nothing else: no French or
    English word, no real spelling of a name."""
    return (x.similarity >= 1.0 and x.variant.kind == "pivot" and zipf_fr(wtext) == 0.0
            and zipf_en(wtext) == 0.0 and not is_real_word(x.word))


def _several_words(det: NamesDetector, m: Mention, e: Entity, anchored: bool, in_doc: bool,
                   reasons: list[str]) -> float | None:
    """Weight of a mention of several words, or None when every word is corrupted and one of them is
    an ordinary French word: likely words, not a name. A pivot form that is a real name of other
    people («Vladimir» for «Volodymyr») is no such word."""
    if all(x.status == CORRUPT for x in m.matches) and any(
            zipf_fr(x.word.text) >= FRENCH_WORD_ZIPF and not (e.type == "person" and x.variant.kind == "pivot"
                                                              and det.kb.is_correct_token(x.word.text))
            for x in m.matches):
        return None
    conf = multi_word_weight(anchored, [x.similarity for x in m.matches if x.status == CORRUPT], in_doc)
    if in_doc:
        reasons.append(explain.NAMED_ELSEWHERE)
    return conf


def _open_world_limit(det: NamesDetector, m: Mention, e: Entity, words: list[Word], text: str, conf: float,
                      status: int, in_doc: bool, anchored: bool, pivot_near: bool) -> float | None:
    """Real names the base does not hold are left alone (None), and a correction that nothing around
    supports is capped (:func:`.confidence.open_world`): the weight after those limits."""
    if FOREIGN_QUOTE.search(text, max(0, m.start - FOREIGN_QUOTE_REACH), m.start):
        return None  # «en anglais : United States»: the text gives the foreign form on purpose
    corrupt = [x for x in m.matches if x.status == CORRUPT]
    if any(x.word.text.isupper() and len(x.word.text) > 1 for x in corrupt):
        return None  # an acronym («OMMS») is not a re-romanised spelling of another one
    if any(FOREIGN_DIACRITIC.search(x.word.text) for x in corrupt):
        return None  # «Ángelos», «Masqaṭ», «Poznań»: the original language's spelling, which no pivot writes
    # a pinyin word beside a Chinese surname is a Chinese name («Zhang Weiming»), not a garbled one
    chinese = any(is_chinese_surname(x.word.text) for x in m.matches)
    real = all(is_real_word(x.word) or chinese and is_pinyin(x.word.text) for x in corrupt)
    longer = _part_of_longer_name(m, words, det.ctx["title"])
    if longer and real:
        return None  # «Brawn GP», «World Trade Center», «Elizabeth I», «Léon XII»
    if corrupt and real:
        # every "corrupted" word is written as real names or words are: another person, a
        # place or a typo, unless the entity is named right nearby and the form is the exact
        # pivot form, or the pivot form stands beside a right token («Si Jinping»)
        exact_pivot = all(x.similarity >= 1.0 and x.variant.kind == "pivot" for x in corrupt)
        if len(m.matches) == 1 and not (in_doc and exact_pivot):
            return None
        if not in_doc and not (anchored and exact_pivot):
            conf = open_world(conf)
    if status == LOCALE and not pivot_near:
        # «Myanmar», «Patriots», «Sergey Lavrov»: the original or English form is what much of the
        # world writes, and human French texts use it too; the French convention is an error only
        # where the text shows it came through the pivot. Elsewhere it is a suggestion
        conf = open_world(conf)
    if not (in_doc or pivot_near):
        # nothing around says this text went wrong: a locale or casing convention, a near miss
        # of a name the base knows, are suggestions, not errors; only a typo in a longer name
        # that is otherwise right («Bruce Sprinsteen») stays an error on its own
        typo = (anchored and not real and status == CORRUPT
                and all(x.similarity >= TYPO_MIN_SIMILARITY and len(x.word.text) >= TYPO_MIN_LENGTH
                        for x in corrupt)
                and not longer)
        if not typo:
            conf = open_world(conf)
    if status == CORRUPT and corrupt and not pivot_near and all(
            transcription_variant(x.word.text, _token_of(e, x)) for x in corrupt):
        # «Moustapha» / «Moustafa», «Ianoukovytch» / «Ianoukovitch», «Emomalii» / «Emomali»: two French
        # transcriptions of one name, both in use; without a sign of the pivot, a suggestion
        conf = open_world(conf)
    return conf


def _token_of(e: Entity, x: Any) -> str:
    """The correct French token of entity ``e`` that the mention's word ``x`` was matched to (the whole
    French name when the match is not to one token)."""
    return e.fr_tokens[x.variant.token] if 0 <= x.variant.token < len(e.fr_tokens) else e.fr


def transcription_variant(written: str, right: str) -> bool:
    """True when two spellings differ only by the alternations French transcriptions of one foreign
    name use (ph/f, y/ï/i, ii/iy/i): the written one is another accepted transcription, not a
    corruption. A typo («Sprinsteen», «Scorcese», «Serana»)
    changes letters these do not cover."""
    a, b = _fold_transcription(written), _fold_transcription(right)
    return a == b and written.lower() != right.lower()


def _fold_transcription(word: str) -> str:
    w = word.lower().replace("ph", "f").replace("ï", "i").replace("ÿ", "y")
    w = re.sub(r"iy|yi", "i", w)
    w = w.replace("y", "i")
    return re.sub(r"i{2,}", "i", w)


def _mention_flag(det: NamesDetector, m: Mention, e: Entity, text: str, conf: float, status: int,
                  supported: bool, reasons: list[str]) -> Flag | None:
    """The flag with its suggestion and explanation, or None when the suggestion would change nothing
    the writer had wrong (``supported``: the entity is named nearby or the text shows the pivot)."""
    suggestion = suggest(e, m)
    span_text = text[m.start:m.end]
    if suggestion == span_text or not suggestion or keeps_original(span_text, suggestion):
        return None
    if same_letters(span_text, suggestion) and not supported:
        conf = open_world(conf)  # accents added («Edouard» → «Édouard»): a house style
    category = STATUS_CATEGORY[status]
    mech = explain.mention_mechanism(m)
    explanation = explain.mention(category, span_text, suggestion, e, mech, reasons)
    sev = "minor" if category == "name/spelling" else ("major" if category != "name/locale" else "minor")
    return Flag(m.start, m.end, span_text, category, sev, round(conf, 3), [suggestion], explanation,
                det.name, {"entity": e.fr, "entity_id": e.id, "type": e.type, "mechanism": mech,
                           "in_document": det.present[m.entity]})


def suggest(e: Entity, m: Mention) -> str:
    """The correction of a mention: the whole French name, the French tokens the mention covers, a
    one-word alias or the surname; empty when the French name orders its words otherwise."""
    fr_t, en_t = e.fr_tokens, e.en_tokens
    idx = [x.variant.token for x in m.matches]
    words = [x.word.text for x in m.matches]
    if len(m.matches) >= len(en_t) or len(m.matches) >= len(fr_t):
        return e.fr
    if all(i >= 0 for i in idx) and len(fr_t) == len(en_t):
        if any(fr_t[i] != en_t[i] and similarity(fr_t[i], en_t[i]) < REORDERED_MAX_SIMILARITY for i in idx):
            return ""  # the French name orders its words otherwise («mer d'Aral» / «Aral Sea»)
        return " ".join(fr_t[i] for i in idx)
    if len(words) == 1:
        # a one-word alias or the surname
        aliases = [a for a in e.correct_aliases if " " not in a]
        if aliases:
            best = max(aliases, key=lambda a: similarity(a, words[0]))
            return best
        return fr_t[-1]
    return e.fr


def _part_of_longer_name(m: Mention, words: list[Word], titles: set[str]) -> bool:
    """True when the mention is glued to a capitalised word or a roman numeral that is not part
    of it: «Brawn» in «Brawn GP», «World Trade» in «World Trade Center», «Elizabeth» before «I».
    A title before a name («président», «M.»: one of ``titles``) does not count."""
    k = index_at(words, m.start)
    if k is None:
        return False
    last = k + len(m.matches) - 1
    if any(ROMAN_RE.match(x.word.text) for x in m.matches if x.status != OK):
        return True  # a regnal number or ordinal is never a spelling to correct
    if last + 1 < len(words):
        o = words[last + 1]
        if o.start - words[last].end <= 1 and (o.capitalised or ROMAN_RE.match(o.text)) \
                and o.text.lower() not in FUNCTION_WORDS:
            return True
    if k > 0:
        o = words[k - 1]
        if m.start - o.end <= 1 and o.capitalised and not (o.sent_start and zipf_fr(o.text) >= FRENCH_WORD_ZIPF) \
                and o.text.lower() not in titles and o.text.lower() not in FUNCTION_WORDS:
            return True
    return False


def _inside_longer_name(w: Word, words: list[Word]) -> bool:
    """True when ``w`` touches another capitalised word: part of a longer name («Eurasia Group»)."""
    k = index_at(words, w.start)
    if k is None:
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(words):
            o = words[j]
            gap = o.start - w.end if j > k else w.start - o.end
            if gap <= 1 and o.capitalised and not (j < k and o.sent_start and zipf_fr(o.text) >= FRENCH_WORD_ZIPF):
                return True
    return False


def _country_near(kb: NameKnowledgeBase, e: Entity, words: list[Word], m: Mention) -> bool:
    """Is a place of the entity's country named within :data:`COUNTRY_REACH` characters of the mention?"""
    for w in words:
        if abs(w.start - m.start) > COUNTRY_REACH or m.start <= w.start < m.end:
            continue
        for v in kb.lookup(w.text):
            o = kb.entities[v.entity]
            if o.type == "place" and o.country == e.country and v.kind in ("fr", "alias"):
                return True
    return False


# ---------------------------------------------------------------------- garbled given names
def flag_garbled_given_name(det: NamesDetector, m: Mention, words: list[Word], text: str) -> Flag | None:
    """«talent Carlson»: a lower-case word standing where the given name of a known person should."""
    e = det.kb.entities[m.entity]
    if e.type != "person" or len(m.matches) != 1 or len(e.fr_tokens) < 2:
        return None
    if m.matches[0].variant.token not in (len(e.fr_tokens) - 1, -1):
        return None
    k = index_at(words, m.start)
    if not k:
        return None
    prev = words[k - 1]
    if prev.capitalised or prev.end + 1 != m.start or len(prev.text) < GIVEN_MIN_LENGTH:
        return None
    low = prev.text.lower()
    if low in det.ctx["title"] or low in FUNCTION_WORDS or zipf_fr(low) >= GIVEN_MAX_ZIPF:
        return None
    given = e.fr_tokens[0]
    forms = {given, e.en_tokens[0]}
    forms.update(v.form for v in _given_variants(det.kb, m.entity))
    sim = max(similarity(prev.text, f) for f in forms)
    if sim < GIVEN_MIN_SIMILARITY or normalise_latin(prev.text)[:1] != normalise_latin(given)[:1]:
        return None
    conf = given_name_confidence(sim, det.present[m.entity])
    if not (det.ev.named_near(m.entity, prev.start, m.end) or det.ev.pivot_near(prev.start, m.end)):
        conf = open_world(conf)
    span = text[prev.start:m.end]
    return Flag(prev.start, m.end, span, "name/corrupted", "major", conf, [e.fr],
                explain.garbled_given_name(prev.text, e.fr, sim),
                det.name, {"entity": e.fr, "entity_id": e.id, "type": e.type,
                           "mechanism": f"given name garbled: {prev.text}", "in_document": det.present[m.entity]})


def _given_variants(kb: NameKnowledgeBase, ei: int) -> list[Variant]:
    """The entity's Russian given name romanised by every scheme."""
    e = kb.entities[ei]
    out = []
    if e.ru_tokens:
        from ...knowledge.transliteration import SCHEMES, romanise
        for sch in SCHEMES:
            out.append(Variant(ei, 0, "pivot", romanise(e.ru_tokens[0], sch)))
    return out
