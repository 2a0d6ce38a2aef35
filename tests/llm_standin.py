"""A small stand-in model server on 127.0.0.1 that speaks the real wire protocols: OpenAI's chat
completions (JSON and server-sent events) and Ollama's /api/chat (JSON lines). Tests script what it
says and how it fails; the real langchain clients talk to it over HTTP."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StandIn:
    def __init__(self):
        self.reply = "The article does not cover that."  # or a callable(messages) -> str
        self.mode = "ok"  # ok | error500 | malformed | hang
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def text_for(self, messages) -> str:
        return self.reply(messages) if callable(self.reply) else self.reply

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._json({"object": "list", "data": [{"id": "stand-in", "object": "model", "owned_by": "t"}]})
                elif self.path.startswith("/api/tags"):
                    self._json({"models": [{"name": "stand-in", "model": "stand-in"}]})
                else:
                    self.send_error(404)

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                standin.requests.append({"path": self.path, "body": body})
                if standin.mode == "error500":
                    self.send_response(500)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(b'{"error": {"message": "internal error", "type": "server_error"}}')
                    return
                if standin.mode == "hang":
                    time.sleep(30)
                    return
                text = standin.text_for(body.get("messages", []))
                if self.path.endswith("/chat/completions"):
                    self._openai(body, text)
                elif self.path.endswith("/api/chat"):
                    self._ollama(body, text)
                else:
                    self.send_error(404)

            def _json(self, data, status=200):
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _openai(self, body, text):
                base = {"id": "chatcmpl-standin", "created": int(time.time()), "model": body.get("model", "m")}
                if not body.get("stream"):
                    self._json({**base, "object": "chat.completion", "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                if standin.mode == "malformed":
                    self.wfile.write(b"data: {this is not json\n\n")
                    self.wfile.flush()
                    return
                for token in tokens(text):
                    chunk = {**base, "object": "chat.completion.chunk", "choices": [
                        {"index": 0, "delta": {"role": "assistant", "content": token}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {**base, "object": "chat.completion.chunk",
                       "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())

            def _ollama(self, body, text):
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                if standin.mode == "malformed":
                    self.wfile.write(b"{not json\n")
                    return
                stamp = "2026-11-26T00:00:00Z"
                parts = tokens(text) if body.get("stream", True) else [text]
                for token in parts:
                    line = {"model": body.get("model"), "created_at": stamp,
                            "message": {"role": "assistant", "content": token}, "done": False}
                    self.wfile.write((json.dumps(line) + "\n").encode())
                    self.wfile.flush()
                last = {"model": body.get("model"), "created_at": stamp, "message": {"role": "assistant", "content": ""},
                        "done": True, "done_reason": "stop", "total_duration": 1, "load_duration": 1,
                        "prompt_eval_count": 1, "prompt_eval_duration": 1, "eval_count": 1, "eval_duration": 1}
                self.wfile.write((json.dumps(last) + "\n").encode())

        return Handler


def tokens(text: str) -> list[str]:
    """Split like a model streams: a few characters at a time."""
    return [text[i:i + 7] for i in range(0, len(text), 7)] or [""]
