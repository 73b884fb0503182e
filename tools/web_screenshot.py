"""Make the README's screenshot of the web demo (nbs/images/web-demo.png) with a trained model.

    python tools/web_screenshot.py --model_dir ratsqa-demo/checkpoint-qa   # after `make demo`
    python tools/web_screenshot.py                                         # trains the demo first (about 2-3 minutes on 2 cores)

The demo is served on 127.0.0.1 (waitress, `BatchingPredictor`, the settings of the run's args.json), headless Chromium
opens the page, picks an example question from the bundled dev file that spans several windows, waits for the answer,
turns on the token colouring and saves the page. `--phone` saves a phone-width (390 px) shot next to it.
"""
import argparse, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT/"tools"))
from cdp import Browser

def shoot(base:str, out:Path, example:int=2, width:int=1000, height:int=900)->dict:
    "Pick example `example` on the page at `base`, turn the colouring on, save `out`; returns what the page showed"
    with Browser(width=width, height=height) as b:
        b.open(base + "/")
        b.wait("document.querySelectorAll('#examples button').length > 0")
        b.js(f"document.querySelectorAll('#examples button')[{example}].click()")
        b.wait("document.querySelector('#answer').textContent.startsWith('답')")
        b.js("document.querySelector('#colour').click()")
        b.wait("document.querySelectorAll('#result .tok').length > 0")
        shown = b.js("({answer: document.querySelector('#answer').textContent, tokens: document.querySelectorAll('#result .tok').length,"
                     " alternatives: [...document.querySelectorAll('#alternatives li')].map(li => li.textContent)})")
        b.screenshot(out)
    return shown

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model_dir", help="a trained model (training folder or its hf/); default: train the demo into a temporary folder")
    p.add_argument("--out", default=str(ROOT/"nbs"/"images"/"web-demo.png"))
    p.add_argument("--example", type=int, default=2, help="which example button to press (0-based)")
    p.add_argument("--phone", action="store_true", help="also save a 390 px wide shot (<out>-phone.png)")
    a = p.parse_args()
    from ratsqa_nb.inference import QAPredictor, saved_predictor_settings
    from ratsqa_nb.web import BatchingPredictor, create_app, serve_in_background
    model_dir = a.model_dir
    if model_dir is None:
        from ratsqa_nb.pipeline import run_demo
        model_dir = run_demo(Path(tempfile.mkdtemp())/"demo", progress=False, n_answers=0)["hf_model"]
    predictor = BatchingPredictor(QAPredictor.from_pretrained(model_dir, settings=saved_predictor_settings(model_dir), device="cpu"))
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    with serve_in_background(create_app(predictor)) as base:
        print(shoot(base, out, a.example))
        if a.phone: print(shoot(base, out.with_name(out.stem + "-phone.png"), a.example, width=390, height=844))
    predictor.close()
    print(f"wrote {out}")

if __name__ == "__main__": main()
