"""The scale parts of the benchmarks: synthetic corpora of n passages, their build, open (in this
process and in a fresh one, with its peak RSS), retrieval and answer latency; a one-note edit
re-indexed; two UI workers sharing one Chroma server."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from assistant import Assistant, load_settings
from assistant.index import open_index
from assistant.question import analyse
from assistant.rows import bare_question
from assistant.retrieval import retrieve

from .scoring import load_cases

CLI = Path(sys.executable).with_name("stack-assistant")
QUESTION = "How hard is Kubeflow to set up?"


def pct(values, q):
    from .bench import pct as percentile

    return percentile(values, q)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- scale -------------------------------------------------------------------------------------

WORDS = ("pipeline orchestration artifact experiment tracking cluster storage compute batch schedule "
         "deploy model registry feature serving monitoring lineage metadata notebook container image "
         "workflow task flow step retry cache queue worker agent gateway tenant quota budget latency "
         "throughput replica shard index vector embedding token dataset label drift alert dashboard").split()


def synthetic_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """n passages of plausible MLOps prose under headings (plus the real article)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(__file__).resolve().parent.parent / "corpus" / "mlops-stack-comparison.md", folder)
    lines = ["# Synthetic operations notes", ""]
    for i in range(n):
        if i % 50 == 0:
            lines += [f"## Section {i // 50}", ""]
        sentence = lambda: " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14))).capitalize() + "."  # noqa: E731
        lines += [f"Note {i}: " + " ".join(sentence() for _ in range(3)), ""]
    (folder / "synthetic.md").write_text("\n".join(lines), encoding="utf-8")


def probe_main() -> None:
    """`python -m evals.bench --probe`: a fresh process opens the index of the settings in the
    environment, answers one question, and prints the times and its peak RSS as JSON."""
    t0 = time.perf_counter()
    settings = load_settings()
    index = open_index(settings)
    opened = time.perf_counter() - t0
    bot = Assistant(settings, index)
    reply = bot.ask(QUESTION)
    answered = time.perf_counter() - t0
    print(json.dumps({"open_s": round(opened, 3), "first_answer_s": round(answered, 3),
                      "peak_rss_mb": round(peak_rss_mb(os.getpid()), 1), "built": index.built,
                      "citations": [c.chunk_id for c in reply.citations]}))


def probe(s) -> dict:
    env = {**os.environ, "STACK_ASSISTANT_DATA_DIR": str(s.data_dir), "STACK_ASSISTANT_CORPUS_DIR": str(s.corpus_dir),
           "STACK_ASSISTANT_MAX_DOCUMENT_MB": str(s.max_document_mb), "STACK_ASSISTANT_TORCH_THREADS": "1"}
    if s.chroma_url:
        env["STACK_ASSISTANT_CHROMA_URL"] = s.chroma_url
    result = subprocess.run([sys.executable, "-m", "evals.bench", "--probe"], capture_output=True, text=True,
                            env=env, timeout=3600)
    if result.returncode != 0:
        raise RuntimeError(f"probe failed: {result.stderr[-800:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def scale_settings(settings, root: Path, n: int):
    corpus = root / f"corpus-{n}"
    if not (corpus / "synthetic.md").is_file():
        synthetic_corpus(corpus, n)
    return settings.model_copy(update={"corpus_dir": corpus, "data_dir": root / f"data-{n}", "torch_threads": 2,
                                       "max_document_mb": 100.0})


class StandInVectors:
    """Bag-of-words vectors (a fixed random vector per word, summed and normalised): a stand-in for
    the model when there is no time to embed a huge synthetic corpus. An index built with it measures
    opening, memory and search speed, not answer quality; its rows say so."""

    def __init__(self, dim: int = 384):
        import numpy as np

        self.np, self.dim, self.words = np, dim, {}

    def _word(self, w: str):
        if w not in self.words:
            seed = int.from_bytes(w.encode()[:8].ljust(8, b"\0"), "little") ^ len(w)
            self.words[w] = self.np.random.default_rng(seed).standard_normal(self.dim).astype("float32")
        return self.words[w]

    def embed_documents(self, texts: list[str]) -> list:
        out = []
        for t in texts:
            v = sum((self._word(w) for w in t.lower().split()), self.np.zeros(self.dim, dtype="float32"))
            out.append(v / (self.np.linalg.norm(v) or 1.0))
        return out


def build_with_stand_in(s):
    import assistant.index as index_module

    real = index_module.load_embeddings
    index_module.load_embeddings = lambda settings: StandInVectors()
    try:
        return open_index(s)
    finally:
        index_module.load_embeddings = real


def scale(settings, tmp: Path, sizes: list[int], save=lambda rows: None, keep: Path | None = None,
          stand_in_from: int = 0) -> list[dict]:
    """Build (or, with ``keep``, reuse) an index of each size; open it in this process and in a
    fresh one; time retrieval and answers. Sizes from ``stand_in_from`` on are built with stand-in
    vectors (see StandInVectors) when they must be built."""
    rows = []
    questions = [c.question for c in load_cases() if len(c.turns) == 1][:40]
    for n in sizes:
        s = scale_settings(settings, keep or tmp, n)
        stand_in = bool(stand_in_from) and n >= stand_in_from
        marker = Path(s.data_dir) / "STAND-IN-VECTORS"
        start = time.perf_counter()
        built_now = stand_in and not (Path(s.data_dir) / "derived").is_dir()
        if built_now:
            build_with_stand_in(s)
            marker.write_text("built with evals.scale.StandInVectors, not the embedding model\n")
        index = open_index(s)
        build = time.perf_counter() - start
        built = index.built or built_now
        start = time.perf_counter()
        index = open_index(s)
        reopen = time.perf_counter() - start
        fresh = probe(s)
        bot = Assistant(s, index)
        retrieval, answers = [], []
        for q in questions:
            vector, bare_vector = index.embed_question(q, bare_question(q, index.model))
            question = analyse(q, index.model, index, bare_vector)
            t = time.perf_counter()
            retrieve(index, question, vector, s)
            retrieval.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            bot.ask(q)
            answers.append((time.perf_counter() - t) * 1000)
        rows.append({"passages": len(index), "vectors": "stand-in" if marker.exists() else "model",
                     "build_s": round(build, 2) if built else None,
                     "passages_per_s": round(len(index) / build, 1) if built else None,
                     "open_s": round(reopen, 3), "fresh_process_open_s": fresh["open_s"],
                     "fresh_process_first_answer_s": fresh["first_answer_s"],
                     "fresh_process_peak_rss_mb": fresh["peak_rss_mb"],
                     "dense_search": "exact (saved vectors)" if index.exact else "chroma hnsw",
                     "retrieval_p50_ms": round(pct(retrieval, 50), 2),
                     "retrieval_p95_ms": round(pct(retrieval, 95), 2), "answer_p50_ms": round(pct(answers, 50), 1),
                     "answer_p95_ms": round(pct(answers, 95), 1)})
        print(f"  scale {len(index):>7} passages: {'build %.1f s' % build if built else 'reused'}, "
              f"open {reopen:.2f} s (fresh process {fresh['open_s']} s, {fresh['peak_rss_mb']} MB), "
              f"retrieval p50 {rows[-1]['retrieval_p50_ms']} ms")
        save(rows)
        if keep is None:
            shutil.rmtree(tmp / f"data-{n}", ignore_errors=True)
    return rows


def edit_one_note(corpus: Path, note: int) -> None:
    path = corpus / "synthetic.md"
    text = path.read_text(encoding="utf-8")
    marker = f"Note {note}: "
    assert marker in text
    path.write_text(text.replace(marker, f"Note {note} (edited): ", 1), encoding="utf-8")


def incremental(settings, root: Path, n: int = 10_000) -> dict:
    """Edit one note of an n-passage corpus and re-index: only its passage is embedded."""
    s = scale_settings(settings, root, n)
    corpus = root / f"corpus-{n}-edited"
    if corpus.exists():
        shutil.rmtree(corpus)
    shutil.copytree(s.corpus_dir, corpus)
    s = s.model_copy(update={"corpus_dir": corpus, "data_dir": root / f"data-{n}-edited"})
    start = time.perf_counter()
    before = open_index(s)
    build = time.perf_counter() - start
    built = before.built and before.embedded == len(before)  # a whole build (not an update of a kept one)
    edit_one_note(corpus, n // 2)
    start = time.perf_counter()
    after = open_index(s)
    reindex = time.perf_counter() - start
    changed = len({p.chunk_id for p in after.passages} - {p.chunk_id for p in before.passages})
    row = {"passages": len(after), "build_s": round(build, 2) if built else None,
           "build_passages_per_s": round(len(after) / build, 1) if built else None,
           "edited_passages": changed, "reindex_s": round(reindex, 2), "embedded": after.embedded,
           "reused_vectors": len(after) - after.embedded}
    print(f"  one note edited in {len(after)} passages: re-index {reindex:.1f} s, embedded {after.embedded}")
    return row


def shared_chroma_workers(settings, root: Path, n: int) -> dict:
    """Two UI workers on one `chroma run` server holding the n-passage index answer one question
    with the same citations."""
    from gradio_client import Client

    from ui.screenshot import free_port

    s = scale_settings(settings, root, n)
    open_index(s)  # built (and its derived data saved) before the server takes the folder
    chroma_port, procs = free_port(), []
    procs.append(subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--path",
                                   str(Path(s.data_dir) / "chroma"), "--host", "127.0.0.1", "--port", str(chroma_port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    url = f"http://127.0.0.1:{chroma_port}"
    env = {**os.environ, "STACK_ASSISTANT_DATA_DIR": str(s.data_dir), "STACK_ASSISTANT_CORPUS_DIR": str(s.corpus_dir),
           "STACK_ASSISTANT_MAX_DOCUMENT_MB": "100", "STACK_ASSISTANT_CHROMA_URL": url}
    ports = [free_port(), free_port()]
    try:
        for port in ports:
            procs.append(subprocess.Popen([str(CLI), "serve", "--port", str(port)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        answers, started = [], time.perf_counter()
        for port in ports:
            while time.perf_counter() - started < 600:
                try:
                    answers.append(Client(f"http://127.0.0.1:{port}/", verbose=False).predict(QUESTION, [], api_name="/ask"))
                    break
                except Exception:
                    time.sleep(0.5)
        rss = [round(peak_rss_mb(p.pid), 1) for p in procs[1:]]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
    cited = [[c["chunk_id"] for c in a["citations"]] for a in answers]
    return {"passages": n, "workers": len(ports), "answered": len(answers),
            "same_citations": len(cited) == 2 and cited[0] == cited[1] and bool(cited[0]),
            "citations": cited[0] if cited else [], "worker_peak_rss_mb": rss}


def chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["passages"] for r in rows]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    a.plot(sizes, [r["retrieval_p50_ms"] for r in rows], "o-", label="retrieval p50")
    a.plot(sizes, [r["retrieval_p95_ms"] for r in rows], "o--", label="retrieval p95")
    a.plot(sizes, [r["answer_p50_ms"] for r in rows], "s-", label="whole answer p50")
    a.set_xscale("log")
    a.set_xlabel("passages")
    a.set_ylabel("ms")
    a.set_title("Latency vs corpus size")
    a.axhline(50, color="grey", lw=0.8, ls=":")
    a.legend()
    built = [r for r in rows if r.get("build_s")]  # a reused index (--keep) has no build time
    b.plot([r["passages"] for r in built], [r["build_s"] for r in built], "o-", color="#e8743b")
    b.set_xscale("log")
    if built:
        b.set_yscale("log")
    b.set_xlabel("passages")
    b.set_ylabel("seconds")
    b.set_title("Index build time")
    for ax in (a, b):
        ax.grid(alpha=0.3)
    for r in rows:  # a point measured on stand-in vectors times opening and search, not the model
        if r.get("vectors") == "stand-in":
            a.annotate("stand-in vectors", (r["passages"], r["answer_p50_ms"]), fontsize=8,
                       textcoords="offset points", xytext=(-90, 8))
            if r.get("build_s"):
                b.annotate("stand-in vectors\n(no model)", (r["passages"], r["build_s"]), fontsize=8,
                           textcoords="offset points", xytext=(-90, -25))
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


