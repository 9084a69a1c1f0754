"""Build ``articles.jsonl`` from the readable articles below.

Second development set for the non-name detectors (meanings lost in the pivot, calqued syntax, false
friends …): French news articles written to look like an English article machine-translated English →
Russian → French, with annotated non-name errors and correct uses of the same words (traps). Names are
spelled correctly. Same format, kinds and checks as ``../pivot_dev/build.py``; other topics, and other
words, idioms and constructions wherever possible.

Markup in the article texts:

* ``[[span|kind|correction|note]]`` — an error. ``span`` is what the text shows, ``kind`` one of KINDS,
  ``correction`` the French that replaces ``span`` (empty for ``dup_complement``: delete the repeated
  complement, then collapse the double space), ``note`` a short explanation.
* ``{{span|note}}`` — a trap: a correct French use of a word or construction that a detector for one of
  the kinds might flag; it must be left alone.

Offsets are computed here, never counted by hand. Run from the repository root:

    python corpora/eval/pivot_dev2/build.py

It writes ``articles.jsonl`` next to this file and prints counts by kind. It imports nothing from the
project and runs no detector.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles.jsonl"
# kinds, limits (words, errors and traps per article) and checks: those of ../pivot_dev/build.py

ARTICLES: list[tuple[str, str, str]] = [
    (
        "dev2-01",
        "Canal de Suez : un porte-conteneurs échoué bloque le trafic pendant quatre jours",
        """\
Le porte-conteneurs Marlow Horizon, long de 366 mètres, [[s'est assis sur un haut-fond|idiom_calque|s'est échoué|Russian «сесть на мель» (to run aground) translated literally]] dimanche matin dans la partie sud du canal de Suez, coupant pendant quatre jours l'une des {{routes maritimes|«route maritime» = sea route: correct French}} les plus fréquentées du monde. Poussé par des rafales de plus de 70 km/h, le navire a dérivé vers la rive ouest et s'est immobilisé sur une [[tresse|polysemy|langue|коса = braid and sand spit («песчаная коса»)]] de sable, à une dizaine de kilomètres de la ville de Suez.
Le canal [[complètement a été fermé|word_order|a été complètement fermé|adverb placed before the auxiliary (Russian order «полностью был закрыт»)]] à la navigation dès dimanche midi. Le tirant d'eau du navire [[— 16 mètres|copula_dash|est de 16 mètres|Russian zero copula («осадка судна — 16 метров») written as a dash]], et les dragues ont dû retirer près de 20 000 mètres cubes de sable autour de la coque. Onze remorqueurs ont participé aux opérations, et les équipes de [[salvage|untranslated|sauvetage|English «salvage» left in the text]] ont dû décharger une partie [[du poids|polysemy|de la cargaison|груз = load, weight and cargo]] pour alléger la {{poupe|«poupe» = stern (Russian «корма»): correct}}. Les 25 membres de l'{{équipage|«équipage» = crew (Russian «экипаж»): correct}}, tous indiens, sont sains et saufs.
Selon l'Autorité du canal de Suez, plus de 300 navires {{— dont une quarantaine|paired dashes around an incise: correct, not a copula}} de pétroliers — attendaient mercredi soir à l'entrée du canal [[du canal|dup_complement||complement repeated]]. Parmi eux, un [[balker|untranslated|vraquier|Russian «балкер» (bulk carrier) left transliterated]] chargé de blé ukrainien à destination de l'Égypte. Ce {{bouchon|«bouchon» = traffic jam (Russian «пробка»): correct French}} géant devrait mettre près d'une semaine à se résorber, d'autant que la vitesse des convois a été limitée [[jusqu'à|preposition|à|ограничить до: «limiter à»]] 8 nœuds après la réouverture.
L'accident a [[appliqué un coup|light_verb_calque|porté un coup|нанести удар: a blow is «porté»]] sévère au commerce entre l'Asie et l'Europe. Les revenus [[administratifs|genitive_adjective|de l'Autorité|genitive «доходы администрации канала» turned into an adjective]] du canal proviennent presque entièrement des [[collectes|polysemy|droits|сборы = collections and dues («транзитные сборы», transit dues)]] de transit, et l'Égypte perdrait près de 14 millions de dollars par jour de fermeture.
« Chaque jour de blocage coûte des millions, et les [[délais|false_friend|retards|English «delays»; «délai» means a time limit]] s'accumulent dans tous les ports d'Europe », a déclaré la porte-parole de l'armateur Castellan Shipping, Helen Marsh. Plusieurs compagnies envisagent de contourner l'Afrique par le cap de Bonne-Espérance, un détour de près de 6 000 kilomètres. Les autres ne peuvent qu'[[attendre le temps au bord de la mer|idiom_calque|attendre les bras croisés|Russian «ждать у моря погоды» (to wait idly) translated literally]], faute de navires disponibles. Les assureurs estiment déjà le coût des retards à plus d'un milliard de dollars, et une enquête a été ouverte sur les conditions de navigation.
""",
    ),
    (
        "dev2-02",
        "Australie : le dépouillement des législatives s'éternise, aucune majorité en vue",
        """\
Cinq jours après les élections législatives australiennes, le dépouillement n'est toujours pas terminé et {{l'issue|«issue» = outcome: correct French}} du scrutin reste incertaine. Selon les dernières [[figures|false_friend|chiffres|English «figures»; French «figure» means a face or a personality]] de la Commission électorale australienne, le Parti travailliste de la Première ministre sortante, Catherine Hollis, a obtenu 71 [[places|polysemy|sièges|место = place and (parliamentary) seat]] à la Chambre des représentants, contre 66 pour la coalition libérale-nationale. L'enjeu [[— la majorité|copula_dash|est la majorité|Russian zero copula written as a dash]] absolue, fixée à 76 {{sièges|«siège» = seat: correct}}.
Le décompte [[vocal|genitive_adjective|des voix|genitive «подсчёт голосов» turned into an adjective; «vocal» means of the voice]] est ralenti par le vote par correspondance : près de deux millions de {{bulletins|«bulletin» = ballot paper: correct}} envoyés par la poste peuvent encore arriver jusqu'à vendredi. Dans une dizaine de circonscriptions, le système du vote préférentiel oblige à recompter plusieurs fois les {{voix|«voix» = votes (Russian «голоса»): correct}}. « La commission [[tire le chat par la queue|idiom_calque|fait traîner les choses|Russian «тянуть кота за хвост» translated literally]] », a dénoncé le chef de l'opposition, Daniel Whitford.
[[L'apparition|polysemy|La participation|явка = appearance and (electoral) turnout]] a atteint 90 %, grâce au vote obligatoire, mais les files d'attente devant les [[parcelles électorales|polysemy|bureaux de vote|участок = plot of land and polling station («избирательный участок»)]] ont parfois dépassé deux heures à Sydney et à Melbourne. Les résultats définitifs du scrutin [[du scrutin|dup_complement||complement repeated]] ne seront pas connus avant la fin du mois.
La coalition a progressé dans les {{États|«État» = Australian state (Russian «штат»): correct}} du Queensland et d'Australie-Occidentale. [[Ce résultat a salué le chef de l'opposition|word_order|Le chef de l'opposition a salué ce résultat|Russian object-first order («Этот результат приветствовал лидер оппозиции») kept, so the object reads as the subject]], qui y voit un désaveu de la politique énergétique du gouvernement.
Si aucun camp n'atteint 76 sièges, ce sera le premier [[hung parliament|untranslated|Parlement sans majorité|English «hung parliament» left in the text]] depuis 2010. Les neuf députés indépendants deviendraient alors décisifs. Plusieurs observateurs doutent [[dans la|preposition|de la|сомневаться в: «douter de»]] capacité de l'un ou l'autre camp à gouverner seul pendant trois ans. La Première ministre [[a donné la promesse|light_verb_calque|a fait la promesse|дать обещание: a promise is «faite»]] de négocier « avec tous ceux qui veulent la stabilité » et a rencontré mardi deux élues indépendantes de Sydney.
Les Verts, eux, font face à un défi [[formidable|false_friend|redoutable|English «formidable» (daunting); French «formidable» means wonderful]] : ils ont perdu deux de leurs quatre sièges à Brisbane, et leur chef a reconnu une « soirée difficile ». Près de 13 % des électeurs ont pourtant {{voté pour|«voter pour» is the correct construction}} eux au Sénat, où le parti devrait rester la troisième force. Le gouverneur général ne chargera personne de former un gouvernement avant la fin du dépouillement.
""",
    ),
    (
        "dev2-03",
        "Virginie : la fusée d'Orbitline réussit son premier vol orbital",
        """\
La jeune entreprise américaine Orbitline a réussi mardi le premier vol orbital de sa [[réutilisable fusée|word_order|fusée réutilisable|adjective placed before the noun (English and Russian order)]] Kestrel, lancée depuis la base de Wallops, en Virginie. Le lancement, reporté [[pour|preposition|de|отложить на два дня: «reporter de deux jours»]] deux jours à cause du vent, a eu lieu à 6 h 14, au tout début de la {{fenêtre de tir|«fenêtre de tir» = launch window: correct French}}.
L'objectif de la mission [[— la livraison|copula_dash|est la livraison|Russian zero copula («цель миссии — доставка») written as a dash]] de six petits [[compagnons|polysemy|satellites|спутник = companion and satellite]] d'observation de la Terre pour des clients européens et japonais. Tous ont été {{mis sur orbite|«mettre sur orbite» is correct French (as is «en orbite»)}} à 540 kilomètres d'altitude, moins d'une heure après le décollage.
Huit minutes après le départ, le premier [[degré|polysemy|étage|ступень = step, degree and rocket stage]] de la fusée [[de la fusée|dup_complement||complement repeated]] [[a accompli un atterrissage|light_verb_calque|s'est posé|совершить посадку calqued; French «se poser» or «atterrir»]] sur une barge dans l'Atlantique, tandis que l'{{étage supérieur|«étage» = rocket stage: correct}} poursuivait sa route vers l'orbite. « Tout s'est passé [[comme sur de l'huile|idiom_calque|comme sur des roulettes|Russian «как по маслу» translated literally]] », s'est réjouie la directrice générale d'Orbitline, Rebecca Thornton, devant les journalistes.
Le vol précédent, en mars, avait échoué : un moteur du premier étage n'avait pas fonctionné [[proprement|false_friend|correctement|English «properly»; «proprement» means cleanly]], et la fusée avait été détruite au-dessus de l'océan. Les ingénieurs ont depuis modifié les pompes à carburant, et chaque moteur est désormais testé sur un [[stand|polysemy|banc d'essai|стенд = (exhibition) stand and test bench]] au Mississippi avant d'être monté.
Haute de 41 mètres, Kestrel a été {{conçue|«concevoir» = to design: correct}} par une équipe [[ingénieure|genitive_adjective|d'ingénieurs|genitive «команда инженеров» turned into an adjective]] de 300 personnes, dont beaucoup viennent de la NASA. L'entreprise la présente comme un lanceur [[versatile|false_friend|polyvalent|English «versatile»; French «versatile» means fickle]], capable d'emporter jusqu'à 1,2 tonne en orbite basse. Le prix d'un lancement, 8 millions de dollars, reste inférieur à celui de ses concurrents {{— un argument|a dash before a closing apposition: correct, not a copula}} de poids pour les opérateurs de petits satellites.
Orbitline, qui a levé 600 millions de dollars depuis sa création en 2019, prévoit de [[produire le lancement|light_verb_calque|procéder au lancement|произвести запуск calqued; French «procéder au lancement»]] suivant en juillet, avec [[un payload|untranslated|une charge utile|English «payload» left in the text]] de la NASA destiné à l'étude de la haute atmosphère. L'entreprise espère atteindre un rythme de douze vols par an d'ici à 2027 et réutiliser chaque premier étage au moins dix fois. La NASA et l'armée de l'air américaine ont déjà réservé plusieurs vols pour 2026.
""",
    ),
    (
        "dev2-04",
        "Union européenne : le Parlement adopte la réforme des aides agricoles",
        """\
Le Parlement européen a adopté mercredi à Strasbourg, par 402 voix contre 251, une réforme [[compréhensive|false_friend|globale|English «comprehensive»; French «compréhensif» means understanding]] de la politique agricole commune (PAC), qui doit entrer en vigueur en 2027. L'objectif de la Commission européenne [[— simplifier|copula_dash|est de simplifier|Russian zero copula before an infinitive («цель — упростить») written as a dash]] les règles pour près de six millions de bénéficiaires. Le vote clôt deux ans de négociations difficiles entre les Vingt-Sept, divisés sur le montant des aides et sur les exigences environnementales.
Le texte supprime l'obligation de laisser 4 % des terres arables [[sous vapeur|polysemy|en jachère|пар = steam and fallow («под паром», lying fallow)]], l'une des mesures phares du [[greening|untranslated|verdissement|English term «greening» left in the text]] de la PAC. Les agriculteurs pourront aussi renoncer [[de|preposition|à|отказаться от: «renoncer à»]] certaines rotations des {{cultures|«culture» = crop: correct}} sans perdre leurs aides. Les petites [[économies|polysemy|exploitations|хозяйство = economy, household and farm]] de moins de dix hectares seront dispensées de la plupart des contrôles, une mesure réclamée depuis longtemps par les syndicats de petits paysans.
Les voix [[députées|genitive_adjective|des députés|genitive «голоса депутатов» turned into an adjective; «député» is not an adjective]] du Parti populaire européen et des conservateurs ont été décisives. Les syndicats agricoles [[rendent une pression|light_verb_calque|exercent une pression|оказывать давление: pressure is «exercée»]] sur Bruxelles depuis les manifestations {{paysannes|«paysan» is an adjective in its own right: correct}} de l'hiver dernier, auxquelles plus de 3 000 agriculteurs avaient {{pris part|«prendre part» is correct French (принять участие)}} avec leurs tracteurs.
Les écologistes, qui [[supportaient|false_friend|soutenaient|English «support»; «supporter» means to bear, to put up with]] la première version du texte, ont voté contre. « C'est [[un service d'ours|idiom_calque|un cadeau empoisonné|Russian «медвежья услуга» (a disservice) translated literally]] rendu aux agriculteurs : ils seront les premiers à souffrir de la sécheresse », a affirmé l'eurodéputée néerlandaise Marieke van Dijk. Selon elle, les jeunes agriculteurs ne recevront que [[ce que le chat a pleuré|idiom_calque|des miettes|Russian «кот наплакал» (next to nothing) translated literally]] : l'aide à l'installation n'augmente que de 2 %.
Le coût de la réforme [[de la réforme|dup_complement||complement repeated]] n'est pas chiffré. Les producteurs d'[[arcs|polysemy|oignons|лук = onion and bow]] et de pommes de terre, touchés par deux années de sécheresse, recevront une aide d'urgence de 300 millions d'euros, une enveloppe jugée « une {{goutte d'eau dans l'océan|a real French idiom (Russian «капля в море»): correct}} » par leurs organisations.
La France a {{insisté sur|«insister sur» is the correct construction (настаивать на)}} le maintien des aides à l'élevage, qui restent inchangées. La Commission [[encore n'a pas publié|word_order|n'a pas encore publié|adverb «ещё» placed before the verb (Russian order «ещё не опубликовала»)]] le détail des nouvelles règles, attendu au printemps. Les États membres auront ensuite un an pour adapter leurs plans nationaux, et les premiers paiements selon les nouvelles règles seront versés à l'automne 2027.
""",
    ),
    (
        "dev2-05",
        "Royaume-Uni : les infirmières de Manchester en grève pour la troisième fois cette année",
        """\
Près de 4 000 infirmières de quatre hôpitaux de Manchester ont cessé le travail lundi pour une grève de 48 heures, la troisième depuis janvier, à l'appel du Royal College of Nursing, le principal syndicat de la profession. Elles réclament une hausse de salaire de 8 % et la fin de la réduction [[de l'État|polysemy|des effectifs|штат = staff and state («сокращение штата», staff cuts)]], qui a supprimé 300 postes en deux ans. Les grévistes continueront de [[rendre l'aide|light_verb_calque|porter secours|оказать помощь calqued with «rendre»]] aux patients en urgence vitale, et les {{opérations|«opération» = surgery: correct}} programmées ont été reportées.
Mardi, les infirmières ont rejeté la [[phrase|polysemy|offre|предложение = sentence and offer]] de la direction : une hausse de 4 % et une {{prime|«prime» = bonus: correct}} de 1 000 livres. Les négociations [[toujours sont bloquées|word_order|sont toujours bloquées|adverb «всё ещё» placed before the verb (Russian order)]], et un [[walkout|untranslated|débrayage|English «walkout» left in the text]] de deux heures avait déjà eu lieu en février.
« Nous travaillons [[comme un écureuil dans une roue|idiom_calque|sans une minute de répit|Russian «как белка в колесе» translated literally]] », raconte Sarah Doyle, infirmière aux urgences de l'hôpital de Salford, qui enchaîne les [[changements|polysemy|gardes|смена = change and work shift]] de nuit depuis trois mois. « Nous [[— pas des héroïnes|copula_dash|ne sommes pas des héroïnes|Russian zero copula («мы — не героини») written as a dash]], nous sommes des professionnelles épuisées. » Ses collègues se plaignent [[sur les|preposition|des|жаловаться на: «se plaindre de» (contracted «des»)]] heures supplémentaires non payées, qui atteignent parfois dix heures par semaine.
Selon le syndicat, la sécurité [[malade|genitive_adjective|des malades|genitive «безопасность больных» turned into an adjective]] est menacée : une infirmière s'occupe parfois de quatorze patients la nuit. Plus de 7 millions de personnes sont inscrites sur la [[feuille d'attente|polysemy|liste d'attente|лист = sheet and list («лист ожидания», waiting list)]] du NHS en Angleterre. Les {{revendications syndicales|«syndical» is an adjective in its own right: correct}} portent aussi sur le financement des formations. Pour remplacer les grévistes, les hôpitaux ont recours à des intérimaires, une dépense que le syndicat estime {{— chiffres|paired dashes around an incise: correct, not a copula}} internes à l'appui — à 2 millions de livres par mois.
La directrice de l'hôpital [[de l'hôpital|dup_complement||complement repeated]] de Salford, Joanne Whitaker, [[a pris sur elle l'obligation|light_verb_calque|s'est engagée|взять на себя обязательство calqued; French «s'engager»]] de recruter 200 infirmières d'ici à l'été, mais le syndicat juge la promesse insuffisante. Le ministre de la Santé a appelé les deux parties à {{donner leur accord|«donner son accord» is correct French (дать согласие)}} à une médiation.
Le public reste [[sympathique|false_friend|favorable|English «sympathetic»; French «sympathique» means nice, likeable]] aux grévistes : selon un sondage publié mardi, 61 % des habitants de la région soutiennent le mouvement. Le syndicat menace de {{faire grève|correct French collocation}} une semaine entière en mai si aucun accord n'est trouvé d'ici là.
""",
    ),
    (
        "dev2-06",
        "Toronto : un drame islandais remporte le prix du public du festival",
        """\
Le Festival international du film de Toronto s'est achevé dimanche par la remise du {{prix du public|the People's Choice Award, a genitive kept as «du public»: correct}} à « L'Hiver de Hrafn », [[le tableau|polysemy|le film|картина = painting and (in press usage) film]] de l'Islandaise Katrín Jónsdóttir. Le film suit un vieux pêcheur qui refuse de quitter son village du nord de l'Islande, vidé par la fermeture de la dernière usine de poisson.
[[Le screening|untranslated|La projection|English «screening» left in the text]] de samedi soir s'est terminé par une ovation de dix minutes. « Ce film [[— une déclaration|copula_dash|est une déclaration|Russian zero copula («этот фильм — признание») written as a dash]] d'amour à mon île », a dit la réalisatrice, qui a ensuite répondu [[sur les|preposition|aux|ответить на вопросы: «répondre aux questions»]] questions des spectateurs pendant près d'une heure. Elle [[même n'espérait pas|word_order|n'espérait même pas|«даже» placed before the verb (Russian order «даже не надеялась»)]] une sélection à Toronto il y a six mois, a-t-elle confié.
[[L'audience|false_friend|Le public|English «audience»; French «audience» is a hearing or a formal reception]] a salué la beauté des [[cadres|polysemy|images|кадры = frames or footage and staff or executives]] de la côte islandaise en plein hiver. L'acteur Gunnar Helgason, qui joue le vieil homme, [[a volé le spectacle|idiom_calque|a volé la vedette|English «steal the show» translated literally (via «украсть шоу»)]] : la critique canadienne parle déjà d'une nomination aux Oscars. Dans une scène, il contemple longuement un {{tableau|«tableau» = painting: correct here}} accroché dans l'église du village {{— un paysage|a dash before a closing apposition: correct, not a copula}} peint par son père.
Le jury de la section Platform [[a sorti son verdict|light_verb_calque|a rendu son verdict|вынести вердикт calqued; a verdict is «rendu»]] samedi. Il a récompensé « Salt Lines », un huis clos de la Britannique Helen Mercer tourné dans [[une serrure écossaise|polysemy|un château écossais|замок = lock (замóк) and castle (зáмок)]]. Le prix [[critique|genitive_adjective|de la critique|genitive «приз критиков» turned into an adjective; «critique» (adj.) means critical]] est allé à un {{biopic|accepted loanword in French film criticism}} du pianiste Glenn Gould, dont la {{distribution|«distribution» = cast: correct}} réunit plusieurs musiciens canadiens.
La réalisatrice de « Salt Lines » a tenu à saluer son [[éditeur|false_friend|monteur|English «film editor»; French «éditeur» means publisher]], qui a réduit trois cents heures de rushes à un film de 97 minutes. Le prix du public du festival [[du festival|dup_complement||complement repeated]] est souvent considéré comme un indicateur pour les Oscars : plusieurs de ses lauréats ont ensuite remporté la statuette du meilleur film. « L'Hiver de Hrafn » sortira en Amérique du Nord en décembre.
Le festival, qui a présenté cette année plus de 200 longs métrages venus de 70 pays, a attiré près de 400 000 spectateurs en dix jours, un chiffre comparable à celui de l'an dernier. Les grands studios américains y ont dévoilé plusieurs films attendus pour la saison des récompenses, dont un {{thriller|accepted loanword in French}} politique de trois heures sur la campagne présidentielle de 1968.
""",
    ),
]

def main() -> int:
    """Build with the first development set's parser and checks (same markup, same limits)."""
    spec = importlib.util.spec_from_file_location("pivot_dev_build", HERE.parent / "pivot_dev" / "build.py")
    assert spec is not None and spec.loader is not None
    base = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(base)
    return base.build(ARTICLES, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
