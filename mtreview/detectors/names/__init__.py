"""The names detector: proper names that a translation chain broke.

Categories: ``name/corrupted`` (re-romanised, declined or garbled), ``name/translated`` (a name
rendered as a common noun through a pivot homograph, or calqued word by word), ``name/spelling``
(wrong casing of a brand or name), ``name/locale`` (English or Russian convention where French has
its own form), ``name/inconsistent`` (one entity written several correct ways in one document).

How it decides (all knowledge comes from :mod:`mtreview.knowledge`):

1. ``prepare`` reads the whole document once and notes which entities are named correctly in it
   (document evidence: «Musk» 26 times makes «le masque» suspect).
2. Each word is looked up in the knowledge base's variant indexes (exact, folded Latin, fuzzy by
   pivot key); consecutive words that match successive tokens of one entity form a mention. A mention
   with a corrupted token is flagged when it is anchored (another token is right, the entity is in the
   document, or the word is unknown to French and English).
3. Pivot homographs and calques are flagged when the document names the entity elsewhere or the
   parse puts the word where a person stands (subject of *déclarer*, object of *persuader*,
   possessor of *biographie*); a common-noun reading (plural, adjective, *porter un …*) weighs against.

Confidence is a sum of evidence weights clipped to [0.05, 0.99] (:mod:`.confidence`); the weights were
set on the project's synthetic evaluation set (``bench/names_eval.py``), where a threshold of 0.8 keeps
precision above 95 %. It must not special-case any word or name: words and names are data.

Modules:

* :mod:`.detector` — :class:`NamesDetector` (``prepare`` / ``detect`` / ``finish``), the registered class;
* :mod:`.tokens` — words with offsets, spelling comparisons, French forms of a correction;
* :mod:`.romanisation` — signs in one word of a romanisation from Cyrillic;
* :mod:`.evidence` — :class:`NameEvidence` of a document, and :func:`names_entity`, the one rule for
  "this word names that entity" (the batch prefilter uses it too);
* :mod:`.mentions` — candidates of a word in the base, mentions, their status;
* :mod:`.confidence` — the named weights and the sums they enter;
* :mod:`.slots` — the parse's evidence that a word stands where a person does;
* :mod:`.explain` — the French explanations;
* the checks, in the order they run: :mod:`.known` (known entities' mentions, garbled given names),
  :mod:`.russian_locale`, :mod:`.document_variants`, :mod:`.pivot_forms`, :mod:`.open_vocabulary`
  (the transliteration model), :mod:`.calques`, :mod:`.homographs`, and after the whole text
  :mod:`.inconsistent`.
"""

from __future__ import annotations

from .confidence import NAME_TOKEN_PRIOR, OPEN_WORLD_CAP
from .detector import NamesDetector
from .evidence import (
    EVIDENCE_WINDOW,
    NAMING_KINDS,
    PIVOT_SIGNALS,
    NameEvidence,
    gather_evidence,
    names_entity,
)
from .explain import TYPE_FR
from .homographs import HOMOGRAPH_SLOT_ZIPF
from .mentions import (
    CANDIDATE_CACHE_SIZE,
    CASE,
    CORRUPT,
    LOCALE,
    LOWERCASE_RARE_ZIPF,
    LOWERCASE_WORD_ZIPF,
    OK,
    STATUS_CATEGORY,
    Match,
    Mention,
)
from .pivot_forms import PIVOT_FORM_COMMON_ZIPF
from .romanisation import (
    CYRILLIC_COUNTRIES,
    PIVOT_FORM_DOMINANCE,
    PIVOT_FORM_REAL_DOMINANCE,
    SIGNATURE_OPEN,
    SIGNATURE_STRONG,
)
from .slots import CONTEXT_FILE, person_context
from .tokens import (
    ROMAN_RE,
    WORD_RE,
    Word,
    iter_words,
    keeps_original,
    merge_spaced_hyphens,
    name_case,
    with_article,
)

__all__ = [
    "CANDIDATE_CACHE_SIZE", "CASE", "CONTEXT_FILE", "CORRUPT", "CYRILLIC_COUNTRIES", "EVIDENCE_WINDOW",
    "HOMOGRAPH_SLOT_ZIPF", "LOCALE", "LOWERCASE_RARE_ZIPF", "LOWERCASE_WORD_ZIPF", "NAME_TOKEN_PRIOR",
    "NAMING_KINDS", "OK", "OPEN_WORLD_CAP", "PIVOT_FORM_COMMON_ZIPF", "PIVOT_FORM_DOMINANCE",
    "PIVOT_FORM_REAL_DOMINANCE", "PIVOT_SIGNALS", "ROMAN_RE", "SIGNATURE_OPEN", "SIGNATURE_STRONG",
    "STATUS_CATEGORY", "TYPE_FR", "WORD_RE", "Match", "Mention", "NameEvidence", "NamesDetector", "Word",
    "gather_evidence", "iter_words", "keeps_original", "merge_spaced_hyphens", "name_case", "names_entity",
    "person_context", "with_article",
]
