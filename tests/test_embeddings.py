"""The ONNX runtime gives sentence-transformers' vectors, and `ask` stays light to start."""

import subprocess
import sys

import numpy as np

from assistant.embeddings import model_dir, onnx_file, OnnxEmbeddings, torch_embeddings

TEXTS = [
    "How hard is Kubeflow to set up?",
    "Setup complexity: High. Kubeflow requires a Kubernetes cluster, a significant number of cluster "
    "components (Istio, Cert-Manager, and the Kubeflow component set), and operational Kubernetes expertise.",
    "ü ∑ 🚀 \u200b RTL \u202e text",
    "word " * 600,  # longer than the model's 256 tokens: both truncate
]


def test_onnx_vectors_equal_sentence_transformers(settings):
    folder = model_dir(settings)
    onnx = OnnxEmbeddings(folder, onnx_file(folder, settings.data_dir), 1)
    torch = torch_embeddings(folder, 1)
    a = np.asarray(onnx.embed_documents(TEXTS))
    b = np.asarray(torch.embed_documents(TEXTS))
    assert a.shape == b.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert (a * b).sum(1).min() > 0.9999
    assert np.allclose(onnx.embed_query(TEXTS[0]), a[0], atol=1e-6)


def test_ask_imports_neither_torch_nor_gradio(bot, data_dir):
    """Nor Chroma or a text splitter: a small unchanged index answers from its saved data."""
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        f"sys.argv = ['stack-assistant', 'ask', '--data-dir', {str(data_dir)!r}, 'What is Outerbounds?']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('torch', 'gradio', 'sentence_transformers', 'transformers', 'chromadb', "
        "'langchain_text_splitters', 'langchain_chroma') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "Outerbounds" in result.stdout, result.stderr
    assert "LOADED []" in result.stdout
