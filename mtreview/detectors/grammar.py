"""The grammar detector (``fluency/grammar``): Grammalecte's grammar rules, plus a few parse-based rules.

Grammalecte (Debian ``python3-grammalecte``) checks each segment; its errors come with exact offsets,
a message and suggestions, and are mapped to our categories by the Grammalecte option that raised them
(:data:`OPTION_MAP`: agreement, conjugation, homophone confusions … → ``fluency/grammar``; hyphenation
→ ``fluency/spelling``). Its typography options are switched off (the typography detector owns them) and
so is ``apos`` (straight apostrophes). Errors that sit on a proper name are dropped: Grammalecte does not
know the names of a news text and reads «on Ukraine» as a pronoun before a noun.

The project rules (:meth:`GrammarDetector._parse_rules`) catch what translations through a pivot produce
and Grammalecte misses, from the spaCy parse: «très» modifying a verb («il dépend très de»), «demander à
quelqu'un à faire», and a singular verb whose subject is coordinated or plural.

Speed: Grammalecte is pure Python and about as slow as the spaCy parse. When the reviewer calls
``prepare(text)`` (before it parses), the segments are sent to one Grammalecte worker process, which then
runs while the main process parses; ``detect`` collects the results (and checks in-process whatever it
did not receive). Set ``MTREVIEW_GRAMMAR_WORKER=0`` to keep everything in one process.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from typing import Any

from ..document import Document, line_segments
from ..flags import Flag
from . import BaseDetector, word_order
from .french import grammar_checker, in_spans, is_sentence_initial, morph_tags, protected_spans

#: Grammalecte option → (category, severity, confidence). Options absent here are switched off. The
#: confidences follow how much more often each option fires on the weakest WMT22 de→fr system than on
#: the human reference (agreement and homophones least, participles and elision most).
OPTION_MAP: dict[str, tuple[str, str, float]] = {
    "conj": ("fluency/grammar", "major", 0.85),
    "infi": ("fluency/grammar", "major", 0.6),
    "vmode": ("fluency/grammar", "major", 0.7),
    "gn": ("fluency/grammar", "minor", 0.55),
    "ppas": ("fluency/grammar", "minor", 0.75),
    "imp": ("fluency/grammar", "minor", 0.7),
    "inte": ("fluency/grammar", "minor", 0.6),
    "conf": ("fluency/grammar", "major", 0.55),
    "loc": ("fluency/grammar", "minor", 0.65),
    "eleu": ("fluency/grammar", "minor", 0.7),
    "bs": ("fluency/grammar", "minor", 0.5),
    "pleo": ("fluency/grammar", "minor", 0.4),
    "date": ("fluency/grammar", "major", 0.8),
    "tu": ("fluency/spelling", "minor", 0.6),
    "misc": ("fluency/grammar", "minor", 0.5),
}
#: Grammalecte rules measured as firing at least as often on human references as on MT output (WMT21 +
#: WMT22 de→fr: the two human references against the 15 systems, per 1,000 lines): reported below 0.5.
#: * agreement of an adjective two or more words after its determiner (``g3__gn_…_2m``, ``_3m``): 6.7 on
#:   the references against 4.5 on the systems — the attachment is a guess («les risques pour la santé
#:   associés», «l'année écoulée» read with «rapport»);
#: * hyphenation (option ``tu``: «ces cas là», «par dessus», «c'est à dire»): 2.7 against 1.6 — a
#:   convention human writers skip, rarely an MT error.
LOW_RULE_RE = re.compile(r"^g3__gn_\w*_[2-9]m__")
LOW_OPTIONS = {"tu"}
LOW_CONFIDENCE = 0.45
#: a homophone rule (option ``conf``) whose suggestion the fr-mono n-grams find at least ten times less
#: likely in the sentence than the written word (log10 difference) is reported at :data:`LOW_CONFIDENCE`:
#: «le sceau de Salomon» (→ «seau»), «l'expérience de pensée» (→ «pansée») are French; on the dev half of
#: the clean references the real confusions («fait parti», «Qui à conçu», «le plu connu») all score above −1
HOMOPHONE_FIT_MIN = -1.0
#: rules that fire mostly on the proper names and quotations of translated news (measured on WMT22)
DISABLED_RULES = {"g2__conf_on_non_verbe__b1_a3_1"}
#: rule-id prefixes dropped for the same reason (sentence-initial verbs read as imperatives)
DISABLED_PREFIXES = ("gv1__imp_verbe_groupe2_groupe3_t",
                     # an adjective after «prep + noun» or a number: the attachment is a guess (measured on
                     # WMT22 references, where these rules fired more than on the weakest system)
                     "g3__gn_pfx_", "g3__gn_nombre_chiffres")


def grammalecte_options() -> dict[str, bool]:
    """Grammalecte's options with only the grammar checks of :data:`OPTION_MAP` switched on."""
    opts = dict(grammar_checker().getGCEngine().getDefaultOptions())
    for k in opts:
        opts[k] = k in OPTION_MAP
    return opts


def check_paragraphs(paragraphs: list[str]) -> list[list[dict[str, Any]]]:
    """Grammalecte's grammar errors for each paragraph (offsets relative to the paragraph)."""
    gce = grammar_checker().getGCEngine()
    opts = grammalecte_options()
    out = []
    for p in paragraphs:
        errs = []
        for e in gce.parse(p, "FR", dOptions=opts):
            errs.append({k: e.get(k) for k in ("nStart", "nEnd", "sRuleId", "sType", "sMessage", "aSuggestions")})
        out.append(errs)
    return out


# --------------------------------------------------------------------------- worker process
class GrammalecteWorker:
    """Grammalecte in a child process (``python3 -m mtreview.detectors.grammar --serve``).

    One JSON line per request (a list of paragraphs) and per answer (their errors). Requests queue up
    and one background thread sends them in order and reads the answers, so the caller keeps working
    (parsing) meanwhile. A plain subprocess, not ``multiprocessing``: the caller's main module is never
    re-imported.
    """

    def __init__(self) -> None:
        import queue
        import subprocess
        from pathlib import Path

        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the mtreview package
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mtreview.detectors.grammar", "--serve"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", bufsize=1,
            env=env)
        self.queue: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        atexit.register(self.close)

    def alive(self) -> bool:
        return self.proc.poll() is None and self.thread.is_alive()

    def _loop(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            paragraphs, fut = item
            try:
                assert self.proc.stdin is not None and self.proc.stdout is not None
                self.proc.stdin.write(json.dumps(paragraphs, ensure_ascii=False) + "\n")
                self.proc.stdin.flush()
                line = self.proc.stdout.readline()
                if not line:
                    raise RuntimeError("grammalecte worker stopped")
                fut.set_result(json.loads(line))
            except BaseException as e:  # noqa: BLE001 - reported through the future
                fut.set_exception(e)

    def submit(self, paragraphs: list[str]) -> Future:
        fut: Future = Future()
        self.queue.put((paragraphs, fut))
        return fut

    def close(self) -> None:
        self.queue.put(None)
        if self.proc.poll() is None:
            try:
                if self.proc.stdin:
                    self.proc.stdin.close()
                self.proc.wait(timeout=2)
            except Exception:  # noqa: BLE001
                self.proc.kill()


_WORKER: GrammalecteWorker | None = None
_WORKER_LOCK = threading.Lock()


def get_worker() -> GrammalecteWorker:
    """The process-wide Grammalecte worker, started on first use (restarted if it died)."""
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is None or not _WORKER.alive():
            _WORKER = GrammalecteWorker()
        return _WORKER


def serve() -> None:
    """Worker loop: read a JSON list of paragraphs per line, answer with their errors."""
    grammar_checker()
    for line in sys.stdin:
        if not line.strip():
            continue
        sys.stdout.write(json.dumps(check_paragraphs(json.loads(line)), ensure_ascii=False) + "\n")
        sys.stdout.flush()


def worker_enabled() -> bool:
    return os.environ.get("MTREVIEW_GRAMMAR_WORKER", "1") != "0" and (os.cpu_count() or 1) >= 2


class GrammarDetector(BaseDetector):
    """Grammalecte's grammar errors and the project's parse-based grammar rules."""

    name = "grammar"
    categories = ("fluency/grammar", "fluency/spelling", "fluency/typography")

    #: characters per request to the worker: the first chunks come back while later ones are checked
    BATCH_CHARS = 20_000

    def __init__(self, use_worker: bool | None = None, parse_rules: bool = True) -> None:
        self.use_worker = worker_enabled() if use_worker is None else use_worker
        self.parse_rules = parse_rules

    # ------------------------------------------------------------------ asynchronous checking
    def prepare(self, text: str) -> dict[str, tuple[Future, int]] | None:
        """Start checking ``text``'s segments in the worker process while the reviewer parses; the
        evidence is paragraph → (its batch's future, its index in the batch), ``None`` without a worker."""
        if not self.use_worker:
            return None
        pending: dict[str, tuple[Future, int]] = {}
        paras = list(dict.fromkeys(text[s.start:s.end] for s in line_segments(text)))
        try:
            worker = get_worker()
            batch: list[str] = []
            size = 0
            for p in paras + [None]:
                if p is None or size + len(p) > self.BATCH_CHARS and batch:
                    fut = worker.submit(batch)
                    for i, q in enumerate(batch):
                        pending[q] = (fut, i)
                    batch, size = [], 0
                if p is not None:
                    batch.append(p)
                    size += len(p)
        except Exception:  # noqa: BLE001 - no worker: check in-process
            self.use_worker = False
            return None
        return pending

    @staticmethod
    def _results(paragraphs: list[str],
                 pending: dict[str, tuple[Future, int]] | None) -> list[list[dict[str, Any]]]:
        """Grammalecte's errors of each paragraph: from the worker's answer when :meth:`prepare` sent it
        (taken out of ``pending``), else checked in-process."""
        got: dict[str, list[dict[str, Any]]] = {}
        for p in paragraphs:
            item = pending.pop(p, None) if pending else None
            if item is None:
                continue
            try:
                got[p] = item[0].result(timeout=600)[item[1]]
            except Exception:  # noqa: BLE001 - checked in-process below
                pass
        missing = list(dict.fromkeys(p for p in paragraphs if p not in got))
        if missing:
            for p, errs in zip(missing, check_paragraphs(missing), strict=True):
                got[p] = errs
        return [got[p] for p in paragraphs]

    # ------------------------------------------------------------------ detection
    def detect(self, document: Document,
               evidence: dict[str, tuple[Future, int]] | None = None) -> Iterator[Flag]:
        """Flags of ``document``; ``evidence`` is what :meth:`prepare` sent to the worker."""
        text = document.text
        segs = document.segments
        paragraphs = [text[s.start:s.end] for s in segs]
        results = self._results(paragraphs, evidence)
        protected = protected_spans(text)
        for i, (seg, errs) in enumerate(zip(segs, results, strict=True)):
            doc = document.segment_doc(i)
            yield from self._grammalecte_flags(text, seg.start, errs, doc, protected)
            if self.parse_rules:
                yield from self._parse_rules(text, seg.start, doc)

    def _grammalecte_flags(self, text: str, offset: int, errs: Iterable[dict[str, Any]], doc: Any,
                           protected: list[tuple[int, int]]) -> Iterator[Flag]:
        seen: set[str] = set()
        for e in errs:
            opt = e.get("sType") or "notype"
            rule = e.get("sRuleId") or ""
            if opt not in OPTION_MAP or rule in DISABLED_RULES or rule.startswith(DISABLED_PREFIXES):
                continue
            start, end = offset + e["nStart"], offset + e["nEnd"]
            if end <= start or in_spans(start, end, protected):
                continue
            if self._on_name(doc, e["nStart"], e["nEnd"]) or self._greeting(doc, e["nStart"]):
                continue
            if self._context_excuses(doc, e["nStart"], e["nEnd"], rule):
                continue
            # one error, one flag: Grammalecte offers the two ways out of a disagreement («Le prochaine
            # match»: «La» or «prochain») as two errors of the same rule (``…_a1_1``, ``…_a2_1``)
            base = re.sub(r"_a\d+_\d+$", "", rule)
            if base != rule and base in seen:
                continue
            seen.add(base)
            category, severity, conf = OPTION_MAP[opt]
            if opt in LOW_OPTIONS or LOW_RULE_RE.match(rule):
                conf = LOW_CONFIDENCE
            sugg = [s for s in (e.get("aSuggestions") or []) if s != text[start:end]][:5]
            if text[start:end] in {"A", "E"} and sugg[:1] in (["À"], ["É"]):
                category, severity = "fluency/typography", "minor"  # an accent missing on a capital
            if not sugg:
                conf -= 0.1
            evidence: dict[str, Any] = {"engine": "grammalecte", "rule": rule, "option": opt}
            if opt == "conf" and sugg:
                fit = self._homophone_fit(doc, e["nStart"], e["nEnd"], sugg[0])
                if fit is not None:
                    evidence["ngram_fit"] = fit
                    if fit <= HOMOPHONE_FIT_MIN:
                        conf = min(conf, LOW_CONFIDENCE)  # the written word fits its context far better
            yield Flag(start=start, end=end, text=text[start:end], category=category, severity=severity,
                       confidence=round(conf, 3), suggestions=sugg,
                       explanation=(e.get("sMessage") or "").strip() + " (Grammalecte)",
                       detector=self.name, evidence=evidence)

    @staticmethod
    def _homophone_fit(doc: Any, start: int, end: int, suggestion: str) -> float | None:
        """How much likelier the fr-mono n-grams find the suggested homophone than the written word in
        its context (log10: the word and the two after it, given the two before it); ``None`` unless
        one word replaces one word and the n-gram model is there."""
        from ..knowledge.ngrams import get_ngrams

        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1 or " " in suggestion.strip() or not span[0].is_alpha:
            return None
        model = get_ngrams()
        if model is None:
            return None
        tok = span[0]
        sent = tok.sent
        left = [t.text for t in doc[max(sent.start, tok.i - 2):tok.i]]
        right = [t.text for t in doc[tok.i + 1:min(sent.end, tok.i + 3)] if not t.is_punct]
        written = model.logprob([tok.text, *right], left)
        other = model.logprob([suggestion, *right], left)
        return round(other - written, 3)

    @staticmethod
    def _on_name(doc: Any, start: int, end: int) -> bool:
        """True when the span covers a proper name, or is a determiner agreeing with one («la E 95»)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        for t in span:
            if t.text[:1].isupper() and not is_sentence_initial(t) and (t.ent_type_ or t.pos_ == "PROPN"):
                return True
        last = span[-1]
        if last.pos_ == "DET" and last.i + 1 < len(doc):
            nxt = doc[last.i + 1]
            if nxt.text[:1].isupper() or any(c.isdigit() for c in nxt.text):
                return True
        return False

    #: verbs after which «si» opens an indirect question, where the conditional is right («il ne savait
    #: pas s'il l'utiliserait»)
    _INDIRECT_QUESTION = {"savoir", "demander", "ignorer", "interroger", "vérifier", "voir", "comprendre",
                          "dire", "préciser", "expliquer", "deviner", "douter"}
    #: words before «de» that take an adjective or a participle, not an infinitive («quelque chose de cassé»)
    _DE_ADJECTIVE = {"chose", "rien", "quoi", "personne", "quelqu'un", "quelqu’un", "ceci", "cela", "ça"}
    #: note names, in a key («en la majeur», «en mi bémol»)
    _NOTES = {"do", "ut", "ré", "mi", "fa", "sol", "la", "si"}
    _KEY_WORDS = {"majeur", "mineur", "bémol", "dièse"}

    @classmethod
    def _context_excuses(cls, doc: Any, start: int, end: int, rule: str) -> bool:
        """True when the parse shows the construction Grammalecte's rule ``rule`` misreads."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        first, last = span[0], span[-1]
        sent = first.sent
        if "nom_propre" in rule:
            return True  # agreement with a proper name, whose gender the lexicon cannot know
        if "élisions_manquantes" in rule or "élisions_superflues" in rule:
            m = re.match(r"\s*([^\W\d_]+)", doc.text[end:])
            w = m.group(1) if m else ""
            if w.lower().startswith("h") and (w[:1].isupper() or not morph_tags(w.lower())):
                return True  # «de Hunter», «d'Henry VIII», «de hobbits»: the h of a name or of a word the
                #              lexicon does not know may be aspirated or not
        if ("conf_de_vconj" in rule or "infi_de_verbe" in rule) and first.i > 0 and \
                doc[first.i - 1].lower_ in {"l'", "l’", "le", "la", "les", "un", "une", "des", "du"}:
            return True  # after a determiner it is a noun: «l'anime», «de l'anime»
        if "conf_de_vconj" in rule and len(span) == 1 and first.i > 0 and \
                doc[first.i - 1].lower_ in {"de", "d'", "d’"} and last.i + 1 < len(doc) and \
                doc[last.i + 1].pos_ == "ADJ" and doc[last.i + 1].morph.get("VerbForm") != ["Part"]:
            return True  # an adjective follows: a noun after «de» («une série d'anime japonaise»)
        if "élisions_manquantes" in rule and cls._foreign_title_next(doc, end):
            return True  # «l'auteur de In Verrem», «de In My Heart…»: a title in another language
        if "ppas_" in rule and "_que_" in rule and cls._agrees_with_other_antecedent(doc, first):
            return True  # «l'Oscar de la meilleure chanson qu'il n'avait pas remporté»: «qu'» is «l'Oscar»
        if "ppas_avoir" in rule and cls._agrees_with_fronted_object(doc, first):
            return True  # «Combien de films a-t-il réalisés ?»: the object comes first, the participle agrees
        if ("gn_vingt" in rule or "gn_cent" in rule) and cls._year_in_words(doc, first, last):
            return True  # «en mille neuf cent quatre-vingt»: a year is an ordinal, «vingt» stays invariable
        if "date_jour_mois" in rule and cls._date_as_topic(doc, span):
            return True  # «Le 31 février est-il une date réelle ?»: the text speaks of the date itself
        if cls._title_near(doc, first, last):
            return True  # a title right before or after: «de N'oublie pas de vivre», «Quand Au guet ! a-t-il»
        if "__conf_" in rule and first.i > sent.start:
            prev = doc[first.i - 1]
            if prev.text[:1].isupper() and not is_sentence_initial(prev) and prev.is_alpha:
                return True  # inside a title or after a name: «le livre Je et Tu», «Quel âge a Tour Hassan»
        if "__conf_" in rule and last.i + 1 < len(doc):
            nxt = doc[last.i + 1]
            if nxt.text[:1].isupper() and not is_sentence_initial(nxt) and (nxt.ent_type_ or nxt.pos_ == "PROPN") \
                    and nxt.pos_ != "DET" and nxt.lower_ not in cls._TITLE_DETS:
                return True  # before a name: «la guerre des Cent Ans»
        if "substantif_à_substantif" in rule and last.i + 1 < len(doc) and doc[last.i + 1].text[:1].isupper():
            return True  # «Quel âge a Tour Hassan ?»: «a» before a name is the verb
        if last.i + 2 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 2].lower_ == last.lower_:
            return True  # a word repeated for emphasis: «très, très sérieuse»
        if "peut_être" in rule and last.lower_ == "être" and last.i + 1 < len(doc) and \
                doc[last.i + 1].pos_ in {"DET", "ADJ", "NUM"} and first.i > sent.start:
            return True  # the verb «pouvoir être» before its attribute: «se désister peut être une forme de…»
        if rule.startswith("g2__ppas_") and first.morph.get("VerbForm") == ["Inf"] and \
                first.head.pos_ in {"VERB", "AUX"} and first.head.i < first.i:
            return True  # an infinitive governed by a verb: «je voudrais une fois de plus inviter»
        # a musical key: «Quintette en la majeur», «Symphonie en mi mineur»
        for t in span:
            if t.lower_ in cls._NOTES and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in cls._KEY_WORDS:
                return True
            if t.lower_ in cls._KEY_WORDS and t.i > 0 and doc[t.i - 1].lower_ in cls._NOTES:
                return True
        if "verbe_sujet_sing" in rule:
            # an inverted subject coordinated with «et»: «que suscitent la façon … et celle dont …»
            for t in doc[last.i + 1:sent.end]:
                if t.text in {".", ";", "?", "!", ":"}:
                    break
                if t.lower_ in {"et", "ainsi"} and t.i + 1 < len(doc) and \
                        doc[t.i + 1].pos_ in {"DET", "PRON", "PROPN"}:
                    return True
        if "si_sujet_conditionnel" in rule:
            before = [t for t in doc[sent.start:first.i] if t.lower_ in {"si", "s'", "s’"}]
            if before and any(t.lemma_ in cls._INDIRECT_QUESTION for t in doc[sent.start:before[-1].i]):
                return True
        if "infi_de_verbe" in rule:
            prev = [t for t in doc[max(sent.start, first.i - 4):first.i] if not t.is_space]
            de = next((t for t in reversed(prev) if t.lower_ == "de"), None)
            if de is not None and (de.text != de.lower_ or
                                   de.i > 0 and doc[de.i - 1].lower_ in cls._DE_ADJECTIVE):
                return True  # «Sky DE n'avait»: an abbreviation; «autre chose de cassé»: an adjective
        if "sans_sujet" in rule and first.dep_ == "conj" and \
                any(c.lower_ in {"et", "ou", "puis", "mais"} for c in first.children):
            return True  # «je retirerai … et commanderai ailleurs»: coordinated verbs share the subject
        if any(k in rule for k in cls._TITLE_AGREEMENT) and cls._title_before(doc, first):
            return True  # agreement with a title: «La Dame de glace est-il un épisode…», «Où se déroule Les Contes…»
        if "vmode_verbe_que_subjonctif" in rule and \
                any(t.lower_ in {"parce"} for t in doc[sent.start:first.i]):
            return True  # «ce n'est pas parce qu'il s'en défend qu'il n'est pas …»: indicative
        return False

    #: English words this common (wordfreq Zipf) and commoner in English than in French by a Zipf point
    #: are function words; capitalised after «de», they open a title in another language («In Verrem»)
    _FOREIGN_FUNCTION_ZIPF = 6.0

    @classmethod
    def _foreign_title_next(cls, doc: Any, end: int) -> bool:
        """True when the word after the span is a capitalised English (or Latin) function word: a title in
        another language starts there («de In My Heart…», «de In Verrem»), where French usage does not
        always elide."""
        from ..knowledge.lexicon import zipf

        m = re.match(r"\s*([^\W\d_]+)", doc.text[end:])
        if not m or not m.group(1)[:1].isupper():
            return False
        w = m.group(1).lower()
        en = zipf(w, "en")
        return en >= cls._FOREIGN_FUNCTION_ZIPF and en >= zipf(w, "fr") + 1.0

    _FRONTED = {"combien", "quel", "quelle", "quels", "quelles"}

    @classmethod
    def _agrees_with_fronted_object(cls, doc: Any, part: Any) -> bool:
        """True when an interrogative object stands before the verb («Combien de suites … a-t-il
        composées», «Quelles villes a-t-il visitées») and the participle ``part`` agrees with its noun in
        gender and number: the agreement is the rule, not an error."""
        ptags = [m for m in morph_tags(part.text) if ":Q" in m]
        if not ptags:
            return False
        lo = part.i  # the clause's start: the parser's sentences break at initials («J. S. Bach»)
        while lo > 0 and doc[lo - 1].text not in {".", "?", "!", ";", "\n"}:
            lo -= 1
        for t in doc[lo:part.i]:
            if t.lower_ not in cls._FRONTED:
                continue
            j = t.i + 1
            if t.lower_ == "combien":
                if j >= part.i or doc[j].lower_ not in {"de", "d'", "d’"}:
                    continue
                j += 1
            noun = next((x for x in doc[j:min(part.i, j + 3)] if x.pos_ in {"NOUN", "PROPN"}), None)
            if noun is None:
                continue
            ntags = [m for m in morph_tags(noun.text.lower()) if ":N" in m]
            for pt in ptags:
                g = ":f" if ":f" in pt else ":m" if ":m" in pt else ""
                n = ":p" if ":p" in pt else ":s" if ":s" in pt else ""
                if not g or not n:
                    continue
                for nt in ntags:
                    if (g in nt or ":e" in nt) and (n in nt or ":i" in nt):
                        return True
        return False

    @staticmethod
    def _agrees(part: str, noun: str) -> bool:
        """True when participle ``part`` has the gender and number of ``noun`` (Grammalecte's tags)."""
        ntags = [m for m in morph_tags(noun.lower()) + morph_tags(noun) if ":N" in m]
        for pt in (m for m in morph_tags(part) if ":Q" in m):
            g = ":f" if ":f" in pt else ":m" if ":m" in pt else ""
            n = ":p" if ":p" in pt else ":s" if ":s" in pt else ""
            if g and n and any((g in nt or ":e" in nt) and (n in nt or ":i" in nt) for nt in ntags):
                return True
        return False

    @classmethod
    def _agrees_with_other_antecedent(cls, doc: Any, part: Any) -> bool:
        """«N1 de N2 que … participle»: the relative pronoun may stand for N1 as well as N2. True when the
        participle ``part`` agrees with the head N1 of the noun phrase before «que» (Grammalecte takes the
        nearest noun, N2)."""
        que = next((t for t in reversed(doc[max(0, part.i - 8):part.i])
                    if t.lower_ in {"que", "qu'", "qu’"}), None)
        if que is None or que.i == 0:
            return False
        j = que.i - 1
        while j > 0 and doc[j].pos_ == "ADJ":
            j -= 1
        n2 = doc[j]
        if n2.pos_ not in {"NOUN", "PROPN"}:
            return False
        # the noun that N2 complements: «l'Oscar de la meilleure chanson», «le prix des œuvres»
        k = n2.i - 1
        while k > 0 and doc[k].pos_ in {"ADJ", "DET"}:
            k -= 1
        if doc[k].lower_ not in {"de", "du", "des", "d'", "d’"} or k == 0:
            return False
        k -= 1
        while k > 0 and doc[k].pos_ == "ADJ":
            k -= 1
        n1 = doc[k]
        return n1.pos_ in {"NOUN", "PROPN"} and cls._agrees(part.text, n1.text)

    @staticmethod
    def _year_in_words(doc: Any, first: Any, last: Any) -> bool:
        """True when the number ending at ``last`` is a year written in words: it starts with «mille» or
        «mil» followed by hundreds («mille neuf cent quatre-vingt») and no noun follows it (an amount is
        followed by what it counts: «deux mille quatre-vingts euros»)."""
        words = []
        j = first.i - 1
        while j >= 0 and (doc[j].lower_ in {"mille", "mil", "cent", "cents", "-"} or doc[j].like_num and
                          doc[j].is_alpha):
            words.append(doc[j].lower_)
            j -= 1
        if not ({"mille", "mil"} & set(words) and {"cent", "cents"} & set(words)):
            return False
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.pos_ in {"ADP", "CCONJ", "SCONJ", "VERB", "AUX", "PRON"}

    @staticmethod
    def _date_as_topic(doc: Any, span: Any) -> bool:
        """True when an impossible date without a year is what the sentence speaks about (the subject, or
        the complement of a noun: «l'impact du 31 février»), not when something is said to happen on it
        (a time adjunct: «signé le 30 février»)."""
        day = next((t for t in span if t.like_num), None)
        if day is None:
            return False
        if any(t.like_num and len(t.text) == 4 for t in doc[day.i + 1:min(len(doc), day.i + 4)]):
            return False  # a year: a dated event
        return day.dep_ in {"nsubj", "nsubj:pass"} or \
            day.dep_ == "nmod" and day.head.pos_ in {"NOUN", "PROPN"} and day.head.i < day.i

    #: agreement rules that a title as subject misleads (a work is named by its title, whatever its number
    #: and gender; the verb agrees with the title or with the work it names)
    _TITLE_AGREEMENT = ("interrogatif_pronom", "conj_les_nom", "verbe_sujet_pluriel", "verbe_sujet_sing",
                        "sans_sujet", "ppas_sujet", "ppas_3", "ppas_être", "ppas_det", "gn_tous", "gn_det_nom_de")
    _TITLE_DETS = {"le", "la", "les", "l'", "l’", "un", "une"}

    @classmethod
    def _title_before(cls, doc: Any, tok: Any) -> bool:
        """True when a title stands in ``tok``'s sentence before it or right after it: a capitalised
        article and a capitalised word («Les Contes d'Avonlea», «L'Orchidée noire»), or a capitalised
        word inside the sentence that is not a name («que Ne tirez pas sur l'oiseau moqueur»)."""
        sent = tok.sent
        for t in doc[sent.start:min(sent.end, tok.i + 3)]:
            if t.i == tok.i:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if t.lower_ in cls._TITLE_DETS and t.text[:1].isupper() and nxt is not None and \
                    nxt.text[:1].isupper() and nxt.is_alpha:
                return True
            if cls._title_word(t):
                return True
        return False

    @classmethod
    def _title_word(cls, t: Any) -> bool:
        """A capitalised grammatical word inside a sentence: a title starts («que Ne tirez pas…», «Au guet !»)."""
        return t.text[:1].isupper() and not is_sentence_initial(t) and \
            t.pos_ in {"VERB", "AUX", "ADV", "DET", "ADP", "PRON"} and t.ent_type_ in {"", "MISC"}

    @classmethod
    def _title_near(cls, doc: Any, first: Any, last: Any) -> bool:
        """A title word within two tokens of the span, or a capitalised article and noun just before it."""
        lo, hi = max(first.sent.start, first.i - 2), min(first.sent.end, last.i + 3)
        for t in doc[lo:hi]:
            if first.i <= t.i <= last.i:
                continue
            if cls._title_word(t) and t.lower_ not in {"le", "la", "les", "l'", "l’"}:
                return True
        return False

    _GREETINGS = {"bonjour", "bonsoir", "salut", "cher", "chère", "chers", "chères", "merci", "madame",
                  "monsieur", "mesdames", "messieurs", "coucou", "hello"}

    @staticmethod
    def _greeting(doc: Any, start: int) -> bool:
        """True for an error in the first words of a greeting («Bonjour chères amies»)."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        sent = span[0].sent
        words = [t for t in sent if t.is_alpha][:4]
        return bool(words) and words[0].lower_ in GrammarDetector._GREETINGS and \
            start <= words[-1].idx + len(words[-1].text)

    # ------------------------------------------------------------------ project rules
    def _parse_rules(self, text: str, offset: int, doc: Any) -> Iterator[Flag]:
        for t in doc:
            low = t.lower_
            if low == "très" and t.i > 0 and t.i + 1 < len(doc):
                prev, nxt = doc[t.i - 1], doc[t.i + 1]
                if prev.pos_ == "VERB" and prev.lemma_ not in self._COPULAS and \
                        nxt.pos_ in {"ADP", "DET", "PRON", "PUNCT", "SCONJ", "CCONJ"} and \
                        nxt.lower_ not in {"à", "en"}:
                    yield self._flag(text, offset, t, ["beaucoup", "fortement"], "minor", 0.8,
                                     "«\u00a0très\u00a0» ne modifie pas un verbe\u00a0: «\u00a0beaucoup\u00a0», "
                                     "«\u00a0fortement\u00a0».", "tres_verbe")
            if low == "à" and t.i + 1 < len(doc) and doc[t.i + 1].morph.get("VerbForm") == ["Inf"]:
                gov = self._governor_of_a_inf(doc, t)
                if gov is not None:
                    yield self._flag(text, offset, t, ["de"], "minor", 0.7,
                                     f"«\u00a0{gov.lemma_} à quelqu'un de faire\u00a0»\u00a0: «\u00a0de\u00a0» devant "
                                     "l'infinitif.", "demander_a_inf")
            if t.text == ",":
                f = self._comma_subject_verb(text, offset, doc, t)
                if f is not None:
                    yield f
            if t.pos_ == "VERB" and t.dep_ == "conj":
                f = self._second_person(text, offset, t)
                if f is not None:
                    yield f
            if t.pos_ in {"VERB", "AUX"} and t.morph.get("VerbForm") == ["Fin"]:
                for f in (self._agreement(text, offset, doc, t), self._sequence_of_tenses(text, offset, t)):
                    if f is not None:
                        yield f
            adv_flag = None
            if t.lower_ in _ORDER_ADVERBS and t.pos_ == "ADV":
                adv_flag = self._adverb_before_verb(text, offset, doc, t)
                if adv_flag is not None:
                    yield adv_flag
            found = word_order.find(doc, t)
            # the n-gram reading of an adverb's place is not repeated where the rule above flagged it
            if found is not None and not (adv_flag is not None and found[3] == "adverbe_avant_verbe_ngrams"):
                yield self._word_order_flag(text, offset, *found)

    def _word_order_flag(self, text: str, offset: int, first: Any, last: Any, sugg: str, rule: str) -> Flag:
        """A word-order finding of :mod:`.word_order` as a flag, with the confidence and wording of its
        rule (:data:`.word_order.RULES`: 0.6 for a nationality adjective, which poetry may invert; 0.7 for
        a superlative's place before its noun; 0.55–0.6 for the n-gram readings)."""
        s, e = offset + first.idx, offset + last.idx + len(last.text)
        conf, what = word_order.RULES[rule]
        return Flag(start=s, end=e, text=text[s:e], category="fluency/grammar", severity="minor",
                    confidence=conf, suggestions=[sugg],
                    explanation=(f"Ordre des mots : en français {what} (« {sugg} ») ; l'ordre écrit est "
                                 "celui du russe ou de l'anglais."),
                    detector=self.name, evidence={"engine": "parse", "rule": rule})

    def _adverb_before_verb(self, text: str, offset: int, doc: Any, adv: Any) -> Flag | None:
        """«Il déjà a dit», «le gouvernement souvent critique»: an adverb between the subject and the
        finite verb, in the place Russian (and English) give it («Он уже сказал»); French puts it after
        the verb or the auxiliary («il a déjà dit»). A subject clitic («il», «on», «je») cannot be
        separated from its verb by an adverb at all; a stressed pronoun can («elle aussi a», «nous aussi
        avons»: «aussi» and «même» after «elle», «nous» … are left alone), and after a noun only the
        adverbs that never qualify the noun are read («la France aussi a …» is French)."""
        if adv.i == 0 or adv.i + 1 >= len(doc):
            return None
        subj, verb = doc[adv.i - 1], doc[adv.i + 1]
        neg = verb.lower_ in {"ne", "n'", "n’"} and adv.i + 2 < len(doc)
        if neg:  # «jamais n'avait dépassé», «encore n'a pas publié»
            verb = doc[adv.i + 2]
        if verb.pos_ not in {"VERB", "AUX"} or verb.morph.get("VerbForm") != ["Fin"]:
            return None
        low = adv.lower_
        if subj.pos_ == "ADJ" and subj.dep_ == "amod" and subj.head.i < subj.i:
            subj = subj.head  # «le président russe souvent critique»
        if subj.lower_ in _SUBJECT_CLITICS:
            if subj.i > 0 and doc[subj.i - 1].text in {"-", "-t-"}:
                return None
            conf = 0.7
        elif subj.lower_ in _STRESSABLE_PRONOUNS:
            if low in _STRESSED_OK:
                return None
            conf = 0.6
        elif subj.pos_ in {"NOUN", "PROPN"} and subj.dep_ in {"nsubj", "nsubj:pass"} and subj.head.i in {
                verb.i, verb.head.i} and low not in _AFTER_NOUN_OK:
            conf = 0.55
        else:
            return None
        s = offset + adv.idx
        end = verb
        if neg:
            after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
            if after is not None and after.lower_ in {"pas", "plus", "point"} and low != "jamais":
                end = after  # «n'a pas encore»
            ne = doc[adv.i + 1].text
            sep = "" if ne.endswith(("'", "’")) else " "
            moved = f"{ne}{sep}{verb.text}" + (f" {end.text}" if end is not verb else "") + f" {adv.text}"
        else:
            moved = f"{verb.text} {adv.text}"
        e = offset + end.idx + len(end.text)
        return Flag(start=s, end=e, text=text[s:e], category="fluency/grammar", severity="minor",
                    confidence=conf, suggestions=[moved],
                    explanation=(f"Ordre des mots : en français l'adverbe « {adv.text} » suit le verbe "
                                 f"ou l'auxiliaire (« {moved} »), il ne se place pas entre le sujet et "
                                 "le verbe (ordre du russe ou de l'anglais)."),
                    detector=self.name, evidence={"engine": "parse", "rule": "adverbe_avant_verbe"})

    _COPULAS = {"être", "avoir", "sembler", "paraître", "devenir", "rester", "demeurer", "redevenir", "avérer",
                "trouver", "montrer", "révéler", "sentir"}
    _DE_INF_VERBS = {"demander", "conseiller", "ordonner", "interdire", "permettre", "proposer", "dire",
                     "suggérer", "recommander", "promettre", "reprocher", "défendre"}

    def _governor_of_a_inf(self, doc: Any, a: Any) -> Any:
        """The verb of «demander à quelqu'un à faire» when ``a`` is the second «à»."""
        for j in range(a.i - 1, max(-1, a.i - 10), -1):
            w = doc[j]
            if w.pos_ in {"VERB", "AUX"} and w.lemma_ not in self._DE_INF_VERBS:
                return None
            if w.lemma_ in self._DE_INF_VERBS and w.pos_ == "VERB":
                between = doc[w.i + 1:a.i]
                has_iobj = any(x.lower_ in {"à", "au", "aux"} for x in between) and \
                    any(x.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for x in between)
                clitic = w.i > 0 and doc[w.i - 1].lower_ in {"lui", "leur"} or \
                    w.i > 1 and doc[w.i - 2].lower_ in {"lui", "leur"}
                return w if has_iobj or clitic else None
        return None

    @staticmethod
    def _subject_is_plural(subj: Any) -> bool:
        if "Plur" in subj.morph.get("Number"):
            return True
        return any(c.dep_ == "conj" and any(cc.lower_ == "et" for cc in c.children) for c in subj.children)

    def _agreement(self, text: str, offset: int, doc: Any, t: Any) -> Flag | None:
        """A third-person singular verb whose subject is plural or coordinated with «et»."""
        if t.morph.get("Person") != ["3"] or t.morph.get("Number") != ["Sing"]:
            return None
        tags = morph_tags(t.text)
        if not any(":3s" in m for m in tags) or any(":3p" in m or ":Q" in m for m in tags):
            return None  # the form must be a third-person singular and nothing else
        head = t.head if t.pos_ == "AUX" and t.dep_.startswith("aux") else t
        if head is t and any(c.dep_.startswith("aux") for c in t.children):
            return None
        if any(c.lower_ in {"il", "ce", "c'", "c’", "cela", "ça", "on"} and c.dep_.startswith(("nsubj", "expl"))
               for c in head.children):
            return None
        if t.i + 1 < len(doc) and doc[t.i + 1].text.startswith("-"):
            return None  # inverted subject («a-t-il expliqué»)
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        via = "subject"
        if subj is None and head.dep_ == "conj":
            # «… travaillaient …, et a qualifié»: coordinated with a plural verb, no subject of its own
            prev_verb = head.head
            if not any(c.dep_ == "cc" and c.lower_ in {"et", "ou", "puis"} for c in head.children) or \
                    not any(":3p" in m for m in morph_tags(prev_verb.text)) or \
                    any(":3s" in m for m in morph_tags(prev_verb.text)):
                return None
            subj = next((c for c in prev_verb.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
            via = "coordination"
        if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or subj.i > t.i:
            return None
        if not self._subject_is_plural(subj):
            return None
        if self._not_the_subject(doc, subj, t):
            return None
        stags = morph_tags(subj.text)
        if "Plur" in subj.morph.get("Number") and (not stags or not all(":p" in m for m in stags
                                                                          if ":N" in m or ":M" in m)):
            return None  # the noun must be unambiguously plural («temps», «fois» are not)
        if any(c.lower_ in {"qui", "que", "chacun", "chaque"} for c in subj.subtree):
            return None
        # coordinated subjects: only when each conjunct is a noun phrase with a determiner
        if "Plur" not in subj.morph.get("Number"):
            conj = [c for c in subj.children if c.dep_ == "conj"]
            if not conj or not all(any(d.dep_ == "det" for d in c.children) for c in conj) or \
                    not any(d.dep_ == "det" for d in subj.children):
                return None
        from .french import conjugate_like

        sugg = []
        plural = _Plural(t)
        form = conjugate_like(t.lemma_ if t.pos_ == "VERB" else t.lemma_, plural)
        if form and form != t.text:
            sugg.append(form)
        return self._flag(text, offset, t, sugg, "minor", 0.6 if via == "subject" else 0.55,
                          f"Accord du verbe avec un sujet pluriel («\u00a0{subj.text}\u00a0…»).",
                          f"accord_sujet_{via}")

    _INTERROGATIVES = {"quel", "quelle", "quels", "quelles", "combien", "lequel", "laquelle", "lesquels",
                       "lesquelles"}

    def _not_the_subject(self, doc: Any, subj: Any, verb: Any) -> bool:
        """True when the parse's plural «subject» is likely not the verb's subject, or not plural."""
        if any(c.dep_ == "case" for c in subj.children):
            return True  # inside a prepositional phrase: «l'escalade des tensions survient»
        le = subj.left_edge
        if le.lower_ in {"des", "du", "de", "d'", "d’"} and le.i > 0 and doc[le.i - 1].pos_ in {"NOUN", "PROPN"}:
            return True  # (the same, with «des» read as an article)
        if verb.text[:1].isupper() and not is_sentence_initial(verb):
            return True  # a capitalised word inside the sentence is a title, not a verb
        if any(x.lower_ in {"qui", "que", "qu'", "qu’", "dont", "où"} for x in doc[subj.i:verb.i]):
            return True  # the verb belongs to a relative clause: «la direction qui, avec X, a présenté»
        if any(c.dep_ == "conj" and any(x.dep_ == "case" for x in c.children) for c in subj.children):
            return True  # «l'assemblée du nord et de l'est»: the coordination is inside a complement
        if subj.text[:1].isupper() and (not is_sentence_initial(subj) or subj.pos_ == "PROPN"):
            return True  # a title or a name: «Les Hauts de Hurlevent raconte», «Les Voyages de Gulliver»
        if any(x.text in {"–", "—", ":", ";", "(", ")", "-"} for x in doc[subj.i:verb.i]):
            return True  # a heading, a dash or a bracket between them
        if any(x.lower_ in self._INTERROGATIVES for x in subj.subtree) and any(
                x.pos_ in {"PROPN", "NOUN", "PRON"} and x.dep_ in {"nsubj", "nsubj:pass", "obj", "flat:name"}
                for x in doc[verb.i + 1:verb.sent.end]):
            return True  # «Quelles années a vécu Jean II»: the subject comes after the verb
        if subj.left_edge.pos_ == "VERB" or any(x.pos_ == "VERB" and x.morph.get("VerbForm") == ["Inf"]
                                                 and x.i < subj.i and subj.is_ancestor(x) is False
                                                 and x.head.i == verb.i for x in doc[verb.sent.start:subj.i]):
            return True  # an infinitive clause is the subject: «repousser ses propositions ne témoigne pas»
        return False

    def _comma_subject_verb(self, text: str, offset: int, doc: Any, c: Any) -> Flag | None:
        """«La biographie écrite par X, dit que …»: a lone comma between the subject and its verb."""
        if c.i + 1 >= len(doc):
            return None
        v = doc[c.i + 1]
        if v.pos_ not in {"VERB", "AUX"}:
            return None
        if v.morph.get("VerbForm") != ["Fin"]:
            # «dit» tagged as a participle: finite when it has no auxiliary and the lexicon allows it
            if any(x.dep_.startswith("aux") for x in v.children) or v.dep_ not in {"ROOT", "conj"} or \
                    not any(":Ip" in m or ":Is" in m for m in morph_tags(v.text)):
                return None
        if v.morph.get("Person") not in (["3"], []) or v.morph.get("Mood") == ["Imp"]:
            return None
        if c.i + 2 < len(doc) and doc[c.i + 2].pos_ in {"PROPN", "NOUN", "DET"} and \
                any(x.dep_.startswith("nsubj") and x.i > v.i for x in v.children):
            return None  # an inverted incise: «…, estime Bossong»
        verb = v.head if v.pos_ == "AUX" and v.dep_.startswith("aux") else v
        if any(x.dep_.startswith("nsubj") and x.i > c.i for x in verb.children):
            return None
        rest = [x for x in doc[verb.i + 1:v.sent.end] if not x.is_space]
        if rest and rest[0].pos_ in {"DET", "PROPN", "NOUN"} and \
                not any(x.pos_ in {"VERB", "AUX"} or x.lower_ in {"que", "qu'", "qu’"} for x in rest) and \
                rest[-1].text in {".", "!", "?", "»", "\""}:
            return None  # an inverted incise closing the sentence: «…, estime Bossong.», «…, a déclaré la capitaine X.»
        subj = next((x for x in verb.children if x.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or subj.i > c.i:
            return None
        start = subj.left_edge.i
        if start > 0 and doc[start - 1].text not in {".", "!", "?", "\n"} and not doc[start - 1].is_space \
                and start != doc[start].sent.start:
            return None  # the subject does not open the sentence: the comma may close an inserted clause
        between = doc[start:c.i]
        if any(x.text in {",", "(", "—", "–", "-", ":", ";", "«", "\""} for x in between) or len(between) < 3:
            return None
        if any(x.lower_ in {"qui", "que", "dont", "où", "lequel", "laquelle"} for x in between):
            return None  # a relative clause may end with a comma in careful prose
        a = offset + c.idx
        return Flag(start=a, end=a + 1, text=text[a:a + 1], category="fluency/grammar", severity="minor",
                    confidence=0.6, suggestions=[""],
                    explanation="Pas de virgule entre le sujet et son verbe.", detector=self.name,
                    evidence={"engine": "parse", "rule": "virgule_sujet_verbe"})

    def _second_person(self, text: str, offset: int, t: Any) -> Flag | None:
        """«Cela tient … et mettez fin»: a second-person verb coordinated with a third-person one."""
        from .french import conjugate_like

        tags = [m for m in morph_tags(t.text) if ":V" in m]
        if not tags or not all(":2p" in m or ":2s" in m for m in tags):
            return None  # the form must be a second person and nothing else
        if any(c.dep_.startswith("nsubj") for c in t.children):
            return None
        head = t.head
        if head.morph.get("Person") != ["3"] or head.morph.get("VerbForm") != ["Fin"] or \
                head.morph.get("Mood") != ["Ind"]:
            return None
        if any(x.lower_ in {"vous", "tu", "veuillez", "votre", "vos", "ton", "tes"} for x in t.sent):
            return None  # instructions addressed to the reader
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text.startswith("-"):
            return None  # an imperative with its pronoun («jetez-le»)
        form = conjugate_like(t.lemma_, head)
        return self._flag(text, offset, t, [form] if form else [], "major", 0.65,
                          f"«\u00a0{t.text}\u00a0» (2ᵉ personne) est coordonné à «\u00a0{head.text}\u00a0» "
                          "(3ᵉ personne) sans sujet propre.", "personne_coordination")

    _REPORT_VERBS = {"dire", "déclarer", "penser", "croire", "estimer", "affirmer", "expliquer", "annoncer",
                     "assurer", "indiquer", "écrire", "craindre", "juger", "prévenir", "avertir", "promettre",
                     "espérer", "supposer", "imaginer", "prévoir", "souligner", "ajouter", "répondre"}
    _MODAL_CONDITIONAL = {"pouvoir": "pourrait", "devoir": "devrait", "vouloir": "voudrait"}

    def _sequence_of_tenses(self, text: str, offset: int, t: Any) -> Flag | None:
        """«il pensait que … peut provoquer»: a present modal or a future after a past reporting verb."""
        from .french import conjugate_like

        if t.dep_ not in {"ccomp"} or t.head.lemma_ not in self._REPORT_VERBS:
            return None
        if not any(c.lower_ in {"que", "qu'", "qu’"} for c in t.children) and \
                t.left_edge.lower_ not in {"que", "qu'", "qu’"}:
            return None
        head = t.head
        lo, hi = sorted((head.i, t.i))
        if any(x.text in {"\"", "«", "»", "“", "”", ":"} for x in t.doc[lo:hi]):
            return None  # direct speech keeps its own tenses
        # an imperfect («il pensait que») or a pluperfect («il avait dit que»); after a passé composé
        # («ils ont déclaré qu'il faudra») the future stays right when the event is still to come
        past = "Imp" in head.morph.get("Tense") and head.morph.get("VerbForm") == ["Fin"] or \
            any(c.dep_ == "aux:tense" and c.lemma_ in {"avoir", "être"} and "Imp" in c.morph.get("Tense")
                for c in head.children) and "Part" in head.morph.get("VerbForm")
        if not past or t.morph.get("Mood") != ["Ind"]:
            return None
        tense = t.morph.get("Tense")
        if "Fut" in tense:
            form = conjugate_like(t.lemma_, _Conditional(t))
        elif "Pres" in tense and t.lemma_ in self._MODAL_CONDITIONAL:
            form = conjugate_like(t.lemma_, _Conditional(t))
        else:
            return None
        return self._flag(text, offset, t, [form] if form else [], "minor", 0.6,
                          f"Concordance des temps\u00a0: après «\u00a0{head.text}\u00a0» au passé, "
                          "le conditionnel («\u00a0futur du passé\u00a0»).", "concordance_temps")

    def _flag(self, text: str, offset: int, tok: Any, sugg: list[str], severity: str, conf: float,
              expl: str, rule: str) -> Flag:
        s = offset + tok.idx
        e = s + len(tok.text)
        return Flag(start=s, end=e, text=text[s:e], category="fluency/grammar", severity=severity,
                    confidence=conf, suggestions=sugg, explanation=expl, detector=self.name,
                    evidence={"engine": "parse", "rule": rule})


#: adverbs a pivot translation puts between the subject and the verb («il déjà a dit»)
_ORDER_ADVERBS = frozenset({
    "aussi", "également", "déjà", "encore", "toujours", "souvent", "jamais", "seulement", "notamment",
    "récemment", "ensuite", "bientôt", "désormais", "vraiment", "certainement", "probablement",
    "immédiatement", "actuellement", "précédemment", "auparavant", "finalement", "rarement", "régulièrement",
    "activement", "constamment", "personnellement", "pratiquement", "presque", "même", "complètement",
    "totalement", "entièrement"})
#: subject clitics: nothing but «ne», «y», «en» and object clitics comes between them and the verb
_SUBJECT_CLITICS = frozenset({"il", "ils", "je", "j'", "j’", "on", "tu"})
#: pronouns that are subject clitics or stressed forms («elle aussi», «nous aussi»)
_STRESSABLE_PRONOUNS = frozenset({"elle", "elles", "nous", "vous"})
#: adverbs a stressed pronoun takes before the verb («elle aussi a voté», «nous-mêmes»)
_STRESSED_OK = frozenset({"aussi", "même", "également", "seulement"})
#: adverbs that qualify a noun before its verb («la France aussi a …», «le ministre lui-même»)
_AFTER_NOUN_OK = frozenset({"aussi", "également", "même", "seulement", "notamment", "surtout", "presque",
                            "personnellement", "pratiquement", "finalement"})


class _Plural:
    """A token's morphology with the number set to plural (for :func:`conjugate_like`)."""

    def __init__(self, tok: Any) -> None:
        self.morph = _Morph(tok.morph, {"Number": ["Plur"]})


class _Conditional:
    """A token's morphology in the conditional mood (for :func:`conjugate_like`)."""

    def __init__(self, tok: Any) -> None:
        self.morph = _Morph(tok.morph, {"Mood": ["Cnd"], "Tense": ["Pres"]})


class _Morph:
    def __init__(self, base: Any, override: dict[str, list[str]]) -> None:
        self.base = base
        self.override = override

    def get(self, key: str) -> list[str]:
        return self.override.get(key, self.base.get(key))


if __name__ == "__main__":  # pragma: no cover - the worker process
    if "--serve" in sys.argv:
        serve()
