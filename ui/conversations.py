"""Conversations kept in the visitor's browser (Gradio's BrowserState: localStorage, obfuscated with a
key kept in DATA_DIR so a restarted server still reads them; it is the visitor's own data, not a
secret, and it comes back as untrusted input, so it is checked). Pure functions over the stored
value ``{"current": id | None, "conversations": [{"id", "title", "updated", "turns"}, ...]}``,
newest first, capped in turns and size. Nothing is kept on the server."""

from __future__ import annotations

import json
import os
import secrets
import time
import uuid
from pathlib import Path

EMPTY: dict = {"current": None, "conversations": []}
TITLE_CHARS = 60
MAX_TURNS = 100  # per kept conversation (the newest)
MAX_CHARS = 2_000_000  # of all kept conversations, as JSON: localStorage holds about 5 MB per site


def state_key(data_dir: Path) -> str:
    """The key BrowserState encrypts with: made once per data folder, readable only by its owner."""
    path = Path(data_dir) / "ui-state.key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(key)
        return key
    except OSError:
        return secrets.token_urlsafe(24)  # unreadable: conversations last as long as this server


def valid(saved) -> dict:
    """The stored value, cleaned: what is not ours (another version, edits by hand) is left out."""
    if not isinstance(saved, dict) or not isinstance(saved.get("conversations"), list):
        return {**EMPTY, "conversations": []}
    conversations = []
    for c in saved["conversations"]:
        if isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("turns"), list):
            turns = [clean_turn(t) for t in c["turns"]]
            if turns and all(turns):
                conversations.append({"id": c["id"], "title": str(c.get("title") or title_of(turns)),
                                      "updated": str(c.get("updated", "")), "turns": turns})
    current = saved.get("current") if any(c["id"] == saved.get("current") for c in conversations) else None
    return {"current": current, "conversations": conversations}


def clean_turn(turn) -> dict | None:
    """A turn as the page keeps it, or None; a reply of the wrong shape is dropped (the turn stays)."""
    if not (isinstance(turn, dict) and isinstance(turn.get("question"), str) and isinstance(turn.get("messages"), list)
            and all(isinstance(m, dict) and m.get("role") == "assistant" and isinstance(m.get("content"), str)
                    for m in turn["messages"])):
        return None
    reply = turn.get("reply")
    fields = {"answer": str, "standalone_question": str, "citations": list}
    if not (isinstance(reply, dict) and all(isinstance(reply.get(k), t) for k, t in fields.items())
            and all(isinstance(c, dict) and {"number", "section", "source", "chunk_id", "quote"} <= set(c)
                    for c in reply["citations"])):
        reply = None
    answer = turn.get("answer") if isinstance(turn.get("answer"), str) else ""
    return {"question": turn["question"], "messages": turn["messages"], "answer": answer, "reply": reply}


def current_turns(saved: dict) -> tuple[str | None, list[dict]]:
    for c in saved["conversations"]:
        if c["id"] == saved["current"]:
            return c["id"], c["turns"]
    return None, []


def store(saved: dict, conversation_id: str | None, turns: list[dict], keep: int) -> tuple[dict, str | None]:
    """Save the conversation (a new one gets an id) as the newest and current; keep the newest ``keep``."""
    if not turns or keep <= 0:
        return {**saved, "current": conversation_id if turns else None}, conversation_id
    conversation_id = conversation_id or uuid.uuid4().hex[:12]
    entry = {"id": conversation_id, "title": title_of(turns), "updated": time.strftime("%Y-%m-%d %H:%M"),
             "turns": [{k: t.get(k) for k in ("question", "messages", "answer", "reply")} for t in turns[-MAX_TURNS:]]}
    others = [c for c in saved["conversations"] if c["id"] != conversation_id]
    kept = [entry, *others][:keep]
    while len(kept) > 1 and len(json.dumps(kept, ensure_ascii=False)) > MAX_CHARS:
        kept.pop()  # the oldest go first
    return {"current": conversation_id, "conversations": kept}, conversation_id


def select(saved: dict, conversation_id: str | None) -> tuple[dict, list[dict]]:
    chosen = next((c for c in saved["conversations"] if c["id"] == conversation_id), None)
    if chosen is None:
        return {**saved, "current": None}, []
    return {**saved, "current": chosen["id"]}, chosen["turns"]


def delete(saved: dict, conversation_id: str | None) -> dict:
    conversations = [c for c in saved["conversations"] if c["id"] != conversation_id]
    current = saved["current"] if saved["current"] != conversation_id else None
    return {"current": current, "conversations": conversations}


def choices(saved: dict) -> list[tuple[str, str]]:
    """(label, id) pairs for the list of conversations."""
    return [(f"{c['title']} · {c.get('updated', '')}", c["id"]) for c in saved["conversations"]]


def title_of(turns: list[dict]) -> str:
    first = " ".join(turns[0]["question"].split())
    return first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS - 1].rstrip() + "…"
