"""Conversations kept in the visitor's browser (Gradio's BrowserState: localStorage, encrypted with
a key kept in DATA_DIR so a restarted server can still read them). Pure functions over the stored
value ``{"current": id | None, "conversations": [{"id", "title", "updated", "turns"}, ...]}``,
newest first. Nothing is kept on the server."""

from __future__ import annotations

import os
import secrets
import time
import uuid
from pathlib import Path

EMPTY: dict = {"current": None, "conversations": []}
TITLE_CHARS = 60


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
    """The stored value, or an empty one when it is missing or not ours (another version, tampering)."""
    if not isinstance(saved, dict) or not isinstance(saved.get("conversations"), list):
        return {**EMPTY, "conversations": []}
    conversations = [c for c in saved["conversations"] if isinstance(c, dict) and isinstance(c.get("turns"), list)
                     and isinstance(c.get("id"), str) and all(valid_turn(t) for t in c["turns"])]
    current = saved.get("current") if any(c["id"] == saved.get("current") for c in conversations) else None
    return {"current": current, "conversations": conversations}


def valid_turn(turn) -> bool:
    return (isinstance(turn, dict) and isinstance(turn.get("question"), str)
            and isinstance(turn.get("messages"), list)
            and all(isinstance(m, dict) and m.get("role") == "assistant" and isinstance(m.get("content"), str)
                    for m in turn["messages"]))


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
             "turns": turns}
    others = [c for c in saved["conversations"] if c["id"] != conversation_id]
    return {"current": conversation_id, "conversations": [entry, *others][:keep]}, conversation_id


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
