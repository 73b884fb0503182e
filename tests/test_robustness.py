"""Robustness: a training run killed mid-epoch and resumed, damaged caches and checkpoints, fuzzed corpus files
and web requests, and a bounded load test of the web demo on 127.0.0.1.

Everything runs on the CPU with a small BERT (hidden 64, 2 layers) and reduced copies of the bundled sample.
The fuzz tests need `hypothesis` (a dev requirement); they are skipped where it is missing.
"""
from __future__ import annotations
import json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.error, urllib.request, warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch

try:
    from hypothesis import HealthCheck, given, settings, strategies as st
    HAVE_HYPOTHESIS = True
except ImportError: # pragma: no cover
    HAVE_HYPOTHESIS = False
needs_hypothesis = pytest.mark.skipif(not HAVE_HYPOTHESIS, reason="hypothesis is not installed (pip install hypothesis)")

BIN = Path(sys.executable).parent # console scripts of the installed package (pip install -e .)
# one thread per training process: bit-identical results from run to run, and two runs fit on two cores
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false", "PYTHONWARNINGS": "ignore"}


def _subset(src:Path, dest:Path, n_questions:int):
    "Copy the first paragraphs of a KorQuAD file, up to `n_questions` questions"
    d = json.loads(src.read_text(encoding="utf-8"))
    data, n = [], 0
    for art in d["data"]:
        paras = []
        for p in art["paragraphs"]:
            if n >= n_questions: break
            paras.append(p); n += len(p["qas"])
        if paras: data.append({**art, "paragraphs": paras})
        if n >= n_questions: break
    dest.write_text(json.dumps({"version": d.get("version", "sample"), "data": data}, ensure_ascii=False), encoding="utf-8")
    return n


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    "Tiny tokenizer and BERT, a reduced corpus (about 200 train / 30 dev questions), a predictor"
    from ratsqa_nb.corpus import sample_root
    from ratsqa_nb.tokenizer import build_tiny_tokenizer
    from ratsqa_nb.model import build_tiny_bert
    from ratsqa_nb.inference import QAPredictor
    root = tmp_path_factory.mktemp("robust")
    tok = build_tiny_tokenizer(root/"tok")
    model = build_tiny_bert(root/"tiny-bert", tok, hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128)
    corpus = root/"Korpora"/"korquad-v1"; corpus.mkdir(parents=True)
    src = sample_root()/"korquad-v1"
    n_train = _subset(src/"KorQuAD_v1.0_train.json", corpus/"KorQuAD_v1.0_train.json", 200)
    _subset(src/"KorQuAD_v1.0_dev.json", corpus/"KorQuAD_v1.0_dev.json", 30)
    predictor = QAPredictor.from_pretrained(model, device="cpu")
    return SimpleNamespace(root=root, tok=tok, model=model, corpus_root=root/"Korpora", n_train=n_train, predictor=predictor)


def _train_cmd(t, out_dir, *extra):
    return [str(BIN/"ratsqa_train"), "--pretrained_model_name", str(t.model), "--downstream_corpus_root_dir", str(t.corpus_root),
            "--downstream_model_dir", str(out_dir), "--epochs", "3", "--cpu_workers", "0", "--accelerator", "cpu", "--devices", "1",
            "--batch_size", "8", "--learning_rate", "1e-3", "--save_top_k", "-1", "--seed", "7", "--log_every_n_steps", "5",
            *map(str, extra)]


def _state(ckpt:Path)->dict:
    return torch.load(ckpt, map_location="cpu", weights_only=False)


# ------------------------------------------------------------------------------------------------------------------
# (a) kill -9 during the second epoch, resume from last.ckpt: the same final weights as an uninterrupted run

def test_killed_run_resumes_to_the_same_weights(tiny, tmp_path):
    full_dir, cut_dir = tmp_path/"full", tmp_path/"cut"
    logs = {k: open(tmp_path/f"{k}.log", "w") for k in ("full", "cut", "resumed")}
    try:
        # the uninterrupted run and the run to be killed go side by side (two cores)
        full = subprocess.Popen(_train_cmd(tiny, full_dir), stdout=logs["full"], stderr=subprocess.STDOUT, env=ENV)
        cut = subprocess.Popen(_train_cmd(tiny, cut_dir), stdout=logs["cut"], stderr=subprocess.STDOUT, env=ENV)
        try:
            deadline = time.monotonic() + 300
            # the first epoch is over when its checkpoint and last.ckpt are there
            while not (list(cut_dir.glob("epoch=0-*.ckpt")) and (cut_dir/"last.ckpt").exists()):
                assert cut.poll() is None, f"the run ended (code {cut.returncode}) before it could be killed: {(tmp_path/'cut.log').read_text()[-2000:]}"
                assert time.monotonic() < deadline, "no first-epoch checkpoint within 300 s"
                time.sleep(0.02)
            time.sleep(0.5) # a few batches into the second epoch
            assert cut.poll() is None
            cut.send_signal(signal.SIGKILL)
            assert cut.wait(timeout=30) == -signal.SIGKILL
        finally:
            if cut.poll() is None: cut.kill()
        assert not list(cut_dir.glob("epoch=1-*.ckpt")), "the kill came after the second epoch had ended (epochs too short)"
        assert _state(cut_dir/"last.ckpt")["epoch"] == 0 # what the kill left: the end of the first epoch

        resumed = subprocess.run(_train_cmd(tiny, cut_dir, "--resume_from_checkpoint", cut_dir/"last.ckpt"),
                                 stdout=logs["resumed"], stderr=subprocess.STDOUT, env=ENV, timeout=600)
        assert resumed.returncode == 0, (tmp_path/"resumed.log").read_text()[-3000:]
        assert full.wait(timeout=600) == 0, (tmp_path/"full.log").read_text()[-3000:]
    finally:
        for f in logs.values(): f.close()
        for p in ("full", "cut"):
            proc = locals().get(p)
            if proc is not None and proc.poll() is None: proc.kill()

    a, b = _state(full_dir/"last.ckpt"), _state(cut_dir/"last.ckpt")
    assert (a["epoch"], a["global_step"]) == (b["epoch"], b["global_step"]) and a["epoch"] == 2
    assert a["state_dict"].keys() == b["state_dict"].keys()
    for k in a["state_dict"]: # bit-identical, not merely close
        assert torch.equal(a["state_dict"][k], b["state_dict"][k]), k
    # the checkpoints of every epoch agree too, and so does the exported Hugging Face model
    for ck in sorted(full_dir.glob("epoch=*.ckpt")):
        twin = cut_dir/ck.name
        assert twin.exists(), f"{ck.name} has no twin in the resumed run: {sorted(p.name for p in cut_dir.glob('*.ckpt'))}"
        sa, sb = _state(ck)["state_dict"], _state(twin)["state_dict"]
        assert all(torch.equal(sa[k], sb[k]) for k in sa), ck.name
    assert (full_dir/"hf"/"model.safetensors").read_bytes() == (cut_dir/"hf"/"model.safetensors").read_bytes()


# ------------------------------------------------------------------------------------------------------------------
# (b) damaged feature cache and damaged checkpoints

def _dataset_args(tiny, root):
    from ratsqa_nb.settings import QATrainArguments
    return QATrainArguments(pretrained_model_name=str(tiny.model), downstream_corpus_root_dir=str(root),
                            downstream_model_dir=str(root/"run"), cpu_workers=0)


def _damage_cache(d, what):
    "Damage the cache folder `d` the way `what` says"
    bins = sorted(d.glob("*.bin"))
    if what == "meta.json missing": (d/"meta.json").unlink()
    elif what == "meta.json garbage": (d/"meta.json").write_bytes(b"\x00garbage" * 64)
    elif what == "meta.json empty": (d/"meta.json").write_bytes(b"")
    elif what == "meta.json from another key":
        m = json.loads((d/"meta.json").read_text()); m["key"] = "0" * 20; (d/"meta.json").write_text(json.dumps(m))
    elif what == "array truncated to half": p = d/"context_ids.bin"; p.write_bytes(p.read_bytes()[:p.stat().st_size // 2])
    elif what == "array emptied": (d/"window_start.bin").write_bytes(b"")
    elif what == "array deleted": (d/"question_ptr.bin").unlink()
    elif what == "byte flipped in the examples":
        p = d/"example_records.bin"; b = bytearray(p.read_bytes()); b[len(b) // 2] ^= 0x20; p.write_bytes(bytes(b))
    elif what == "folder replaced by a file": shutil.rmtree(d); d.write_bytes(b"not a folder")
    else: raise ValueError(what)
    assert bins, "the cache folder holds no arrays"


@pytest.mark.parametrize("what", ["meta.json missing", "meta.json garbage", "meta.json empty", "meta.json from another key",
                                  "array truncated to half", "array emptied", "array deleted", "byte flipped in the examples",
                                  "folder replaced by a file"])
def test_damaged_feature_cache_is_rebuilt_with_a_warning(tiny, tmp_path, what):
    from ratsqa_nb.corpus import KorQuADV1Corpus
    from ratsqa_nb.dataset import QADataset
    shutil.copytree(tiny.corpus_root, tmp_path/"Korpora")
    for p in (tmp_path/"Korpora"/"korquad-v1").glob("cached_*"): shutil.rmtree(p) if p.is_dir() else p.unlink()
    args = _dataset_args(tiny, tmp_path/"Korpora")
    build = lambda: QADataset(args, KorQuADV1Corpus(), tiny.tok, mode="val", progress=False)
    first = build()
    assert first.cache_dir.is_dir() and not first.loaded_from_cache
    want = {k: np.array(v) for k, v in {**first.features.tokens, **first.features.windows}.items()} # copies: the files get damaged
    want_ids = [e.question_id for e in first.examples]
    del first
    _damage_cache(build().cache_dir, what)
    with pytest.warns(UserWarning, match=r"(?s)is unreadable.*rebuilding it"):
        again = build()
    assert not again.loaded_from_cache
    for k, v in want.items(): np.testing.assert_array_equal(np.asarray({**again.features.tokens, **again.features.windows}[k]), v, err_msg=k)
    assert [e.question_id for e in again.examples] == want_ids
    with warnings.catch_warnings():
        warnings.simplefilter("error") # the rewritten cache loads without a warning
        assert build().loaded_from_cache
    assert not [p.name for p in again.cache_dir.parent.iterdir() if p.name.startswith(".")], "temporary folders left behind"


def test_cache_write_failing_midway_leaves_the_corpus_folder_as_it_was(tiny, tmp_path):
    "A write that fails part-way (the process's file-size limit, as a full disk would) warns, cleans up and builds in memory"
    resource = pytest.importorskip("resource")
    import signal
    from ratsqa_nb.corpus import KorQuADV1Corpus
    from ratsqa_nb.dataset import QADataset
    shutil.copytree(tiny.corpus_root, tmp_path/"Korpora")
    folder = tmp_path/"Korpora"/"korquad-v1"
    for p in folder.glob("cached_*"): shutil.rmtree(p) if p.is_dir() else p.unlink()
    before = sorted(p.name for p in folder.iterdir())
    args = _dataset_args(tiny, tmp_path/"Korpora")
    reference = QADataset(args, KorQuADV1Corpus(), tiny.tok, mode="train", progress=False, cache=False)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN) # a write past the limit then fails with EFBIG instead of killing us
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, hard)) # some of the files are bigger than this
        with pytest.warns(UserWarning, match=r"could not write the feature cache .*File too large.*left as it was.*in memory"):
            ds = QADataset(args, KorQuADV1Corpus(), tiny.tok, mode="train", progress=False)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard)); signal.signal(signal.SIGXFSZ, old)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not ds.loaded_from_cache and len(ds) == len(reference)
    for k in reference.windows: np.testing.assert_array_equal(ds.windows[k], reference.windows[k])


def test_damaged_checkpoints_give_one_clear_error(tmp_path):
    from ratsqa_nb.training import load_checkpoint_state
    real = tmp_path/"real.ckpt"
    torch.save({"epoch": 0, "state_dict": {"w": torch.arange(50_000, dtype=torch.float32)}}, real)
    data = real.read_bytes()
    cases = {"truncated.ckpt": data[:len(data) // 2], "empty.ckpt": b"", "text.ckpt": b"not a checkpoint",
             "zipstart.ckpt": data[:200], "flipped.ckpt": data[:40] + bytes(b ^ 0xFF for b in data[40:400]) + data[400:]}
    for name, content in cases.items():
        (tmp_path/name).write_bytes(content)
        with pytest.raises(ValueError, match="is damaged or not a checkpoint") as e:
            load_checkpoint_state(tmp_path/name)
        assert str(tmp_path/name) in str(e.value) and "\n" not in str(e.value)
    torch.save({"epoch": 3}, tmp_path/"nostate.ckpt") # a torch file, but not a Lightning checkpoint
    with pytest.raises(ValueError, match="no state_dict"): load_checkpoint_state(tmp_path/"nostate.ckpt")
    with pytest.raises(FileNotFoundError, match="checkpoint not found"): load_checkpoint_state(tmp_path/"missing.ckpt")
    assert load_checkpoint_state(real)["epoch"] == 0


def test_ratsqa_train_with_a_damaged_checkpoint_exits_with_one_line(tiny, tmp_path):
    "One process start is enough here: `load_checkpoint_state` itself sees the other kinds of damage above"
    good = tmp_path/"good.ckpt"
    torch.save({"epoch": 0, "state_dict": {"w": torch.zeros(10_000)}}, good)
    bad = tmp_path/"last.ckpt"; bad.write_bytes(good.read_bytes()[:3000]) # a checkpoint cut short
    r = subprocess.run(_train_cmd(tiny, tmp_path/"out", "--resume_from_checkpoint", bad), capture_output=True, text=True,
                       env=ENV, timeout=300)
    assert r.returncode == 1, r.stderr[-2000:]
    assert "Traceback" not in r.stderr, f"ratsqa_train printed a traceback instead of one line:\n{r.stderr[-2000:]}"
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("ratsqa_train: ") and str(bad) in last and "damaged or not a checkpoint" in last, last
    assert not (tmp_path/"out"/"hf").exists()


# ------------------------------------------------------------------------------------------------------------------
# (c) fuzzing: the corpus reader and the web API

def _check_read(path:Path):
    "Reading `path` returns checked examples or raises KorQuADError / FileNotFoundError, nothing else"
    from ratsqa_nb.corpus import KorQuADV1Corpus, KorQuADError, QAExample
    for mode in ("raise", "skip"):
        try: out = KorQuADV1Corpus(on_error=mode).read(path)
        except (KorQuADError, FileNotFoundError) as e:
            assert str(path) in str(e), f"the error does not name the file: {e}"
            continue
        assert isinstance(out, list)
        for ex in out:
            assert isinstance(ex, QAExample) and isinstance(ex.context_text, str) and ex.question_text.strip()
            for a in ex.answers: assert ex.context_text[a["answer_start"]:a["answer_start"] + len(a["text"])] == a["text"]


@pytest.mark.parametrize("name,content", [
    ("deeply-nested.json", "[" * 100_000),
    ("nested-data.json", '{"data": ' + "[" * 5_000 + "]" * 5_000 + "}"),
    ("huge-int.json", '{"version": ' + "9" * 5_000 + ', "data": []}'),
    ("huge-start.json", '{"data": [{"paragraphs": [{"context": "하람강", "qas": [{"id": "a", "question": "어디?", '
                        '"answers": [{"text": "하람강", "answer_start": ' + "1" * 5_000 + '}]}]}]}]}'),
    ("bom.json", "\ufeff" + json.dumps({"version": "v", "data": []})),
    ("nan.json", '{"version": NaN, "data": [{"paragraphs": [{"context": "x", "qas": [{"id": "q", "question": "q?", '
                 '"answers": [{"text": "x", "answer_start": Infinity}]}]}]}]}'),
    ("surrogate.json", '{"data": [{"paragraphs": [{"context": "\\ud800강", "qas": [{"id": "q", "question": "\\udfff?", '
                       '"answers": [{"text": "강", "answer_start": 1}]}]}]}]}'),
])
def test_corpus_reader_on_odd_files(tmp_path, name, content):
    p = tmp_path/name; p.write_text(content, encoding="utf-8", errors="surrogatepass")
    _check_read(p)


def test_corpus_reader_on_odd_paths_and_bytes(tmp_path):
    from ratsqa_nb.corpus import KorQuADV1Corpus
    with pytest.raises(FileNotFoundError, match="Run download_downstream_dataset"): KorQuADV1Corpus().read(tmp_path/"missing.json")
    (tmp_path/"folder.json").mkdir() # a folder where the file should be
    _check_read(tmp_path/"folder.json")
    for name, data in {"utf16.json": json.dumps({"data": []}).encode("utf-16"), "latin1.json": '{"data": ["caf\xe9"]}'.encode("latin-1"),
                       "nul.json": b"\x00" * 10}.items():
        (tmp_path/name).write_bytes(data); _check_read(tmp_path/name)


if HAVE_HYPOTHESIS:
    _scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats() | st.text(max_size=12)
    _json = st.recursive(_scalars, lambda ch: st.lists(ch, max_size=3) | st.dictionaries(st.text(max_size=8), ch, max_size=3),
                         max_leaves=12)
    _ctx = st.sampled_from(["하람강은 317킬로미터를 흐른다.", "바람골 마을은 1832년에 세워졌다.", "", " ", "x"]) | st.text(max_size=30)
    _answer = st.fixed_dictionaries({}, optional={"text": st.sampled_from(["하람강", "1832년", "", " "]) | _json,
                                                  "answer_start": st.integers(-3, 40) | _json}) | _json
    _qa = st.fixed_dictionaries({}, optional={"id": st.sampled_from(["q1", "q2", ""]) | _json, "question": st.text(max_size=10) | _json,
                                              "answers": st.lists(_answer, max_size=3) | _json}) | _json
    _para = st.fixed_dictionaries({}, optional={"context": _ctx | _json, "qas": st.lists(_qa, max_size=3) | _json}) | _json
    _article = st.fixed_dictionaries({}, optional={"title": _json, "paragraphs": st.lists(_para, max_size=3) | _json}) | _json
    _doc = st.fixed_dictionaries({}, optional={"version": _json, "data": st.lists(_article, max_size=3) | _json}) | _json

    def _valid_file_bytes()->bytes:
        from ratsqa_nb.corpus import sample_root
        return (sample_root()/"korquad-v1"/"KorQuAD_v1.0_dev.json").read_bytes()[:6000]

    _FUZZ_DIR = Path(tempfile.mkdtemp(prefix="ratsqa_fuzz_"))
    _fuzz = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

    @needs_hypothesis
    @_fuzz
    @given(doc=_doc)
    def test_fuzz_corpus_structures(doc):
        p = _FUZZ_DIR/"structure.json"
        p.write_text(json.dumps(doc, ensure_ascii=True, allow_nan=True), encoding="utf-8")
        _check_read(p)

    @needs_hypothesis
    @_fuzz
    @given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda s: s.encode("utf-8")),
           cut=st.integers(0, 6000), flip=st.integers(0, 5999), byte=st.integers(0, 255), kind=st.sampled_from(["raw", "cut", "flip"]))
    def test_fuzz_corpus_bytes(raw, cut, flip, byte, kind):
        good = _valid_file_bytes()
        data = raw if kind == "raw" else good[:cut] if kind == "cut" else good[:flip] + bytes([byte]) + good[flip + 1:]
        p = _FUZZ_DIR/"bytes.json"; p.write_bytes(data)
        _check_read(p)


@pytest.fixture(scope="module")
def web(tiny):
    import logging
    from ratsqa_nb.web import create_app
    app = create_app(tiny.predictor)
    app.logger.setLevel(logging.CRITICAL) # a 500 is asserted against, not logged
    return SimpleNamespace(app=app, client=app.test_client())


def _assert_answers(client, question="하람강은 몇 킬로미터를 흐르나?", context="하람강은 317킬로미터를 흐른다. 바람골 마을을 지난다."):
    r = client.post("/api/predict", json={"question": question, "context": context})
    assert r.status_code == 200, r.get_data()
    got = r.get_json()
    assert context[got["start"]:got["end"]] == got["answer"]


@pytest.mark.parametrize("body", [
    '{"question": "\\ud800", "context": "하람강"}', # a lone surrogate: valid JSON, not valid Unicode text
    '{"question": "어디?", "context": "하람\\udfff강"}',
    "[" * 5_000, # nested deeper than the JSON decoder's recursion limit, under the body-size limit
    '{"question": "어디?", "context": "하람강", "top_k": ' + "1" * 5_000 + "}",
    '{"question": "어디?", "context": "하람강", "top_k": NaN}',
    '{"question": "\\u0000", "context": "\\u0000\\u0000"}',
], ids=["surrogate-question", "surrogate-context", "nested-5000", "huge-top_k", "nan-top_k", "nul-chars"])
def test_web_api_odd_bodies_are_4xx(web, body):
    r = web.client.post("/api/predict", data=body, content_type="application/json")
    assert 400 <= r.status_code < 500 or r.status_code == 200, (r.status_code, r.get_data()[:300])
    assert r.is_json and ("error" in r.get_json() or r.status_code == 200)
    _assert_answers(web.client)


if HAVE_HYPOTHESIS:
    _odd_chars = st.characters() | st.sampled_from(["\ud800", "\udfff", "\u200b", "\x00", "가", " ", "\n", "<", "&"])
    _body_text = st.lists(_odd_chars, max_size=60).map("".join) # st.text would drop the lone surrogates
    _fields = st.fixed_dictionaries({}, optional={"question": _body_text | _json, "context": _body_text | _json,
                                                  "top_k": st.integers(-3, 30) | _json, "explain": st.booleans() | _json, "extra": _json})
    _bodies = (st.binary(max_size=300) | _body_text.map(lambda s: s.encode("utf-8", "surrogatepass"))
               | _json.map(lambda v: json.dumps(v).encode()) | _fields.map(lambda v: json.dumps(v).encode()))
    _ctypes = st.sampled_from(["application/json", "application/json; charset=utf-8", "application/json; charset=latin-1",
                               "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                               "multipart/form-data; boundary=x", "", "application/vnd.api+json", "application/*"]) \
              | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)

    _web_fuzz = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])

    @needs_hypothesis
    @_web_fuzz
    @given(method=st.sampled_from(["POST"] * 6 + ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"]),
           path=st.sampled_from(["/api/predict"] * 6 + ["/", "/api/health", "/api/predict/", "/nothing", "/api/predict?x=1"]),
           ctype=_ctypes, body=_bodies)
    def test_fuzz_web_api_never_500(web, method, path, ctype, body):
        r = web.client.open(path, method=method, data=body, content_type=ctype)
        assert r.status_code < 500, (method, path, ctype, body[:200], r.status_code, r.get_data()[:300])
        if path.startswith("/api") and r.status_code >= 400:
            assert r.is_json and "error" in r.get_json(), r.get_data()[:300]
        if r.status_code == 200 and path.startswith("/api/predict") and method == "POST":
            got, sent = r.get_json(), json.loads(body)
            assert sent["context"][got["start"]:got["end"]] == got["answer"]

    @needs_hypothesis
    @_web_fuzz
    @given(fields=st.fixed_dictionaries({"question": _body_text | _json, "context": _body_text | _json},
                                        optional={"top_k": st.integers(-3, 30) | _json, "explain": st.booleans() | _json, "extra": _json}),
           ctype=st.sampled_from(["application/json", "application/json; charset=utf-8"]))
    def test_fuzz_web_predict_fields(web, fields, ctype):
        "Well-formed JSON with odd field values (lone surrogates, NUL, zero-width space, wrong types ...): 200 or 4xx"
        r = web.client.post("/api/predict", data=json.dumps(fields), content_type=ctype)
        assert r.status_code < 500, (fields, r.status_code, r.get_data()[:300])
        assert r.is_json and ("error" in r.get_json()) == (r.status_code != 200)
        if r.status_code == 200:
            got = r.get_json()
            assert fields["context"][got["start"]:got["end"]] == got["answer"]


@needs_hypothesis
def test_web_api_still_answers_after_the_fuzzing(web):
    _assert_answers(web.client)
    assert web.client.get("/api/health").get_json() == {"status": "ok"}


# ------------------------------------------------------------------------------------------------------------------
# (d) bounded load on 127.0.0.1: 1,000 requests, 50 at a time

def test_web_demo_under_load(tiny, capsys):
    import ratsqa_nb.web as web_mod
    from ratsqa_nb.corpus import KorQuADV1Corpus, sample_root
    dev = KorQuADV1Corpus().get_examples(sample_root()/"korquad-v1", "val") # single- and multi-window contexts
    batcher = web_mod.BatchingPredictor(tiny.predictor, max_batch=32) if hasattr(web_mod, "BatchingPredictor") else None
    app = web_mod.create_app(batcher or tiny.predictor)
    n, concurrency = 1000, 50
    try:
        with web_mod.serve_in_background(app) as base: assert base.startswith("http://127.0.0.1:") # loopback only
        res = web_mod.load_test(app, dev, n=n, concurrency=concurrency) # the web chapter's bounded load test
    finally:
        if batcher is not None: batcher.close()
    with capsys.disabled():
        print(f"\n[load] {n} requests, {concurrency} at a time{' (BatchingPredictor)' if batcher else ''}: {res['errors']} errors, "
              f"{res['req/s']} req/s, p50 {res['p50 ms']} ms, p99 {res['p99 ms']} ms"
              + (f", {batcher.questions} questions in {batcher.calls} batches" if batcher else ""))
    assert res["errors"] == 0, f"{res['errors']} errors; first: {res['first error']}"
    assert res["then"] == 200


# ------------------------------------------------------------------------------------------------------------------
# (d) a really full disk, an empty corpus, a kill after an epoch whose metric got worse

def _mount_tmpfs(path:Path, size:int)->bool:
    "Mount a tmpfs of `size` bytes on `path` (root only); False where that is not possible"
    if os.geteuid() != 0 or shutil.which("mount") is None: return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True).returncode == 0


def test_cache_build_on_a_really_full_disk_warns_and_leaves_no_temp_folder(tiny, tmp_path):
    "A tmpfs too small for the cache: closing the half-written files hits ENOSPC again; still a warning, no temp folder left"
    from ratsqa_nb.corpus import KorQuADV1Corpus
    from ratsqa_nb.dataset import QADataset
    src = tmp_path/"probe"; shutil.copytree(tiny.corpus_root, src)
    for p in (src/"korquad-v1").glob("cached_*"): shutil.rmtree(p) if p.is_dir() else p.unlink()
    probe = QADataset(_dataset_args(tiny, src), KorQuADV1Corpus(), tiny.tok, mode="train", progress=False)
    cache_bytes = sum(p.stat().st_size for p in probe.cache_dir.iterdir())
    corpus_bytes = sum(p.stat().st_size for p in (src/"korquad-v1").glob("*.json"))
    mnt = tmp_path/"small"; mnt.mkdir()
    if not _mount_tmpfs(mnt, corpus_bytes + cache_bytes // 2 + 64 * 1024): pytest.skip("needs root to mount a small tmpfs")
    try:
        (mnt/"korquad-v1").mkdir()
        for p in (src/"korquad-v1").glob("*.json"): shutil.copy(p, mnt/"korquad-v1"/p.name)
        before = sorted(p.name for p in (mnt/"korquad-v1").iterdir())
        with pytest.warns(UserWarning, match=r"could not write the feature cache .*No space left.*in memory"):
            ds = QADataset(_dataset_args(tiny, mnt), KorQuADV1Corpus(), tiny.tok, mode="train", progress=False)
        assert sorted(p.name for p in (mnt/"korquad-v1").iterdir()) == before, "a temporary or half-written cache folder was left"
        assert not ds.loaded_from_cache and len(ds) == len(probe)
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False) # lazy: a build that left files open (the old bug) must not pin it


def test_ratsqa_train_with_an_empty_dev_file_exits_with_one_line(tiny, tmp_path):
    root = tmp_path/"Korpora"; shutil.copytree(tiny.corpus_root, root)
    for p in (root/"korquad-v1").glob("cached_*"): shutil.rmtree(p) if p.is_dir() else p.unlink()
    (root/"korquad-v1"/"KorQuAD_v1.0_dev.json").write_text('{"version": "1", "data": []}', encoding="utf-8")
    cmd = _train_cmd(tiny, tmp_path/"out", "--epochs", "1")
    cmd[cmd.index("--downstream_corpus_root_dir") + 1] = str(root)
    r = subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=300)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-2000:]
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("ratsqa_train: ") and "KorQuAD_v1.0_dev.json holds no questions" in last and "do_eval=False" in last, last
    assert not [p.name for p in (root/"korquad-v1").iterdir() if "cached_val" in p.name], "a half-written cache folder was left"


def test_kill_after_an_epoch_whose_metric_got_worse_resumes_from_that_epoch(tiny, tmp_path):
    "last.ckpt must hold every finished epoch, not only the ones that improved the monitored metric"
    out = tmp_path/"run"
    # the training loss falls from epoch to epoch, so with "max train_loss" every epoch after the first is "worse"
    cmd = _train_cmd(tiny, out, "--save_top_k", "1", "--monitor", "max train_loss", "--epochs", "3")
    log = open(tmp_path/"cut.log", "w")
    try:
        cut = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=ENV)
        deadline, epoch = time.monotonic() + 300, -1
        while epoch < 1: # wait until last.ckpt holds the end of the second epoch
            assert cut.poll() is None, f"the run ended (code {cut.returncode}) first: {(tmp_path/'cut.log').read_text()[-2000:]}"
            assert time.monotonic() < deadline, f"last.ckpt never held epoch 1 (it holds epoch {epoch}): it went stale"
            if (out/"last.ckpt").exists(): epoch = _state(out/"last.ckpt")["epoch"]
            time.sleep(0.1)
        cut.send_signal(signal.SIGKILL)
        assert cut.wait(timeout=30) == -signal.SIGKILL
    finally:
        log.close()
        if cut.poll() is None: cut.kill()
    last = _state(out/"last.ckpt")
    assert last["epoch"] == 1
    kept = sorted(p.name for p in out.glob("epoch=*.ckpt"))
    assert not [n for n in kept if n.startswith(("epoch=1-", "epoch=2-"))], f"epoch 1 improved the metric, the test proves nothing: {kept}"
    assert not list(out.glob(".*.tmp")), "a temporary checkpoint was left"
    r = subprocess.run(cmd + ["--resume_from_checkpoint", str(out/"last.ckpt")], capture_output=True, text=True, env=ENV, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    end = _state(out/"last.ckpt")
    steps_per_epoch = last["global_step"] // 2
    assert (end["epoch"], end["global_step"]) == (2, 3 * steps_per_epoch)
    # the resumed run trained epoch 2 only: its own log has no row of epochs 0 or 1
    import csv
    rows = list(csv.DictReader(open(sorted((out/"logs").glob("version_*/metrics.csv"))[-1])))
    assert {int(r["epoch"]) for r in rows if r.get("epoch")} == {2}
