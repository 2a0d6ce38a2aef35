"""Feedback on answers: one JSON line per vote in ``DATA_DIR/feedback.jsonl``, a summary, and the
thumbs-down answers exported as draft eval cases (the format of ``evals/*.yaml``).

A line is written whole, under an exclusive lock, in one ``write`` to a file opened for appending, so
concurrent votes (several UI workers, several threads) never interleave. A comment added after a vote,
a changed vote and a withdrawn one are written as new complete lines with the same ``id``; readers keep
the newest line per id and drop withdrawn votes.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .settings import Settings

FIELDS = ("id", "time", "vote", "comment", "question", "history", "standalone_question", "answer",
          "citations", "refused", "backend", "corpus")
MAX_COMMENT = 1000
VOTES = ("up", "down", "withdrawn")
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # not for YAML comments or terminals


class FeedbackError(ValueError):
    """A vote that cannot be recorded (unknown vote, unreadable file)."""


def feedback_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / "feedback.jsonl"


def make_entry(*, vote: str, question: str, history: list[str], reply: dict | None, corpus: str,
               comment: str = "", entry_id: str | None = None) -> dict[str, Any]:
    """One feedback record: the vote ("up"/"down"), the question as asked and the earlier questions of
    its conversation, and the reply as the reply JSON gave it."""
    if vote not in VOTES:
        raise FeedbackError(f"vote must be one of {', '.join(VOTES)}, not {vote!r}")
    reply = reply or {}
    return {
        "id": entry_id or uuid.uuid4().hex[:12],
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "vote": vote,
        "comment": (comment or "").strip()[:MAX_COMMENT],
        "question": question,
        "history": list(history),
        "standalone_question": reply.get("standalone_question", question),
        "answer": reply.get("answer", ""),
        "citations": [{k: c.get(k) for k in ("number", "source", "section", "quote", "chunk_id")}
                      for c in reply.get("citations", [])],
        "refused": bool(reply.get("refused", False)),
        "backend": reply.get("backend", ""),
        "corpus": corpus,
    }


def record(settings: Settings, entry: dict[str, Any]) -> Path:
    """Append one record as one line; safe under concurrent writers."""
    path = feedback_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps({k: entry.get(k) for k in FIELDS}, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            os.write(fd, line)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    return path


def read(path: Path) -> tuple[list[dict], int]:
    """The newest record per id (withdrawn votes left out), oldest first, and how many lines could
    not be read."""
    if not path.is_file():
        return [], 0
    newest: dict[str, dict] = {}
    bad = 0
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):  # not splitlines(): U+2028
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if entry.get("vote") not in VOTES or not entry.get("id"):
                raise ValueError
        except ValueError:
            bad += 1
            continue
        newest.pop(entry["id"], None)  # a later line for the same vote replaces it (and moves it last)
        newest[entry["id"]] = entry
    return [e for e in newest.values() if e["vote"] != "withdrawn"], bad


def summarise(entries: list[dict]) -> dict[str, Any]:
    votes = Counter(e["vote"] for e in entries)
    down = [e for e in entries if e["vote"] == "down"]
    return {
        "votes": len(entries),
        "up": votes["up"],
        "down": votes["down"],
        "refused_down": sum(1 for e in down if e.get("refused")),
        "with_comment": sum(1 for e in entries if e.get("comment")),
        "first": entries[0]["time"] if entries else None,
        "last": entries[-1]["time"] if entries else None,
        "down_questions": Counter(printable(e["question"]) for e in down).most_common(),
    }


def draft_cases(entries: list[dict]) -> str:
    """The thumbs-down answers as eval cases to complete: the questions (with the conversation's
    earlier ones as turns) and empty ``passages``/``must``, each preceded by what was answered and
    the voter's comment as YAML comments. The file loads as an eval set as it is."""
    import yaml

    lines = ["# Draft eval cases from thumbs-down feedback (stack-assistant feedback --export).",
             "# Complete each case before adding it to evals/: fill `passages` (fragments of the passages",
             "# that hold the answer) and `must` (regexes the right answer matches), or set `refuse: true`",
             "# when the article does not cover the question; then delete these comments.",
             "version: 1", "cases:"]
    for entry in (e for e in entries if e["vote"] == "down"):
        case = {"id": f"feedback-{entry['time'][:10]}-{entry['id']}", "category": "feedback",
                "split": "heldout", "turns": [*entry.get("history", []), entry["question"]],
                "passages": [], "must": [], "must_not": [], "refuse": False}
        if entry.get("history"):
            case["standalone"] = re.escape(entry.get("standalone_question") or entry["question"])
        lines.append(f"  # {entry['time']} · corpus {entry.get('corpus', '')} · backend {entry.get('backend', '')}")
        for label, text in (("answered", UNPRINTABLE.sub(" ", entry.get("answer", ""))),
                            ("comment", UNPRINTABLE.sub(" ", entry.get("comment", "")))):
            for i, part in enumerate(text.splitlines() or ([""] if label == "answered" else [])):
                lines.append(f"  # {label + ':' if i == 0 else ' ' * (len(label) + 1)} {part}".rstrip())
        dumped = yaml.safe_dump([case], allow_unicode=True, sort_keys=False, width=100)
        lines += ["  " + ln if ln else ln for ln in dumped.rstrip("\n").split("\n")]
    if lines[-1] == "cases:":
        lines[-1] = "cases: []"
    return "\n".join(lines) + "\n"


def printable(text: str) -> str:
    """One line of plain text (for summaries in a terminal)."""
    return " ".join(UNPRINTABLE.sub(" ", text).split())
