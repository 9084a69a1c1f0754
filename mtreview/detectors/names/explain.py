"""The French explanations of the names detector's flags (what a reviewer reads beside a suggestion).

One function per kind of finding; the parse's evidence labels («sujet de « déclarer »») are written
where they are found (:mod:`.slots`).
"""

from __future__ import annotations

from ...knowledge.names import Entity
from .mentions import CASE, CORRUPT, FOLDED_SIMILARITY, LOCALE, Mention

#: entity types in French
TYPE_FR = {"person": "personne", "organisation": "organisation", "brand": "marque", "place": "lieu"}
#: the reason given when the entity is named correctly near the mention
NAMED_ELSEWHERE = "l'entité est nommée correctement ailleurs dans le document"


def mention_mechanism(m: Mention) -> str:
    """What went wrong with each word of a known entity's mention («Ilon: translittération (nom, bgn)»)."""
    parts = []
    for x in m.matches:
        v = x.variant
        if x.status == CORRUPT:
            if v.kind == "pivot" and x.similarity >= FOLDED_SIMILARITY:
                case, scheme = (v.detail.split("/") + [""])[:2]
                kind = "forme déclinée russe" if case not in ("nom", "") else "translittération"
                parts.append(f"{x.word.text}: {kind} ({case}, {scheme})")
            else:
                parts.append(f"{x.word.text}: graphie altérée (similarité {x.similarity:.2f})")
        elif x.status == LOCALE:
            parts.append(f"{x.word.text}: forme anglaise")
        elif x.status == CASE:
            parts.append(f"{x.word.text}: casse")
    return "; ".join(parts)


def mention(category: str, span: str, sugg: str, e: Entity, mech: str, reasons: list[str]) -> str:
    """A known entity's mention, corrupted, in a foreign convention or miscased."""
    typ = TYPE_FR.get(e.type, e.type)
    if category == "name/corrupted":
        msg = (f"« {span} » semble être une forme déformée de « {sugg} » ({typ}) : le nom a sans doute "
               f"transité par le russe ({mech}).")
    elif category == "name/locale":
        msg = f"« {span} » suit la convention anglaise ou russe ; la presse française écrit « {sugg} »."
    elif category == "name/spelling":
        msg = f"La graphie officielle est « {sugg} » (casse ou forme incorrecte dans « {span} »)."
    else:
        msg = f"« {span} » → « {sugg} »."
    if reasons:
        msg += " Indice : " + "; ".join(dict.fromkeys(reasons)) + "."
    return msg


def garbled_given_name(word: str, name: str, sim: float) -> str:
    """A word standing where the given name of a known person should («talent Carlson»)."""
    return (f"« {word} » se trouve à la place du prénom de « {name} » "
            f"(similarité {sim:.2f} avec une de ses formes) : prénom probablement déformé ou traduit.")


def russian_locale(span: str, sugg: str) -> str:
    """The English transcription of a Russian name the base lacks."""
    return (f"« {span} » suit la transcription anglaise d'un nom russe ; la presse française "
            f"écrit « {sugg} » (transcription française du russe).")


def document_variant(word: str, other: str, declined: bool) -> str:
    """The less likely of two spellings of one name in a document."""
    return (f"« {word} » et « {other} » semblent désigner le même nom dans ce document ; "
            f"« {other} » est la graphie la plus vraisemblable"
            + (" (« " + word + " » porte une terminaison de déclinaison russe)." if declined else "."))


def pivot_form(word: str, shown: str, sugg: str) -> str:
    """A pivot form of a real name (``shown``: each form with its original)."""
    return (f"« {word} » est la graphie qu'un nom prend après un passage par le russe "
            f"({shown}) ; l'original s'écrit « {sugg} ».")


def model_proposal(word: str, sugg: str) -> str:
    """A transliteration-model proposal for a word that looks re-romanised."""
    return (f"« {word} » ressemble à un nom re-romanisé depuis le cyrillique ; le modèle de "
            f"translittération propose « {sugg} » (nom connu en anglais).")


def homograph(word: str, sugg: str, ru_form: str, ru_of: str, ru_word: str, reasons: list[str]) -> str:
    """A name translated as a word because its Russian form is also a common noun."""
    return (f"« {word} » est probablement le nom « {sugg} » traduit comme un mot : en russe, "
            f"« {ru_form} » (forme de « {ru_of} ») "
            f"est aussi le nom commun « {ru_word} ». Indices : {'; '.join(reasons)}.")


def homograph_named(sugg: str) -> str:
    """The reason given when the name is written correctly elsewhere."""
    return f"« {sugg} » est nommé ailleurs dans le document"


def homograph_common(common: list[str]) -> str:
    """The reason against: the word may be the common noun."""
    return "mais emploi de nom commun possible : " + ", ".join(common)


def without_article(span: str, fix: str) -> str:
    """Appended when the correction takes the article with it («du masque» → «de Musk»)."""
    return f" Un nom de personne se passe d'article : « {span} » → « {fix} »."


def calque(span: str, name: str, parts: list[str], in_doc: bool) -> str:
    """A name translated word by word."""
    expl = (f"« {span} » semble être le nom « {name} » traduit mot à mot "
            f"({' + '.join(parts)} → {span}).")
    if in_doc:
        expl += f" « {name} » est nommé ailleurs dans le document."
    return expl


def org_calque(span: str, name: str, parts: str, written: bool) -> str:
    """An organisation name of English words translated word by word."""
    expl = (f"« {span} » semble être le nom anglais « {name} » traduit mot à mot ({parts}) ; "
            f"un nom d'entreprise ou d'organisation se garde dans sa langue.")
    if written:
        expl += f" « {name} » est écrit ailleurs dans le document."
    return expl


def inconsistent(form: str, major: str, name: str) -> str:
    """One entity written several correct ways in one document."""
    return (f"« {form} » et « {major} » désignent la même entité ({name}) dans ce document ; "
            f"« {major} » est la forme la plus employée.")


def name_word(word: str, sugg: str, evidence: str, given: str) -> str:
    """A surname translated as a word after a given name (``evidence``: how the name became the word)."""
    return (f"« {word} », après le prénom « {given} », est probablement le nom « {sugg} » traduit comme "
            f"un mot ({evidence}).")
