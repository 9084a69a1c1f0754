"""English false friends of stop 24 (``false_friend_calques.jsonl``, the block after the «stop 24» comment):
for each entry, one sentence where a translation uses the French word in its English sense (flagged, with the
suggestion) and one where the same word is correct French (not flagged). The sentences are the project's
own, written for these tests."""

from __future__ import annotations

import json

import pytest
from test_false_friend_calques import _ffx

from mtreview.knowledge.confusions import FALSE_FRIEND_CALQUES_FILE

#: the comment line that opens this block of the file
BLOCK_MARK = "stop 24 (issue 14)"


def stop24_ids() -> list[str]:
    """The ids of the entries after :data:`BLOCK_MARK` in ``false_friend_calques.jsonl``."""
    lines = FALSE_FRIEND_CALQUES_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("//") and BLOCK_MARK in ln)
    ids: list[str] = []
    for ln in lines[start + 1:]:
        if ln.startswith("// ----"):  # the next block
            break
        if ln.startswith("{"):
            ids.append(json.loads(ln)["id"])
    return ids


# (entry id without «ffx-en-», mistranslated sentence, (flagged text, first suggestion), correct French)
CASES = [
    ('formidable-face',
     'Le nouveau gouvernement fait face à un défi formidable après sa défaite.',
     ('formidable', 'redoutable'),
     'Les élèves ont relevé un défi formidable avec enthousiasme.'),
    ('versatile-thing',
     "L'entreprise présente son drone versatile, capable de transporter du matériel.",
     ('versatile', 'polyvalent'),
     "L'électorat versatile de la région a changé d'avis trois fois."),
    ('support-adj-object',
     'Les syndicats, qui supportaient la première version de la réforme, ont changé de position.',
     ('supportaient', 'soutenaient'),
     'Les habitants ne supportaient plus la longue grève des transports.'),
    ('support-text-object',
     'Plusieurs députés de la majorité supportent le texte du gouvernement.',
     ('supportent', 'soutiennent'),
     'Plusieurs députés de la majorité supportent mal la chaleur.'),
    ('attend-event-la',
     'Plus de deux mille participants ont attendu la conférence, qui a duré trois jours.',
     ('attendu la', 'assisté à la'),
     "Les participants ont attendu la fin de la conférence pour s'exprimer."),
    ('attend-event-le',
     'Quelque 300 invités ont attendu le gala organisé au musée.',
     ('attendu le', 'assisté au'),
     'Les invités ont attendu le gala avec impatience pendant des semaines.'),
    ('editor-film',
     "L'éditeur du film a coupé vingt minutes de scènes tournées.",
     ('éditeur', 'monteur'),
     "L'éditeur du roman a annoncé une nouvelle édition du livre."),
    ('humour-sense',
     "Il a gardé son sens de l'humeur malgré la défaite.",
     ('humeur', 'humour'),
     "Il était de mauvaise humeur malgré la victoire."),
    ('luxurious',
     "Le couple a loué un appartement luxurieux au bord du lac.",
     ('luxurieux', 'luxueux'),
     "Le couple a loué un appartement luxueux au bord du lac."),
    ('confident-that',
     'La ministre est confiante sur le vote, et son adjoint est confident que le texte passera.',
     ('confident', 'confiant'),
     'Son ami le plus proche était aussi son confident depuis vingt ans.'),
    ('attractive-person',
     'Le film raconte l’histoire d’une femme attractive qui fuit son passé.',
     ('attractive', 'séduisante'),
     'La banque propose un taux attractif aux jeunes acheteurs.'),
    ('argument-with',
     'Il a eu un argument avec son voisin au sujet de la clôture.',
     ('argument', 'dispute'),
     'Il a un argument solide pour convaincre son voisin.'),
    ('conductor-orchestra',
     "Le conducteur de l'orchestre a salué le public à la fin du concert.",
     ('conducteur', 'chef'),
     "Le conducteur du bus a salué les passagers à la fin du trajet."),
    ('fabric-social',
     'La crise menace la fabrique sociale du pays.',
     ('fabrique', 'tissu'),
     'La fabrique de chaussures du village a fermé.'),
    ('achievement-after',
     "Remporter trois titres d'affilée est un achèvement remarquable.",
     ('achèvement', 'exploit'),
     "L'achèvement des travaux est prévu pour l'été."),
    ('commodities',
     'La chute des prix des commodités pèse sur les pays exportateurs.',
     ('commodités', 'matières premières'),
     "L'appartement offre toutes les commodités modernes."),
    ('affluent-fp',
     'Les familles affluentes ont quitté le centre-ville.',
     ('affluentes', 'aisées'),
     "La rivière reçoit un affluent important près du village."),
    ('money',
     'Il voulait gagner beaucoup de monnaie en peu de temps.',
     ('monnaie', 'argent'),
     "Le caissier n'avait plus assez de monnaie pour rendre."),
    ('lecture-give',
     "Le professeur a donné une lecture devant trois cents étudiants de l'université.",
     ('lecture', 'conférence'),
     "Le professeur a donné une lecture du poème devant ses étudiants."),
    ('secure-win',
     "L'équipe a sécurisé la victoire dans les dernières minutes.",
     ('sécurisé', 'obtenu'),
     'La réforme a sécurisé le contrat des saisonniers.'),
    ('dedicated-person',
     'Elle était une infirmière dédiée qui ne comptait pas ses heures.',
     ('dédiée', 'dévouée'),
     'Elle a ouvert une salle dédiée aux enfants malades.'),
    ('deception',
     'Le rapport parle d’une déception délibérée des investisseurs.',
     ('déception', 'tromperie'),
     'La défaite a été une grande déception pour les supporters.'),
    ('rent',
     "La rente de l'appartement a doublé en cinq ans.",
     ('rente', 'loyer'),
     'Il touche une rente viagère depuis la vente de sa maison.'),
    ('rent-pay',
     'Ils ne peuvent plus payer leur rente mensuelle depuis la hausse.',
     ('rente', 'loyer'),
     "Ils ne peuvent plus payer leur rente viagère à l'ancien propriétaire."),
    ('attend-event-les',
     'Des milliers de fidèles ont attendu les obsèques, célébrées à la cathédrale.',
     ('attendu les', 'assisté aux'),
     'Des milliers de fidèles ont attendu les obsèques depuis le matin.'),
    ('achievement-before',
     'Pour un club amateur, c’est un remarquable achèvement.',
     ('achèvement', 'exploit'),
     'Pour la ville, c’est un remarquable achèvement des travaux.'),
    ('editor-video',
     "L'éditeur vidéo de l'émission a été licencié.",
     ('éditeur', 'monteur'),
     "L'éditeur vidéo gratuit permet de couper les séquences."),
    ('attractive-person-m',
     'Il joue un homme attractif qui séduit toute la ville.',
     ('attractif', 'séduisant'),
     'Il propose un prix attractif qui séduit toute la ville.'),
]

#: entries that differ from a tested one by the inflection of the word only
FORM_VARIANTS = {"ffx-en-attend-event-l", "ffx-en-attend-event-l2", "ffx-en-attractive-person",
                 "ffx-en-attractive-person-mp", "ffx-en-attractive-person-fp", "ffx-en-affluent",
                 "ffx-en-affluent-f", "ffx-en-affluent-mp"}


def test_every_entry_of_the_block_has_a_case():
    ids = stop24_ids()
    assert len(ids) >= 30 and len(set(ids)) == len(ids)
    assert {"ffx-en-" + c[0] for c in CASES} | FORM_VARIANTS == set(ids)


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


@pytest.mark.slow
@pytest.mark.parametrize("entry, text, expected, trap", CASES, ids=[c[0] for c in CASES])
def test_false_friend_is_flagged_and_the_french_use_is_not(reviewer, entry, text, expected, trap):
    assert _ffx(reviewer, text) == [("ffx-en-" + entry, *expected)]
    assert _ffx(reviewer, trap) == []
