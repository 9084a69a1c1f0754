"""The names knowledge base: entities with their French, English and Russian forms, and the indexes
that model how a pivot translation through Russian corrupts them.

Entities come from ``knowledge/data/names/*.tsv`` (see the README there for columns and sources) and
from user glossaries. For every entity token the base derives:

* correct forms: the French press form (``fr``), aliases, and the English form (``en``: correct in
  French only where it equals the French form, else a ``name/locale`` variant);
* pivot variants: the Russian token in every case form (:func:`case_forms`), romanised by every scheme
  (:data:`SCHEMES`) — what an MT system prints when it re-romanises Cyrillic («Ilon», «Mileya»);

and indexes them three ways: exact lower-case string, folded Latin (:func:`normalise_latin`) and a
coarse pivot key for fuzzy look-ups. Loaded lazily, cached in memory, never mutated by detectors;
user additions go through :meth:`NameKnowledgeBase.add_entities`.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .transliteration import SCHEMES, case_forms, has_cyrillic, normalise_latin, pivot_key, romanise

if TYPE_CHECKING:  # pragma: no cover
    from .calques import CalqueIndex
    from .homographs import HomographIndex

DATA_DIR = Path(__file__).parent / "data"
NAMES_DIR = DATA_DIR / "names"
COLUMNS = ["id", "type", "fr", "en", "ru", "aliases", "country", "role", "source", "note"]
TYPES = {"person", "organisation", "brand", "place"}
_TOKEN_SPLIT = re.compile(r"\s+")


@dataclass
class Entity:
    id: str
    type: str
    fr: str
    en: str = ""
    ru: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    role: str = ""
    source: str = ""
    user: bool = False  # from a user glossary: preferred over built-in entries

    @property
    def fr_tokens(self) -> list[str]:
        return _TOKEN_SPLIT.split(self.fr.strip())

    @property
    def en_tokens(self) -> list[str]:
        return _TOKEN_SPLIT.split((self.en or self.fr).strip())

    @property
    def ru_tokens(self) -> list[str]:
        if not self.ru:
            return []
        toks = [t.strip("«»\"“”„()[],.;:") for t in _TOKEN_SPLIT.split(self.ru.strip())]
        return [t for t in toks if t]

    @property
    def english_only_tokens(self) -> set[str]:
        """Tokens of the English form that the French form does not use (Dmitry vs Dmitri)."""
        fr_low = {t.lower() for t in self.fr_tokens}
        return {t for t in self.en_tokens if t.lower() not in fr_low}

    @property
    def correct_aliases(self) -> list[str]:
        """Aliases, less those that merely repeat the English convention (a data-entry habit)."""
        en_only = {t.lower() for t in self.english_only_tokens}
        en_full = (self.en or "").lower()
        out = []
        for a in self.aliases:
            al = a.lower()
            if al == en_full and en_full != self.fr.lower():
                continue
            if " " not in a and al in en_only:
                continue
            out.append(a)
        return out

    def correct_forms(self) -> list[str]:
        forms = [self.fr] + [a for a in self.correct_aliases if a]
        return list(dict.fromkeys(forms))


@dataclass(frozen=True)
class Variant:
    """One way a token of an entity may be written: ``kind`` is fr | alias | en | pivot."""

    entity: int  # index in NameKnowledgeBase.entities
    token: int  # index into the entity's fr/en token lists (-1: whole alias)
    kind: str
    form: str  # the variant as generated (original case)
    detail: str = ""  # case and scheme for pivot variants, e.g. "gen/bgn"


def _by_similarity(p: tuple[Variant, float]) -> tuple:
    """Best first, ties in a fixed order (whatever the process's string hash seed)."""
    v = p[0]
    return (-p[1], v.entity, v.token, v.kind, v.form, v.detail)


def _indexable(token: str) -> bool:
    """Name tokens worth indexing: not particles written in lower case («de», «bin», «von»)."""
    if not token or not token[:1].isalpha():
        return False
    if token[:1].islower() and "-" not in token and not any(c.isupper() for c in token[1:]):
        return False
    return len(token) >= 2


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header:
            return rows
        header = [h.strip() for h in header]
        for row in reader:
            if not row or not any(c.strip() for c in row):
                continue
            d = dict(zip(header, row, strict=False))
            rows.append({k: (d.get(k) or "").strip() for k in COLUMNS})
    return rows


def _align_ru(en_tokens: list[str], ru_tokens: list[str]) -> list[int | None]:
    """For each Russian token, the index of the English token it transcribes (None if unsure)."""
    if not ru_tokens:
        return []
    if len(ru_tokens) == len(en_tokens):
        return list(range(len(ru_tokens)))
    from rapidfuzz.distance import Levenshtein

    out: list[int | None] = []
    for rt in ru_tokens:
        rom = normalise_latin(romanise(rt, "bgn"))
        best, best_sim = None, 0.0
        for i, et in enumerate(en_tokens):
            sim = Levenshtein.normalized_similarity(rom, normalise_latin(et))
            if sim > best_sim:
                best, best_sim = i, sim
        out.append(best if best_sim >= 0.5 else None)
    return out


class NameKnowledgeBase:
    """Entities and the variant indexes the names detector looks words up in."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.entities: list[Entity] = []
        self.by_id: dict[str, int] = {}
        #: lower-case variant string → variants
        self.exact: dict[str, list[Variant]] = defaultdict(list)
        #: folded Latin form → variants
        self.folded: dict[str, list[Variant]] = defaultdict(list)
        #: pivot key → folded forms
        self.keys: dict[str, set[str]] = defaultdict(set)
        #: lower-case multi-word correct forms and calques → entity indexes
        self.phrases: dict[str, set[int]] = defaultdict(set)
        #: lower-case tokens of any correct form of any entity
        self.correct_tokens: set[str] = set()
        #: the indexes derived from the entities, built on first use and kept here (see
        #: :func:`~mtreview.knowledge.calques.get_calque_index` and
        #: :func:`~mtreview.knowledge.homographs.get_homograph_index`); the calque index is pickled with
        #: the built-in base, the homograph index is read from its shipped file in each process
        self.calques: CalqueIndex | None = None
        self.homographs: HomographIndex | None = None
        self.add_entities(entities)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["homographs"] = None
        return state

    # ------------------------------------------------------------------ building
    def add_entities(self, entities: Iterable[Entity]) -> None:
        self.calques = self.homographs = None  # derived from the entities: rebuilt on next use
        for e in entities:
            if not e.fr:
                continue
            if e.id in self.by_id:
                if not e.user:
                    continue
                # a user entry overrides a built-in one with the same id
            idx = len(self.entities)
            self.entities.append(e)
            self.by_id[e.id] = idx
            self._index_entity(idx, e)

    def _add(self, v: Variant) -> None:
        if not _indexable(v.form):
            return
        low = v.form.lower()
        lst = self.exact[low]
        # one variant per (entity, token, kind) and string: the first scheme that produced it is kept
        if not any(o.entity == v.entity and o.token == v.token and o.kind == v.kind for o in lst):
            lst.append(v)
        fold = normalise_latin(v.form)
        if fold:
            fl = self.folded[fold]
            if not any(o.entity == v.entity and o.token == v.token and o.kind == v.kind for o in fl):
                fl.append(v)
            self.keys[pivot_key(v.form)].add(fold)

    def _index_entity(self, idx: int, e: Entity) -> None:
        fr_t, en_t = e.fr_tokens, e.en_tokens
        for i, t in enumerate(fr_t):
            self._add(Variant(idx, i, "fr", t))
            self.correct_tokens.add(t.lower())
        for alias in e.correct_aliases:
            a_t = _TOKEN_SPLIT.split(alias)
            for t in a_t:
                self.correct_tokens.add(t.lower())
            if len(a_t) == 1:
                # a one-word alias is usually the surname: align it with the token it equals
                pos = next((i for i, t in enumerate(fr_t) if t.lower() == alias.lower()), -1)
                if pos == -1 and len(fr_t) > 1:
                    from rapidfuzz.distance import Levenshtein

                    sims = [Levenshtein.normalized_similarity(normalise_latin(alias), normalise_latin(t))
                            for t in fr_t]
                    best = max(range(len(fr_t)), key=lambda k: sims[k])
                    pos = best if sims[best] >= 0.7 else -1
                self._add(Variant(idx, pos, "alias", alias))
            self.phrases[alias.lower()].add(idx)
        self.phrases[e.fr.lower()].add(idx)
        if e.en:
            self.phrases[e.en.lower()].add(idx)
        same_len = len(en_t) == len(fr_t)
        for i, t in enumerate(en_t):
            tok_idx = i if same_len else -1
            if t.lower() in (x.lower() for x in fr_t):
                continue
            self._add(Variant(idx, tok_idx, "en", t))
        # pivot variants from the Russian form, aligned with the English tokens
        ru_t = e.ru_tokens
        if ru_t and has_cyrillic(e.ru):
            align = _align_ru(en_t, ru_t)
            for rt, ai in zip(ru_t, align, strict=False):
                if ai is None:
                    continue
                tok_idx = ai if same_len else -1
                for form, case in case_forms(rt):
                    for scheme in SCHEMES:
                        rom = romanise(form, scheme)
                        if rom:
                            self._add(Variant(idx, tok_idx, "pivot", rom, f"{case}/{scheme}"))
                    fr_rom = romanise(form, "french")
                    self._add(Variant(idx, tok_idx, "pivot", fr_rom, f"{case}/french"))

    # ------------------------------------------------------------------ look-ups
    def lookup(self, word: str) -> list[Variant]:
        """Variants written exactly ``word`` (case-insensitive)."""
        return self.exact.get(word.lower(), [])

    def lookup_folded(self, word: str) -> list[Variant]:
        return self.folded.get(normalise_latin(word), [])

    def fuzzy(self, word: str, min_similarity: float = 0.75, limit: int = 20) -> list[tuple[Variant, float]]:
        """Variants whose folded form is close to ``word``'s (same pivot key), best first."""
        from rapidfuzz.distance import Levenshtein

        fold = normalise_latin(word)
        if len(fold) < 4:
            return []
        need = min_similarity if len(fold) > 5 else max(min_similarity, 0.8)
        out: list[tuple[Variant, float]] = []
        for cand in sorted(self.keys.get(pivot_key(word), ())):  # sorted: sets iterate by string hash
            if cand[:1] != fold[:1]:
                continue
            sim = Levenshtein.normalized_similarity(fold, cand)
            if sim >= need:
                for v in self.folded.get(cand, ()):
                    out.append((v, sim))
        out.sort(key=_by_similarity)
        return out[:limit]

    def is_correct_token(self, word: str) -> bool:
        return word.lower() in self.correct_tokens

    def prefilter_strings(self) -> list[str]:
        """Lower-case strings whose presence in a segment means the names detector must look at it."""
        out = set(self.exact)
        out.update(self.phrases)
        from .calques import get_calque_index
        from .homographs import get_homograph_index

        out.update(get_calque_index(self).phrases)
        out.update(get_homograph_index(self).words)
        return sorted(s for s in out if len(s) >= 2)

    def settled_tokens(self) -> list[str]:
        """Single tokens that, written exactly so (case included), need no review on their own.

        A token qualifies when it is written so in a correct form (kind ``fr`` or ``alias``: «Williams»,
        «Land», «Mary») and is neither a homograph word nor a calque: the names detector never flags a
        one-word mention that is a correct token (whatever other entity it may also be a variant of), so
        the prefilter of ``normalise`` treats them like correct forms when no capitalised word touches
        them: «Mary» alone does not select a segment, while «Jan Bremmer», «MARY», «Mask» or «masque»
        still do."""
        from .calques import get_calque_index
        from .homographs import get_homograph_index

        risky = set(get_homograph_index(self).words) | set(get_calque_index(self).phrases)
        out: set[str] = set()
        for low, variants in self.exact.items():
            if low in risky:
                continue
            out.update(v.form for v in variants if v.kind in ("fr", "alias") and " " not in v.form)
        return sorted(out)

    def __len__(self) -> int:
        return len(self.entities)


def read_entities(path: Path, user: bool = False) -> list[Entity]:
    ents = []
    for r in _read_tsv(path):
        if not r["fr"] or r["type"] not in TYPES:
            continue
        ents.append(Entity(
            id=r["id"] or re.sub(r"[^a-z0-9]+", "-", r["fr"].lower()).strip("-"),
            type=r["type"], fr=r["fr"], en=r["en"] or r["fr"], ru=r["ru"],
            aliases=[a.strip() for a in r["aliases"].split("|") if a.strip()],
            country=r["country"], role=r["role"], source=r["source"] or path.name, user=user,
        ))
    return ents


def builtin_files() -> list[Path]:
    return sorted(NAMES_DIR.glob("*.tsv"))


def _cache_path() -> Path:
    """Where the compiled base is cached: keyed by the data files and the code that derives variants."""
    import hashlib

    h = hashlib.sha256()
    here = Path(__file__).parent
    sources = [here / "names.py", here / "transliteration.py", here / "calques.py",
               DATA_DIR / "lexicon" / "name_parts_en_fr.tsv"]
    for p in builtin_files() + sources:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    from ..loading import cache_root

    return cache_root() / f"names-kb-{h.hexdigest()[:16]}.pickle"


@functools.lru_cache(maxsize=1)
def get_kb() -> NameKnowledgeBase:
    """The built-in knowledge base, compiled once and cached on disk (see :func:`kb_with_glossary`)."""
    import logging

    from ..loading import load_cached, save_cached

    path = _cache_path()
    kb = load_cached(path, NameKnowledgeBase)
    if kb is not None:
        return kb
    logging.getLogger("mtreview").info("compiling the names knowledge base (once)")
    ents: list[Entity] = []
    for p in builtin_files():
        ents.extend(read_entities(p))
    kb = NameKnowledgeBase(ents)
    from .calques import get_calque_index

    get_calque_index(kb)  # built now, kept on the base (kb.calques) and pickled with it
    save_cached(path, kb, "names-kb-*.pickle")
    return kb


class _MergedIndex(dict):
    """Read-only view of two indexes: user entries first, then the built-in ones (lists are
    concatenated, sets joined, so a look-up returns what the plain base's would)."""

    def __init__(self, user: dict, base: dict) -> None:
        super().__init__()
        self.user, self.base = user, base

    def get(self, key, default=None):  # type: ignore[override]
        u, b = self.user.get(key), self.base.get(key)
        if u is None:
            return b if b is not None else default
        if isinstance(u, set):
            return u | b if b else set(u)
        return list(u) + list(b or ())

    def __getitem__(self, key):
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __contains__(self, key) -> bool:
        return key in self.user or key in self.base

    def __iter__(self):
        yield from self.user
        yield from (k for k in self.base if k not in self.user)

    def __len__(self) -> int:
        return len(set(self.user) | set(self.base))


class OverlayKnowledgeBase(NameKnowledgeBase):
    """The built-in base with user entities on top, without copying or re-indexing the base.

    User entities take the indexes after the built-in ones; their variants are looked up first and
    their ids hide built-in entities with the same id.
    """

    def __init__(self, base: NameKnowledgeBase, user: list[Entity]) -> None:
        self.base = base
        self.entities = list(base.entities)
        self.by_id = dict(base.by_id)
        local = NameKnowledgeBase()
        offset = len(base.entities)
        for e in user:
            e.user = True
        local.add_entities(user)
        self.entities.extend(local.entities)
        for i, e in enumerate(local.entities):
            self.by_id[e.id] = offset + i

        def shift(index: dict) -> dict:
            return {k: [Variant(v.entity + offset, v.token, v.kind, v.form, v.detail) for v in vs]
                    for k, vs in index.items()}

        self.exact = _MergedIndex(shift(local.exact), base.exact)
        self.folded = _MergedIndex(shift(local.folded), base.folded)
        keys: dict[str, set[str]] = {k: set(v) for k, v in local.keys.items()}
        self.keys = _MergedIndex(keys, base.keys)
        self.phrases = _MergedIndex({k: {i + offset for i in v} for k, v in local.phrases.items()}, base.phrases)
        self.correct_tokens = base.correct_tokens | local.correct_tokens
        self.calques = None
        self.homographs = None
        self.user_offset = offset


def kb_with_glossary(glossary: Iterable[Entity] | None) -> NameKnowledgeBase:
    """The built-in base plus user glossary entities (an overlay; the cached base is not touched)."""
    if not glossary:
        return get_kb()
    import copy

    return OverlayKnowledgeBase(get_kb(), [copy.copy(e) for e in glossary])
