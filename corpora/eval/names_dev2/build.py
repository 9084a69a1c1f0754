"""Build ``pivot_articles.jsonl`` (names development set 2) from the readable articles below.

Markup in the article texts:

* ``[[span|expected|mechanism|entity]]`` — a corrupted name (gold). ``span`` is what the text shows,
  ``expected`` the correct French spelling of that span, ``mechanism`` one of MECHANISMS, ``entity``
  the full correct name of the person or organisation (defaults to ``expected``); ``in_base`` is true
  when that full name is the French, English or alias form of an entity of the names base.
* ``{{name}}`` — a correctly spelled unusual name that must be left alone (trap).

Offsets are computed here, never counted by hand. Run from the repository root:

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 python corpora/eval/names_dev2/build.py

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
        "dev2-01",
        "Opéra : le nouvel ouvrage de Leopold Schwarzenbacher créé à Cardiff en présence du roi",
        """\
L'opéra de Cardiff a présenté samedi la création mondiale de « La Lanterne », le nouvel opéra du compositeur autrichien Leopold Schwarzenbacher, en présence du roi {{Charles III}}. Le spectacle de trois heures a été accueilli par une ovation de dix minutes.
L'œuvre, écrite par [[Shvartsenbakher|Schwarzenbacher|retranslit|Leopold Schwarzenbacher]] pendant quatre ans, raconte l'histoire d'une famille de gardiens de phare sur la côte galloise à la fin du {{XIXe siècle}}. Le livret a été écrit par le dramaturge anglais [[Khyu|Hugh|retranslit|Hugh Carpenter]] [[Charpentier|Carpenter|translated|Hugh Carpenter]], qui travaille avec le compositeur depuis 2016.
Le rôle principal est chanté par la soprano galloise [[Gvenlian Pritchard|Gwenllian Pritchard|retranslit]], originaire de Swansea. Les critiques ont particulièrement noté la voix de [[Levana Dzhgenti|Levan Jghenti|case_ending]], baryton géorgien qui fait ses débuts au Royaume-Uni, et celle de la mezzo-soprano russe [[Tatyana Zhukova|Tatiana Joukova|locale]] dans le rôle de la mère.
L'orchestre était dirigé par le chef italien Gianluca Ghirardelli. Selon [[Dzhanluka Girardeli|Gianluca Ghirardelli|retranslit]], la partition « demande aux musiciens une précision de musique de chambre, mais avec la force d'une tempête ». Il a dit que les répétitions ont duré sept semaines.
Les décors sont signés par l'Irlandaise {{Clodagh Ó Súilleabháin}} et les costumes par l'Islandaise {{Guðrún Sigurðardóttir}}, qui ont utilisé des filets de pêche et des voiles anciennes. La prochaine production de l'œuvre de [[Shvartsenbakhera|Schwarzenbacher|case_ending|Leopold Schwarzenbacher]] est prévue à Vienne au printemps 2026, avec la même distribution.
""",
    ),
    (
        "dev2-02",
        "Un groupe américain rachète une start-up finlandaise de maintenance prédictive",
        """\
Le groupe américain de logiciels industriels Brightforge Systems a annoncé lundi le rachat de la start-up finlandaise Kuura Analytics pour 900 millions de dollars. Le directeur général de Brightforge, Chad Whitaker, a qualifié l'opération d'« étape décisive » pour l'entreprise.
Kuura, fondée en 2019 à {{Jyväskylä}} par Aino [[Lekhtimyaki|Lehtimäki|retranslit|Aino Lehtimäki]] et Jussi Kärkkäinen, développe des logiciels qui prévoient les pannes des machines dans les usines de papier et de métal. Selon Chad [[Uitaker|Whitaker|retranslit|Chad Whitaker]], ces outils seront intégrés dès l'année prochaine à la plateforme du groupe.
[[Yussi Kyarkyainen|Jussi Kärkkäinen|retranslit]], qui dirigera la division européenne du nouvel ensemble, a déclaré que les 140 salariés de Kuura resteront en Finlande. L'équipe de recherche, dirigée par {{Nguyễn Thị Thu Hà}} et {{Eveliina Kääriäinen}}, sera même renforcée.
Le principal actionnaire de la start-up, le [[Fonds du Chêne Rouge|Red Oak Fund|calque]], réalise une importante plus-value. L'investisseur sud-coréen [[Chkhve Min So|Choi Min-seo|retranslit]], entré au capital en 2022, vend également sa participation.
Plusieurs analystes rappellent que [[Maikrosoft|Microsoft|retranslit]] s'était intéressé à Kuura l'an dernier, sans faire d'offre. L'analyste Rebecca [[Pêcheur|Fisher|translated|Rebecca Fisher]], d'une banque d'affaires new-yorkaise, estime que le prix payé est « élevé, mais justifié par la croissance ». La transaction doit encore être approuvée par les autorités de la concurrence européennes. Selon [[Kyarkyainenu|Kärkkäinen|case_ending|Jussi Kärkkäinen]], la directrice financière {{Outi Ylönen-Saarinen}} restera aussi dans l'entreprise.
""",
    ),
    (
        "dev2-03",
        "Cyclisme : le Flamand Wout Vanderhaeghen remporte l'étape reine du Tour de Suisse",
        """\
Le coureur belge Wout Vanderhaeghen a remporté mardi la cinquième étape du Tour de Suisse, longue de 187 kilomètres, au sommet d'une montée de quinze kilomètres dans les Alpes uranaises.
[[Vaut Vanderkhagen|Wout Vanderhaeghen|retranslit]], 26 ans, a attaqué à six kilomètres de l'arrivée et a devancé de 14 secondes le Polonais [[Katspera Vezhbitskogo|Kacper Wierzbicki|case_ending]] et le Danois [[Rasmusa Kergora|Rasmus Kjærgaard|case_ending]]. La course, qui sert de préparation au Tour de France, se déroule cette année sans {{Tadej Pogačar}} ni Jonas Vingegaard.
Le Slovaque {{Ľubomír Ďurček}}, coéquipier de [[Vingegora|Vingegaard|case_ending|Jonas Vingegaard]] la saison dernière, conserve le maillot jaune avec 31 secondes d'avance. Vanderhaeghen court pour l'équipe belge [[Cyclisme du Vent du Nord|Northwind Cycling|calque]], qui n'avait plus gagné d'étape dans une course d'une semaine depuis trois ans.
Le directeur de la course, Reto [[Khyurliman|Hürlimann|retranslit|Reto Hürlimann]], s'est félicité de la présence de plus de 40 000 spectateurs le long de la route. « Le public suisse aime les grimpeurs », a-t-il dit.
La journée a été marquée par une chute dans la descente du col. La médecin de l'équipe Northwind, Sarah [[Renard|Fox|translated|Sarah Fox]], a indiqué que le coureur colombien {{Sebastián Quintero Muñoz}} souffre d'une fracture de la clavicule et devra abandonner.
La victoire de [[Vanderkhagena|Vanderhaeghen|case_ending|Wout Vanderhaeghen]] est la troisième de sa saison. La sixième étape partira jeudi de {{Küssnacht}} et se terminera par un contre-la-montre de 24 kilomètres.
""",
    ),
    (
        "dev2-04",
        "Écosse : des pêcheurs des Shetland poursuivent une compagnie pétrolière en justice",
        """\
Une association de pêcheurs des îles Shetland a saisi la Cour de session d'Édimbourg contre la compagnie pétrolière [[Coquille|Shell|calque]], qu'elle accuse d'avoir endommagé des zones de pêche lors de la pose d'un gazoduc en mer du Nord. L'audience s'est ouverte lundi et doit durer trois semaines.
Les plaignants sont représentés par le cabinet Whitestone Partners et par l'avocat Hamish MacLeod. « Nos clients ont perdu la moitié de leurs revenus en trois ans », a déclaré [[Khemish Maklaud|Hamish MacLeod|retranslit]] devant la juge {{Eilidh Nic a' Phearsain}}.
Le président de l'association, Callum [[Boulanger|Baker|translated|Callum Baker]], pêcheur à {{Lerwick}} depuis trente ans, a témoigné mardi des difficultés des familles de l'archipel. Selon les documents présentés par les [[Associés de la Pierre Blanche|Whitestone Partners|calque]], un ancien ingénieur du chantier, le Turc Emre [[Chelikaya|Çelikkaya|retranslit|Emre Çelikkaya]], avait signalé des dommages aux fonds marins dès 2021.
La défense s'appuie sur une étude de la biologiste marine irlandaise [[Shivon Galakher|Siobhán Gallagher|retranslit]], qui conclut que la baisse des captures est due au réchauffement de l'eau et non au gazoduc. Les avocats de [[Maklauda|MacLeod|case_ending|Hamish MacLeod]] contestent cette conclusion et s'appuient sur un rapport signé par [[Rashidom Buzidi|Rachid Bouzidi|case_ending]], océanographe à l'université d'Aberdeen.
Le dossier est suivi de près par les pêcheurs de {{Tórshavn}}, aux îles Féroé, qui craignent des travaux semblables. Le député local {{Aonghas MacCoinnich}} a demandé au gouvernement écossais une enquête indépendante. Le jugement n'est pas attendu avant l'automne.
""",
    ),
    (
        "dev2-05",
        "Architecture : une bibliothèque au bord du Douro récompensée à Londres",
        """\
Le cabinet d'architectes luso-japonais fondé par Shinichi Tsuchiya a reçu jeudi à Londres le [[Prix de la Clé de Voûte|Keystone Prize|calque]], l'une des récompenses les plus importantes de la profession, pour la nouvelle bibliothèque municipale de {{Vila Nova de Gaia}}, face à Porto.
Le bâtiment, en béton blanc et en bois de pin, descend en terrasses vers le fleuve. Selon [[Sin'iti Tsutiya|Shinichi Tsuchiya|retranslit]], installé au Portugal depuis 2009, le projet s'inspire des anciens entrepôts de vin du quartier. Le rôle de son associé [[Zhoakima Magalyaynsha|Joaquim Magalhães|case_ending]], ancien élève d'{{Álvaro Siza}}, a été décisif dans le dialogue avec la municipalité.
Le jardin a été dessiné par la paysagiste Inês Ribeiro, de {{Matosinhos}}. Les plantes choisies par [[Ribeiru|Ribeiro|vowel_drop|Inês Ribeiro]] supportent la sécheresse et ne demandent presque pas d'arrosage.
Le jury, présidé par l'architecte tchèque Radek [[Dvorzhachek|Dvořáček|retranslit|Radek Dvořáček]], a salué « un édifice public généreux, ouvert à tous ». La Hongroise [[Zhofiya Khalas|Zsófia Halász|retranslit]], membre du jury avec la Néerlandaise {{Femke IJzerman}}, a souligné le travail de [[Dzyunko Fudzisimy|Junko Fujishima|case_ending]], l'ingénieure qui a conçu la structure du toit en bois.
La bibliothèque, ouverte en mars, accueille déjà près de 1 200 lecteurs par jour. Les dessins de [[Tsutii|Tsuchiya|case_ending|Shinichi Tsuchiya]] seront exposés à Lisbonne cet hiver, puis à Osaka.
""",
    ),
    (
        "dev2-06",
        "Rioja : des vendanges précoces et un domaine historique vendu à un investisseur chinois",
        """\
Les vendanges ont commencé cette année avec deux semaines d'avance dans la Rioja, dans le nord de l'Espagne, en raison d'un été particulièrement chaud, ont indiqué mercredi les producteurs de la région.
« Nous n'avons jamais récolté aussi tôt », a déclaré la viticultrice Jimena Echegaray, dont la famille cultive la vigne près de {{Logroño}} depuis quatre générations. Selon [[Khimena Echegarai|Jimena Echegaray|retranslit]], les raisins sont sains, mais les rendements baisseront d'environ 15 %. Le président de la coopérative régionale, [[Inyigo Subiaure|Íñigo Zubiaurre|retranslit]], a expliqué que la pluie avait manqué depuis avril. L'œnologue basque {{Aitziber Etxeberria}} recommande de vendanger la nuit pour garder la fraîcheur des raisins.
La vente d'un domaine historique de la région à l'homme d'affaires chinois Zhang Weiming a également fait réagir. Sa société, [[Domaines du Champ d'Or|Goldfield Estates|calque]], basée à Hong Kong, possède déjà des vignobles en {{Ribera del Duero}} et en Australie. [[Chzhan Veimin|Zhang Weiming|retranslit]] a promis de garder les quarante salariés du domaine. La direction technique a été confiée à [[Ovannesu Grigoryanu|Hovhannes Grigoryan|case_ending]], un œnologue arménien, ancien cadre de [[Moet i Shandon|Moët & Chandon|retranslit]].
Les projets de [[Chzhana|Zhang|case_ending|Zhang Weiming]] inquiètent pourtant certains voisins, qui craignent une hausse du prix des terres. L'importateur allemand [[Yurgen Shimelpfenig|Jürgen Schimmelpfennig|retranslit]] estime au contraire que les investissements étrangers aident la région à vendre en Asie. Les acheteurs de l'Europe centrale, comme la Hongroise {{Gyöngyvér Szőke}}, attendent de leur côté la fin des vendanges pour fixer les prix.
""",
    ),
    (
        "dev2-07",
        "Antarctique : une expédition part à la recherche de la glace la plus ancienne",
        """\
Une expédition scientifique internationale de douze personnes est partie lundi de la station norvégienne {{Troll}}, en Antarctique, pour une traversée de 1 400 kilomètres à la recherche de la glace la plus ancienne du continent. Elle est dirigée par la glaciologue norvégienne Sigrid Aasland.
« Nous cherchons de la glace vieille de plus d'un million d'années, qui garde la mémoire du climat », a expliqué Sigrid [[Osland|Aasland|retranslit|Sigrid Aasland]] avant le départ. L'équipe comprend notamment le Suédois Björn Sjöqvist, spécialiste des forages profonds. [[Bern Shekvist|Björn Sjöqvist|retranslit]] a déjà participé à deux campagnes de forage au Groenland. Les carottes de glace seront analysées dans le laboratoire de [[Shekvista|Sjöqvist|case_ending|Björn Sjöqvist]] à Stockholm.
Le microbiologiste brésilien Thiago [[Figeiredu|Figueiredo|vowel_drop|Thiago Figueiredo]] étudiera les bactéries prisonnières de la glace, et la chercheuse chinoise [[Khu Tszyasin|Hu Jiaxin|retranslit]] les poussières volcaniques. Le physicien russe [[Alexey Kovalyov|Alexeï Kovaliov|locale]], qui a passé six hivers sur le continent, est chargé des mesures radar.
Les véhicules et les tentes ont été testés l'hiver dernier à {{Ny-Ålesund}}, au Svalbard. La logistique est assurée depuis {{Punta Arenas}}, au Chili. L'expédition, qui coûte 14 millions d'euros, est financée en grande partie par le fonds [[Capital de la Nageoire Bleue|Bluefin Capital|calque]] et par plusieurs universités européennes.
Le slogan de l'expédition, en anglais : « {{Into the White}} », est peint sur les traîneaux. Le retour à la côte est prévu dans dix semaines, avant la fin de l'été austral.
""",
    ),
    (
        "dev2-08",
        "La Banque nationale de Pologne maintient son taux directeur à 5,75 %",
        """\
La Banque nationale de Pologne a maintenu mercredi son taux directeur à 5,75 %, pour le huitième mois consécutif, malgré les appels des entreprises à une baisse du coût du crédit. Son gouverneur, Przemysław Szczygieł, a justifié cette décision par une inflation encore trop élevée.
« Il est trop tôt pour parler d'une baisse », a déclaré [[Pshemyslav Shchigel|Przemysław Szczygieł|retranslit]] lors d'une conférence de presse à Varsovie. La vice-gouverneure Agata [[Vrublevskaya|Wróblewska|retranslit|Agata Wróblewska]] a toutefois voté pour une baisse d'un quart de point, et deux autres membres du conseil ont soutenu la position de [[Vrublevskoy|Wróblewska|case_ending|Agata Wróblewska]].
Le patronat, représenté par {{Zbigniew Ślęzak}}, a regretté la décision de [[Shchigela|Szczygieł|case_ending|Przemysław Szczygieł]]. Selon lui, les entreprises textiles de {{Łódź}} et les constructeurs de la région de Poznań souffrent déjà du ralentissement.
Les marchés attendent désormais la réunion de la {{Banque centrale européenne}} le mois prochain. Sa présidente, [[Kristin Lagard|Christine Lagarde|retranslit]], a laissé entendre la semaine dernière qu'une nouvelle baisse était possible. Selon une note rédigée par [[Martenom Verkhovenom|Maarten Verhoeven|case_ending]], économiste d'une banque d'Amsterdam, la Pologne pourrait suivre la zone euro avant la fin de l'année. Son collègue {{Jan-Willem van 't Hoff}} est plus prudent.
Le fonds d'investissement londonien [[Capital de l'Épine Noire|Blackthorn Capital|calque]], important détenteur d'obligations polonaises, a salué la décision. Son gérant, Daniel [[Forgeron|Smith|translated|Daniel Smith]], a estimé que la banque centrale « protège la crédibilité du złoty ».
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
