"""How sure each check of the names detector is: named weights and the sums they enter.

Confidence is a sum of evidence weights clipped to [:data:`FLOOR`, :data:`CEILING`]; the weights were
set on the project's synthetic evaluation set (``bench/names_eval.py``), where a threshold of 0.8 keeps
precision above 95 %. A correction that nothing around the word supports is capped at
:data:`OPEN_WORLD_CAP`: shown as a suggestion, never applied at the default thresholds. Every function
here keeps the order of its additions: the same inputs give the same floating-point result.
"""

from __future__ import annotations

import math

from .mentions import FOLDED_SIMILARITY

#: the lowest confidence a flag is clipped to
FLOOR = 0.05
#: the highest confidence a flag is clipped to
CEILING = 0.99
#: the highest confidence of a calque (a French title may be a word-for-word translation on purpose)
CALQUE_CEILING = 0.97
#: below this confidence a known-entity, homograph or calque finding is not reported at all
REPORT_MIN = 0.3
#: the highest confidence of a correction the text around it gives no reason for (a real spelling,
#: a locale or casing convention, with the entity not named nearby and no sign of a pivot language):
#: shown as a suggestion, never applied at the default thresholds, not counted as an error
OPEN_WORLD_CAP = 0.45
#: the highest confidence of a proposal from the transliteration model alone (open vocabulary): a
#: caller that keeps only flags above it can leave the model out (``use_model=False``) and lose nothing
MODEL_MAX_CONFIDENCE = 0.7

# ---- a known entity's mention, one word
#: a miscased word, the entity named nearby or the word not all lower-case («Youtube»)
CASE_WEIGHT = 0.85
#: a lower-case brand name («starlink») with no such support
CASE_LOWER_WEIGHT = 0.7
#: an English or Russian convention where French has its own form («Lukashenko»), the word rare in French
LOCALE_WEIGHT = 0.8
#: a corrupted word that is an exact pivot variant (similarity 1.0)
CORRUPT_EXACT_WEIGHT = 0.8
#: a corrupted word that matches once folded to plain Latin (similarity :data:`~.mentions.FOLDED_SIMILARITY`)
CORRUPT_FOLDED_WEIGHT = 0.72
#: a corrupted word found by fuzzy look-up: this base ...
CORRUPT_FUZZY_BASE = 0.35
#: ... plus this much times its similarity
CORRUPT_FUZZY_PER_SIMILARITY = 0.4
#: a word that differs from the right form only by diacritics («Tôkyô»), the entity named nearby
DIACRITICS_WEIGHT = 0.55
#: taken off a pivot form that is also an English word, the entity not named nearby
ENGLISH_WORD_PENALTY = 0.2
#: added when the word is unknown to French and English (below :data:`UNKNOWN_WORD_ZIPF`)
UNKNOWN_WORD_BONUS = 0.1
#: the frequency (Zipf, French and English) below which a word is unknown
UNKNOWN_WORD_ZIPF = 1.0
#: added to a one-word mention when the entity is named correctly nearby
NAMED_NEARBY_BONUS = 0.15

# ---- a known entity's mention, several words
#: a multi-word mention with at least one right token
ANCHORED_WEIGHT = 0.85
#: a multi-word mention with no right token
UNANCHORED_WEIGHT = 0.7
#: taken off per unit of dissimilarity of the worst corrupted token
DISSIMILARITY_PENALTY = 0.5
#: added to a multi-word mention when the entity is named correctly nearby
MULTI_NAMED_NEARBY_BONUS = 0.1
#: added when a place of the entity's country is named a few words away
COUNTRY_NEAR_BONUS = 0.05

# ---- a garbled given name («talent Carlson»)
#: base of a garbled given name ...
GIVEN_BASE = 0.35
#: ... plus this much times its similarity to a form of the given name
GIVEN_PER_SIMILARITY = 0.5
#: ... plus this when the person is named more than once
GIVEN_PRESENT_BONUS = 0.1
#: the highest confidence of a garbled given name
GIVEN_CEILING = 0.9

# ---- an English transcription of a Russian name missing from the base («Yevgeny Prigozhin»)
#: with signs of the pivot nearby
RUSSIAN_LOCALE_PIVOT = 0.62
#: without: the English transcription is the form most of the world writes
RUSSIAN_LOCALE_PLAIN = 0.4

# ---- one unknown name spelled two ways in a document («Sholts» / «Scholz»)
#: base of the less likely spelling ...
VARIANT_BASE = 0.45
#: ... plus this much per point of spelling score the other spelling gains
VARIANT_PER_GAIN = 0.08
#: ... plus this when the word is the other spelling with a Russian case ending
VARIANT_DECLINED_BONUS = 0.1
#: the highest confidence of a document variant
VARIANT_CEILING = 0.8
#: spelling score: weight of the English frequency (names included)
SPELLING_EN_WEIGHT = 1.5
#: spelling score: taken off per romanisation marker
SPELLING_MARKER_PENALTY = 1.5
#: spelling score: weight of the log of the count in the document
SPELLING_COUNT_WEIGHT = 0.5

# ---- a pivot form of a real name missing from the base («Stivenson»)
#: base of a pivot form ...
PIVOT_FORM_BASE = 0.55
#: ... plus this much per power of ten of the original's dominance ...
PIVOT_FORM_PER_DECADE = 0.05
#: ... counted up to this many powers of ten
PIVOT_FORM_MAX_DECADES = 4.0
#: taken off when the word is itself a real spelling
PIVOT_FORM_REAL_PENALTY = 0.1

# ---- a transliteration-model proposal (open vocabulary)
#: the lowest confidence of a model proposal
MODEL_FLOOR = 0.3
#: added per point of prior (Zipf) above :data:`MODEL_MIN_PRIOR`
MODEL_PER_PRIOR = 0.08
#: the least prior (Zipf frequency, or a name prior) of a proposal the model makes
MODEL_MIN_PRIOR = 2.0
#: added when the model is sure of its proposal (log-probability above :data:`MODEL_SURE_LOGP`)
MODEL_SURE_BONUS = 0.1
#: the log-probability above which the model is sure
MODEL_SURE_LOGP = -1.0
#: added per unit of pivot signature above the model's opening threshold
MODEL_PER_SIGNATURE = 0.3
#: ranking of proposals: weight of the prior ...
MODEL_RANK_PRIOR_WEIGHT = 0.7
#: ... and the cost of each place down the re-ranked list
MODEL_RANK_PENALTY = 0.3
#: the log-probability of a re-ranked proposal absent from the raw n-best
MODEL_MISSING_LOGP = -5.0
#: the prior of a proposal that is a correct token of a name of the base
KNOWN_TOKEN_PRIOR = 3.0
#: the prior of a model proposal that is a token of a real person's name (Wikidata)
NAME_TOKEN_PRIOR = 2.5

# ---- a name translated as a word through a pivot homograph («le masque» for «Musk»)
#: the entity named nearby
HOMOGRAPH_NAMED_WEIGHT = 0.72
#: the entity not named nearby (the parse must then put the word where a person stands)
HOMOGRAPH_UNNAMED_WEIGHT = 0.45
#: added per sign from the parse that a person stands there ...
HOMOGRAPH_PER_SLOT = 0.12
#: ... counted up to this many
HOMOGRAPH_MAX_SLOTS = 2
#: added when the word is capitalised inside a sentence
HOMOGRAPH_CAPITAL_BONUS = 0.1

# ---- signs that a word is used as the common noun (taken off a homograph's confidence)
#: a plural
COMMON_PLURAL = 1.0
#: an adjective qualifying it
COMMON_ADJECTIVE = 0.3
#: a complement «à …» («masque à gaz»)
COMMON_A_COMPLEMENT = 0.4
#: the object of a verb of wearing («porter un masque»)
COMMON_WORN = 0.5

# ---- a name calqued word by word («Moteurs Généraux»)
#: a one-word calque (named nearby and capitalised) ...
CALQUE_ONE_BASE = 0.55
#: ... plus this when capitalised ...
CALQUE_ONE_CAPITAL = 0.15
#: ... plus this per sign from the parse that a person stands there
CALQUE_ONE_PER_SLOT = 0.1
#: a calque of several words ...
CALQUE_MULTI_BASE = 0.6
#: ... plus this when the entity is named nearby ...
CALQUE_MULTI_NAMED = 0.25
#: ... plus this when capitalised
CALQUE_MULTI_CAPITAL = 0.1


#: an organisation name calqued word by word («Navigation des Eaux Grises»), where the text shows the
#: pivot; its English form written elsewhere in the text
ORG_CALQUE_PIVOT = 0.62
ORG_CALQUE_WRITTEN = 0.85

#: a surname written as a lower-case French word right after a given name («Adam forgeron»)
NAME_WORD_LOWER = 0.6
#: ... written capitalised («Jacek Renard»): French surnames are words too, so only beside the pivot
NAME_WORD_CAPITALISED = 0.55


def clip(conf: float, ceiling: float = CEILING) -> float:
    """``conf`` within [:data:`FLOOR`, ``ceiling``]."""
    return max(FLOOR, min(ceiling, conf))


def open_world(conf: float) -> float:
    """``conf`` capped at :data:`OPEN_WORLD_CAP` (nothing around the word supports the correction)."""
    return min(conf, OPEN_WORLD_CAP)


def case_weight(in_doc: bool, lower: bool) -> float:
    """A miscased one-word mention (``lower``: written all lower-case)."""
    return CASE_WEIGHT if in_doc or not lower else CASE_LOWER_WEIGHT


def locale_weight(zipf: float, common_zipf: float) -> float:
    """A one-word locale convention: nothing when the word is a common French word (``zipf`` at least
    ``common_zipf``)."""
    return LOCALE_WEIGHT if zipf < common_zipf else 0.0


def corrupt_weight(similarity: float) -> float:
    """A corrupted one-word mention by its similarity to the variant it matched."""
    return {1.0: CORRUPT_EXACT_WEIGHT, FOLDED_SIMILARITY: CORRUPT_FOLDED_WEIGHT}.get(
        similarity, CORRUPT_FUZZY_BASE + CORRUPT_FUZZY_PER_SIMILARITY * similarity)


def multi_word_weight(anchored: bool, corrupt_similarities: list[float], in_doc: bool) -> float:
    """A mention of several words: anchored by a right token or not, the worst corrupted token's
    similarity, the entity named nearby."""
    base = ANCHORED_WEIGHT if anchored else UNANCHORED_WEIGHT
    if corrupt_similarities:
        base -= DISSIMILARITY_PENALTY * (1.0 - min(corrupt_similarities))
    return base + (MULTI_NAMED_NEARBY_BONUS if in_doc else 0.0)


def given_name_confidence(sim: float, present: int) -> float:
    """A garbled given name of similarity ``sim``, its person named ``present`` times."""
    return round(min(GIVEN_CEILING, GIVEN_BASE + sim * GIVEN_PER_SIMILARITY
                     + (GIVEN_PRESENT_BONUS if present > 1 else 0.0)), 3)


def spelling_score(en_zipf: float, fr_zipf: float, markers: int, count: int) -> float:
    """How likely a spelling is the right one: known to wordfreq as a word or name, free of
    romanisation digraphs (``markers`` of them), frequent in the document (``count``)."""
    return SPELLING_EN_WEIGHT * en_zipf + fr_zipf - SPELLING_MARKER_PENALTY * markers \
        + SPELLING_COUNT_WEIGHT * math.log(count)


def variant_confidence(gain: float, declined: bool) -> float:
    """The less likely of two spellings of one name, the other ``gain`` points likelier."""
    return round(min(VARIANT_CEILING, VARIANT_BASE + VARIANT_PER_GAIN * gain
                     + (VARIANT_DECLINED_BONUS if declined else 0.0)), 3)


def pivot_form_confidence(dominance: float, real: bool) -> float:
    """A pivot form of a real name whose original is ``dominance`` times commoner (``real``: the word
    is itself a real spelling)."""
    return PIVOT_FORM_BASE + PIVOT_FORM_PER_DECADE * min(PIVOT_FORM_MAX_DECADES, math.log10(dominance)) \
        - (PIVOT_FORM_REAL_PENALTY if real else 0.0)


def model_score(logp: float, prior: float, rank: int) -> float:
    """How a transliteration-model proposal ranks among the model's n-best."""
    return logp + MODEL_RANK_PRIOR_WEIGHT * prior - MODEL_RANK_PENALTY * rank


def model_confidence(prior: float, logp: float, sig: float, signature_open: float) -> float:
    """A transliteration-model proposal of prior ``prior`` and log-probability ``logp`` for a word of
    pivot signature ``sig``, within [:data:`MODEL_FLOOR`, :data:`MODEL_MAX_CONFIDENCE`]."""
    conf = MODEL_FLOOR + MODEL_PER_PRIOR * (prior - MODEL_MIN_PRIOR) + MODEL_SURE_BONUS * (logp > MODEL_SURE_LOGP) \
        + MODEL_PER_SIGNATURE * max(0.0, sig - signature_open)
    return round(max(MODEL_FLOOR, min(MODEL_MAX_CONFIDENCE, conf)), 3)


def homograph_weight(in_doc: bool, slots: int, cap_mid: bool, common: list[tuple[str, float]]) -> float:
    """A pivot homograph: entity named nearby or not, ``slots`` signs from the parse that a person
    stands there, capitalised inside a sentence, ``common``: signs of the common noun with their weights."""
    conf = HOMOGRAPH_NAMED_WEIGHT if in_doc else HOMOGRAPH_UNNAMED_WEIGHT
    conf += HOMOGRAPH_PER_SLOT * min(HOMOGRAPH_MAX_SLOTS, slots) + (HOMOGRAPH_CAPITAL_BONUS if cap_mid else 0.0)
    conf -= sum(w for _, w in common)
    return conf


def calque_weight(nparts: int, in_doc: bool, caps: bool, slots: int) -> float:
    """A calque of ``nparts`` content words: entity named nearby, capitalised, ``slots`` signs from the
    parse that a person stands there (counted for a one-word calque only)."""
    if nparts == 1:
        return CALQUE_ONE_BASE + (CALQUE_ONE_CAPITAL if caps else 0.0) + CALQUE_ONE_PER_SLOT * slots
    return CALQUE_MULTI_BASE + (CALQUE_MULTI_NAMED if in_doc else 0.0) + (CALQUE_MULTI_CAPITAL if caps else 0.0)
