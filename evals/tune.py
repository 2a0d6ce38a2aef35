"""Sets the refusal thresholds from the tuning split (the held-back split is never looked at).

    python -m evals.tune      # prints the pass rate of the tuning split over a grid of thresholds
"""

from __future__ import annotations

import itertools

from assistant import Assistant

from .runner import run_assistant
from .scoring import load_cases, summarise

MIN_SENTENCE = [0.25, 0.30, 0.35, 0.40, 0.45, 0.50]
CONFIDENT = [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 1.01]


def main() -> None:
    bot = Assistant.load()
    cases = [c for c in load_cases() if c.split == "tune"]
    rows = []
    for low, high in itertools.product(MIN_SENTENCE, CONFIDENT):
        bot.settings = bot.settings.model_copy(
            update={"min_sentence_score": low, "confident_sentence_score": high})
        m = summarise(run_assistant(bot, cases))
        rows.append((m["pass_rate"], m["refusal_recall"], m["refusal_precision"], low, high))
        print(f"min_sentence_score={low:.2f} confident_sentence_score={high:.2f} "
              f"pass={m['pass_rate']:.3f} refusal P={m['refusal_precision']} R={m['refusal_recall']}")
    best = max(rows, key=lambda r: (r[0], r[1], -abs(r[3] - 0.4)))
    print(f"best: min_sentence_score={best[3]} confident_sentence_score={best[4]} pass={best[0]}")


if __name__ == "__main__":
    main()
