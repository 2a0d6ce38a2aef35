"""Which corpora and eval sets one `stack-assistant eval` run scores: a suite file, `--corpus/--set`
pairs, or (by default) the article's own cases.yaml.

A suite file is YAML:

    sets:
      - {name: article, corpus: ../corpus, set: cases.yaml}
      - {name: task-queues, corpus: corpora/task-queues/corpus, set: corpora/task-queues/cases.yaml}

Relative paths are relative to the suite file's folder. The first entry is the one whose numbers also
fill the report's old top-level keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .scoring import CASES_FILE

SUITE_FILE = Path(__file__).with_name("suite.yaml")
NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_-]{0,26}$")  # also the tail of a Chroma collection prefix
DEFAULT_NAME = "article"  # the name of the article's own cases.yaml when no name is given


class SuiteError(ValueError):
    """A suite file or a --corpus/--set pair that cannot be run; the message is one line."""


@dataclass(frozen=True)
class Entry:
    name: str
    corpus: Path  # a folder of .md/.txt files, resolved
    cases_file: Path  # resolved


def check_entry(entry: Entry, where: str) -> Entry:
    if not NAME.match(entry.name):
        raise SuiteError(f"{where}: set name {entry.name!r} must be letters, digits, '-' or '_' (at most 27)")
    if not entry.corpus.is_dir():
        raise SuiteError(f"{where}: corpus folder not found: {entry.corpus}")
    if not entry.cases_file.is_file():
        raise SuiteError(f"{where}: eval set not found: {entry.cases_file}")
    return entry


def check_unique(entries: list[Entry]) -> list[Entry]:
    names = [e.name for e in entries]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise SuiteError(f"set names used twice: {', '.join(twice)}")
    return entries


def load_suite(path: str | Path = SUITE_FILE) -> list[Entry]:
    """The entries of a suite file, paths resolved against its folder, every one checked."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SuiteError(f"cannot read the suite {path}: {' '.join(str(exc).split())}") from None
    raw = data.get("sets") if isinstance(data, dict) else data
    if not isinstance(raw, list) or not raw:
        raise SuiteError(f"{path}: expected a non-empty list of {{name, corpus, set}} under 'sets'")
    base = path.resolve().parent
    entries = []
    for i, item in enumerate(raw, 1):
        where = f"{path} entry {i}"
        if not isinstance(item, dict) or set(item) != {"name", "corpus", "set"}:
            raise SuiteError(f"{where}: expected exactly the keys name, corpus, set")
        entry = Entry(str(item["name"]), (base / str(item["corpus"])).resolve(), (base / str(item["set"])).resolve())
        entries.append(check_entry(entry, where))
    return check_unique(entries)


def pair_entries(corpora: tuple[str, ...], sets: tuple[str, ...], default_corpus: Path,
                 taken: frozenset[str] = frozenset()) -> list[Entry]:
    """`--corpus DIR --set FILE` pairs, in order; a `--set` past the last `--corpus` uses default_corpus.
    Names come from the set files, made unique against ``taken`` and each other."""
    if len(corpora) > len(sets):
        raise SuiteError(f"--corpus {corpora[len(sets)]} has no --set FILE to go with it")
    entries: list[Entry] = []
    names = set(taken)
    for i, cases_file in enumerate(sets):
        corpus = Path(corpora[i]) if i < len(corpora) else Path(default_corpus)
        where = f"--corpus {corpora[i]} --set {cases_file}" if i < len(corpora) else f"--set {cases_file}"
        entry = Entry(unique_name(name_for(Path(cases_file)), names), corpus.resolve(), Path(cases_file).resolve())
        names.add(entry.name)
        entries.append(check_entry(entry, where))
    return entries


def name_for(cases_file: Path) -> str:
    """The article's cases.yaml is 'article'; another 'cases.yaml' takes its folder's name; else the stem."""
    cases_file = cases_file.resolve()
    if cases_file == CASES_FILE.resolve():
        return DEFAULT_NAME
    stem = cases_file.stem if cases_file.stem != "cases" else cases_file.parent.name
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", stem).strip("-_")[:24] or "set"


def unique_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def select_entries(suite: str | Path | None, corpora: tuple[str, ...], sets: tuple[str, ...],
                   default_corpus: Path) -> list[Entry]:
    """What one eval run scores: the suite's entries, then the pairs; with neither, the article's set."""
    entries = load_suite(suite) if suite else []
    if not (entries or corpora or sets):
        sets = (str(CASES_FILE),)
    entries += pair_entries(corpora, sets, default_corpus, frozenset(e.name for e in entries))
    return check_unique(entries)
