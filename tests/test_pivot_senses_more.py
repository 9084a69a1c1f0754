"""More Russian polysemy in ``pivot_senses.tsv``: a French word written for the other sense of a Russian word.

Each new row is checked through a whole review (``Reviewer(["mistranslation"])``): a sentence where the
row's cue says the other sense is meant gets an ``accuracy/mistranslation`` flag from that row with the
right suggestion, and a sentence where the French word is used in its own sense (the row's anti context)
gets no mistranslation flag at all.
"""

from __future__ import annotations

import re

import pytest

from mtreview.knowledge.confusions import SENSES_FILE, _read_tsv, parse_cues, sense_confusions

pytestmark = pytest.mark.slow

#: the rows the table had before this batch (left unchanged)
OLD_IDS = {
    "mir-paix", "raketa-fusee", "vklyuchit-activer", "vyzvat-defier", "udar-frappe", "rabota-fonctionnement",
    "peresekatsya-recouper", "zatragivat-aborder", "reshitelny-ferme", "navesti-guider", "sderzhat-contenir",
    "dobitsya-obtenir", "predostavlyat-fournir", "agitator-militant", "post-message", "glava-chef",
    "storona-partie", "vlast-autorites", "ucheniya-exercices", "sbit-abattre", "mirny-civil",
    "vysokopostavlenny-haut", "en-support-soutenir", "en-address-traiter", "en-versatile-polyvalent",
    "en-evidence-preuve", "en-assume-supposer", "protivodeystvie-opposition", "ff-dissertatsiya-these",
    "ff-aspirant-doctorant", "ff-fiksirovat-constater", "ff-izolyator-detention",
}
CUE_KINDS = {"ctx", "gen", "near", "head", "child", "obj", "subj", "prev", "next", "prev2", "noobj", "text"}


@pytest.fixture(scope="module")
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


def _mistranslations(reviewer, text: str) -> list:
    return [f for f in reviewer.review(text).flags if f.category == "accuracy/mistranslation"]


# (row id, sentence with the wrong sense in a cue context, flagged span, first suggestion)
WRONG_SENSE = [
    ("sreda-mercredi", "Le ministre s'exprimera devant la presse l'environnement prochain, après le conseil de mardi.",
     "l'environnement", "le mercredi"),
    ("sreda-mercredi-milieu", "Les négociations reprendront le milieu prochain à Genève, a-t-on appris lundi.",
     "le milieu", "le mercredi"),
    ("kosa-fleche", "Les forces ukrainiennes tiennent la faux de Kinbourn depuis octobre.", "faux", "flèche"),
    ("udar-avc", "L'ancien ministre a été hospitalisé après un coup, selon sa famille ; il reste partiellement "
     "paralysé.", "un coup", "un AVC"),
    ("stavka-pari-taux", "La banque centrale a abaissé le pari clé de 50 points de base.", "le pari", "le taux"),
    ("stavka-mise-taux", "La mise directrice de la Banque de Russie reste inchangée.", "La mise", "Le taux"),
    ("stavka-qg", "Le président a tenu une réunion du taux du commandant en chef suprême.", "taux",
     "quartier général"),
    ("schet-score", "Le Zénith a battu le Spartak avec le compte de 2:1.", "le compte", "le score"),
    ("schet-facture", "Les habitants ne peuvent plus payer leurs comptes d'électricité.", "leurs comptes",
     "leurs factures"),
    ("aktsiya-action", "Les promotions de Gazprom ont chuté de 5 % à la Bourse de Moscou.", "Les promotions",
     "Les actions"),
    ("yazyk-langue", "Le langage russe est la langue officielle du pays.", "Le langage", "La langue"),
    ("svet-courant", "Des coupures de lumière ont touché Kiev après les frappes sur les centrales.", "lumière",
     "courant"),
    ("mir-monde", "Il a remporté le championnat de la paix de boxe.", "la paix", "le monde"),
    ("legky-facile", "Ce sera une victoire légère pour l'équipe de Moscou.", "légère", "facile"),
    ("vysokiy-haut", "Le pays investit dans les technologies élevées.", "technologies élevées", "hautes technologies"),
    ("zaklyuchenie-prison", "Il a été condamné à huit ans de conclusion dans une colonie à régime sévère.",
     "conclusion", "prison"),
    ("vyvod-retrait", "Moscou exige la conclusion des troupes américaines de la région.", "la conclusion",
     "le retrait"),
    ("sledstvie-enquete", "Selon la conséquence, le suspect a agi seul.", "la conséquence", "l'enquête"),
    ("prigovor-peine", "Le tribunal a prononcé une phrase de dix ans de prison contre l'opposant.", "une phrase",
     "une peine"),
    ("sostoyanie-fortune", "Selon Forbes, l'état du milliardaire est estimé à 200 milliards de dollars.", "l'état",
     "la fortune"),
    ("otnoshenie-attitude", "Il a dénoncé la relation envers les migrants.", "la relation", "l'attitude"),
    ("kran-grue", "Un robinet s'est effondré sur un chantier de construction.", "Un robinet", "Une grue"),
    ("luk-arc", "Elle a remporté l'or en tir à l'oignon aux Jeux.", "l'oignon", "l'arc"),
    ("leto-an", "Il a été condamné à 12 étés de prison.", "étés", "ans"),
    ("efir-antenne", "Le président a déclaré dans l'éther de la télévision publique que la guerre continuerait.",
     "l'éther", "l'antenne"),
    ("snaryad-agres", "La gymnaste a remporté la finale à deux projectiles, la poutre et le sol.", "projectiles",
     "agrès"),
    ("ochki-points", "L'équipe a marqué vingt lunettes lors du match de dimanche.", "lunettes", "points"),
    ("vorota-but", "Le gardien a laissé passer le ballon dans la porte vide.", "la porte", "le but"),
    ("privivka-vaccin", "Les enfants doivent recevoir une greffe contre la rougeole.", "une greffe", "un vaccin"),
    ("retsept-ordonnance", "Ces médicaments ne sont vendus que sur recette en pharmacie.", "recette", "ordonnance"),
    ("ryad-serie", "Une rangée de pays ont imposé des sanctions.", "Une rangée", "Une série"),
    ("vid-discipline", "La Russie est exclue de plusieurs vues de sport olympiques.", "plusieurs vues",
     "plusieurs disciplines"),
    ("vid-espece", "Cette vue menacée d'extinction vit dans la taïga.", "Cette vue", "Cette espèce"),
    ("partiya-lot", "Un nouveau parti d'armes est arrivé en Ukraine.", "parti", "lot"),
    ("partiya-partie", "Carlsen a gagné le parti d'échecs en 40 coups.", "le parti", "la partie"),
    ("mashina-voiture", "La machine a percuté un piéton sur l'autoroute.", "La machine", "La voiture"),
    ("oblast-domaine", "Les deux pays coopèrent dans la région de la médecine et de l'éducation.", "la région",
     "le domaine"),
    ("napravlenie-axe", "Sur la direction de Koupiansk, les forces ukrainiennes ont repoussé cinq attaques.",
     "la direction", "l'axe"),
    ("mesto-siege", "Le parti a obtenu 120 places à la Douma lors des élections.", "places", "sièges"),
    ("litso-personne", "Les visages sans citoyenneté ne peuvent pas voter.", "Les visages", "Les personnes"),
    ("svidetelstvo-acte", "Il a présenté son témoignage de naissance à la mairie.", "son témoignage", "son acte"),
    ("prava-permis", "Il a été privé de ses droits de conduire pour ivresse.", "ses droits", "ses permis"),
    ("podrazdelenie-unite", "Les subdivisions des forces armées ont repoussé l'assaut ennemi.", "Les subdivisions",
     "Les unités"),
    ("chast-unite", "Il servait dans une partie militaire stationnée près de Belgorod.", "une partie", "une unité"),
    ("otstavka-retraite", "Un général en démission a critiqué le commandement.", "démission", "retraite"),
    ("srok-peine", "L'opposant a reçu un délai réel de cinq ans.", "un délai", "une peine"),
    ("proizvodstvo-procedure", "Le parquet a ouvert une production pénale contre le journaliste.", "une production",
     "une procédure"),
    ("pravlenie-direction", "Le président du règne de Gazprom a démissionné.", "règne", "direction"),
    ("torgi-seance", "À la Bourse de Moscou, les enchères ont clôturé en hausse, le rouble s'appréciant.",
     "les enchères", "les échanges"),
    ("zachet-classement", "Le biathlète norvégien mène le crédit général de la Coupe du monde.", "le crédit",
     "le classement"),
    ("veritelnye-creance", "Le nouvel ambassadeur a remis ses lettres de crédit au président.", "crédit", "créance"),
    ("pervenstvo-championnat", "L'équipe a remporté la primauté de Russie de football junior.", "la primauté",
     "le championnat"),
    ("shtraf-penalite", "Le défenseur a écopé d'une amende de deux minutes en troisième période.", "une amende",
     "une pénalité"),
    ("napadayushchiy-attaquant", "L'agresseur du Spartak a marqué deux buts contre le Zénith.", "L'agresseur",
     "L'attaquant"),
    ("peredacha-passe", "Il a marqué un but et délivré une transmission décisive.", "une transmission", "une passe"),
    ("poyas-fuseau", "La Russie s'étend sur onze ceintures horaires.", "ceintures", "fuseaux"),
    ("trassa-route", "Un accident a eu lieu sur la trace fédérale M-4.", "la trace", "la route"),
    ("porazhenie-lesion", "Le scanner a révélé une défaite des poumons de 40 %.", "une défaite", "une lésion"),
    ("porazhenie-destruction", "L'armée a annoncé la défaite de la cible par un missile.", "la défaite",
     "la destruction"),
    ("tsel-cible", "Les drones ont frappé des buts militaires dans la région.", "des buts", "des cibles"),
    ("zhertva-victime", "Le bilan de l'explosion s'élève à dix sacrifices parmi les civils.", "sacrifices",
     "victimes"),
    ("dogovor-contrat", "Il a signé un traité de travail avec l'entreprise.", "un traité", "un contrat"),
    ("dogovor-traite", "La Russie a suspendu sa participation au contrat de désarmement nucléaire New START.",
     "contrat", "traité"),
    ("raketa-missile", "Une fusée russe a été interceptée au-dessus de Kiev.", "Une fusée", "Un missile"),
    ("priem-prise", "La réception de médicaments sans avis médical est dangereuse.", "La réception", "La prise"),
    ("priem-rendezvous", "Il a attendu trois mois une réception chez le médecin.", "une réception",
     "un rendez-vous"),
    ("vozbuditel-pathogene", "L'excitateur de la maladie a été identifié.", "L'excitateur", "L'agent pathogène"),
    ("rabochiy-travail", "Le ministre est arrivé à Pékin pour une visite ouvrière.", "ouvrière", "de travail"),
    ("srochnaya-sluzhba", "Les conscrits en service urgent ne seront pas envoyés au front.", "urgent", "militaire"),
    ("sektor-gaza-bande", "L'armée a lancé une opération dans le secteur de Gaza.", "le secteur", "la bande"),
]

# (row id, sentence where the French word is right: the row's anti context or no cue)
RIGHT_SENSE = [
    ("sreda-mercredi", "Le ministre de l'Environnement a annoncé lundi un plan pour le climat."),
    ("sreda-mercredi-milieu", "Il est arrivé au milieu de la semaine dernière."),
    ("sreda-mercredi-milieu", "Le milieu de terrain a marqué dimanche."),
    ("kosa-fleche", "Le paysan affûte sa faux avant de faucher le foin."),
    ("udar-avc", "Le policier a été hospitalisé après un coup de couteau."),
    ("udar-avc", "Cette décision est un coup dur pour l'hôpital de la ville."),
    ("stavka-pari-taux", "Le gouvernement fait le pari de la croissance."),
    ("stavka-qg", "Le taux de chômage a baissé."),
    ("schet-score", "Pour le compte de la 10e journée, Lyon a battu Nice 2-1."),
    ("schet-score", "Il a ouvert un compte bancaire."),
    ("aktsiya-action", "Sa promotion au grade de colonel a été annoncée."),
    ("yazyk-langue", "Le langage de programmation Python est populaire."),
    ("svet-courant", "L'enquête doit faire toute la lumière sur les coupures d'électricité."),
    ("svet-courant", "Le jardin était rempli de lumière électrique."),
    ("mir-monde", "Le prix Nobel de la paix a été attribué hier."),
    ("legky-facile", "Le soldat a subi une blessure légère."),
    ("vysokiy-haut", "Il a été élevé au rang de général."),
    ("zaklyuchenie-prison", "En conclusion, le tribunal a rejeté la demande."),
    ("vyvod-retrait", "La conclusion du rapport est claire."),
    ("sledstvie-enquete", "En conséquence, le suspect a été libéré."),
    ("prigovor-peine", "Le juge a lu une phrase célèbre de Montesquieu."),
    ("sostoyanie-fortune", "L'état de santé du milliardaire s'est aggravé."),
    ("kran-grue", "La Russie menace de fermer le robinet du gaz."),
    ("luk-arc", "Émincer l'oignon et l'ail pour la soupe."),
    ("leto-an", "Les deux derniers étés ont été très chauds."),
    ("efir-antenne", "L'éther diéthylique est un solvant utilisé en chimie."),
    ("snaryad-agres", "Un projectile d'artillerie est tombé sur le village."),
    ("ochki-points", "Il porte des lunettes de soleil pendant le match."),
    ("vorota-but", "Il a frappé à la porte de la maison."),
    ("privivka-vaccin", "Il a subi une greffe de rein."),
    ("retsept-ordonnance", "Les recettes fiscales ont augmenté de 5 milliards d'euros."),
    ("ryad-serie", "Une rangée d'arbres borde la route."),
    ("vid-espece", "De ce point de vue, l'extinction est menacée."),
    ("partiya-lot", "Le parti de gauche a remporté les élections."),
    ("mashina-voiture", "La machine à laver est tombée en panne."),
    ("oblast-domaine", "La région de Kharkiv a été bombardée."),
    ("napravlenie-axe", "La direction de l'entreprise a annoncé des licenciements."),
    ("napravlenie-axe", "Puis les carabines s'abaissèrent dans la direction de l'ennemi."),
    ("mesto-siege", "Il reste des places au parlement des enfants pour la visite."),
    ("podrazdelenie-unite", "Le canton est une subdivision administrative du département."),
    ("chast-unite", "La partie militaire de l'accord prévoit un retrait."),
    ("otstavka-retraite", "Le ministre a présenté sa démission."),
    ("srok-peine", "Le délai de prescription a expiré."),
    ("proizvodstvo-procedure", "La production de pétrole a augmenté."),
    ("pravlenie-direction", "Sous le règne de Louis XIV, la France s'agrandit."),
    ("torgi-seance", "Le tableau a été adjugé aux enchères chez Drouot."),
    ("zachet-classement", "Le crédit d'impôt a été accordé aux ménages."),
    ("veritelnye-creance", "La banque a émis une lettre de crédit documentaire pour l'importateur."),
    ("pervenstvo-championnat", "La primauté du droit européen a été rappelée."),
    ("shtraf-penalite", "Il a payé une amende de 135 euros."),
    ("napadayushchiy-attaquant", "L'agresseur de la victime a été interpellé par la police."),
    ("peredacha-passe", "La transmission du virus est rapide."),
    ("trassa-route", "La police a retrouvé des traces de sang."),
    ("porazhenie-lesion", "Le parti a subi une défaite électorale cuisante."),
    ("tsel-cible", "L'attaquant a frappé au but."),
    ("zhertva-victime", "Les Français devront faire des sacrifices."),
    ("dogovor-contrat", "Le traité de paix a été ratifié."),
    ("dogovor-traite", "Le joueur a signé un contrat avec le club."),
    ("raketa-missile", "La fusée Soyouz a décollé de Baïkonour."),
    ("priem-prise", "La réception des médicaments par les hôpitaux a été retardée."),
    ("rabochiy-travail", "La classe ouvrière a manifesté."),
    ("srochnaya-sluzhba", "Le patient a été transféré au service urgent de l'hôpital."),
    ("sektor-gaza-bande", "Le secteur de l'énergie est en crise."),
]


def _new_rows() -> list[dict[str, str]]:
    return [r for r in _read_tsv(SENSES_FILE) if r.get("id") not in OLD_IDS]


def test_new_rows_are_well_formed():
    rows = _read_tsv(SENSES_FILE)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert OLD_IDS <= set(ids)
    new = _new_rows()
    assert 40 <= len(new) <= 70
    for r in new:
        assert r["pivot"].startswith(("ru:", "en:")), r["id"]
        assert r["wrong"] and r["right"] and r["source"].startswith("Wiktionary"), r["id"]
        assert r["category"] == "accuracy/mistranslation" and r["severity"] in {"major", "minor"}, r["id"]
        assert 0.5 <= float(r["confidence"]) <= 0.9, r["id"]
        cues = parse_cues(r["cues"])
        assert cues, f"{r['id']}: a new row needs a cue"
        for c in cues + parse_cues(r["anti"]):
            assert c.kind in CUE_KINDS, (r["id"], c.kind)
            if c.kind == "text":
                re.compile(next(iter(c.values)))
            else:
                assert all(" " not in v for v in c.values), (r["id"], c)
    by_id = {c.id for cs in sense_confusions().values() for c in cs}
    assert {r["id"] for r in new} <= by_id


def test_every_new_row_is_exercised():
    new = {r["id"] for r in _new_rows()}
    assert new == {i for i, *_ in WRONG_SENSE}
    assert len({i for i, _ in RIGHT_SENSE}) >= 12


@pytest.mark.parametrize("row, text, span, suggestion", WRONG_SENSE, ids=[c[0] for c in WRONG_SENSE])
def test_wrong_sense_in_cue_context_is_flagged(reviewer, row, text, span, suggestion):
    out = _mistranslations(reviewer, text)
    mine = [f for f in out if f.evidence.get("entry") == row]
    assert mine, [(f.text, f.suggestions, f.evidence.get("entry")) for f in out]
    f = mine[0]
    assert f.text == span
    assert f.suggestions and f.suggestions[0] == suggestion
    assert f.evidence.get("mechanism") == "pivot-sense"


@pytest.mark.parametrize("row, text", RIGHT_SENSE, ids=[f"{c[0]}-{i}" for i, c in enumerate(RIGHT_SENSE)])
def test_word_in_its_own_sense_is_not_flagged(reviewer, row, text):
    out = _mistranslations(reviewer, text)
    assert out == [], [(f.text, f.suggestions, f.evidence.get("entry")) for f in out]
