"""The ``stack-assistant`` command: index, ask, chat (and the UI and evals, which stay thin)."""

from __future__ import annotations

import functools
import json
import logging
import sys
from pathlib import Path

import click

from .settings import load_settings
from .types import AssistantError, QuestionError, SettingsError

USAGE_ERRORS = (QuestionError, SettingsError)


def settings_options(fn):
    """Options shared by every command that opens the index."""

    @click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
                  help="TOML file of settings (env: STACK_ASSISTANT_CONFIG).")
    @click.option("--data-dir", type=click.Path(file_okay=False), default=None,
                  help="Where the index lives (env: STACK_ASSISTANT_DATA_DIR).")
    @click.option("--corpus-dir", type=click.Path(file_okay=False), default=None,
                  help="Folder of .md/.txt files to answer from (env: STACK_ASSISTANT_CORPUS_DIR).")
    @click.option("--chroma-url", default=None,
                  help="Use a Chroma server instead of the embedded index (env: STACK_ASSISTANT_CHROMA_URL).")
    @functools.wraps(fn)
    def wrapper(config_file, data_dir, corpus_dir, chroma_url, **kwargs):
        overrides = {SETTING_FOR[k]: kwargs.pop(k) for k in list(kwargs) if k in SETTING_FOR}
        settings = load_settings(config_file, data_dir=data_dir, corpus_dir=corpus_dir, chroma_url=chroma_url,
                                 **overrides)
        return fn(settings=settings, **kwargs)

    return wrapper


# Command options that are settings (validated with the rest).
SETTING_FOR = {"backend": "backend", "model": "llm_model", "base_url": "llm_base_url",
               "model_path": "llm_model_path", "host": "ui_host", "port": "ui_port"}


def backend_options(fn):
    """--backend and the options that say which model to use."""
    for option in reversed([
        click.option("--backend", type=click.Choice(["extractive", "llamacpp", "ollama", "openai"]), default=None,
                     help="Who writes the answer (env: STACK_ASSISTANT_BACKEND; default extractive)."),
        click.option("--model", default=None, help="Model name for ollama/openai (env: STACK_ASSISTANT_LLM_MODEL)."),
        click.option("--base-url", default=None,
                     help="Server URL for ollama/openai (env: STACK_ASSISTANT_LLM_BASE_URL)."),
        click.option("--model-path", type=click.Path(dir_okay=False), default=None,
                     help="GGUF file for llamacpp (env: STACK_ASSISTANT_LLM_MODEL_PATH)."),
    ]):
        fn = option(fn)
    return fn


def friendly_errors(fn):
    """One clear line and a non-zero exit (2 for usage errors) instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except USAGE_ERRORS as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except AssistantError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s: %(message)s", stream=sys.stderr)
    for noisy in ("sentence_transformers", "transformers", "chromadb", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what the assistant does.")
@click.version_option(package_name="mlops-stack-assistant")
def main(verbose: bool) -> None:
    """MLOps Stack Assistant: answers questions about the comparison articles in the corpus folder,
    citing the passages it used, and says so when the corpus doesn't say."""
    setup_logging(verbose)


def load_assistant(settings, rebuild: bool = False, show_progress: bool = False, warm: bool = True):
    """The one Assistant of this process; ``warm`` for long-running commands (chat, serve, eval)."""
    from .pipeline import Assistant

    if not show_progress:
        return Assistant.load(settings, rebuild=rebuild, warm=warm)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Embedding passages", total=None)
        return Assistant.load(settings, rebuild=rebuild, warm=warm,
                              progress=lambda done, total: bar.update(task, completed=done, total=total))


@main.command()
@click.option("--rebuild", is_flag=True, help="Re-embed every passage even if the index is current.")
@friendly_errors
@settings_options
def index(settings, rebuild: bool) -> None:
    """Build the index of the corpus (only what changed; --rebuild forces it)."""
    bot = load_assistant(settings, rebuild=rebuild, show_progress=True, warm=False)
    where = settings.chroma_url or settings.data_dir
    for name, why in bot.index.corpus.skipped:
        click.echo(f"skipped {name}: {why}", err=True)
    state = "built" if bot.index.built else "up to date"
    embedded = bot.index.embedded
    reused = f" ({embedded} embedded, {len(bot.index) - embedded} reused)" if bot.index.built else ""
    click.echo(f"index {state}: {len(bot.index)} passages from {settings.corpus_dir} "
               f"in collection {bot.index.collection_name} at {where}{reused}")


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the reply as JSON.")
@click.option("--history", "history_file", type=click.File("r"), default=None,
              help='JSON file of earlier turns: [{"role": "user"|"assistant", "content": "..."}].')
@friendly_errors
@settings_options
@backend_options
def ask(settings, question: str, as_json: bool, history_file) -> None:
    """Answer one QUESTION from the article."""
    from .pipeline import clean_question
    from .types import reply_to_json

    clean_question(question, settings.max_question_chars)  # fail fast, before loading anything
    history = None
    if history_file is not None:
        try:
            history = json.load(history_file)
        except json.JSONDecodeError as exc:
            raise QuestionError(f"--history is not valid JSON: {exc}") from None
    reply = load_assistant(settings, warm=False).ask(question, history)
    if as_json:
        click.echo(json.dumps(reply_to_json(reply), ensure_ascii=False, indent=2))
    else:
        print_reply(reply)


def print_reply(reply, asked: str | None = None) -> None:
    if asked is not None and reply.standalone_question != asked.strip():
        click.echo(f"(searched for: {reply.standalone_question})")
    click.echo(reply.text)
    if reply.citations:
        click.echo("\nSources:")
        for c in reply.citations:
            click.echo(f"  [{c.number}] {c.section} ({c.where}): {c.quote}")


@main.command()
@friendly_errors
@settings_options
@backend_options
def chat(settings) -> None:
    """A conversation in the terminal; follow-up questions understand what came before."""
    bot = load_assistant(settings)
    about = bot.about
    click.echo(f"Answering from “{about.get('title', '')}” ({about.get('author', '')}, "
               f"{about.get('date', '')}). Empty line or Ctrl-D to quit.")
    history: list[dict] = []
    while True:
        try:
            question = input("\nyou> ")
        except EOFError:
            break
        if not question.strip() or question.strip().lower() in ("exit", "quit", ":q"):
            break
        try:
            reply = bot.ask(question, history)
        except QuestionError as exc:
            click.echo(f"error: {exc}")
            continue
        print_reply(reply, question)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": reply.text}]


@main.command("eval")
@click.option("--set", "cases_files", multiple=True, type=click.Path(dir_okay=False),
              help="Eval set (default: evals/cases.yaml). Repeatable; the n-th --set is scored on the n-th "
              "--corpus, or on the settings' corpus when there is none.")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(file_okay=False),
              help="Corpus folder for the --set at the same position (repeatable).")
@click.option("--suite", "suite_file", type=click.Path(dir_okay=False), default=None,
              help="YAML list of {name, corpus, set} entries, paths relative to it (e.g. evals/suite.yaml); "
              "--corpus/--set pairs are scored after it.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Where report.md/.json/.png go (default: evals/reports/).")
@click.option("--no-baseline", is_flag=True, help="Skip the plain-langchain baseline.")
@click.option("--check", "check_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Fail (exit 1) when a metric is beyond the thresholds in this YAML file.")
@friendly_errors
@settings_options
@backend_options
def eval_command(settings, cases_files, corpora, suite_file, out_dir, no_baseline, check_file) -> None:
    """Score eval sets, offline, each on its corpus and beside the plain-langchain baseline; write the report."""
    from rich.progress import Progress

    from evals.runner import REPORTS, run_suite
    from evals.suite import SuiteError, select_entries
    from evals.thresholds import check_thresholds, ungated_sets

    own_corpus = Path(settings.corpus_dir).resolve()
    try:
        entries = select_entries(suite_file, tuple(corpora), tuple(cases_files), own_corpus)
    except SuiteError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    bot = load_assistant(settings) if any(e.corpus == own_corpus for e in entries) else None
    with Progress() as bar:
        def factory(name, total):
            task = bar.add_task(f"{name:>9}", total=total)

            class Tick:
                def __enter__(self):
                    return lambda: bar.advance(task)

                def __exit__(self, *exc):
                    return False
            return Tick()

        try:
            report = run_suite(settings, entries, Path(out_dir or REPORTS), baseline=not no_baseline,
                               progress_factory=factory, bot=bot)
        except SuiteError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
    for name, s in report["sets"].items():
        a, b = s["assistant"], s.get("baseline")
        versus = f" (baseline {b['pass_rate']:.3f})" if b else ""
        label = f"{name}: " if len(report["sets"]) > 1 else ""
        click.echo(f"{label}{s['n_cases']} cases: passed {a['pass_rate']:.3f}{versus}; "
                   f"hit@3 {a['hit_at_3'] or 0:.3f}; fact recall {a['fact_recall'] or 0:.3f}; refusal P/R "
                   f"{a['refusal_precision']}/{a['refusal_recall']}; p50 {a['latency_p50_ms']} ms")
    click.echo(f"report: {Path(out_dir or REPORTS) / 'report.md'}")
    if check_file:
        for name in ungated_sets(report, Path(check_file)) if not suite_file else []:
            click.echo(f"not gated: set {name} is not in this run (use --suite)", err=True)
        problems = check_thresholds(report, Path(check_file), skip_missing_sets=not suite_file)
        for problem in problems:
            click.echo(f"below threshold: {problem}", err=True)
        if problems:
            sys.exit(1)


@main.command()
@click.option("--export", "export_file", type=click.Path(dir_okay=False), default=None,
              help="Write the thumbs-down answers as draft eval cases (YAML) to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@friendly_errors
@settings_options
def feedback(settings, export_file, as_json: bool) -> None:
    """Summarise the votes given in the UI (DATA_DIR/feedback.jsonl); --export drafts eval cases."""
    from . import feedback as fb

    path = fb.feedback_path(settings)
    entries, bad = fb.read(path)
    summary = fb.summarise(entries)
    if export_file:
        Path(export_file).write_text(fb.draft_cases(entries), encoding="utf-8")
    if as_json:
        click.echo(json.dumps({**summary, "file": str(path), "unreadable_lines": bad}, ensure_ascii=False, indent=2))
    elif not entries:
        click.echo(f"No feedback yet ({path}).")
    else:
        click.echo(f"{summary['votes']} votes in {path}: {summary['up']} up, {summary['down']} down "
                   f"({summary['refused_down']} of them on refusals), {summary['with_comment']} with a comment; "
                   f"{summary['first']} to {summary['last']}.")
        if summary["down_questions"]:
            click.echo("Thumbs down:")
            for question, n in summary["down_questions"][:20]:
                click.echo(f"  {n}× {question[:160]}")
    if bad:
        click.echo(f"warning: {bad} unreadable line(s) skipped in {path}", err=True)
    if export_file:
        click.echo(f"wrote {summary['down']} draft case(s) to {export_file}; complete them, then run "
                   f"`stack-assistant eval --set {export_file}`")


@main.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1; env STACK_ASSISTANT_UI_HOST).")
@click.option("--port", type=int, default=None, help="Port (default 7860; env STACK_ASSISTANT_UI_PORT).")
@friendly_errors
@settings_options
@backend_options
def serve(settings) -> None:
    """Start the browser chat UI (Gradio) on http://HOST:PORT."""
    bot = load_assistant(settings, show_progress=True)
    from ui.app import serve as serve_ui  # gradio is imported only for this command

    click.echo(f"Serving on http://{settings.ui_host}:{settings.ui_port} (Ctrl-C to stop)")
    serve_ui(bot, settings.ui_host, settings.ui_port)


if __name__ == "__main__":
    main()
