"""How questions are read and answered (dev19 round): phrasal verbs as the corpus's one word ("stood
up", "try again"); a cell stated across a hyphen ("one-hour"); the author's advice vs the byline; "what
should we do?"; a condition up to the words that ask; "A being X, ...?" premises another name
contradicts; "where does A keep ...?"; "it" after "what is <a name for A>?"; what paying for a thing
buys; "good enough as an audit trail?"; what most teams use; "what's it gonna cost?"; a level claimed of
one subject; what they leave to you; code for "how do I turn X into Y?"; "which version of A ...?";
"it" after "does A have a ...?"; "either/or". Each test also asks what must not fire."""

from conftest import after


def test_phrasal_verbs_read_as_the_one_word_the_corpus_writes(bot, queues_bot):
    reply = bot.ask("getting metaflow stood up the first time — painful or nah?")
    assert reply.text.startswith("Metaflow's setup complexity is **Medium**"), reply.text
    reply = queues_bot.ask("how does temporal deal with a step that fails — does it try again on its own?")
    assert reply.text.startswith("Temporal's retries are **Automatic"), reply.text
    from assistant import language as lang
    assert lang.phrased_as_one_word("we tried again and it stood up") == "we retry and it set up"
    assert lang.phrased_as_one_word("try the other one") == "try the other one"  # no "again": no retry


def test_a_cell_stated_across_a_hyphen_settles_its_row(queues_bot):
    # "a task that runs longer than the one-hour visibility timeout": the passage states "Awkward beyond an hour"
    reply = queues_bot.ask("Multi-day processes in Celery: feasible or a pain?")
    assert reply.text.startswith("Celery's long-running workflows are **Awkward beyond an hour**"), reply.text


def test_what_the_author_suggests_is_the_advice_not_the_byline(queues_bot):
    reply = queues_bot.ask("We're building a payments process with a lot of steps that absolutely all have to "
                           "finish eventually. What does the author suggest?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    reply = queues_bot.ask("who is the author?")  # the byline still answers who wrote it
    assert "Priya Raman" in reply.text, reply.text


def test_what_should_we_do_after_a_situation_asks_the_advice(queues_bot):
    reply = queues_bot.ask("need processes that run for weeks and survive deploys, but there's no way we're "
                           "operating a database cluster. what should we do?")
    assert "Temporal Cloud" in reply.text and "article points to" in reply.text, reply.text


def test_a_condition_ends_where_the_question_asks(queues_bot):
    # "if a worker segfaults ..." is the asker's circumstance; what happens to the job is the question
    reply = queues_bot.ask("if a celery worker segfaults halfway through a job what happens to that job by default")
    assert not reply.refused and "late acknowledgement" in reply.text, reply.text
    reply = queues_bot.ask("what happens if celery segfaults?")  # the condition is all it asks about
    assert reply.refused and "segfaults" in reply.text, reply.text


def test_a_premise_set_with_being_is_checked(queues_bot, vector_bot):
    reply = vector_bot.ask("milvus being a CNCF graduated project, is it safe to assume long-term governance?")
    assert reply.text.startswith("No — that premise doesn't match the article") and "LF AI & Data" in reply.text, reply.text
    reply = queues_bot.ask("temporal being apache 2.0 licensed, do we need to include a NOTICE file?")
    assert "**MIT**" in reply.text, reply.text
    # a premise the sentence holds (the same names) is no contradiction
    reply = vector_bot.ask("milvus being an LF AI & Data graduated project, who created it?")
    assert "No — that premise" not in reply.text and "Zilliz" in reply.text, reply.text


def test_where_does_it_keep_asks_the_row_whose_label_says_where_a_thing_lives(queues_bot):
    reply = queues_bot.ask("where does celery keep track of which jobs are still pending?")
    assert reply.text.startswith("Celery — Where state lives"), reply.text
    reply = queues_bot.ask("where do celery workers usually end up running?")  # no verb of keeping: no row
    assert "Where state lives" not in reply.text, reply.text


def test_it_after_what_is_a_name_for_a_subject_is_that_name(bot):
    reply = bot.ask("ok and what does paying for it actually buy you?", after("what is outerbounds?"))
    assert "outerbounds" in reply.standalone_question.lower(), reply.standalone_question
    assert "removes the operational overhead" in reply.text, reply.text  # what it does, not its table cell
    assert not reply.text.startswith("Metaflow's managed options"), reply.text


def test_a_question_with_no_subject_or_verb_judges_what_was_just_named(queues_bot):
    reply = queues_bot.ask("good enough as an audit trail?", after("What do Celery teams use for monitoring?"))
    assert reply.standalone_question.lower().startswith("is "), reply.standalone_question
    assert "no substitute for an audit trail" in reply.text, reply.text


def test_what_most_teams_use_is_answered_by_the_sentence_saying_so(queues_bot):
    # the follow-up carries "what do Celery teams use ...?": the passage saying what most teams deploy is
    # brought and its sentence preferred, though "monitoring" embeds far from its "observability"
    reply = queues_bot.ask("does it keep history long term?", after("What do Celery teams use for monitoring?"))
    assert "limited in-memory history" in reply.text, reply.text
    from assistant import shapes
    assert shapes.answer_shape("what do most teams use to watch it?") is shapes.COMMON_USE
    assert shapes.answer_shape("what does it use to store state?") is None  # what it uses, not what people do


def test_what_it_will_cost_asks_the_cost_row(bot):
    # "on our own infra" says a word of "Infrastructure requirement"; "what's it gonna cost" asks the cost
    reply = bot.ask("what's it gonna cost us to run kubeflow on our own infra?")
    assert reply.text.startswith("Kubeflow's self-hosted cost is **High"), reply.text
    reply = bot.ask("what infra does kubeflow need?")  # no cost asked: the infrastructure row
    assert reply.text.startswith("Kubeflow's infrastructure requirement"), reply.text


def test_a_claimed_level_for_one_subject_is_judged_not_advised(bot):
    reply = bot.ask("kubeflow's the lightweight pick right? I heard you can have it up in like an hour")
    assert reply.text.startswith("No — that premise doesn't match the article: Kubeflow's setup complexity is **High**"), reply.text
    reply = bot.ask("metaflow's the right pick for a 10 person team, right?")  # a pick confirmed: the advice
    assert reply.text.startswith("For that situation the article points to **Metaflow**"), reply.text


def test_what_they_leave_to_you_is_what_they_do_not_handle(bot):
    reply = bot.ask("so what parts of the ML stack do these frameworks typically leave to you?")
    assert "They don’t typically handle: model serving" in reply.text, reply.text


def test_the_code_sentence_answers_how_to_turn_something_into_a_flow(bot):
    # "Decorating functions with @flow and @task ..." is less similar than the min for a second sentence
    reply = bot.ask("how do i turn a regular python function into something prefect orchestrates?")
    assert "@flow and @task" in reply.text, reply.text


def test_which_thing_of_a_subject_asks_no_pick(bot):
    reply = bot.ask("which version of prefect should i be looking at?")
    assert "significant rewrite" in reply.text and "article points to" not in reply.text, reply.text
    reply = bot.ask("which situations is kubeflow the right choice for?")  # a fit: still the advice
    assert reply.text.startswith("For that situation the article points to **Kubeflow**"), reply.text


def test_it_after_does_a_have_a_thing_is_the_thing_the_answer_named(queues_bot):
    history = after("does temporal have a managed offering?", "Temporal's managed service is **Temporal Cloud** [1].")
    reply = queues_bot.ask("what do I still have to run myself if I use it?", history)
    assert "Temporal Cloud" in reply.standalone_question and "your own workers" in reply.text, reply.text


def test_either_or_asks_whether_they_are_used_together(queues_bot):
    reply = queues_bot.ask("is it either/or — do we have to choose between celery and temporal?")
    assert "keep Celery for fire-and-forget jobs" in reply.text, reply.text


def test_what_code_construct_a_thing_is_written_as_answers_how_to_write_it(bot):
    # "Flows are Python classes. Steps are methods." shows no code, but says how a pipeline is written
    reply = bot.ask("in metaflow how do you actually structure a pipeline in code")
    assert "Flows are Python classes" in reply.text and "Steps are methods" in reply.text, reply.text
    from assistant import shapes
    assert shapes.CODE.search("Steps are methods.") and not shapes.CODE.search("Its design is a class of its own.")


def test_the_rounds_rules_do_not_fire_on_questions_they_were_not_meant_for(bot, queues_bot, vector_bot):
    # a problem described, then "what should I do?": the fix the article gives, not which tool to pick
    reply = queues_bot.ask("Beat fired every periodic job twice. What should I do?")
    assert reply.text.startswith("Beat must run as exactly one instance"), reply.text
    # a figure with its magnitude is no release; a sentence's first word is no product
    reply = vector_bot.ask("With 2.5 million vectors and lots of filters, which database should we pick?")
    assert not reply.refused, reply.text
    reply = vector_bot.ask("Is Wevaite written in Go?")  # two edits off a seven-letter word: a typo
    assert not reply.refused and "Go" in reply.text, reply.text
    # a name the sentence writes in a longer form ("PostgreSQL") is no contradicted premise
    reply = queues_bot.ask("Temporal keeps state in a Postgres database, so do we need a DBA?")
    assert "that premise doesn't match" not in reply.text, reply.text
    reply = vector_bot.ask("Great, and how does it filter?", after("Tell me about Weaviate"))
    assert not reply.refused and "filter" in reply.text.lower(), reply.text
    reply = queues_bot.ask("Which languages does Temporal have SDKs for?")  # the SDKs', not the server's
    assert not reply.text.startswith("Temporal — Written in"), reply.text
    reply = queues_bot.ask("Where does Celery Beat keep its schedule?")  # a thing of the corpus keeps it
    assert "Where state lives" not in reply.text, reply.text
    reply = bot.ask("Who wrote this article and what do they recommend?")
    assert "The article is by" in reply.text, reply.text
    reply = vector_bot.ask("Once we deploy pgvector, how do we filter by tenant?")  # a setting names the topic
    assert reply.refused and "pgvector" in reply.text, reply.text
    reply = queues_bot.ask("If Temporal doesn't work out, can we try again with Celery later?")
    assert "retries are" not in reply.text.split(" [")[0].lower(), reply.text
    reply = bot.ask("Doesn't Metaflow offer a managed option?")  # a negative yes/no keeps its row
    assert "Outerbounds" in reply.text.split(" [")[0], reply.text
    reply = vector_bot.ask("How is it weighted?", after("Does Weaviate have a hybrid search?",
                                                        "Weaviate is built by Weaviate B.V. ... hybrid search [1]."))
    assert "Weaviate B" not in reply.standalone_question and "hybrid search" in reply.standalone_question, reply.standalone_question
