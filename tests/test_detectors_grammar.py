"""Grammar detector: Grammalecte with exact offsets and mapped categories, plus the parse-based rules."""

from __future__ import annotations

import pytest
from conftest import flags

from mtreview.detectors.grammar import OPTION_MAP, GrammarDetector, check_paragraphs, grammalecte_options

pytestmark = pytest.mark.slow  # Grammalecte and spaCy


@pytest.fixture(scope="module")
def det() -> GrammarDetector:
    return GrammarDetector(use_worker=False)


def test_grammalecte_agreement_with_exact_offsets(det):
    text = "Première ligne correcte.\nLes enfants mange des pommes vertes."
    out = flags(det, text)
    f = next(f for f in out if f.evidence.get("engine") == "grammalecte")
    assert f.text == "mange" and text.index("mange") == f.start
    assert "mangent" in f.suggestions and f.severity == "major"


def test_options_typography_and_apostrophes_are_off():
    opts = grammalecte_options()
    assert opts["apos"] is False and opts["typo"] is False and opts["nbsp"] is False
    assert all(opts[k] for k in ("gn", "conj", "conf"))
    assert set(OPTION_MAP) >= {"gn", "conj", "infi"}
    # straight apostrophes and straight quotes: nothing from Grammalecte
    assert check_paragraphs(["L'homme a dit \"bonjour\" à l'enfant."]) == [[]]


def test_tres_modifying_a_verb(det):
    out = flags(det, "Le pays dépend très des importations de gaz.")
    f = next(f for f in out if f.evidence.get("rule") == "tres_verbe")
    assert f.text == "très" and f.suggestions[0] == "beaucoup"


def test_demander_a_quelquun_a_faire(det):
    out = flags(det, "Elle a demandé à ses lecteurs à voter pour le projet.")
    f = next(f for f in out if f.evidence.get("rule") == "demander_a_inf")
    assert f.suggestions == ["de"]
    # «demander à voter» (no indirect object) is French
    assert not any(f.evidence.get("rule") == "demander_a_inf"
                   for f in flags(det, "Il a demandé à voter avant les autres."))


def test_coordinated_subject_agreement(det):
    out = flags(det, "Un ancien ministre et un haut fonctionnaire a confirmé la rencontre.")
    f = next(f for f in out if str(f.evidence.get("rule", "")).startswith("accord_sujet"))
    assert f.text == "a" and f.suggestions == ["ont"]


def test_sequence_of_tenses_and_second_person(det):
    out = flags(det, "Il pensait que cette attaque peut provoquer une guerre.")
    assert any(f.evidence.get("rule") == "concordance_temps" and f.suggestions == ["pourrait"] for f in out)
    out = flags(det, "Le plan contient la crise et mettez fin au conflit.")
    assert any(f.evidence.get("rule") == "personne_coordination" and f.text == "mettez" for f in out)


def test_correct_text_and_names_give_nothing(det):
    text = ("Les ministres se sont réunis à Bruxelles. On Ukraine et Kiev ont signé l'accord. "
            "Bonjour chères amies, merci pour vos messages.")
    assert [f.text for f in flags(det, text)] == []


def test_worker_process_gives_the_same_flags():
    text = "Les enfants mange des pommes. Il faut qu'il vient demain."
    inproc = GrammarDetector(use_worker=False)
    worker = GrammarDetector(use_worker=True)
    a = flags(inproc, text)
    b = flags(worker, text)
    assert [(f.start, f.end, f.suggestions) for f in a] == [(f.start, f.end, f.suggestions) for f in b]
    assert a


def _order(det: GrammarDetector, text: str) -> list:
    return [f for f in flags(det, text) if f.evidence.get("rule") == "adverbe_avant_verbe"]


@pytest.mark.parametrize("text, span, moved", [
    ("Il déjà a signé le décret la semaine dernière.", "déjà a", "a déjà"),
    ("On récemment a appris que le contrat était annulé.", "récemment a", "a récemment"),
    ("Ils également ont demandé une enquête.", "également ont", "ont également"),
    ("Nous déjà avons discuté de cette question.", "déjà avons", "avons déjà"),
    ("Le gouvernement déjà a adopté le budget.", "déjà a", "a déjà"),
    # stop 23: the adverb before a negated verb, and adverbs of degree
    ("Le joueur jamais n'avait gagné un set contre elle.", "jamais n'avait", "n'avait jamais"),
    ("Le ministère encore n'a pas répondu aux questions.", "encore n'a pas", "n'a pas encore"),
    ("Le pont complètement a été reconstruit.", "complètement a", "a complètement"),
    ("Les prix encore ont augmenté en mars.", "encore ont", "ont encore"),
])
def test_adverb_between_subject_and_verb_is_moved_after_the_verb(det, text, span, moved):
    got = _order(det, text)
    assert [(f.text, f.suggestions) for f in got] == [(span, [moved])]
    assert got[0].category == "fluency/grammar" and got[0].confidence >= 0.5


@pytest.mark.parametrize("text", [
    "Elle aussi a voté contre le texte.",  # a stressed pronoun
    "Nous aussi avons des idées.",
    "La France aussi a des responsabilités.",  # «aussi» qualifies the noun
    "Le ministre lui-même a reconnu l'erreur.",
    "A-t-il déjà signé le décret ?",
    "Il a déjà signé le décret.",
    "Est-il également possible de commander en ligne ?",
    "D'autres encore ont marqué leur intérêt.",
    "Le joueur n'avait jamais gagné un set contre elle.",
    "Le ministère n'a pas encore répondu.",
])
def test_french_adverb_places_are_left_alone(det, text):
    assert _order(det, text) == []


def test_word_order_of_a_nationality_adjective_and_a_superlatives_place(det):
    """Stop 22 (detectors/word_order.py): Russian/English order kept in French."""
    def rules(text):
        return [(f.text, f.suggestions, f.evidence.get("rule")) for f in flags(det, text)
                if f.evidence.get("rule") in {"adjectif_nationalite_avant_nom", "superlatif_lieu_avant_nom"}]

    assert rules("Le musée réunit les japonaises célèbres estampes de sa collection.") == [
        ("japonaises célèbres estampes", ["célèbres estampes japonaises"], "adjectif_nationalite_avant_nom")]
    assert rules("La banque, la plus grande en Nouvelle-Angleterre banque régionale, a publié ses résultats.") == [
        ("plus grande en Nouvelle-Angleterre banque", ["plus grande banque en Nouvelle-Angleterre"],
         "superlatif_lieu_avant_nom")]
    assert rules("C'est le plus grand au monde producteur de cuivre.") == [
        ("plus grand au monde producteur", ["plus grand producteur au monde"], "superlatif_lieu_avant_nom")]
    assert rules("Il enseigne le français langue étrangère. C'est la plus grande ville en France. "
                 "Les estampes japonaises sont belles. Sinon, le grec menteur se moque de lui. "
                 "Jersey s'inquiète d'un français propriétaire.") == []
