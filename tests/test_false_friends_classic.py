"""Classic English false friends, systematic pass (``false_friend_calques.jsonl``, the block after the «classic false friends
(stop 24)» comment): for each entry, one sentence where a translation uses the French word in its English
sense (flagged, with the suggestion) and one where the same word is correct French (not flagged). The
sentences are the project's own, written for these tests."""

from __future__ import annotations

import json

import pytest
from test_false_friend_calques import _ffx

from mtreview.knowledge.confusions import FALSE_FRIEND_CALQUES_FILE

#: the comment line that opens this block of the file
BLOCK_MARK = "classic false friends (stop 24)"


def block_ids() -> list[str]:
    """The ids of the entries after :data:`BLOCK_MARK` in ``false_friend_calques.jsonl``."""
    lines = FALSE_FRIEND_CALQUES_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("//") and BLOCK_MARK in ln)
    ids: list[str] = []
    for ln in lines[start:]:
        if ln.startswith("// ----") and BLOCK_MARK not in ln:
            break
        if ln.startswith("{"):
            ids.append(json.loads(ln)["id"])
    return ids


# (entry id without «ffx-en-», mistranslated sentence, (flagged text, first suggestion), correct French)
CASES = [
    ('injury-body',
     'Le défenseur a manqué la saison à cause de ses injures au genou droit.',
     ('injures', 'blessures'),
     "Il a proféré des injures à la tête de l'arbitre."),
    ('injury-body-sg',
     "Le joueur souffre d'une injure à la cheville et manquera trois matchs.",
     ('injure', 'blessure'),
     "Il lui a jeté une injure au visage avant de partir."),
    ('injury-suffer',
     "Le motard a succombé à ses injures deux jours plus tard.",
     ('injures', 'blessures'),
     "Il a souffert ses injures et ses moqueries sans répondre."),
    ('injury-accident',
     "Trois passagers ont été hospitalisés avec des injures graves après la collision.",
     ('injures', 'blessures'),
     "Après l'accident, le conducteur a proféré des injures contre les secouristes."),
    ('resign-refl-est',
     "Le ministre s'est résigné de son poste après le scandale.",
     ("s'est résigné", 'a démissionné'),
     "Le ministre s'est résigné à son sort après le scandale."),
    ('resign-refl-sont',
     'Les deux dirigeants se sont résignés de leurs fonctions lundi.',
     ('se sont résignés', 'ont démissionné'),
     'Les deux dirigeants se sont résignés à quitter leurs fonctions lundi.'),
    ('resign-refl-etait',
     "La directrice s'était résignée de son poste un mois plus tôt.",
     ("s'était résignée", 'avait démissionné'),
     "La directrice s'était résignée à l'échec un mois plus tôt."),
    ('resign-refl-etaient',
     "Les juges s'étaient résignés de leurs fonctions avant le procès.",
     ("s'étaient résignés", 'avaient démissionné'),
     "Les juges s'étaient résignés à attendre la fin du procès."),
    ('resign-refl-inf',
     'Il a décidé de se résigner de son poste de président.',
     ('se résigner', 'démissionner'),
     'Il a fini par se résigner à perdre son poste de président.'),
    ('curator-museum',
     "Le curateur du musée a choisi cent tableaux pour l'exposition.",
     ('curateur', 'conservateur'),
     'Le juge des tutelles a nommé un curateur pour ce majeur protégé.'),
    ('prejudice-adj',
     'Le livre dénonce les préjudices raciaux encore présents dans la police.',
     ('préjudices', 'préjugés'),
     'Les victimes demandent réparation des préjudices raciaux subis.'),
    ('adverse-events',
     'Les patients ont signalé des événements adverses après la vaccination.',
     ('adverses', 'indésirables'),
     "L'avocat de la partie adverse a fait appel du jugement."),
    ('administration-entered-est',
     'La chaîne de magasins est entrée en administration la semaine dernière.',
     ('est entrée en administration', 'a été placée en redressement judiciaire'),
     "Elle est entrée dans l'administration à vingt ans."),
    ('administration-entered-sont',
     'Les deux clubs sont entrés en administration en 2010.',
     ('sont entrés en administration', 'ont été placés en redressement judiciaire'),
     'Les deux clubs sont entrés en administration judiciaire en 2010.'),
    ('administration-entered-etait',
     "Le club était entré en administration avant d'être racheté.",
     ('était entré en administration', 'avait été placé en redressement judiciaire'),
     "Le club était entré en administration provisoire avant d'être racheté."),
    ('administration-entered-etaient',
     'Les deux banques étaient entrées en administration en 2009.',
     ('étaient entrées en administration', 'avaient été placées en redressement judiciaire'),
     "Les deux banques étaient entrées en administration publique en 2009."),
    ('actually-said',
     "Il a actuellement dit la vérité à la police, contrairement à ce qu'il prétend.",
     ('actuellement', 'en fait'),
     'Il dit actuellement la vérité à la police.'),
    ('hazard-risk',
     'La région est exposée à de nombreux hasards naturels.',
     ('hasards', 'risques'),
     "Comptait-il sur le plus invraisemblable des hasards pour le retrouver ?"),
    ('hazard-risk-sg',
     "L'amiante représente un hasard sanitaire pour les ouvriers.",
     ('hasard', 'risque'),
     "Je compte sur le hasard pour me fournir des occasions."),
    ('criminal-record',
     'Le suspect avait un long record criminel.',
     ('record criminel', 'casier judiciaire'),
     'Le suspect avait battu le record du monde de vitesse.'),
    ('scientist',
     'Les scientistes ont découvert une nouvelle espèce dans la forêt.',
     ('scientistes', 'scientifiques'),
     'Les scientistes du siècle croyaient que la science remplacerait la religion.'),
    ('heart-attack',
     "Il est mort d'une attaque cardiaque à l'âge de soixante ans.",
     ('attaque cardiaque', 'crise cardiaque'),
     "Il est mort d'une crise cardiaque à l'âge de soixante ans."),
    ('deputy-director',
     'Le directeur député de la CIA a démissionné.',
     ('député', 'adjoint'),
     'Le député de la circonscription a voté contre le texte.'),
    ('claim-responsibility',
     "Le groupe État islamique a réclamé la responsabilité de l'attentat.",
     ('réclamé', 'revendiqué'),
     "Les salariés réclament la responsabilité de l'État dans cette faillite."),
    ('claim-lives',
     "L'épidémie a réclamé la vie de trois cents personnes.",
     ('réclamé la vie de', 'coûté la vie à'),
     "Le peuple a réclamé la vie du roi."),
    ('vicious-attack',
     'La victime a subi une attaque vicieuse dans la rue.',
     ('vicieuse', 'brutale'),
     "C'est un cercle vicieux dont on ne sort pas."),
    ('formal-dress',
     'Les invités doivent porter une tenue formelle.',
     ('formelle', 'habillée'),
     'Le ministre a donné son accord formel au projet.'),
    ('benefits-social',
     'Il touche des bénéfices de chômage depuis six mois.',
     ('bénéfices', 'prestations'),
     "L'entreprise a réalisé des bénéfices de dix millions d'euros."),
    ('engagement-marriage',
     'La chanteuse a annoncé son engagement avec son compagnon avant le mariage.',
     ('engagement', 'fiançailles'),
     'Le gouvernement a annoncé son engagement en faveur du climat.'),
    ('rent-housing',
     'Les locataires ne peuvent plus payer les rentes qui ont doublé.',
     ('rentes', 'loyers'),
     "Il vit de ses rentes depuis qu'il a vendu son appartement."),
    ('deception-accused',
     'Le dirigeant a été accusé de déception envers les investisseurs.',
     ('déception', 'tromperie'),
     'La défaite a été une source de déception pour les supporters.'),
    ('appointment',
     'Elle a annulé son appointement chez le dentiste.',
     ('son appointement', 'son rendez-vous'),
     'Son appointement est fixé à mille quatre cents francs par an.'),
    ('tentative-provisional',
     'Les deux partis ont conclu un accord tentatif lundi soir.',
     ('tentatif', 'provisoire'),
     "Les deux partis ont fait une tentative d'accord lundi soir."),
    ('educational',
     'Le musée propose un programme éducationnel pour les enfants.',
     ('éducationnel', 'éducatif'),
     'Le musée propose un programme éducatif pour les enfants.'),
    ('notice-period',
     'Il a donné deux semaines de notice à son employeur.',
     ('notice', 'préavis'),
     'Il a lu pendant deux heures la notice du médicament.'),
    ('notice-without',
     'Les salariés ont été licenciés sans notice.',
     ('sans notice', 'sans préavis'),
     "Les employés ont quitté l'usine sans lire la notice de montage."),
    ('overcharge',
     'La compagnie a surchargé ses clients pendant trois ans.',
     ('surchargé', 'surfacturé'),
     'La grève a surchargé les trains de banlieue et leurs passagers.'),
    ('overcharge-inf',
     "L'opérateur est accusé de surcharger ses abonnés.",
     ('surcharger', 'surfacturer'),
     'Il ne faut pas surcharger les passagers de bagages.'),
]


def test_every_entry_of_the_block_has_a_case():
    ids = block_ids()
    assert len(ids) >= 25 and len(set(ids)) == len(ids)
    assert {"ffx-en-" + c[0] for c in CASES} == set(ids)


def test_every_entry_has_a_source():
    lines = FALSE_FRIEND_CALQUES_FILE.read_text(encoding="utf-8").splitlines()
    entries = {json.loads(ln)["id"]: json.loads(ln) for ln in lines if ln.startswith("{")}
    for i in block_ids():
        assert entries[i]["source"] and entries[i]["explanation"], i
        for key in ("requires", "anti"):
            assert "," not in entries[i].get(key, ""), (i, key)  # cues are comma-separated


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


@pytest.mark.slow
@pytest.mark.parametrize("entry, text, expected, trap", CASES, ids=[c[0] for c in CASES])
def test_false_friend_is_flagged_and_the_french_use_is_not(reviewer, entry, text, expected, trap):
    assert _ffx(reviewer, text) == [("ffx-en-" + entry, *expected)]
    assert _ffx(reviewer, trap) == []
