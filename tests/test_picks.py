"""Which sentences and which advice answer a question (dev13 round): on several subjects, each
subject's own sentence on the topic asked, not one that only names the others too; a subject named
only in the setting of "which tool fits?" leaves the choice open."""


def test_each_subject_answers_with_its_own_sentence_on_the_topic(queues_bot):
    # The Temporal sentence "Where Celery hands messages to a broker, Temporal keeps state ..." names
    # both subjects, so it is closest to any question naming both; it says nothing of dashboards or retries
    reply = queues_bot.ask("compare the monitoring dashboards for celery vs temporal")
    assert "Flower" in reply.text and "Temporal Web UI" in reply.text, reply.text
    reply = queues_bot.ask("temporal gives up after 3 retries by default just like celery does, correct?")
    assert "no maximum number of attempts" in reply.text, reply.text
    assert "three attempts" in reply.text, reply.text  # and what Celery does, which the premise had right
    # where the two-subject sentence is on the topic, it is still the one that answers
    reply = queues_bot.ask("where do celery and temporal each keep their state?")
    assert "Temporal keeps state in its own server" in reply.text, reply.text


def test_a_subject_named_only_in_the_setting_leaves_the_choice_open(queues_bot):
    question = ("I'm on the payments platform team (~60 engineers). Our charge-and-settle flow has like 8 steps "
                "and if one gets dropped or runs twice we lose money. Celery chords are getting scary. Which tool fits?")
    reply = queues_bot.ask(question)
    assert reply.text.startswith("For that situation the article points to **Temporal**"), reply.text
    # a question that asks about the subject it names keeps to it
    index = queues_bot.index
    q = queues_bot.prepare(index, "We send emails in the background. Is Celery a good fit for that?").question
    assert q.subjects == ["celery"], q.subjects
    q = queues_bot.prepare(index, "We send emails with Celery today. Which tool fits best for a multi-step payment flow?").question
    assert q.subjects == [], q.subjects
