"""Build ``pivot_articles.jsonl`` (names development set 3) from the readable articles below.

Markup in the article texts:

* ``[[span|expected|mechanism|entity]]`` — a corrupted name (gold). ``span`` is what the text shows,
  ``expected`` the correct spelling of that span, ``mechanism`` one of MECHANISMS, ``entity`` the full
  correct name of the person or organisation (defaults to ``expected``); ``in_base`` is true when that
  full name is the French, English or alias form of an entity of the names base.
* ``{{name}}`` — a correctly spelled unusual name that must be left alone (trap).

Offsets are computed here, never counted by hand. Run from the repository root:

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python corpora/eval/names_dev3/build.py

It writes the JSONL next to this file and prints counts and, for information, which tokens of each gold
entity the names base knows as a token of some other entity.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
OUT = HERE / "pivot_articles.jsonl"
# mechanisms, limits and checks: those of ../names_dev/build.py

ARTICLES: list[tuple[str, str, str]] = [
    (
        "dev3-01",
        "Berlinale : un film géorgien sur des vignerons remporte l'Ours d'or",
        """\
Le film géorgien « Les Vignes de l'hiver », réalisé par [[Tamar Dzhaparidze|Tamar Japaridze|retranslit]], a remporté samedi l'{{Ours d'or}} du festival international du film de Berlin, la plus haute récompense de la compétition. Le jury a annoncé sa décision lors d'une cérémonie au théâtre de la {{Potsdamer Platz}}.
Le film raconte l'histoire d'une famille de vignerons de Kakhétie pendant l'hiver 1993, quand le pays manquait d'électricité et de pain. Le rôle principal est joué par l'acteur arménien [[Vage Akopyan|Vahe Hakobyan|retranslit]], qui a appris le géorgien pour le tournage, et le rôle de la mère par l'actrice russe [[Kseniya Lavrentyeva|Ksenia Lavrentieva|locale]]. La présidente du jury, la réalisatrice sud-coréenne [[Chon Khe Von|Jung Hae-won|retranslit]], a qualifié l'œuvre de « film patient et très courageux ».
Le film a été coproduit par la société londonienne [[Films du Cerf-Volant Rouge|Red Kite Pictures|calque]], dont le producteur [[Grem|Graham|retranslit|Graham Cooper]] [[Tonnelier|Cooper|translated|Graham Cooper]] a déclaré que le tournage a duré seulement trente-deux jours. L'image est signée par la directrice de la photographie vietnamienne {{Trần Thị Mỹ Linh}}, et la musique par l'Irlandaise {{Caoimhe Ní Fhlaithearta}}.
Selon plusieurs médias spécialisés, les droits de diffusion mondiale ont déjà été achetés par la plateforme américaine, et le film sera disponible dans l'offre de [[Netfliksa|Netflix|case_ending]] dès l'automne. Il s'agit du deuxième long métrage de Tamar Japaridze, dont le premier film avait été montré à Cannes en 2019.
""",
    ),
    (
        "dev3-02",
        "Grève des pilotes : une compagnie aérienne norvégienne annule plus de 400 vols",
        """\
La compagnie aérienne norvégienne Polar Star Airways a annoncé lundi l'annulation de plus de 400 vols en trois jours, à la suite d'une grève de ses pilotes, qui réclament une hausse des salaires de 9 %. Environ 60 000 passagers sont touchés, principalement au départ d'Oslo-{{Gardermoen}} et de {{Tromsø}}.
Le directeur général des [[Lignes aériennes de l'Étoile Polaire|Polar Star Airways|calque]], [[Eistein Yelmelann|Øystein Hjelmeland|retranslit]], a qualifié les demandes du syndicat d'« irréalistes ». « La compagnie a perdu de l'argent pendant deux ans, nous ne pouvons pas payer plus », a-t-il déclaré à la télévision publique.
Le syndicat des pilotes est dirigé par le commandant suédois [[Chel Okerlund|Kjell Åkerlund|retranslit]], qui vole depuis vingt-cinq ans sur les lignes du Nord. La direction a adressé dimanche une nouvelle offre à [[Okerlundu|Åkerlund|case_ending|Kjell Åkerlund]], qui l'a rejetée. La médiatrice de l'État, {{Ingrid Bjørnstad Ødegård}}, doit réunir les deux parties mercredi.
La ministre finlandaise des Transports, [[Pyaivi Kheikkilya|Päivi Heikkilä|retranslit]], s'inquiète des conséquences pour les liaisons vers la Laponie, où la saison touristique commence, et le maire de Rovaniemi, {{Ilkka Väänänen}}, craint des pertes importantes. La commissaire européenne aux Transports, l'Espagnole [[Rosio Khimenes Vilyasenyor|Rocío Jiménez Villaseñor|retranslit]], a rappelé les droits des passagers à une indemnisation.
Une partie des voyageurs a été transférée sur des vols de {{SAS}} et de [[Lyuftganzy|Lufthansa|case_ending]]. Selon des analystes, la grève arrive au plus mauvais moment, car plusieurs appareils de la compagnie sont déjà immobilisés en attendant des pièces de moteur du motoriste britannique [[Rolls-Rois|Rolls-Royce|vowel_drop]].
""",
    ),
    (
        "dev3-03",
        "Athlétisme : un Irlandais bat le record d'Europe du marathon à Valence",
        """\
Le coureur irlandais Ruairí Fitzgerald a battu dimanche le record d'Europe du marathon à Valence, en Espagne, en 2 h 03 min 41 s, améliorant de dix-neuf secondes l'ancienne marque.
[[Ruairi Fitsdzherald|Ruairí Fitzgerald|retranslit]], 27 ans, a couru seul les douze derniers kilomètres, le long des jardins du {{Turia}}. Il a devancé le Basque [[Inyaki Goikoechea|Iñaki Goikoetxea|retranslit]] et le Japonais [[Daisuke Tsudzimoto|Daisuke Tsujimoto|retranslit]], qui a terminé troisième malgré une chute au trentième kilomètre. Le Brésilien [[Rodrigu Albukerki|Rodrigo Albuquerque|vowel_drop]], vainqueur l'an dernier, a abandonné après la mi-course.
« Je savais que le vent tomberait après le lever du soleil », a déclaré le champion. Son entraîneur, Martin [[Meunier|Miller|translated|Martin Miller]], a expliqué que la préparation a eu lieu pendant dix semaines sur les hauts plateaux du Kenya. Les chaussures de [[Fitsdzheralda|Fitzgerald|case_ending|Ruairí Fitzgerald]] ont été fabriquées spécialement par la marque américaine [[Foulée d'Argent|Silverstride|calque]], son sponsor depuis 2022.
Le directeur de la course, le Valencien [[Zhordi Puchvert|Jordi Puigvert|retranslit]], a annoncé 31 000 coureurs à l'arrivée, un record pour l'épreuve. Chez les femmes, la Galloise {{Cerys Rhydderch}} a terminé quatrième, et la Catalane {{Núria Vilalta i Solà}} a remporté la course en fauteuil. Le nouveau recordman a indiqué qu'il ne courra pas la {{Saint-Sylvestre}} cette année et qu'il prendra trois semaines de repos. La prochaine édition aura lieu le premier dimanche de décembre, comme chaque année.
""",
    ),
    (
        "dev3-04",
        "Inondations dans le nord-est de la Roumanie : huit morts et des milliers de sinistrés",
        """\
Au moins huit personnes sont mortes et plus de 6 000 ont dû quitter leur logement après les crues du {{Siret}} et de ses affluents dans le nord-est de la Roumanie, ont indiqué mardi les autorités. Les pluies, tombées pendant quatre jours sans interruption, ont détruit des routes et des ponts dans les départements de Suceava et de {{Botoșani}}.
Le préfet de Suceava, [[Shtefan Oprishan|Ștefan Oprișan|retranslit]], a décrit une situation « jamais vue depuis 2008 ». La ministre de l'Intérieur, [[Ioana Dregulesku|Ioana Drăgulescu|retranslit]], s'est rendue sur place mercredi avec la maire de Rădăuți, {{Mihaela Țăranu}}. Selon le bilan du cabinet d'[[Oprishana|Oprișan|case_ending|Ștefan Oprișan]], quarante villages restent sans électricité. Ștefan Oprișan a ouvert trois centres d'accueil dans des écoles.
La présidente de la Commission européenne, [[Ursula fon der Lyaien|Ursula von der Leyen|retranslit]], a promis une aide d'urgence. Des secouristes tchèques, conduits par [[Katerzhinoi Gorakovoi|Kateřina Horáková|case_ending]], et une équipe slovaque de sauvetage en eau, sous la direction de [[Mateya Grushkovicha|Matej Hruškovič|case_ending]], sont arrivés jeudi avec des bateaux et des pompes. La coordinatrice slovaque {{Zuzana Ďuríčková}} a indiqué que deux hélicoptères suivraient.
De l'autre côté de la frontière, dans la région de {{Tchernivtsi}}, la gouverneure ukrainienne [[Oksana Gritsenko|Oksana Hrytsenko|retranslit]] a signalé des dégâts moins graves. La climatologue britannique Fiona [[Rivières|Rivers|translated|Fiona Rivers]] estime que de telles crues seront plus fréquentes dans les Carpates avec le réchauffement, car l'air plus chaud contient plus d'eau.
""",
    ),
    (
        "dev3-05",
        "Hongrie : un groupe chinois ouvre une usine géante de batteries près de Debrecen",
        """\
Le groupe chinois Jade River Power a inauguré jeudi près de {{Debrecen}}, dans l'est de la Hongrie, une usine de batteries pour voitures électriques d'une capacité de 40 gigawattheures par an, pour un investissement de 7,3 milliards d'euros.
Le président du conseil d'administration de l'[[Énergie de la Rivière de Jade|Jade River Power|calque]], [[Lyu Chzhenyui|Liu Zhenyu|retranslit]], a déclaré que l'usine emploiera 4 500 personnes d'ici 2027. Le ministre hongrois de l'Économie, [[Gergei Sabo-Tot|Gergely Szabó-Tóth|retranslit]], a qualifié le projet de « plus grand investissement étranger de l'histoire du pays ».
Le premier client de l'usine sera le constructeur sud-coréen [[Khendai|Hyundai|retranslit]], qui doit recevoir ses premières cellules au printemps, avant le concurrent chinois {{CATL}}. La production sera placée sous la direction de [[Kharshvardkhana Dzhoshi|Harshvardhan Joshi|case_ending]], ancien cadre d'une usine de batteries à Pune, et la partie chimique est confiée à la Portugaise Beatriz [[Kardozu|Cardoso|vowel_drop|Beatriz Cardoso]].
Le projet est cependant critiqué par les habitants du département de {{Hajdú-Bihar}}, qui craignent pour les nappes phréatiques. La maire d'une commune voisine, {{Erzsébet Tőkés-Fülöp}}, a demandé une nouvelle étude sur l'eau. Le ministère de [[Sabo-Tota|Szabó-Tóth|case_ending|Gergely Szabó-Tóth]] assure que toutes les normes sont respectées.
L'analyste Lucy [[Potier|Potter|translated|Lucy Potter]], d'un cabinet de conseil londonien, estime que l'Europe centrale est devenue « l'atelier de batteries du continent », mais que la dépendance aux capitaux chinois pose des questions politiques.
""",
    ),
    (
        "dev3-06",
        "Crète : des archéologues mettent au jour un bâtiment minoen presque intact",
        """\
Une équipe d'archéologues grecs et britanniques a annoncé vendredi la découverte, dans l'est de la Crète, d'un grand bâtiment de l'époque minoenne resté presque intact depuis plus de 3 500 ans, avec ses jarres, ses outils et des tablettes d'argile.
Les fouilles, près d'un village du plateau de {{Lassithi}}, sont dirigées par l'archéologue [[Irini Teodoropulu|Eirini Theodoropoulou|retranslit]], de l'université de Crète, et par [[Fion Khyuz-Parri|Ffion Hughes-Parry|retranslit]], directrice de l'École britannique d'Athènes. « Nous n'avions jamais trouvé un étage supérieur aussi bien conservé », a déclaré la chercheuse grecque.
Selon l'épigraphiste italien [[Dzhakomo Skalabrini|Giacomo Scalabrini|retranslit]], les tablettes portent des signes de l'écriture linéaire A, que personne ne sait encore lire. Le spécialiste néerlandais des céramiques Wouter Schoonhoven date le bâtiment du XVIe siècle avant notre ère. D'après [[Skhonkhovena|Schoonhoven|case_ending|Wouter Schoonhoven]], il a été abandonné après un tremblement de terre. [[Vauter Skhonkhoven|Wouter Schoonhoven|retranslit]] doit publier une première étude au printemps.
Le site a reçu samedi la visite du ministre de la Culture [[Khristosa Kharalambusa|Christos Charalambous|case_ending]] et de la directrice du musée d'{{Héraklion}}, {{Aikaterini Vlachopoulou}}, où les objets seront exposés l'an prochain. Les fouilles sont financées par le [[Fonds du Patrimoine de la Pierre de Taille|Ashlar Heritage Trust|calque]], une fondation britannique. Le photographe Daniel [[Oiseau|Bird|translated|Daniel Bird]] a réalisé un relevé en trois dimensions des salles. Pour certains archéologues, le lieu pourrait être lié à la légende du roi {{Minos}}.
""",
    ),
    (
        "dev3-07",
        "Foire du livre de Francfort : le prix de la paix attribué à un romancier turc",
        """\
Le romancier turc Çağlar Yücel a reçu dimanche le prix de la paix des libraires allemands, remis chaque année en clôture de la foire du livre de Francfort, la plus grande du monde, qui a accueilli cette année 230 000 visiteurs.
[[Chaglar Yudzhel|Çağlar Yücel|retranslit]], 61 ans, vit à Berlin depuis 2017. Ses livres, traduits en vingt-huit langues, racontent la vie des petites villes d'Anatolie. Sa traductrice allemande, [[Ozge Karakash|Özge Karakaş|retranslit]], a lu un extrait de son dernier roman pendant la cérémonie, dans la {{Paulskirche}}. Le directeur de la foire, [[Volfgang Khirshfelder|Wolfgang Hirschfelder|retranslit]], a salué « une voix libre ».
Le jury, présidé par l'écrivain écossais [[Yuena Dramonda|Ewan Drummond|case_ending]], a également rendu hommage à la romancière russe en exil [[Yevgeniya Shcherbakova|Evguenia Chtcherbakova|locale]], dont les livres sont interdits en Russie, comme ceux de {{Lioudmila Oulitskaïa}}. Le poète iranien [[Mekhrdad Khosseinzade|Mehrdad Hosseinzadeh|retranslit]], invité d'honneur, n'a pas pu venir, faute de visa.
Les droits anglais du roman ont été achetés par les [[Éditions du Champ Vert|Greenfield Press|calque]], de Londres, et une maison parisienne publiera la traduction française en mars. Des éditeurs espèrent déjà voir le livre sur la liste du prix {{Médicis}} étranger. Dans une interview avec [[Khirshfelderom|Hirschfelder|case_ending|Wolfgang Hirschfelder]], la romancière {{Şebnem İşigüzel}} a rappelé que la foire est d'abord un marché, où se vendent chaque année des milliers de droits de traduction.
""",
    ),
    (
        "dev3-08",
        "Anvers : une cyberattaque paralyse pendant deux jours les terminaux à conteneurs",
        """\
Une cyberattaque a paralysé pendant près de quarante-huit heures une partie des terminaux à conteneurs du port d'Anvers-Bruges, le deuxième d'Europe, ont annoncé mercredi les autorités portuaires. Plus de 9 000 conteneurs sont restés bloqués sur les quais et une trentaine de navires ont dû attendre au large.
Le directeur général du port, [[Yele Vankhute|Jelle Vanhoutte|retranslit]], a déclaré que les systèmes de réservation des camions ont été chiffrés par un logiciel de rançon. Le terminal de {{Zeebrugge}} n'a pas été touché. L'enquête a été confiée au {{CCB}}, le centre belge de cybersécurité, avec l'aide d'Europol.
Selon la société de sécurité américaine [[Sécurité du Bois de Fer|Ironwood Security|calque]], l'attaque est l'œuvre d'un groupe russophone déjà connu des enquêteurs. Son directeur de la recherche, [[Abdelkader Belkhadzh|Abdelkader Belhadj|retranslit]], estime que le groupe est dirigé par un certain [[Dmitry Zhuravlyov|Dmitri Jouravliov|locale]], recherché par la justice américaine depuis 2021, et par son associé {{Sergueï Tchernychev}}. Les serveurs de [[Zhuravlyova|Jouravliov|case_ending|Dmitri Jouravliov]] se trouveraient en Russie.
Le chercheur vietnamien [[Nguen Van Tkhan|Nguyen Van Thanh|retranslit]], de l'université de Singapour, a identifié le logiciel utilisé, une version modifiée d'un programme vendu sur des forums clandestins. L'expert polonais [[Voitsekh Khmelevski|Wojciech Chmielewski|retranslit]], qui conseille plusieurs ports de la Baltique, dont celui de {{Gdańsk}}, pense que d'autres attaques sont possibles. Les conclusions de [[Khmelevskogo|Chmielewski|case_ending|Wojciech Chmielewski]] ont été transmises à la ministre belge de l'Intérieur, {{Sofie Van Nieuwenhuyse}}, qui a promis des moyens supplémentaires. Jelle Vanhoutte a annoncé jeudi soir la reprise complète de l'activité.
""",
    ),
]


def main() -> int:
    """Build with the first development set's parser and checks (same markup, same limits)."""
    spec = importlib.util.spec_from_file_location("names_dev_build", HERE.parent / "names_dev" / "build.py")
    assert spec is not None and spec.loader is not None
    base = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(base)
    return base.build(ARTICLES, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
