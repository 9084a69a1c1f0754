"""Build ``articles.jsonl`` from the readable articles below.

Development set for the non-name detectors (meanings lost in the pivot, calqued syntax, false friends …):
French news articles written to look like an English article machine-translated English → Russian →
French, with annotated non-name errors and correct uses of the same words (traps). Names are spelled
correctly.

Markup in the article texts:

* ``[[span|kind|correction|note]]`` — an error. ``span`` is what the text shows, ``kind`` one of KINDS,
  ``correction`` the French that replaces ``span`` (empty for ``dup_complement``: delete the repeated
  complement, then collapse the double space), ``note`` a short explanation.
* ``{{span|note}}`` — a trap: a correct French use of a word or construction that a detector for one of
  the kinds might flag; it must be left alone.

Offsets are computed here, never counted by hand. Run from the repository root:

    python corpora/eval/pivot_dev/build.py

It writes ``articles.jsonl`` next to this file and prints counts by kind. It imports nothing from the
project and runs no detector.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "articles.jsonl"
KINDS = (
    "dup_complement",
    "copula_dash",
    "polysemy",
    "idiom_calque",
    "preposition",
    "false_friend",
    "genitive_adjective",
    "untranslated",
    "word_order",
    "light_verb_calque",
)
WORDS = (300, 400)
ERRORS = (10, 14)
TRAPS = (4, 6)
MIN_PER_KIND = 5

ARTICLES: list[tuple[str, str, str]] = [
    (
        "dev-01",
        "Tucson : le conseil municipal vote 480 millions de dollars pour son réseau d'eau potable",
        """\
Le conseil municipal de Tucson, en Arizona, a [[accepté la décision|light_verb_calque|pris la décision|принять решение: a decision is taken («prendre»); «accepter une décision» is agreeing to someone else's]] mardi soir de consacrer 480 millions de dollars à la modernisation de son réseau d'eau potable, après des mois de débats sur la baisse des livraisons du fleuve Colorado. Le plan, adopté par cinq voix contre deux, prévoit le remplacement de près de 9 000 [[trompettes|polysemy|canalisations|труба = pipe and trumpet; water pipes here]] en plomb dans les quartiers les plus anciens et la construction d'une usine de traitement au sud de la ville.
La ville reçoit {{actuellement|«actuellement» = currently: correct}} près de 40 % de son eau du Colorado, dont le débit ne cesse de diminuer, et elle [[déjà a perdu|word_order|a déjà perdu|adverb placed before the auxiliary (Russian/English order)]] 15 % de ses livraisons depuis 2022. « Notre problème principal [[— la sécheresse|copula_dash|est la sécheresse|Russian zero copula («проблема — засуха») written as a dash]], et elle ne s'arrêtera pas d'elle-même », a déclaré la maire, Sandra Kessler, à l'issue [[du meeting|untranslated|de la séance|English «meeting» left for a council session]].
Les habitants de la ville [[de la ville|dup_complement||complement repeated]] paient déjà l'une des factures d'eau les plus élevées de l'État. Plusieurs pétitions [[locataires|genitive_adjective|de locataires|genitive «петиции жильцов» turned into a noun used as an adjective]] dénoncent depuis l'été une odeur de chlore dans l'eau qui coule des [[grues|polysemy|robinets|кран = tap and crane]].
Le directeur du [[vodokanal|untranslated|service des eaux|Russian «водоканал» (municipal water utility) left transliterated]] municipal, Tom Aguilar, a défendu le calendrier. « [[Actuellement|false_friend|En réalité|English «actually»; «actuellement» means currently]], nous n'avons pas le choix : certains tuyaux ont plus de soixante-dix ans », a-t-il expliqué. La ville {{compte sur|«compter sur» is the correct construction}} des subventions fédérales pour couvrir un quart de la dépense.
Le conseiller Marcus Dellinger, qui a voté contre, a [[mis la question|light_verb_calque|posé la question|поставить вопрос: «poser la question»]] du coût pour les ménages modestes. « On nous promet la fin des travaux pour 2031, mais ils seront terminés [[après la pluie du jeudi|idiom_calque|à la saint-glinglin|Russian «после дождичка в четверг» (never) translated literally]] », a-t-il ironisé. Une hausse des tarifs de 8 % est désormais {{sur la table|correct French: under discussion}}, un dossier {{sensible|«sensible» = sensitive: correct French}} à un an des élections municipales.
Sous la pression des élus de l'est de la ville, le conseil a aussi [[allumé|polysemy|inclus|включить = switch on and include]] dans la première phase des travaux trois quartiers {{— les plus pauvres|paired dashes around an incise: correct, not a copula}} de la ville — jusqu'ici oubliés des plans d'investissement. Les habitants pourront participer [[dans les|preposition|aux|участвовать в: «participer à» (contracted «aux»)]] consultations publiques prévues en janvier, avant le début du chantier au printemps. Financé en partie par un emprunt obligataire, le projet devrait créer près de 300 {{emplois|«emploi» = job: correct}} locaux, selon la mairie.
""",
    ),
    (
        "dev-02",
        "Tennis : l'Américaine Hailey Morrison s'offre le tournoi de Miami",
        """\
L'Américaine Hailey Morrison a remporté samedi le tournoi de Miami en battant en finale la Tchèque Tereza Novotná, première raquette [[de la paix|polysemy|mondiale|«первая ракетка мира»: мир = world and peace]], en deux sets, 6-3, 7-6.
Morrison, [[seed|untranslated|tête de série|English «seed» left in the text]] numéro 14, [[jamais n'avait dépassé|word_order|n'avait jamais dépassé|adverb moved in front of the verb group (Russian order)]] les quarts de finale d'un tournoi de cette catégorie. Elle avait pourtant brillé [[sur le|preposition|au|на турнире: «au tournoi»]] tournoi d'Indian Wells, où elle s'était inclinée en demi-finale après avoir mené d'un set. En quart de finale à Miami, elle avait éliminé la tenante du titre, l'Espagnole Lucía Ferrer, en moins d'une heure.
[[Élevée|polysemy|Grande|высокая = tall and high; a tall player is «grande»]] et puissante, l'Américaine s'est appuyée toute la semaine sur [[sa soumission|polysemy|son service|подача = serve and submission]]. Elle a [[frappé le record|light_verb_calque|battu le record|побить рекорд: a record is «battu»]] du tournoi avec 58 aces en six matchs, et son entraîneur, Mark Ellison, a salué un jeu [[consistant|false_friend|régulier|English «consistent»; «consistant» means thick, substantial]] « du premier au dernier point ».
La finale a longtemps tourné en faveur de Novotná, qui menait 5-2 dans le deuxième set lorsque la pluie a interrompu la rencontre pendant près d'une heure. Le tournoi, disputé {{en plein air|outdoors: correct}}, a souffert toute la quinzaine des averses et de la chaleur. Quand le jeu [[a été résumé|false_friend|a repris|English «play resumed»; «résumer» means to summarise]], l'Américaine a aligné quatre jeux de suite avant de s'imposer au {{tie-break|accepted in French tennis usage (also «jeu décisif»)}}.
« Ce n'était pas [[un morceau de gâteau|idiom_calque|une partie de plaisir|English «a piece of cake» translated literally]]. Tereza m'a poussée dans mes retranchements pendant deux heures », a reconnu la gagnante. « Mon prochain objectif [[— le titre|copula_dash|est le titre|Russian zero copula written as a dash]] à Roland-Garros », a-t-elle ajouté [[dans l'air de|polysemy|à l'antenne de|эфир = air and broadcast («в эфире» = on air)]] la chaîne ESPN.
Plus de 14 000 {{supporters|fans: correct French use}} ont assisté à la finale du tournoi [[du tournoi|dup_complement||complement repeated]], un record pour l'épreuve féminine. Dans les tribunes, la famille [[joueuse|genitive_adjective|de la joueuse|genitive «семья теннисистки» turned into an adjective; «joueuse» as an adjective means playful]] a fondu en larmes au moment de la balle de match.
Novotná conservera malgré tout sa place de numéro un lundi, tandis que Morrison devrait gagner onze places au classement mondial. Elle retrouvera Morrison dans trois semaines à Stuttgart, où la Tchèque défendra son titre {{sur le court|«sur le court» is correct French}} central. L'Américaine pourrait {{éventuellement|«éventuellement» = possibly: correct}} renoncer au tournoi de Madrid pour se reposer. « Mon corps a besoin de souffler », a-t-elle expliqué, sans annoncer de décision.
""",
    ),
    (
        "dev-03",
        "Un laboratoire américain rappelle quatre lots d'un médicament contre l'hypertension",
        """\
Le laboratoire américain Halvorsen Pharmaceuticals a annoncé jeudi le rappel de quatre [[partis|polysemy|lots|партия = batch and (political) party]] de comprimés de losartan, [[la drogue|false_friend|le médicament|English «drug»; «drogue» means a narcotic]] de référence contre l'hypertension. Au total, près de 1,2 million de boîtes sont concernées aux États-Unis et au Canada.
La cause du rappel [[— une impureté|copula_dash|est une impureté|Russian zero copula written as a dash]], la N-nitrosodiéthylamine, détectée au-delà des seuils autorisés lors de contrôles internes. Les analyses ont été {{réalisées|«réaliser» = carry out: correct}} par un laboratoire indépendant. Selon le [[press-release|untranslated|communiqué de presse|English word left in the text]] publié par l'entreprise, aucun effet indésirable grave n'a été signalé à ce jour.
« Il n'y a pas [[d'évidence|false_friend|de preuve|English «evidence»; «évidence» means obviousness]] que ces comprimés aient causé du tort aux patients », a assuré la porte-parole du groupe, Rachel Dunmore. « Le rappel [[porte un caractère|light_verb_calque|a un caractère|носить характер calqued; «avoir un caractère» or «être»]] préventif. »
Le rappel est pourtant tombé sur les pharmacies [[comme de la neige sur la tête|idiom_calque|sans crier gare|Russian «как снег на голову» translated literally]]. Elles disposent d'un {{délai|«délai» = time limit: correct}} de trente jours pour retourner les boîtes concernées. Les [[physiciens|false_friend|médecins|English «physicians»; «physicien» means physicist]] ont reçu une lettre les invitant à ne pas interrompre brutalement les traitements : le losartan n'étant délivré que sur [[recette|polysemy|ordonnance|рецепт = prescription and recipe]], les patients doivent consulter avant de changer de médicament.
L'Agence américaine des médicaments (FDA) a ouvert une [[conséquence|polysemy|enquête|следствие = investigation and consequence]] sur les procédures de contrôle de l'usine de Newark, où les comprimés sont fabriqués. Des associations de malades disent avoir reçu des dizaines de plaintes [[patientes|genitive_adjective|des patients|genitive «жалобы пациентов» turned into an adjective; «patientes» means patient (adj.)]] depuis l'automne, et elles accusent le laboratoire [[dans la|preposition|de|обвинять в: «accuser de»]] négligence. Halvorsen avait déjà été {{accusé de|«accuser de» is the correct construction}} retards de livraison en 2021.
Halvorsen, l'un des plus grands [[en Amérique du Nord fabricants de génériques|word_order|fabricants de génériques d'Amérique du Nord|Russian order «один из крупнейших в Северной Америке производителей»]], emploie 6 000 personnes. Les ventes du médicament [[du médicament|dup_complement||complement repeated]] représentent près de 12 % de son chiffre d'affaires. Une pénurie temporaire pourrait être {{la conséquence|«conséquence» in its own sense: correct}} directe du rappel, préviennent les grossistes, qui se tournent déjà vers d'autres fournisseurs.
Le groupe a précisé que les autres dosages de losartan qu'il commercialise ne sont pas touchés et que la production de l'usine reprendrait après un audit complet. En 2018 et 2019, plusieurs fabricants chinois et indiens avaient déjà retiré des {{lots|«lot» = batch: correct}} de sartans contaminés par des impuretés du même type.
""",
    ),
    (
        "dev-04",
        "Climat : le sommet de Nairobi s'achève sur un accord a minima pour l'adaptation",
        """\
Les représentants de 190 pays réunis à Nairobi pour la conférence [[de la paix|polysemy|mondiale|всемирная конференция: мир = world and peace]] sur l'adaptation au changement climatique ont [[accepté|light_verb_calque|adopté|принять (a text, a law) = «adopter»]] samedi une déclaration finale jugée décevante par les pays les plus exposés {{— les petits|paired dashes around an incise: correct, not a copula}} États insulaires et les pays les moins avancés — qui réclamaient des engagements chiffrés. Les négociations ont dû être prolongées de trente-six heures, et plusieurs délégations avaient déjà quitté Nairobi lorsque la présidence a enfin annoncé l'accord.
Pour les pays du Sud, la question clé [[— le financement|copula_dash|est le financement|Russian zero copula written as a dash]]. Ils demandent au moins 300 milliards de dollars par an d'ici à 2030, contre une quarantaine aujourd'hui. Les pays riches [[également ont promis|word_order|ont également promis|adverb before the auxiliary (Russian/English order)]] de doubler leur aide à l'adaptation, mais les promesses [[donatrices|genitive_adjective|des donateurs|genitive «обещания доноров» turned into an adjective]] restent loin du compte.
Près de 12 000 délégués ont [[attendu le|false_friend|assisté au|English «attend»; «attendre» means to wait for]] sommet, qui a duré deux semaines. La présidente de la conférence [[de la conférence|dup_complement||complement repeated]], la ministre kényane de l'Environnement Grace Wanjiru, a reconnu un résultat « imparfait ». Le [[chapitre|polysemy|chef|глава = head and chapter]] de la délégation des îles Marshall, Tommy Langidrik, a jugé le texte [[ni poisson ni viande|idiom_calque|ni chair ni poisson|«ни рыба ни мясо» translated literally; French says «ni chair ni poisson»]].
[[Sur le|preposition|Au|на саммите: «au sommet»]] sommet, la Chine et l'Inde ont refusé tout nouvel objectif de réduction des [[éjections|polysemy|émissions|выбросы = emissions and ejections/discharges]] de gaz à effet de serre. La {{position chinoise|adjective of nationality: correct French}} n'a pas changé depuis l'an dernier, et selon un négociateur européen, aucun [[deal|untranslated|accord|English word left in the text]] n'était possible sans Pékin. Le dossier devrait revenir lors de {{la réunion ministérielle|correct French collocation}} prévue à Bonn en juin.
Le texte final [[fait un accent sur|light_verb_calque|met l'accent sur|сделать акцент: «mettre l'accent sur»]] les systèmes d'alerte précoce, qui doivent couvrir toute la planète d'ici à 2027. Il appelle aussi les gouvernements à {{prendre des mesures|correct French collocation}} pour protéger les réserves d'eau. Les délégués ont enfin salué le lancement, prévu en juin, d'un satellite de surveillance du méthane, qui sera placé en orbite par [[un missile|polysemy|une fusée|ракета = rocket and missile]] Ariane 6.
Dans son discours de clôture, le secrétaire général de l'ONU a rappelé que les sécheresses et les inondations menacent aussi {{la paix|peace: correct}} et la sécurité alimentaire. La prochaine conférence se tiendra l'an prochain à Panama.
""",
    ),
    (
        "dev-05",
        "Northbridge Financial : bénéfice en hausse de 12 % au troisième trimestre",
        """\
La banque Northbridge Financial, la [[plus grande en Nouvelle-Angleterre banque régionale|word_order|plus grande banque régionale de Nouvelle-Angleterre|Russian order «крупнейший в Новой Англии региональный банк»]], a publié mardi des résultats trimestriels supérieurs aux attentes. Son bénéfice net a augmenté [[sur|preposition|de|увеличиться на: «augmenter de»]] 12 %, à 1,4 milliard de dollars, et [[son secours|polysemy|son chiffre d'affaires|выручка = revenue and rescue (выручить)]] a progressé de 6 %. Les dépôts ont {{augmenté de|correct construction «augmenter de»}} 3 % sur un an.
La banque a [[achevé|false_friend|réalisé|English «achieve»; «achever» means to finish]] ce résultat malgré les [[paris|polysemy|taux|ставка = rate and bet]] d'intérêt élevés, qui pèsent sur la demande de crédits immobiliers. La Réserve fédérale a maintenu son {{taux directeur|correct French term}} inchangé en septembre, et peu d'économistes attendent une baisse avant l'été. L'activité de banque d'investissement a [[porté des pertes|light_verb_calque|subi des pertes|нести убытки: «subir des pertes»]] pour le deuxième trimestre consécutif.
« Notre priorité pour l'an prochain [[— la réduction|copula_dash|est la réduction|Russian zero copula written as a dash]] des coûts », a déclaré le directeur général, Jonathan Reyes, qui tient les dépenses [[dans des gants de hérisson|idiom_calque|d'une main de fer|Russian «держать в ежовых рукавицах» translated literally]] depuis son arrivée en 2021. La banque prévoit de fermer quarante agences et de supprimer 900 postes d'ici à la fin de 2025.
La directrice financière de la banque [[de la banque|dup_complement||complement repeated]], Meredith Cole, a indiqué que les autorités de contrôle s'étaient montrées {{compréhensives|«compréhensif» = understanding: correct}} sur le calendrier de ces fermetures. La banque a [[éventuellement|false_friend|finalement|English «eventually»; «éventuellement» means possibly]] renoncé à racheter le courtier Harlow Securities, jugé trop cher.
Le [[board|untranslated|conseil d'administration|English word left in the text]] a approuvé un programme de {{rachat d'actions|«action» = share: correct}} de 2 milliards de dollars. Les [[promotions|polysemy|actions|акция = share and promotion/campaign]] de la banque ont gagné 4 % mardi à Wall Street {{— une première|a dash before a closing apposition: correct, not a copula}} depuis le printemps.
La rémunération [[directrice|genitive_adjective|du directeur général|genitive «вознаграждение директора» turned into an adjective; «directrice» (adj.) means guiding]] a toutefois été critiquée par plusieurs fonds de pension, qui la jugent sans rapport avec les résultats. « Ils nous [[accrochent des nouilles aux oreilles|idiom_calque|mènent en bateau|Russian «вешать лапшу на уши» translated literally]] avec leurs économies de coûts », estime un analyste new-yorkais, qui rappelle que les effectifs du siège ont augmenté de 5 % depuis 2021.
Les provisions pour créances douteuses ont reculé à 310 millions de dollars, signe que les difficultés des emprunteurs, en particulier dans l'immobilier de bureaux, commencent à s'atténuer. La banque a confirmé ses prévisions pour l'ensemble de l'année et relevé de 5 % son dividende trimestriel.
""",
    ),
    (
        "dev-06",
        "Boston : le musée des Beaux-Arts expose deux siècles d'estampes japonaises",
        """\
Le musée des Beaux-Arts de Boston présente depuis samedi près de 200 [[emplois|polysemy|œuvres|работы = works and jobs]] de maîtres de l'{{ukiyo-e|Japanese art term, correct in French}}, dont Katsushika Hokusai, Utagawa Hiroshige et Kitagawa Utamaro. [[La vystavka|untranslated|L'exposition|Russian «выставка» left transliterated]], ouverte jusqu'en janvier, réunit les [[japonaises célèbres estampes|word_order|célèbres estampes japonaises|adjective order calqued from «знаменитые японские гравюры»]] que le musée ne montre presque jamais, faute de pouvoir les exposer longtemps à la lumière.
Le clou du parcours [[— la Grande Vague|copula_dash|est la Grande Vague|Russian zero copula written as a dash]] de Kanagawa, dont le musée possède plusieurs tirages. Pour protéger les pigments, {{la lumière|light: correct}} des salles est réduite à cinquante lux, et chaque {{feuille|a printed sheet: correct}} ne restera accrochée que trois mois avant d'être remplacée par une autre.
La plupart des estampes de la collection [[de la collection|dup_complement||complement repeated]] ont été réunies à la fin du XIXe siècle par des amateurs bostoniens, parmi les premiers à rapporter de l'art japonais dans [[la Nouvelle Lumière|polysemy|le Nouveau Monde|Новый Свет: свет = world and light]]. Une salle entière présente la collection [[médicale|genitive_adjective|du médecin|genitive «коллекция врача» turned into an adjective; «médicale» means medical]] William Sturgis Bigelow, qui vécut sept ans au Japon.
« Le public américain s'intéresse [[par|preposition|à|интересоваться + instrumental: «s'intéresser à»]] l'art japonais depuis plus d'un siècle », explique la commissaire de l'exposition, Eleanor Whitfield. « Ces images [[ont fait une grande influence|light_verb_calque|ont exercé une grande influence|оказать влияние calqued as «faire une influence»]] sur Monet, Degas et Van Gogh. » Le parcours rappelle que l'époque d'Edo, deux siècles et demi {{de paix|peace: correct}}, a vu naître une culture urbaine avide d'images bon marché.
Une vitrine est consacrée aux graveurs et aux imprimeurs, artisans anonymes qui avaient, selon la commissaire, [[des mains d'or|idiom_calque|des doigts de fée|Russian «золотые руки» translated literally]] : une seule estampe pouvait exiger une dizaine de planches de cerisier. Les chercheurs peuvent consulter les albums originaux à la [[librairie|false_friend|bibliothèque|English «library»; «librairie» means bookshop]] du musée, sur rendez-vous.
Le catalogue, vendu 45 dollars à la {{librairie|bookshop: correct}} de l'entrée, [[se vend comme des gâteaux chauds|idiom_calque|s'arrache comme des petits pains|English «sell like hot cakes» translated literally]]. Au total, le musée conserve quelque 50 000 estampes japonaises, l'une des plus vastes collections hors du Japon. La plupart dorment dans des réserves climatisées et ne sont montrées qu'une fois tous les cinq ou six ans. Le musée attend plus de 150 000 visiteurs d'ici à la fermeture de l'exposition, et propose le week-end des ateliers de gravure sur bois pour les familles.
""",
    ),
]

_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def parse(raw: str) -> tuple[str, list[dict], list[dict]]:
    out, errors, traps, pos, length = [], [], [], 0, 0
    for m in _MARK.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(1) is not None:
            parts = m.group(1).split("|")
            assert len(parts) == 4, parts
            span, kind, correction, note = parts
            assert kind in KINDS, kind
            assert note.strip(), parts
            assert correction != span, parts
            if kind == "dup_complement":
                assert correction == "" and chunk.endswith(span + " "), (span, chunk[-60:])
            else:
                assert correction.strip(), parts
            errors.append({"start": length, "end": length + len(span), "text": span, "kind": kind,
                           "correction": correction, "note": note})
        else:
            parts = m.group(2).split("|")
            assert len(parts) == 2, parts
            span, note = parts
            assert note.strip(), parts
            traps.append({"start": length, "end": length + len(span), "text": span, "note": note})
        out.append(span)
        length += len(span)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out).rstrip("\n"), errors, traps


def build(articles: list[tuple[str, str, str]], out: Path) -> int:
    """Check ``articles`` (id, title, marked-up text) against this set's limits and write them to ``out``
    as JSON lines (the second development set, ``../pivot_dev2/build.py``, builds with this too)."""
    lines, n_words, kinds, n_traps = [], 0, Counter(), 0
    ids = set()
    for art_id, title, raw in articles:
        assert art_id not in ids, art_id
        ids.add(art_id)
        text, errors, traps = parse(raw)
        for bad in ("[[", "]]", "{{", "}}", "|"):
            assert bad not in text, (art_id, bad)
        words = len(_WORD.findall(text))
        assert WORDS[0] <= words <= WORDS[1], (art_id, words)
        assert ERRORS[0] <= len(errors) <= ERRORS[1], (art_id, len(errors))
        assert TRAPS[0] <= len(traps) <= TRAPS[1], (art_id, len(traps))
        spans = sorted((s["start"], s["end"]) for s in errors + traps)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, (art_id, (s1, e1), (s2, e2))
        for item in errors + traps:
            assert text[item["start"] : item["end"]] == item["text"], (art_id, item)
            assert item["text"] == item["text"].strip() and item["text"], (art_id, item)
        art_kinds = Counter(e["kind"] for e in errors)
        kinds.update(art_kinds)
        n_words += words
        n_traps += len(traps)
        print(f"{art_id}: {words} words, {len(errors)} errors, {len(traps)} traps; "
              f"{dict(sorted(art_kinds.items()))}")
        lines.append(json.dumps({"id": art_id, "title": title, "text": text, "errors": errors, "traps": traps},
                                ensure_ascii=False))
    for kind in KINDS:
        assert kinds[kind] >= MIN_PER_KIND, (kind, kinds[kind])
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} articles, {n_words} words, {sum(kinds.values())} errors, {n_traps} traps")
    for kind in KINDS:
        print(f"  {kind:20} {kinds[kind]}")
    print(f"wrote {out}")
    return 0


def main() -> int:
    return build(ARTICLES, OUT)


if __name__ == "__main__":
    raise SystemExit(main())
