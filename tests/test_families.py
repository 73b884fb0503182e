"""Every encoder family a Korean user would pick goes through the same public calls as the book's BERT.

For each tiny checkpoint that `build_tiny_encoder` saves (BERT, ELECTRA, KLUE-style RoBERTa with one token type, XLM-R-style
SentencePiece, DeBERTa-v2): `fit_qa` trains the checkpoint's own class starting from the checkpoint's encoder weights and lowers
the loss; the Hugging Face export, `evaluate_model_dir`, `QAPredictor` (several windows, `top_k`, `explain`) and the web API
answer with spans of the context; a checkpoint loaded as the wrong class is refused. The corpus is a slice of the bundled sample
so each family takes a few seconds.
"""
import json, subprocess, sys
from pathlib import Path

import numpy as np
import pytest
import torch
from pytorch_lightning.callbacks import Callback
from transformers import AutoModel, BertForQuestionAnswering

from ratsqa_nb.corpus import QAExample, sample_root
from ratsqa_nb.settings import QATrainArguments
from ratsqa_nb.model import TINY_FAMILIES, build_tiny_encoder, load_model
from ratsqa_nb.training import QATask
from ratsqa_nb.pipeline import evaluate_model_dir, fit_qa
from ratsqa_nb.inference import QAPredictor
from ratsqa_nb.web import create_app

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = list(TINY_FAMILIES)
CLASSES = {"bert": "BertForQuestionAnswering", "electra": "ElectraForQuestionAnswering", "roberta": "RobertaForQuestionAnswering",
           "xlm-roberta": "XLMRobertaForQuestionAnswering", "deberta-v2": "DebertaV2ForQuestionAnswering"}


def _slice(src:Path, dst:Path, paragraphs:int):
    "The first `paragraphs` paragraphs of a KorQuAD file"
    data = json.loads(src.read_text(encoding="utf-8"))
    out, n = [], 0
    for art in data["data"]:
        keep = art["paragraphs"][:max(0, paragraphs - n)]
        if keep: out.append({**art, "paragraphs": keep}); n += len(keep)
    dst.write_text(json.dumps({"version": data.get("version", "KorQuAD_v1.0"), "data": out}, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("Korpora"); d = root/"korquad-v1"; d.mkdir()
    _slice(sample_root()/"korquad-v1"/"KorQuAD_v1.0_train.json", d/"KorQuAD_v1.0_train.json", 12)
    _slice(sample_root()/"korquad-v1"/"KorQuAD_v1.0_dev.json", d/"KorQuAD_v1.0_dev.json", 8)
    return str(root)


class Watch(Callback):
    "Records the model at step 0 and every training loss"
    def __init__(self): self.losses, self.start = [], None
    def on_train_start(self, trainer, pl_module):
        m = pl_module.model
        self.start = (type(m).__name__, {k: v.detach().clone() for k, v in getattr(m, m.base_model_prefix).state_dict().items()})
    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        self.losses.append(float(outputs["loss"] if isinstance(outputs, dict) else outputs))


def _args(enc, corpus, run, **kw) -> QATrainArguments:
    return QATrainArguments(**{**dict(pretrained_model_name=str(enc), downstream_corpus_root_dir=corpus, downstream_model_dir=str(run),
                                       max_seq_length=64, max_query_length=20, doc_stride=24, batch_size=16, epochs=2, learning_rate=3e-3,
                                       warmup_ratio=0.0, cpu_workers=0, accelerator="cpu", devices=1, seed=0, monitor="max val_f1"), **kw})


@pytest.mark.parametrize("family", FAMILIES)
def test_family_trains_evaluates_predicts_serves(family, corpus, tmp_path):
    enc = build_tiny_encoder(family, tmp_path/"encoder")
    run = tmp_path/"run"
    watch = Watch()
    task, trainer = fit_qa(_args(enc, corpus, run), progress=False, callbacks=[watch], enable_model_summary=False)

    # (3) the model that trains is the checkpoint's class, starting from the checkpoint's encoder weights
    name, state = watch.start
    assert name == CLASSES[family]
    saved = AutoModel.from_pretrained(enc).state_dict()
    for k, v in state.items(): assert torch.equal(v, saved[k]), (family, k)
    # (4) training lowers the loss (mean of the first and the last five steps)
    assert len(watch.losses) >= 10 and np.mean(watch.losses[-5:]) < np.mean(watch.losses[:5]) - 0.3, watch.losses

    # the Hugging Face export reopens as the same architecture, and evaluate_model_dir scores it
    hf = run/"hf"
    assert json.loads((hf/"config.json").read_text())["model_type"] == family
    scores = evaluate_model_dir(run/"hf", Path(corpus)/"korquad-v1"/"KorQuAD_v1.0_dev.json", tmp_path/"eval")
    assert 0 <= scores["exact_match"] <= scores["f1"] <= 100
    preds = json.loads(Path(scores["predictions_file"]).read_text(encoding="utf-8"))
    assert preds and all(p == p.strip() for p in preds.values()) # never an answer that starts or ends with whitespace

    # QAPredictor on a context longer than one window: spans of the text sent, top_k, explain
    pred = QAPredictor.from_pretrained(run)
    assert type(pred.model).__name__ == CLASSES[family]
    context = " ".join(["바람골 마을은 1832년에 세워졌다."] * 40)
    assert len(pred.features([QAExample("q", "언제?", context)])) > 1
    answers = pred.predict("바람골 마을은 언제 세워졌나?", context, top_k=3, explain=True)
    assert 1 <= len(answers) <= 3
    for a in answers:
        assert context[a["start"]:a["end"]] == a["answer"] and a["answer"] == a["answer"].strip()

    # the web API
    client = create_app(pred, examples=[]).test_client()
    r = client.post("/api/predict", json={"question": "바람골 마을은 언제 세워졌나?", "context": "바람골 마을은 1832년에 세워졌다."})
    assert r.status_code == 200, r.get_data(as_text=True)
    body = r.get_json()
    a = body if "answer" in body else body.get("answers", [body])[0]
    assert "바람골 마을은 1832년에 세워졌다."[a["start"]:a["end"]] == a["answer"]


@pytest.mark.parametrize("family", ["electra", "roberta", "xlm-roberta"])
def test_book_class_on_another_family_is_refused(family, tmp_path):
    "The book's Code 11 (BertForQuestionAnswering.from_pretrained) on a non-BERT checkpoint: QATask refuses it, load_model names what is lost"
    enc = build_tiny_encoder(family, tmp_path/"encoder")
    with pytest.raises(ValueError, match=f"a {family} checkpoint, and .* encoder weights of BertForQuestionAnswering are not in it"):
        load_model(enc, auto=False)
    book = BertForQuestionAnswering.from_pretrained(enc)
    with pytest.raises(ValueError, match=f"a {family} checkpoint: its bert encoder weights were not in it"):
        QATask(book, QATrainArguments())


def test_resume_and_cli_on_sentencepiece_family(corpus, tmp_path):
    "XLM-R style: a run resumes from last.ckpt, and ratsqa_predict answers from the run folder"
    enc = build_tiny_encoder("xlm-roberta", tmp_path/"encoder")
    run = tmp_path/"run"
    first = Watch()
    fit_qa(_args(enc, corpus, run, epochs=1), progress=False, callbacks=[first], enable_model_summary=False)
    watch = Watch()
    _, trainer = fit_qa(_args(enc, corpus, run, epochs=2, resume_from_checkpoint=str(run/"last.ckpt")), progress=False,
                        callbacks=[watch], enable_model_summary=False)
    assert trainer.current_epoch == 2 and len(watch.losses) == len(first.losses) > 0 # only the second epoch ran
    r = subprocess.run([str(Path(sys.executable).parent/"ratsqa_predict"), "--model_dir", str(run), "--question", "바람골 마을은 언제 세워졌나?",
                        "--context", "바람골 마을은 1832년에 세워졌다."], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
