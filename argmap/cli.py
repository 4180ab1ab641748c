"""The `argmap` command: a thin click layer over the library.

Exit codes: 0 no failing findings, 1 failing findings (errors, or warnings under
``--strict``), 2 usage errors, unreadable paths, bad configuration and internal
errors.
"""

from __future__ import annotations

import difflib
import gc
import io
import os
import signal
import sys
import threading
import time
import traceback

import click

from ._version import __version__
from . import export as exporters
from .api import check_files, expand, load
from .checker import check as run_check
from .checker import fails
from .config import Config, ConfigError, discover, parse_rule_list, read_file
from .diff import GATES, STRENGTH_DELTA, DiffRun, diff_sides, read_side
from .evaluate import evaluate
from .files import OutputError, check_output, write_output
from .fmt import format_source
from .gitrev import RevisionError, is_revision, revision_tree
from . import importer
from .importer import FORMATS as IMPORT_FORMATS
from .importer import NotImportable
from .reader import ReadError, read_map_bytes
from .reporters import FORMATS, Results
from .reporters._terminal import safe
from .reporters import schemes as scheme_reports
from .reporters.diff import DIFF_FORMATS
from .reporters.evaluation import EVAL_FORMATS
from .rules import BY_ID, RULES, documentation, summary
from .util import nearest


class _Group(click.Group):
    """Turns an unexpected exception into one line and exit code 2; lists each
    command with the whole first paragraph of its help."""

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, " ".join((command.help or "").split("\n\n")[0].split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx):
        # A command runs once and ends: the cyclic collector only costs it time
        # (big maps allocate many objects and no cycles worth collecting).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("argmap: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # the reader went away (`argmap check | head`): stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            if os.environ.get("ARGMAP_DEBUG"):
                traceback.print_exc()
            else:
                _say(f"argmap: internal error: {type(exc).__name__}: {exc} "
                     "(set ARGMAP_DEBUG=1 for the traceback, and please report it)")
            ctx.exit(2)
        finally:
            if collecting:
                gc.enable()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="argmap")
def cli():
    """Argument maps as text: check the reasoning, export the graph.

    \b
    Examples:
      argmap check maps/                 check every map in a folder
      argmap check essay.argmap --strict warnings fail too
      argmap export essay.argmap -f json the graph as JSON
      argmap rules unsupported-claim     what a rule checks, and why
    """


def _say(message: str, err: bool = True) -> None:
    """A line for a person: control characters from paths and map text shown as
    ``<U+001B>``, never sent to the terminal or a CI log as they are."""
    click.echo(safe(message), err=err)


def _error(message: str) -> None:
    _say(f"argmap: error: {message}")


def _warn(message: str) -> None:
    _say(f"argmap: warning: {message}")


def _rule_list(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_rule_list(value, param.opts[0])
    except ConfigError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[-1], ctx, param) from None


def _catalogue() -> dict:
    """The schemes of the configuration found from here (for outlines' checklists)."""
    try:
        return discover().catalogue()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def _expand(paths):
    """Map files from the paths given (folders searched), warning of empty folders."""
    files, problems, empty = expand(paths)
    for path in empty:
        _warn(f"no *.argmap files under {path}")
    return files, problems


class _Progress:
    """A progress bar on a terminal's stderr, shown only once a check takes a moment."""

    DELAY = 0.5

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and total > 1
        self.start = time.monotonic()
        self.bar = None
        self.done = 0

    def advance(self, name):
        self.done += 1
        if not self.enabled:
            return
        if self.bar is None and time.monotonic() - self.start > self.DELAY:
            # rich is slow to import (25 ms): only once a bar is shown
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Checking", total=self.total, completed=self.done)
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)

    def close(self):
        if self.bar is not None:
            self.bar.stop()


class _Spinner:
    """A spinner on a terminal's stderr while a layout runs, shown only once it has
    taken longer than DELAY seconds (and gone without a trace when it ends)."""

    DELAY = 1.0

    def __init__(self, text: str, enabled: bool, delay: float | None = None, console=None):
        self.text, self.enabled = text, enabled
        self.delay = self.DELAY if delay is None else delay
        self.console = console
        self.status = None
        self.timer = None
        self.lock = threading.Lock()

    def __enter__(self):
        if self.enabled:
            self.timer = threading.Timer(self.delay, self._show)
            self.timer.daemon = True
            self.timer.start()
        return self

    def _show(self):
        # rich is slow to import (25 ms): only once a layout takes a while
        from rich.console import Console

        with self.lock:
            if self.timer is not None:
                self.status = (self.console or Console(stderr=True)).status(self.text)
                self.status.start()

    def __exit__(self, *exc):
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.status is not None:
                self.status.stop()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="How to print the findings.")
@click.option("--strict/--no-strict", default=None,
              help="Warnings fail the check too (exit 1).")
@click.option("--select", callback=_rule_list, metavar="RULE,...",
              help="Run only these rules (ALL for every rule).")
@click.option("--extend-select", callback=_rule_list, metavar="RULE,...",
              help="Run these rules besides the selected ones, e.g. uncited-premise.")
@click.option("--ignore", callback=_rule_list, metavar="RULE,...", help="Don't run these rules.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the check.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only, no summary.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Read settings from this setup.cfg or pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text format (auto: on a terminal, unless NO_COLOR).")
def check(paths, fmt, strict, select, extend_select, ignore, exit_zero, quiet, config_file,
          isolated, color):
    """Check maps for errors in their reasoning: unsupported claims, dangling
    references, circular support, unanswered objections, uncited evidence.

    PATHS are map files or folders (searched for *.argmap). A file that another
    checked map includes is checked as part of that map.

    \b
    Examples:
      argmap check maps/
      argmap check essay.argmap --format concise
      argmap check maps/ --strict --format github      # in CI
      argmap check essay.argmap --extend-select uncited-premise

    Exit status: 0 clean, 1 failing findings, 2 usage or read errors.
    """
    try:
        if isolated:
            config = Config()
        elif config_file:
            config = read_file(config_file) or Config(source=config_file)
        else:
            config = discover()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    config = config.override(select=select, extend_select=extend_select, ignore=ignore,
                             strict=strict)

    files, missing = _expand(paths)
    progress = _Progress(len(files), sys.stderr.isatty() and fmt == "text")
    try:
        run = check_files(files, config, progress=progress.advance)
    finally:
        progress.close()
    for problem in missing + run.problems:
        _error(problem)
    results = Results(run.findings, run.checked, run.texts, strict=config.strict, quiet=quiet,
                      unreadable=len(missing) + len(run.problems))
    out = sys.stdout
    FORMATS[fmt].report(results, out, color=_use_color(color, out))
    out.flush()
    if missing or run.problems:
        sys.exit(2)
    if not exit_zero and fails(run.findings, config.strict):
        sys.exit(1)


def _node_or_fail(m, node, param_hint):
    """``node`` when the map has it; else a usage error that suggests the nearest id."""
    if node is not None and node not in m.nodes:
        near = nearest(node, m.nodes)
        raise click.BadParameter(f"no node {node!r} in the map"
                                 + (f" (did you mean {near}?)" if near else ""),
                                 param_hint=param_hint)
    return node


def _load_or_refuse(path):
    """A built map, or exit: 2 when unreadable, 1 (findings on stderr) when it can't be built."""
    try:
        m = load(path)
    except ReadError as exc:
        _error(str(exc))
        sys.exit(2)
    if not m.ok:
        findings = [f for f in run_check(m, Config()) if f.severity == "error"]
        err = sys.stderr
        FORMATS["text"].report(Results(findings, m.files, m.texts, quiet=True), err,
                               color=_use_color("auto", err))
        _say(f"argmap: {path} can't be read as a map; nothing was written")
        sys.exit(1)
    return m


def _save(path: str, data, inputs=(), force=False) -> bool:
    """Write an output file (see :func:`argmap.files.write_output`); False, having
    said why, when it may not or can't be written."""
    try:
        notes = write_output(path, data, inputs, force)
    except OutputError as exc:
        _error(f"{exc}; nothing was written")
        return False
    except OSError as exc:
        _error(f"can't write {path}: {exc.strerror or exc}")
        return False
    for note in notes:
        _warn(note)
    return True


def _refuse_output(output, inputs=(), force=False):
    """Exit 2 before any work when ``output`` may not be written."""
    if output is None or output == "-":
        return
    try:
        check_output(output, inputs, force)
    except OutputError as exc:
        _error(f"{exc}; nothing was written")
        sys.exit(2)


def _write(data, output, inputs=(), force=False):
    """``data`` (bytes, a string, or a function that writes to a text stream) to
    ``output``, a file written atomically, or standard output; text as UTF-8
    either way, whatever the terminal's encoding."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if output is not None and output != "-":
        if not _save(output, data, inputs, force):
            sys.exit(2)
    elif callable(data):
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            data(out)
            out.flush()
        finally:
            out.detach()
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


class _Seconds(click.FloatRange):
    """A time limit: a finite number of seconds from 0.1 to a day."""

    name = "seconds"

    def __init__(self):
        super().__init__(min=0.1, max=86400.0)

    def convert(self, value, param, ctx):
        value = super().convert(value, param, ctx)
        if value != value:  # NaN passes every comparison
            self.fail("not a number of seconds", param, ctx)
        return value


_force = click.option("--force", is_flag=True,
                      help="Replace an output file even when it is read-only.")


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "graphml", "aif", "argdown",
                                                          "mermaid"]),
              default="json", show_default=True,
              help="json (section 5), graphml, aif (AIFdb, OVA), argdown, or mermaid "
              "(GitHub and GitLab draw it in Markdown).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--eval", "with_eval", is_flag=True,
              help="JSON: add each node's evaluated status and strength.")
@_force
def export(map_path, fmt, output, with_eval, force):
    """Export a map: JSON (nodes, edges, front matter), GraphML, AIF JSON
    (for AIFdb and OVA), Argdown or Mermaid.

    A map with syntax, encoding or include errors is refused (exit 1); other
    findings don't stop the export. AIF and Argdown hold less than a map: what
    they can't hold is named on standard error.

    \b
    Examples:
      argmap export essay.argmap
      argmap export essay.argmap -f graphml -o essay.graphml
      argmap export essay.argmap -f aif -o essay.json
      argmap export essay.argmap -f argdown -o essay.argdown
      argmap export essay.argmap -f mermaid     # paste into a ```mermaid block
    """
    if with_eval and fmt != "json":
        raise click.UsageError("--eval works with -f json")
    m = _load_or_refuse(map_path)
    _refuse_output(output, m.real_paths, force)
    for what in exporters.lost_in(m, fmt):
        _warn(f"{fmt} can't hold {what}")
    evaluation = evaluate(m) if with_eval else None
    if fmt == "json":
        # streamed to the file (or standard output) as it is made
        _write(lambda out: exporters.write_json(m, out, evaluation), output, m.real_paths, force)
        return
    _write(exporters.EXPORTERS[fmt](m), output, m.real_paths, force)


@cli.command(name="import")
@click.argument("file", type=click.Path())
@click.option("-f", "--from", "source_format",
              type=click.Choice(["auto", *IMPORT_FORMATS]),
              default="auto", show_default=True,
              help="What the file holds (auto: by its name and contents).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the map to this file (atomically) instead of standard output.")
@_force
def import_(file, source_format, output, force):
    """Turn what other tools write into a map: argmap's JSON export, AIF JSON
    (AIFdb) and xAIF (OVA3, AMF), SADFace JSON, Argdown, and Kialo's text export.

    The map comes out in canonical layout, its kinds chosen from its structure so
    that sound source data passes `argmap check`. Whatever it can't hold is named
    in a warning on standard error, never dropped silently.

    \b
    Examples:
      argmap import essay.json -o essay.argmap
      argmap import aifdb-12345.json > nodeset.argmap
      argmap import debate.argdown -o debate.argmap
      argmap import kialo-export.txt -f kialo -o discussion.argmap
    """
    _refuse_output(output, [file], force)
    try:
        with open(file, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        _error(f"{file}: {exc.strerror or exc}")
        sys.exit(2)
    try:
        text, warnings = importer.import_bytes(data, source_format, file)
    except NotImportable as exc:
        _error(f"{file} can't be imported: {exc}")
        sys.exit(1)
    for warning in warnings:
        _warn(warning)
    _write(text, output, [file], force)


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (atomically); its suffix gives the format.")
@click.option("-f", "--format", "fmt",
              type=click.Choice(["dot", "svg", "png", "pdf", "md", "html", "docx"]),
              help="dot, svg, png, pdf (diagrams), md, html, docx (outlines).")
@click.option("--direction", type=click.Choice(["TB", "BT", "LR", "RL"]), default="TB",
              show_default=True, help="Where the conclusion sits: TB puts it at the top.")
@click.option("--sources", type=click.Choice(["footnotes", "nodes", "hide"]),
              default="footnotes", show_default=True, help="How diagrams show sources.")
@click.option("--no-legend", is_flag=True, help="Leave the legend out of diagrams.")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this node.")
@click.option("--depth", type=click.IntRange(0), default=2, show_default=True,
              help="How many steps from --focus to draw.")
@click.option("--section", metavar="TITLE",
              help="Draw only this section, with the nodes it relates to elsewhere.")
@click.option("--engine", type=click.Choice(["auto", "bundled", "system"]), default="auto",
              show_default=True, help="Graphviz: bundled with pygraphviz, or a `dot` on PATH.")
@click.option("--timeout", type=_Seconds(), default=60.0, show_default=True,
              help="Seconds Graphviz may take (0.1 to 86 400).")
@click.option("--max-memory", type=click.IntRange(min=16), default=2048, show_default=True,
              metavar="MB", help="Memory Graphviz may take, in MB.")
@click.option("--eval", "with_eval", is_flag=True,
              help="Shade nodes by evaluated status and show strengths; outlines mark "
                   "rejected and undecided points.")
@click.option("--watch", is_flag=True,
              help="Render again whenever the map or a file it includes changes (Ctrl-C stops).")
@click.option("--overview", is_flag=True,
              help="Diagrams: the theses, claims, counters and rebuttals only, with a count of "
                   "what is folded under each, scaled to fit an A4 page.")
@click.option("--brief", is_flag=True,
              help="Outlines: the essay's skeleton, claims and objections without the evidence.")
@click.option("-q", "--quiet", is_flag=True, help="Don't say what was written.")
@_force
def render(map_path, output, fmt, direction, sources, no_legend, focus, depth, section,
           engine, timeout, max_memory, with_eval, overview, brief, watch, quiet, force):
    """Render a map as a diagram (DOT, SVG, PNG, PDF) or an essay outline
    (Markdown, HTML with the diagram inline).

    The format comes from -f, or from the suffix of -o. Text formats go to
    standard output without -o. A failed render leaves no file behind.

    \b
    Examples:
      argmap render maps/russia-turn-to-asia.argmap -o map.svg
      argmap render essay.argmap -f md > outline.md
      argmap render essay.argmap -o essay.html
      argmap render big.argmap --section "Energy" -o energy.png
      argmap render big.argmap --focus asymmetry --depth 1 -o part.svg
      argmap render essay.argmap -o essay.html --watch
    """
    # rendering (pydot, the layout) is loaded by the commands that render only,
    # so that `argmap check` starts without it
    from .render import RENDERERS, format_for

    try:
        fmt = format_for(fmt, output)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    is_text = RENDERERS[fmt][0]
    if not is_text and output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError(f"{fmt} is binary: write it to a file with -o")
    if watch and output in (None, "-"):
        raise click.UsageError("--watch writes a file again and again: give it with -o")

    def once():
        return _render_once(map_path, output, fmt, dict(
            direction=direction, sources=sources, no_legend=no_legend, focus=focus,
            depth=depth, section=section, engine=engine, timeout=timeout, memory=max_memory,
            with_eval=with_eval, brief=brief, overview=overview), force, quiet or watch)

    if watch:
        _watching(once, map_path, output)
    else:
        once()


def _render_once(map_path, output, fmt, o: dict, force: bool, quiet: bool):
    """One rendering of `argmap render` (``o``: the diagram's options as they came)."""
    # rendering (pydot, the layout) is loaded by the commands that render only
    from .render import DotOptions, RenderOptions
    from .render import render as render_map
    from .render.layout import LayoutError

    m = _load_or_refuse(map_path)
    _refuse_output(output, m.real_paths, force)
    _node_or_fail(m, o["focus"], "--focus")
    if o["section"] is not None:
        titles = {d["section"] for d in m.nodes.values()} - {None}
        if o["section"] not in titles:
            raise click.BadParameter(safe(f"no section {o['section']!r}; the sections are: "
                                          + "; ".join(sorted(titles))), param_hint="--section")
    errors = sum(f.severity == "error" for f in run_check(m))
    if errors:
        _warn(f"the map has {errors} error{'s' if errors > 1 else ''}; rendered anyway "
              f"(`argmap check {map_path}` shows {'them' if errors > 1 else 'it'})")
    options = RenderOptions(
        dot=DotOptions(direction=o["direction"], legend=not o["no_legend"],
                       sources=o["sources"], focus=o["focus"], depth=o["depth"],
                       section=o["section"], evaluation=evaluate(m) if o["with_eval"] else None,
                       overview=o["overview"]),
        engine=o["engine"], timeout=o["timeout"], memory=o["memory"], catalogue=_catalogue(),
        brief=o["brief"])
    try:
        with _Spinner(f"Laying out {os.path.basename(map_path)}…", sys.stderr.isatty()):
            result = render_map(m, fmt, options)
    except LayoutError as exc:
        _error(f"{exc}; nothing was written")
        sys.exit(2)
    except ImportError as exc:  # an extra that is not installed
        raise click.ClickException(str(exc)) from None
    size = _checked_size(result, fmt, m, map_path, o)
    _write(result, output, m.real_paths, force)
    if output not in (None, "-") and not quiet:
        _say(safe(f"argmap: wrote {output}" + (f" ({size[0]} × {size[1]} px)" if size else "")))
    return m


def _checked_size(result, fmt, m, map_path, o):
    """The picture's size in pixels; refuse a PNG that Graphviz had to shrink, and
    say how to read a whole map that is too wide better."""
    # rendering is loaded by the commands that render only
    from .render.measure import TOO_WIDE, pixel_size, squeezed

    size = pixel_size(result, fmt)
    if fmt == "png" and squeezed(size):
        _error(f"the diagram is too big for a PNG: Graphviz would shrink it to {size[0]} × "
               f"{size[1]} px; nothing was written. Draw a part of it (--section, --focus) "
               "or write SVG or PDF")
        sys.exit(2)
    if size and size[0] > TOO_WIDE and o["section"] is None and o["focus"] is None \
            and not o["overview"]:
        sections = sorted({d["section"] for d in m.nodes.values()} - {None})
        thesis = next((n for n, d in m.nodes.items() if d["kind"] == "thesis"), None)
        tips = [f'argmap render {map_path} --section "{sections[0]}" --direction LR -o '
                f"part.{fmt}"] if sections else []
        tips += [f"argmap render {map_path} --focus {thesis} --depth 1 -o thesis.{fmt}"] \
            if thesis else []
        page = os.path.splitext(os.path.basename(map_path))[0] + ".html"
        tips.append(f"argmap render {map_path} --overview -o overview.{fmt}   (the claims "
                    "and objections only, on one page)")
        tips.append(f"argmap render {map_path} -o {page}   (a page, a diagram per section)")
        _warn(f"the diagram is {size[0]} px wide, too wide to read as one picture; "
              "these read better:")
        for tip in tips:
            _say("  " + safe(tip))
    return size


def _render_again(once, state: dict, output: str) -> None:
    try:
        m = once()
        if m is not None:
            state["paths"] = set(m.real_paths)
        _say(safe(f"argmap: wrote {output}; watching for changes (Ctrl-C stops)"))
    except SystemExit:  # the findings are printed; the next change may fix them
        _say("argmap: not written; watching for changes (Ctrl-C stops)")


def _watching(once, map_path: str, output: str) -> None:
    """Render, then render again on each change of the map's files, until Ctrl-C."""
    try:
        # deferred: watchfiles is an extra, for --watch and previews only
        from .preview import watch
    except ImportError:
        raise click.ClickException("--watch needs watchfiles: pip install 'argmap[lsp]'") \
            from None

    state = {"paths": {os.path.realpath(map_path)}}
    lock = threading.Lock()  # the first rendering and a change's never overlap

    def again():
        with lock:
            _render_again(once, state, output)

    started = threading.Event()
    threading.Thread(target=lambda: started.wait(10) and again(), daemon=True).start()
    try:
        watch(lambda: state["paths"], again, threading.Event(),
              os.path.dirname(os.path.abspath(map_path)), started)
    except KeyboardInterrupt:
        pass


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="The port on 127.0.0.1 (0: a free one).")
@click.option("--no-open", is_flag=True, help="Don't open the page in a browser.")
def preview(map_path, port, no_open):
    """Show a map's page in the browser, redrawn whenever the map changes.

    Serves on 127.0.0.1 only; a map with errors shows its findings. Ctrl-C
    stops it. Needs `pip install 'argmap[lsp]'` (watchfiles).

    \b
    Examples:
      argmap preview maps/examples/seminar-debate.argmap
      argmap preview essay.argmap --port 8000 --no-open
    """
    try:
        # deferred: watchfiles is an extra, and only previews need the server
        from .preview import serve
    except ImportError:
        raise click.ClickException("the preview needs watchfiles: pip install 'argmap[lsp]'") \
            from None
    if not os.path.isfile(map_path):
        raise click.BadParameter(safe(f"{map_path}: no such file"), param_hint="MAP")

    def ready(url):
        click.echo(f"argmap preview: {url} (Ctrl-C stops)")
        sys.stdout.flush()
        if not no_open:
            # deferred: only a preview opens a browser
            import webbrowser

            webbrowser.open(url)

    try:
        serve(map_path, port, ready)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise click.ClickException(safe(f"can't serve on port {port}: {exc.strerror or exc}")) \
            from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 and name each file that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print a unified diff of the changes.")
@_force
def fmt(paths, check_only, diff, force):
    """Rewrite maps in one canonical layout, without changing what they say.

    PATHS are map files or folders; `-` reads standard input and writes the
    result to standard output (for editors). A file with syntax, encoding or
    include errors is left alone (exit 1). Before writing, the result is read
    back and compared with the original; should they differ in meaning, nothing
    is written and fmt exits 2.

    \b
    Examples:
      argmap fmt maps/
      argmap fmt --check maps/          # in CI: exit 1 if a file would change
      argmap fmt --diff essay.argmap
      argmap fmt - < essay.argmap       # from an editor
    """
    if paths == ("-",):
        _fmt_stdin()
        return
    files, problems = _expand(paths)
    status = 0
    changed = 0
    for path in files:
        try:
            data = read_map_bytes(path)
        except ReadError as exc:
            problems.append(str(exc))
            continue
        result = format_source(data, path, os.path.dirname(os.path.abspath(path)))
        if _fmt_problems(path, result):
            status = max(status, 2 if result.problem else 1)
        elif result.changed:
            changed += 1
            status = max(status, _fmt_changed(path, data, result.formatted, check_only, diff,
                                              force))
    for problem in problems:
        _error(problem)
    if problems:
        status = 2
    if not check_only and not diff and status == 0:
        n = len(files)
        click.echo(f"{changed} of {n} file{'s' if n != 1 else ''} reformatted", err=True)
    sys.exit(status)


def _fmt_stdin():
    """`argmap fmt -`: standard input formatted to standard output (for editors)."""
    result = format_source(sys.stdin.buffer.read(), "<stdin>", os.getcwd())
    _fmt_problems("<stdin>", result)
    if result.formatted is None:
        sys.exit(2 if result.problem else 1)
    sys.stdout.buffer.write(result.formatted)


def _fmt_changed(path, data: bytes, formatted: bytes, check_only: bool, diff: bool,
                 force: bool) -> int:
    """Show, name or write a file that formatting changes; the exit status it makes."""
    if diff:
        old = data.decode("utf-8", "replace").splitlines(keepends=True)
        new = formatted.decode("utf-8").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(old, new, path, path))
    if check_only:
        _say(f"would reformat {path}", err=False)
    if check_only or diff:
        return 1
    try:
        now = read_map_bytes(path)
    except ReadError:
        now = None
    if now != data:  # written to while we formatted it: their edit wins
        _error(f"{path} changed while it was being formatted; left as it is (run fmt again)")
        return 2
    if not _save(path, formatted, force=force):
        return 2
    _say(f"reformatted {path}")
    return 0


def _fmt_problems(path, result) -> bool:
    """Report why a file can't be formatted; True when it can't."""
    if result.problem:
        _error(f"{path}: formatting would change what the map says ({result.problem}); "
               "nothing was written. This is a bug in argmap: please report it with the file.")
        return True
    if result.formatted is None:
        err = sys.stderr
        FORMATS["text"].report(Results(result.findings, [path], result.texts or {}, quiet=True), err,
                               color=_use_color("auto", err))
        _say(f"argmap: {path} has errors; left as it is")
        return True
    return False


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.argument("node", required=False)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour by kind (auto: on a terminal, unless NO_COLOR).")
def show(map_path, node, color):
    """Show a map (or the part under NODE) as a tree in the terminal.

    \b
    Examples:
      argmap show maps/examples/seminar-debate.argmap
      argmap show maps/russia-turn-to-asia.argmap asymmetry
    """
    # rendering and rich are loaded by the commands that need them only
    from rich.console import Console

    from .render.tree import tree_lines

    m = _load_or_refuse(map_path)
    _node_or_fail(m, node, "NODE")

    console = Console(file=sys.stdout, highlight=False, markup=False, emoji=False,
                      force_terminal=_use_color(color, sys.stdout),
                      no_color=not _use_color(color, sys.stdout))
    for line in tree_lines(m, node, console, console.width, _catalogue()):
        console.print(line, soft_wrap=True)  # wrapped already, guides and all


@cli.command(name="eval")
@click.argument("map_path", metavar="MAP", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A table for people, or JSON.")
@click.option("--node", metavar="ID", help="Explain one node's status step by step.")
@click.option("--sort", type=click.Choice(["map", "status", "strength"]), default="map",
              show_default=True, help="Order of the table: as in the map, by status, or "
              "strongest first.")
@click.option("--status", "statuses", type=click.Choice(["accepted", "rejected", "undecided"]),
              multiple=True, help="Show only nodes of this status (repeat for more).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the table (auto: on a terminal, unless NO_COLOR).")
def eval_(map_path, fmt, node, sort, statuses, color):
    """Evaluate a map: which claims survive their objections.

    Each point of the map stands (accepted), falls (rejected) or is left open
    (undecided): a point falls when an objection to it stands, or when it
    needs reasons and every one of them has fallen; it stands when every
    objection to it has fallen and it needs no reasons or one of them stands.
    Each point also gets a strength from 0 to 1, from its `weight:` (0.5 unless
    written), raised by its reasons and lowered by its objections. (In the
    literature: a grounded labelling of a bipolar argumentation framework, and
    DF-QuAD strengths; the README and sections 6 and 7 of the language say
    exactly.)

    \b
    Examples:
      argmap eval maps/russia-turn-to-asia.argmap
      argmap eval debate.argmap --node ban
      argmap eval debate.argmap --sort strength --status rejected
      argmap eval debate.argmap -f json
    """
    m = _load_or_refuse(map_path)
    _node_or_fail(m, node, "--node")
    if node is not None and m.nodes[node]["kind"] == "source":
        raise click.BadParameter("sources take no part in evaluation", param_hint="--node")
    EVAL_FORMATS[fmt](m, evaluate(m), sys.stdout, node=node,
                      title=m.meta.get("title") or map_path, color=_use_color(color, sys.stdout),
                      sort=sort, statuses=frozenset(statuses))


def _gates(ctx, param, value):
    names = [v.strip() for v in (value or "").replace("\n", ",").split(",") if v.strip()]
    unknown = [n for n in names if n not in GATES]
    if unknown:
        raise click.BadParameter(f"unknown {unknown[0]!r}; choose from " + ", ".join(GATES),
                                 ctx, param)
    return frozenset(names)


@cli.command()
@click.argument("args", nargs=-1, required=True, metavar="OLD NEW | REV [REV] [PATH...]")
@click.option("-f", "--format", "fmt", type=click.Choice(list(DIFF_FORMATS)), default="text",
              show_default=True, help="text for people, json, markdown for a pull-request "
              "comment, github annotations.")
@click.option("--fail-on", callback=_gates, metavar="LIST", default="",
              help="Exit 1 when the diff holds any of these: " + ", ".join(GATES) + ".")
@click.option("--strength-delta", type=click.FloatRange(0, 1), default=STRENGTH_DELTA,
              show_default=True, help="Report strengths that move at least this much.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text format (auto: on a terminal, unless NO_COLOR).")
def diff(args, fmt, fail_on, strength_delta, color):
    """Show what a change does to an argument, not to its lines.

    Compares two map files, two folders of maps, or the maps of git revisions:
    `argmap diff REV` compares REV with the working tree, `argmap diff REV1 REV2`
    two revisions (read with git, no checkout needed), each optionally only
    for the PATHs given. It reports nodes added, removed or reworded, relations
    added, removed or turned, citations, findings that appeared or were fixed,
    statuses that flipped and strengths that moved, and broken `expect:` lines;
    a change that `argmap fmt` would undo is no change.

    \b
    Examples:
      argmap diff old.argmap new.argmap
      argmap diff main                  # the working tree against main
      argmap diff main HEAD maps/ -f markdown > comment.md
      argmap diff origin/main HEAD --fail-on thesis-status,new-error

    Exit status: 0 when nothing named in --fail-on happened, 1 when it did, 2
    for usage errors, a missing revision, or a map that can't be read.
    """
    try:
        run = _diff_run(list(args), strength_delta)
    except RevisionError as exc:
        raise click.UsageError(safe(str(exc))) from None
    DIFF_FORMATS[fmt](run, sys.stdout, color=_use_color(color, sys.stdout))
    if any(d.unreadable for d in run.maps) or run.problems:
        sys.exit(2)
    sys.exit(1 if run.gates() & fail_on else 0)


def _diff_run(args: list[str], strength_delta: float):
    """Read both sides the arguments name and compare them."""
    try:
        config = discover()
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    if len(args) == 2 and all(os.path.exists(a) for a in args):
        old, new = args
        if os.path.isdir(old) != os.path.isdir(new):
            raise click.UsageError("compare two files or two folders, not one of each")
        a, pa = read_side([old])
        b, pb = read_side([new])
        rename = (lambda p: new) if not os.path.isdir(old) else \
            (lambda p: os.path.join(new, os.path.relpath(p, old)))
        run = DiffRun(old, new, problems=pa + pb)
        run.maps = diff_sides(a, b, config, strength_delta, rename)
        return run
    revs = []
    while args and len(revs) < 2 and not os.path.exists(args[0]):
        if not is_revision(args[0]):
            raise click.UsageError(safe(f"{args[0]!r} is neither a file or folder nor a git "
                                        "revision"))
        revs.append(args.pop(0))
    if not revs:
        raise click.UsageError("give two map files, two folders, or a git revision")
    paths = args or ["."]
    with revision_tree(revs[0]) as old_tree:
        a, pa = read_side(paths, old_tree)
        if len(revs) == 2:
            with revision_tree(revs[1]) as new_tree:
                b, pb = read_side(paths, new_tree)
        else:
            b, pb = read_side(paths)
        run = DiffRun(revs[0], revs[1] if len(revs) == 2 else "working tree",
                      problems=pa + pb)
        run.maps = diff_sides(a, b, config, strength_delta)
    return run


@cli.command()
@click.argument("name", required=False)
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the table (auto: on a terminal, unless NO_COLOR).")
def schemes(name, fmt, color):
    """List the argument schemes, or show one with its critical questions.

    A support line names its scheme with `scheme: NAME`; a reason or an
    undercut answers or raises a critical question with `cq: NAME`. A course
    adds its own schemes with `schemes = "FILE.toml"` in its configuration.

    \b
    Examples:
      argmap schemes
      argmap schemes expert-opinion
      argmap schemes -f json
    """
    catalogue = _catalogue()
    if name is not None and name not in catalogue:
        near = nearest(name, list(catalogue))
        hint = f" (did you mean {near}?)" if near else ""
        raise click.BadParameter(f"no scheme {name!r}{hint}", param_hint="NAME")
    if fmt == "json":
        scheme_reports.report_json(catalogue, sys.stdout, name)
    else:
        scheme_reports.report_table(catalogue, sys.stdout, name, _use_color(color, sys.stdout))


@cli.command()
def lsp():
    """Run the language server (LSP over standard input and output).

    Editors start it themselves: see the README's "In your editor" for VS Code,
    Neovim, Helix, Emacs and Sublime Text. Needs `pip install 'argmap[lsp]'`.

    \b
    Examples:
      argmap lsp          # what an editor's configuration runs
    """
    try:
        # deferred: pygls is an extra, and only the language server needs it
        from .lsp import main as serve
    except ImportError as exc:
        raise click.ClickException(f"the language server needs pygls ({exc.name} is missing): "
                                   "pip install 'argmap[lsp]'") from None
    serve()


@cli.command()
@click.argument("rule", required=False)
def rules(rule):
    """List the rules, or show what one of them checks.

    \b
    Examples:
      argmap rules
      argmap rules circular-support
    """
    if rule is None:
        width = max(len(r.ID) for r in RULES)
        click.echo(f"{'rule':<{width}}  severity  default  summary")
        for r in RULES:
            on = "on" if r.DEFAULT else "off"
            click.echo(f"{r.ID:<{width}}  {r.SEVERITY:<8}  {on:<7}  {summary(r)}")
        return
    if rule not in BY_ID:
        near = nearest(rule, BY_ID)
        hint = f" (did you mean {near}?)" if near else ""
        raise click.BadParameter(f"no rule {rule!r}{hint}", param_hint="RULE")
    r = BY_ID[rule]
    on = "on by default" if r.DEFAULT else "off unless selected"
    click.echo(f"{r.ID} ({r.SEVERITY}, {on})\n")
    click.echo(documentation(r))


def _closed(stream) -> bool:
    try:
        os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return True
    return False


def _stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into an exit that runs every cleanup on the way:
    a half-written output is removed, a Graphviz child is killed."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            try:
                signal.signal(number, stop)
            except ValueError:  # not the main thread: leave signals as they are
                return


def main(argv=None, prog_name="argmap"):
    if sys.stdout is None or _closed(sys.stdout):
        if sys.stderr is not None and not _closed(sys.stderr):
            sys.stderr.write("argmap: error: standard output is closed\n")
        raise SystemExit(2)
    for stream in (sys.stdout, sys.stderr):
        # map text is Unicode: never fail on a console that can't show a character
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    _stop_on_signals()
    cli.main(args=argv, prog_name=prog_name)


def run():
    """The `argmap` program: :func:`main`, then an exit that frees nothing.

    Freeing every object of a big map one by one at exit only costs time (about
    a tenth of rendering 10 000 nodes), so, as mypy does, the program flushes
    its output and ends the process at once. Outputs are complete by then:
    files are written and closed atomically before a command returns.
    ``main`` itself ends with :class:`SystemExit`, for callers in Python.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # gone, closed, or never there
            pass
    os._exit(code)
