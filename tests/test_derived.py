"""What the index derives is saved beside it: an unchanged corpus opens without reading passages or
Chroma, a changed corpus embeds only its new passages, and every answer comes from one index."""

import threading

import numpy as np
import pytest

from assistant import Assistant, load_settings
from assistant import index as index_module
from assistant import store
from assistant.corpus import embedding_text, load_corpus
from assistant.index import open_index, tokenize
from assistant.lexical import BM25

QUESTIONS = ["How hard is Kubeflow to set up?", "Which framework has the lowest learning curve?",
             "What is Outerbounds?", "Does Prefect support caching?"]


@pytest.fixture()
def local(tmp_path, corpus_copy):
    return load_settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)


def counting_embeddings(monkeypatch, index) -> list[str]:
    embedded, real = [], type(index.embeddings).embed_documents
    monkeypatch.setattr(type(index.embeddings), "embed_documents",
                        lambda self, texts: embedded.extend(texts) or real(self, texts))
    return embedded


def test_saved_bm25_scores_equal_the_built_one(bot, tmp_path):
    docs = [tokenize(f"{p.section} {p.label} {p.text}") for p in bot.index.passages]
    built = BM25(docs)
    built.save(tmp_path / "bm25")
    loaded = BM25.load(tmp_path / "bm25")
    assert isinstance(loaded.weights, np.memmap)
    for query in ("kubeflow setup complexity", "cheapest to self-host", "the of and", "nowordlikethis"):
        assert np.array_equal(built.scores(tokenize(query)), loaded.scores(tokenize(query)))
    assert built.idf == loaded.idf and loaded.terms == sorted(built.idf)


def test_exact_dense_search_equals_chroma(bot):
    index = bot.index
    assert index.exact  # a small embedded index searches its saved vectors
    for q in QUESTIONS:
        vector = index.embed_query(q)
        exact = index.dense_search(vector, 10)
        index.exact = False
        try:
            hnsw = index.dense_search(vector, 10)
        finally:
            index.exact = True
        assert [p.chunk_id for p, _ in exact] == [p.chunk_id for p, _ in hnsw]
        assert np.allclose([s for _, s in exact], [s for _, s in hnsw], atol=1e-5)


def test_unchanged_corpus_opens_from_saved_data_alone(local, monkeypatch):
    first = open_index(local)
    monkeypatch.setattr(index_module, "load_corpus", lambda *a, **k: pytest.fail("the corpus was chunked"))
    monkeypatch.setattr(store, "make_client", lambda *a, **k: pytest.fail("Chroma was opened"))
    again = open_index(local)
    assert again.collection_name == first.collection_name and not again.built
    assert [p.chunk_id for p in again.passages] == [p.chunk_id for p in first.passages]
    assert again.corpus.about == first.corpus.about
    bot = Assistant(local, again)
    reply = bot.ask("How hard is Kubeflow to set up?")
    assert not reply.refused and "**High**" in reply.text


def test_damaged_saved_data_is_derived_again(local, caplog):
    first = open_index(local)
    (local.data_dir / "derived" / first.collection_name / "bm25" / "terms.json").write_text("{broken")
    again = open_index(local)
    assert "unreadable" in caplog.text and not again.built
    assert again.bm25_search("kubeflow setup complexity", 3)
    reply = Assistant(local, again).ask("How hard is Kubeflow to set up?")
    assert "**High**" in reply.text


def test_changed_document_embeds_only_its_passages(local, monkeypatch):
    old = open_index(local)
    old_vectors = {cid: np.array(old.vectors[i]) for i, cid in enumerate(p.chunk_id for p in old.passages)}
    path = next(local.corpus_dir.glob("*.md"))
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Getting Kubeflow running correctly takes days, not hours.",
                           "Getting Kubeflow running correctly takes several days, not hours.")
    assert changed != text
    removed = next(p for p in old.passages if p.kind == "paragraph" and f"\n{p.text}\n" in changed
                   and "Kubeflow running correctly" not in p.text)
    changed = changed.replace(removed.text, "")
    path.write_text(changed, encoding="utf-8")

    embedded = counting_embeddings(monkeypatch, old)
    new = open_index(local)
    new_ids = {p.chunk_id for p in new.passages}
    fresh = [p for p in new.passages if p.chunk_id not in old_vectors]
    assert new.built and len(fresh) == 1 and "several days" in fresh[0].text
    assert new.embedded == 1 and embedded[0] == embedding_text(fresh[0], new.model)  # the passages' batch comes first
    assert embedded[0].startswith("Kubeflow: ") and embedded[0].endswith(fresh[0].text)
    assert removed.chunk_id not in new_ids and len(new) == len(load_corpus(local.corpus_dir).passages)
    for i, p in enumerate(new.passages):  # every unchanged passage kept its vector
        if p.chunk_id in old_vectors:
            assert np.array_equal(np.asarray(new.vectors[i]), old_vectors[p.chunk_id])
    count = new.client.get_collection(new.collection_name).count()
    assert count == len(new)  # the vanished passage is not in the new collection
    reply = Assistant(local, new).ask("How hard is Kubeflow to set up?")
    assert "several days" in reply.text


def test_answers_during_a_swap_come_from_one_index(local):
    bot = Assistant.load(local)
    old_ids = {p.chunk_id for p in bot.index.passages}
    path = next(local.corpus_dir.glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Getting Kubeflow running correctly takes days, not hours.",
        "Getting Kubeflow running correctly takes a fortnight, not hours."), encoding="utf-8")
    replies, stop = [], threading.Event()

    def keep_asking():
        while not stop.is_set():
            replies.append(bot.ask("How hard is Kubeflow to set up?"))

    worker = threading.Thread(target=keep_asking, daemon=True)
    worker.start()
    result = bot.reindex()
    for _ in range(3):
        replies.append(bot.ask("How hard is Kubeflow to set up?"))
    stop.set()
    worker.join(timeout=60)
    new_ids = {p.chunk_id for p in bot.index.passages}
    assert result["changed"] and bot.index.embedded == 1
    assert len(replies) >= 4
    for reply in replies:
        ids = {c.chunk_id for c in reply.citations}
        assert ids and (ids <= old_ids or ids <= new_ids)
        if "fortnight" in reply.text:
            assert ids <= new_ids and not ids <= old_ids
    assert "fortnight" in replies[-1].text
