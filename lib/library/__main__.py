"""``python -m lib.library``: add, list, export, import and retire articles of the team library.

    python -m lib.library add FILE… [--by NAME]   # one line per file: added|exists <id> <file>
    python -m lib.library list [--json] [--all]
    python -m lib.library export DIR
    python -m lib.library import DIR
    python -m lib.library retire ID [--by NAME] [--reason TEXT]

The database is ``$DASHBOARD_DATABASE_URL``, else ``[connections.library] url`` in
``.streamlit/secrets.toml``, else ``var/library.sqlite3``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from lib.cleaning.errors import UnreadableSourceError
from lib.library.store import Library, LibraryError
from lib.library.transfer import export_library, import_library
from lib.reference.paths import sources_dir


def default_author() -> str:
    """Who a command-line write is recorded as when ``--by`` is not given."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lib.library", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add article files")
    add.add_argument("files", nargs="+", type=Path)
    add.add_argument("--by", default=None, help="who adds them (default: cli:<user>)")
    listing = commands.add_parser("list", help="list the articles")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--all", action="store_true", help="include retired articles")
    export = commands.add_parser("export", help="write the library to a folder")
    export.add_argument("directory", type=Path)
    load = commands.add_parser("import", help="load an export into this database")
    load.add_argument("directory", type=Path)
    retire = commands.add_parser("retire", help="hide an article (kept in history and exports)")
    retire.add_argument("article_id")
    retire.add_argument("--by", default=None)
    retire.add_argument("--reason", default="")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        library = Library.open()
        library.sync_bundled(sources_dir())
        library.rebuild_derived()
        return _run(library, args)
    except LibraryError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _run(library: Library, args: argparse.Namespace) -> int:
    if args.command == "add":
        status = 0
        for path in args.files:
            try:
                raw = path.read_bytes()
                result = library.add(raw, path.name, args.by or default_author())
            except OSError as err:
                print(f"error: {path}: cannot read it ({err.strerror}): check the path",
                      file=sys.stderr)  # fmt: skip
                status = 1
            except UnreadableSourceError as err:
                print(f"error: {path}: {err}", file=sys.stderr)
                status = 1
            else:
                print(f"{result.status} {result.article_id} {path}")
        return status
    if args.command == "list":
        articles = library.articles(include_retired=args.all)
        if args.json:
            print(json.dumps([a.listing() for a in articles], ensure_ascii=False, indent=1))
        else:
            for a in articles:
                print(f"{a.id}\t{a.added_at:%Y-%m-%d %H:%M}\t{a.added_by}\t{a.title}")
        return 0
    if args.command == "export":
        counts = export_library(library, args.directory)
        print(f"exported {', '.join(f'{n} {k}' for k, n in counts.items())} to {args.directory}")
        return 0
    if args.command == "import":
        counts = import_library(library, args.directory)
        print(f"imported {', '.join(f'{n} {k}' for k, n in counts.items())} from {args.directory}")
        return 0
    article = library.article(args.article_id)
    if article is None:
        print(f"error: no article {args.article_id!r}: see `list --all`", file=sys.stderr)
        return 1
    library.retire(article.id, args.by or default_author(), article.version, args.reason)
    print(f"retired {article.id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
