"""One run of `check` reports every error that can be known, across files and kinds.

A contributor on GitHub pays a push and a wait for each round: a syntax error may hide the
rest of its own file, never the other files nor the later kinds of error (references, links
in the texts). A reference to a file in error is not reported again as unknown.
"""

from __future__ import annotations

from support.edits import edit
from support.project import copy_project, run_cli

A = "methods/alpha.md"
B = "methods/beta.md"
G = "methods/gamma.md"
CASE = "case_studies/vallee-exemple/index.md"



def test_four_mistakes_in_four_files_are_reported_together(tmp_path):
    project = copy_project(tmp_path / "project", content="mini")
    edit(project, A, "titre: Fiche alpha", 'titre: "Fiche alpha')  # unreadable: hides the rest of alpha
    edit(project, B, "duree: 90", "duree: une heure et demie")  # the schema
    edit(project, CASE, "fiches: [delta]", "fiches: [detla]")  # a reference
    edit(project, G, "Au début.", "Au début, voir [la fiche](omega.md).")  # a link in a text

    result = run_cli(project, "check")

    assert result.returncode == 1 and "Traceback" not in result.stderr
    reported = [line.strip() for line in result.stderr.splitlines() if ".md:" in line]
    assert reported == [  # by file, then line
        f"{CASE}:25:1 : champ « chronologie[2].fiches[1] » : aucune fiche ne s'appelle « detla » ; "
        "vouliez-vous dire « delta » ?",
        f"{A}:2:8 : en-tête YAML illisible : des guillemets ouverts ne sont pas refermés.",
        f"{B}:9:1 : champ « duree » : attendu : un nombre entier ; trouvé : le texte « une heure et demie ».",
        f"{G}:39:1 : le lien « omega.md » ne mène à aucune page ni aucun fichier du site.",
    ]
    assert "4 erreurs" in result.stderr


def test_a_reference_to_a_file_in_error_is_not_reported_again(tmp_path):
    # beta names alpha in `fiches_liees`, the path names alpha, the case uses alpha: alpha's own
    # error is the one to fix, and the only one reported.
    project = copy_project(tmp_path / "project", content="mini")
    edit(project, A, "duree: 90", "duree: -5")
    edit(project, G, "Au début.", "Au début, voir [la fiche alpha](alpha.md#etape-1).")

    result = run_cli(project, "check")

    assert result.returncode == 1
    reported = [line.strip() for line in result.stderr.splitlines() if ".md:" in line]
    assert reported == [f"{A}:9:1 : champ « duree » : la valeur -5 est trop petite (minimum : 5)."]


def test_the_files_that_depend_on_a_file_in_error_are_still_checked(tmp_path):
    # alpha is refused; beta, which names it, has a mistake of its own: both are reported.
    project = copy_project(tmp_path / "project", content="mini")
    edit(project, A, "duree: 90", "duree: -5")
    edit(project, B, "Au début.", "Au début, voir [une fiche](omega.md).")
    edit(project, B, "etape: explorer", "etape: organiser")

    result = run_cli(project, "check")

    reported = [line.strip() for line in result.stderr.splitlines() if ".md:" in line]
    assert reported[0].startswith(f"{A}:9:1 : champ « duree »")
    assert any(line.startswith(f"{B}:") and "aucune étape ne s'appelle « organiser »" in line for line in reported)
