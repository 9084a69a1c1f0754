"""A language-aware "sounds-like" index of real name spellings: which real spellings a re-romanised name
can come from.

A Russian pivot writes a foreign name the way Russian transcribes it (standard practice, as in
Ermolovich's and Gil'ching's tables: German «Jürgen Schimmelpfennig» → «Юрген Шиммельпфенниг», Dutch
«Maarten Verhoeven» → «Мартен Верховен», Hungarian «Zsófia Halász» → «Жофия Халас», Swedish «Björn
Sjöqvist» → «Бьёрн Шёквист», Polish «Wróblewska» → «Врублевская») and then prints that Cyrillic in Latin
letters («Yurgen Shimelpfenig», «Zhofiya Khalas», «Vrublevskaya»). This module runs the first step for
every real name spelling we know — :func:`respell` writes a Latin-alphabet name in Cyrillic by the rules
of its language — and reduces the Cyrillic to a :func:`key` that the romanisations of the schemes of
:mod:`mtreview.knowledge.transliteration` share (romanising by any of them and reducing with
:func:`latin_key` gives the same key: double letters collapsed, kh/h/x, zh/dzh, ts/tz/c, y/i/j, ye/e,
yo/e merged). The index maps a key to the real spellings (with language and frequency) that give it;
:func:`candidates` reads it for a re-romanised word, its Russian case ending stripped, exact key first,
then keys one edit away.

Sources: the Latin-script tokens of Wikidata person names (:func:`mtreview.knowledge.spellings.name_tokens`,
CC0), each respelt in the languages where wordfreq knows it (:mod:`mtreview.knowledge.name_languages`)
or, unknown there, in those its letters point to. The index is built once (a few seconds) into the
user's cache, like :mod:`~mtreview.knowledge.name_languages`'s table (a sorted text file read through a
memory map: it opens in milliseconds), and read only when a name needs a suggestion. It knows no particular name: the rules are each language's ordinary transcription.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------------------------------------- rules

_VOWELS = "aeiouyäöüåæøéèêëáíóúýàìòùâîôûőűãõěůıœ"
_FRONT = "eiyäöüéèêëíýæøœ"
_LETTERS = "a-zß" + _VOWELS + "çñšžčřďťňłśćźżąęğşđ"

#: Latin letter → Cyrillic, where no rule of the language says otherwise
_DEFAULT = {
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "й",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з", "ß": "сс", "ä": "е", "ö": "ё", "ü": "ю",
    "å": "о", "æ": "е", "ø": "ё", "œ": "ё", "ç": "с", "ñ": "нь", "š": "ш", "ž": "ж", "č": "ч", "ř": "рж",
    "ł": "л", "ś": "сь", "ć": "ч", "ź": "ж", "ż": "ж", "ą": "он", "ę": "ен", "ğ": "", "ş": "ш", "ı": "ы",
    "đ": "дж", "ď": "дь", "ť": "ть", "ň": "нь", "ě": "е", "ů": "у", "ő": "ё", "ű": "ю",
}

# A rule is "context-pattern cyrillic[|alternative…]". In the pattern, a leading «^» is the start of the
# word, «(V)» a vowel before; a trailing «$» is the end of the word, «[F]» a front vowel after, «[V]» a
# vowel after, «[C]» a consonant or the end after. Longer patterns are tried first at each position.
_SCANDINAVIAN = """
sch ш | skj ш | stj ш | sj ш | sk[F] ш|ск | kj ч|ш | tj ч|ш | k[F] ч|к | g[F] й|г | ^hj й | ^gj й | ^lj й
^dj й | ck к | qv кв | ph ф | th т | z с | c[F] с | c к | y ю|и | å о | aa о | ä е | æ е | ö ё | ø ё
"""
RULES: dict[str, str] = {
    "de": """
tsch ч | sch ш | ^sp шп | ^st шт | chs кс | ch х | ck к | tz ц | z ц | ei ай | ey ай | ai ай | ay ай
eu ой | äu ой | ie и | ä е | ö ё | ü ю | ß с | ^s[V] з | (V)s[V] з | w в | v ф|в | j й | qu кв | ph ф
th т | (V)h[C] - | l[C] ль | c[F] ц | c к | y ю|и | x кс | dt т
""",
    "nl": """
sch сх | ch х | g х|г | ij ей | ei ей | ey ей | ui ёй|ей | oe у|о | ou ау | au ау | eu ё|е | ie и | aa а
ee е | oo о | uu ю | u ю|у | j й | v в|ф | w в | z з | c[F] с | c к | y ей|и | th т | ph ф
""",
    "it": """
gli[V] ль | gli ли | gn нь | sch ск | sci[V] ш | sc[F] ш | ch к | gh г | cci[V] ч | ci[V] ч | c[F] ч
c к | ggi[V] дж | gi[V] дж | g[F] дж | zz ц|дз | z ц|дз | qu кв | h - | j й | y и | (V)s[V] з | w в
""",
    "es": """
ch ч | ll ль|й | ñ нь | qu к | gu[F] г | gü гу | j х | g[F] х | c[F] с | z с | h - | y[V] й | y и
x кс|х | v в
""",
    "pt": """
lh ль | nh нь | ch ш | x ш | j ж | g[F] ж | ç с | c[F] с | qu[F] к | qu кв | gu[F] г | ão ан|ау
ões оэнс|оиш | õe ои | ã ан | os$ уш|ос | o$ у|о | e$ и|е | s$ ш|с | z$ ш|с | (V)s[V] з | h -
""",
    "pl": """
szcz щ | sz ш | cz ч | rz ж | ch х | dź дж | dż дж | dz дз | ó у | ł в|л | ń нь | ś сь|ш | ć ць|ч | ź ж
ż ж | ą он | ę ен|е | w в | c ц | j й | ie е | ia я | io ё|ио | iu ю | y ы | ska$ ская | ski$ ский
cka$ цкая | cki$ цкий | wicz вич
""",
    "cs": """
ch х | č ч | š ш | ž ж | ř рж | c ц | ě е | ň нь | ť ть | ď дь | j й | ů у | ý ы|и | y ы|и | h г
w в | ová$ ова | ský$ ский | ská$ ская | ou оу
""",
    "hu": """
dzs дж | sz с | cs ч | zs ж | gy дь | ny нь | ly й | ty ть | s ш | c ц | ch х | j й | ö ё | ő ё | ü ю
ű ю | y и | w в
""",
    "sv": _SCANDINAVIAN + " | u у|ю",
    "nb": _SCANDINAVIAN + " | u у|ю",
    "da": _SCANDINAVIAN + " | u у|ю | ^j й",
    "fi": """
y ю | ä я|е | ö ё | j й | w в | z ц|з | ts ц
""",
    "tr": """
ç ч | ş ш | c дж | ğ - | ı ы | ö ё | ü ю | j ж | y й
""",
    "en": """
^mac мак | ^mc мак | tch ч | sh ш | ch ч|х | th т|с | ph ф | wh у | w[V] у | w - | dge дж | j дж
g[F] дж|г | gh х|- | c[F] с | ck к | c к | qu кв | x кс | ee и | ea и | oo у | ou ау | ow$ оу | ay ей
ai ей | ey$ и | y$ и | y[V] й | igh ай | ^kn н | ^wr р | bh в | mh в | e$ -|е | oa о | au о | aw о
ie$ и
""",
    "fr": """
eaux о | eau о | ault о | oux у | ou у | oi уа | au о | ch ш | gn нь | j ж | g[F] ж | c[F] с | ç с
qu к | gu[F] г | ill[V] й | ai е | ei е | eu ё | u ю | h - | th т | ph ф | y и | s$ - | t$ - | x$ -
d$ - | z$ - | er$ е|ер | é е | è е | ê е
""",
}
LANGUAGES = tuple(RULES)

#: letters or endings that point to a language when wordfreq does not know the spelling
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((lang, re.compile(p)) for lang, p in (
    ("pl", r"sz|cz|rz|[łśżźńąę]|ski$|ska$|cki$|cka$|wicz|^prz"),
    ("cs", r"[čřěůť]|ová$|ský$|ská$"),
    ("hu", r"[őű]|cs|zs|gy|ny$|sz|ly$"),
    ("tr", r"[şğı]|oğlu$"),
    ("pt", r"ão|õe|lh|nh|ção|ç"),
    ("es", r"ñ|ez$|guez$|ll|ch"),
    ("it", r"gli|gn|zz|cch|cci|ggi|sc[ie]|[^aeiou]i$|ini$|ello$"),
    ("de", r"sch|ß|tz|ck|[äöü]|ei|eu|mann$|berg$|stein$"),
    ("nl", r"ij|oe|aa|uu|ui|^van|sch|kx"),
    ("sv", r"sj|skj|stj|kj|tj|[åäö]|qv|son$|berg$|ström$"),
    ("da", r"[æø]|sen$|aa"),
    ("fi", r"ää|yy|nen$|kk|[äö]"),
    ("fr", r"eau|ou|[éèêç]|ault$|eux$|ier$|ard$"),
))

_CTX_START = f"(?<![{_LETTERS}])"
_CTX_END = f"(?![{_LETTERS}])"


def _compile(spec: str) -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]:
    """The rules of one language as one pattern of alternatives, longest first (a group each), and the
    Cyrillic alternatives of each group; a letter no rule takes falls to the last group."""
    rules: list[tuple[str, str]] = []
    for line in spec.splitlines():
        for item in line.split(" | "):
            if item.strip():
                pat, dst = item.split()
                rules.append((pat, dst))
    parts: list[tuple[int, str, tuple[str, ...]]] = []
    for pat, dst in rules:
        pre = post = ""
        if pat.startswith("^"):
            pre, pat = _CTX_START, pat[1:]
        elif pat.startswith("(V)"):
            pre, pat = f"(?<=[{_VOWELS}])", pat[3:]
        if pat.endswith("$"):
            post, pat = _CTX_END, pat[:-1]
        elif pat.endswith("[F]"):
            post, pat = f"(?=[{_FRONT}])", pat[:-3]
        elif pat.endswith("[V]"):
            post, pat = f"(?=[{_VOWELS}])", pat[:-3]
        elif pat.endswith("[C]"):
            post, pat = f"(?![{_VOWELS}])", pat[:-3]
        alts = tuple("" if a == "-" else a for a in dst.split("|"))
        parts.append((len(pat), f"({pre}{re.escape(pat)}{post})", alts))
    parts.sort(key=lambda p: -p[0])  # stable: among equals, the order written
    pattern = re.compile("|".join(p[1] for p in parts) + "|(.)", re.DOTALL)
    return pattern, tuple(p[2] for p in parts)


@functools.cache
def _rules(lang: str) -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]:
    return _compile(RULES[lang])


#: at most this many Cyrillic spellings of one name in one language
MAX_VARIANTS = 4


@functools.lru_cache(maxsize=4096)
def _default(ch: str) -> str:
    d = _DEFAULT.get(ch)
    if d is None:
        from unidecode import unidecode

        d = "".join(_DEFAULT.get(c, "") for c in unidecode(ch).lower())
    return d


def respell(name: str, lang: str) -> list[str]:
    """The Cyrillic spellings Russian gives ``name`` (one Latin-alphabet token) written in ``lang`` (one of
    :data:`LANGUAGES`), the usual one first: ``respell("Schimmelpfennig", "de")`` → ``["шиммельпфенниг"]``."""
    pattern, alternatives = _rules(lang)
    outs = [""]
    last = len(alternatives) + 1
    for m in pattern.finditer(name.lower()):
        g = m.lastindex
        alts = (_default(m.group(g)),) if g == last else alternatives[g - 1]  # type: ignore[index]
        if len(alts) == 1:
            outs = [o + alts[0] for o in outs]
        else:
            outs = [o + a for o in outs for a in alts][:MAX_VARIANTS]
    return outs


# ---------------------------------------------------------------------------------------------- keys

_CYR_KEY = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "J", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "H", "ц": "C", "ч": "Q", "ш": "W", "щ": "W", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "iu", "я": "ia",
})
#: romanisation digraphs of the schemes, longest first, to the key's letters (upper case: one Cyrillic
#: letter each)
_LATIN_DIGRAPHS = (("shch", "W"), ("tsch", "Q"), ("shh", "W"), ("sch", "W"), ("tch", "Q"), ("dzh", "J"), ("zh", "J"),
                   ("kh", "H"), ("ch", "Q"), ("sh", "W"), ("ts", "C"), ("tz", "C"), ("yo", "e"), ("jo", "e"),
                   ("x", "H"), ("h", "H"), ("c", "C"), ("w", "v"), ("q", "k"), ("y", "i"), ("j", "i"))
_LATIN_RE = re.compile("|".join(a for a, _ in _LATIN_DIGRAPHS))
_LATIN_MAP = dict(_LATIN_DIGRAPHS)
_DOUBLE = re.compile(r"(.)\1+")


def _finish(s: str) -> str:
    s = s.replace("ie", "e")  # ye/e, ье/е: the schemes differ there
    return _DOUBLE.sub(r"\1", s)


@functools.lru_cache(maxsize=200_000)
def key(cyrillic: str) -> str:
    """The sounds-like key of a Cyrillic spelling (lower case): «Юрген» → ``iurgen``, «Шёквист» → ``Wekvist``
    (дж and ж share a letter, as dzh and zh do in the romanisations)."""
    s = cyrillic.lower().replace("йо", "ё").replace("ьо", "ё").replace("дж", "ж")
    return _finish(s.translate(_CYR_KEY))


@functools.lru_cache(maxsize=200_000)
def latin_key(token: str) -> str:
    """The key of a romanisation of Russian («Yurgen», «Iurgen», «Jurgen» → ``iurgen``): what :func:`key`
    gives the Cyrillic it romanises, whatever the scheme (BGN/PCGN, passport, GOST, ad hoc)."""
    from unidecode import unidecode

    s = re.sub(r"[^a-z]", "", unidecode(token).lower())
    return _finish(_LATIN_RE.sub(lambda m: _LATIN_MAP[m.group(0)], s))


# ---------------------------------------------------------------------------------------------- the index

#: a name token is respelt in the languages where wordfreq has it at least this frequent (Zipf) ...
LANGUAGE_MIN_ZIPF = 2.0
#: ... in at most this many of them, the commonest first
MAX_LANGUAGES = 3
#: the frequency a name token unknown to wordfreq gets
NAME_TOKEN_ZIPF = 1.0
#: Russian case endings a re-romanised name takes (:mod:`mtreview.detectors.names.declined`), and the
#: nominative endings they replace
CASE_ENDINGS = (("skoy", "skaya"), ("skuyu", "skaya"), ("skogo", "skiy"), ("skomu", "skiy"), ("skim", "skiy"),
                ("ogo", ""), ("omu", ""), ("oy", "a"), ("ey", "ya"), ("uyu", "aya"), ("om", ""), ("em", ""),
                ("ym", ""), ("u", "a"), ("u", ""), ("yu", "ya"), ("a", ""), ("e", ""), ("y", "a"), ("i", "a"))
#: a stem keeps at least this many letters
MIN_STEM = 3
_VERSION = 1


@dataclass(frozen=True)
class Candidate:
    """A real spelling that sounds like the token: ``spelling`` (lower case), the ``language`` whose rules
    respell it to the token's key, its Zipf ``frequency`` there (:data:`NAME_TOKEN_ZIPF` for a name token
    wordfreq does not know), ``edits`` (0: the same key, 1: one letter apart), ``declined`` (found after
    a Russian case ending was stripped) and the ranking ``score``."""

    spelling: str
    language: str
    frequency: float
    edits: int
    declined: bool
    score: float


def guess_languages(spelling: str, row: tuple[float, ...] | None = None) -> list[str]:
    """The languages to respell a real name token in: those where wordfreq knows it (commonest first;
    ``row``: its Zipf in each of :data:`~.name_languages.NAME_LANGUAGES`, looked up when not given), and
    those its letters point to; English and German when nothing does."""
    from .name_languages import NAME_LANGUAGES, language_zipfs

    if row is None:
        row = language_zipfs(spelling)
    langs: list[str] = []
    if row:
        langs = [lang for z, lang in sorted(zip(row, NAME_LANGUAGES, strict=True), reverse=True)
                 if z >= LANGUAGE_MIN_ZIPF][:MAX_LANGUAGES]
    low = spelling.lower()
    for lang, cue in _CUES:
        if len(langs) >= MAX_LANGUAGES:
            break
        if lang not in langs and cue.search(low):
            langs.append(lang)
    return langs or ["en", "de"]


def _language_rows(tokens: list[str]) -> list[tuple[float, ...] | None]:
    """:func:`~.name_languages.language_zipfs` of many tokens at once (one vectorised search)."""
    import unicodedata

    import numpy as np

    from .name_languages import SCALE, _key, _table

    keys, zipfs = _table()
    ks = np.fromiter((_key(unicodedata.normalize("NFC", t.casefold())) for t in tokens), dtype=np.uint64,
                     count=len(tokens))
    at = np.minimum(np.searchsorted(keys, ks), len(keys) - 1)
    found = np.asarray(keys[at]) == ks
    rows = np.asarray(zipfs[at]).astype(np.float32) / SCALE
    return [tuple(float(round(z, 2)) for z in rows[i]) if found[i] else None for i in range(len(tokens))]


def build() -> dict[str, str]:
    """key → the real spellings that respell to it, packed «spelling language Zipf» and «;»-separated,
    commonest first, over the Wikidata name tokens (module docstring)."""
    from .name_languages import NAME_LANGUAGES
    from .spellings import name_tokens

    tokens = sorted(t for t in name_tokens() if t.isalpha() and len(t) >= 2)
    index: dict[str, dict[str, tuple[str, float]]] = {}
    for tok, row in zip(tokens, _language_rows(tokens), strict=True):
        for lang in guess_languages(tok, row):
            z = row[NAME_LANGUAGES.index(lang)] if row and lang in NAME_LANGUAGES else 0.0
            freq = z if z > 0 else NAME_TOKEN_ZIPF
            for cyr in respell(tok, lang):
                got = index.setdefault(key(cyr), {})
                old = got.get(tok)
                if old is None or freq > old[1]:
                    got[tok] = (lang, freq)
    return {k: ";".join(f"{s} {lang} {f:.2f}" for s, (lang, f) in sorted(v.items(), key=lambda e: -e[1][1]))
            for k, v in index.items()}


class _Index:
    """The index as the cache holds it: one text file of ``key<TAB>entries`` lines sorted by key, read
    through a memory map, and the byte offset of each line (a numpy array), searched by bisection; it
    opens in milliseconds, where unpickling a dictionary of 250,000 keys takes a good part of a second."""

    def __init__(self, folder: Path) -> None:
        import mmap

        import numpy as np

        with (folder / "index.txt").open("rb") as f:
            self.blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self.offsets = np.load(folder / "offsets.npy", mmap_mode="r")

    def _key_at(self, i: int) -> bytes:
        start = int(self.offsets[i])
        return self.blob[start:self.blob.find(b"\t", start)]

    def get(self, k: str) -> str | None:
        want = k.encode("ascii", "ignore")
        lo, hi = 0, len(self.offsets)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key_at(mid) < want:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(self.offsets) or self._key_at(lo) != want:
            return None
        start = int(self.offsets[lo]) + len(want) + 1
        end = self.blob.find(b"\n", start)
        return self.blob[start:end if end >= 0 else len(self.blob)].decode("utf-8")


def save(folder: Path, table: dict[str, str]) -> None:
    """Write the index (:func:`build`) into ``folder`` as :class:`_Index` reads it (a temporary folder,
    then renamed)."""
    import numpy as np

    from ..loading import save_cached_folder

    lines = [f"{k}\t{v}\n".encode() for k, v in sorted(table.items())]
    offsets = np.zeros(len(lines), dtype=np.int64)
    pos = 0
    for i, line in enumerate(lines):
        offsets[i] = pos
        pos += len(line)

    def write(tmp: Path) -> None:
        (tmp / "index.txt").write_bytes(b"".join(lines))
        np.save(tmp / "offsets.npy", offsets)

    save_cached_folder(folder, write)


@functools.lru_cache(maxsize=1)
def index() -> _Index:
    """The index (:func:`build`), from the user's cache (built there on first use)."""
    import hashlib

    from ..loading import cache_root
    from .spellings import NAME_TOKENS_FILE

    size = NAME_TOKENS_FILE.stat().st_size if NAME_TOKENS_FILE.exists() else 0
    rules = hashlib.sha256(repr((sorted(RULES.items()), _CUES, _DEFAULT)).encode()).hexdigest()[:12]
    folder = cache_root() / f"respelling-{_VERSION}-{size}-{rules}"
    if not (folder / "offsets.npy").exists():
        import logging

        logging.getLogger("mtreview").info("building the sounds-like index of name spellings (once)")
        save(folder, build())
        for old in folder.parent.glob("respelling-*"):
            if old != folder and old.is_dir() and not old.name.startswith(folder.name):
                import shutil

                shutil.rmtree(old, ignore_errors=True)
    return _Index(folder)


def entries(k: str) -> list[tuple[str, str, float]]:
    """The (spelling, language, Zipf) of the index under key ``k``."""
    got = index().get(k)
    if not got:
        return []
    out = []
    for e in got.split(";"):
        s, lang, f = e.split(" ")
        out.append((s, lang, float(f)))
    return out


_KEY_LETTERS = "abdefgiklmnoprstuvzCHJQW"


def _one_edit(k: str) -> set[str]:
    out: set[str] = set()
    for i in range(len(k) + 1):
        if i < len(k):
            out.add(k[:i] + k[i + 1:])
            for c in _KEY_LETTERS:
                if c != k[i]:
                    out.add(k[:i] + c + k[i + 1:])
        for c in _KEY_LETTERS:
            out.add(k[:i] + c + k[i:])
    out.discard(k)
    return out


def stems(token: str) -> list[tuple[str, bool]]:
    """``token`` and its nominatives with a Russian case ending stripped («Martenom» → «Marten»), as
    (form, declined)."""
    low = token.lower()
    out = [(low, False)]
    for end, nom in CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= MIN_STEM:
            form = low[: len(low) - len(end)] + nom
            if (form, True) not in out and form != low:
                out.append((form, True))
    return out


#: ranking: what one edit, a stripped case ending and the language hint weigh against a unit of Zipf
EDIT_PENALTY = 3.0
#: a spelling's frequency counts up to this Zipf (above it a word is common in its language, «jest» in
#: Polish, which says nothing of how likely a name it is)
FREQUENCY_CAP = 4.0
DECLINED_PENALTY = 1.0
HINT_BONUS = 2.0


def candidates(token: str, language: str | None = None, max_edits: int = 1, limit: int = 10) -> list[Candidate]:
    """Real spellings that sound like ``token`` (a re-romanised name, possibly in a Russian case form),
    best first: the same key before one edit away, the undeclined token before a stripped ending, the
    commoner spelling first, and a spelling of ``language`` (when given) before others."""
    best: dict[str, Candidate] = {}
    for form, declined in stems(token):
        k = latin_key(form)
        if len(k) < MIN_STEM:
            continue
        probes = [(k, 0)] + ([(e, 1) for e in _one_edit(k)] if max_edits >= 1 and len(k) >= 4 else [])
        for probe, edits in probes:
            for spelling, lang, freq in entries(probe):
                if spelling == form:
                    continue
                score = min(freq, FREQUENCY_CAP) - EDIT_PENALTY * edits - DECLINED_PENALTY * declined \
                    + (HINT_BONUS if language and lang == language else 0.0)
                old = best.get(spelling)
                if old is None or score > old.score:
                    best[spelling] = Candidate(spelling, lang, freq, edits, declined, round(score, 3))
    return sorted(best.values(), key=lambda c: (-c.score, c.spelling))[:limit]
