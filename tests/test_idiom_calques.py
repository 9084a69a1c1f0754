"""Idioms rendered word for word through a Russian (or English) pivot (``idiom_calques.jsonl``)."""

from __future__ import annotations

import json

import pytest

from mtreview.knowledge.confusions import IDIOM_CALQUES_FILE, calque_patterns

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


def _idiom_flags(reviewer, text):
    return [f for f in reviewer.review(text).flags
            if str(f.evidence.get("entry", "")).startswith("idiom-")]


def test_file_loads_after_calques_with_required_fields():
    entries = [json.loads(ln) for ln in IDIOM_CALQUES_FILE.read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.startswith("//")]
    assert 60 <= len(entries) <= 450
    assert len({e["id"] for e in entries}) == len(entries)
    for e in entries:
        assert e["category"] == "accuracy/mistranslation" and e["severity"] == "minor"
        assert 0.75 <= e["confidence"] <= 0.85
        assert e["pivot"].startswith(("ru:", "en:")) and e["suggest"] and e["explanation"]
        assert "wiktionary.org" in e["source"] and "fr-ngrams" in e["source"]
    loaded = [p.id for p in calque_patterns()]
    ids = [e["id"] for e in entries]
    assert loaded[-len(ids):] == ids  # read after calques.jsonl, in file order


@pytest.mark.parametrize("text, entry, suggestion", [
    ("Il rendra l'argent après la pluie du jeudi.", "idiom-pluie-jeudi", "aux calendes grecques"),
    ("Le ministre nous a pendu des nouilles sur les oreilles pendant des années.",
     "idiom-nouilles-oreilles", "raconté des salades"),
    ("Le président a promis de leur montrer où les écrevisses passent l'hiver.",
     "idiom-ecrevisses-hiver", "de quel bois on se chauffe"),
    ("Ce candidat n'est ni poisson ni viande.", "idiom-ni-poisson-ni-viande", "ni chair ni poisson"),
    ("Cette aide leur a rendu un service d'ours.", "idiom-service-ours", "pavé de l'ours"),
    ("Les fonctionnaires battent les seaux toute la journée.", "idiom-battre-seaux", "se tourner les pouces"),
    ("Il se débat comme un poisson sur la glace pour payer ses dettes.", "idiom-poisson-glace",
     "comme un beau diable"),
    ("Les nouveaux modèles se vendent comme des gâteaux chauds.", "idiom-gateaux-chauds",
     "comme des petits pains"),
    ("Il garde une pierre dans son sein contre son ancien associé.", "idiom-pierre-sein", "garde rancune"),
    ("La police regarde à travers les doigts ces infractions.", "idiom-regarder-doigts", "ferme les yeux"),
    ("Pendant la réunion, il comptait les corbeaux.", "idiom-compter-corbeaux", "aux corneilles"),
    ("Le ministre a voulu mettre ses cinq kopecks dans le débat.", "idiom-cinq-kopecks",
     "mettre son grain de sel"),
    ("Ce gouvernement a sept vendredis par semaine.", "idiom-sept-vendredis", "change d'avis comme de chemise"),
    ("Le défenseur a marqué un but dans ses propres portes.", "idiom-propres-portes", "contre son camp"),
    ("Ce fut un jeu à une seule porte.", "idiom-jeu-un-but", "à sens unique"),
    ("Le maire n'a pas frappé un doigt contre un doigt.", "idiom-doigt-doigt", "levé le petit doigt"),
    ("La coalition pend à un cheveu.", "idiom-pendre-cheveu", "tient à un fil"),
    ("Dans ces règles, le diable lui-même se casserait la jambe.", "idiom-diable-jambe", "s'y perdrait"),
    ("Le gouvernement veut tuer deux oiseaux avec une pierre.", "idiom-deux-oiseaux-pierre",
     "d'une pierre deux coups"),
    ("Il pleut des chats et des chiens sur Paris.", "idiom-pleut-chats-chiens", "pleut des cordes"),
])
def test_literal_calque_is_flagged(reviewer, text, entry, suggestion):
    flags = [f for f in _idiom_flags(reviewer, text) if f.evidence.get("entry") == entry]
    assert flags, f"{entry} not flagged in {text!r}"
    f = flags[0]
    assert f.category == "accuracy/mistranslation" and f.severity == "minor"
    assert any(suggestion in s for s in f.suggestions), f.suggestions


@pytest.mark.parametrize("text", [
    # the French idiom itself
    "Il rendra l'argent aux calendes grecques.",
    "Le ministre nous a raconté des salades pendant des années.",
    "Il va leur montrer de quel bois il se chauffe.",
    "Ce candidat n'est ni chair ni poisson.",
    "Cette aide leur a rendu un pavé de l'ours.",
    "Les fonctionnaires se tournent les pouces toute la journée.",
    "Les nouveaux modèles se vendent comme des petits pains.",
    "Pendant la réunion, il bayait aux corneilles.",
    "Le défenseur a marqué contre son camp.",
    "La coalition ne tient qu'à un fil.",
    "Il pleut des cordes sur Paris.",
    # the words used literally
    "Après la pluie de jeudi, les routes étaient glissantes.",
    "Après la pluie du jeudi, le terrain était lourd.",
    "Les biologistes ignorent où les écrevisses passent l'hiver dans ce lac.",
    "Il ne mange ni poisson ni viande depuis des années.",
    "Les patineurs ont jeté les patins sur la glace après le match.",
    "Le fût de chêne donne du chêne au vin.",
    "Cette clé ne rentre dans aucune porte de la maison.",
    "Il a versé de l'eau dans le mortier pour le gâcher.",
    "Le match s'est joué à un seul but d'écart.",
])
def test_french_idiom_or_literal_words_not_flagged(reviewer, text):
    assert _idiom_flags(reviewer, text) == []


@pytest.mark.slow
@pytest.mark.parametrize("text, span, fix", [
    ("Tout s'est passé comme sur de l'huile, a dit un délégué.", "comme sur de l'huile", "comme sur des roulettes"),
    ("Tout a marché comme sur du beurre hier.", "comme sur du beurre", "comme sur des roulettes"),
    ("Il a lu le livre d'une croûte à l'autre.", "d'une croûte à l'autre", "de la première à la dernière page"),
])
def test_an_idiom_flag_covers_the_whole_literal_rendering(reviewer, text, span, fix):
    """The flag spans the words its suggestion replaces: «comme sur de l'huile» whole, not «comme sur de l'»
    (which, fixed, gave «comme sur des roulettes huile»)."""
    assert [(f.text, f.suggestions[0]) for f in _idiom_flags(reviewer, text)] == [(span, fix)]
