"""The shapes that cross module boundaries: passages, citations, replies, errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


class AssistantError(Exception):
    """A problem to show the user as one clear line (never a traceback)."""


class SettingsError(AssistantError):
    """A setting is unknown or has a bad value."""


class CorpusError(AssistantError):
    """The corpus folder is missing, empty or unreadable."""


class IndexFailure(AssistantError):
    """The index cannot be opened or built."""


class QuestionError(AssistantError, ValueError):
    """The question (or its history) cannot be answered as given: empty, too long, malformed."""


@dataclass(frozen=True)
class Passage:
    """One citable piece of the corpus."""

    chunk_id: str
    text: str
    source: str  # file name inside the corpus folder
    section: str  # the nearest heading below the title
    heading_path: str  # every heading above it, joined with " > "
    position: int  # order within the corpus
    kind: str = "paragraph"  # "paragraph" | "labelled" | "table_row" | "byline"
    label: str = ""  # "Setup complexity" for labelled lines and table rows
    subjects: tuple[str, ...] = ()  # the compared subjects the passage is about (its section's first)
    cells: dict[str, str] = field(default_factory=dict)  # table rows: column header -> value
    page: int = 0  # the PDF page it starts on (0: the document has no pages)

    def metadata(self) -> dict[str, Any]:
        """Flat metadata as Chroma stores it."""
        return {
            "chunk_id": self.chunk_id,
            "source": self.source,
            "section": self.section,
            "heading_path": self.heading_path,
            "position": self.position,
            "kind": self.kind,
            "label": self.label,
            "subjects": "\x1f".join(self.subjects),
            "cells": json.dumps(self.cells, ensure_ascii=False),
            "page": self.page,
        }

    @classmethod
    def from_stored(cls, text: str, meta: dict[str, Any]) -> "Passage":
        return cls(
            chunk_id=meta["chunk_id"],
            text=text,
            source=meta["source"],
            section=meta["section"],
            heading_path=meta["heading_path"],
            position=int(meta["position"]),
            kind=meta.get("kind", "paragraph"),
            label=meta.get("label", ""),
            subjects=tuple(f for f in meta.get("subjects", "").split("\x1f") if f),
            cells=json.loads(meta.get("cells") or "{}"),
            page=int(meta.get("page") or 0),
        )


@dataclass(frozen=True)
class Citation:
    number: int
    source: str
    section: str
    quote: str  # the whole passage, as indexed
    chunk_id: str
    score: float  # fused retrieval score of the passage (higher is better)
    page: int = 0  # the PDF page the passage starts on; 0 when the document has no pages

    @property
    def where(self) -> str:
        """The file, and the page for a PDF: "article.pdf, p. 3"."""
        return f"{self.source}, p. {self.page}" if self.page else self.source


@dataclass(frozen=True)
class Reply:
    text: str  # markdown with [n] markers; no sources list
    citations: list[Citation]
    refused: bool
    standalone_question: str
    backend: str = "extractive"
    partial: bool = False  # True for the growing replies that stream() yields before the last
    retrieved: tuple[str, ...] = ()  # chunk ids of the passages retrieved, best first
    reason: str = ""  # why a reply was refused: "instructions", "price", "unknown_terms", ...
    grounding: dict | None = None  # LLM backends: what the grounding check removed (see grounding.py)


def reply_to_json(reply: Reply) -> dict[str, Any]:
    """The one JSON shape of a reply, used by the CLI, the UI's API and the evals."""
    return {
        "answer": reply.text,
        "citations": [
            {
                "number": c.number,
                "source": c.source,
                "section": c.section,
                "quote": c.quote,
                "chunk_id": c.chunk_id,
                "score": round(float(c.score), 6),
                "page": c.page or None,
            }
            for c in reply.citations
        ],
        "refused": reply.refused,
        "standalone_question": reply.standalone_question,
        "backend": reply.backend,
        "grounding": reply.grounding,
    }


History = list[dict]


def check_history(history) -> History:
    """Accept the messages format; reject anything else with a clear error."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QuestionError("history must be a list of {'role', 'content'} messages")
    clean = []
    for i, msg in enumerate(history):
        if not isinstance(msg, dict) or "role" not in msg or "content" not in msg:
            raise QuestionError(f"history[{i}] must be a {{'role', 'content'}} message")
        if msg["role"] not in ("user", "assistant"):
            raise QuestionError(f"history[{i}] has role {msg['role']!r}; expected 'user' or 'assistant'")
        content = msg["content"]
        if isinstance(content, list):  # gradio-style list of parts: keep the text parts
            content = " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
        if not isinstance(content, str):
            raise QuestionError(f"history[{i}].content must be text")
        clean.append({"role": msg["role"], "content": content})
    return clean
