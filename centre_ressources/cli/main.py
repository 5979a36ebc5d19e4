"""The `centre-ressources` command: check, build, serve and export the resource centre.

The MkDocs steps run in a child process (`python -m mkdocs`), so this package never
imports MkDocs and the core stays usable with whatever builds the site next.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from centre_ressources.cli.site_url import address_messages
from centre_ressources.downloads.listing import DOWNLOADS_VARIABLE
from centre_ressources.downloads.offline_pack import OFFLINE_VARIABLE
from centre_ressources.errors import ContentError, ContentErrors, SiteConflict
from centre_ressources.folders import replace_folder
from centre_ressources.pipeline import build_catalogue, generate


def _project_root(value: str | None) -> Path:
    root = Path(value or ".").resolve()
    if not (root / "mkdocs.yml").is_file():
        raise SystemExit(f"erreur : aucun fichier mkdocs.yml dans {root} ; "
                         "lancez la commande depuis le dossier du projet.")
    return root


def _mkdocs(root: Path, *args: str, environment: dict[str, str] | None = None) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in (DOWNLOADS_VARIABLE, OFFLINE_VARIABLE):  # a build publishes what it is told to
        env.pop(name, None)
    env.update(environment or {})
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env)


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number <= 1 else plural}"


def cmd_check(args: argparse.Namespace) -> int:
    root = _project_root(args.root)
    for_github = getattr(args, "format", "text") == "github"  # build and serve call check too, without --format
    started = time.perf_counter()
    try:
        # Everything but MkDocs: schemas, references, links. The glossary links are left out:
        # they never touch a heading (so no anchor), and they took a good part of the time.
        # The contributors' texts are framed as in the build: a page's anchors are those the
        # build's Markdown gives it (checks/hyperlinks.page_anchors).
        catalogue, _ = generate(root, link_terms=False, frame_contributions=True)
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        if for_github:
            _github_report(root, args, errors.errors)
        return 1
    if for_github:
        _github_report(root, args, [])
    elapsed = time.perf_counter() - started
    counts = ", ".join((
        _count(len(catalogue.phases), "phase", "phases"),
        _count(len(catalogue.sheets), "fiche", "fiches"),
        _count(len(catalogue.cases), "étude de cas", "études de cas"),
        _count(len(catalogue.paths), "parcours", "parcours"),
    ))
    print(f"Contenus valides : {counts} ({elapsed:.2f} s).")
    return 0


def _github_report(root: Path, args: argparse.Namespace, errors: list[ContentError]) -> None:
    """Annotations on stdout (GitHub reads them there); the job summary when GitHub asks for one."""
    from centre_ressources.cli import github_report

    for error in errors:
        print(github_report.annotation(error))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        pr_base = os.environ.get("GITHUB_BASE_REF")
        base = getattr(args, "base", None) or (f"origin/{pr_base}" if pr_base else None)
        changed = github_report.changed_files(root, base)
        github_report.write_summary(summary_file, github_report.summary(errors, changed))


def _make_downloads(root: Path, args: argparse.Namespace, work_dir: Path) -> dict[str, str] | None:
    """Make the requested downloads (PDF, offline pack); the environment of the final build."""
    from centre_ressources.downloads.make import DownloadError, make_downloads

    def run_mkdocs(arguments: list[str], environment: dict[str, str]) -> int:
        return _mkdocs(root, *arguments, environment=environment)

    started = time.perf_counter()
    try:
        downloads = make_downloads(run_mkdocs, build_catalogue(root), work_dir, pdf=args.pdf, offline=args.offline)
    except DownloadError as error:
        print(f"erreur : {error}", file=sys.stderr)
        return None
    made = sorted(p.name for p in downloads.iterdir())
    print(f"{_count(len(made), 'fichier à télécharger', 'fichiers à télécharger')} "
          f"({time.perf_counter() - started:.1f} s) : {', '.join(made)}.")
    return {DOWNLOADS_VARIABLE: str(downloads)}


def cmd_build(args: argparse.Namespace) -> int:
    """Build into a temporary folder and swap it in only on success."""
    root = _project_root(args.root)
    if cmd_check(args):
        return 1
    for warning in address_messages(root):
        print(warning, file=sys.stderr)  # not an error: the tests and previews build with it
    site_dir = Path(args.site_dir).resolve() if args.site_dir else root / "site"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    work_dir = Path(tempfile.mkdtemp(prefix="centre-ressources-"))
    try:
        environment: dict[str, str] | None = {}
        if args.pdf or args.offline:
            environment = _make_downloads(root, args, work_dir)
            if environment is None:
                print("La construction a échoué : le site précédent est laissé intact.", file=sys.stderr)
                return 1
        if _mkdocs(root, "build", "--strict", "--site-dir", str(staging), environment=environment):
            print("La construction a échoué : le site précédent est laissé intact.", file=sys.stderr)
            return 1
        replace_folder(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work_dir, ignore_errors=True)
    print(f"Site construit dans {site_dir}.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """The preview: centre_ressources_mkdocs builds the site once, then at each edit only the pages it changes."""
    root = _project_root(args.root)
    if cmd_check(args):
        return 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in (DOWNLOADS_VARIABLE, OFFLINE_VARIABLE):
        env.pop(name, None)
    # -P: the project's folder is not put on sys.path (a folder of its own would shadow a package of its name)
    child = subprocess.Popen([sys.executable, "-P", "-m", "centre_ressources_mkdocs", str(root),
                              "--dev-addr", args.dev_addr], cwd=root, env=env)
    signal.signal(signal.SIGTERM, lambda signum, frame: child.terminate())  # the preview stops with it
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            pass  # Ctrl+C reached the preview too: it stops by itself, removing its pages


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole site source to a folder, for a builder without hooks (Zensical)."""
    from centre_ressources.export.source import export_site

    root = _project_root(args.root)
    try:
        export = export_site(root, Path(args.destination))
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    except SiteConflict as conflict:
        print(f"erreur : {conflict}", file=sys.stderr)
        return 1
    print(f"Export écrit dans {export.destination} : {_count(export.pages, 'page', 'pages')}, "
          f"{_count(export.files, 'autre fichier', 'autres fichiers')}, mkdocs.yml et zensical.yml.\n"
          f"Construction : « zensical build -f {export.destination / 'zensical.yml'} », puis "
          f"« centre-ressources finish {export.destination / 'site'} --export {export.destination} ».")
    return 0


def cmd_finish(args: argparse.Namespace) -> int:
    """The post-build steps over a site another builder wrote (markup, pictures, sanitising,
    sitemap, CSP)."""
    import json

    from centre_ressources.export.source import DEFERRED_PARTS, GENERATED_LIST
    from centre_ressources.publish.finish import finish_site
    from centre_ressources.publish.search_index import SearchIndexError
    from centre_ressources.render.deferred import DeferredParts

    site_dir = Path(args.site_dir)
    if not (site_dir / "index.html").is_file():
        print(f"erreur : {site_dir} n'est pas un site construit (aucun index.html).", file=sys.stderr)
        return 1
    generated: list[str] = []
    deferred = None
    if args.export:
        listing, parts = Path(args.export) / GENERATED_LIST, Path(args.export) / DEFERRED_PARTS
        if not listing.is_file() or not parts.is_file():
            print(f"erreur : {listing.name} ou {parts.name} introuvable dans {args.export} ; « --export » "
                  "attend le dossier écrit par « centre-ressources export ».", file=sys.stderr)
            return 1
        generated = listing.read_text(encoding="utf-8").split()
        deferred = DeferredParts.from_json(json.loads(parts.read_text(encoding="utf-8")))
    try:
        finish_site(site_dir, generated, deferred)
    except SearchIndexError as error:
        print(f"erreur : {error}", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"erreur : {error} ; le site a-t-il été construit depuis cet export ?", file=sys.stderr)
        return 1
    done = _count(len(generated), "page générée complétée", "pages générées complétées")
    print(f"Site terminé dans {site_dir} ({done}).")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from centre_ressources.cli.new import ScaffoldError, scaffold

    root = _project_root(args.root)
    try:
        path = scaffold(root, args.kind, args.slug)
    except (ScaffoldError, ContentErrors) as error:
        message = error.report() if isinstance(error, ContentErrors) else f"erreur : {error}"
        print(message, file=sys.stderr)
        return 1
    print(f"Créé : {path.relative_to(root).as_posix()}. Complétez-le, puis lancez « centre-ressources check ».")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="centre-ressources",
                                   description="Centre de ressources de la coopération territoriale.")
    main.add_argument("--racine", dest="root", help="dossier du projet (par défaut : le dossier courant)")
    commands = main.add_subparsers(dest="command", required=True, metavar="commande")
    check = commands.add_parser("check", help="vérifier les contenus sans construire le site")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="« github » : chaque erreur en annotation GitHub Actions, et un résumé de la vérification")
    check.add_argument("--base", help="branche de comparaison pour lister les pages modifiées "
                                      "(par défaut : origin/$GITHUB_BASE_REF)")
    check.set_defaults(run=cmd_check)
    build = commands.add_parser("build", help="construire le site (le site précédent reste intact en cas d'erreur)")
    build.add_argument("--site-dir", help="dossier de sortie (par défaut : site/)")
    build.add_argument("--pdf", action="store_true",
                       help="produire aussi le PDF de chaque fiche et un kit PDF par phase (Chromium)")
    build.add_argument("--hors-ligne", dest="offline", action="store_true",
                       help="produire aussi la version hors ligne du site (archive zip)")
    build.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help="prévisualiser le site en local")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adresse d'écoute (par défaut : 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)
    new = commands.add_parser("new", help="créer une fiche ou une étude de cas à partir d'un modèle commenté")
    new.add_argument("kind", choices=["fiche", "etude-de-cas"], help="ce qu'il faut créer")
    new.add_argument("slug", help="nom du fichier : minuscules sans accents et tirets, par exemple « ma-fiche »")
    new.set_defaults(run=cmd_new)
    export = commands.add_parser("export", help="écrire la source complète du site (pages, fichiers publiés, "
                                                "mkdocs.yml et zensical.yml) pour un constructeur sans hooks")
    export.add_argument("destination", help="dossier de destination (remplacé entièrement)")
    export.set_defaults(run=cmd_export)
    finish = commands.add_parser("finish", help="terminer un site construit hors MkDocs : balisage, images "
                                                "et nettoyage des pages générées, sitemap.xml.gz, puis CSP")
    finish.add_argument("site_dir", help="dossier du site construit")
    finish.add_argument("--export", help="dossier de l'export dont il est construit "
                                         "(ses pages générées sont complétées et nettoyées)")
    finish.set_defaults(run=cmd_finish)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
