"""`compile_model=True` (torch.compile, issue 22) trains the tiny demo BERT on the CPU, and its checkpoints keep the plain parameter names."""
from dataclasses import replace

import torch

from ratsqa_nb.pipeline import fit_qa, prepare_demo
from ratsqa_nb.training import load_checkpoint_state


def test_compiled_model_trains_and_saves_plain_names(tmp_path):
    args = replace(prepare_demo(tmp_path/"demo"), epochs=1, do_eval=False, compile_model=True)
    task, trainer = fit_qa(args, progress=False, limit_train_batches=3, enable_model_summary=False)
    assert task.model._compiled_call_impl is not None # nn.Module.compile() in place
    assert trainer.global_step == 3 and torch.isfinite(trainer.callback_metrics["train_loss"])
    state = load_checkpoint_state(trainer.checkpoint_callback.last_model_path)["state_dict"]
    assert "model.qa_outputs.weight" in state and not any("_orig_mod" in k for k in state)
