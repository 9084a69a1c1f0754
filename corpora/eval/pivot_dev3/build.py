"""Build ``articles.jsonl`` from the readable articles below.

Third development set for the non-name detectors (meanings lost in the pivot, calqued syntax, false
friends …): French news articles written to look like an English article machine-translated English →
Russian → French, with annotated non-name errors and correct uses of the same words (traps). Names are
spelled correctly. Same format, kinds and checks as ``../pivot_dev/build.py``; other topics, and none of
the polysemous words, false friends, idioms, light-verb collocations or governing verbs of ``../pivot_dev/``
and ``../pivot_dev2/`` (this set measures generalisation).

Markup in the article texts:

* ``[[span|kind|correction|note]]`` — an error. ``span`` is what the text shows, ``kind`` one of KINDS,
  ``correction`` the French that replaces ``span`` (empty for ``dup_complement``: delete the repeated
  complement, then collapse the double space), ``note`` a short explanation.
* ``{{span|note}}`` — a trap: a correct French use of a word or construction that a detector for one of
  the kinds might flag; it must be left alone.

Offsets are computed here, never counted by hand. Run from the repository root:

    python corpora/eval/pivot_dev3/build.py

It writes ``articles.jsonl`` next to this file and prints counts by kind. It imports nothing from the
project and runs no detector.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles.jsonl"
# kinds, limits (words, errors and traps per article) and checks: those of ../pivot_dev/build.py, plus the
# limits of this set below (every kind in every article, more errors of the lexical and syntactic kinds)
MIN_ERRORS, MIN_TRAPS = 80, 30
MIN_PER_KIND_HERE = {
    "polysemy": 8,
    "false_friend": 8,
    "preposition": 8,
    "genitive_adjective": 8,
    "word_order": 8,
    "light_verb_calque": 8,
    "untranslated": 8,
    "idiom_calque": 6,
    "dup_complement": 6,
    "copula_dash": 6,
}

ARTICLES: list[tuple[str, str, str]] = [
    (
        "dev3-01",
        "Écosse : la compagnie régionale Highland Skyways cesse ses vols et se place sous la protection du tribunal",
        """\
La compagnie aérienne régionale Highland Skyways, basée à Inverness, [[est entrée en administration|false_friend|a été placée en redressement judiciaire|English «went into administration» (a UK insolvency procedure); French «administration» is the civil service or a management]] jeudi et a suspendu tous ses vols avec effet immédiat. Près de 4 000 passagers se sont retrouvés bloqués dans les aéroports de Kirkwall, de Stornoway et de Sumburgh, dans les îles du nord de l'Écosse.
Fondée en 2009, la compagnie exploitait un {{parc|«parc» = fleet (Russian «парк самолётов»): correct French}} de quatorze turbopropulseurs et desservait vingt-deux {{lignes|«ligne» = air route: correct}}, dont plusieurs liaisons de service public vers les îles. Depuis deux ans, elle [[respirait sur l'encens|idiom_calque|battait de l'aile|Russian «дышать на ладан» (to be on its last legs) translated literally]] : son [[devoir|polysemy|endettement|долг = duty and debt]] envers les banques et les loueurs d'avions [[presque a doublé|word_order|a presque doublé|adverb «почти» placed before the auxiliary (Russian order «почти удвоился»)]] depuis 2022, pour atteindre 210 millions de livres.
« La cause principale de nos difficultés [[— la flambée|copula_dash|est la flambée|Russian zero copula («главная причина — рост цен») written as a dash]] du prix du kérosène, que nous n'avons jamais pu répercuter sur les billets », a expliqué la directrice générale, Fiona MacRae, qui [[a apporté ses excuses|light_verb_calque|a présenté ses excuses|принести извинения calqued with «apporter» (принести = bring); apologies are «présentées»]] aux voyageurs. Elle a reconnu que la direction [[était allée au risque|light_verb_calque|avait pris le risque|пойти на риск calqued («aller au risque»); a risk is «pris»]] de commander trois nouveaux appareils l'an dernier.
Les administrateurs judiciaires du cabinet Kerrigan Moss ont indiqué qu'ils {{mèneraient des négociations|«mener des négociations» (вести переговоры): correct French}} avec deux repreneurs potentiels. Selon eux, le [[bailout|untranslated|plan de sauvetage|English «bailout» left in the text]] demandé au gouvernement écossais en octobre a été refusé faute de garanties. Une [[confluence|polysemy|fusion|слияние = confluence (of rivers) and merger]] avec la petite compagnie Skerry Air avait aussi été évoquée au printemps, sans résultat. Une partie de la {{dette|«dette» = debt (долг in its financial sense): correct}} pourrait être reprise par un futur acquéreur.
Les 380 salariés de la compagnie [[de la compagnie|dup_complement||complement repeated]] n'ont pas reçu leur salaire de novembre. Le syndicat des pilotes BALPA dénonce une « [[déception|false_friend|tromperie|English «deception»; French «déception» means disappointment]] » : les salaires [[pilotes|genitive_adjective|des pilotes|genitive «зарплаты пилотов» turned into an adjective; «pilote» as an adjective means experimental, trial]] avaient été gelés en juin contre la promesse d'un plan de relance. Les représentants du personnel avaient consenti [[sur les|preposition|aux|согласиться на: «consentir à» (contracted «aux»), not «sur»]] baisses de salaire en échange de cette promesse.
Pour les habitants des îles, qui dépendent de l'avion pour se faire soigner à Aberdeen ou à Inverness, le choc est rude. Les plaintes [[passagères|genitive_adjective|des passagers|genitive «жалобы пассажиров» turned into an adjective; «passagères» means temporary]] se sont multipliées vendredi sur les réseaux sociaux. Le gouvernement écossais a promis de rembourser les billets des vols de service public et d'affréter des navires supplémentaires vers les Orcades {{— un service|a dash before a closing apposition: correct, not a copula}} que la compagnie assurait seule en hiver.
""",
    ),
    (
        "dev3-02",
        "Échecs : l'Indien Arjun Venkataraman, 17 ans, remporte le tournoi de Saint-Louis",
        """\
L'Indien Arjun Venkataraman, 17 ans, a remporté dimanche le tournoi international d'échecs de Saint-Louis, dans le Missouri, avec 7 [[lunettes|polysemy|points|очки = points and glasses]] sur 9, un point devant le Norvégien Henrik Solvang, numéro deux mondial. Venkataraman [[— le plus jeune|copula_dash|est le plus jeune|Russian zero copula («он — самый молодой победитель») written as a dash]] vainqueur de l'épreuve depuis sa création en 2013.
Dès la première ronde, l'Indien [[a jeté un défi|light_verb_calque|a lancé un défi|бросить вызов calqued («бросить» = throw); a challenge is «lancé»]] aux favoris en choisissant des ouvertures rarement jouées à ce niveau. Il a remporté quatre victoires lors des [[premières cinq rondes|word_order|cinq premières rondes|numeral placed after «premier» (Russian and English order «первые пять туров»)]] et {{a battu|«battre» with a direct object: the correct construction}} l'Américain Daniel Okafor dès la troisième.
La partie décisive a eu lieu samedi, à la huitième ronde, quand il a gagné [[chez|preposition|contre|выиграть у: «у» rendered «chez»; French «gagner contre» (or «battre»)]] Solvang lui-même. Avec les {{pièces noires|«noir» is an adjective in its own right here: correct}}, Venkataraman a proposé [[la victime|polysemy|le sacrifice|жертва = victim and sacrifice (a chess sacrifice)]] d'une {{tour|«tour» = rook: correct}} au 23e coup. Sous la pression de la pendule, le Norvégien a commis [[un bâillement|polysemy|une gaffe|зевок = yawn and (chess slang) blunder]] au 38e coup, avant [[de se résigner|false_friend|d'abandonner|English «resign» (give up a game); French «se résigner» means to accept one's fate]] trois coups plus tard.
« Après le sacrifice, je pensais que [[l'affaire était dans le chapeau|idiom_calque|c'était dans la poche|Russian «дело в шляпе» (it's in the bag) translated literally]], mais Henrik s'est défendu comme un lion », a raconté le vainqueur. Son entraîneur, le Hongrois Gábor Reményi, restait prudent avant la dernière ronde : « Le titre ? [[C'est écrit avec une fourche sur l'eau|idiom_calque|Rien n'est moins sûr|Russian «вилами по воде писано» (far from certain) translated literally]] », confiait-il samedi soir.
Okafor, qui avait perdu [[au|preposition|contre le|проиграть + dative («проиграл норвежцу»): «perdre contre», not «à»]] Norvégien dès la deuxième ronde, a terminé troisième. La veille, il avait sauvé une finale perdue en trouvant un [[stalemate|untranslated|pat|English «stalemate» left in the text]] au 71e coup, sous les applaudissements d'un public venu en nombre.
Les parents [[prodiges|genitive_adjective|du prodige|genitive «родители вундеркинда» turned into an adjective]], venus de Chennai, ont assisté à toute la compétition. Le président du club [[du club|dup_complement||complement repeated]], Mark Delaney, a salué « le plus beau tournoi de notre histoire ». Solvang, lui, a reconnu qu'il avait voulu gagner la dernière partie à tout prix : « J'ai pris trop de risques, et {{le jeu n'en valait pas la chandelle|a real French idiom: correct}}. »
Les deux joueurs se retrouveront le mois prochain à Londres, lors d'un tournoi de {{blitz|accepted loanword in French chess usage}} où l'Indien sera cette fois tête de série numéro un, une première dans sa jeune carrière.
""",
    ),
    (
        "dev3-03",
        "Colombie-Britannique : plus de 1,2 million d'hectares brûlés, la saison des feux s'aggrave",
        """\
Plus de 1,2 million d'hectares ont brûlé en Colombie-Britannique depuis le début de la saison [[incendiaire|genitive_adjective|des incendies|genitive «сезон пожаров» turned into an adjective; «incendiaire» means inflammatory or arsonist]], a annoncé vendredi le service provincial de lutte [[avec|preposition|contre|бороться с: «lutter contre», not «avec»]] les feux de forêt, BC Wildfire Service. La [[place|polysemy|superficie|площадь = square (a public place) and area]] brûlée dépasse déjà celle de toute l'année dernière, alors que l'été n'est qu'à moitié.
Le gouvernement provincial [[a introduit le régime d'urgence|light_verb_calque|a décrété l'état d'urgence|ввести режим ЧС calqued («ввести» = introduce, «режим» = regime)]] mercredi, après que des vents violents ont attisé une quarantaine de {{foyers|«foyer» = seat of a fire (очаг): correct}} autour de Kamloops et de Vernon. Environ 11 000 habitants des [[évacuées depuis lundi communes|word_order|communes évacuées depuis lundi|participial phrase placed before its noun (Russian order «эвакуированных с понедельника посёлков»)]] ne savent pas quand ils pourront rentrer chez eux.
« Notre principal ennemi [[— le vent|copula_dash|est le vent|Russian zero copula («наш главный враг — ветер») written as a dash]], qui change de direction plusieurs fois par jour », a expliqué Karen Lindqvist, porte-parole du service. Dans la nuit de mardi, un seul front orageux a provoqué 160 départs de feu, presque tous causés par la [[fermeture éclair|polysemy|foudre|молния = lightning and zip fastener]].
Le feu du lac Adams, le plus important de la saison, couvre à lui seul 90 000 hectares, et son [[containment|untranslated|taux de maîtrise|English «containment» left in the text]] ne dépasse pas 30 %. Les équipes espèrent le [[prendre sous contrôle|light_verb_calque|maîtriser|взять под контроль calqued; French «maîtriser»]] avant l'arrivée de la pluie, annoncée pour la fin de la semaine prochaine. Pour protéger la ville de Chase, les pompiers ont allumé mardi un [[backburn|untranslated|contre-feu|English «backburn» left in the text]] sur six kilomètres.
Plus de 3 000 pompiers de la province [[de la province|dup_complement||complement repeated]] sont mobilisés, ainsi que des renforts étrangers {{— deux cents Australiens|paired dashes around an incise: correct, not a copula}} et une centaine de Mexicains — arrivés la semaine dernière. Deux pompiers ont subi des [[injures|false_friend|blessures|English «injuries»; French «injure» means an insult]] légères lundi, lorsque leur véhicule a été encerclé par les flammes. Quatre {{Canadair|accepted French name for a water bomber}} prêtés par le Québec écopent dans le lac Shuswap pour arroser les zones les plus difficiles d'accès.
Les enquêteurs cherchent encore [[la location exacte|false_friend|l'emplacement exact|English «location»; French «location» means rental]] du départ du feu de Bonaparte, près de Cache Creek, qu'ils soupçonnent d'être d'origine humaine. « Allumer un feu de camp par ce temps, c'est {{jouer avec le feu|a real French idiom: correct}} », a rappelé Karen Lindqvist.
À Kamloops, les habitants {{souffrent de|«souffrir de» (страдать от): the correct construction}} la fumée depuis trois semaines. « Après la sécheresse du printemps, nous sommes passés [[du feu dans la flamme|idiom_calque|de mal en pis|Russian «из огня да в полымя» (from bad to worse) translated literally]] », résume un arboriculteur de la vallée de l'Okanagan, dont le verger a brûlé jeudi.
""",
    ),
    (
        "dev3-04",
        "Bristol : le Whitcombe Museum restitue 39 objets pillés au Nigeria",
        """\
Le Whitcombe Museum de Bristol a annoncé mardi la restitution au Nigeria de 39 [[sujets|polysemy|objets|предмет = object and subject (a topic, a school subject)]] pillés en 1897 par les troupes britanniques dans l'ancien royaume du Bénin. Les bronzes, les ivoires sculptés et les plaques de laiton, conservés depuis plus d'un siècle dans la [[réunion|polysemy|collection|собрание = meeting and collection («собрание музея»)]] du musée, seront remis en février à la Commission nationale des musées et monuments du Nigeria.
La directrice du musée, Eleanor Pryce, [[hier a confirmé|word_order|a confirmé hier|time adverb placed between subject and verb (Russian order «вчера подтвердила»)]] que les deux parties [[étaient venues à un accord|light_verb_calque|étaient parvenues à un accord|прийти к соглашению calqued («прийти» = come); French «parvenir à un accord»]] après deux ans de discussions. « Ces objets ont été emportés comme [[extraction|polysemy|butin|добыча = extraction (mining) and loot, prey]] de guerre. Leur restitution [[— un acte|copula_dash|est un acte|Russian zero copula («возвращение — акт справедливости») written as a dash]] de justice, pas de charité », a-t-elle déclaré.
Selon le [[curateur|false_friend|conservateur|English «curator»; French «curateur» is a legal guardian]] Tom Ashdown, la plupart des pièces dormaient dans [[le zapasnik|untranslated|les réserves|Russian «запасник» (a museum's storeroom) left transliterated]] et n'avaient pas été exposées depuis les années 1970. La {{conservatrice|«conservatrice» = curator: correct}} en chef, Priya Natarajan, a dirigé les recherches de provenance en se référant [[sur les|preposition|aux|ссылаться на: «se référer à» (contracted «aux»), not «sur»]] archives de l'armée britannique et aux carnets d'officiers.
Les demandes [[descendantes|genitive_adjective|des descendants|genitive «требования потомков» turned into an adjective; «descendant» (adj.) means downward]] de la famille royale du Bénin remontent à plusieurs décennies. Pendant longtemps, les musées britanniques ont invoqué la loi pour {{mettre des bâtons dans les roues|a real French idiom (Russian «вставлять палки в колёса»): correct}} des demandeurs. Le conseil d'administration du musée [[du musée|dup_complement||complement repeated]] a approuvé en octobre la procédure de [[deaccession|untranslated|déclassement|English «deaccession» (removal from a museum's inventory) left in the text]], une première pour un musée de la ville. Les pièces appartiendront au Nigeria, mais certaines pourraient rester exposées à Bristol sous forme de prêt. La cérémonie de remise se tiendra à Benin City, en présence d'une délégation du conseil municipal de Bristol.
Les objets rejoindront à terme le {{palais royal|«royal» is an adjective in its own right: correct}} de Benin City, où une partie des {{fonds|«fonds» = a museum's holdings (фонды): correct}} restitués par d'autres musées européens est déjà présentée.
Le musée reconnaît que ses anciens catalogues étaient marqués par des [[préjudices|false_friend|préjugés|English «prejudice»; French «préjudice» means harm, damage]] coloniaux. Il prévoit une nouvelle salle consacrée à l'histoire du pillage {{— un projet|a dash before a closing apposition: correct, not a copula}} financé par la ville. Reste à savoir si d'autres institutions britanniques suivront : « [[Grand-mère a dit en deux|idiom_calque|Qui vivra verra|Russian «бабушка надвое сказала» (it is anything but certain) translated literally]] », estime un historien de l'université de Bristol.
""",
    ),
    (
        "dev3-05",
        "Norovirus : le vaccin de Corvanta Bio réduit de 64 % les gastro-entérites graves chez les plus de 60 ans",
        """\
Le laboratoire américain Corvanta Bio a annoncé lundi les résultats des [[épreuves|polysemy|essais|испытание = test, trial and ordeal]] de phase 3 de son vaccin contre le norovirus, principale cause des gastro-entérites aiguës dans le monde. Chez les adultes de plus de 60 ans, le vaccin [[nettement a réduit|word_order|a nettement réduit|adverb «заметно» placed before the auxiliary (Russian order «заметно снизила»)]] le nombre d'infections graves : de 64 % sur deux hivers, selon l'entreprise basée à Cambridge, dans le Massachusetts.
L'{{essai|«essai» = clinical trial (испытание): correct}} a porté sur 24 000 volontaires dans neuf pays, qui ont reçu une seule injection dans [[la main|polysemy|le bras|рука = hand and arm]]. Le [[primary endpoint|untranslated|critère principal|English «primary endpoint» left in the text]] de l'essai [[de l'essai|dup_complement||complement repeated]] {{— les infections|paired dashes around an incise: correct, not a copula}} ayant exigé une hospitalisation ou une consultation — a été atteint, avec un résultat {{statistiquement significatif|«significatif» in statistics: correct French}}. Chez les [[ayant reçu le placebo participants|word_order|participants ayant reçu le placebo|participial phrase placed before its noun (Russian order «получившие плацебо участники»)]], 412 cas graves ont été recensés, contre 148 dans le groupe vacciné.
Les chercheurs [[ont alloué une attention particulière|light_verb_calque|ont accordé une attention particulière|уделить внимание calqued («уделить» = allot, set aside)]] aux personnes de plus de 75 ans, chez qui l'efficacité reste de 52 %. Les événements [[adverses|false_friend|indésirables|English «adverse events»; French «adverse» means opposing («la partie adverse»)]] ont été pour la plupart bénins : fatigue, douleur au point d'injection, légère fièvre. Des échantillons de sang [[volontaires|genitive_adjective|des volontaires|genitive «образцы крови добровольцев» turned into an adjective; «volontaire» (adj.) means wilful, deliberate]] montrent toutefois que la réponse du {{système immunitaire|«immunitaire» is an adjective in its own right: correct}} baisse sensiblement au bout d'un an.
« Le principal défi [[— la durée|copula_dash|est la durée|Russian zero copula («главная проблема — продолжительность») written as a dash]] de la protection », a reconnu la directrice médicale de Corvanta, Anita Kowalczyk. « Il est trop tôt pour [[faire des conclusions|light_verb_calque|tirer des conclusions|сделать выводы calqued; conclusions are «tirées»]] sur un rappel annuel. »
Pour Paul Renshaw, épidémiologiste à l'université Johns Hopkins, qui n'a pas participé à l'étude, ces travaux {{donnent des résultats|«donner des résultats» (давать результаты): correct French}} encourageants, mais une vaccination annuelle serait « [[un bâton à deux bouts|idiom_calque|une arme à double tranchant|Russian «палка о двух концах» (a double-edged sword) translated literally]] » : coûteuse pour les systèmes de santé, elle pourrait lasser les patients. Les souches qui circulent cet hiver et celles visées par le vaccin ne se ressemblent pas {{comme deux gouttes d'eau|a real French idiom (Russian «как две капли воды»): correct}}, prévient-il.
L'action de Corvanta a bondi de 18 % à Wall Street : les investisseurs ont réagi [[sur la|preposition|à la|реагировать на: «réagir à», not «sur»]] nouvelle dès l'ouverture. L'entreprise compte déposer une demande d'autorisation auprès de la FDA au printemps et promet d'approvisionner les maisons de retraite [[avec des|preposition|en|обеспечить + instrumental («обеспечить дозами»): «approvisionner en», not «avec»]] doses dès l'hiver prochain.
""",
    ),
    (
        "dev3-06",
        "Minneapolis : le conseil municipal adopte un budget de 1,9 milliard de dollars",
        """\
Le conseil municipal de Minneapolis a adopté mercredi un budget de 1,9 milliard de dollars pour l'an prochain, par neuf voix contre quatre. Le vote a eu lieu [[à la onzième heure|idiom_calque|à la dernière minute|English «at the eleventh hour» translated literally]], quelques minutes avant minuit, après une journée de débats tendus : la semaine précédente, le conseil [[de nouveau avait repoussé|word_order|avait de nouveau repoussé|adverb «снова» placed before the auxiliary (Russian order «снова отложил»)]] sa décision.
Le budget prévoit une hausse de 6,1 % de la {{taxe foncière|the correct French term for property tax}}, la plus forte depuis dix ans. « Notre priorité [[— la sécurité|copula_dash|est la sécurité|Russian zero copula («наш приоритет — безопасность») written as a dash]] des habitants », a déclaré la maire, Karen Ostrowski, qui a obtenu 14 millions supplémentaires pour la police. Le syndicat [[policier|genitive_adjective|des policiers|genitive «профсоюз полицейских» turned into an adjective; «policier» (adj.) means detective or police-state]] en réclamait le double.
Les crédits pour [[la récolte de la neige|polysemy|le déneigement|уборка = harvest («уборка урожая») and removal, cleaning («уборка снега»)]] augmentent de 12 %, et 30 millions iront à la réparation des [[potholes|untranslated|nids-de-poule|English «potholes» left in the text]] laissés par l'hiver dernier. La ville va aussi remplacer 120 véhicules de service à essence [[sur des|preposition|par des|заменить на: «remplacer par», not «sur»]] véhicules électriques d'ici 2028. L'aide aux [[rentes|false_friend|loyers|English «rent»; French «rente» means an annuity or unearned income]] pour les ménages modestes passe à 22 millions de dollars. Les bibliothèques municipales retrouveront leurs horaires du samedi, supprimés en 2020, et la ville embauchera quarante agents supplémentaires pour l'entretien de ses parcs.
Pour limiter la hausse d'impôt, la ville puisera 15 millions dans son [[rainy day fund|untranslated|fonds de réserve|English «rainy day fund» left in the text]], alimenté par le {{surplus|correct French (excédent)}} de l'an dernier. La maire promet aussi des {{économies sur|«faire des économies sur» (экономить на): the correct construction}} les frais de fonctionnement pendant les [[prochaines quatre années|word_order|quatre prochaines années|numeral placed after «prochain» (Russian and English order «следующие четыре года»)]].
L'opposition n'a pas été convaincue. Ses élus [[ont versé trois amendements|light_verb_calque|ont déposé trois amendements|вносить поправки calqued («вносить» = pay in, deposit money)]] pour plafonner la hausse à 4 %, tous rejetés. « Nous entendons la colère [[contribuable|genitive_adjective|des contribuables|genitive «гнев налогоплательщиков» turned into an adjective; «contribuable» is a noun]], mais l'{{administration|«administration» = the city's executive: correct here}} ne l'écoute pas », a lancé le conseiller Tom Nygaard, qui reproche à la maire d'avoir changé trois fois de position en un mois. « Cette mairie [[a sept vendredis par semaine|idiom_calque|change d'avis comme de chemise|Russian «семь пятниц на неделе» (to keep changing one's mind) translated literally]] », a-t-il ironisé.
Le vote du budget [[du budget|dup_complement||complement repeated]] a été salué par les associations de locataires. Le nouveau barème {{entrera en vigueur|«entrer en vigueur» (вступить в силу): correct French}} le 1er janvier, et les premiers avis d'imposition seront envoyés aux propriétaires en mars, comme chaque année.
""",
    ),
]


def main() -> int:
    """Check this set's own limits, then build with the first development set's parser and checks."""
    spec = importlib.util.spec_from_file_location("pivot_dev_build", HERE.parent / "pivot_dev" / "build.py")
    assert spec is not None and spec.loader is not None
    base = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(base)
    assert set(MIN_PER_KIND_HERE) == set(base.KINDS), MIN_PER_KIND_HERE
    kinds, n_errors, n_traps = Counter(), 0, 0
    for art_id, _title, raw in ARTICLES:
        _text, errors, traps = base.parse(raw)
        art_kinds = Counter(e["kind"] for e in errors)
        missing = [k for k in base.KINDS if not art_kinds[k]]
        assert not missing, (art_id, "kinds missing", missing)
        kinds.update(art_kinds)
        n_errors += len(errors)
        n_traps += len(traps)
    for kind, least in MIN_PER_KIND_HERE.items():
        assert kinds[kind] >= least, (kind, kinds[kind], least)
    assert n_errors >= MIN_ERRORS, n_errors
    assert n_traps >= MIN_TRAPS, n_traps
    return base.build(ARTICLES, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
