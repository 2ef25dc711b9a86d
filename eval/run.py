"""Thin entry point: ``python eval/run.py --split dev --configs lexical,dense,hybrid``.

Same options as ``qa eval``; the code lives in ``qa/evaluation/``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.evaluation.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
