"""Benchmarks (`make bench`): prints a table and writes evals/reports/bench.json and bench.png.

Everything is measured beside the plain langchain pipeline of the eval baseline in the same run and
reported as ratios; these machines are noisy, so read the ratios, not the absolute times.

    python -m evals.bench [--sizes 1000,10000,100000] [--keep DIR] [--only cold,warm,index,ui,scale,incremental,workers]

`--keep DIR` keeps the synthetic corpora and their indexes there, so a later run reuses a 100k-passage
index instead of building it again (about half an hour on 2 cores); `--only` runs some parts and
updates just those in bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from assistant import Assistant, load_settings
from assistant.index import open_index

from .scale import chart, incremental, peak_rss_mb, probe_main, scale, shared_chroma_workers
from .scale import synthetic_corpus  # noqa: F401  (tests import it from here)
from .scoring import load_cases

REPORTS = Path(__file__).resolve().parent / "reports"
CLI = Path(sys.executable).with_name("stack-assistant")
QUESTION = "How hard is Kubeflow to set up?"


def pct(values, q):
    values = sorted(values)
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def median_of(fn, runs):
    return statistics.median(fn() for _ in range(runs))


def timed_process(args, env=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{args} failed: {result.stderr[-500:]}")
    return time.perf_counter() - start


# -- cold start --------------------------------------------------------------------------------


def cold_start(data_dir: Path, runs: int) -> dict:
    env = {"STACK_ASSISTANT_DATA_DIR": str(data_dir)}
    ours = median_of(lambda: timed_process([str(CLI), "ask", QUESTION], env), runs)
    plain = median_of(lambda: timed_process([sys.executable, "-m", "evals.baseline", QUESTION], env), runs)
    return {"assistant_s": round(ours, 2), "baseline_s": round(plain, 2), "ratio": round(ours / plain, 3)}


# -- warm answers ------------------------------------------------------------------------------


def warm_latency(bot: Assistant) -> dict:
    from .baseline import PlainPipeline

    cases = load_cases()
    questions = [c.question for c in cases if len(c.turns) == 1]
    for q in questions[:5]:
        bot.ask(q)
    ours = []
    for q in questions:
        start = time.perf_counter()
        bot.ask(q)
        ours.append((time.perf_counter() - start) * 1000)
    plain_pipeline = PlainPipeline(bot.settings)
    for q in questions[:5]:
        plain_pipeline.ask(q)
    plain = [plain_pipeline.ask(q)["latency_ms"] for q in questions]
    plain_pipeline.close()
    return {"questions": len(questions),
            "assistant_p50_ms": round(pct(ours, 50), 2), "assistant_p95_ms": round(pct(ours, 95), 2),
            "baseline_p50_ms": round(pct(plain, 50), 2), "baseline_p95_ms": round(pct(plain, 95), 2),
            "ratio_p50": round(pct(ours, 50) / pct(plain, 50), 3)}


# -- index build and open ----------------------------------------------------------------------


def build_and_open(settings, tmp: Path) -> dict:
    from .baseline import PlainPipeline

    fresh = settings.model_copy(update={"data_dir": tmp / "build"})
    open_index(fresh)  # exports the ONNX model once, so the timing is the build alone
    start = time.perf_counter()
    index = open_index(fresh, rebuild=True)
    build = time.perf_counter() - start
    start = time.perf_counter()
    open_index(fresh)
    reopen = time.perf_counter() - start
    start = time.perf_counter()
    plain = PlainPipeline(settings)
    plain_build = time.perf_counter() - start
    chunks = len(plain.chunks)
    plain.close()
    return {"passages": len(index), "build_s": round(build, 3), "passages_per_s": round(len(index) / build, 1),
            "open_existing_s": round(reopen, 3), "baseline_chunks": chunks, "baseline_build_s": round(plain_build, 3),
            "baseline_chunks_per_s": round(chunks / plain_build, 1)}


# -- the UI server -----------------------------------------------------------------------------


def ui_server(data_dir: Path, sessions: int = 20) -> dict:
    from gradio_client import Client

    from ui.screenshot import free_port

    port = free_port()
    env = {**os.environ, "STACK_ASSISTANT_DATA_DIR": str(data_dir), "STACK_ASSISTANT_UI_CONCURRENCY": "2"}
    start = time.perf_counter()
    proc = subprocess.Popen([str(CLI), "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        client = None
        while time.perf_counter() - start < 180:
            try:
                client = Client(f"http://127.0.0.1:{port}/", verbose=False)
                client.predict(QUESTION, [], api_name="/ask")
                break
            except Exception:
                time.sleep(0.25)
        first_answer = time.perf_counter() - start
        latencies = []
        for case in load_cases()[:30]:
            t = time.perf_counter()
            client.predict(case.question, [], api_name="/ask")
            latencies.append((time.perf_counter() - t) * 1000)
        load = load_test(f"http://127.0.0.1:{port}/", sessions)
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"start_to_first_answer_s": round(first_answer, 2),
            "gradio_client_p50_ms": round(pct(latencies, 50), 1),
            "gradio_client_p95_ms": round(pct(latencies, 95), 1),
            "peak_rss_mb": round(rss, 1), "load": load}


SESSIONS = [("Tell me about Kubeflow.", "How hard is it to set up?", "Kubeflow"),
            ("Tell me about Metaflow.", "How hard is it to set up?", "Metaflow"),
            ("Tell me about Prefect.", "How hard is it to set up?", "Prefect")]


def load_test(url: str, sessions: int, deadline_s: float = 300) -> dict:
    """`sessions` chat sessions at once, each a question and a follow-up on its own history; every
    answer must be right for its own session. Bounded in count and time."""
    from gradio_client import Client

    results, errors = [], []
    barrier = threading.Barrier(sessions)

    def session(i: int):
        first, follow, framework = SESSIONS[i % len(SESSIONS)]
        try:
            client = Client(url, verbose=False)
            barrier.wait(timeout=60)
            t0 = time.perf_counter()
            a = client.predict(first, [], api_name="/ask")
            t1 = time.perf_counter()
            history = [{"role": "user", "content": first}, {"role": "assistant", "content": a["answer"]}]
            b = client.predict(follow, history, api_name="/ask")
            t2 = time.perf_counter()
            ok = (framework in a["answer"] and b["standalone_question"] == f"How hard is {framework} to set up?"
                  and b["answer"].startswith(f"{framework}'s setup complexity is"))
            results.append(((t1 - t0) * 1000, (t2 - t1) * 1000, ok))
        except Exception as exc:  # counted, not raised: the load test reports
            errors.append(repr(exc)[:200])

    threads = [threading.Thread(target=session, args=(i,), daemon=True) for i in range(sessions)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1.0, deadline_s - (time.perf_counter() - start)))
    wall = time.perf_counter() - start
    latencies = [x for r in results for x in r[:2]]
    return {"sessions": sessions, "answers": len(latencies), "all_right": all(r[2] for r in results) and not errors,
            "wrong": sum(1 for r in results if not r[2]), "errors": errors[:3], "wall_s": round(wall, 2),
            "answers_per_s": round(len(latencies) / wall, 2) if wall else None,
            "p50_ms": round(pct(latencies, 50), 1) if latencies else None,
            "p95_ms": round(pct(latencies, 95), 1) if latencies else None}


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmarks vs the plain langchain pipeline.")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3, help="cold-start runs (median)")
    parser.add_argument("--out", type=Path, default=REPORTS)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the scale corpora and indexes in this folder and reuse them next time")
    parser.add_argument("--only", default="", help="comma-separated parts to run (default: all): "
                        "cold,warm,index,ui,scale,incremental,workers")
    parser.add_argument("--stand-in-from", type=int, default=0,
                        help="build corpora of at least this many passages with stand-in vectors (timing only)")
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        return probe_main()
    parts = set(args.only.split(",")) if args.only else {"cold", "warm", "index", "ui", "scale", "incremental",
                                                         "workers"}

    settings = load_settings()
    bot = Assistant.load(settings)
    results = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    path = args.out / "bench.json"
    if args.only and path.is_file():  # a partial run updates the parts it ran
        results = {**json.loads(path.read_text(encoding="utf-8")), **results}
    sizes = [int(x) for x in args.sizes.split(",") if x]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        root = args.keep or tmp
        args.out.mkdir(parents=True, exist_ok=True)

        def save(scale_rows=None):  # after every part, so a late failure loses nothing measured
            if scale_rows is not None:
                results["scale"] = scale_rows
            path.write_text(json.dumps(results, indent=2), encoding="utf-8")

        steps = [("cold", "cold start", lambda: cold_start(settings.data_dir, args.runs)),
                 ("warm", "warm answers", lambda: warm_latency(bot)),
                 ("index", "index build", lambda: build_and_open(settings, tmp)),
                 ("ui", "UI server and load", lambda: ui_server(settings.data_dir)),
                 ("incremental", "incremental re-index", lambda: incremental(settings, root)),
                 ("workers", "two UI workers on one Chroma server",
                  lambda: shared_chroma_workers(settings, root, max(sizes)))]
        for key, title, run in steps[:4]:
            if key in parts:
                print(f"{title} …")
                results[{"cold": "cold_start"}.get(key, key)] = run()
                save()
        if "scale" in parts:
            print("scale …")
            scale(settings, tmp, sizes, save, keep=args.keep, stand_in_from=args.stand_in_from)
        for key, title, run in steps[4:]:
            if key in parts:
                print(f"{title} …")
                results[key] = run()
                save()
    if results.get("scale"):
        chart(results["scale"], args.out / "bench.png")
    print_table(results)


def print_table(r: dict) -> None:
    if not all(k in r for k in ("cold_start", "warm", "index", "ui")):
        return print(json.dumps({k: v for k, v in r.items() if k != "scale"}, indent=2)) or print_scale(r)
    c, w, i, u = r["cold_start"], r["warm"], r["index"], r["ui"]
    rows = [
        ("cold `ask` (fresh process → answer)", f"{c['assistant_s']} s", f"{c['baseline_s']} s", c["ratio"]),
        ("warm answer p50", f"{w['assistant_p50_ms']} ms", f"{w['baseline_p50_ms']} ms", w["ratio_p50"]),
        ("warm answer p95", f"{w['assistant_p95_ms']} ms", f"{w['baseline_p95_ms']} ms",
         round(w["assistant_p95_ms"] / w["baseline_p95_ms"], 3)),
        ("index build (article)", f"{i['passages_per_s']} passages/s", f"{i['baseline_chunks_per_s']} chunks/s",
         round(i["passages_per_s"] / i["baseline_chunks_per_s"], 3)),
        ("open existing index", f"{i['open_existing_s']} s", "—", "—"),
        ("UI start → first answer", f"{u['start_to_first_answer_s']} s", "—", "—"),
        ("answer via gradio_client p50 / p95", f"{u['gradio_client_p50_ms']} / {u['gradio_client_p95_ms']} ms", "—", "—"),
        ("UI server peak RSS", f"{u['peak_rss_mb']} MB", "—", "—"),
    ]
    print("\n| measure | assistant | plain pipeline | ratio |\n|---|---:|---:|---:|")
    for name, a, b, ratio in rows:
        print(f"| {name} | {a} | {b} | {ratio} |")
    ld = u["load"]
    print(f"\nload: {ld['sessions']} sessions × 2 answers, all right: {ld['all_right']}, "
          f"{ld['answers_per_s']} answers/s, p50 {ld['p50_ms']} ms, p95 {ld['p95_ms']} ms")
    print_scale(r)


def print_scale(r: dict) -> None:
    print("\n| passages | build | passages/s | open (in process / fresh process) | peak RSS | retrieval p50 / p95 "
          "| answer p50 / p95 |\n|---:|---:|---:|---:|---:|---:|---:|")
    for s in r.get("scale", []):
        print(f"| {s['passages']} | {s['build_s']} s | {s['passages_per_s']} | {s['open_s']} / "
              f"{s.get('fresh_process_open_s')} s | {s.get('fresh_process_peak_rss_mb')} MB | "
              f"{s['retrieval_p50_ms']} / {s['retrieval_p95_ms']} ms | {s['answer_p50_ms']} / {s['answer_p95_ms']} ms |")


if __name__ == "__main__":
    main()
