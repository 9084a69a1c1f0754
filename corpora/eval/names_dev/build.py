"""Build ``pivot_articles.jsonl`` from the readable articles below.

Markup in the article texts:

* ``[[span|expected|mechanism|entity]]`` — a corrupted name (gold). ``span`` is what the text shows,
  ``expected`` the correct French spelling of that span, ``mechanism`` one of MECHANISMS, ``entity``
  the full correct name of the person or organisation (defaults to ``expected``); ``in_base`` is true
  when that full name is the French, English or alias form of an entity of the names base.
* ``{{name}}`` — a correctly spelled unusual name that must be left alone (trap).

Offsets are computed here, never counted by hand. Run from the repository root:

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python corpora/eval/names_dev/build.py

It writes the JSONL next to this file and prints counts and, for information, which tokens of each gold
entity the names base knows as a token of some other entity.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
OUT = HERE / "pivot_articles.jsonl"
MECHANISMS = {"retranslit", "case_ending", "translated", "calque", "vowel_drop", "locale"}

ARTICLES: list[tuple[str, str, str]] = [
    (
        "dev-01",
        "Une start-up de biotechnologie lève 40 millions de dollars contre la fibrose pulmonaire",
        """\
La jeune entreprise bostonienne Silver Birch Therapeutics a annoncé mardi avoir levé 40 millions de dollars pour financer le développement de son traitement expérimental contre la fibrose pulmonaire. Son directeur général, Nathan Whitcombe, a déclaré que ces fonds permettraient de lancer un essai clinique de phase II dès l'automne.
Selon [[Natan Uitkomb|Nathan Whitcombe|retranslit]], la molécule a été découverte dans le laboratoire de [[Khaviera Echeverrii|Javier Echeverría|case_ending]], cofondateur de la société et ancien chercheur à Barcelone. « Nous avons observé des résultats que personne n'attendait », a-t-il affirmé lors d'une conférence de presse.
Le tour de table a été mené par le fonds Harbor Light Ventures, dont l'associée Laura Weaver siège désormais au conseil d'administration de la [[Thérapeutique du Bouleau d'Argent|Silver Birch Therapeutics|calque]]. Mme [[Tisserand|Weaver|translated|Laura Weaver]] a précisé que l'investissement avait été décidé après six mois d'analyse des données précliniques.
La partie allemande du projet est confiée à l'équipe de [[Mattiasa Shenfeldera|Matthias Schönfelder|case_ending]] à Heidelberg, qui travaille avec la biologiste polonaise {{Małgorzata Wiśniewska}} et le bio-informaticien flamand {{Geert Vandenbroucke}}. Les essais cliniques seront coordonnés à Dublin par la pneumologue {{Aoife Ní Chatháin}}.
Des analystes rappellent que [[Pfaizer|Pfizer|retranslit]] avait abandonné une piste similaire en 2021, faute de résultats concluants. Interrogée sur un éventuel rachat, l'équipe de [[Uitkomba|Whitcombe|case_ending|Nathan Whitcombe]] a répondu que la société n'était « pas à vendre » et qu'elle comptait rester indépendante au moins jusqu'à la fin de l'essai.
""",
    ),
    (
        "dev-02",
        "Élections régionales en Basse-Saxe : les conservateurs en tête, une coalition à construire",
        """\
Les conservateurs sont arrivés en tête dimanche des élections régionales en Basse-Saxe, selon les résultats provisoires publiés lundi matin, mais ils devront trouver un partenaire pour gouverner.
Leur tête de liste, [[Fridrikh Kholtsapfel|Friedrich Holzapfel|retranslit]], ancien maire d'{{Osnabrück}}, a obtenu 31,4 % des voix. « Les électeurs ont voté pour la stabilité », a-t-il déclaré devant ses partisans à Hanovre. Les sociaux-démocrates de [[Katarina Shtainmets|Katharina Steinmetz|retranslit]], qui dirigeaient le gouvernement sortant, perdent près de six points.
La surprise est venue de la liste citoyenne conduite par {{Serkan Yıldırım}}, un entrepreneur de 44 ans, qui entre au parlement régional avec 7 % des suffrages. Son colistier {{Jörg Brüggemann}} a qualifié ce résultat d'« historique ».
Selon l'institut [[Nortgeit Insaits|Northgate Insights|retranslit]], qui avait réalisé le dernier sondage avant le scrutin, la participation a atteint 58 %, son plus haut niveau depuis vingt ans. Le politologue britannique [[Ris Lluellin|Rhys Llewellyn|retranslit]], qui suit la politique allemande depuis Cardiff, estime que la victoire de [[Kholtsapfelya|Holzapfel|case_ending|Friedrich Holzapfel]] reste fragile. « Une coalition avec les Verts de {{Wiebke Thießen}} est possible, mais elle coûtera cher », a-t-il expliqué.
D'après [[Lluellina|Llewellyn|case_ending|Rhys Llewellyn]], les négociations pourraient durer plusieurs semaines. La candidate sociale-démocrate a reconnu sa défaite, mais elle n'a pas exclu de gouverner dans une « grande coalition » avec [[Kholtsapfelem|Holzapfel|case_ending|Friedrich Holzapfel]].
""",
    ),
    (
        "dev-03",
        "Échecs : un jeune Anglais remporte le tournoi de Wijk aan Zee",
        """\
Le grand maître anglais Joshua Hetherington a remporté dimanche le tournoi international de {{Wijk aan Zee}}, aux Pays-Bas, devançant d'un demi-point plusieurs favoris, dont le champion norvégien Magnus Carlsen.
[[Dzhoshua Kheterington|Joshua Hetherington|retranslit]], 23 ans, n'avait jamais terminé parmi les trois premiers d'une compétition de ce niveau. Sa victoire lors de la dernière ronde face au Chinois [[Syuy Ventsze|Xu Wenjie|retranslit]], dans une partie de plus de cinq heures, a été saluée par les commentateurs. « Il a joué la finale comme une machine », a déclaré l'arbitre principal, le Néerlandais {{Sjoerd van Wijngaarden}}. Le joueur chinois, qui menait seul avant la dernière ronde, a reconnu avoir « manqué de temps ».
L'Espagnol [[Khoakin Errera|Joaquín Herrera|retranslit]] termine deuxième, à égalité avec le Polonais {{Bartłomiej Kaczmarek}}. La défaite de [[Karlsena|Carlsen|case_ending|Magnus Carlsen]] face à l'Ukrainien {{Mykhaïlo Hnatiouk}} lors de la sixième ronde avait relancé le tournoi.
Le commentateur britannique Tom [[Évêque|Bishop|translated|Tom Bishop]] a estimé que la victoire de [[Kheteringtona|Hetherington|case_ending|Joshua Hetherington]] marquait « l'arrivée d'une nouvelle génération ». Le vainqueur repart avec un chèque de 50 000 euros offert par le fonds d'investissement [[Capital du Pont de Pierre|Stonebridge Capital|calque]], principal sponsor de l'épreuve depuis 2019.
""",
    ),
    (
        "dev-04",
        "À Galway, un musée de la mer ouvre ses portes face à l'Atlantique",
        """\
Le nouveau musée maritime de Galway, sur la côte ouest de l'Irlande, a ouvert ses portes samedi après quatre ans de travaux et un budget de 62 millions d'euros. Le bâtiment, une longue structure de verre et de pierre tournée vers l'Atlantique, a été conçu par l'architecte chinoise [[Chzhou Itin|Zhou Yiting|retranslit]] et le cabinet londonien [[Atelier de la Lumière du Nord|Northlight Studio|calque]].
Le ministre de la Culture, [[Ketal Doerti|Cathal Doherty|retranslit]], a inauguré le musée en présence de la directrice {{Gráinne Ní Mhurchú}}. « Ce lieu raconte l'histoire de ceux qui sont partis par la mer », a-t-il déclaré.
Une grande partie de la collection provient du mécène franco-libanais [[Karim Khaddad|Karim Haddad|retranslit]], qui a offert plus de 300 maquettes de navires et cartes anciennes, dont un journal de bord de 1847, de l'époque de la Grande Famine. Le reste du financement a été assuré par la fondation [[Braituoter|Brightwater|retranslit|Brightwater Foundation]] et par le collectionneur d'origine russe [[Arkady Lebedinsky|Arkadi Lebedinski|locale]]. Les gravures de la collection [[Lebedinskogo|Lebedinski|case_ending|Arkadi Lebedinski]] occupent toute une salle du premier étage.
Le conservateur en chef, Oliver [[Jardinier|Gardner|translated|Oliver Gardner]], a expliqué que les salles consacrées à l'émigration avaient été conçues avec l'historienne néerlandaise {{Nynke Hoekstra}} et le chercheur {{Pádraig Ó Cinnéide}}, de l'université de Galway. Le musée attend 150 000 visiteurs par an.
""",
    ),
    (
        "dev-05",
        "Une compagnie maritime britannique commande six porte-conteneurs au méthanol",
        """\
La compagnie maritime britannique Greywater Shipping a annoncé jeudi l'achat de six porte-conteneurs à un chantier chinois, pour un montant de 1,2 milliard de dollars, afin de renforcer ses liaisons entre l'Asie et les ports de la Baltique.
Le directeur général de la [[Navigation des Eaux Grises|Greywater Shipping|calque]], le Danois Henrik Vestergaard, a déclaré que les navires fonctionneraient au méthanol. « Nous voulons réduire nos émissions de moitié d'ici 2030 », a affirmé [[Khenrik Vestergor|Henrik Vestergaard|retranslit]] lors de la présentation des résultats annuels.
Les navires seront construits par le chantier que dirige [[Khuan Chzhitsyan|Huang Zhiqiang|retranslit]] près de Shanghai, et livrés à partir de 2027. La commande intervient alors que la concurrence de [[Maerska|Maersk|case_ending]] s'intensifie sur les routes entre la Chine et l'Europe du Nord.
Le syndicat des dockers de Gdansk, dirigé par [[Gzhegozh Vavzhinyak|Grzegorz Wawrzyniak|retranslit]], craint toutefois que l'arrivée de navires plus grands ne réduise le nombre d'escales. Selon [[Vavzhinyaka|Wawrzyniak|case_ending|Grzegorz Wawrzyniak]], la directrice du port, {{Agnieszka Błaszczyk}}, a promis des négociations avant l'été. Le capitaine d'armement néerlandais {{Jeroen IJsselmuiden}} et l'ingénieur danois {{Søren Bækgaard}} superviseront la construction.
L'analyste Mark [[Berger|Shepherd|translated|Mark Shepherd]], d'un cabinet de conseil londonien, estime que le pari de [[Vestergora|Vestergaard|case_ending|Henrik Vestergaard]] reste risqué tant que le prix du méthanol vert ne baisse pas.
""",
    ),
    (
        "dev-06",
        "Football : l'ailier anglais Jordan Ashworth file en Allemagne",
        """\
L'ailier anglais Jordan Ashworth, 22 ans, s'est engagé mercredi pour cinq saisons avec un club allemand, pour un montant estimé à 48 millions d'euros, bonus compris, selon plusieurs médias britanniques.
Les dirigeants de [[Borussii|Borussia|case_ending|Borussia Dortmund]] Dortmund ont confirmé l'accord dans un communiqué. « C'est un joueur rapide, intelligent et qui a faim », a déclaré l'entraîneur espagnol [[Khorkhe Vilyalobos|Jorge Villalobos|retranslit]], qui suivait [[Dzhordan Eshvort|Jordan Ashworth|retranslit]] depuis deux saisons.
Le joueur était sous contrat avec un club de deuxième division racheté l'an dernier par le fonds américain [[Groupe sportif de la Pierre Rouge|Redstone Sports Group|calque]]. Son agent néerlandais, [[Ruud Keipers|Ruud Kuijpers|retranslit]], a indiqué que plusieurs clubs anglais avaient fait des offres plus élevées, mais que le choix de [[Eshvorta|Ashworth|case_ending|Jordan Ashworth]] avait été « sportif avant tout ».
La visite médicale s'est déroulée lundi en présence de son kinésithérapeute personnel, [[Yan|Ian|retranslit|Ian Butcher]] [[Boucher|Butcher|translated|Ian Butcher]], qui l'accompagne depuis ses débuts. Ashworth retrouvera dans le vestiaire le milieu polonais {{Tymoteusz Pałka}} et le défenseur colombien {{Andrés Quiñónez}}. Il devra cependant disputer sa place à l'Irlandais {{Ciarán Mac Lochlainn}}, auteur de onze buts la saison dernière.
""",
    ),
    (
        "dev-07",
        "Un prix de recherche récompense des travaux sur les batteries au sodium",
        """\
Le prix Ashgrove pour la recherche en chimie des matériaux, doté de 500 000 livres, a été attribué mardi à une équipe internationale dirigée par la chimiste britannique Gwendolyn Ashcroft, de l'université de Leeds, pour ses travaux sur les batteries sodium-ion.
[[Gvendolin Eshkroft|Gwendolyn Ashcroft|retranslit]] partage la récompense avec le physicien [[Yevgeny Kuzmenkov|Evgueni Kouzmenkov|locale]], installé à Grenoble depuis 2015, et avec la chercheuse chinoise [[Lyan Syaoyui|Liang Xiaoyu|retranslit]], de l'université de Xiamen. Le prix, financé par le [[Fonds du Bosquet de Frênes|Ashgrove Trust|calque]], est remis chaque année depuis 1998.
Le président du jury, le professeur Richard [[Maçon|Mason|translated|Richard Mason]], a salué « une avancée qui pourrait rendre le stockage de l'énergie bien moins cher ». Selon lui, le travail d'[[Eshkroft|Ashcroft|retranslit|Gwendolyn Ashcroft]] a permis d'augmenter de 40 % la durée de vie des électrodes.
Une mention spéciale a été décernée à [[Ulrikhu Shaideggeru|Ulrich Scheidegger|case_ending]], de l'École polytechnique fédérale de Zurich, pour ses travaux sur les électrolytes solides. Le jury comptait notamment la Polonaise {{Ewa Zielińska-Nowak}}, le Tchèque {{Vojtěch Hrubý}}, le Roumain {{Dragoș Ionescu}} et l'Irlandais {{Eoghan Mac Aodha}}.
""",
    ),
    (
        "dev-08",
        "Pérou : une communauté andine bloque l'accès à une mine de cuivre",
        """\
Des centaines d'habitants de la région d'{{Apurímac}}, dans le sud du Pérou, bloquent depuis neuf jours la route d'accès à la mine de cuivre de Las Cumbres, exploitée par la société australienne [[Ressources de l'Écorce de Fer|Ironbark Resources|calque]], ont indiqué lundi les autorités locales.
Les manifestants accusent l'entreprise de polluer la rivière qui alimente leurs cultures. « Nous ne partirons pas tant que l'eau ne sera pas analysée », a déclaré la dirigeante communautaire {{Juana Quispe Huamán}}, entourée de l'élue municipale {{Rosa Ccori Mamani}}.
Le directeur général de la société, [[Uein Kholingsuort|Wayne Hollingsworth|retranslit]], s'est dit prêt à financer une étude indépendante. Selon [[Kholingsuorta|Hollingsworth|case_ending|Wayne Hollingsworth]], la mine respecte « toutes les normes environnementales péruviennes ». Le ministre de l'Énergie et des Mines, [[Khose Luis Khauregi|José Luis Jáuregui|retranslit]], a appelé au dialogue et envoyé une délégation sur place.
L'entreprise vend l'essentiel de son concentré au négociant suisse [[Glenkor|Glencore|vowel_drop]], qui n'a pas souhaité commenter. L'ingénieur brésilien [[Zhoau Karvalyu|João Carvalho|retranslit]], chargé de l'étude d'impact, a reconnu que des traces de métaux avaient été détectées en aval du site. Les conclusions de [[Karvalyu|Carvalho|vowel_drop|João Carvalho]] doivent être publiées le mois prochain.
Dans une lettre adressée à [[Pavlikovskomu|Pawlikowski|case_ending|Tomasz Pawlikowski]], dont le fonds détient 12 % du capital, la direction affirme que la production n'a pas été interrompue.
""",
    ),
]

_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")


def parse(raw: str) -> tuple[str, list[dict], list[dict]]:
    text, gold, traps, pos = [], [], [], 0
    length = 0
    for m in _MARK.finditer(raw):
        chunk = raw[pos : m.start()]
        text.append(chunk)
        length += len(chunk)
        if m.group(1) is not None:
            parts = m.group(1).split("|")
            assert len(parts) in (3, 4), parts
            span, expected, mech = parts[:3]
            entity = parts[3] if len(parts) == 4 else expected
            assert mech in MECHANISMS, mech
            gold.append({"start": length, "end": length + len(span), "text": span, "expected": expected,
                         "mechanism": mech, "_entity": entity})
        else:
            span = m.group(2)
            traps.append({"start": length, "end": length + len(span), "text": span})
        text.append(span)
        length += len(span)
        pos = m.end()
    text.append(raw[pos:])
    return "".join(text).rstrip("\n") + "\n", gold, traps


def build(articles: list[tuple[str, str, str]], out: Path) -> int:
    """Check ``articles`` (id, title, marked-up text), mark each gold name in or outside the names base, and
    write them to ``out`` as JSON lines (the second development set, ``../names_dev2/build.py``, builds with
    this too)."""
    sys.path.insert(0, str(HERE.parents[2]))
    from mtreview.knowledge.names import get_kb

    kb = get_kb()
    full_names: dict[str, list[str]] = {}
    for e in kb.entities:
        for form in [e.fr, e.en, *e.aliases]:
            if form:
                full_names.setdefault(form.lower(), []).append(e.fr)

    lines, n_words, n_in, n_out, n_traps = [], 0, 0, 0, 0
    mech_counts: dict[str, int] = {}
    for art_id, title, raw in articles:
        text, gold, traps = parse(raw)
        words = len(re.findall(r"\w+(?:['’-]\w+)*", text))
        assert 150 <= words <= 300, (art_id, words)
        assert 5 <= len(gold) <= 8, (art_id, len(gold))
        assert 3 <= len(traps) <= 5, (art_id, len(traps))
        spans = sorted((g["start"], g["end"]) for g in gold + traps)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, (art_id, (s1, e1), (s2, e2))
        for item in gold + traps:
            assert text[item["start"] : item["end"]] == item["text"], (art_id, item)
            assert "[" not in item["text"] and "{" not in item["text"]
        for g in gold:
            entity = g.pop("_entity")
            hits = full_names.get(entity.lower(), [])
            g["in_base"] = bool(hits)
            n_in += g["in_base"]
            n_out += not g["in_base"]
            mech_counts[g["mechanism"]] = mech_counts.get(g["mechanism"], 0) + 1
            token_hits = {t: sorted({kb.entities[v.entity].fr for v in kb.lookup(t)})[:3]
                          for t in re.split(r"[\s-]+", entity) if kb.lookup(t)}
            print(f"  {art_id} {g['text']!r:38} -> {g['expected']!r:24} {g['mechanism']:11} "
                  f"in_base={g['in_base']!s:5} entity={entity!r} tokens known: {token_hits or '-'}")
        n_words += words
        n_traps += len(traps)
        print(f"{art_id}: {words} words, {len(gold)} gold, {len(traps)} traps")
        lines.append(json.dumps({"id": art_id, "title": title, "text": text, "gold": gold, "traps": traps},
                                ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles, {n_words} words, gold {n_in + n_out} ({n_out} outside the base, "
          f"{n_in} in it), {n_traps} traps; mechanisms {dict(sorted(mech_counts.items()))}")
    print(f"wrote {out}")
    return 0


def main() -> int:
    return build(ARTICLES, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
