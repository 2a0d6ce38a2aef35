"""The index: idempotent builds, rebuilds on change, no half-built index, corrupt index recovery."""

import logging

import shutil

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from assistant import Assistant, load_settings
from assistant import store
from assistant.corpus import load_corpus
from assistant.index import fingerprint, open_index
from assistant.types import IndexFailure


def collections(data_dir):
    client = chromadb.PersistentClient(path=str(data_dir / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    return sorted(c if isinstance(c, str) else c.name for c in client.list_collections())


@pytest.fixture()
def local(tmp_path, corpus_copy):
    return load_settings(data_dir=tmp_path / "data", corpus_dir=corpus_copy)


def add_paragraph(corpus_dir, text):
    path = next(corpus_dir.glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n## Appendix\n\n{text}\n", encoding="utf-8")


def test_unchanged_corpus_is_not_reembedded(local, monkeypatch):
    first = open_index(local)
    assert first.built and len(first) == len(load_corpus(local.corpus_dir).passages)

    calls = []
    real = type(first.embeddings).embed_documents
    monkeypatch.setattr(type(first.embeddings), "embed_documents",
                        lambda self, texts: calls.append(len(texts)) or real(self, texts))
    second = open_index(local)
    assert not second.built and second.collection_name == first.collection_name
    assert calls == []  # nothing re-embedded
    assert collections(local.data_dir) == [first.collection_name]


def test_changed_corpus_rebuilds_and_drops_the_old_build(local):
    old = open_index(local)
    add_paragraph(local.corpus_dir, "Zebra pipelines are an invented test fact.")
    new = open_index(local)
    assert new.built and new.collection_name != old.collection_name
    assert len(new) == len(old) + 1
    assert collections(local.data_dir) == [new.collection_name]
    assert any("Zebra pipelines" in p.text for p in new.passages)


def test_changed_embedding_model_changes_the_fingerprint(local):
    passages = load_corpus(local.corpus_dir).passages
    assert fingerprint(passages, "bundled:all-MiniLM-L6-v2") != fingerprint(passages, "some/other-model")


@pytest.mark.parametrize("dies_in,rebuild", [("embedding", False), ("writing", False), ("writing", True)])
def test_interrupted_build_leaves_the_previous_index_serving(local, monkeypatch, dies_in, rebuild):
    """An update (only new passages written into the previous collection, renamed at the end) or a
    forced rebuild (a temporary collection) killed halfway: the previous index still answers, and
    nothing of the new corpus leaks into it."""
    good = open_index(local)
    add_paragraph(local.corpus_dir, "\n\n".join(f"Quokka orchestration fact number {n} is invented."
                                                   for n in range(10)))
    monkeypatch.setattr(store, "ADD_BATCH", 4)

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-build

    if dies_in == "embedding":
        monkeypatch.setattr(type(good.embeddings), "embed_documents", lambda self, texts: interrupt())
    else:  # after some batches were written
        from chromadb.api.models.Collection import Collection

        real, calls = Collection.upsert, {"n": 0}

        def dies_halfway(self, *args, **kwargs):
            calls["n"] += 1
            return interrupt() if calls["n"] == 2 else real(self, *args, **kwargs)

        monkeypatch.setattr(Collection, "upsert", dies_halfway)
    with pytest.raises(KeyboardInterrupt):
        open_index(local, rebuild=rebuild)
    assert collections(local.data_dir) == [good.collection_name]  # no half-built collection left
    assert sorted(p.name for p in (local.data_dir / "derived").iterdir()) == ["corpora", good.collection_name]

    monkeypatch.undo()
    path = next(local.corpus_dir.glob("*.md"))
    path.write_text(path.read_text(encoding="utf-8").split("\n\n## Appendix")[0], encoding="utf-8")
    again = open_index(local)
    assert not again.built and again.collection_name == good.collection_name
    assert not again.bm25_search("quokka", 3)
    vector = again.embed_query("Quokka orchestration fact")
    again.exact = False  # through Chroma, which may hold the written part of the update
    assert all("Quokka" not in p.text for p, _ in again.dense_search(vector, len(again)))
    reply = Assistant(local, again).ask("How hard is Kubeflow to set up?")
    assert "**High**" in reply.text


def test_corrupt_index_is_moved_aside_and_rebuilt(local, caplog):
    open_index(local)
    sqlite = local.data_dir / "chroma" / "chroma.sqlite3"
    sqlite.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="assistant"):
        bot = Assistant(local, open_index(local))
    assert bot.index.built
    assert "corrupt" in caplog.text
    assert list(local.data_dir.glob("chroma.corrupt-*")), "the damaged index is kept for inspection"
    reply = bot.ask("How hard is Kubeflow to set up?")
    assert not reply.refused and "High" in reply.text


def test_unreachable_chroma_server_is_a_clear_error(local):
    settings = local.model_copy(update={"chroma_url": "http://127.0.0.1:9"})
    with pytest.raises(IndexFailure, match="cannot reach the Chroma server"):
        open_index(settings)


def test_a_collection_without_saved_data_is_read_back_in_pages(local, monkeypatch):
    """An index built elsewhere (or by an older version) has its passages and vectors read back from
    Chroma once, in pages (SQLite caps the variables of one query), and its derived data saved."""
    built = open_index(local)
    vectors = np.array(built.vectors)
    shutil.rmtree(local.data_dir / "derived")
    monkeypatch.setattr(store, "READ_PAGE", 7)
    embedded, real = [], type(built.embeddings).embed_documents
    monkeypatch.setattr(type(built.embeddings), "embed_documents",
                        lambda self, texts: embedded.extend(texts) or real(self, texts))
    paged = open_index(local)
    assert not set(embedded) & {p.text for p in built.passages}  # no passage embedded again
    assert not paged.built
    assert [p.chunk_id for p in paged.passages] == [p.chunk_id for p in built.passages]
    assert np.abs(np.asarray(paged.vectors) - vectors).max() < 1e-6, np.abs(np.asarray(paged.vectors) - vectors).max()
    assert (local.data_dir / "derived" / built.collection_name / "manifest.json").is_file()


def test_a_big_index_keeps_answering_when_another_process_renames_its_collection(local, monkeypatch):
    """Above EXACT_LIMIT dense search goes through Chroma; the collection is held by its id from the
    start, so an update in place elsewhere (which renames it) cannot make the next question fail."""
    import assistant.index as index_module

    monkeypatch.setattr(index_module, "EXACT_LIMIT", 0)
    open_index(local)  # built
    serving = Assistant(local, open_index(local))  # reopened from the saved data, as a fresh process would
    assert not serving.index.exact
    serving.index.client.get_collection(serving.index.collection_name).modify(name="mlops-article-renamed")
    reply = serving.ask("How hard is Kubeflow to set up?")
    assert not reply.refused and "**High**" in reply.text and reply.citations


def test_a_paragraph_of_a_subjects_section_is_embedded_with_the_subjects_name(bot):
    from assistant.corpus import embedding_text
    model = bot.index.model
    tail = next(p for p in bot.index.passages if p.text.startswith("The framework handles parallelism"))
    assert embedding_text(tail, model).startswith(f"{tail.section}: The framework handles")  # "the framework": Metaflow
    row = next(p for p in bot.index.passages if p.kind == "table_row")
    intro = next(p for p in bot.index.passages if p.kind == "paragraph" and not model.section_subject(p))
    assert embedding_text(row, model) == row.text and embedding_text(intro, model) == intro.text
    # so the split-off end of a paragraph that names its subject only by its heading is found for it
    reply = bot.ask("what does metaflow take care of automatically so you don't have to configure it")
    assert tail.chunk_id in reply.retrieved, reply.retrieved
    # and vectors embedded otherwise are never reused for it: the maker string tells them apart
    from assistant.corpus import EMBEDDED_AS
    assert derived_model(bot).endswith("+" + EMBEDDED_AS), derived_model(bot)


def derived_model(bot):
    import json
    manifest = next(bot.settings.data_dir.rglob("manifest.json"))
    return json.loads(manifest.read_text(encoding="utf-8"))["embedding_model"]


def test_vectors_embedded_another_way_are_not_reopened(local, monkeypatch):
    from assistant import index as index_module
    before = index_module.corpus_key(local)
    monkeypatch.setattr(index_module, "EMBEDDED_AS", "as-written")  # how an older build embedded its passages
    assert index_module.corpus_key(local) != before  # a saved build made so is not taken for this one
    assert index_module.vectors_maker(local).endswith("+as-written")
