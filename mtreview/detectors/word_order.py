"""Word order that a Russian or English source leaves in French, read on the spaCy parse:

* a nationality adjective between the determiner and its noun («les japonaises célèbres estampes» →
  «les célèbres estampes japonaises»): French puts it after the noun, always (list
  ``knowledge/data/lexicon/nationality_adjectives_fr.txt``);
* a superlative's place complement before its noun («la plus grande en Nouvelle-Angleterre banque» →
  «la plus grande banque en Nouvelle-Angleterre»): Russian «крупнейший в Европе производитель»;
* any other adjective between the determiner and its noun that French (nearly) never puts there
  («la électrique voiture», «une réutilisable fusée»): judged by ``models/fr-ngrams`` — how often the
  adjective follows a determiner directly (its prenominal use) out of all its occurrences; for a word the
  corpus hardly knows, the pooled figure of the known adjectives sharing its ending («-isable», «-ique»).
  «grand», «nouveau», «seul», «célèbre» are common after a determiner and are left alone;
* an adverb between the subject and the finite verb («les pays riches également ont promis», «le canal
  complètement a été fermé», «la Commission encore n'a pas publié»), where the n-grams write the adverb
  after the verb form and (nearly) never before it («ont également» 98 times, «également ont» never);
  connectives, sentence and focus adverbs (``lexicon/adverbs_free_position_fr.txt``) are left alone.

:func:`find` tries every rule on a token. Each finding is ``(first token, last token, suggestion, rule)``;
the grammar detector makes the flag (:data:`RULES` gives each rule's confidence and explanation).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "lexicon" / "nationality_adjectives_fr.txt"
FREE_ADVERBS = DATA.parent / "adverbs_free_position_fr.txt"
#: nouns a language name may stand before («le français langue étrangère»)
LANGUAGE_NOUNS = frozenset({"langue", "langues", "mandarin", "cantonais"})
#: prepositions of a place complement
PLACE_PREPOSITIONS = frozenset({"en", "au", "aux", "dans"})
#: words inside a place name («Amérique du Nord», «Nouvelle-Angleterre»)
PLACE_LINKS = frozenset({"du", "de", "des", "la", "-", "d'", "d’"})
#: determiners whose next word, counted in the n-grams, is a prenominal adjective or a noun
PRENOMINAL_DETS = ("le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa",
                   "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes")
#: an adjective seen this often is judged on its own counts …
ADJ_MIN_COUNT = 100
#: … and flagged when at most this share of its occurrences follow a determiner (and at most ADJ_MAX_PRE)
ADJ_MAX_SHARE = 0.003
ADJ_MAX_PRE = 2
#: a rarer adjective is judged on the pooled counts of the adjectives sharing its last letters (at least
#: SUFFIX_MIN letters), when they add up to SUFFIX_MIN_POOL occurrences
SUFFIX_MIN = 4
SUFFIX_MIN_POOL = 50
#: confidence and wording of each rule's flag (used by the grammar detector)
RULES: dict[str, tuple[float, str]] = {
    "adjectif_nationalite_avant_nom": (0.6, "l'adjectif de nationalité suit le nom"),
    "superlatif_lieu_avant_nom": (0.7, "le complément de lieu du superlatif suit le nom"),
    "adjectif_postpose_avant_nom": (0.6, "cet adjectif suit le nom"),
    "adjectif_postpose_avant_nom_suffixe": (0.55, "un adjectif de ce type suit le nom"),
    "adverbe_avant_verbe_ngrams": (0.6, "cet adverbe suit le verbe conjugué ou l'auxiliaire"),
    "adverbe_en_ment_avant_auxiliaire": (0.55, "l'adverbe de manière suit l'auxiliaire"),
    "ordinal_avant_nombre": (0.6, "le nombre précède « premiers », « derniers », « prochains »"),
    "ordinal_avant_chiffres": (0.45, "le nombre précède d'ordinaire « premiers », « derniers », « prochains »"),
}
#: the adverb before the verb form at most this often in the n-grams (and at most 1/ADV_RATIO of after) …
ADV_MAX_BEFORE = 2
ADV_RATIO = 20
#: … and after it at least this often
ADV_MIN_AFTER = 20
#: subject pronouns that may be stressed and take an adverb («elle également», «nous aussi»), and relatives
_ADV_SUBJ_SKIP = frozenset({"elle", "elles", "nous", "vous", "lui", "eux", "moi", "toi", "qui", "que", "qu'",
                            "qu’", "lequel", "laquelle", "lesquels", "lesquelles", "dont", "où", "quoi"})


def _inflections(base: str) -> dict[str, set[tuple[str, str]]]:
    """Forms of a masculine singular adjective → {(gender, number)}."""
    if base.endswith("e"):
        fem = base
    elif base.endswith("ien") or base.endswith("éen"):
        fem = base + "ne"
    elif base.endswith("c"):
        fem = base[:-1] + "que"  # grec → grecque, turc → turque
    elif base.endswith("ou"):
        fem = base + "se"  # andalou → andalouse
    else:
        fem = base + "e"
    m_pl = base if base.endswith(("s", "x", "z")) else base + "s"
    out: dict[str, set[tuple[str, str]]] = {}
    for form, tag in ((base, ("Masc", "Sing")), (fem, ("Fem", "Sing")), (m_pl, ("Masc", "Plur")), (fem + "s", ("Fem", "Plur"))):
        out.setdefault(form, set()).add(tag)
    return out


@functools.lru_cache(maxsize=1)
def nationality_forms() -> dict[str, set[tuple[str, str]]]:
    """Every form of the nationality adjectives → its possible (gender, number)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#"):
            for form, tags in _inflections(w).items():
                out.setdefault(form, set()).update(tags)
    return out


def _agrees(tags: set[tuple[str, str]], noun: Any) -> bool:
    g, n = noun.morph.get("Gender"), noun.morph.get("Number")
    return any((not g or g[0] == tg) and (not n or n[0] == tn) for tg, tn in tags)


def nationality_before_noun(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«les japonaises célèbres estampes»: ``t``, a lower-case nationality adjective right after a
    determiner, then at most two adjectives and a common noun it agrees with."""
    tags = nationality_forms().get(t.lower_)
    if not tags or not t.text.islower() or t.i == 0 or doc[t.i - 1].pos_ != "DET":
        return None
    j = t.i + 1
    adjs = []
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text.islower() and len(adjs) < 2:
        adjs.append(doc[j])
        j += 1
    if j >= len(doc):
        return None
    noun = doc[j]
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.lower_ in LANGUAGE_NOUNS or not _agrees(tags, noun):
        return None
    if noun.lower_ in nationality_forms():
        return None  # «les anglais catholiques»: two words of the same kind, a noun phrase of its own
    if not adjs and ("Masc", "Sing") in tags:
        return None  # «le grec menteur», «un français propriétaire»: a masculine singular form may be the noun
    words = [a.text for a in adjs] + [noun.text, t.text]
    return t, noun, " ".join(words), "adjectif_nationalite_avant_nom"


def superlative_place_before_noun(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«la plus grande en Nouvelle-Angleterre banque»: ``t`` is «plus» or «moins», then an adjective,
    a place complement («en», «au», «dans» + a name) and the noun the superlative qualifies."""
    if t.lower_ not in {"plus", "moins"} or t.i + 3 >= len(doc):
        return None
    adj, prep = doc[t.i + 1], doc[t.i + 2]
    if adj.pos_ != "ADJ" or prep.lower_ not in PLACE_PREPOSITIONS:
        return None
    j = t.i + 3
    place = []
    if prep.lower_ == "au" and doc[j].lower_ == "monde":  # «le plus grand au monde producteur»
        place.append(doc[j])
        j += 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text[:1].isupper() or
                            (doc[j].lower_ in PLACE_LINKS and place)):
        place.append(doc[j])
        j += 1
    if not place or j >= len(doc) or not any(p.text[:1].isupper() or p.lower_ == "monde" for p in place):
        return None
    noun = doc[j]
    # the parse may read a noun with its complement as an adjective («producteur de cuivre»)
    with_de = j + 1 < len(doc) and doc[j + 1].lower_ in {"de", "du", "des", "d'", "d’"}
    if not noun.text.islower() or not (noun.pos_ == "NOUN" or (noun.pos_ == "ADJ" and with_de)):
        return None
    place_text = doc[place[0].i:place[-1].i + 1].text
    return t, noun, f"{t.text} {adj.text} {noun.text} {prep.text} {place_text}", "superlatif_lieu_avant_nom"


def _ngrams() -> Any:
    from ..knowledge.ngrams import get_ngrams

    return get_ngrams()


@functools.lru_cache(maxsize=8192)
def prenominal_counts(form: str) -> tuple[int, int]:
    """(occurrences of ``form``, occurrences right after a determiner) in models/fr-ngrams."""
    m = _ngrams()
    if m is None or form not in m.ids:
        return 0, 0
    pre = 0
    for d in PRENOMINAL_DETS:
        pre += m.followers([d], [form])[0]
    return m.count([form]), pre


@functools.lru_cache(maxsize=1024)
def _suffix_pool(suffix: str) -> tuple[int, int]:
    """Pooled :func:`prenominal_counts` of the adjectives of the model's vocabulary ending in ``suffix``
    (each seen at least 5 times; the lexicon must know the word as an adjective)."""
    from .french import morph_tags

    m = _ngrams()
    if m is None:
        return 0, 0
    total = pre = 0
    for w in m.words:
        if w.endswith(suffix) and w != suffix and any(":A" in t for t in morph_tags(w)):
            c, p = prenominal_counts(w)
            if c >= 5:
                total += c
                pre += p
    return total, pre


def postnominal_adjective(form: str) -> str | None:
    """The rule by which French never puts ``form`` (an adjective) before its noun, or None: its own counts,
    or, for a rare word, those of the adjectives with the same ending."""
    total, pre = prenominal_counts(form)
    if total >= ADJ_MIN_COUNT:
        ok = pre <= ADJ_MAX_PRE and pre <= ADJ_MAX_SHARE * total
        return "adjectif_postpose_avant_nom" if ok else None
    if pre or _verb_form(form):
        return None  # a participle («les supposées prédictions») is judged on its own counts only
    for k in range(min(len(form) - 2, 7), SUFFIX_MIN - 1, -1):
        pool, pool_pre = _suffix_pool(form[-k:])
        if pool >= SUFFIX_MIN_POOL:
            return "adjectif_postpose_avant_nom_suffixe" if pool_pre <= ADJ_MAX_SHARE * pool else None
    return None


def _adj_agrees(adj: Any, noun: Any) -> bool:
    for feat in ("Gender", "Number"):
        a, n = adj.morph.get(feat), noun.morph.get(feat)
        if a and n and a != n:
            return False
    return True


def adjective_before_noun(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«la électrique voiture», «sa réutilisable fusée»: ``t``, a lower-case adjective right after a
    determiner and right before a common noun it agrees with, that French (nearly) never writes after a
    determiner (:func:`postnominal_adjective`), the pair «adjective noun» unseen in the n-grams."""
    if t.pos_ != "ADJ" or not t.text.isalpha() or not t.text.islower() or t.i == 0 or t.i + 1 >= len(doc):
        return None
    det, noun = doc[t.i - 1], doc[t.i + 1]
    if det.pos_ != "DET" or det.lower_.replace("’", "'") not in PRENOMINAL_DETS:
        return None
    if noun.pos_ != "NOUN" or not noun.text.isalpha() or not noun.text.islower() or not _adj_agrees(t, noun):
        return None
    if t.lower_ in nationality_forms():
        return None  # the nationality rule's
    if t.dep_ not in {"amod", "nsubj", "obj", "nmod", "obl"} and t.head.i != noun.i:
        return None
    m = _ngrams()
    if m is None or m.count([t.lower_, noun.lower_]):
        return None
    rule = postnominal_adjective(t.lower_)
    if rule is None:
        return None
    return t, noun, f"{noun.text} {t.text}", rule


#: plural ordinals of rank that French writes after a cardinal («les cinq premières rondes»)
RANK_ADJECTIVES = frozenset({"premiers", "premières", "derniers", "dernières", "prochains", "prochaines"})


def ordinal_before_number(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«lors des premières cinq rondes», «les prochaines quatre années»: Russian and English put the rank
    before the number («первые пять», «the first five»); French puts the number first («les cinq
    premières rondes», «les quatre prochaines années»). ``t`` is the rank adjective, followed by a
    cardinal (a word or digits, not «un»/«une») and then a noun."""
    if t.lower_ not in RANK_ADJECTIVES or t.i + 2 >= len(doc):
        return None
    num, noun = doc[t.i + 1], doc[t.i + 2]
    if num.lower_ in {"un", "une"} or not (num.pos_ == "NUM" or num.like_num) or noun.pos_ != "NOUN":
        return None
    if t.i > 0 and doc[t.i - 1].pos_ == "NUM":
        return None  # «les 3 premiers 10 %»: already numbered
    # «les dernières 24 heures»: with digits the English order is common in the press (a suggestion)
    rule = "ordinal_avant_chiffres" if num.text[:1].isdigit() else "ordinal_avant_nombre"
    return t, num, f"{num.text} {t.text}", rule


def find(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """The first word-order finding of any rule at token ``t``."""
    return nationality_before_noun(doc, t) or superlative_place_before_noun(doc, t) or \
        adjective_before_noun(doc, t) or adverb_before_verb(doc, t) or ordinal_before_number(doc, t)


def _verb_form(word: str) -> bool:
    from .french import morph_tags

    return any(":V" in m for m in morph_tags(word))


@functools.lru_cache(maxsize=1)
def free_adverbs() -> frozenset[str]:
    """Adverbs left alone between subject and verb (``lexicon/adverbs_free_position_fr.txt``)."""
    if not FREE_ADVERBS.exists():
        return frozenset()
    return frozenset(ln.strip().lower() for ln in FREE_ADVERBS.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


#: a manner adverb before an auxiliary: it is written after it («a nettement réduit») …
MANNER_SUFFIX = "ment"
#: … unless the n-grams write it before the auxiliary this often («seulement», «notamment» are free)
MANNER_MAX_BEFORE = 0


def _manner_before_auxiliary(doc: Any, t: Any, verb: Any, neg: bool, m: Any) -> bool:
    """«le vaccin nettement a réduit»: an adverb in -ment between the subject and an auxiliary followed by
    its past participle. French writes a manner adverb after the auxiliary («a nettement réduit»), and the
    n-grams, too sparse for a rarer adverb, need not vouch for it: the pair «adverb auxiliary» must only
    never have been seen."""
    if neg or verb.pos_ != "AUX" or not t.lower_.endswith(MANNER_SUFFIX) or len(t.text) < 7:
        return False
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.morph.get("VerbForm") != ["Part"]:
        return False
    return m.count([t.lower_, verb.lower_]) <= MANNER_MAX_BEFORE


def adverb_before_verb(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«les pays riches également ont promis»: ``t``, an adverb right after the subject (a noun, a name or a
    pronoun that is the verb's subject) and right before the finite verb or auxiliary (or «ne» + it), when
    the n-grams write «verb adverb» (or «ne verb adverb») often and «adverb verb» (nearly) never."""
    if t.pos_ != "ADV" or t.i == 0 or t.i + 1 >= len(doc) or not t.text.isalpha() or t.lower_ in free_adverbs():
        return None
    m = _ngrams()
    if m is None:
        return None
    subj, verb = doc[t.i - 1], doc[t.i + 1]
    neg = verb.lower_ in {"ne", "n'", "n’"} and t.i + 2 < len(doc)
    if neg:
        verb = doc[t.i + 2]
    if verb.pos_ not in {"VERB", "AUX"} or verb.morph.get("VerbForm") != ["Fin"] or not verb.text.isalpha():
        return None
    if subj.pos_ == "ADJ" and subj.dep_ == "amod" and subj.head.i < subj.i:
        subj = subj.head  # «les pays riches également ont»
    head = verb.head if verb.pos_ == "AUX" else verb
    if subj.text == "," and not neg and t.i + 1 < len(doc) and doc[t.i + 1].text != ",":
        # «la directrice, Eleanor Pryce, nettement a réduit»: the comma closes an apposition of the subject
        subj = next((c for c in list(verb.children) + list(head.children)
                     if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < t.i), subj)
    if subj.pos_ not in {"NOUN", "PROPN", "PRON"} or subj.lower_ in _ADV_SUBJ_SKIP or \
            subj.dep_ not in {"nsubj", "nsubj:pass"}:
        return None
    if subj.head.i not in {verb.i, head.i}:
        return None
    a, v = t.lower_, verb.lower_
    if _manner_before_auxiliary(doc, t, verb, neg, m):
        return t, verb, f"{verb.text} {t.text}", "adverbe_en_ment_avant_auxiliaire"
    if neg:
        before, after = m.count(["ne", a, v]) + m.count([a, "ne", v]), m.count(["ne", v, a])
        if not after:  # «n'a pas encore»: the adverb after «pas»
            after = m.count([v, "pas", a])
    else:
        before, after = m.count([a, v]), m.count([v, a])
    if after < ADV_MIN_AFTER or before > ADV_MAX_BEFORE or before * ADV_RATIO > after:
        return None
    end = verb
    if neg:
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in {"pas", "plus", "point"} and a != "jamais":
            end = nxt
        ne = doc[t.i + 1].text
        sep = "" if ne.endswith(("'", "’")) else " "
        moved = f"{ne}{sep}{verb.text}" + (f" {end.text}" if end is not verb else "") + f" {t.text}"
    else:
        moved = f"{verb.text} {t.text}"
    return t, end, moved, "adverbe_avant_verbe_ngrams"
