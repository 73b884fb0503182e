#!/usr/bin/env python3
"""Generate the bundled KorQuAD-1.0-format sample of `ratsqa_nb`.

The sample is *original fictional text* written for this project: every
village, river, company, ship, festival, invention, school, person, mountain
and bridge in it is invented, and no sentence is copied from KorQuAD,
Wikipedia or any other existing text.  It exists so that the whole pipeline
(tokenizer training, feature building, fine-tuning, evaluation) can be run and
tested offline on a small corpus with the exact KorQuAD 1.0 JSON layout.

Where the text lives
--------------------
The words and sentences are data in ``tools/sample_data/`` (JSON, edit them
there); this file holds only the logic that draws values and assembles them:

* ``names.json``: name pools (surnames, given-name syllables, native and
  Sino-Korean place-name stems) and a few shared durations.
* ``<type>.json``, one per entity type (``village.json`` ... ``bridge.json``):
  ``words`` (the word lists its value maker draws from), ``intro``,
  ``blocks`` and ``fillers`` (see below).
* ``handwritten.json``: a few hand-written paragraphs for ``train`` and ``dev``.

How the text is built
---------------------
* Ten entity types (``MAKERS``).  Each type has a value maker here (names,
  years, counts ... drawn from the name pools and its ``words`` with
  ``random.Random(SEED)``), an intro sentence block, several fact blocks and a
  list of filler sentences.
* A fact block is a list of sentence variants.  A variant is a sentence
  template (``sentence``) such as ``"{name|은} {founded}에 {founder|이} 세웠다."``
  plus, for each fact it states, question templates that reuse the sentence's
  content words (``questions``: used in train and dev) and extra paraphrases
  used only in dev (``dev_questions``: about 20 % of dev questions use them).
* ``{key}`` inserts a value; ``{key|은}`` inserts the value followed by the
  Korean particle (조사) chosen by the value's last sound (은/는, 이/가,
  을/를, 과/와, (으)로, ...), as the library's ``final_sound`` reads it;
  ``{@key|을}`` inserts only the particle.  The answer span is the value
  alone, never the particle, as in KorQuAD (answer "하람강", context
  "...하람강에서...").
* Short paragraphs (mostly 150-350 characters) use the intro plus a few
  blocks; long paragraphs (>= 600 characters) use every block plus fillers so
  that they need several 128-token windows and have answers near the end.
* The hand-written paragraphs add variety.
* Train and dev draw names from disjoint pools, so dev entities never occur
  in train.  Dev questions may carry 1-3 gold answers (e.g. "1832년" and
  "1832"); train questions carry exactly one.

More training data
------------------
A model trained from random initialisation (the offline demo has no
pretrained Korean encoder) only learns to *read* -- find the sentence that
shares words with the question, then the span of the asked type -- when it
sees many different paragraphs; with a few hundred it memorises them instead.
So after the first ``N_TRAIN_SHORT + N_TRAIN_LONG`` paragraphs and the dev
split, ``N_EXTRA_SHORT + N_EXTRA_LONG`` more training paragraphs are
generated the same way from ``random.Random(EXTRA_SEED)``.  Their names come
from the train pools only, widened by ``extend_pools`` with two-word native
names and three-syllable Sino-Korean names built from train stems, so dev
entities still never occur in train.  Because they come last and from their
own seed, the first training paragraphs and the dev file are the same as
without them.

Every answer is checked (``context[answer_start:answer_start+len(text)] ==
text``, non-empty, no surrounding spaces) and question ids are unique across
both files.  The output is byte-identical between runs: the only randomness is
``random.Random(SEED)`` / ``random.Random(EXTRA_SEED)`` and nothing depends on set order or the clock.

Usage (from the repository root)::

    python tools/make_sample.py            # writes ratsqa_nb/data/korquad-v1/*.json
    python tools/make_sample.py --out DIR  # writes DIR/KorQuAD_v1.0_{train,dev}.json
"""
import argparse
import json
import re
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from ratsqa_nb.postprocess import final_sound  # noqa: E402

SEED = 1832
N_TRAIN_SHORT = 245
N_TRAIN_LONG = 45
N_DEV_SHORT = 10
N_DEV_LONG = 5
# more training paragraphs, generated after dev from their own seed (see "More training data" in the docstring)
EXTRA_SEED = SEED + 1
N_EXTRA_SHORT = 2000
N_EXTRA_LONG = 150
DEV_PARAPHRASE_RATE = 0.2
LONG_MIN_CHARS = 600

DEFAULT_OUT = ROOT / "ratsqa_nb" / "data" / "korquad-v1"
DATA = Path(__file__).resolve().parent / "sample_data"


def load(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


NAMES = load("names")

# ---------------------------------------------------------------------------
# Korean helpers: particles, numerals, templates
# ---------------------------------------------------------------------------
_PAIRS = {  # particle -> (after a final consonant, after a vowel)
    "은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
    "이나": ("이나", "나"), "이라는": ("이라는", "라는"), "이라고": ("이라고", "라고"),
    "이었다": ("이었다", "였다"), "이었고": ("이었고", "였고"), "이었으며": ("이었으며", "였으며"),
    "이었는데": ("이었는데", "였는데"), "이었다고": ("이었다고", "였다고"),
}


def particle(word, p):
    """The form of particle `p` that fits after `word`: 은/는, 이/가, 을/를, 과/와, (으)로, 이나/나, 이었다/였다 ..."""
    if p.startswith(("으로", "로")):
        base = p.removeprefix("으")
        forms, first_after = ("으" + base, base), {"C"}   # ㄹ takes 로, like a vowel
    elif p in _PAIRS:
        forms, first_after = _PAIRS[p], {"C", "L"}
    else:
        return p  # 에, 에서, 의, 이다, 이며, 인 ... do not depend on the last sound
    sound = final_sound(word)
    if sound not in ("V", "L", "C"):
        raise ValueError(f"no particle rule for a value ending like {word!r}")
    return forms[0] if sound in first_after else forms[1]


_NATIVE_UNITS = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def native(n):
    """Native Korean numeral in counter (관형사) form, 1..99: 3 -> 세, 20 -> 스무, 23 -> 스물세."""
    assert 1 <= n <= 99
    t, u = divmod(n, 10)
    if u == 0:
        return "스무" if t == 2 else _NATIVE_TENS[t]
    return _NATIVE_TENS[t] + _NATIVE_UNITS[u]


def kor_num(n):
    """42000 -> '4만 2천', 7000 -> '7천', 5800 -> '5,800'."""
    man, rest = divmod(n, 10000)
    parts = [f"{man}만"] if man else []
    if rest:
        parts.append(f"{rest // 1000}천" if rest % 1000 == 0 else f"{rest:,}")
    return " ".join(parts)


_PH = re.compile(r"\{(@?)([a-z0-9_]+)(?:\|([^}]+))?\}")


def render(tpl, vals):
    """Fill a template. Returns (text, {key: offset of its first occurrence})."""
    out, spans, pos, n = [], {}, 0, 0
    for m in _PH.finditer(tpl):
        lit = tpl[pos:m.start()]
        out.append(lit)
        n += len(lit)
        at, key, p = m.groups()
        v = vals[key]
        if not at:
            spans.setdefault(key, n)
            out.append(v)
            n += len(v)
        if p:
            s = particle(v, p)
            out.append(s)
            n += len(s)
        pos = m.end()
    out.append(tpl[pos:])
    return "".join(out), spans


def tpl_keys(tpl):
    return [k for at, k, _ in _PH.findall(tpl) if not at]


# ---------------------------------------------------------------------------
# Name pools (names.json; train and dev use disjoint slices)
# ---------------------------------------------------------------------------
class Pools:
    """Deterministic, non-repeating name supply for one split."""

    def __init__(self, rng, people, stems, sino):
        self.rng, self.people, self.stems, self.sino = rng, people, stems, sino
        self.used = set()   # membership only; never iterated
        self.local = set()

    def person(self):
        while True:
            p = self.people.pop()
            if p not in self.used:
                self.used.add(p)
                return p

    def begin_entity(self):
        """Names drawn for one article must differ from each other."""
        self.local = set()

    def _draw(self, make, unique):
        # titles (unique=True) never repeat within a split; other place names may recur across articles
        for _ in range(2000):
            s = make()
            if s in self.local or (unique and s in self.used):
                continue
            self.local.add(s)
            if unique:
                self.used.add(s)
            return s
        raise RuntimeError("name pool exhausted")

    def place(self, suffix, sep="", unique=False):
        return self._draw(lambda: self.rng.choice(self.stems) + sep + suffix, unique)

    def sino_name(self, suffix, sep="", unique=False):
        return self._draw(lambda: self.rng.choice(self.sino) + sep + suffix, unique)

    def stem(self):
        return self.rng.choice(self.stems)


def build_pools(rng):
    people = [s + a + b for s in NAMES["surnames"] for a in NAMES["given1"] for b in NAMES["given2"] if a != b]
    rng.shuffle(people)
    stems = list(NAMES["native_stems"])
    rng.shuffle(stems)
    block = set(NAMES["sino_block"])
    sino = [a + b for a in NAMES["sino1"] for b in NAMES["sino2"] if a != b and a + b not in block]
    rng.shuffle(sino)
    dev = Pools(rng, people[:3000], stems[:30], sino[:60])
    train = Pools(rng, people[3000:], stems[30:], sino[60:])
    return train, dev


# ---------------------------------------------------------------------------
# Value helpers (each returns the value and its dev alternates)
# ---------------------------------------------------------------------------
def years(rng, n, lo, hi):
    return sorted(rng.sample(range(lo, hi + 1), n))


def yr(y):
    return f"{y}년", [str(y)]


def count(rng, lo, hi, counter, native_p=0.5):
    n = rng.randint(lo, hi)
    if n <= 99 and rng.random() < native_p:
        return f"{native(n)} {counter}", []
    s = f"{n:,}"
    return f"{s}{counter}", ([s] if n >= 10 else [])


def people_count(rng, lo, hi):
    n = rng.randint(lo, hi)
    r = rng.random()
    if n >= 10000:
        a, b = divmod(n, 10000)
        b //= 1000
        if r < 0.5 or b == 0:
            return f"약 {a}만 명", [f"{a}만 명"]
        return f"{a}만 {b}천 명", [f"{a}만 {b}천"]
    for unit, word, plus_p in ((1000, "천", 0.65), (100, "백", 0.6)):
        if n >= unit:
            a = n // unit
            if r < 0.35:
                return f"약 {a}{word} 명", [f"{a}{word} 명"]
            if r < plus_p:
                return f"{a}{word}여 명", []
            return f"{n:,}명", [f"{n:,}"]
    if r < 0.5:
        return f"{native(n)} 명", []
    return f"{n}명", [str(n)]


def length(rng, lo, hi, unit, decimal_p=0.0):
    n = rng.randint(lo, hi)
    if rng.random() < decimal_p:
        s = f"{n}.{rng.randint(1, 9)}"
    else:
        s = f"{n:,}"
    return f"{s}{unit}", [s]


def date(rng):
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return f"{m}월 {d}일", []


def dur_years(rng, lo, hi):
    n = rng.randint(lo, hi)
    if rng.random() < 0.35:
        return f"{native(n)} 해", []
    return f"{n}년", [str(n)]


def machines(n):
    """The two ways of writing about n hundred machines: '3,400대' and '약 3만 4천 대' (for n thousand)."""
    return [(f"{n * 100:,}대", [f"{n * 100:,}"]), (f"약 {kor_num(n * 1000)} 대", [f"{kor_num(n * 1000)} 대"])]


def put(vals, alts, key, va):
    vals[key], alts[key] = va


def put_years(vals, alts, keys, ys):
    for key, y in zip(keys, ys):
        put(vals, alts, key, yr(y))


# ---------------------------------------------------------------------------
# Value makers, one per entity type: make_<type>(rng, pools, words) -> (values, dev alternates).
# `words` is the "words" object of sample_data/<type>.json.  The order of the random draws fixes the sample.
# ---------------------------------------------------------------------------
def make_village(rng, P, W):
    v, a = {}, {}
    v["name"] = P.place(rng.choice(W["name_suffixes"]), unique=True)
    y0 = rng.randint(1610, 1860)
    put_years(v, a, ["founded", "school_year", "flood_year"], [y0] + years(rng, 2, y0 + 25, 1955))
    put(v, a, "pop_year", yr(rng.randint(1965, 2018)))
    v["founder"], v["planter"], v["teacher"] = P.person(), P.person(), P.person()
    v["fjob"] = rng.choice(W["founder_jobs"])
    put(v, a, "families", count(rng, 5, 24, "가구", native_p=0.8))
    v["region"] = P.sino_name("군")
    v["river"] = P.place("강")
    put(v, a, "dist", length(rng, 2, 38, "킬로미터"))
    put(v, a, "pop", people_count(rng, 120, 9000))
    v["work"] = rng.choice(W["work"])
    v["product"] = rng.choice(W["products"])
    v["month"] = f"{rng.randint(1, 12)}월"
    v["market"] = P.sino_name("읍")
    v["tree"] = rng.choice(W["trees"])
    put(v, a, "tree_age", (f"{rng.randint(15, 60) * 10}년", []))
    put(v, a, "houses", count(rng, 3, 80, "채"))
    v["newsite"] = P.place("벌")
    v["school"] = rng.choice([P.place("서당"), P.sino_name("학당")])
    put(v, a, "fest_date", date(rng))
    v["custom"] = rng.choice(W["customs"])
    v["food"] = rng.choice(W["foods"])
    return v, a


def make_river(rng, P, W):
    v, a = {}, {}
    v["name"] = P.place("강", unique=True)
    v["src"], v["mouth"], v["region"] = P.place("산"), P.place("만"), P.sino_name("군")
    put(v, a, "length", length(rng, 38, 520, "킬로미터"))
    put(v, a, "tribs", count(rng, 4, 46, "개", native_p=0.5))
    v["bigtrib"] = P.place("천")
    put_years(v, a, ["survey_year", "oldbridge_year", "flood_year", "dam_year"], years(rng, 4, 1720, 1990))
    v["dam"] = P.sino_name("댐")
    v["dam_reason"] = rng.choice(W["dam_reasons"])
    v["fish"] = rng.choice(W["fish"])
    v["port"] = P.place("포")
    put(v, a, "bridges", count(rng, 5, 42, "개", native_p=0.3))
    v["oldbridge"] = P.place("다리")
    v["namer"], v["surveyor"] = P.person(), P.person()
    put(v, a, "survey_years", dur_years(rng, 2, 11))
    put(v, a, "farms", count(rng, 40, 900, "가구", native_p=0.0))
    v["wetland"] = P.place("갯벌", sep=" ")
    v["birds"] = rng.choice(W["birds"])
    n = rng.randint(3, 90) * 100
    put(v, a, "bird_count", (f"{kor_num(n)} 마리", [kor_num(n)]) if n % 1000 == 0 else (f"{n:,}마리", [f"{n:,}"]))
    return v, a


def make_company(rng, P, W):
    v, a = {}, {}
    kind = rng.choice(W["kinds"])
    v["name"] = P.sino_name(kind["suffix"], unique=True)
    y = years(rng, 6, 1860, 1995)
    put_years(v, a, ["founded", "emp_year", "factory_year", "crisis_year", "heir_year", "merge_year"], y)
    v["founder"], v["heir"] = P.person(), P.person()
    v["rel"] = rng.choice(W["heir_relations"])
    v["city"], v["fcity"] = P.sino_name("시"), P.sino_name("시")
    v["first_product"] = rng.choice(kind["first_products"])
    v["product"] = rng.choice(kind["products"])
    put(v, a, "employees", people_count(rng, 40, 4800))
    put(v, a, "share", rng.choice([(f"{n}퍼센트", [str(n)]) for n in range(15, 75, 5)] + [("절반", []), ("3분의 1", [])]))
    n = rng.randint(2, 90) * rng.choice([100, 1000])
    put(v, a, "daily", (f"{n:,}{kind['daily_unit']}", [f"{n:,}"]))
    v["crisis"] = rng.choice(W["crises"])
    v["months"] = rng.choice(NAMES["months"])
    v["buyer"] = P.sino_name(rng.choice(W["buyer_suffixes"]))
    v["newname"] = P.sino_name(rng.choice(W["newname_suffixes"]))
    v["logo"] = rng.choice(W["logos"])
    put(v, a, "export_year", yr(rng.randint(y[1], y[5])))
    v["export_dest"] = P.place("섬")
    return v, a


def make_ship(rng, P, W):
    v, a = {}, {}
    v["name"] = P.place("호", unique=True)
    b = rng.randint(1850, 1965)
    f = b + rng.randint(14, 52)
    put_years(v, a, ["built_year", "record_year", "fate_year"], [b, rng.randint(b + 1, f - 2), f])
    put(v, a, "service_years", (f"{f - b}년", [str(f - b)]))
    v["shipyard"] = P.sino_name("조선소")
    v["owner"] = P.sino_name(rng.choice(W["owner_suffixes"]))
    v["shiptype"] = rng.choice(W["ship_types"])
    put(v, a, "length", length(rng, 18, 140, "미터"))
    w = max(3, int(v["length"].replace(",", "").rstrip("미터")) // rng.randint(3, 7))
    put(v, a, "width", (f"{w}미터", [str(w)]))
    v["captain"] = P.person()
    put(v, a, "captain_years", dur_years(rng, 3, min(19, f - b - 2)))
    v["port_from"], v["island"] = P.place("포"), P.place("섬")
    v["cargo"] = rng.choice(W["cargo"])
    put(v, a, "crew", count(rng, 6, 60, "명", native_p=0.5))
    put(v, a, "passengers", count(rng, 80, 900, "명", native_p=0.0))
    v["route_dest"] = P.place("항")
    v["record_days"] = rng.choice(NAMES["days"][:6])
    v["fate_place"] = P.place("섬")
    v["fate_cause"] = rng.choice(W["sink_causes"])
    v["museum"] = P.sino_name("해양박물관", sep=" ")
    put(v, a, "rescued", count(rng, 4, 40, "명", native_p=0.6))
    put(v, a, "rescue_year", yr(rng.randint(b + 1, f - 1)))
    put(v, a, "speed", count(rng, 6, 24, "노트", native_p=0.0))
    v["engine_maker"] = P.sino_name(rng.choice(W["engine_maker_suffixes"]))
    v["ship_namer"] = P.person()
    return v, a


def make_festival(rng, P, W):
    v, a = {}, {}
    theme = rng.choice(W["themes"])
    v["name"] = P.place(theme["theme"] + "축제", sep=" ", unique=True)
    put_years(v, a, ["first_year", "org_year", "cancel_year", "vis_year"], years(rng, 4, 1890, 2015))
    v["founder"] = P.person()
    v["venue"] = P.sino_name("시")
    put(v, a, "date", date(rng))
    v["days"] = rng.choice(W["days"])
    put(v, a, "visitors", people_count(rng, 3000, 480000))
    v["event"] = theme["event"]
    v["spot"] = P.place("언덕", sep=" ")
    v["contest"] = rng.choice(W["contests"])
    v["prize"] = rng.choice(W["prizes"])
    v["cancel_cause"] = rng.choice(W["cancel_causes"])
    v["origin"] = rng.choice(W["origins"])
    v["org"] = rng.choice([P.sino_name("문화재단", sep=" "), P.sino_name("관광협회", sep=" "), P.place("청년회", sep=" ")])
    v["fest_food"] = rng.choice(W["foods"])
    n = rng.randint(5, 60) * 100
    put(v, a, "food_count", (f"{n:,}그릇", [f"{n:,}"]))
    v["founder_job"] = rng.choice(W["founder_jobs"])
    v["mascot"] = rng.choice(W["mascots"])
    return v, a


def make_invention(rng, P, W):
    v, a = {}, {}
    device = rng.choice(W["devices"])
    v["name"] = P.place("식 " + device["device"], unique=True)
    v["device"], v["purpose"] = device["device"], device["purpose"]
    y0 = rng.randint(1780, 1925)
    put_years(v, a, ["inv_year", "patent_year", "spread_year", "prize_year", "improve_year"],
              [y0] + years(rng, 4, y0 + 2, y0 + 60))
    v["inventor"], v["improver"] = P.person(), P.person()
    v["place"] = P.sino_name("시")
    v["material"] = rng.choice(W["materials"])
    put(v, a, "parts", count(rng, 12, 240, "개", native_p=0.0))
    put(v, a, "units", rng.choice(machines(rng.randint(3, 95))))
    v["users"] = rng.choice(W["users"])
    v["spread_region"] = P.sino_name("지방", sep=" ")
    v["expo"] = P.sino_name(rng.choice(W["expos"]), sep=" ")
    v["award"] = rng.choice(W["awards"])
    v["reduce"] = rng.choice(W["reductions"])
    v["motive"] = rng.choice(W["motives"])
    v["assistant"] = P.person()
    hi = rng.randint(12, 90)
    put(v, a, "price", (f"{hi}냥", [str(hi)]))
    lo = rng.randint(3, hi // 2 + 1)
    put(v, a, "price2", (f"{lo}냥", [str(lo)]))
    v["power"] = rng.choice(W["powers"])
    return v, a


def make_school(rng, P, W):
    v, a = {}, {}
    kinds = W["kinds"]
    v["name"] = rng.choice([P.place(rng.choice(kinds), unique=True), P.sino_name(rng.choice(kinds), unique=True)])
    y = years(rng, 4, 1880, 2000)
    put_years(v, a, ["founded", "fire_year", "move_year", "stu_year"], y[:3] + [rng.randint(max(y[3], 2005), 2023)])
    v["founder"], v["principal"], v["famous"] = P.person(), P.person(), P.person()
    v["city"] = P.sino_name("시")
    put(v, a, "first_students", count(rng, 7, 48, "명", native_p=0.6))
    put(v, a, "first_teachers", count(rng, 1, 5, "명", native_p=1.0))
    v["reason"] = rng.choice(W["reasons"])
    put(v, a, "principal_years", dur_years(rng, 5, 31))
    v["motto"] = rng.choice(W["mottos"])
    put(v, a, "students", people_count(rng, 90, 2400))
    v["disaster"] = rng.choice(W["disasters"])
    v["rebuild_time"] = rng.choice(W["rebuild_times"])
    v["famous_job"] = rng.choice(W["graduate_jobs"])
    v["new_site"] = rng.choice([P.place("언덕", sep=" "), P.sino_name("동")])
    v["school_tree"] = rng.choice(W["trees"])
    v["school_bird"] = rng.choice(W["birds"])
    v["sports_month"] = f"{rng.choice([5, 9, 10])}월"
    return v, a


def make_person(rng, P, W):
    v, a = {}, {}
    v["name"] = P.person()
    job = rng.choice(W["jobs"])
    for key in ("job", "talent", "work_noun", "rel", "counter"):
        v[key] = job[key]
    b = rng.randint(1790, 1930)
    age = rng.randint(44, 93)
    y = years(rng, 2, b + 22, b + age - 1)
    put_years(v, a, ["birth_year", "death_year", "work_year", "award_year"], [b, b + age] + y)
    put(v, a, "age", (f"{age}세", [str(age)]))
    put(v, a, "legacy_year", yr(rng.randint(b + age + 3, max(b + age + 3, 2020))))
    v["birthplace"] = P.place(rng.choice(W["birthplace_suffixes"]))
    v["city"], v["death_place"] = P.sino_name("시"), P.sino_name("시")
    v["teacher"], v["spouse"] = P.person(), P.person()
    stem = P.stem()
    v["work"] = stem + job["title_sep"] + rng.choice(job["title_words"])
    put(v, a, "works_count", count(rng, 12, 380, job["counter"], native_p=0.3))
    v["award"] = P.sino_name(rng.choice(W["award_suffixes"]), sep=" ")
    put(v, a, "children", count(rng, 1, 7, "명", native_p=1.0))
    v["memorial"] = rng.choice(W["memorials"])
    return v, a


def make_mountain(rng, P, W):
    v, a = {}, {}
    v["name"] = P.place(rng.choice(W["name_suffixes"]), unique=True)
    v["region"] = P.sino_name("군")
    put(v, a, "height", length(rng, 420, 2480, "미터"))
    put(v, a, "peaks", count(rng, 3, 19, "개", native_p=0.8))
    y = years(rng, 3, 1700, 1975)   # the third year is drawn but not used
    put(v, a, "temple_year", yr(rng.randint(1100, 1690)))
    put_years(v, a, ["climb_year", "cave_year"], y)
    v["climber"] = P.person()
    v["climb_days"] = rng.choice(NAMES["days"][:5])
    v["monk"] = rng.choice(W["monks"])
    v["temple"] = P.sino_name("사")
    v["river"] = P.place("강")
    flower = rng.choice(W["flowers"])
    v["flower"], v["color"] = flower["flower"], flower["color"]
    put(v, a, "cave_len", length(rng, 80, 3200, "미터"))
    v["cave"] = P.place("굴")
    v["cave_finder"] = P.person()
    put(v, a, "trails", count(rng, 2, 9, "개", native_p=1.0))
    put(v, a, "trail_len", length(rng, 3, 24, "킬로미터", decimal_p=0.5))
    v["oldname"] = P.sino_name("산")
    put(v, a, "beacon_year", yr(rng.randint(1150, 1690)))
    v["hut"] = P.place("대피소", sep=" ")
    put(v, a, "hikers", people_count(rng, 800, 60000))
    return v, a


def make_bridge(rng, P, W):
    v, a = {}, {}
    v["name"] = rng.choice([P.place("다리", unique=True), P.sino_name("교", unique=True)])
    v["river"] = P.place("강")
    v["designer"], v["donor"] = P.person(), P.person()
    y = years(rng, 3, 1800, 1995)
    put_years(v, a, ["built_year", "damage_year", "repair_year"], y[:2] + [min(y[1] + rng.randint(1, 6), 2020)])
    v["city"], v["city2"] = P.sino_name("시"), P.place("포")
    put(v, a, "blen", length(rng, 40, 1480, "미터"))
    put(v, a, "piers", count(rng, 3, 30, "개", native_p=0.7))
    material = rng.choice(W["materials"])
    v["material"] = material["material"]
    v["quarry"] = P.place(material["source"], sep=" ")
    put(v, a, "workers", people_count(rng, 60, 3000))
    v["build_time"] = rng.choice(W["build_times"])
    n = rng.randint(2, 80)
    put(v, a, "cost", rng.choice([(f"{n}만 냥", [f"{n}만"]), (f"쌀 {n * 100:,}가마", [])]))
    v["damage_cause"] = rng.choice(W["damage_causes"])
    put(v, a, "traffic", rng.choice(machines(n)[::-1]))
    v["bridge_namer"] = P.person()
    v["namer_age"] = f"{native(rng.randint(9, 16))} 살"
    put(v, a, "crowd", people_count(rng, 300, 20000))
    return v, a


MAKERS = {"village": make_village, "river": make_river, "company": make_company, "ship": make_ship,
          "festival": make_festival, "invention": make_invention, "school": make_school, "person": make_person,
          "mountain": make_mountain, "bridge": make_bridge}
TYPES = {name: {"make": make, **load(name)} for name, make in MAKERS.items()}   # + words, intro, blocks, fillers

# ---------------------------------------------------------------------------
# Paragraph and question assembly
# ---------------------------------------------------------------------------
AUX_KEYS = ("counter",)   # may appear in questions without being stated in the paragraph
SHORT_MAX = 350


def _sentence(tpl, vals, variant=None):
    text, spans = render(tpl, vals)
    return {"text": text, "spans": spans, "v": variant, "keys": tpl_keys(tpl)}


def build_context(rng, tdef, vals, long):
    used = {"name"}
    intro = rng.choice(tdef["intro"])
    sents = [_sentence(intro["sentence"], vals, intro)]
    used.update(sents[0]["keys"])
    blocks = list(tdef["blocks"])   # kept in their (roughly chronological) order
    if not long:
        keep = set(rng.sample(range(len(blocks)), min(len(blocks), rng.randint(3, 5))))
        blocks = [b for i, b in enumerate(blocks) if i in keep]
    fillers = list(tdef["fillers"])
    rng.shuffle(fillers)

    def total(ss):
        return sum(len(s["text"]) for s in ss) + len(ss) - 1

    target = rng.randint(630, 780) if long else rng.randint(170, 330)
    for blk in blocks:
        options = [v for v in blk if not (set(tpl_keys(v["sentence"])) - {"name"}) & used]
        if not options:
            continue
        v = rng.choice(options)
        s = _sentence(v["sentence"], vals, v)
        if not long and len(sents) >= 3 and total(sents + [s]) > min(target + 40, SHORT_MAX):
            continue
        sents.append(s)
        used.update(s["keys"])
        if not long and total(sents) >= target:
            break
    # fillers: none or one in short paragraphs, until the target length in long ones
    n_fill = 0
    while fillers:
        if long:
            if (total(sents) >= target and n_fill >= 2) or (n_fill >= 7 and total(sents) >= LONG_MIN_CHARS + 20):
                break
        elif n_fill >= 1 or rng.random() < 0.55:
            break
        f = _sentence(fillers.pop(), vals)
        if not long and total(sents + [f]) > SHORT_MAX:
            break
        sents.insert(rng.randint(1, len(sents)), f)
        n_fill += 1
    if long:
        assert total(sents) >= LONG_MIN_CHARS, (vals["name"], total(sents))
    context, offsets, pos = [], [], 0
    for s in sents:
        offsets.append(pos)
        context.append(s["text"])
        pos += len(s["text"]) + 1
    return " ".join(context), sents, offsets, used


def make_questions(rng, context, sents, offsets, used, vals, alts, long, split):
    cands = []
    for i, s in enumerate(sents):
        if s["v"] is None:
            continue
        for key in s["v"]["questions"]:
            start = offsets[i] + s["spans"][key]
            if context.count(vals[key]) == 1:   # the answer text must be unambiguous
                cands.append((start, i, key))
    rng.shuffle(cands)
    if split == "dev":
        n_q = rng.randint(6, 7) if long else rng.choice([3, 4, 4, 5])
    else:
        n_q = rng.randint(7, 9) if long else rng.choice([4, 5, 5, 5, 6])
    n_q = min(len(cands), n_q)
    picked, per_sent = [], {}
    if long:  # make sure several answers sit late in the paragraph
        late = [c for c in cands if c[0] >= 0.6 * len(context)]
        for c in late[:3]:
            picked.append(c)
            per_sent[c[1]] = per_sent.get(c[1], 0) + 1
    for c in cands:
        if len(picked) >= n_q:
            break
        if c in picked or per_sent.get(c[1], 0) >= 2:
            continue
        picked.append(c)
        per_sent[c[1]] = per_sent.get(c[1], 0) + 1
    picked.sort()

    allowed = set(used) | set(AUX_KEYS)
    out, seen = [], set()
    for start, i, key in picked:
        variant = sents[i]["v"]
        answer = vals[key]

        def usable(tpls):
            ok = []
            for t in tpls:
                ks = set(tpl_keys(t))
                if key in ks or not ks <= allowed:
                    continue
                q, _ = render(t, vals)
                if answer in q or q in seen:
                    continue
                ok.append(q)
            return ok

        train_qs = usable(variant["questions"][key])
        dev_qs = usable(variant["dev_questions"].get(key, [])) if split == "dev" else []
        if not train_qs:
            continue
        q = rng.choice(train_qs)
        seen.add(q)
        answers = [{"text": answer, "answer_start": start}]
        if split == "dev":
            for alt in alts.get(key, []):
                k = answer.find(alt)
                if k >= 0 and alt != answer and len(answers) < 3:
                    answers.append({"text": alt, "answer_start": start + k})
        # a dev-only paraphrase the split may swap in later (see build_split)
        out.append({"question": q, "answers": answers, "paraphrase": rng.choice(dev_qs) if dev_qs else None})
    return out


def check_templates(tname, vals):
    """Static checks: every template key exists, dev-only paraphrases never occur in the train lists."""
    tdef = TYPES[tname]
    variants = [v for blk in [tdef["intro"]] + tdef["blocks"] for v in blk]
    train_tpls = {t for v in variants for ts in v["questions"].values() for t in ts}
    for v in variants:
        assert set(tpl_keys(v["sentence"])) <= set(vals), (tname, v["sentence"])
        assert set(v["dev_questions"]) <= set(v["questions"]), (tname, v["sentence"])
        for key, ts in list(v["questions"].items()) + list(v["dev_questions"].items()):
            assert key in tpl_keys(v["sentence"]), (tname, key)
            for t in ts:
                assert set(tpl_keys(t)) <= set(vals), (tname, t)
                assert t.endswith("?"), t
        for ts in v["dev_questions"].values():
            assert not set(ts) & train_tpls, (tname, ts)
    for f in tdef["fillers"]:
        assert set(tpl_keys(f)) <= set(vals), (tname, f)


def generated_article(rng, tname, pools, long, split):
    tdef = TYPES[tname]
    pools.begin_entity()
    vals, alts = tdef["make"](rng, pools, tdef["words"])
    check_templates(tname, vals)
    context, sents, offsets, used = build_context(rng, tdef, vals, long)
    qas = make_questions(rng, context, sents, offsets, used, vals, alts, long, split)
    return {"title": vals["name"], "context": context, "qas": qas}


def handwritten_article(item, split):
    ctx = " ".join(item["context"])
    qas = []
    for qa in item["qas"]:
        answer, start = qa["answer"], -1
        for _ in range(qa.get("occurrence", 0) + 1):
            start = ctx.find(answer, start + 1)
        assert start >= 0, (item["title"], answer)
        answers = [{"text": answer, "answer_start": start}]
        if split == "dev":
            for alt in qa.get("dev_answers", []):
                k = answer.find(alt)
                if k < 0:
                    k = ctx.find(alt, start) - start
                answers.append({"text": alt, "answer_start": start + k})
        qas.append({"question": qa["question"], "answers": answers, "paraphrase": None})
    return {"title": item["title"], "context": ctx, "qas": qas}


def extend_pools(pools):
    """More title material for the extra training paragraphs, built only from the split's own stems:
    two-word native names (e.g. "솔숲" + "바위") and three-syllable Sino-Korean names."""
    base = list(pools.stems)
    compounds = [a + b for a in base for b in base if a != b and len(a + b) <= 5]
    pools.rng.shuffle(compounds)
    pools.stems = base + compounds
    sino = list(pools.sino)
    longer = [x + c for x in sino for c in NAMES["sino2"] if c not in x]
    pools.rng.shuffle(longer)
    pools.sino = sino + longer


def build_split(rng, split, pools, n_short, n_long, handwritten, stats, first_id=0):
    names = list(TYPES)
    jobs = [(names[i % len(names)], True) for i in range(n_long)]
    jobs += [(names[(i + 3) % len(names)], False) for i in range(n_short)]
    arts = [generated_article(rng, t, pools, long, split) for t, long in jobs]
    arts += [handwritten_article(h, split) for h in handwritten]
    rng.shuffle(arts)
    if split == "dev":   # reword about DEV_PARAPHRASE_RATE of all dev questions with dev-only paraphrases
        n_total = sum(len(art["qas"]) for art in arts)
        cands = [qa for art in arts for qa in art["qas"] if qa["paraphrase"]]
        for qa in rng.sample(cands, min(len(cands), round(DEV_PARAPHRASE_RATE * n_total))):
            qa["question"] = qa["paraphrase"]
            stats["dev_paraphrase"] += 1
    data = []
    for p, art in enumerate(arts):
        qas = [{"question": qa["question"], "id": f"{split}-{first_id + p:04d}-{j}", "answers": qa["answers"]}
               for j, qa in enumerate(art["qas"])]
        data.append({"title": art["title"], "paragraphs": [{"context": art["context"], "qas": qas}]})
    return {"version": f"KorQuAD_v1.0_{split}", "data": data}


def validate(ds, split, ids):
    assert ds["version"] == f"KorQuAD_v1.0_{split}"
    titles = [a["title"] for a in ds["data"]]
    assert len(titles) == len(set(titles)), "duplicate titles"
    for art in ds["data"]:
        assert isinstance(art["title"], str) and art["title"]
        for para in art["paragraphs"]:
            ctx = para["context"]
            assert ctx == ctx.strip() and "  " not in ctx and "{" not in ctx and "}" not in ctx, ctx
            assert para["qas"], art["title"]
            for qa in para["qas"]:
                assert qa["id"] not in ids, qa["id"]
                ids.add(qa["id"])
                assert qa["question"].endswith("?") and "{" not in qa["question"], qa["question"]
                n = len(qa["answers"])
                assert (n == 1) if split == "train" else (1 <= n <= 3), qa
                for ans in qa["answers"]:
                    t, s = ans["text"], ans["answer_start"]
                    assert t and t == t.strip(), qa
                    assert isinstance(s, int) and ctx[s:s + len(t)] == t, (qa, ctx[s:s + len(t)])


def summary(path):
    ds = json.loads(Path(path).read_text(encoding="utf-8"))
    paras = [p for a in ds["data"] for p in a["paragraphs"]]
    lens = sorted(len(p["context"]) for p in paras)
    nq = sum(len(p["qas"]) for p in paras)
    return (f"{Path(path).name}: {len(paras)} paragraphs, {nq} questions, context chars "
            f"min/median/max {lens[0]}/{int(statistics.median(lens))}/{lens[-1]}, "
            f">= {LONG_MIN_CHARS} chars: {sum(n >= LONG_MIN_CHARS for n in lens)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = ap.parse_args()
    handwritten = load("handwritten")
    rng = random.Random(SEED)
    train_pools, dev_pools = build_pools(rng)
    stats = {"dev_paraphrase": 0}
    train = build_split(rng, "train", train_pools, N_TRAIN_SHORT, N_TRAIN_LONG, handwritten["train"], stats)
    dev = build_split(rng, "dev", dev_pools, N_DEV_SHORT, N_DEV_LONG, handwritten["dev"], stats)
    # the extra paragraphs come last and from their own seed, so the first train paragraphs and dev stay as they were
    extra_rng = random.Random(EXTRA_SEED)
    train_pools.rng = extra_rng
    extend_pools(train_pools)
    extra = build_split(extra_rng, "train", train_pools, N_EXTRA_SHORT, N_EXTRA_LONG, [], stats, first_id=len(train["data"]))
    train["data"] += extra["data"]
    ids = set()
    validate(train, "train", ids)
    validate(dev, "dev", ids)
    train_titles = {a["title"] for a in train["data"]}
    assert not any(a["title"] in train_titles for a in dev["data"]), "dev entity also in train"
    args.out.mkdir(parents=True, exist_ok=True)
    for split, ds in (("train", train), ("dev", dev)):
        path = args.out / f"KorQuAD_v1.0_{split}.json"
        path.write_text(json.dumps(ds, ensure_ascii=False) + "\n", encoding="utf-8")
        print(summary(path))
    n_dev = sum(len(p["qas"]) for a in dev["data"] for p in a["paragraphs"])
    print(f"dev questions worded with dev-only paraphrases: {stats['dev_paraphrase']}/{n_dev}")


if __name__ == "__main__":
    main()
