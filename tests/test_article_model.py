"""The assistant knows an article only through the model it derives from the corpus: no subject of the
bundled article is named in the code, an edited article changes the answers, another comparison is
read the same way, and several documents are each cited by their own file."""

import re
import shutil

import pytest

from assistant import Assistant
from assistant.corpus import load_corpus
from assistant.language import rank

from conftest import ARTICLE, CORPUS, ROOT



@pytest.fixture(scope="module")
def model():
    return load_corpus(CORPUS).model


def test_no_name_from_the_bundled_article_is_in_the_code(model):
    names = set(model.subjects) | {a for s in model.subjects.values() for a in s.aliases if len(a) >= 5}
    assert {"kubeflow", "metaflow", "prefect", "outerbounds", "katib"} <= names  # the model found them
    code = "\n".join(p.read_text(encoding="utf-8").lower() for p in (ROOT / "assistant").rglob("*.py"))
    assert not [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", code)]


def test_model_of_the_bundled_article(model):
    doc = model.documents[0]
    assert doc.title == "MLOps Stack Comparison: Kubeflow vs Metaflow vs Prefect"
    assert (doc.author, doc.date) == ("mlai.qa Team", "2026-03-13")
    assert [s.name for s in model.subjects.values()] == ["Kubeflow", "Metaflow", "Prefect"]
    assert "outerbounds" in model.subjects["metaflow"].aliases
    assert "vertex ai pipelines" in model.subjects["kubeflow"].aliases
    setup = model.dimensions["setup complexity"]
    assert [setup.value(s)[0] for s in model.subjects] == ["High", "Medium", "Low–Medium"]
    assert setup.ordered and set(setup.lines) == {"kubeflow", "metaflow", "prefect"}  # "Setup complexity: ..." lines
    assert not model.dimensions["managed options"].ordered
    assert model.dimensions["cost (self-hosted)"].noun == "self-hosted cost"
    default = [a for a in model.advice if a.default]
    assert [a.subject for a in default] == ["metaflow"]
    assert any(a.negative and a.subject == "kubeflow" for a in model.advice)  # "it's almost certainly too much"
    assert model.find_subjects("how hard is kubeflw to set up, and metaflow?") == ["kubeflow", "metaflow"]
    assert model.find_subjects("is it perfect for us?") == []  # an everyday word is not a typo of a name
    assert model.find_subjects("What is Outerbounds?") == ["metaflow"]


@pytest.mark.parametrize("value, expected", [
    ("High", 3.0), ("Low–Medium", 1.5), ("High (K8s overhead)", 3.0), ("Minimal", 1.0),
    ("Moderate–Heavy", 2.5), ("Very large", 3.5), ("Go + C++", None), ("Outerbounds", None),
])
def test_values_rank_on_a_generic_scale(value, expected):
    assert rank(value) == expected


def edited_bot(tmp_path, corpus_dir):
    from assistant import load_settings

    return Assistant.load(load_settings(corpus_dir=corpus_dir, data_dir=tmp_path / "data", torch_threads=1))


def test_answers_follow_an_edited_article(tmp_path, corpus_copy):
    path = corpus_copy / ARTICLE.name
    text = path.read_text(encoding="utf-8")
    text = text.replace("For most AI startups at Series A, Metaflow is the right default choice.",
                        "For most AI startups at Series A, Prefect is the right default choice.")
    text = text.replace("| Learning curve | High | Low–Medium | Low |", "| Learning curve | Low | Low–Medium | High |")
    path.write_text(text, encoding="utf-8")
    bot = edited_bot(tmp_path, corpus_copy)

    reply = bot.ask("We're a Series A startup. Which framework should we pick by default?")
    assert reply.text.startswith("For that situation the article points to **Prefect**"), reply.text
    assert "Prefect is the right default choice" in reply.text
    cited = {c.quote for c in reply.citations}
    assert any("Prefect is the right default choice" in q for q in cited)
    assert not any("Metaflow is the right default choice" in q for q in cited)

    reply = bot.ask("How steep is Kubeflow's learning curve?")
    assert reply.text.startswith("Kubeflow's learning curve is **Low** [1]."), reply.text
    assert "Learning curve — Kubeflow: Low;" in reply.citations[0].quote
    reply = bot.ask("Which framework is hardest to learn?")
    assert reply.text.startswith("Prefect has the highest learning curve (**High**)"), reply.text


def test_advice_to_use_two_together_is_read_from_the_article(tmp_path, corpus_copy):
    path = corpus_copy / ARTICLE.name
    text = path.read_text(encoding="utf-8")
    marker = "The MLOps stack decision is not permanent"
    path.write_text(text.replace(marker, "The two lighter tools are not mutually exclusive. Plenty of teams keep "
                                         "Metaflow for model training and move only their data pipelines onto "
                                         "Prefect.\n\n" + marker), encoding="utf-8")
    bot = edited_bot(tmp_path, corpus_copy)
    assert [a.together for a in bot.index.model.advice if a.together] == [("metaflow", "prefect")]
    reply = bot.ask("Do we have to pick only one tool for our model training and our data pipelines?")
    assert reply.text.startswith("For that situation the article points to **Metaflow** and **Prefect** together")
    reply = bot.ask("Our ML workflows are tightly coupled with data engineering pipelines. What do you recommend?")
    assert reply.text.startswith("For that situation the article points to **Prefect** [1]"), reply.text


@pytest.mark.parametrize("sentence, previous, together", [
    ("Plenty of teams keep Django for the admin and move only their APIs onto FastAPI.",
     "The two are not mutually exclusive.", ("django", "fastapi")),
    ("Use them together: Django for the admin, FastAPI for the APIs.", "", ("django", "fastapi")),
    ("Keep in mind that Django ships an ORM, while FastAPI lets you use any.", "", ()),
    ("If you run both sync and async code, Django is the safer pick over Flask.", "", ()),
    ("Django is heavier than Flask.", "The two are not mutually exclusive.", ()),
])
def test_advice_to_use_subjects_together_needs_that_shape(sentence, previous, together):
    from assistant.advice import combined_advice
    from assistant.article import Subject

    subjects = {k: Subject(k, k.title()) for k in ("django", "fastapi", "flask")}
    assert combined_advice(sentence, previous, subjects) == together


def test_another_comparison_is_read_the_same_way(vector_bot):
    model = vector_bot.index.model
    assert [s.name for s in model.subjects.values()] == ["Qdrant", "Weaviate", "Milvus"]
    assert {"core language", "hosted service", "operational footprint"} <= set(model.dimensions)
    reply = vector_bot.ask("What language is Qdrant written in?")
    assert not reply.refused and "**Rust**" in reply.text.split(".")[0], reply.text
    reply = vector_bot.ask("Which of them is the least work to run?")
    assert "Qdrant" in reply.text.split("[")[0], reply.text
    reply = vector_bot.ask("Is Kubeflow a good pipeline tool?")  # a subject of another article
    assert reply.refused and "Qdrant, Weaviate and Milvus" in reply.text
    assert "Kubeflow" not in reply.text.split(":")[0] or "says nothing" in reply.text


def test_clipped_words_are_phrasing_and_unknown_names_a_topic(vector_bot):
    reply = vector_bot.ask("milvus impl language?")  # "impl" begins everyday words: not a missing topic
    assert not reply.refused and "**Go + C++**" in reply.text, reply.text
    reply = vector_bot.ask("does milvus integrate with mlflow?")  # "mlflow" begins none: a name the article lacks
    assert reply.refused and "mlflow" in reply.text


def test_several_documents_are_each_cited_by_their_own_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "orchestrators.md").write_text(
        "# Orchestrators: Prefect vs Dagster\n\n"
        "A short comparison of two orchestrators for data teams.\n\n"
        "## Prefect\n\nPrefect runs flows written as decorated Python functions.\n\n"
        "## Dagster\n\nDagster models pipelines as software-defined assets with lineage built in.\n\n"
        "## Side by side\n\n| Aspect | Prefect | Dagster |\n|---|---|---|\n"
        "| Setup complexity | Low | Medium |\n| Asset lineage | Basic | Native |\n\n"
        "## Which to choose\n\nDagster is the better fit when your team thinks in data assets.\n",
        encoding="utf-8")
    bot = edited_bot(tmp_path, corpus)
    assert {d.source for d in bot.index.model.documents} == {ARTICLE.name, "orchestrators.md"}
    assert "dagster" in bot.index.model.subjects
    reply = bot.ask("How hard is Prefect to set up?")
    sources = {c.source for c in reply.citations}
    assert sources == {ARTICLE.name, "orchestrators.md"}, reply.text
    assert "**Low–Medium**" in reply.text and "**Low**" in reply.text
    reply = bot.ask("What does Dagster model pipelines as?")
    assert not reply.refused and reply.citations[0].source == "orchestrators.md"


@pytest.mark.parametrize("question", [
    "Is Prefect something somebody would rather pick eventually?",
    "Honestly, is Kubeflow a hassle to deploy for an ordinary team?",
    "What would you recommend if we'd eventually like to keep infra work to a minimum?",
])
def test_everyday_words_never_refuse_a_fair_question(bot, question):
    reply = bot.ask(question)
    assert not reply.refused, reply.text


def test_a_refusal_names_the_missing_topic_not_everyday_words(bot):
    reply = bot.ask("How many GitHub stars does Metaflow have these days?")
    assert reply.refused and reply.reason == "unknown_terms"
    assert re.findall(r"“([^”]+)”", reply.text.split(". The article")[0]) == ["github"]


@pytest.mark.parametrize("question, subject", [
    ("Which one is a full ML platform built on Kubernetes?", "Kubeflow"),
    ("Which framework was built at Netflix?", "Metaflow"),
])
def test_a_which_answer_names_the_subject_first(bot, question, subject):
    reply = bot.ask(question)
    assert re.match(rf"^(\*\*)?{subject}\b", reply.text), reply.text
    assert not re.match(r"^It[’']?s?\b", reply.text)


@pytest.mark.parametrize("question, holder, fact", [
    ("Since Prefect came out of Netflix, is it tuned for their workloads?", "Metaflow", "built at Netflix"),
    ("Why does Prefect need Istio?", "Kubeflow", "Istio"),
])
def test_a_premise_giving_one_subject_what_the_article_says_of_another_is_corrected(bot, question, holder, fact):
    reply = bot.ask(question)
    assert reply.text.startswith(f"No — that premise doesn't match the article, which says this of {holder}:"), reply.text
    assert fact in reply.citations[0].quote


def test_a_value_named_in_a_yes_no_question_is_checked(vector_bot):
    reply = vector_bot.ask("Is Weaviate written in Rust?")
    assert reply.text.startswith("No — Weaviate's core language is **Go**"), reply.text
    reply = vector_bot.ask("Since Qdrant is written in Go, how bad are its garbage-collection pauses?")
    assert reply.text.startswith("No — that premise doesn't match the article: Qdrant's core language is **Rust**"), reply.text
    # typed in lower case: "in go" is the language, not the verb
    reply = vector_bot.ask("since qdrant is written in go i'm worried about GC pauses hurting our p99. how bad does it get?")
    assert reply.text.startswith("No — that premise doesn't match the article: Qdrant's core language is **Rust**"), reply.text


def test_a_value_the_corpus_never_names_is_corrected_by_the_table_not_refused(vector_bot):
    reply = vector_bot.ask("Qdrant's core language is Erlang, right?")  # "Erlang": a value the table contradicts
    assert not reply.refused and "**Rust**" in reply.text.split(".")[0], reply.text
    reply = vector_bot.ask("Does Milvus support GPU-accelerated indexes?")  # a capability, not a value: not covered
    assert reply.refused and "gpu-accelerated" in reply.text, reply.text


def test_how_many_is_answered_by_a_number_in_words_that_counts_the_same_thing(vector_bot):
    reply = vector_bot.ask("How many ways can you run Qdrant?")
    assert not reply.refused and "three ways" in reply.text, reply.text
    reply = vector_bot.ask("how many github stars does qdrant have?")  # "three ways" counts no stars
    assert reply.refused and reply.reason == "not_stated", reply.text


def test_a_name_the_article_gives_one_subject_is_answered_with_its_own_sentence(vector_bot):
    reply = vector_bot.ask("whats knowhere")  # only the engine's name: no subject, no other words
    assert not reply.refused and "Knowhere" in reply.text.split("[")[0], reply.text
    assert reply.text.startswith("**Milvus**"), reply.text  # whose engine it is, said


def test_every_subject_spoken_of_without_names_hears_from_each(queues_bot):
    reply = queues_bot.ask("how does scheduling periodic jobs differ between the two?")
    model = queues_bot.index.model
    cited = {model.section_subject(queues_bot.passage(c.chunk_id)) for c in reply.citations}
    assert {"celery", "temporal"} <= cited, reply.text


def test_question_shapes_the_two_subject_corpus_reads_as_asked(queues_bot):
    # a fact question with "we" in it asks for the fact, not for advice
    reply = queues_bot.ask("What license does Celery use? Legal wants to know before we adopt it.")
    assert "**BSD-3-Clause**" in reply.text.split(".")[0], reply.text
    # "subscription lifecycles" are no price; the situation gets the advice
    reply = queues_bot.ask("modeling subscription lifecycles that run for months, need them to survive restarts. which tool?")
    assert not reply.refused and "Temporal" in reply.text and "price" not in reply.text, reply.text
    # "just one" asks whether to pick one at all: the advice to keep both
    reply = queues_bot.ask("We have fire-and-forget emails but also critical multi-step order flows. Do we really "
                           "have to choose just one of these tools?")
    assert "Celery" in reply.text.split(".")[0] and "Temporal" in reply.text.split(".")[0], reply.text
    # a version number the article never gives, though the question names a table value ("Python")
    reply = queues_bot.ask("whats the latest version of temporal's python sdk")
    assert reply.refused and reply.reason == "not_stated", reply.text
    # a rate asked for as a figure, which no sentence or cell gives
    reply = queues_bot.ask("roughly how many tasks/sec can celery w/ rabbitmq push before it falls over?")
    assert reply.refused and "doesn't say how fast" in reply.text, reply.text


def test_a_row_is_found_by_its_label_as_used_or_by_a_close_passage_stating_its_cell(queues_bot):
    # "Written in" is a word with its preposition: "how the code is written" is no question of language
    reply = queues_bot.ask("temporal puts restrictions on how workflow code is written, right?")
    assert "Written in" not in reply.text and "deterministic" in reply.text, reply.text
    # no label word at all, but the closest passage says the cell: "The server is written in Go"
    reply = queues_bot.ask("what language is the temporal server actually built in?")
    assert not reply.refused and "**Go**" in reply.text, reply.text


def test_a_mistyped_word_or_a_condition_the_asker_sets_does_not_refuse(queues_bot):
    reply = queues_bot.ask("what goes wrong if we accidentaly deploy two celery beat pods?")
    assert not reply.refused and "twice" in reply.text, reply.text
    reply = queues_bot.ask("if a celery worker gets OOM-killed halfway through a job, is the job retried automatically?")
    assert not reply.refused and "acknowledge" in reply.text, reply.text
    # but a condition that is all the question asks about is still the topic
    reply = queues_bot.ask("what happens if celery runs on a mainframe?")
    assert reply.refused and "mainframe" in reply.text, reply.text


def test_a_premise_the_table_corrects_is_corrected_whatever_else_is_asked(queues_bot):
    # a value joined to the label's word, and words the article lacks in what is asked after it
    reply = queues_bot.ask("Since Celery is GPL-licensed, do we need legal sign-off before bundling it into our "
                           "closed-source SaaS?")
    assert not reply.refused and "**BSD-3-Clause**" in reply.text, reply.text
    # a statement, then "so should we ...?": a name the cell gives in brackets ("Redis") is its value
    reply = queues_bot.ask("temporal keeps its workflow state in redis just like celery does, so should we run "
                           "redis in cluster mode for it?")
    assert "**Temporal server + database**" in reply.text and "point" not in reply.text, reply.text


def test_which_one_holds_a_value_and_whether_using_both_is_wise(queues_bot):
    reply = queues_bot.ask("which one lets us keep our entire stack python only?")
    assert reply.text.startswith("Celery") and "**Python**" in reply.text, reply.text
    reply = queues_bot.ask("We have a big Celery setup for fire-and-forget stuff. Want Temporal for the order "
                           "fulfilment flow only. Do we have to migrate everything over, or is running both a bad idea?")
    assert "mutually exclusive" in reply.text or "keep Celery" in reply.text, reply.text


def test_rows_tied_by_words_are_told_apart_by_retrieval_and_counts_are_no_choice(queues_bot):
    # "workflow" and "state" match two labels equally: the passage retrieval ranks higher decides
    reply = queues_bot.ask("where is workflow state kept with temporal")
    assert "**Temporal server + database**" in reply.text, reply.text
    # "how many ... should we run?" asks for a number, not for the advice on which tool
    reply = queues_bot.ask("for high availability how many replicas of celery beat should we run, 3?")
    assert "exactly one" in reply.text and "points to" not in reply.text, reply.text
    # a short best sentence is followed by the next one of its passage when that is close too
    reply = queues_bot.ask("where does celery persist the job data — does it have its own storage?")
    assert "broker" in reply.text, reply.text


def test_where_a_subject_comes_from_is_declined_when_no_sentence_says_who_made_it(queues_bot, bot):
    reply = queues_bot.ask("is temporal a fork of uber's cadence project?")  # "backed by a database" is no maker
    assert reply.refused and "who made it" in reply.text, reply.text
    reply = bot.ask("is metaflow a fork of some netflix project?")  # the article says where it was built
    assert not reply.refused and "Netflix" in reply.text, reply.text


def test_dev8_readings_figures_choices_and_fewest(queues_bot, vector_bot):
    # "~50M" is a figure, not a name the article lacks: the premise is corrected from the table
    reply = vector_bot.ask("Since Qdrant supports both IVF and DiskANN indexes, which of those should I use for ~50M vectors?")
    assert not reply.refused and "HNSW" in reply.text, reply.text
    # two words offered as the choice of a row's value: the value says which
    reply = queues_bot.ask("temporal licence - is it something permissive or copyleft?")
    assert not reply.refused and "**MIT**" in reply.text, reply.text
    # "fewest" judges a level, low
    reply = vector_bot.ask("which one has the fewest moving parts to run in production?")
    assert reply.text.startswith("Qdrant"), reply.text


def test_a_question_read_alone_finds_nothing_close_is_read_after_the_last_one(bot):
    history = [{"role": "user", "content": "is it a big deal to switch mlops stacks later on?"},
               {"role": "assistant", "content": "..."}]
    reply = bot.ask("how much time does getting it right up front save?", history)
    assert not reply.refused and "(following:" in reply.standalone_question, reply.text
    # "what do we still have to run ...?" asks for no thing called "still"
    history = [{"role": "user", "content": "what's the managed version of prefect called"},
               {"role": "assistant", "content": "..."}]
    reply = bot.ask("what do we still have to run on our side then?", history)
    assert not reply.refused and "agents" in reply.text, reply.text
    # an unrelated question stays declined, conversation or not, however it asks for a choice
    reply = bot.ask("how do I center a div in css?", history)
    assert reply.refused, reply.text
    reply = bot.ask("what should I cook tonight?", [{"role": "user", "content": "which tool suits a 3-person team?"},
                                                    {"role": "assistant", "content": "..."}])
    assert reply.refused, reply.text
    # a statement that names no subject is no premise to correct
    from assistant.question import analyse
    assert not analyse("We are a small team, so which should we pick?", bot.index.model).premise


def test_a_word_of_a_rows_cells_points_at_the_row_only_in_a_question_about_a_subject(queues_bot):
    reply = queues_bot.ask("is celery ok for jobs that take several hours?")  # "Awkward beyond an hour"
    assert "**Awkward beyond an hour**" in reply.text, reply.text
    reply = queues_bot.ask("best way to learn spanish in 3 months?")  # "days to months", but no subject
    assert reply.refused, reply.text


def test_an_everyday_word_the_corpus_writes_only_as_a_name_is_a_topic(queues_bot):
    names = queues_bot.index.model.written_names
    assert "flower" in names and "light" not in names, names  # a tool's name, not a table cell ("Light")
    reply = queues_bot.ask("what does flower actually show you?")
    assert not reply.refused and "Flower" in reply.text, reply.text


def test_a_follow_up_known_by_its_first_word_or_its_catch_keeps_the_topic(queues_bot, bot):
    history = [{"role": "user", "content": "What is Temporal Cloud exactly?"},
               {"role": "assistant", "content": "..."}]
    reply = queues_bot.ask("So do I still run the workers myself?", history)
    assert "(following: What is Temporal Cloud exactly?)" in reply.standalone_question
    assert "own workers" in reply.text, reply.text
    history = [{"role": "user", "content": "what's the managed way to run kubeflow?"},
               {"role": "assistant", "content": "..."}]
    reply = bot.ask("whats the catch with that one?", history)  # not the managed option's name again
    assert "lock-in" in reply.text, reply.text


def test_odd_corpora_are_read_without_crashing(tmp_path):
    """A document with no table, a table with a blank corner cell, subject names ending in symbols."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.md").write_text("# Field notes\n\nWe moved our build to a new runner last spring. "
                                     "It halved the time a release takes.\n", encoding="utf-8")
    (corpus / "languages.md").write_text(
        "# C++ vs Rust\n\nTwo systems languages compared.\n\n## C++\n\nC++ gives you manual control of memory.\n\n"
        "## Rust\n\nRust checks memory safety at compile time with its borrow checker.\n\n## At a glance\n\n"
        "|  | C++ | Rust |\n|---|---|---|\n| Memory safety | Manual | Enforced by the compiler |\n"
        "| Learning curve | Steep | Steep |\n", encoding="utf-8")
    bot = edited_bot(tmp_path, corpus)
    assert list(bot.index.model.subjects) == ["c++", "rust"]
    reply = bot.ask("How is memory safety handled in C++?")
    assert not reply.refused and "**Manual**" in reply.text, reply.text
    follow = bot.ask("and for Rust?", [{"role": "user", "content": "How is memory safety handled in C++?"},
                                       {"role": "assistant", "content": reply.text}])
    assert "Rust" in follow.standalone_question and "**Enforced by the compiler**" in follow.text, follow.text
    reply = bot.ask("How much did the new runner cut release time?")
    assert not reply.refused and reply.citations[0].source == "notes.md", reply.text


def test_a_count_question_reads_a_row_of_quantities_and_short_forms_match_labels(vector_bot):
    reply = vector_bot.ask("how many vectors can weaviate comfortably handle?")
    assert reply.text.startswith("Weaviate's comfortable scale is **Hundreds of millions** [1]"), reply.text
    reply = vector_bot.ask("How many people work at Qdrant?")  # no row holds that number
    assert reply.refused, reply.text
    reply = vector_bot.ask("how much ops work is milvus to run?")  # "ops": operational
    assert reply.text.startswith("Milvus's operational footprint is **Moderate–Heavy** [1]"), reply.text


def test_why_goes_on_from_the_last_answer_instead_of_repeating_it(bot, queues_bot):
    first = "what's the default pick for most series A startups according to the article?"
    answer = bot.ask(first)
    assert "right default choice" in answer.text, answer.text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": answer.text}]
    for why in ("why?", "why that one though", "what's the reasoning behind that?"):
        reply = bot.ask(why, history)
        assert not reply.refused and "reduces the friction between research and production" in reply.text, (why, reply.text)
        assert "right default choice" not in reply.text, reply.text  # not the point itself again
    # after a table value, the reason is the sentence after its "Label: value." line
    first = "how steep is the learning curve for kubeflow?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": bot.ask(first).text}]
    reply = bot.ask("why's that?", history)
    assert reply.text.startswith("The Kubeflow Pipelines SDK requires containerising"), reply.text
    # "what's the tradeoff?": the cost the article states next to what was said
    first = "How does Temporal recover when a worker dies in the middle of a workflow?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": queues_bot.ask(first).text}]
    reply = queues_bot.ask("What's the tradeoff I pay for that?", history)
    assert reply.text.startswith("The price of this model is a constraint on how you write code"), reply.text



def test_a_figure_a_clause_of_case_and_a_how_to_are_read_as_meant(bot, vector_bot, queues_bot):
    reply = vector_bot.ask("which should we pick for 1B vectors?")  # "billion-scale collections"
    assert "**Milvus**" in reply.text.split(".")[0], reply.text
    reply = vector_bot.ask("how should I tune postgres autovacuum for a write-heavy table?")  # no advice asked
    assert reply.refused and "autovacuum" in reply.text, reply.text
    reply = bot.ask("once we pick an mlops stack are we basically locked in forever?")  # no pick asked
    assert "points to" not in reply.text and "not permanent" in reply.text, reply.text
    reply = queues_bot.ask("if we go with temporal cloud who is responsible for running the workers?")
    assert "keep running your own workers" in reply.text, reply.text



def test_a_count_asked_after_a_clause_is_not_read_off_a_level(queues_bot):
    # "out of the box, how many ...?" asks for a number
    reply = queues_bot.ask("out of the box, how many tries does celery make before it gives up on a task")
    assert "three attempts" in reply.text.split("[")[0], reply.text


def test_a_situation_setting_a_choice_brings_its_own_words(queues_bot):
    reply = queues_bot.ask("once we pick temporal for our saga orchestrator, who runs the workers?")
    assert not reply.refused and "own workers" in reply.text, reply.text


def test_asking_for_more_never_declines_what_was_answered_nor_sells_a_strength_as_the_catch(bot):
    history = [{"role": "user", "content": "who built metaflow?"},
               {"role": "assistant", "content": bot.ask("who built metaflow?").text}]
    reply = bot.ask("why?", history)
    assert not reply.refused, reply.text  # the maker was said: no "doesn't say who made it"
    first = "is metaflow a good fit for a 10 person startup?"  # what follows the advice is no catch
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": bot.ask(first).text}]
    reply = bot.ask("what's the catch?", history)
    assert "It excels at the core MLOps problem" not in reply.text, reply.text
