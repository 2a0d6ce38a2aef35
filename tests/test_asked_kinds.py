"""What kind of thing a question asks for, and whether the corpus names one (dev12 round): a city or a
year the closest sentence names without saying "city" or "year", a number said in words in a very close
sentence, a version number, a product compared with the subjects that the corpus never mentions, a row
asked of every subject at once ("each one", "side by side"), a clipped word for a row's label word
("infra"), and "It" after a sentence naming one subject outside any subject's section."""

from assistant.corpus import load_corpus
from assistant.spelling import spelled_as_corpus

from conftest import VECTOR_DBS, after


def test_a_city_the_closest_sentence_names_answers_which_city(vector_bot):
    # "headquartered in Amsterdam", "a Berlin-based company": neither says "city"
    reply = vector_bot.ask("Which city is Weaviate B.V. headquartered in?")
    assert not reply.refused and "Amsterdam" in reply.text, reply.text
    reply = vector_bot.ask("which city is the company behind qdrant located in?")
    assert not reply.refused and "Berlin" in reply.text, reply.text
    # the sentence on who created Milvus names a foundation and a company, no place
    reply = vector_bot.ask("which city is milvus based in?")
    assert reply.refused and reply.reason == "not_stated" and "doesn't say which city" in reply.text, reply.text


def test_a_year_the_closest_sentence_gives_answers_what_year(bot):
    history = after("who originally built metaflow?")
    reply = bot.ask("what year was it open sourced?", history)
    assert not reply.refused and "2019" in reply.text, reply.text


def test_a_number_in_words_in_a_very_close_sentence_answers_how_many(queues_bot):
    reply = queues_bot.ask("how many celery beat processes should i run?")
    assert not reply.refused and "exactly one instance" in reply.text, reply.text


def test_a_release_version_is_a_number_the_article_does_not_give(bot):
    reply = bot.ask("Which Kubeflow release version was used for this evaluation?")
    assert reply.refused and "doesn't say which version" in reply.text, reply.text


def test_a_product_compared_with_the_subjects_is_the_topic(vector_bot):
    reply = vector_bot.ask("how does pinecone stack up against these three on filtered search?")
    assert reply.refused and reply.reason == "unknown_terms" and "“pinecone”" in reply.text, reply.text
    reply = vector_bot.ask("how does qdrant stack up against weaviate on filtered search?")
    assert not reply.refused and "Excellent (in-graph)" in reply.text, reply.text


def test_each_one_side_by_side_asks_the_row_of_every_subject(queues_bot):
    reply = queues_bot.ask("Side by side, how heavy is each one to run in production?")
    assert not reply.refused, reply.text
    assert "Light" in reply.text and "Significant" in reply.text, reply.text


def test_a_clipped_word_is_spelled_as_the_label_word_it_begins(bot):
    model, index = bot.index.model, bot.index
    assert spelled_as_corpus("what infra does it need?", model, index) == "what infrastructure does it need?"
    # an everyday word, a word the corpus has, and a clipping of no label word stay as they are
    for text in ("how do I stand it up?", "is it ready for production?", "where is the repo?"):
        assert spelled_as_corpus(text, model, index) == text
    reply = bot.ask("what infra do i need to stand up metaflow for real (not just local)?")
    assert "S3 + optional Batch/K8s" in reply.text, reply.text


def test_it_after_a_sentence_naming_one_subject_is_that_subject(vector_bot):
    model = load_corpus(VECTOR_DBS).model
    passage = next(p for p in vector_bot.index.passages if "It is the easiest of the three" in p.text)
    sentence = next(s for s in passage.text.split(". ") if s.startswith("It is the easiest"))
    assert model.section_subject(passage) is None  # the advice section is no subject's own
    assert model.owner(passage, sentence) == "qdrant"
    assert model.owner(passage, passage.text.split(". ")[0]) is None  # "Pick Qdrant if ...": not "It"
    history = after("which of the three is easiest to get into production?")
    reply = vector_bot.ask("what's the catch?", history)
    assert "**Qdrant**: “It is the easiest of the three" in reply.text, reply.text


def test_a_typo_of_a_corpus_word_is_read_as_that_word(bot):
    model, index = bot.index.model, bot.index
    assert spelled_as_corpus("the hyperparamter search piece", model, index) == "the hyperparameter search piece"
    # a name the corpus never writes is no typo of one of its words
    assert spelled_as_corpus("does it work with mlflow?", model, index) == "does it work with mlflow?"
    reply = bot.ask("What's the name of the Kubeflow piece that does hyperparamter search?")
    assert "Katib" in reply.text, reply.text


def test_how_to_mark_a_function_is_answered_by_the_sentence_with_the_code(bot):
    reply = bot.ask("In Prefect, how do you mark a Python function as part of a pipeline?")
    assert reply.text.startswith("Decorating functions with @flow and @task"), reply.text


def test_a_short_sentence_keeps_the_fragment_after_it_anywhere_in_the_answer(bot):
    reply = bot.ask("How does Metaflow map workflows onto Python code structure?")
    assert "Flows are Python classes [1]. Steps are methods [1]." in reply.text, reply.text


def test_it_after_which_engine_is_the_subject_the_answer_opens_with(vector_bot):
    first = vector_bot.ask("which engine would you use for billions of vectors?")
    assert first.text.startswith("Milvus's comfortable scale is **Billions**"), first.text
    history = after("which engine would you use for billions of vectors?", first.text)
    reply = vector_bot.ask("what does it use for metadata when it runs distributed?", history)
    assert reply.standalone_question == "what does Milvus use for metadata when it runs distributed?"
    # what a subject uses is asked, not which subject to use
    assert "relying on etcd for metadata" in reply.text and "points to" not in reply.text, reply.text
    reply = vector_bot.ask("what would you use if we have billions of vectors?")
    assert "For that situation the article points to **Milvus**" in reply.text, reply.text


def test_a_follow_up_of_its_own_about_the_same_subject_keeps_its_question(queues_bot):
    # "SDKs" points at Temporal, the subject asked before: the follow-up is its own question, not the last
    history = after("What's the Temporal server written in?", "Temporal — Written in: **Go** [1].")
    reply = queues_bot.ask("and which languages have SDKs?", history)
    assert reply.standalone_question == "Which languages have SDKs for Temporal?"
    assert not reply.refused and "Java and TypeScript" in reply.text, reply.text  # languages, named


def test_the_article_named_after_its_subjects_is_the_article(queues_bot):
    for question in ("who's the author of the celery/temporal article and what's the publication date?",
                     "who wrote the celery vs temporal post?"):
        reply = queues_bot.ask(question)
        assert reply.text.startswith("The article is by **Priya Raman**, dated 2024-05-14"), reply.text


def test_using_both_in_one_system_is_answered_by_the_advice_to_use_them_together(queues_bot):
    reply = queues_bot.ask("can celery and temporal be used in the same system?")
    assert reply.text.startswith("For that situation the article points to **Celery** and **Temporal** together"), \
        reply.text
    # a question on what both have is no question of using them together
    reply = queues_bot.ask("do both have a web ui?")
    assert "together" not in reply.text and "Web UI" in reply.text, reply.text


def test_a_cost_adjective_asks_the_cost_row(bot):
    # "our own infrastructure" shares a word with "Infrastructure requirement"; "expensive" grades a cost
    reply = bot.ask("If we run Kubeflow on our own infrastructure, is it expensive?")
    assert reply.text.startswith("Kubeflow's self-hosted cost is **High (K8s overhead)**"), reply.text
    reply = bot.ask("is running metaflow on our own infra going to be expensive?")
    assert reply.text.startswith("No — Metaflow's self-hosted cost is **Low**"), reply.text
    # without a cost word the infrastructure row stays the answer
    reply = bot.ask("what infrastructure does kubeflow need?")
    assert reply.text.startswith("Kubeflow's infrastructure requirement is **Kubernetes expertise**"), reply.text


def test_which_one_after_a_subjects_modes_is_one_of_those(vector_bot):
    history = after("What deployment options does Milvus have?")
    reply = vector_bot.ask("Which one can I just pip install for a notebook?", history)
    assert "points to" not in reply.text, reply.text  # not which of the three databases
    assert reply.text.startswith("Milvus Lite is a Python library installed with pip"), reply.text
    # two asks: the first carries the last question too
    reply = vector_bot.ask("Which one can I just pip install for a notebook, and where does it keep the data?", history)
    assert reply.text.startswith("Milvus Lite is a Python library installed with pip that stores data in a local file"), \
        reply.text
    # "which one" after a question on no subject's options still picks among the subjects
    reply = vector_bot.ask("which one is best for billions of vectors?")
    assert reply.text.startswith("Milvus's comfortable scale is **Billions**"), reply.text
    # an earlier question's "types" are no modes to pick among; a row the follow-up names asks of them all
    history = after("What index types does Milvus support?")
    reply = vector_bot.ask("which one is cheapest on memory?", history)
    assert reply.text.startswith("Qdrant has the lowest memory appetite (**Modest**)"), reply.text


def test_which_one_after_a_question_on_kinds_of_work_still_picks_a_subject(queues_bot):
    history = after("What kinds of jobs does Celery handle well?")
    reply = queues_bot.ask("which one is better for payments?", history)
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    reply = queues_bot.ask("Which one should I choose if we already run Celery?")
    assert reply.text.startswith("For that situation the article points to **Celery**"), reply.text


def test_readings_of_this_round_that_must_not_fire(bot, queues_bot, vector_bot):
    # an everyday word "faring" with a subject is no product the article lacks
    for question in ("how do interns fare with Prefect?", "how would beginners fare with Kubeflow?"):
        assert not bot.ask(question).refused, question
    # what we use (not what a subject uses) is still a choice
    reply = queues_bot.ask("What do we use instead of Celery if our jobs run for days?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    # "expensive to learn" grades the learning curve; "is A Cloud expensive?" is no question on self-hosting
    assert bot.ask("Is Kubeflow expensive to learn?").text.startswith("Yes — Kubeflow's learning curve is **High**")
    assert "self-hosted" not in bot.ask("Is Prefect Cloud expensive?").text
    # using two subjects together is advice only where the article gives it
    assert "points to" not in bot.ask("Can Kubeflow and Metaflow be used together?").text
    # "specs" is a word of its own, not a clipped label word
    text = "what are the hardware specs for running Kubeflow?"
    assert spelled_as_corpus(text, bot.index.model, bot.index) == text
    # a sentence's first word ("Scheduling is ...") names no weekday
    reply = queues_bot.ask("which weekday does Celery Beat run periodic jobs?")
    assert reply.refused and "doesn't say which weekday" in reply.text, reply.text


def test_it_after_a_quoted_answer_is_the_thing_it_names_not_its_label(queues_bot):
    first = queues_bot.ask("which web dashboard do most teams deploy for observability?")
    assert first.text.startswith("**Celery**: “For observability, most teams deploy Flower"), first.text
    history = after("which web dashboard do most teams deploy for observability?", first.text)
    reply = queues_bot.ask("does it keep a full history?", history)
    assert "Flower" in reply.standalone_question and "limited in-memory history" in reply.text, reply.text


def test_how_to_call_it_from_code_is_answered_by_the_sentence_with_the_code(queues_bot):
    reply = queues_bot.ask("how do you trigger a celery task from code?")
    assert reply.text.startswith("You decorate a function as a task, call it with `.delay()`"), reply.text


def test_things_named_by_their_role_are_no_kind_the_article_lacks(vector_bot, bot):
    # "dependencies" names what a subject relies on, whatever they are: the sentence listing them answers
    reply = vector_bot.ask("what external dependencies does distributed milvus need to run")
    assert not reply.refused and "relying on etcd for metadata" in reply.text, reply.text
    # a kind the article never gives stays declined
    reply = bot.ask("Which Python versions does Metaflow support?")
    assert reply.refused, reply.text


def test_a_clause_of_a_long_sentence_is_heard_on_its_own(vector_bot):
    from assistant.language import clauses
    long = ("For most production workloads a single Docker container is enough, and when one node is no longer "
            "sufficient, distributed mode spreads shards across nodes and uses Raft consensus to keep cluster "
            "metadata in agreement.")
    assert clauses(long) == ["For most production workloads a single Docker container is enough",
                             "when one node is no longer sufficient, distributed mode spreads shards across nodes "
                             "and uses Raft consensus to keep cluster metadata in agreement."]
    assert clauses("Filtering is where Qdrant stands out, and it is fast.") == []  # short: one thing said
    reply = vector_bot.ask("how does qdrant keep the nodes in a cluster agreeing with each other")
    assert "uses Raft consensus" in reply.text, reply.text


def test_a_clause_after_or_is_heard_on_its_own(bot):
    # the pairing is said in the second clause of a long advice sentence ("..., or if you want ...")
    reply = bot.ask("Which experiment tracking tool does the article mention people often pair with Prefect?")
    assert not reply.refused and "Weights & Biases + Prefect is a common combination" in reply.text, reply.text


def test_what_a_subject_should_support_is_the_topic(bot, vector_bot):
    reply = bot.ask("does metaflow support azure ml compute clusters for scaling out?")
    assert reply.refused and reply.reason == "unknown_terms" and "“azure”" in reply.text, reply.text
    reply = bot.ask("does metaflow support kubernetes for scaling out?")
    assert not reply.refused and "optionally AWS Batch or Kubernetes" in reply.text, reply.text
    # two asks with a choice in the first: no single thing to support
    reply = vector_bot.ask("does weaviate support keyword search too or only vectors? and can it mix them")
    assert not reply.refused and "BM25" in reply.text, reply.text
