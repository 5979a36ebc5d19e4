"""Bad inputs a contributor may write, each with the exact French error it must produce.

Each entry changes one file of the mini fixture site (tests/fixtures/mini). `edit` receives
the file's current text (or None for a new file) and returns its new content, as text or bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

A = "methods/alpha.md"
CASE = "case_studies/vallee-exemple/index.md"
# A one-pixel PNG, for an input that names a picture.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@dataclass(frozen=True)
class BadInput:
    name: str
    path: str
    edit: Callable[[str | None], str | bytes]
    expected: str | tuple[str, ...]  # the exact error line(s), as printed (without indentation)
    beside: dict[str, bytes] = field(default_factory=dict)  # other files the input needs, by path

    @property
    def lines(self) -> list[str]:
        return [self.expected] if isinstance(self.expected, str) else list(self.expected)


def replace(old: str, new: str) -> Callable[[str | None], str]:
    def edit(text):
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


CORPUS = [
    BadInput("fichier-vide", A, lambda t: "",
             f"{A}:1:1 : le fichier est vide : il doit commencer par un en-tête YAML entre deux lignes « --- »."),
    BadInput("sans-en-tete", A, lambda t: t.split("---\n", 2)[2],
             f"{A}:1:1 : le fichier doit commencer par une ligne « --- » qui ouvre l'en-tête YAML."),
    BadInput("en-tete-non-ferme", A, lambda t: t.replace("\n---\n## Quand", "\n## Quand", 1),
             f"{A}:1:1 : l'en-tête YAML ouvert par « --- » à la ligne 1 n'est jamais fermé : "
             "ajoutez une ligne « --- » après le dernier champ."),
    BadInput("pas-utf8", A, lambda t: t.replace("Vérifier le rendu", "V\udce9rifier", 1).encode("utf-8", "surrogateescape"),
             f"{A}:8:1 : le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 "
             "(dans votre éditeur : « Enregistrer sous », encodage UTF-8)."),
    BadInput("deux-points-sans-guillemets", A, replace("titre: Fiche alpha", "titre: Fiche : alpha: bis"),
             f"{A}:2:14 : en-tête YAML illisible : un « : » inattendu ; si la valeur contient « : », "
             "mettez-la entre guillemets."),
    BadInput("tabulation", A, replace("  min: 4", "\tmin: 4"),
             f"{A}:11:1 : en-tête YAML illisible : une tabulation sert d'indentation ; utilisez des espaces."),
    BadInput("crochet-non-ferme", A, replace("fiches_liees: [beta]", "fiches_liees: [beta"),
             f"{A}:33:15 : en-tête YAML illisible : une liste ouverte par « [ » n'est pas refermée par « ] »."),
    BadInput("guillemets-non-fermes", A, replace("titre: Fiche alpha", 'titre: "Fiche alpha'),
             f"{A}:2:8 : en-tête YAML illisible : des guillemets ouverts ne sont pas refermés."),
    BadInput("cle-en-double", A, replace("duree: 90\n", "duree: 90\nduree: 120\n"),
             f"{A}:10:1 : champ « duree » : ce champ est déjà défini à la ligne 9 ; gardez une seule définition."),
    BadInput("balise-python", A, replace("titre: Fiche alpha", "titre: !!python/object/apply:os.system [ls]"),
             f"{A}:2:8 : la balise YAML « tag:yaml.org,2002:python/object/apply:os.system » n'est pas autorisée : "
             "écrivez une valeur simple."),
    BadInput("champ-inconnu-proche", A, replace("participants:", "participant:"),
             (f"{A}:2:1 : champ « participants » : ce champ obligatoire manque.",
              f"{A}:10:1 : champ « participant » : ce champ est inconnu ; vouliez-vous dire « participants » ?")),
    BadInput("champ-obligatoire-manquant", A, replace("a_distance: false\n", ""),
             f"{A}:2:1 : champ « a_distance » : ce champ obligatoire manque."),
    BadInput("mauvais-type", A, replace("duree: 90", "duree: une heure et demie"),
             f"{A}:9:1 : champ « duree » : attendu : un nombre entier ; trouvé : le texte « une heure et demie »."),
    BadInput("booleen-invalide", A, replace("a_distance: false", "a_distance: peut-être"),
             f"{A}:17:1 : champ « a_distance » : attendu : « true » ou « false » ; trouvé : le texte « peut-être »."),
    BadInput("liste-attendue", A, replace("objectifs:\n  - Vérifier le rendu", "objectifs: Vérifier le rendu"),
             f"{A}:7:1 : champ « objectifs » : attendu : une liste (lignes commençant par « - ») ; "
             "trouvé : le texte « Vérifier le rendu »."),
    BadInput("date-invalide", A, replace("mise_a_jour: 2026-01-15", "mise_a_jour: 15/01/2026"),
             f"{A}:35:1 : champ « mise_a_jour » : date invalide : le texte « 15/01/2026 » ; "
             "écrivez-la AAAA-MM-JJ, par exemple 2025-03-14."),
    BadInput("deroule-trop-court", A, lambda t: t.replace(t[t.index("  - titre: Produire"):t.index("livrables:")], ""),
             f"{A}:19:1 : champ « deroule » : la liste doit contenir au moins 2 éléments."),
    BadInput("phase-inconnue", A, replace("phase: premiere", "phase: premiére"),
             f"{A}:3:1 : champ « phase » : le texte « premiére » n'est pas un identifiant valide : lettres "
             "minuscules sans accents, chiffres et tirets, par exemple « charte-de-cooperation »."),
    BadInput("phase-introuvable", A, replace("phase: premiere", "phase: premier"),
             f"{A}:3:1 : champ « phase » : aucune phase ne s'appelle « premier » ; vouliez-vous dire « premiere » ?"),
    BadInput("etape-introuvable", A, replace("etape: lancer", "etape: organiser"),
             f"{A}:4:1 : champ « etape » : aucune étape ne s'appelle « organiser » ; valeurs possibles : explorer, lancer."),
    BadInput("fiche-liee-introuvable", A, replace("fiches_liees: [beta]", "fiches_liees: [betta]"),
             f"{A}:33:1 : champ « fiches_liees[1] » : aucune fiche ne s'appelle « betta » ; vouliez-vous dire « beta » ?"),
    BadInput("fiche-liee-a-elle-meme", A, replace("fiches_liees: [beta]", "fiches_liees: [alpha]"),
             f"{A}:33:1 : champ « fiches_liees[1] » : une fiche ne peut pas être liée à elle-même."),
    BadInput("alias-en-collision", A, replace("mots_cles: [test]", "mots_cles: [test]\nalias: [gamma]"),
             f"{A}:35:1 : champ « alias[1] » : l'alias « gamma » est déjà utilisé par methods/gamma.md."),
    BadInput("section-manquante", A, replace("## Variantes\n\nEn petit groupe.\n", ""),
             f"{A}:37:1 : la section « ## Variantes » manque dans le texte de la fiche (sous l'en-tête YAML)."),
    BadInput("section-vide", A, replace("Rester simple.\n", ""),
             f"{A}:45:1 : la section « ## Conseils et pièges » est vide."),
    BadInput("nom-de-fichier", "methods/Fiche Epsilon.md", lambda t: open_fixture(A),
             "methods/Fiche Epsilon.md:1:1 : le nom « Fiche Epsilon » ne convient pas : utilisez des minuscules "
             "sans accents, des chiffres et des tirets, par exemple « charte-de-cooperation »."),
    BadInput("script", A, replace("Rester simple.", "Rester simple.\n<script>alert('x')</script>"),
             f"{A}:48:1 : la balise <script> est interdite : le centre de ressources ne publie pas de script "
             "venant des contenus."),
    BadInput("attribut-evenement", A, replace("Rester simple.", "Rester simple.\n{: onclick=\"alert(1)\" }"),
             f"{A}:48:1 : les attributs d'événement (onclick, onload…) sont interdits : ils exécuteraient du script."),
    BadInput("lien-javascript", A, replace("Rester simple.", "Voir [ce lien](javascript:alert(1))."),
             f"{A}:47:1 : les liens « javascript: » sont interdits ; utilisez une adresse https://."),
    BadInput("iframe", A, replace("Inviter les personnes.", '<iframe src="https://example.org"></iframe>'),
             f"{A}:43:1 : l'intégration d'une autre page (<iframe>, <object>, <embed>) est interdite ; "
             "mettez plutôt un lien."),
    BadInput("script-dans-un-champ", A, replace("consignes: Accueillir", "consignes: <script>x</script>Accueillir"),
             f"{A}:24:1 : champ « deroule[1].consignes » : la balise <script> est interdite : le centre de "
             "ressources ne publie pas de script venant des contenus."),
    BadInput("lien-interne-casse", A, replace("Au début.", "Au début, voir [la fiche](omega.md)."),
             f"{A}:39:1 : le lien « omega.md » ne mène à aucune page ni aucun fichier du site."),
    BadInput("ancre-inexistante", A, replace("Au début.", "Au début, voir [l'étape 9](beta.md#etape-9)."),
             f"{A}:39:1 : l'ancre « #etape-9 » n'existe pas dans la page « fiches/beta.md »."),
    BadInput("lien-absolu", A, replace("Au début.", "Au début, voir [la fiche](/fiches/beta/)."),
             f"{A}:39:1 : le lien « /fiches/beta/ » part de la racine du site : écrivez un lien relatif vers le "
             "fichier .md, par exemple « ../fiches/charte-de-cooperation.md »."),
    BadInput("type-de-territoire", CASE, replace("type: rural", "type: periurbain"),
             f"{CASE}:6:3 : champ « territoire.type » : valeur « periurbain » non reconnue ; "
             "valeurs possibles : « rural », « urbain »."),
    BadInput("cas-fiche-introuvable", CASE, replace("fiches: [delta]", "fiches: [detla]"),
             f"{CASE}:25:1 : champ « chronologie[2].fiches[1] » : aucune fiche ne s'appelle « detla » ; "
             "vouliez-vous dire « delta » ?"),
    BadInput("cas-phase-introuvable", CASE, replace("  - phase: seconde", "  - phase: deuxieme"),
             f"{CASE}:22:1 : champ « chronologie[2].phase » : aucune phase ne s'appelle « deuxieme » ; "
             "valeurs possibles : premiere, seconde."),
    BadInput("cas-sans-index", "case_studies/sans-index/notes.md", lambda t: "Des notes.\n",
             "case_studies/sans-index:1:1 : ce dossier d'étude de cas n'a pas de fichier index.md."),
    # The traps of writing YAML by hand, each named by its usual cause.
    BadInput("guillemets-typographiques", CASE, replace("theme: Un thème de test", "theme: “Un thème : de test”"),
             f"{CASE}:10:8 : en-tête YAML illisible : la valeur commence par « “ », un guillemet typographique "
             "que YAML ne reconnaît pas : entourez-la de guillemets droits \"…\" (ceux du clavier), par exemple : "
             "\"Un thème : de test\"."),
    BadInput("espace-insecable-en-indentation", CASE, replace("  commune: Vallée-Exemple", "\u00a0 commune: Vallée-Exemple"),
             f"{CASE}:5:1 : en-tête YAML illisible : une espace insécable (souvent collée depuis un traitement de "
             "texte) se trouve en début de ligne : YAML ne la compte pas comme une espace ; effacez-la et tapez une "
             "espace ordinaire."),
    BadInput("espace-insecable-apres-deux-points", CASE, replace("theme: Un thème de test", "theme:\u00a0Un thème de test"),
             f"{CASE}:10:7 : en-tête YAML illisible : une espace insécable (souvent collée depuis un traitement de "
             "texte) se trouve après « : » : YAML ne la compte pas comme une espace ; effacez-la et tapez une "
             "espace ordinaire."),
    BadInput("liste-decalee-d-une-espace", CASE, replace("    role: porte la démarche", "   role: porte la démarche"),
             f"{CASE}:17:4 : en-tête YAML illisible : le champ « role » est décalé d'une espace (pas assez loin) : "
             "dans un élément de liste, alignez-le exactement sous « nom » de la ligne 16, à 4 espaces du bord."),
    BadInput("bloc-obligatoire-manquant", CASE, replace("territoire:\n  commune: Vallée-Exemple\n  type: rural\n", ""),
             f"{CASE}:2:1 : champ « territoire » : ce champ obligatoire manque. Par exemple :\n"
             "    territoire:\n      commune: Ville-Exemple\n      type: rural"),
    BadInput("annee-ecrite-en-nombre", CASE, replace('periode: "2024"', "periode: 2024"),
             f"{CASE}:23:5 : champ « chronologie[2].periode » : attendu : un texte ou une valeur vide ; "
             "trouvé : le nombre 2024 ; écrivez-le entre guillemets droits : \"2024\"."),
    BadInput("chronologie-en-texte", CASE,
             lambda t: t[:t.index("chronologie:")] + "chronologie: En 2024, le groupe a écrit ses règles.\n" + t[t.index("resultats:"):],
             f"{CASE}:18:1 : champ « chronologie » : attendu : une liste (lignes commençant par « - ») ; "
             "trouvé : le texte « En 2024, le groupe a écrit ses règles. ». Par exemple :\n"
             "    chronologie:\n      - phase: structuration\n"
             "        texte: Les acteurs ont écrit ensemble une charte de coopération."),
    BadInput("image-a-la-casse-pres", CASE, replace("Un récit de test.", "Un récit de test.\n\n![Le groupe réuni](Photo.PNG)"),
             f"{CASE}:38:1 : le lien « Photo.PNG » ne mène à aucun fichier : vouliez-vous dire « photo.png » ? "
             "Sur le site, majuscules et minuscules comptent dans les noms de fichiers.", beside={"case_studies/vallee-exemple/photo.png": TINY_PNG}),
]


def open_fixture(relative: str) -> str:
    from support.project import FIXTURES

    return (FIXTURES / "mini" / relative).read_text(encoding="utf-8")
