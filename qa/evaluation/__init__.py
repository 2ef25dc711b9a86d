"""The benchmark: a hand-written question set, retrieval and answer metrics, a report.

Stages, one per module:

- ``dataset``  — load and validate ``eval/questions.jsonl`` into ``Question`` records;
- ``metrics``  — the formulas (Hit@k, MRR@10, nDCG@10, answer match, abstention, latency);
- ``overlap``  — how many content words each question shares with its gold clause;
- ``runner``   — ask every question under every configuration, collect ``Record``s;
- ``report``   — terminal table, ``report.md``, ``chart.png``, ``results.json``;
- ``cli``      — the ``qa eval`` subcommand.

>>> from qa.evaluation.dataset import load_questions
>>> from qa.evaluation.runner import parse_configs, run_benchmark
>>> result = run_benchmark(load_questions("eval/questions.jsonl"), parse_configs("lexical,hybrid"))
"""
