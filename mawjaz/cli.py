"""The command line: arguments → pipeline → problems printed → exit code (0 fine, 1 problems, 2 usage)."""
from __future__ import annotations

import argparse
import faulthandler
import signal
import sys
from pathlib import Path

from .config import load_config
from .entries.ingested import INGESTED_FIELDS
from .errors import Problems, ProblemsFound
from .pipeline import RunSettings, refresh, run
from .progress import Reporter

COMMANDS = {
    "all": "ingest new stories from seeds/, then build the site (the default)",
    "ingest": "turn new stories in seeds/ into entries in content/entries/ (never overwrites an entry)",
    "build": "build the site from content/ into site/, with the search index",
    "check": "validate config, registries, entries and seeds; write nothing",
    "refresh": "compare entries with today's ingest of their seeds, field by field (--apply writes the "
               "fields no one edited)",
    "serve": "build, serve on http://127.0.0.1:8000/, rebuild and reload on every change",
    "proposals": "list the actors ingest proposed; 'proposals accept NAME --name-en …' adds one to "
                 "content/actors.yaml, 'proposals reject NAME' lists it in content/not_actors.yaml",
}

EPILOG = """\
examples:
  python build.py                 ingest new stories, then build the site
  python build.py check --strict  what CI runs: fail on any problem or warning
  python build.py serve           preview while you edit entries and templates
  python build.py refresh         what today's ingest would change in each entry (writes nothing)
  python build.py refresh --apply ID   write the fields of entry ID that no one edited
  python build.py proposals       the people and bodies ingest found that the registry lacks
  python build.py proposals accept "نيكوس ديندياس" --name-en "Nikos Dendias"
  python build.py proposals reject "فلان الفلاني"

exit codes: 0 fine · 1 problems in your files (each printed as path:line: message — hint) · 2 bad usage
"""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build Mawjaz, the Arabic news digest: seeds → entries → site.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="all", choices=sorted(COMMANDS), metavar="COMMAND",
                        help="; ".join(f"{name}: {text}" for name, text in COMMANDS.items()))
    parser.add_argument("arguments", nargs="*", metavar="ARG",
                        help="refresh: the entry ids to refresh (default: all); "
                             "proposals: nothing (list them), 'accept NAME' or 'reject NAME'")
    parser.add_argument("--apply", action="store_true", help="refresh: write the changes (default: only show them)")
    parser.add_argument("--take", action="append", default=[], choices=INGESTED_FIELDS, metavar="FIELD",
                        help="refresh: take today's value of FIELD where no one can tell whether it was edited "
                        "(entries older than the ingest digests); repeatable. One of: " + ", ".join(INGESTED_FIELDS))
    parser.add_argument("--changed-seeds", action="store_true",
                        help="refresh: also apply to entries whose seed story changed since they were written")
    parser.add_argument("--config", default="config.yaml", metavar="FILE", help="settings file (default: config.yaml)")
    parser.add_argument("--seeds", metavar="DIR", help="read raw articles from DIR instead of seeds/")
    parser.add_argument("--content", metavar="DIR", help="read entries and registries from DIR instead of content/")
    parser.add_argument("--out", metavar="DIR", help="write the site to DIR instead of site/")
    parser.add_argument("--base-url", metavar="URL", help="the address the site is served from, e.g. "
                        "https://example.org/mawjaz/ (overrides config.yaml)")
    parser.add_argument("--drafts", action="store_true", help="show draft entries in the site (for review)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as failures (CI uses this)")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default: 8000)")
    review = parser.add_argument_group("proposals accept")
    review.add_argument("--name-en", metavar="TEXT", help="the actor's English name (required to accept)")
    review.add_argument("--id", metavar="SLUG", help="the actor's id, a-z 0-9 and hyphens (default: from --name-en)")
    review.add_argument("--kind", choices=("person", "organization", "state"), help="overrides the proposed kind")
    review.add_argument("--role", metavar="TEXT", help="overrides the proposed role")
    return parser


def main(argv: list[str], root: Path) -> int:
    # `kill -USR1` on a build that seems stuck prints where each of its threads (and forked
    # processes) is, and the build goes on
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    parser = make_parser()
    args = parser.parse_intermixed_args(argv)   # exits with 2 on bad usage; ids may follow options
    if args.command != "refresh" and (args.apply or args.take or args.changed_seeds):
        parser.error("--apply, --take and --changed-seeds go with the refresh command")
    review = proposals_action(parser, args)
    config_path = Path(args.config)
    if not config_path.is_absolute():
        config_path = (Path.cwd() / config_path) if (Path.cwd() / config_path).exists() else root / config_path
    problems = Problems(root=Path.cwd())
    config = load_config(config_path, problems)
    if config is None:
        return report(problems, args.strict, quiet=args.quiet)
    config = config.with_overrides(args.seeds, args.content, args.out, args.base_url)
    if review is not None:
        return run_review(config, review, args, problems)
    reporter = Reporter(quiet=args.quiet)
    if args.command == "serve":
        from .serve import serve       # lazy on purpose: the HTTP server is loaded only to preview
        if not args.base_url:   # links must point at the preview server, not the public address
            config = config.with_overrides(base_url=f"http://127.0.0.1:{args.port}/")
        return serve(RunSettings(config, "all", drafts=args.drafts), args.port, reporter)
    settings = run_settings(config, args)
    if args.command == "refresh":
        return run_refresh(settings, problems, reporter, quiet=args.quiet)
    try:
        summary = run(settings, problems, reporter)
    except ProblemsFound:
        return report(problems, args.strict, quiet=args.quiet)
    except KeyboardInterrupt:
        print("Stopped. The previous site and every entry are as they were.", file=sys.stderr)
        return 130
    except OSError as error:   # the machine, not the user's files: a full disk, a folder that cannot be made
        print(f"{error.filename or 'build.py'}: {error.strerror or error} — check that the folder exists and is "
              "writable, and that the disk has room; the previous site and every entry are as they were",
              file=sys.stderr)
        return 1
    code = report(problems, args.strict, quiet=args.quiet)
    if code == 0:
        reporter.say(summary.line() if args.command != "check" else "Check: no problems found.")
    return code


def run_settings(config, args) -> RunSettings:
    """The run's settings, from the command line: built once, read by every stage."""
    return RunSettings(config, args.command, strict=args.strict, drafts=args.drafts,
                       entry_ids=tuple(args.arguments) if args.command == "refresh" else (), apply=args.apply,
                       take=frozenset(args.take), changed_seeds=args.changed_seeds)


def run_refresh(settings: RunSettings, problems: Problems, reporter: Reporter, quiet: bool) -> int:
    try:
        result = refresh(settings, problems, reporter)
    except ProblemsFound:
        return report(problems, settings.strict, quiet=quiet)
    except KeyboardInterrupt:
        print("Stopped. Every entry is either as it was or fully refreshed.", file=sys.stderr)
        return 130
    print("\n".join(result.lines()))
    return report(problems, settings.strict, quiet=quiet)


def proposals_action(parser: argparse.ArgumentParser, args) -> tuple[str, str | None] | None:
    """('list', None), ('accept', NAME) or ('reject', NAME) for the proposals command; None for the others."""
    if args.command != "proposals":
        if args.arguments and args.command != "refresh":
            parser.error(f"unexpected argument(s) after '{args.command}': {' '.join(args.arguments)}")
        return None
    action, *words = args.arguments or ["list"]
    if action not in ("list", "accept", "reject"):
        parser.error(f"proposals: '{action}' is not an action (expected accept NAME or reject NAME)")
    if action != "list" and not words:
        parser.error(f"proposals {action}: give the NAME as listed by 'python build.py proposals'")
    if action == "accept" and not args.name_en:
        parser.error("proposals accept: give the actor's English name with --name-en")
    return action, " ".join(words) or None


def run_review(config, review: tuple[str, str | None], args, problems: Problems) -> int:
    from .review import review as review_proposals    # lazy on purpose, as the stages are in mawjaz.pipeline
    options = {"name_en": args.name_en, "id": args.id, "kind": args.kind, "role": args.role}
    output = review_proposals(config.paths.content, review[0], review[1], options, problems)
    code = report(problems, args.strict, quiet=args.quiet)
    if output is not None and code == 0:
        print(output)
    return code


def report(problems: Problems, strict: bool, quiet: bool = False) -> int:
    """Print every problem, errors first; return 1 when any of them fails the run."""
    shown = problems.sorted()
    for problem in shown:
        print(problem, file=sys.stderr)
    failing = problems.errors(strict)
    if failing:
        print(f"\n{len(failing)} problem(s) stopped the run; nothing was written.", file=sys.stderr)
        return 1
    return 0
