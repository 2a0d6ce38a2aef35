"""Chunking: table rows intact with their header, labelled lines whole, sections kept, ids stable."""

import pytest

from assistant.corpus import load_corpus
from assistant.types import CorpusError

from conftest import ARTICLE, CORPUS


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def test_only_top_level_files_are_read(corpus):
    assert {p.source for p in corpus.passages} == {ARTICLE.name}  # provenance/ is not indexed twice


def test_each_table_row_is_one_passage_carrying_the_header(corpus):
    rows = {p.label: p for p in corpus.passages if p.kind == "table_row"}
    assert set(rows) == {"Setup complexity", "Learning curve", "Managed options", "ML-specific features",
                         "Best team size", "Infrastructure requirement", "Cost (self-hosted)"}
    assert rows["Cost (self-hosted)"].text == (
        "Cost (self-hosted) — Kubeflow: High (K8s overhead); Metaflow: Low; Prefect: Low")
    assert rows["Best team size"].cells == {
        "Kubeflow": "20+ (ML platform team)", "Metaflow": "3–15 ML engineers", "Prefect": "Any"}
    assert rows["Best team size"].subjects == ("kubeflow", "metaflow", "prefect")
    assert all(r.section == "The Honest Comparison" for r in rows.values())


def test_labelled_lines_stay_whole_under_their_subject(corpus):
    labelled = [p for p in corpus.passages if p.kind == "labelled"]
    assert {(p.section, p.label) for p in labelled} == {
        (f, label) for f in ("Kubeflow", "Metaflow", "Prefect")
        for label in ("Setup complexity", "Learning curve", "Best fit")}
    kubeflow_setup = next(p for p in labelled if p.section == "Kubeflow" and p.label == "Setup complexity")
    assert kubeflow_setup.text.startswith("Setup complexity: High. Kubeflow requires a Kubernetes cluster")
    assert kubeflow_setup.text.endswith("at the cost of cloud lock-in.")
    assert kubeflow_setup.subjects == ("kubeflow",)


def test_passages_are_article_text_with_sections_and_positions(corpus):
    article = ARTICLE.read_text(encoding="utf-8")
    for p in corpus.passages:
        if p.kind != "table_row":
            assert p.text in article, p.text
        assert p.section and p.heading_path is not None
    assert [p.position for p in corpus.passages] == list(range(len(corpus.passages)))
    sections = {p.section for p in corpus.passages}
    assert {"What MLOps Frameworks Actually Do", "Kubeflow", "Metaflow", "Prefect",
            "The Honest Comparison", "Which Should You Choose?"} <= sections
    assert max(len(p.text) for p in corpus.passages if p.kind == "paragraph") <= 400


def test_ids_are_stable_and_only_change_with_the_text(corpus, corpus_copy):
    again = load_corpus(CORPUS)
    assert [p.chunk_id for p in again.passages] == [p.chunk_id for p in corpus.passages]
    assert len({p.chunk_id for p in corpus.passages}) == len(corpus.passages)

    path = corpus_copy / ARTICLE.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Steps are methods.", "Steps are methods, always."), encoding="utf-8")
    changed = load_corpus(corpus_copy)
    before = {p.chunk_id for p in corpus.passages}
    after = {p.chunk_id for p in changed.passages}
    assert len(before - after) == 1 and len(after - before) == 1


def test_front_matter_gives_title_author_date(corpus):
    assert corpus.about["title"] == "MLOps Stack Comparison: Kubeflow vs Metaflow vs Prefect"
    assert corpus.about["author"] == "mlai.qa Team"
    assert corpus.about["date"] == "2026-03-13"


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no .md, .txt, .html or .pdf"):
        load_corpus(tmp_path)
