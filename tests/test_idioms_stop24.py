"""The stop-24 batch of idiom calques in ``idiom_calques.jsonl`` (the entries after the ``// ---- stop 24``
comment): common Russian and English idioms of news, sport and business text rendered word for word through
the pivot («sur toutes les vapeurs», «faire un éléphant d'une mouche», «tuer deux lièvres d'un coup», «mordre
la balle», «coûter un bras et une jambe»). A sentence with the literal rendering for a sample of the entries
(flagged, with the French idiom as suggestion), and correct French look-alikes left alone (the French idiom
itself, or the same words used literally). The sentences were written for these tests."""

from __future__ import annotations

import json

import pytest
from conftest import slow_fixture

from mtreview.knowledge.confusions import IDIOM_CALQUES_FILE, calque_patterns

MARK = "// ---- stop 24"


def _entries() -> list[dict]:
    lines = IDIOM_CALQUES_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(MARK))
    return [json.loads(ln) for ln in lines[start:] if ln.strip() and not ln.startswith("//")]


@pytest.fixture(scope="module")
@slow_fixture
def reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["mistranslation"])


def _idiom_flags(reviewer, text: str) -> list:
    return [f for f in reviewer.review(text).flags
            if str(f.evidence.get("entry", "")).startswith("idiom-")]


def test_stop24_fields() -> None:
    rows = _entries()
    assert len(rows) >= 150
    all_ids = [p.id for p in calque_patterns()]
    assert len(all_ids) == len(set(all_ids))
    assert set(all_ids) >= {e["id"] for e in rows}
    for e in rows:
        assert e["id"].startswith("idiom-") and e["pattern"]
        assert e["category"] == "accuracy/mistranslation" and e["severity"] == "minor"
        assert 0.75 <= e["confidence"] <= 0.85
        assert e["pivot"].startswith(("ru:", "en:")) and e["suggest"] and e["explanation"]
        assert "wiktionary.org" in e["source"] and "fr-ngrams" in e["source"]
        for tok in e["pattern"]:
            values = tok.get("LOWER", {}).get("IN", [None]) if isinstance(tok.get("LOWER"), dict) else [None]
            assert all(v is None or v == v.lower() for v in values), e["id"]
    tested = {entry for _, entry, _ in POSITIVES}
    assert len(tested) >= 40 and tested <= {e["id"] for e in rows}


POSITIVES = [
    ('Le projet avance désormais sur toutes les vapeurs.',
     'idiom-toutes-vapeurs', 'à toute vapeur'),
    ('Le club a recruté un attaquant sous le rideau de la saison.',
     'idiom-rideau-saison', 'à la fin'),
    ("Le ministre garde la main sur le pouls de l'économie.",
     'idiom-main-pouls', 'suit de près'),
    ("La presse a fait un éléphant d'une mouche.",
     'idiom-elephant-mouche', "une montagne d'un rien"),
    ('Après la faillite, il était nu comme un faucon.',
     'idiom-nu-faucon', 'pauvre comme Job'),
    ('Les étudiants rongent le granit de la science jour et nuit.',
     'idiom-granit-science', "étudient d'arrache-pied"),
    ("Les deux associés ont vécu âme dans l'âme pendant vingt ans.",
     'idiom-ame-dans-ame', 'en parfaite harmonie'),
    ('Les entreprises doivent marcher au pas avec le temps.',
     'idiom-pas-temps', 'avec son temps'),
    ('Ils se disputent comme un chat avec un chien.',
     'idiom-chat-chien', 'comme chien et chat'),
    ("Les deux ministres s'entendent comme chat et chien.",
     'idiom-chat-et-chien', 'comme chien et chat'),
    ('Quand on parle de lui, il arrive : il est léger à la mention.',
     'idiom-leger-mention', 'quand on parle du loup'),
    ("Les élections sont sur le nez et rien n'est prêt.",
     'idiom-est-sur-nez', 'sont à nos portes'),
    ('En informatique, il ne comprend ni dans la dent avec le pied.',
     'idiom-dent-pied', "n'y connaître rien"),
    ('Depuis son départ, ni ouïe ni esprit de lui.',
     'idiom-ouie-esprit', 'aucune nouvelle'),
    ('Il a signé ce décret sous la main chaude.',
     'idiom-main-chaude', 'dans un moment de colère'),
    ('Avec cette remarque, le journaliste est tombé dans le point.',
     'idiom-tomber-point', 'mis dans le mille'),
    ("Les électeurs sont rassasiés jusqu'à la gorge de promesses.",
     'idiom-rassasie-gorge', 'en avoir par-dessus la tête'),
    ('Le nouveau directeur est un kalatch râpé.',
     'idiom-kalatch', 'vieux routier'),
    ("Avec cette réforme, le gouvernement veut tuer deux lièvres d'un coup.",
     'idiom-deux-lievres', "faire d'une pierre deux coups"),
    ('Pendant la réunion, il claquait des oreilles.',
     'idiom-claquer-oreilles', 'bayait aux corneilles'),
    ("Le match s'est déroulé sans nœud ni écharde.",
     'idiom-noeud-echarde', 'sans accroc'),
    ('Ils gagnent leur pain dans la sueur du visage.',
     'idiom-sueur-visage', 'à la sueur de son front'),
    ('Les subventions arrivent une cuillère à thé par heure.',
     'idiom-cuillere-heure', 'au compte-gouttes'),
    ('Il ne faut pas caresser les électeurs contre le poil.',
     'idiom-caresser-poil', 'prendre à rebrousse-poil'),
    ('Le patron tient ses employés dans un corps noir.',
     'idiom-corps-noir', 'mène la vie dure'),
    ('Le chef du parti a disparu, comme tombé à travers la terre.',
     'idiom-travers-terre', 'volatilisé'),
    ('Le ministre sort hors de sa peau pour plaire aux électeurs.',
     'idiom-hors-peau', 'fait des pieds et des mains'),
    ('Ce plombier est un maître à toutes les mains.',
     'idiom-maitre-mains', 'homme à tout faire'),
    ('Le gouvernement a lancé la réforme au peut-être.',
     'idiom-au-peut-etre', 'au petit bonheur'),
    ('Sa remarque tombait ni au village ni à la ville.',
     'idiom-village-ville', 'comme un cheveu sur la soupe'),
    ("Les bénévoles travaillent de l'aube à l'aube.",
     'idiom-aube-aube', 'du matin au soir'),
    ('Au bureau, il crache au plafond toute la journée.',
     'idiom-cracher-plafond', 'baye aux corneilles'),
    ('Le ministre laisse passer les critiques à côté des oreilles.',
     'idiom-cote-oreilles', 'sans y prêter attention'),
    ("L'équipe a gagné avec le chagrin en moitié.",
     'idiom-chagrin-moitie', 'tant bien que mal'),
    ("Il est venu habillé de l'aiguille.",
     'idiom-habille-aiguille', 'tiré à quatre épingles'),
    ('Il défendait son projet avec de la mousse à la bouche.',
     'idiom-mousse-bouche', "l'écume aux lèvres"),
    ("Combien d'années, combien d'hivers ! Je ne t'avais pas vu depuis le lycée.",
     'idiom-combien-hivers', 'ça fait une éternité'),
    ('En matière de fiscalité, il a mangé le chien sur ces questions.',
     'idiom-mange-chien', 'un rayon'),
    ('Les négociateurs tirent le caoutchouc depuis des semaines.',
     'idiom-tirer-caoutchouc', 'traînent en longueur'),
    ('Cet homme politique a la langue sans os.',
     'idiom-langue-sans-os', 'la langue bien pendue'),
    ("Ce candidat est un cheval sombre de l'élection présidentielle.",
     'idiom-cheval-sombre', 'outsider'),
    ('Le ministre a travaillé sans poser les mains toute la semaine.',
     'idiom-sans-poser-mains', 'sans relâche'),
    ('Les sanctions ont réduit à non les efforts de la diplomatie.',
     'idiom-reduire-non', 'réduit à néant'),
    ('Les partisans se tiennent comme une montagne pour leur chef.',
     'idiom-montagne-pour', 'bec et ongles'),
    ('La coupe de patience des habitants a débordé.',
     'idiom-coupe-patience', 'la coupe est pleine'),
    ('Ce chiffre a été pris du plafond, il ne repose sur aucune donnée.',
     'idiom-prendre-plafond', 'sorti de nulle part'),
    ("Il faut forger le fer tant qu'il est chaud.",
     'idiom-forger-fer', "battre le fer tant qu'il est chaud"),
    ("Moscou ne s'est pas construite en un jour.",
     'idiom-moscou-jour', "Rome ne s'est pas faite en un jour"),
    ('Le gouvernement devra mordre la balle et augmenter les impôts.',
     'idiom-mordre-balle', 'serrer les dents'),
    ('Ce nouveau stade a coûté un bras et une jambe.',
     'idiom-bras-jambe', 'les yeux de la tête'),
    ('Après le concert, le groupe a frappé la route vers Lyon.',
     'idiom-frapper-route', 'a pris la route'),
    ("L'équipe s'est qualifiée par la peau des dents.",
     'idiom-peau-dents', 'de justesse'),
    ('Le candidat a frappé le jackpot avec ce débat.',
     'idiom-frapper-jackpot', 'a décroché le jackpot'),
    ("Continuer ces négociations, c'est battre un cheval mort.",
     'idiom-cheval-mort', 'perdre son temps'),
    ('La nouvelle est arrivée hors du bleu.',
     'idiom-hors-bleu', "à l'improviste"),
    ('Pour couper une longue histoire courte, le contrat a été signé.',
     'idiom-longue-histoire', 'bref'),
    ('Le ministre a jeté la serviette après le vote.',
     'idiom-jeter-serviette', "a jeté l'éponge"),
    ("Tenez vos chevaux, rien n'est encore décidé.",
     'idiom-tenez-chevaux', 'pas si vite'),
    ('Retour à la planche à dessin pour les négociateurs.',
     'idiom-planche-dessin', 'à la case départ'),
    ('Cette victoire en finale a été le glaçage sur le gâteau.',
     'idiom-glacage-gateau', 'la cerise sur le gâteau'),
    ('Sa fille est la pomme de son œil.',
     'idiom-pomme-oeil', 'la prunelle de ses yeux'),
    ('La campagne du candidat est à court de vapeur.',
     'idiom-court-vapeur', 'à bout de souffle'),
    ("Pas de douleur, pas de gain, répète l'entraîneur.",
     'idiom-douleur-gain', "on n'a rien sans rien"),
    ("Hors de vue, hors d'esprit : le public a déjà oublié ce joueur.",
     'idiom-hors-vue-esprit', 'loin des yeux, loin du cœur'),
    ("Il arrive qu'on se lève du mauvais côté du lit.",
     'idiom-mauvais-cote-lit', 'du pied gauche'),
    ('Il a une grenouille dans la gorge depuis ce matin.',
     'idiom-grenouille-gorge', 'un chat dans la gorge'),
    ('Il faut toujours avoir son gâteau et le manger.',
     'idiom-gateau-manger', "vouloir le beurre et l'argent du beurre"),
    ('Dans une coquille de noix, le projet est mort.',
     'idiom-coquille-noix', 'en un mot'),
    ("Le joueur s'est retrouvé sur le nuage neuf après son but.",
     'idiom-nuage-neuf', 'aux anges'),
]


@pytest.mark.parametrize("text, entry, suggestion", POSITIVES)
def test_stop24_literal_idiom_flagged(reviewer, text: str, entry: str, suggestion: str) -> None:
    flags = [f for f in _idiom_flags(reviewer, text) if f.evidence["entry"] == entry]
    assert flags, text
    assert any(suggestion.lower() in s.lower() for f in flags for s in f.suggestions), \
        [f.suggestions for f in flags]


TRAPS = [
    'Il faut mettre des bâtons dans les roues de ce projet.',
    'Le train avançait à toute vapeur vers la frontière.',
    'Le rideau de fer est tombé en 1989, sous le rideau de la fenêtre.',
    "Il a battu le tambour pour donner l'alarme.",
    "L'infirmière a pris le pouls du patient, la main sur son poignet.",
    'La statue était peinte des pieds à la tête.',
    'Ils se disputent comme chien et chat.',
    'Cette nouvelle est tombée comme un coup de tonnerre.',
    "Il a fait d'une pierre deux coups.",
    'Le chien battait des oreilles en courant.',
    'Il a trouvé un cheveu sur la soupe.',
    'Elle a passé les mains dans ses cheveux.',
    "Le prince s'installa sur le cou de l'animal.",
    'Il a jeté la serviette sale sur le sol de la salle de bains.',
    'Tenez vos chevaux sellés et attendez mes ordres.',
    "Il a manqué le bateau pour l'île.",
    'Les enfants crachaient dans le puits pour faire des ronds.',
    "Le public a pris le jeu de l'équipe à rebrousse-poil.",
    'La dinde froide du repas de Noël était délicieuse.',
    'Les élections approchent et les candidats sont à nos portes.',
    'Il a mis ses lunettes sur le nez et il est sur le nez de la montagne.',
    "Le bateau n'était qu'une coquille de noix sur la mer déchaînée.",
    'Il a baissé les mains quand la police a crié « haut les mains ».',
    'Il a touché la base aérienne avec son avion.',
    'Le corps noir émet un rayonnement thermique selon la loi de Planck.',
    "L'équipe a remporté la partie haut la main.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_stop24_french_look_alikes_left_alone(reviewer, text: str) -> None:
    assert not [f for f in reviewer.review(text).flags if f.confidence >= 0.5], text
