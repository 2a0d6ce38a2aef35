"""How questions are read and answered (dev21 round): the author as the one who says a thing; "The article
says X. ...?" as a premise; "priciest"; "how big ...?" after a lead-in clause; living side by side; "— how
many ...?" after a statement; a question that says the negation itself. Each test also asks what must not fire."""


def test_the_author_saying_a_thing_is_not_a_question_about_the_byline(bot):
    reply = bot.ask("For a typical Series A AI startup, which does the author call the default choice?")
    assert "Metaflow is the right default choice" in reply.text and "mlai.qa Team" not in reply.text, reply.text
    reply = bot.ask("Why does the author think it's important to be clear on what these frameworks cover?")
    assert "mlai.qa Team" not in reply.text, reply.text
    reply = bot.ask("who is the author?")  # the byline still answers who wrote it
    assert "mlai.qa Team" in reply.text, reply.text


def test_what_the_article_is_said_to_say_is_a_premise_checked(bot):
    reply = bot.ask("The article recommends Kubeflow as the default for Series A startups. What's the reasoning?")
    assert reply.text.startswith("No — that premise doesn't match the article, which says this of Metaflow"), reply.text
    reply = bot.ask("The article says Prefect only really works for teams of 20+, so we're too small for it. "
                    "What should we use instead?")
    assert reply.text.startswith("No — that premise doesn't match the article: Prefect's best team size is **Any**"), \
        reply.text
    # the article's own claim, restated, is no false premise
    reply = bot.ask("The article says Metaflow is the right default for Series A startups. Why?")
    assert not reply.refused and "No — that premise" not in reply.text, reply.text


def test_priciest_judges_the_cost_row(bot):
    reply = bot.ask("why is self-hosted prefect the priciest option?")
    assert reply.text.startswith("No — that premise doesn't match the article: Prefect's self-hosted cost is **Low**"), \
        reply.text
    assert "Kubeflow's (**High (K8s overhead)**)" in reply.text, reply.text


def test_how_big_after_a_lead_in_asks_the_row_not_the_advice(bot):
    reply = bot.ask("We're 6 engineers total. According to the comparison table, how big a team should you have "
                    "before Kubeflow fits?")
    assert reply.text.startswith("Kubeflow's best team size is **20+ (ML platform team)**"), reply.text
    reply = bot.ask("We're 6 engineers total. Which one fits us?")  # a pick is still asked for
    assert "article points to" in reply.text, reply.text


def test_living_side_by_side_asks_whether_they_are_used_together(queues_bot):
    reply = queues_bot.ask("do we really have to pick one? could celery and temporal live side by side?")
    assert reply.text.startswith("For that situation the article points to **Celery** and **Temporal** together"), \
        reply.text


def test_how_many_after_a_statement_needs_a_number(bot):
    reply = bot.ask("The article calls these the most popular MLOps frameworks — how many companies actually use "
                    "each one?")
    assert reply.refused and "how many" in reply.text, reply.text
    reply = bot.ask("Metaflow's sweet spot — how many ML engineers?")  # the table gives that number
    assert not reply.refused and "3–15" in reply.text, reply.text


def test_a_question_saying_the_negation_itself_is_not_answered_no(bot):
    reply = bot.ask("can i run metaflow on my laptop without any infrastructure?")
    assert not reply.text.startswith("No"), reply.text


def test_a_situation_said_in_the_advices_own_words_asks_the_advice(bot):
    reply = bot.ask("We want the most minimal setup and don't mind tracking experiments separately. Which one?")
    assert reply.text.startswith("For that situation the article points to **Prefect**"), reply.text
    reply = bot.ask("which has the lowest setup complexity?")  # the row alone: the table
    assert reply.text.startswith("Prefect has the lowest setup complexity"), reply.text


def test_a_leading_condition_does_not_hide_the_row_asked(bot):
    reply = bot.ask("If we'd rather not babysit Kubeflow ourselves, is there a managed way to get it?")
    assert "**Vertex AI Pipelines**" in reply.text, reply.text
    reply = bot.ask("if we self host prefekt, is the bill going to be big?")  # the condition holds the row
    assert not reply.refused and "**Low**" in reply.text, reply.text


# From the round's review: what the new rules must not do.
def test_a_no_needs_the_negation_to_fall_on_what_is_asked(bot, vector_bot, queues_bot):
    reply = bot.ask("Is migrating MLOps infrastructure expensive?")  # "not permanent — but migrating ... is expensive"
    assert not reply.text.startswith("No"), reply.text
    reply = vector_bot.ask("Does Milvus offer many index types?")  # "No other engine here offers as many"
    assert not reply.text.startswith("No"), reply.text
    reply = queues_bot.ask("Does Celery keep state in Redis?")  # a value of the row: the table answers, once
    assert reply.text.startswith("Yes") and "No —" not in reply.text, reply.text


def test_advice_against_follows_the_question_and_its_head_count(bot):
    reply = bot.ask("Is Kubeflow a bad pick for a 10-person startup?")
    assert reply.text.startswith("Yes — for that situation the article advises against **Kubeflow**"), reply.text
    for question in ("Is Kubeflow a good fit for a startup on GCP?", "Is Kubeflow a sensible pick for a 30-person startup?"):
        reply = bot.ask(question)
        assert "advises against" not in reply.text, reply.text


def test_review_cases_of_over_broad_shapes(queues_bot, bot):
    reply = queues_bot.ask("What does Temporal do if a charge fails halfway?")  # a payment, not a price
    assert not reply.refused, reply.text
    reply = queues_bot.ask("Do we have to pick one broker for Celery?")  # not "must we pick one of them?"
    assert "together" not in reply.text, reply.text
    reply = queues_bot.ask("Does the author mention when this was written?")  # still the byline
    assert "Priya Raman" in reply.text, reply.text
    reply = queues_bot.ask("We deploy on AWS or Azure and send lots of emails. Which one should we pick?")
    assert not reply.refused, reply.text  # the names are the asker's setting, not the choice offered
    reply = bot.ask("How does Prefect's setup complexity compare to Kubeflow's?")  # a comparison on another row
    assert "learning curve for Prefect" not in reply.text, reply.text
    from assistant import language as lang
    assert lang.phrased_as_one_word("easy for another worker to pick up the workflow") == \
        "easy for another worker to pick up the workflow"


def test_a_sentence_of_context_before_the_ask_is_not_its_topic(bot):
    # "sklearn" is in the sentence that sets the scene; what is asked is Kubeflow's learning curve
    reply = bot.ask("My data scientists mostly know pandas and sklearn. Is Kubeflow going to be easy for them to learn?")
    assert reply.text.startswith("Kubeflow's learning curve is **High**"), reply.text
    reply = bot.ask("does Kubeflow work with sklearn?")  # asked about itself: the article never says
    assert reply.refused and "sklearn" in reply.text, reply.text


def test_another_subjects_advice_that_fits_the_situation_clearly_better_is_given(queues_bot):
    reply = queues_bot.ask("We're three devs on a Django monolith, already running Redis, and we just need emails "
                           "and thumbnails done in the background. Someone suggested self-hosting Temporal. Worth it?")
    assert reply.text.startswith("For that situation the article points to **Celery**"), reply.text
    assert "Temporal" in reply.text, reply.text  # and the closest of the advice on the one asked about
    reply = queues_bot.ask("we need multi-week payment flows that survive deploys. is temporal worth it?")
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text


# From the second review: a superlative asked stays the table's; a "No —" falls on the denial itself.
def test_second_review_cases(bot):
    reply = bot.ask("Which is cheapest to self-host for a team of data scientists without infrastructure expertise?")
    assert reply.text.startswith("Metaflow and Prefect have the lowest self-hosted cost"), reply.text
    reply = bot.ask("Do these frameworks handle model serving?")
    assert reply.text.startswith("No — They don’t typically handle"), reply.text
    reply = bot.ask("Is Prefect worth it for a team of 5 data scientists?")  # another's advice, and Prefect's own
    assert "rather than" not in reply.text and "Best fit: Prefect" in reply.text, reply.text
