"""The plain langchain pipeline people write from the tutorials, scored beside the assistant:
RecursiveCharacterTextSplitter over the raw files, the same embedding model through
HuggingFaceEmbeddings, top-k similarity search in Chroma, and the retrieved chunks shown as the
answer. No follow-up rewriting, no refusals."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from assistant.embeddings import model_dir, torch_embeddings
from assistant.settings import Settings

CHUNK_SIZE = 1000  # the tutorials' defaults
CHUNK_OVERLAP = 200
TOP_K = 4


class PlainPipeline:
    name = "baseline"

    def __init__(self, settings: Settings):
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
        docs = []
        for path in sorted(Path(settings.corpus_dir).glob("*.md")) + sorted(Path(settings.corpus_dir).glob("*.txt")):
            docs.append(Document(page_content=path.read_text(encoding="utf-8"), metadata={"source": path.name}))
        self.chunks = splitter.split_documents(docs)
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(client=client, collection_name=f"baseline-{uuid.uuid4().hex[:8]}",
                            embedding_function=torch_embeddings(model_dir(settings), settings.torch_threads),
                            collection_metadata={"hnsw:space": "cosine"})
        self.store.add_documents(self.chunks)

    def close(self) -> None:
        self.store.delete_collection()

    def ask(self, question: str, history: list[dict] | None = None) -> dict:
        """The reply JSON shape, so the same scoring applies."""
        start = time.perf_counter()
        found = self.store.similarity_search(question, k=TOP_K)
        answer = "\n\n".join(f"{d.page_content} [{i}]" for i, d in enumerate(found, 1))
        return {
            "answer": answer,
            "citations": [{"number": i, "source": d.metadata["source"], "section": "", "quote": d.page_content,
                           "chunk_id": "", "score": 0.0} for i, d in enumerate(found, 1)],
            "refused": False,
            "standalone_question": question,
            "retrieved": [d.page_content for d in found],
            "latency_ms": (time.perf_counter() - start) * 1000,
        }


if __name__ == "__main__":  # a fresh process to a printed answer, as a tutorial script runs
    import sys

    from assistant.settings import load_settings

    pipeline = PlainPipeline(load_settings())
    print(pipeline.ask(" ".join(sys.argv[1:]) or "How hard is Kubeflow to set up?")["answer"])
