"""``mtreview glossary``: the user's names glossary (the SQLite store the review UI also uses)."""

from __future__ import annotations

import argparse

HELP = """\
Manage your names glossary: the names the built-in base lacks or that you want written your way. It is
kept in the same SQLite file as the review UI's reviews (--db, $MTREVIEW_DB, default
~/.local/share/mtreview/reviews.sqlite3); pass an exported file to `check`, `fix` or `normalise` with
--glossary.

examples:
  mtreview glossary import client-names.csv        # CSV/TSV (header fr,en,ru,aliases,variants,type) or TBX
  mtreview glossary add "Jair Bolsonaro" --en "Jair Bolsonaro" --ru "Жаир Болсонару" --alias Bolsonaro
  mtreview glossary list
  mtreview glossary export my-names.csv && mtreview check article.txt --glossary my-names.csv
  mtreview glossary remove 3
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("glossary", help="import, export, list and edit your names glossary", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", help="the SQLite file (default: $MTREVIEW_DB or ~/.local/share/mtreview/reviews.sqlite3)")
    gs = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    gi = gs.add_parser("import", help="add the entries of CSV/TSV/TBX files")
    gi.add_argument("files", nargs="+", metavar="FILE")
    ge = gs.add_parser("export", help="write the glossary as CSV ('-' for standard output)")
    ge.add_argument("file", metavar="FILE")
    gs.add_parser("list", help="print the entries")
    ga = gs.add_parser("add", help="add one name")
    ga.add_argument("fr", help="the French form")
    ga.add_argument("--en", default="")
    ga.add_argument("--ru", default="")
    ga.add_argument("--alias", action="append", default=[], help="another correct form (repeatable)")
    ga.add_argument("--type", default="person", choices=["person", "organisation", "brand", "place"])
    gr = gs.add_parser("remove", help="remove entries by id (see 'list')")
    gr.add_argument("ids", nargs="+", type=int)
    return p


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from ..errors import InputError, UsageError
    from ..store import ReviewStore, StoreError

    if args.action == "export":  # checked before the database is opened: the CSV must never replace it
        from ..outputs import OutputGuard
        from ..store import default_db_path

        guard = OutputGuard()
        guard.reads_database(Path(args.db).expanduser() if args.db else default_db_path())
        guard.writes(args.file, "the export file")
    try:
        store = ReviewStore(args.db)
    except StoreError:
        raise
    except ValueError as e:
        raise InputError(str(e)) from None
    if args.action == "import":
        from ..glossary_files import load_user_glossaries

        g = load_user_glossaries(args.files)
        try:  # one transaction: all the entries or none
            added, merged = store.add_glossary_entries(
                (e.fr, e.en if e.en != e.fr else "", e.ru, e.aliases, e.type, e.source) for e in g.entities)
        except StoreError:
            raise
        except ValueError as e:
            raise InputError(f"{e}; nothing was imported") from None
        print(f"{added} new entries, {merged} merged into existing ones", file=sys.stderr)
        return 0
    if args.action == "export":
        from ..textio import write_text_atomic

        write_text_atomic(args.file, store.glossary_csv())
        return 0
    if args.action == "list":
        entries = store.glossary_entries()
        for e in entries:
            extra = f" (en {e.en})" if e.en else ""
            aliases = f" aliases: {', '.join(e.aliases)}" if e.aliases else ""
            print(f"{e.id}\t{e.type}\t{e.fr}{extra}{aliases}")
        if not entries:
            print("the glossary is empty; add names with 'mtreview glossary add' or 'import'", file=sys.stderr)
        return 0
    if args.action == "add":
        try:
            _, created = store.add_glossary_entry(args.fr, args.en, args.ru, args.alias, args.type, origin="cli")
        except StoreError:
            raise
        except ValueError as e:
            raise UsageError(str(e)) from None
        print("added" if created else "merged into the existing entry", file=sys.stderr)
        return 0
    if args.action == "remove":
        missing = [i for i in args.ids if not store.remove_glossary_entry(i)]
        if missing:
            raise InputError(f"no glossary entry with id {', '.join(map(str, missing))}")
        return 0
    raise UsageError(f"unknown action {args.action}")
