#!/usr/bin/env python3
"""Generate the bundled KorQuAD-1.0-format sample of `ratsqa_nb`.

The sample is *original fictional text* written for this project: every
village, river, company, ship, festival, invention, school, person, mountain
and bridge in it is invented, and no sentence is copied from KorQuAD,
Wikipedia or any other existing text.  It exists so that the whole pipeline
(tokenizer training, feature building, fine-tuning, evaluation) can be run and
tested offline on a small corpus with the exact KorQuAD 1.0 JSON layout.

How the text is built
---------------------
* Ten entity types (``TYPES``).  Each type has a value maker (names, years,
  counts ... drawn from name pools with ``random.Random(SEED)``), an intro
  sentence block, several fact blocks and a list of filler sentences.
* A fact block is a list of sentence variants.  A variant is a sentence
  template such as ``"{name|은} {founded}에 {founder|이} 세웠다."`` plus, for
  each fact it states, question templates that reuse the sentence's content
  words (``q``: used in train and dev) and extra paraphrases used only in dev
  (``d``: about 20 % of dev questions use them).
* ``{key}`` inserts a value; ``{key|은}`` inserts the value followed by the
  Korean particle (조사) chosen by the value's final consonant (은/는, 이/가,
  을/를, 과/와, (으)로, ...); ``{@key|을}`` inserts only the particle.  The
  answer span is the value alone, never the particle, as in KorQuAD
  (answer "하람강", context "...하람강에서...").
* Short paragraphs (mostly 150-350 characters) use the intro plus a few
  blocks; long paragraphs (>= 600 characters) use every block plus fillers so
  that they need several 128-token windows and have answers near the end.
* A few hand-written paragraphs (``HANDWRITTEN_TRAIN``/``HANDWRITTEN_DEV``)
  add variety.
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
from pathlib import Path

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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "ratsqa_nb" / "data" / "korquad-v1"

# ---------------------------------------------------------------------------
# Korean helpers: final consonant, particles, numerals
# ---------------------------------------------------------------------------
_DIGIT_JONG = {"1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0, "0": 4}
_SKIP = "》』」’'\")] "


def final_jong(word):
    """Index of the final consonant (종성) of the last pronounced character (0 = none, 8 = ㄹ)."""
    for ch in reversed(word):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28
        if ch.isdigit():
            return _DIGIT_JONG[ch]   # 일/칠/팔 end in ㄹ, 삼 ㅁ, 육 ㄱ, 십/백/천/만 non-ㄹ
        if ch in _SKIP or ch in ",.":
            continue
        return 0
    return 0


_PAIRS = {  # particle -> (after a final consonant, after a vowel)
    "은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
    "이나": ("이나", "나"), "이라는": ("이라는", "라는"), "이라고": ("이라고", "라고"),
    "이었다": ("이었다", "였다"), "이었고": ("이었고", "였고"), "이었으며": ("이었으며", "였으며"),
    "이었는데": ("이었는데", "였는데"), "이었다고": ("이었다고", "였다고"),
}


def particle(word, p):
    j = final_jong(word)
    if p.startswith("으로") or p.startswith("로"):
        base = p[1:] if p.startswith("으") else p
        return base if j in (0, 8) else "으" + base
    if p in _PAIRS:
        return _PAIRS[p][0] if j else _PAIRS[p][1]
    return p  # 에, 에서, 의, 이다, 이며, 인 ... do not depend on the final consonant


_NATIVE_UNITS = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def native(n):
    """Native Korean numeral in counter (관형사) form, 1..99: 3 -> 세, 20 -> 스무, 23 -> 스물세."""
    assert 1 <= n <= 99
    t, u = divmod(n, 10)
    if u == 0:
        return "스무" if t == 2 else _NATIVE_TENS[t]
    return _NATIVE_TENS[t] + _NATIVE_UNITS[u]


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


def V(s, q=None, d=None):
    """A sentence variant: template, train+dev question templates, dev-only paraphrases."""
    return {"s": s, "q": q or {}, "d": d or {}}


# ---------------------------------------------------------------------------
# Name pools (all invented; train and dev use disjoint slices)
# ---------------------------------------------------------------------------
SURNAMES = ("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 홍 전 고 문 양 손 배 백 허 남 심 "
            "노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 석 선 설 마 "
            "길 연 위 표 명 기 반 라 금 옥 육 인 맹 탁 국 봉 승 예").split()
GIVEN1 = "도 서 하 지 민 예 수 현 재 은 태 유 승 준 우 세 정 다 가 나 보 소 연 영 진 상 동 경 미 혜 윤 주 채 시 아 한 규 성 희 기".split()
GIVEN2 = "윤 준 은 원 민 아 우 현 진 호 희 빈 율 연 서 경 수 석 철 림 환 훈 영 솔 결 담 온 람 별 슬".split()

NATIVE_STEMS = ("하람 바람 가람 다온 마루 너울 누리 여울 모래 구름 이슬 노을 달빛 별빛 물결 솔숲 갈대 버들 "
                "억새 들꽃 보라 아라 라온 해솔 늘봄 도담 산들 한결 샘물 물새 갈매 흰모래 검은돌 붉은재 "
                "솔바람 맑은샘 새터 꽃담 달래 두레 미리내 새솔 아름 은결 잔물 푸실 하늬 해오름 햇살 "
                "너른 는개 다솜 단비 도란 보슬 빛가람 새암 소담 아리 윤슬 초롱 한빛 한별 해랑 나래 가온 "
                "꽃뫼 물안 돌샘 솔뫼 감내 고운내 구슬 금빛 길섶 까치 노루 느티 다래 들샘 머루 모란 물빛 "
                "바위 벼리 봄내 비단 사슴 새벽 서리 솔개 수달 실개 싸리 안개 앵두 연꽃 오동 옹달 은하 "
                "자작 제비 조약 종달 참새 철쭉 초록 파랑 하늘 함박 호박 황새 흰구름 물푸레 가재 뻐꾸기 "
                "개암 부들 띠풀 청미래 꾀꼬리 반달 초승 달무리 별무리 물안개 산안개 바닷새 갯벌 모랫벌").split()
SINO1 = "청 운 평 명 송 월 덕 화 녹 백 금 옥 봉 연 태 의 신 한 은 학 용 매 죽 난 국 설 벽 율 창 보 문 계 영 소 가 서".split()
SINO2 = "운 하 계 림 곡 담 암 촌 령 봉 월 현 결 란 솔".split()
# real Korean place names that the syllable combinations could produce
SINO_BLOCK = set("청하 청계 청림 송림 송월 화계 명월 월곡 덕계 백운 금곡 봉담 연하 태하 신림 한림 은하 학운 용담 "
                 "매곡 죽림 국담 설악 영월 계룡 문곡 가곡 서하 서계 서림 서곡 서촌 소하 영하 연곡 옥계 의림 용암 "
                 "금암 신월 백암 청암 봉곡 운곡 월암 계림 화암 영암 연암 봉암 송암 창곡 율곡 학림 운림 한계 덕암 "
                 "덕곡 용계 용림 용곡 운암 옥룡 금계 금령 화령 영계 평촌 신촌 화촌 봉촌 보령 계촌 월촌 금촌 명촌 "
                 "덕촌 송촌 연촌 용촌 평곡 청령 평하 옥하 태백 월계 신계 신곡 소계".split())

MONK_NAMES = "혜운 무진 도원 법해 지월 성안 현각 묘정 원공 청허 일담 보은 각현 법운 진여 혜담".split()


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

    def sino_stem(self):
        return self.rng.choice(self.sino)


def build_pools(rng):
    people = [s + a + b for s in SURNAMES for a in GIVEN1 for b in GIVEN2 if a != b]
    rng.shuffle(people)
    stems = list(NATIVE_STEMS)
    rng.shuffle(stems)
    sino = [a + b for a in SINO1 for b in SINO2 if a != b and a + b not in SINO_BLOCK]
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
    if n >= 1000:
        a = n // 1000
        if r < 0.35:
            return f"약 {a}천 명", [f"{a}천 명"]
        if r < 0.65:
            return f"{a}천여 명", []
        return f"{n:,}명", [f"{n:,}"]
    if n >= 100:
        a = n // 100
        if r < 0.35:
            return f"약 {a}백 명", [f"{a}백 명"]
        if r < 0.6:
            return f"{a}백여 명", []
        return f"{n}명", [str(n)]
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


def kor_num(n):
    """42000 -> '4만 2천', 7000 -> '7천', 5800 -> '5,800'."""
    man, rest = divmod(n, 10000)
    parts = [f"{man}만"] if man else []
    if rest:
        parts.append(f"{rest // 1000}천" if rest % 1000 == 0 else f"{rest:,}")
    return " ".join(parts)


def put(vals, alts, key, va):
    vals[key], alts[key] = va


DAYS = ["이틀", "사흘", "나흘", "닷새", "엿새", "이레", "열흘"]
MONTHS_NATIVE = ["두 달", "석 달", "넉 달", "다섯 달", "여섯 달", "여덟 달", "열 달"]


def dur_years(rng, lo, hi):
    n = rng.randint(lo, hi)
    if rng.random() < 0.35:
        return f"{native(n)} 해", []
    return f"{n}년", [str(n)]


# ---------------------------------------------------------------------------
# Entity types
# ---------------------------------------------------------------------------
TYPES = {}


def entity_type(name, make, intro, blocks, fillers, title="name"):
    TYPES[name] = {"make": make, "intro": intro, "blocks": blocks, "fillers": fillers, "title": title}


# --- village ---------------------------------------------------------------
FOUNDER_JOBS = ["어부", "목수", "농부", "대장장이", "숯장이", "약초꾼", "뱃사공", "옹기장이", "소금장수", "사냥꾼"]
VILLAGE_WORK = ["농사", "고기잡이", "과수 농사", "숯 굽기", "약초 재배", "소금 굽기", "양봉", "누에치기", "목축"]
VILLAGE_PRODUCT = ["곶감", "미역", "옹기", "대나무 바구니", "한지", "메밀", "꿀", "삼베", "갈대 돗자리", "말린 버섯",
                   "유기그릇", "녹차", "참숯", "굴비", "인삼", "도토리묵", "산나물", "배"]
TREES = ["느티나무", "은행나무", "팽나무", "회화나무", "소나무", "버드나무", "왕벚나무", "향나무", "감나무", "밤나무"]
CUSTOMS = ["등불 띄우기", "볏짚 줄다리기", "물동이 나르기 놀이", "장대 오르기", "솔잎 태우기", "연 날리기 대회",
           "돌다리 밟기", "횃불 돌리기", "나무 수레 끌기"]
FOODS = ["메밀떡", "호박죽", "쑥떡", "수수부꾸미", "도토리묵", "감자전", "팥죽", "송편", "산채비빔밥", "조개탕"]


def make_village(rng, P):
    v, a = {}, {}
    v["name"] = P.place(rng.choice(["골", "실", "말"]), unique=True)
    y0 = rng.randint(1610, 1860)
    ys = years(rng, 2, y0 + 25, 1955)
    put(v, a, "founded", yr(y0))
    put(v, a, "school_year", yr(ys[0]))
    put(v, a, "flood_year", yr(ys[1]))
    put(v, a, "pop_year", yr(rng.randint(1965, 2018)))
    v["founder"] = P.person()
    v["planter"] = P.person()
    v["teacher"] = P.person()
    v["fjob"] = rng.choice(FOUNDER_JOBS)
    put(v, a, "families", count(rng, 5, 24, "가구", native_p=0.8))
    v["region"] = P.sino_name("군")
    v["river"] = P.place("강")
    put(v, a, "dist", length(rng, 2, 38, "킬로미터"))
    put(v, a, "pop", people_count(rng, 120, 9000))
    v["work"] = rng.choice(VILLAGE_WORK)
    v["product"] = rng.choice(VILLAGE_PRODUCT)
    v["month"] = f"{rng.randint(1, 12)}월"
    v["market"] = P.sino_name("읍")
    v["tree"] = rng.choice(TREES)
    put(v, a, "tree_age", (f"{rng.randint(15, 60) * 10}년", []))
    put(v, a, "houses", count(rng, 3, 80, "채"))
    v["newsite"] = P.place("벌")
    v["school"] = rng.choice([P.place("서당"), P.sino_name("학당")])
    put(v, a, "fest_date", date(rng))
    v["custom"] = rng.choice(CUSTOMS)
    v["food"] = rng.choice(FOODS)
    return v, a


VILLAGE_INTRO = [
    V("{name} 마을은 {region} 북부의 산골짜기에 자리한 작은 마을로, {founded}에 {fjob} {founder|이} 처음 세웠다.",
      q={"founder": ["{name} 마을을 처음 세운 사람은 누구인가?", "누가 {name} 마을을 처음 세웠는가?",
                     "{founded}에 {name} 마을을 세운 {fjob}의 이름은 무엇인가?"],
         "founded": ["{name} 마을은 언제 세워졌는가?", "{fjob} {founder|이} {name} 마을을 세운 해는 언제인가?",
                     "{name} 마을이 처음 세워진 것은 몇 년인가?"],
         "region": ["{name} 마을은 어느 군의 북부에 있는가?", "{name} 마을이 자리한 산골짜기는 어디에 있는가?"],
         "fjob": ["{name} 마을을 처음 세운 {founder}의 직업은 무엇이었나?"]},
      d={"founder": ["{name} 마을의 설립자는 누구인가?", "{name} 마을을 만든 인물의 이름은?"],
         "founded": ["{name} 마을의 설립 연도는 언제인가?", "몇 년도에 {name} 마을이 생겼나?"],
         "region": ["{name} 마을의 소재지는 어느 군인가?"],
         "fjob": ["{founder|은} 어떤 일을 하던 사람이었나?"]}),
    V("{name} 마을은 {region}에 있는 마을이다. {founded}에 {founder|이} 이끄는 {fjob} {families|이} {river} 기슭에 "
      "처음 터를 잡으면서 마을이 생겨났다.",
      q={"founder": ["{name} 마을에 처음 터를 잡은 {fjob}들을 이끈 사람은 누구인가?",
                     "{river} 기슭에 처음 터를 잡은 무리를 이끈 인물은 누구였나?"],
         "founded": ["{name} 마을은 몇 년에 생겨났는가?", "{fjob}들이 {river} 기슭에 처음 터를 잡은 것은 언제인가?"],
         "families": ["{name} 마을에 처음 터를 잡은 것은 몇 가구였는가?", "{founder|이} 이끈 {fjob|은} 모두 몇 가구였나?"],
         "river": ["{name} 마을은 어느 강 기슭에서 생겨났는가?", "{founder|이} 이끈 무리가 처음 터를 잡은 곳은 어느 강 기슭인가?"],
         "region": ["{name} 마을은 어느 군에 있는가?"]},
      d={"founded": ["{name} 마을이 형성된 해는?"], "river": ["{name} 마을의 첫 정착지는 어떤 강의 기슭이었나?"],
         "families": ["{name} 마을에 맨 처음 정착한 가구 수는 얼마인가?"],
         "founder": ["{name} 마을 개척민의 우두머리는 누구였나?"]}),
    V("{founded}에 {fjob} {founder|이} 가족을 데리고 {region}의 깊은 골짜기로 들어와 집을 지은 것이 {name} 마을의 시작이다.",
      q={"founder": ["{name} 마을의 시작을 연 {fjob|은} 누구인가?", "가족을 데리고 골짜기로 들어와 {name} 마을을 시작한 사람은?"],
         "founded": ["{name} 마을은 언제 시작되었는가?", "{founder|이} 골짜기로 들어와 집을 지은 해는 언제인가?"],
         "region": ["{founder|은} 어느 군의 골짜기로 들어와 집을 지었는가?"],
         "fjob": ["{name} 마을을 시작한 {founder|은} 어떤 일을 하던 사람이었나?"]},
      d={"founder": ["{name} 마을에 맨 처음 들어와 산 사람은 누구인가?"], "founded": ["{name} 마을의 역사는 몇 년에 시작되었나?"]}),
]

VILLAGE_BLOCKS = [
    [V("마을은 {river|이} 크게 굽이치는 곳의 남쪽 언덕에 있으며, 읍내에서 {dist} 떨어져 있다.",
       q={"river": ["{name} 마을 근처에서 크게 굽이치는 강은 무엇인가?", "{name} 마을은 어느 강이 굽이치는 곳에 있는가?"],
          "dist": ["{name} 마을은 읍내에서 얼마나 떨어져 있는가?", "읍내에서 {name} 마을까지의 거리는 몇 킬로미터인가?"]},
       d={"dist": ["{name} 마을과 읍내 사이의 거리는?"], "river": ["{name} 마을 옆을 흐르는 강의 이름은?"]}),
     V("{name} 마을은 읍내에서 {dist} 떨어진 산기슭에 있어서, 예전에는 장을 보러 가려면 꼬박 반나절을 걸어야 했다.",
       q={"dist": ["{name} 마을은 읍내에서 몇 킬로미터 떨어져 있는가?", "읍내에서 {name} 마을이 있는 산기슭까지는 얼마나 떨어져 있는가?"]},
       d={"dist": ["{name} 마을에서 읍내까지 거리는 얼마인가?"]})],
    [V("{pop_year} 조사에 따르면 {name} 마을에는 {pop|이} 살고 있었다.",
       q={"pop": ["{pop_year} 조사 당시 {name} 마을에는 몇 명이 살고 있었는가?", "{pop_year}에 {name} 마을에 살던 사람은 몇 명이었나?"],
          "pop_year": ["{name} 마을에 {pop|이} 살고 있다고 조사된 것은 언제인가?"]},
       d={"pop": ["{pop_year} 당시 {name} 마을의 인구는 얼마였는가?"]}),
     V("{pop_year} 기준으로 마을의 인구는 {pop|이며}, 주민 대부분이 {work|을} 하며 살아간다.",
       q={"pop": ["{pop_year} 기준 {name} 마을의 인구는 몇 명인가?", "{name} 마을의 인구는 얼마인가?"],
          "work": ["{name} 마을 주민 대부분은 무엇을 하며 살아가는가?"]},
       d={"pop": ["{pop_year}에 {name} 마을 주민은 몇 명이었는가?"], "work": ["{name} 마을 사람들의 주된 생업은 무엇인가?"]})],
    [V("{name} 마을은 예로부터 {product|으로} 이름이 높았으며, 해마다 {month} 무렵이면 이를 사려는 상인들이 몰려들었다.",
       q={"product": ["{name} 마을은 예로부터 무엇으로 이름이 높았는가?",
                      "해마다 {month} 무렵 상인들이 {name} 마을에 몰려와 사려던 것은 무엇인가?"],
          "month": ["상인들이 {name} 마을로 몰려드는 것은 해마다 몇 월 무렵인가?", "{product|을} 사려는 상인들은 언제 {name} 마을로 몰려들었는가?"]},
       d={"product": ["{name} 마을의 이름난 특산물은 무엇인가?"], "month": ["{name} 마을에 상인이 모이는 시기는 몇 월쯤인가?"]}),
     V("마을의 특산물인 {product|은} 소달구지에 실려 {market} 장터까지 가서 팔렸다.",
       q={"product": ["{name} 마을의 특산물은 무엇인가?", "{market} 장터까지 실려 가서 팔린 {name} 마을의 특산물은?"],
          "market": ["{name} 마을의 {product|은} 어느 장터에서 팔렸는가?", "{name} 마을 특산물이 실려 간 장터는 어디인가?"]},
       d={"market": ["{name} 마을 사람들은 {product|을} 어느 곳의 장으로 내다 팔았나?"]})],
    [V("마을 한가운데에는 {planter|이} 심었다고 전해지는 {tree} 한 그루가 서 있는데, 나이가 {tree_age|이} 넘는다.",
       q={"tree": ["{name} 마을 한가운데에 서 있는 나무는 무엇인가?", "{planter|이} 심었다고 전해지는 나무는 어떤 나무인가?"],
          "planter": ["{name} 마을 한가운데의 {tree|을} 심었다고 전해지는 사람은 누구인가?"],
          "tree_age": ["{name} 마을 한가운데에 있는 {tree}의 나이는 얼마인가?", "{planter|이} 심은 {tree|은} 몇 년이 넘었는가?"]},
       d={"tree": ["{name} 마을 중앙에 있는 나무의 종류는?"], "planter": ["{name} 마을의 {tree|을} 심은 인물은?"]})],
    [V("{school_year}에는 마을 사람들이 돈을 모아 {school|을} 세웠고, {teacher|이} 첫 훈장을 맡았다.",
       q={"school": ["{school_year}에 {name} 마을 사람들이 돈을 모아 세운 것은 무엇인가?"],
          "school_year": ["{name} 마을 사람들이 {school|을} 세운 것은 언제인가?"],
          "teacher": ["{school}의 첫 훈장은 누구였나?", "{name} 마을에 세워진 {school}에서 처음 훈장을 맡은 사람은?"]},
       d={"school": ["{name} 마을 주민들이 세운 배움터의 이름은?"], "teacher": ["{school} 최초의 훈장은 누구인가?"]})],
    [V("{flood_year} 여름에는 큰 홍수가 나서 마을의 집 {houses|이} 물에 잠겼다.",
       q={"flood_year": ["{name} 마을에 큰 홍수가 난 것은 언제인가?", "{name} 마을의 집 {houses|이} 물에 잠긴 해는?"],
          "houses": ["{flood_year} 홍수 때 {name} 마을에서 물에 잠긴 집은 몇 채인가?", "큰 홍수로 {name} 마을의 집 몇 채가 물에 잠겼는가?"]},
       d={"flood_year": ["{name} 마을이 수해를 입은 연도는?"], "houses": ["{flood_year} 여름 {name} 마을의 침수 가옥 수는?"]}),
     V("{flood_year}에 일어난 산사태로 마을 사람들은 {newsite|으로} 옮겨 가 새로 집을 지었다.",
       q={"flood_year": ["{name} 마을에 산사태가 일어난 해는 언제인가?"],
          "newsite": ["산사태 뒤 {name} 마을 사람들은 어디로 옮겨 갔는가?", "{flood_year} 산사태 이후 {name} 마을 사람들이 새로 집을 지은 곳은?"]},
       d={"newsite": ["산사태를 피해 {name} 마을 주민들이 이주한 곳은 어디인가?"]})],
    [V("해마다 {fest_date}에는 풍년을 비는 {custom|이} 열리는데, 이날 마을 사람들은 {food|을} 나누어 먹는다.",
       q={"fest_date": ["{name} 마을에서 {custom|이} 열리는 날은 언제인가?", "풍년을 비는 {custom|은} 해마다 언제 열리는가?"],
          "custom": ["해마다 {fest_date}에 {name} 마을에서 열리는 것은 무엇인가?", "{name} 마을에서 풍년을 빌며 여는 행사는 무엇인가?"],
          "food": ["{custom|이} 열리는 날 {name} 마을 사람들이 나누어 먹는 음식은 무엇인가?"]},
       d={"custom": ["{name} 마을의 풍년 기원 행사 이름은?"], "fest_date": ["{name} 마을 사람들이 {food|을} 나누어 먹는 날은?"]})],
]

VILLAGE_FILLERS = [
    "{name} 마을의 집들은 대부분 흙과 돌로 지은 낮은 초가였다.",
    "겨울이 길고 눈이 많이 내려서 마을 사람들은 가을부터 땔감을 넉넉히 모아 두었다.",
    "마을 어귀에는 커다란 돌탑이 있어 지나가는 사람들이 작은 돌을 하나씩 얹고 갔다.",
    "골목길은 좁고 구불구불하여 처음 온 사람은 길을 잃기 쉬웠다.",
    "마을 뒤편의 언덕에 오르면 맑은 날에는 멀리 바다까지 내려다보였다.",
    "주민들은 서로 일손을 빌려주며 농사를 짓는 풍습을 오래 지켜 왔다.",
    "봄이 되면 마을 앞 들판이 노란 유채꽃으로 뒤덮였다.",
    "오늘날에는 젊은 사람들이 도시로 떠나면서 빈집이 조금씩 늘고 있다.",
    "마을 사람들은 이웃 마을과 혼인을 자주 맺어 친척 관계가 넓게 이어져 있었다.",
    "마을에는 오래된 우물이 여럿 있었는데, 그중 하나는 지금도 물이 마르지 않는다.",
    "마을 사람들은 해마다 음력 정월이 되면 집집마다 쌀을 조금씩 모아 가난한 이웃의 겨울나기를 도왔다.",
    "마을 입구의 정자는 여름이면 노인들이 모여 장기를 두고 지나가는 나그네에게 길을 알려 주는 쉼터가 되었다.",
    "옛날에는 마을에서 읍내로 가는 길이 하나뿐이어서 큰비가 오면 며칠씩 바깥과 왕래가 끊기곤 했다.",
    "마을의 오래된 집 가운데 몇 채는 지금도 옛 모습을 간직하고 있어 사진을 찍으러 오는 사람들이 많다.",
    "아이들은 여름이면 마을 앞 개울에서 가재를 잡고, 겨울이면 얼어붙은 논에서 썰매를 탔다.",
    "마을 회관에는 주민들이 대대로 적어 온 마을 일지가 보관되어 있는데, 그 양이 책 수십 권에 이른다.",
]

entity_type("village", make_village, VILLAGE_INTRO, VILLAGE_BLOCKS, VILLAGE_FILLERS)


# --- river -----------------------------------------------------------------
FISH = ["쏘가리", "은어", "잉어", "붕어", "메기", "뱀장어", "누치", "꺽지", "황어", "숭어", "모래무지"]
DAM_REASONS = ["홍수", "가뭄", "물 부족", "강바닥 침식"]


def make_river(rng, P):
    v, a = {}, {}
    v["name"] = P.place("강", unique=True)
    v["src"] = P.place("산")
    v["mouth"] = P.place("만")
    v["region"] = P.sino_name("군")
    put(v, a, "length", length(rng, 38, 520, "킬로미터"))
    put(v, a, "tribs", count(rng, 4, 46, "개", native_p=0.5))
    v["bigtrib"] = P.place("천")
    ys = years(rng, 4, 1720, 1990)
    put(v, a, "survey_year", yr(ys[0]))
    put(v, a, "oldbridge_year", yr(ys[1]))
    put(v, a, "flood_year", yr(ys[2]))
    put(v, a, "dam_year", yr(ys[3]))
    v["dam"] = P.sino_name("댐")
    v["dam_reason"] = rng.choice(DAM_REASONS)
    v["fish"] = rng.choice(FISH)
    v["port"] = P.place("포")
    put(v, a, "bridges", count(rng, 5, 42, "개", native_p=0.3))
    v["oldbridge"] = P.place("다리")
    v["namer"] = P.person()
    v["surveyor"] = P.person()
    put(v, a, "survey_years", dur_years(rng, 2, 11))
    put(v, a, "farms", count(rng, 40, 900, "가구", native_p=0.0))
    v["wetland"] = P.place("갯벌", sep=" ")
    v["birds"] = rng.choice(["고니", "청둥오리", "기러기", "저어새", "검은머리물떼새", "민물가마우지"])
    n = rng.randint(3, 90) * 100
    put(v, a, "bird_count", (f"{kor_num(n)} 마리", [kor_num(n)]) if n % 1000 == 0 else (f"{n:,}마리", [f"{n:,}"]))
    return v, a


RIVER_INTRO = [
    V("{name|은} {src}에서 발원하여 {mouth|으로} 흘러드는 강으로, 길이는 {length}에 이른다.",
      q={"src": ["{name|은} 어디에서 발원하는가?", "{name|이} 발원하는 산은 어디인가?"],
         "mouth": ["{name|은} 어디로 흘러드는가?", "{src}에서 발원한 {name|이} 흘러드는 곳은 어디인가?"],
         "length": ["{name}의 길이는 얼마인가?", "{name|은} 길이가 몇 킬로미터에 이르는가?"]},
      d={"src": ["{name}의 발원지는 어디인가?"], "mouth": ["{name}의 물이 마지막으로 닿는 만은 어디인가?"],
         "length": ["{name}의 총 길이는?"]}),
    V("{name|은} {region}의 한가운데를 가로지르는 {length} 길이의 강이다. 강물은 {src} 북쪽 골짜기에서 시작된다.",
      q={"length": ["{region}의 한가운데를 가로지르는 {name}의 길이는?", "{name}의 길이는 몇 킬로미터인가?"],
         "src": ["{name}의 강물은 어디에서 시작되는가?", "{name|이} 시작되는 골짜기는 어느 산의 북쪽에 있는가?"],
         "region": ["{name|은} 어느 군의 한가운데를 가로지르는가?", "{name|이} 한가운데를 가로지르는 곳은 어디인가?"]},
      d={"region": ["{name|이} 관통하는 군은?"], "src": ["{name}의 물줄기는 어느 산에서 비롯되는가?"]}),
]

RIVER_BLOCKS = [
    [V("{name|은} 흐르는 동안 크고 작은 지류 {tribs|을} 받아들이며, 그 가운데 가장 큰 것은 {bigtrib|이다}.",
       q={"tribs": ["{name|은} 지류를 몇 개 받아들이는가?", "{name|이} 받아들이는 크고 작은 지류는 몇 개인가?"],
          "bigtrib": ["{name}의 지류 가운데 가장 큰 것은 무엇인가?", "{name|으로} 흘러드는 가장 큰 지류는?"]},
       d={"bigtrib": ["{name}의 최대 지류는 무엇인가?"], "tribs": ["{name}에 합류하는 지류의 수는?"]})],
    [V("{dam_year}에는 {dam_reason|을} 막기 위해 강 중류에 {dam|이} 세워졌다.",
       q={"dam_year": ["{name} 중류에 {dam|이} 세워진 것은 언제인가?", "{dam|은} 몇 년에 세워졌는가?"],
          "dam": ["{dam_year}에 {name} 중류에 세워진 댐의 이름은?", "{dam_reason|을} 막기 위해 {name} 중류에 세운 것은 무엇인가?"],
          "dam_reason": ["{dam|은} 무엇을 막기 위해 세워졌는가?", "{name} 중류에 {dam|을} 세운 것은 무엇을 막기 위해서였나?"]},
       d={"dam_year": ["{dam}의 준공 연도는?"], "dam": ["{name}에 건설된 댐의 명칭은 무엇인가?"],
          "dam_reason": ["{dam|을} 건설한 목적은 무엇을 막는 것이었나?"]})],
    [V("강에는 {fish|이} 많이 살아서 하류의 {port} 사람들은 예로부터 고기잡이로 생계를 꾸렸다.",
       q={"fish": ["{name}에 많이 사는 물고기는 무엇인가?", "{port} 사람들이 {name}에서 잡던 물고기는 주로 무엇인가?"],
          "port": ["{name} 하류에서 예로부터 고기잡이로 생계를 꾸린 곳은 어디인가?", "{name} 하류에 있는 마을은 어디인가?"]},
       d={"fish": ["{name}에 흔한 어종은 무엇인가?"], "port": ["{name} 하류의 어촌은 어디인가?"]})],
    [V("{name} 위에는 모두 {bridges}의 다리가 놓여 있는데, 가장 오래된 것은 {oldbridge_year}에 지어진 {oldbridge|이다}.",
       q={"bridges": ["{name} 위에 놓인 다리는 모두 몇 개인가?", "{name}에는 다리가 몇 개 놓여 있는가?"],
          "oldbridge": ["{name} 위에 놓인 다리 가운데 가장 오래된 것은?", "{oldbridge_year}에 {name} 위에 지어진 다리는 무엇인가?"],
          "oldbridge_year": ["{oldbridge|은} 언제 지어졌는가?", "{name}에서 가장 오래된 다리가 지어진 해는?"]},
       d={"oldbridge": ["{name}의 다리 중 가장 역사가 긴 것은?"], "bridges": ["{name}을 건너는 다리의 수는?"]})],
    [V("강의 이름은 {namer|이} 이 강을 건너며 지은 시에서 따온 것이라고 한다.",
       q={"namer": ["{name}의 이름은 누구의 시에서 따왔는가?", "{name|을} 건너며 시를 지은 사람은 누구인가?"]},
       d={"namer": ["{name|이라는} 이름의 유래가 된 시를 쓴 사람은?"]})],
    [V("강 전체를 처음으로 측량한 사람은 {surveyor|으로}, 그는 {survey_year}부터 {survey_years} 동안 강을 따라 걸으며 지도를 그렸다.",
       q={"surveyor": ["{name} 전체를 처음으로 측량한 사람은 누구인가?", "누가 처음으로 {name} 전체를 측량했는가?"],
          "survey_year": ["{surveyor|은} 언제부터 {name|을} 따라 걸으며 지도를 그렸는가?"],
          "survey_years": ["{surveyor|이} {name|을} 따라 걸으며 지도를 그린 기간은 얼마인가?", "{surveyor|은} 몇 년 동안 {name|을} 따라 걸었는가?"]},
       d={"surveyor": ["{name}의 첫 측량자는 누구인가?"], "survey_year": ["{name} 측량이 시작된 해는?"]})],
    [V("{flood_year}에는 강물이 넘쳐 강가의 농가 {farms|이} 물에 잠기는 큰 피해를 입었다.",
       q={"flood_year": ["{name}의 강물이 넘쳐 큰 피해를 입은 해는 언제인가?", "{name|이} 넘쳐 강가의 농가가 물에 잠긴 것은 몇 년인가?"],
          "farms": ["{flood_year}에 {name}의 강물이 넘쳐 물에 잠긴 농가는 몇 가구인가?"]},
       d={"farms": ["{flood_year} {name} 범람으로 피해를 본 농가 수는?"], "flood_year": ["{name}에 큰 수해가 난 연도는?"]})],
    [V("강 하구에는 {wetland|이} 넓게 펼쳐져 있어 겨울이면 {birds} 떼가 찾아오는데, 많을 때는 {bird_count|에} 이른다.",
       q={"wetland": ["{name} 하구에 넓게 펼쳐져 있는 곳은?"],
          "birds": ["겨울이면 {name} 하구에 떼를 지어 찾아오는 새는?"],
          "bird_count": ["겨울에 {name} 하구로 찾아오는 {birds|은} 많을 때 몇 마리에 이르는가?"]},
       d={"birds": ["{name} 하구의 겨울 철새는 무엇인가?"]})],
]

RIVER_FILLERS = [
    "강폭은 상류에서는 좁지만 하류로 갈수록 넓어져 배가 드나들 수 있다.",
    "가을이면 강가의 갈대밭이 은빛으로 물들어 구경하는 사람이 많다.",
    "강물이 맑고 물살이 느려서 여름철에는 아이들이 헤엄을 치며 놀았다.",
    "옛날에는 나룻배가 강의 양쪽 마을을 잇는 유일한 교통수단이었다.",
    "겨울에는 강물이 두껍게 얼어서 사람들이 얼음 위를 걸어서 건넜다.",
    "강 하류에는 넓은 모래톱이 펼쳐져 있어 철새들이 쉬어 간다.",
    "강 주변의 땅은 기름져서 예로부터 벼농사가 잘되었다.",
    "상류의 계곡에는 크고 작은 폭포가 여럿 있어 물소리가 끊이지 않는다.",
    "장마철이 되면 강물이 불어나 흙탕물이 거세게 흐른다.",
    "강의 중류에는 물살이 빨라 뱃사공들이 가장 조심해서 지나야 하는 여울이 여러 군데 있다.",
    "예전에는 강을 따라 뗏목을 띄워 상류의 목재를 하류의 항구까지 실어 날랐다.",
    "강가의 바위 절벽에는 옛사람들이 새겨 놓은 글씨가 남아 있어 학자들의 관심을 끌고 있다.",
    "봄이면 강둑을 따라 벚꽃이 피어 꽃길을 걸으려는 사람들로 붐빈다.",
    "강물은 여러 마을의 논에 물을 대는 젖줄이어서, 가뭄이 들면 물길을 두고 다툼이 일어나기도 했다.",
    "최근에는 강변을 따라 자전거 길이 만들어져 주말마다 많은 사람이 찾는다.",
]

entity_type("river", make_river, RIVER_INTRO, RIVER_BLOCKS, RIVER_FILLERS)


# --- company ---------------------------------------------------------------
COMPANY_KINDS = [  # (suffix, first products, main products, daily unit)
    ("제지", ["창호지", "포장지", "편지지"], ["한지", "공책", "신문 용지"], "장"),
    ("방직", ["무명", "삼베"], ["비단", "광목", "면 양말"], "필"),
    ("식품", ["간장", "된장", "엿"], ["과자", "국수", "통조림"], "상자"),
    ("도자기", ["사발", "옹기"], ["찻잔", "접시", "꽃병"], "개"),
    ("철공소", ["호미", "낫", "못"], ["무쇠솥", "농기구", "자전거 부품"], "개"),
    ("양조장", ["막걸리", "식초"], ["약주", "청주"], "병"),
    ("인쇄소", ["족보", "달력"], ["교과서", "지도책", "잡지"], "부"),
    ("상회", ["소금", "건어물"], ["비누", "성냥", "등잔"], "상자"),
]
HEIR_REL = ["맏아들", "둘째 딸", "조카", "사위", "막내아들", "맏딸", "동생"]
CRISES = ["공장 화재", "자금 부족", "큰 홍수", "원료 부족", "전염병", "거래처 부도"]


def make_company(rng, P):
    v, a = {}, {}
    kind, firsts, mains, unit = rng.choice(COMPANY_KINDS)
    v["name"] = P.sino_name(kind, unique=True)
    y = years(rng, 6, 1860, 1995)
    y0 = y[0]
    put(v, a, "founded", yr(y0))
    put(v, a, "emp_year", yr(y[1]))
    put(v, a, "factory_year", yr(y[2]))
    put(v, a, "crisis_year", yr(y[3]))
    put(v, a, "heir_year", yr(y[4]))
    put(v, a, "merge_year", yr(y[5]))
    v["founder"] = P.person()
    v["heir"] = P.person()
    v["rel"] = rng.choice(HEIR_REL)
    v["city"] = P.sino_name("시")
    v["fcity"] = P.sino_name("시")
    v["first_product"] = rng.choice(firsts)
    v["product"] = rng.choice(mains)
    put(v, a, "employees", people_count(rng, 40, 4800))
    put(v, a, "share", rng.choice([(f"{n}퍼센트", [str(n)]) for n in range(15, 75, 5)] + [("절반", []), ("3분의 1", [])]))
    n = rng.randint(2, 90) * rng.choice([100, 1000])
    put(v, a, "daily", (f"{n:,}{unit}", [f"{n:,}"]))
    v["crisis"] = rng.choice(CRISES)
    v["months"] = rng.choice(MONTHS_NATIVE)
    v["buyer"] = P.sino_name(rng.choice(["상사", "산업", "물산"]))
    v["newname"] = P.sino_name(rng.choice(["공업", "실업", "산업"]))
    v["logo"] = rng.choice(["날아오르는 학", "붉은 해", "세 개의 물결", "소나무 한 그루", "황금 열쇠", "두 마리 물고기"])
    put(v, a, "export_year", yr(rng.randint(y[1], y[5])))
    v["export_dest"] = P.place("섬")
    return v, a


COMPANY_INTRO = [
    V("{name|은} {founded}에 {founder|이} {city}에서 세운 회사로, 처음에는 {first_product|을} 만들어 팔았다.",
      q={"founder": ["{name|을} 세운 사람은 누구인가?", "{founded}에 {city}에서 {name|을} 세운 인물은 누구인가?"],
         "founded": ["{name|은} 언제 세워졌는가?", "{founder|이} {name|을} 세운 것은 몇 년인가?"],
         "city": ["{name|은} 어디에서 세워졌는가?", "{founder|이} {name|을} 세운 도시는 어디인가?"],
         "first_product": ["{name|이} 처음에 만들어 판 것은 무엇인가?", "처음에 {name|은} 무엇을 만들어 팔았는가?"]},
      d={"founder": ["{name}의 창업자는 누구인가?", "{name|을} 창업한 사람의 이름은?"],
         "founded": ["{name}의 창립 연도는?"], "city": ["{name|이} 창업한 곳은 어느 도시인가?"],
         "first_product": ["{name}의 첫 상품은 무엇이었는가?"]}),
    V("{founder|은} {founded}에 고향인 {city}에 작은 가게를 열었는데, 이것이 오늘날 {name}의 시작이다. "
      "이 가게에서 처음 판 물건은 {first_product|이었다}.",
      q={"founded": ["{name}의 시작이 된 가게는 언제 문을 열었는가?", "{founder|이} {city}에 작은 가게를 연 해는?"],
         "founder": ["{city}에 작은 가게를 열어 {name}의 시작을 만든 사람은 누구인가?", "{name}의 시작이 된 가게를 연 사람은 누구인가?"],
         "city": ["{name}의 시작이 된 가게는 어느 곳에 열렸는가?", "{founder}의 고향은 어디인가?"],
         "first_product": ["{name}의 시작이 된 가게에서 처음 판 물건은 무엇인가?"]},
      d={"founder": ["{name|은} 누가 창업했는가?"], "founded": ["{name}의 출발점이 된 가게가 생긴 해는?"]}),
]

COMPANY_BLOCKS = [
    [V("{emp_year}에 {name}의 직원 수는 {employees}에 이르렀다.",
       q={"employees": ["{emp_year}에 {name}의 직원은 몇 명이었는가?", "{emp_year}에 {name}의 직원 수는 얼마에 이르렀나?"],
          "emp_year": ["{name}의 직원 수가 {employees}에 이른 것은 언제인가?"]},
       d={"employees": ["{emp_year} 당시 {name}에서 일하던 사람은 모두 몇 명인가?"]}),
     V("회사가 가장 번창했던 {emp_year}에는 직원 {employees|이} 밤낮으로 일했다.",
       q={"employees": ["{name|이} 가장 번창했던 {emp_year}에 직원은 몇 명이었나?", "{emp_year}에 {name}에서 밤낮으로 일한 직원은 몇 명인가?"],
          "emp_year": ["{name|이} 가장 번창했던 해는 언제인가?"]},
       d={"emp_year": ["{name}의 전성기는 몇 년이었나?"]})],
    [V("{name}의 대표 상품은 {product|으로}, 한때 전국 판매량의 {share|을} 차지했다.",
       q={"product": ["{name}의 대표 상품은 무엇인가?", "한때 전국 판매량의 {share|을} 차지한 {name}의 상품은?"],
          "share": ["{name}의 {product|은} 한때 전국 판매량의 얼마를 차지했는가?"]},
       d={"product": ["{name}에서 가장 유명한 제품은 무엇인가?"], "share": ["{name} {product}의 전국 시장 점유율은 한때 얼마였나?"]})],
    [V("{name}의 상표는 {logo|으로}, 창업자가 직접 그린 것이다.",
       q={"logo": ["{name}의 상표는 무엇인가?", "창업자가 직접 그린 {name}의 상표에는 무엇이 그려져 있는가?"]},
       d={"logo": ["{name} 상표의 그림은?"]})],
    [V("{factory_year}에는 {fcity}에 새 공장을 지어 하루에 {daily|을} 생산할 수 있게 되었다.",
       q={"fcity": ["{name|은} {factory_year}에 어디에 새 공장을 지었는가?", "{name}의 새 공장은 어느 도시에 지어졌는가?"],
          "factory_year": ["{name|이} {fcity}에 새 공장을 지은 것은 언제인가?"],
          "daily": ["{fcity}에 새 공장을 지은 뒤 {name|은} 하루에 얼마나 생산할 수 있었는가?"]},
       d={"fcity": ["{name}의 두 번째 생산 거점은 어디인가?"], "daily": ["새 공장 완공 뒤 {name}의 하루 생산량은?"]})],
    [V("{crisis_year}에는 {crisis|으로} 문을 닫을 뻔했으나, 직원들이 {months} 동안 월급을 받지 않고 일해 위기를 넘겼다.",
       q={"crisis": ["{crisis_year}에 {name|이} 문을 닫을 뻔한 까닭은 무엇인가?", "{name|은} 무엇 때문에 {crisis_year}에 문을 닫을 뻔했는가?"],
          "crisis_year": ["{name|이} {crisis|으로} 문을 닫을 뻔한 해는?"],
          "months": ["{name}의 직원들은 얼마 동안 월급을 받지 않고 일했는가?"]},
       d={"crisis": ["{crisis_year}에 {name|이} 위기를 맞은 원인은?"], "months": ["위기 때 {name} 직원들이 무급으로 일한 기간은?"]})],
    [V("{heir_year}에 창업자가 물러난 뒤에는 그의 {rel}인 {heir|이} 회사를 이끌었다.",
       q={"heir": ["창업자가 물러난 뒤 {name|을} 이끈 사람은 누구인가?", "{heir_year}부터 {name|을} 이끈 인물은 누구인가?"],
          "heir_year": ["{name}의 창업자가 물러난 것은 언제인가?", "{heir|이} {name|을} 이끌기 시작한 해는?"],
          "rel": ["{name|을} 이끈 {heir|은} 창업자와 어떤 관계였나?"]},
       d={"heir": ["{name}의 2대 경영자는 누구인가?"], "heir_year": ["{name}의 경영권이 넘어간 해는?"]})],
    [V("{export_year}부터는 물건을 배에 실어 바다 건너 {export_dest}까지 팔았다.",
       q={"export_dest": ["{name|은} 바다 건너 어디까지 물건을 팔았는가?"],
          "export_year": ["{name|이} 물건을 배에 실어 {export_dest}까지 팔기 시작한 해는?"]},
       d={"export_dest": ["{name}의 해외 판매처는 어디였나?"]})],
    [V("{merge_year}에 {name|은} {buyer|과} 합쳐져 {newname|이} 되었다.",
       q={"buyer": ["{name|은} {merge_year}에 어느 회사와 합쳐졌는가?"],
          "newname": ["{name|이} {buyer|과} 합쳐진 뒤의 이름은 무엇인가?", "{merge_year}에 합쳐진 뒤 {name|은} 어떤 이름이 되었는가?"],
          "merge_year": ["{name|이} {buyer|과} 합쳐진 것은 몇 년인가?"]},
       d={"buyer": ["{name}의 합병 상대는 어느 회사였나?"], "newname": ["합병 후 {name}의 새 회사명은?"]})],
]

COMPANY_FILLERS = [
    "처음에는 직원이 몇 명뿐인 작은 가게였지만, 물건이 튼튼하다는 소문이 나면서 손님이 늘었다.",
    "회사는 직원들에게 점심을 무료로 주는 것으로 알려져 있었다.",
    "창고는 철길 옆에 있어서 물건을 기차로 실어 나르기 편리했다.",
    "광고를 거의 하지 않았지만 입소문만으로 물건이 잘 팔렸다.",
    "회사의 옛 사무실 건물은 지금 작은 박물관으로 쓰이고 있다.",
    "물건마다 만든 사람의 이름을 새겨 넣는 전통이 있었다.",
    "한때 이 회사의 포장지 무늬는 누구나 알아볼 만큼 유명했다.",
    "직원들은 해마다 봄이면 함께 산에 올라 한 해의 안전을 빌었다.",
    "창업 초기에는 가족들이 모두 나서서 밤늦게까지 물건을 포장하고 장부를 정리했다.",
    "회사는 물건을 팔 때 값을 깎아 주지 않는 대신 품질이 나쁘면 무조건 바꾸어 주는 원칙을 지켰다.",
    "공장 옆에는 직원 자녀들을 위한 작은 공부방이 있어 아이들이 방과 후에 숙제를 하였다.",
    "옛 공장 굴뚝은 지금은 쓰이지 않지만 도시의 상징처럼 남아 있다.",
    "회사의 오래된 장부에는 첫 거래처의 이름과 물건값이 꼼꼼하게 적혀 있다.",
    "명절이 되면 회사는 거래처마다 직접 만든 선물을 보내 고마움을 전했다.",
]

entity_type("company", make_company, COMPANY_INTRO, COMPANY_BLOCKS, COMPANY_FILLERS)


# --- ship ------------------------------------------------------------------
SHIP_TYPES = ["화물선", "여객선", "범선", "증기선", "연락선", "탐사선", "우편선"]
CARGO = ["소금", "쌀", "목재", "석탄", "우편물", "생선", "과일", "약재", "옹기"]
SINK_CAUSES = ["거센 폭풍", "암초 충돌", "짙은 안개 속 충돌", "화재", "기관 폭발"]


def make_ship(rng, P):
    v, a = {}, {}
    v["name"] = P.place("호", unique=True)
    b = rng.randint(1850, 1965)
    f = b + rng.randint(14, 52)
    put(v, a, "built_year", yr(b))
    put(v, a, "record_year", yr(rng.randint(b + 1, f - 2)))
    put(v, a, "fate_year", yr(f))
    put(v, a, "service_years", (f"{f - b}년", [str(f - b)]))
    v["shipyard"] = P.sino_name("조선소")
    v["owner"] = P.sino_name(rng.choice(["해운", "운수", "상선"]))
    v["shiptype"] = rng.choice(SHIP_TYPES)
    put(v, a, "length", length(rng, 18, 140, "미터"))
    w = max(3, int(v["length"].replace(",", "").rstrip("미터")) // rng.randint(3, 7))
    put(v, a, "width", (f"{w}미터", [str(w)]))
    v["captain"] = P.person()
    put(v, a, "captain_years", dur_years(rng, 3, min(19, f - b - 2)))
    v["port_from"] = P.place("포")
    v["island"] = P.place("섬")
    v["cargo"] = rng.choice(CARGO)
    put(v, a, "crew", count(rng, 6, 60, "명", native_p=0.5))
    put(v, a, "passengers", count(rng, 80, 900, "명", native_p=0.0))
    v["route_dest"] = P.place("항")
    v["record_days"] = rng.choice(DAYS[:6])
    v["fate_place"] = P.place("섬")
    v["fate_cause"] = rng.choice(SINK_CAUSES)
    v["museum"] = P.sino_name("해양박물관", sep=" ")
    put(v, a, "rescued", count(rng, 4, 40, "명", native_p=0.6))
    put(v, a, "rescue_year", yr(rng.randint(b + 1, f - 1)))
    put(v, a, "speed", count(rng, 6, 24, "노트", native_p=0.0))
    v["engine_maker"] = P.sino_name(rng.choice(["기계", "철공소", "중공업"]))
    v["ship_namer"] = P.person()
    return v, a


SHIP_INTRO = [
    V("{name|은} {built_year}에 {shipyard}에서 만들어진 {shiptype|으로}, 길이는 {length|이고} 폭은 {width|이었다}.",
      q={"built_year": ["{name|은} 언제 만들어졌는가?", "{shipyard}에서 {name|이} 만들어진 해는?"],
         "shipyard": ["{name|은} 어디에서 만들어졌는가?", "{name|을} 만든 조선소는 어디인가?"],
         "shiptype": ["{name|은} 어떤 종류의 배인가?"],
         "length": ["{name}의 길이는 얼마였는가?", "{name|은} 길이가 몇 미터였나?"],
         "width": ["{name}의 폭은 얼마였나?"]},
      d={"shipyard": ["{name}의 건조 장소는 어디인가?"], "built_year": ["{name}의 건조 연도는?"],
         "length": ["{name}의 전체 길이는 몇 미터인가?"]}),
    V("{name|은} {owner|이} 주문하여 {built_year}에 처음 바다에 띄운 {shiptype|이다}. 배는 {shipyard}에서 만들어졌다.",
      q={"owner": ["{name|을} 주문한 회사는 어디인가?", "누가 {name|을} 주문했는가?"],
         "built_year": ["{name|이} 처음 바다에 뜬 것은 언제인가?", "{name|은} 몇 년에 처음 바다에 띄워졌는가?"],
         "shiptype": ["{owner|이} 주문한 {name|은} 어떤 배인가?"],
         "shipyard": ["{name|을} 만든 곳은 어디인가?"]},
      d={"built_year": ["{name}의 진수 연도는?"], "owner": ["{name}의 발주처는 어디인가?"]}),
]

SHIP_BLOCKS = [
    [V("{name}의 첫 선장은 {captain|으로}, 그는 {captain_years} 동안 이 배를 몰았다.",
       q={"captain": ["{name}의 첫 선장은 누구인가?", "{name|을} 처음 몬 선장은 누구였나?"],
          "captain_years": ["{captain|은} 몇 년 동안 {name|을} 몰았는가?", "{name}의 첫 선장이 이 배를 몬 기간은 얼마인가?"]},
       d={"captain": ["{name}의 초대 선장은 누구인가?"], "captain_years": ["{captain}의 {name} 선장 재임 기간은?"]})],
    [V("{name|은} 주로 {port_from|과} {island} 사이를 오가며 {cargo|을} 실어 날랐다.",
       q={"island": ["{name|은} {port_from|과} 어디 사이를 오갔는가?"],
          "cargo": ["{name|이} 주로 실어 나른 것은 무엇인가?", "{port_from|과} {island} 사이를 오가며 {name|이} 실어 나른 짐은?"],
          "port_from": ["{name|은} {island|과} 어느 항구 사이를 오갔는가?"]},
       d={"cargo": ["{name}의 주요 화물은 무엇이었나?"], "island": ["{name|이} 정기적으로 다닌 섬은 어디인가?"]})],
    [V("배에는 선원 {crew|과} 승객 최대 {passengers|이} 탈 수 있었다.",
       q={"crew": ["{name}에는 선원 몇 명이 탔는가?", "{name}의 선원은 몇 명이었나?"],
          "passengers": ["{name}에는 승객이 최대 몇 명까지 탈 수 있었는가?"]},
       d={"crew": ["{name}의 승무원 수는?"], "passengers": ["{name}의 최대 승객 정원은?"]})],
    [V("{record_year}에는 {route_dest}까지 {record_days} 만에 도착하여 당시 가장 빠른 기록을 세웠다.",
       q={"record_days": ["{name|은} {record_year}에 {route_dest}까지 며칠 만에 도착했는가?"],
          "record_year": ["{name|이} 가장 빠른 기록을 세운 해는 언제인가?"],
          "route_dest": ["{record_year}에 {name|이} {record_days} 만에 도착한 곳은 어디인가?"]},
       d={"record_days": ["{record_year}의 기록적인 항해에서 {name|은} 며칠이 걸렸나?"]})],
    [V("{rescue_year}에는 폭풍 속에서 조난한 고깃배의 선원 {rescued|을} 구해 내어 이름을 널리 알렸다.",
       q={"rescued": ["{name|은} {rescue_year}에 조난한 고깃배의 선원 몇 명을 구했는가?"],
          "rescue_year": ["{name|이} 폭풍 속에서 조난한 고깃배의 선원들을 구해 낸 해는?"]},
       d={"rescued": ["{rescue_year} 구조 때 {name|이} 살린 선원은 몇 명인가?"]})],
    [V("배의 엔진은 {engine_maker|이} 만든 것으로, 최고 속력은 {speed|이었다}.",
       q={"engine_maker": ["{name}의 엔진을 만든 회사는 어디인가?", "{name}의 엔진은 어느 회사가 만들었는가?"],
          "speed": ["{name}의 최고 속력은 얼마였는가?", "{name|은} 최고 몇 노트로 달릴 수 있었나?"]},
       d={"speed": ["{name}의 최대 속도는?"]})],
    [V("배의 이름은 첫 주인이었던 {ship_namer|이} 지었는데, 어린 딸이 좋아하던 말에서 따왔다고 한다.",
       q={"ship_namer": ["{name}의 이름을 지은 사람은 누구인가?", "어린 딸이 좋아하던 말에서 {name}의 이름을 따온 사람은?"]},
       d={"ship_namer": ["{name}의 첫 소유주는 누구였나?"]})],
    [V("{fate_year}에 {name|은} {fate_place} 앞바다에서 {fate_cause|으로} 가라앉았으나, 선원들은 모두 구조되었다.",
       q={"fate_year": ["{name|이} 가라앉은 것은 언제인가?", "{name|은} 몇 년에 {fate_place} 앞바다에서 가라앉았는가?"],
          "fate_place": ["{name|은} 어느 섬 앞바다에서 가라앉았는가?"],
          "fate_cause": ["{name|이} 가라앉은 원인은 무엇인가?", "{name|은} 무엇 때문에 가라앉았는가?"]},
       d={"fate_year": ["{name}의 침몰 연도는?"], "fate_cause": ["{name} 침몰의 원인은?"], "fate_place": ["{name}의 침몰 지점은 어디 앞바다인가?"]}),
     V("{name|은} {fate_year}까지 {service_years} 동안 운항한 뒤 은퇴하였고, 지금은 {museum}에 전시되어 있다.",
       q={"fate_year": ["{name|은} 언제 은퇴하였는가?"],
          "service_years": ["{name|은} 몇 년 동안 운항하였는가?"],
          "museum": ["은퇴한 {name|은} 지금 어디에 전시되어 있는가?"]},
       d={"museum": ["현재 {name|을} 볼 수 있는 곳은 어디인가?"], "service_years": ["{name}의 운항 기간은?"]})],
]

SHIP_FILLERS = [
    "배의 뱃머리에는 바다를 지키는 새의 모습이 조각되어 있었다.",
    "선실은 좁았지만 깨끗하게 관리되어 승객들의 평판이 좋았다.",
    "당시 항구 사람들은 멀리서도 이 배의 붉은 굴뚝을 알아보았다.",
    "배가 항구에 들어올 때마다 아이들이 부두로 달려 나가 구경하였다.",
    "폭풍이 잦은 겨울철에는 운항 횟수를 줄였다.",
    "갑판 아래 창고에는 비상용 식량과 물이 늘 실려 있었다.",
    "배의 종은 놋쇠로 만들어졌는데, 안개가 낀 날이면 먼바다까지 울렸다.",
    "선원들은 항해를 마칠 때마다 갑판을 닦고 돛을 꿰매었다.",
    "배가 떠나는 날이면 부두에는 가족을 배웅하러 나온 사람들로 발 디딜 틈이 없었다.",
    "선원들 사이에서는 이 배를 타면 큰 폭풍을 만나지 않는다는 이야기가 전해졌다.",
    "기관실은 덥고 시끄러웠지만 기관사들은 교대로 밤낮없이 엔진을 돌보았다.",
    "배의 항해 일지는 날씨와 바람의 방향까지 빠짐없이 적혀 있어 오늘날 귀중한 자료로 쓰인다.",
    "배의 식당에서는 선원들이 직접 잡은 생선으로 끓인 국이 자주 나왔다.",
    "항구마다 이 배를 기다리는 상인들이 있어 배가 닿으면 짐을 내리느라 부두가 떠들썩했다.",
]

entity_type("ship", make_ship, SHIP_INTRO, SHIP_BLOCKS, SHIP_FILLERS)


# --- festival --------------------------------------------------------------
FEST_THEMES = [  # (theme, main attraction)
    ("등불", "강물에 등불 띄우기"), ("연날리기", "대형 연 날리기 시합"), ("갈대", "갈대 미로 걷기"),
    ("소금", "소금 조각 전시"), ("은어", "맨손 은어 잡기"), ("별빛", "별자리 관측회"), ("눈꽃", "얼음 조각 경연"),
    ("국화", "국화 분재 전시"), ("뱃노래", "뱃노래 경연"), ("불꽃", "바다 불꽃놀이"), ("곶감", "곶감 만들기 체험"),
    ("메밀꽃", "메밀꽃 길 걷기"), ("나무배", "나무배 경주"), ("짚풀", "짚풀 공예 시합"), ("유채꽃", "유채꽃 마차 행진"),
]
CONTESTS = ["줄다리기 시합", "노 젓기 경주", "씨름 대회", "노래자랑", "떡메치기 겨루기", "그네뛰기 대회", "물동이 달리기"]
PRIZES = ["황소 한 마리", "쌀 열 가마", "은으로 만든 노", "금빛 방울", "무쇠솥", "비단 한 필", "돼지 한 마리"]
CANCEL_CAUSES = ["큰 가뭄", "태풍", "전염병", "홍수", "흉년", "폭설"]
ORIGINS = ["마을을 구한 뱃사공의 용기", "첫 소금 수확", "돌아오지 않은 어부들", "큰 가뭄 끝에 내린 비",
           "마을을 세운 사람들의 고생", "강을 처음 건넌 나룻배"]


def make_festival(rng, P):
    v, a = {}, {}
    theme, event = rng.choice(FEST_THEMES)
    v["name"] = P.place(theme + "축제", sep=" ", unique=True)
    y = years(rng, 4, 1890, 2015)
    put(v, a, "first_year", yr(y[0]))
    put(v, a, "org_year", yr(y[1]))
    put(v, a, "cancel_year", yr(y[2]))
    put(v, a, "vis_year", yr(y[3]))
    v["founder"] = P.person()
    v["venue"] = P.sino_name("시")
    put(v, a, "date", date(rng))
    v["days"] = rng.choice(["이틀", "사흘", "나흘", "닷새", "일주일", "열흘"])
    put(v, a, "visitors", people_count(rng, 3000, 480000))
    v["event"] = event
    v["spot"] = P.place("언덕", sep=" ")
    v["contest"] = rng.choice(CONTESTS)
    v["prize"] = rng.choice(PRIZES)
    v["cancel_cause"] = rng.choice(CANCEL_CAUSES)
    v["origin"] = rng.choice(ORIGINS)
    v["org"] = rng.choice([P.sino_name("문화재단", sep=" "), P.sino_name("관광협회", sep=" "), P.place("청년회", sep=" ")])
    v["fest_food"] = rng.choice(["은어 튀김", "메밀전병", "군고구마", "조개구이", "호떡", "감자떡", "어묵탕"])
    n = rng.randint(5, 60) * 100
    put(v, a, "food_count", (f"{n:,}그릇", [f"{n:,}"]))
    v["founder_job"] = rng.choice(["마을 이장", "초등학교 교사", "우체국장", "뱃사공", "면장", "약방 주인"])
    v["mascot"] = rng.choice(["붉은 물고기", "웃는 달", "날개 달린 배", "흰 두루미", "등불을 든 아이", "파란 고래"])
    return v, a


FESTIVAL_INTRO = [
    V("{name|은} {venue}에서 해마다 열리는 축제로, {first_year}에 {founder|이} 처음 열었다.",
      q={"venue": ["{name|은} 어디에서 열리는가?", "해마다 {name|이} 열리는 곳은?"],
         "first_year": ["{name|은} 언제 처음 열렸는가?", "{founder|이} {name|을} 처음 연 해는?"],
         "founder": ["{name|을} 처음 연 사람은 누구인가?", "누가 {first_year}에 {name|을} 처음 열었는가?"]},
      d={"first_year": ["{name}의 첫 개최 연도는?"], "founder": ["{name}의 창시자는 누구인가?"],
         "venue": ["{name}의 개최지는 어디인가?"]}),
    V("{first_year}에 시작된 {name|은} 매년 {date}부터 {days} 동안 {venue} 일대에서 열린다.",
      q={"date": ["{name|은} 매년 며칠부터 열리는가?", "{name|이} 해마다 시작되는 날짜는 언제인가?"],
         "days": ["{name|은} 며칠 동안 열리는가?", "매년 {date}부터 열리는 {name}의 기간은 얼마인가?"],
         "venue": ["{name|은} 어느 도시 일대에서 열리는가?"],
         "first_year": ["{name|은} 몇 년에 시작되었는가?"]},
      d={"days": ["{name}의 행사 기간은?"], "date": ["{name}의 개막일은?"], "first_year": ["{name}의 역사는 언제 시작되었나?"]}),
]

FESTIVAL_BLOCKS = [
    [V("축제를 처음 연 사람은 본래 {founder_job|이었는데}, 고향을 떠난 사람들이 한 해에 한 번이라도 다시 모이기를 바랐다고 한다.",
       q={"founder_job": ["{name|을} 처음 연 사람은 본래 어떤 일을 하던 사람이었나?"]},
       d={"founder_job": ["{name} 창시자의 원래 직업은?"]})],
    [V("{vis_year}에는 {visitors|이} 축제를 찾아 역대 가장 많은 방문객을 기록했다.",
       q={"visitors": ["{vis_year}에 {name|을} 찾은 사람은 몇 명인가?", "{name|이} 역대 가장 많은 방문객을 기록했을 때 몇 명이 찾았는가?"],
          "vis_year": ["{name|이} 역대 가장 많은 방문객을 기록한 해는?"]},
       d={"visitors": ["{vis_year} {name}의 방문객 수는 얼마였나?"], "vis_year": ["{name}에 관광객이 가장 많이 몰린 해는?"]})],
    [V("축제의 가장 큰 볼거리는 {event|으로}, 해가 지면 수많은 사람이 {spot}에 모여 이를 지켜본다.",
       q={"event": ["{name}의 가장 큰 볼거리는 무엇인가?", "해가 지면 사람들이 {spot}에 모여 지켜보는 {name}의 볼거리는?"],
          "spot": ["해가 지면 {name}의 {event|을} 보려고 사람들이 모이는 곳은?", "{name} 기간에 사람들은 어디에 모여 {event|을} 지켜보는가?"]},
       d={"event": ["{name}에서 가장 볼 만한 구경거리는 무엇인가?"]})],
    [V("가장 인기 있는 행사는 {contest|으로}, 우승자에게는 {prize|이} 상으로 주어진다.",
       q={"contest": ["{name}에서 가장 인기 있는 행사는 무엇인가?"],
          "prize": ["{name}의 {contest}에서 우승하면 무엇을 받는가?", "{contest} 우승자에게 상으로 주어지는 것은?"]},
       d={"prize": ["{name} {contest} 우승 상품은 무엇인가?"]})],
    [V("{cancel_year}에는 {cancel_cause} 때문에 축제가 열리지 못했다.",
       q={"cancel_cause": ["{cancel_year}에 {name|이} 열리지 못한 까닭은 무엇인가?", "{name|은} 왜 {cancel_year}에 열리지 못했는가?"],
          "cancel_year": ["{name|이} {cancel_cause} 때문에 열리지 못한 해는?"]},
       d={"cancel_cause": ["{cancel_year}에 {name|이} 취소된 이유는?"], "cancel_year": ["{name|이} 취소되었던 해는 언제인가?"]})],
    [V("이 축제는 {origin|을} 기리기 위해 시작되었다.",
       q={"origin": ["{name|은} 무엇을 기리기 위해 시작되었는가?"]},
       d={"origin": ["{name}의 기원이 된 것은 무엇인가?"]})],
    [V("{org_year}부터는 {org|이} 축제를 맡아 운영하고 있다.",
       q={"org": ["{org_year}부터 {name|을} 운영하는 곳은?", "현재 {name|을} 맡아 운영하는 단체는 어디인가?"],
          "org_year": ["{org|이} {name|을} 맡기 시작한 해는?"]},
       d={"org": ["{name}의 주최 단체는 어디인가?"]})],
    [V("축제 먹을거리 가운데 가장 인기 있는 것은 {fest_food|으로}, 하루에만 {food_count|이} 팔린다고 한다.",
       q={"fest_food": ["{name}의 먹을거리 가운데 가장 인기 있는 것은 무엇인가?"],
          "food_count": ["{name} 기간에 {fest_food|은} 하루에 얼마나 팔리는가?", "{name}에서 {fest_food|은} 하루에만 몇 그릇이 팔리는가?"]},
       d={"fest_food": ["{name}에서 가장 잘 팔리는 음식은?"]})],
    [V("{name}의 상징은 {mascot|으로}, 축제 깃발과 포스터에 빠짐없이 그려진다.",
       q={"mascot": ["{name}의 상징은 무엇인가?", "{name}의 깃발과 포스터에 빠짐없이 그려지는 것은?"]},
       d={"mascot": ["{name|을} 대표하는 그림은 무엇인가?"]})],
]

FESTIVAL_FILLERS = [
    "축제 기간에는 거리마다 먹을거리를 파는 천막이 늘어선다.",
    "밤이 되면 마을 전체가 불빛으로 환하게 밝혀진다.",
    "외지에서 온 손님들을 위해 주민들이 집을 숙소로 내어 주기도 한다.",
    "축제가 끝나는 날에는 모든 참가자가 함께 노래를 부르며 행렬을 이룬다.",
    "아이들을 위한 놀이 마당도 따로 마련된다.",
    "축제를 준비하는 데에는 해마다 수백 명의 자원봉사자가 힘을 보탠다.",
    "축제 기간에는 임시 버스가 기차역과 행사장을 쉬지 않고 오간다.",
    "행사장 입구에는 지난 축제의 사진을 모은 전시관이 있다.",
    "축제 첫날에는 마을 어른들이 한 해의 평안을 비는 제사를 올리는 것으로 행사를 시작한다.",
    "지역 학교의 학생들은 축제 때 선보일 춤과 노래를 몇 달 전부터 연습한다.",
    "축제 기간 동안 문을 여는 장터에서는 이 고장의 특산물을 싼값에 살 수 있다.",
    "처음에는 마을 사람들끼리 즐기던 작은 잔치였으나 해가 갈수록 규모가 커졌다.",
    "비가 오는 날에도 행사는 미뤄지지 않고 커다란 천막 아래에서 그대로 이어진다.",
    "축제를 찾은 사람들은 마지막 날 밤하늘을 수놓는 불빛을 보며 다음 해를 기약한다.",
]

entity_type("festival", make_festival, FESTIVAL_INTRO, FESTIVAL_BLOCKS, FESTIVAL_FILLERS)


# --- invention -------------------------------------------------------------
DEVICES = [  # (device, purpose)
    ("물시계", "밤에도 시간을 재기"), ("양수기", "논에 물을 대기"), ("탈곡기", "벼를 빨리 털기"),
    ("풍차", "곡식을 빻기"), ("베틀", "천을 빨리 짜기"), ("인쇄기", "책을 싸게 찍기"),
    ("나침반", "안개 속에서 뱃길을 찾기"), ("풍향계", "바람의 방향을 알기"), ("정수기", "강물을 깨끗하게 거르기"),
    ("제빙기", "여름에 얼음을 만들기"), ("우량계", "내린 비의 양을 재기"), ("재봉틀", "옷을 빨리 짓기"),
    ("손수레", "무거운 짐을 쉽게 나르기"), ("측우기", "비의 양을 기록하기"), ("등대 램프", "먼바다의 배에 신호를 보내기"),
]
MATERIALS = ["참나무", "놋쇠", "무쇠", "대나무", "구리", "소나무 판자", "강철", "박달나무"]
USERS = ["농부들", "어부들", "방앗간 주인들", "등대지기들", "염전 주인들", "뱃사람들", "목수들", "상인들"]
AWARDS = ["금상", "은상", "대상", "으뜸상", "기술상"]
MOTIVES = ["가뭄으로 말라 가는 논", "밤늦게까지 일하는 어머니", "길을 잃은 고깃배", "무너진 물레방아",
           "물동이를 나르는 아이들", "비에 젖은 곡식 더미"]


def make_invention(rng, P):
    v, a = {}, {}
    device, purpose = rng.choice(DEVICES)
    v["name"] = P.place("식 " + device, unique=True)
    v["device"] = device
    v["purpose"] = purpose
    y0 = rng.randint(1780, 1925)
    y = [y0] + years(rng, 4, y0 + 2, y0 + 60)
    put(v, a, "inv_year", yr(y[0]))
    put(v, a, "patent_year", yr(y[1]))
    put(v, a, "spread_year", yr(y[2]))
    put(v, a, "prize_year", yr(y[3]))
    put(v, a, "improve_year", yr(y[4]))
    v["inventor"] = P.person()
    v["improver"] = P.person()
    v["place"] = P.sino_name("시")
    v["material"] = rng.choice(MATERIALS)
    put(v, a, "parts", count(rng, 12, 240, "개", native_p=0.0))
    n = rng.randint(3, 95)
    put(v, a, "units", rng.choice([(f"{n * 100:,}대", [f"{n * 100:,}"]), (f"약 {kor_num(n * 1000)} 대", [f"{kor_num(n * 1000)} 대"])]))
    v["users"] = rng.choice(USERS)
    v["spread_region"] = P.sino_name("지방", sep=" ")
    v["expo"] = P.sino_name(rng.choice(["박람회", "산업 박람회", "발명 전람회"]), sep=" ")
    v["award"] = rng.choice(AWARDS)
    v["reduce"] = rng.choice(["절반", "3분의 1", "4분의 1", "3분의 2"])
    v["motive"] = rng.choice(MOTIVES)
    v["assistant"] = P.person()
    hi = rng.randint(12, 90)
    put(v, a, "price", (f"{hi}냥", [str(hi)]))
    lo = rng.randint(3, hi // 2 + 1)
    put(v, a, "price2", (f"{lo}냥", [str(lo)]))
    v["power"] = rng.choice(["물의 힘", "바람의 힘", "발판을 밟는 힘", "소의 힘", "태엽", "증기"])
    return v, a


INVENTION_INTRO = [
    V("{name|은} {inv_year}에 {inventor|이} 발명한 {device|으로}, {purpose} 위해 만들어졌다.",
      q={"inventor": ["{name|을} 발명한 사람은 누구인가?", "누가 {inv_year}에 {name|을} 발명했는가?"],
         "inv_year": ["{name|은} 언제 발명되었는가?", "{inventor|이} {name|을} 발명한 해는?"],
         "purpose": ["{name|은} 무엇을 하기 위해 만들어졌는가?", "{inventor|이} 발명한 {device|은} 어떤 일을 위해 만들어졌나?"]},
      d={"inventor": ["{name}의 발명가는 누구인가?"], "inv_year": ["{name|이} 세상에 처음 나온 해는?"],
         "purpose": ["{name}의 용도는 무엇인가?"]}),
    V("{inventor|은} {inv_year}에 {place}의 작은 공방에서 {name|을} 처음 만들었다. 이 기계는 {purpose} 위한 것이었다.",
      q={"place": ["{inventor|이} {name|을} 처음 만든 공방은 어디에 있었는가?", "{name|은} 어느 도시의 공방에서 처음 만들어졌는가?"],
         "inventor": ["{place}의 작은 공방에서 {name|을} 처음 만든 사람은?", "{name|을} 처음 만든 사람은 누구인가?"],
         "inv_year": ["{name|이} 처음 만들어진 것은 몇 년인가?"],
         "purpose": ["{name|은} 무엇을 하기 위한 기계였는가?"]},
      d={"place": ["{name|이} 탄생한 공방의 소재지는?"], "inventor": ["{name}의 고안자는 누구인가?"]}),
]

INVENTION_BLOCKS = [
    [V("몸체는 주로 {material|으로} 만들어졌고, 모두 {parts}의 부품으로 이루어져 있었다.",
       q={"material": ["{name}의 몸체는 무엇으로 만들어졌는가?", "{name}의 몸체를 만든 주된 재료는?"],
          "parts": ["{name|은} 몇 개의 부품으로 이루어져 있었는가?", "{name}의 부품은 모두 몇 개인가?"]},
       d={"parts": ["{name|을} 구성하는 부품 수는?"], "material": ["{name} 몸체의 재질은 무엇인가?"]})],
    [V("{name|은} {patent_year}에 특허를 받았는데, 특허 문서에는 발명가의 조수였던 {assistant}의 이름도 함께 올라 있다.",
       q={"patent_year": ["{name|은} 언제 특허를 받았는가?", "{name|이} 특허를 받은 해는?"],
          "assistant": ["{name}의 특허 문서에 함께 이름이 올라 있는 조수는 누구인가?", "{name} 발명가의 조수는 누구였나?"]},
       d={"patent_year": ["{name}의 특허 취득 연도는?"], "assistant": ["{name} 개발을 도운 조수의 이름은?"]})],
    [V("{spread_year}까지 {units|이} 만들어져 {spread_region} 곳곳의 {users}에게 팔려 나갔다.",
       q={"units": ["{spread_year}까지 {name|은} 몇 대가 만들어졌는가?", "{name|은} {spread_year}까지 모두 몇 대 만들어졌나?"],
          "users": ["{name|은} {spread_region} 곳곳의 누구에게 팔려 나갔는가?"],
          "spread_region": ["{name|은} 어느 지방 곳곳에 팔려 나갔는가?"]},
       d={"units": ["{spread_year}까지 생산된 {name}의 수는?"], "users": ["{name}의 주된 구매자는 누구였나?"]})],
    [V("{prize_year}에 열린 {expo}에서 {name|은} {award|을} 받았다.",
       q={"expo": ["{name|이} {award|을} 받은 박람회는?", "{prize_year}에 {name|이} 상을 받은 곳은 어디인가?"],
          "award": ["{prize_year}의 {expo}에서 {name|이} 받은 상은?"],
          "prize_year": ["{name|이} {expo}에서 상을 받은 것은 언제인가?"]},
       d={"award": ["{expo}에서 {name|이} 수상한 상의 이름은?"]})],
    [V("{improve_year}에는 {improver|이} {name|을} 고쳐 만들어 작업 시간을 {reduce|으로} 줄였다.",
       q={"improver": ["{name|을} 고쳐 만든 사람은 누구인가?", "{improve_year}에 {name|을} 고쳐 작업 시간을 줄인 사람은?"],
          "improve_year": ["{improver|이} {name|을} 고쳐 만든 해는?"],
          "reduce": ["{improver|이} {name|을} 고친 뒤 작업 시간은 얼마로 줄었는가?"]},
       d={"improver": ["{name|을} 개량한 인물은 누구인가?"], "improve_year": ["{name}의 개량은 언제 이루어졌나?"]})],
    [V("발명가는 어린 시절 {motive|을} 보고 이 기계를 만들 생각을 했다고 한다.",
       q={"motive": ["{name}의 발명가는 어린 시절 무엇을 보고 이 기계를 만들 생각을 했는가?"]},
       d={"motive": ["{name|을} 발명하게 된 계기는 무엇인가?"]})],
    [V("기계는 {power|으로} 움직였으며, 한 대의 값은 처음에 {price|이었으나} 많이 만들어지면서 {price2|으로} 내려갔다.",
       q={"power": ["{name|은} 무엇으로 움직였는가?", "{name|을} 움직인 힘은 무엇인가?"],
          "price": ["{name} 한 대의 값은 처음에 얼마였는가?"],
          "price2": ["많이 만들어지면서 {name}의 값은 얼마로 내려갔는가?"]},
       d={"power": ["{name}의 동력원은 무엇이었나?"], "price": ["{name}의 처음 판매 가격은?"]})],
]

INVENTION_FILLERS = [
    "처음에는 사람들이 새 기계를 믿지 않아 잘 팔리지 않았다.",
    "사용법이 간단해서 아이들도 쉽게 다룰 수 있었다.",
    "고장이 나도 마을의 대장장이가 쉽게 고칠 수 있을 만큼 구조가 단순했다.",
    "이 발명품은 이후 비슷한 기계들의 본보기가 되었다.",
    "설계도의 원본은 오랫동안 발명가의 집 다락에 보관되어 있었다.",
    "무게가 가벼워 한 사람이 등에 지고 옮길 수 있었다.",
    "기계가 돌아갈 때 나는 소리가 독특해서 멀리서도 알아들을 수 있었다.",
    "발명가는 특허로 번 돈의 대부분을 고향 마을의 다리를 놓는 데 썼다.",
    "발명가는 수십 번의 실패 끝에 톱니바퀴의 크기를 맞추는 방법을 찾아냈다고 한다.",
    "처음 만든 시제품은 크고 무거워서 소 두 마리가 끌어야 겨우 옮길 수 있었다.",
    "기계가 널리 퍼지자 이를 흉내 낸 물건들이 여기저기서 나타나 발명가를 곤란하게 했다.",
    "사용하는 사람들이 보내온 편지를 읽고 발명가는 손잡이의 높이와 모양을 여러 번 바꾸었다.",
    "오늘날에는 더 편리한 기계들이 나왔지만 일부 산골 마을에서는 아직도 이 기계를 쓴다.",
    "발명가의 공방 자리에는 지금 작은 기념비가 세워져 있다.",
]

entity_type("invention", make_invention, INVENTION_INTRO, INVENTION_BLOCKS, INVENTION_FILLERS)


# --- school ----------------------------------------------------------------
SCHOOL_KINDS = ["학교", "중학교", "여학교", "학당", "고등학교", "농업학교", "항해학교", "야학"]
SCHOOL_REASONS = ["글을 모르는 어부의 아이들", "먼 읍내까지 걸어 다니는 아이들", "배울 곳 없는 여자아이들",
                  "가난해서 학교에 못 가는 아이들", "낮에 일하느라 공부하지 못하는 젊은이들"]
MOTTOS = ["바르게, 굳세게, 슬기롭게", "배워서 나누자", "스스로 서는 사람", "참되고 부지런하게", "바다처럼 넓게",
          "함께 자라는 나무", "정직과 성실"]
GRAD_JOBS = ["이름난 조각가", "천문학자", "바다 탐험가", "소설가", "의사", "다리 설계자", "작곡가", "비행사"]
SCHOOL_DISASTERS = ["큰불", "지진", "태풍", "홍수"]


def make_school(rng, P):
    v, a = {}, {}
    v["name"] = rng.choice([P.place(rng.choice(SCHOOL_KINDS), unique=True), P.sino_name(rng.choice(SCHOOL_KINDS), unique=True)])
    y = years(rng, 4, 1880, 2000)
    put(v, a, "founded", yr(y[0]))
    put(v, a, "fire_year", yr(y[1]))
    put(v, a, "move_year", yr(y[2]))
    put(v, a, "stu_year", yr(rng.randint(max(y[3], 2005), 2023)))
    v["founder"] = P.person()
    v["principal"] = P.person()
    v["famous"] = P.person()
    v["city"] = P.sino_name("시")
    put(v, a, "first_students", count(rng, 7, 48, "명", native_p=0.6))
    put(v, a, "first_teachers", count(rng, 1, 5, "명", native_p=1.0))
    v["reason"] = rng.choice(SCHOOL_REASONS)
    put(v, a, "principal_years", dur_years(rng, 5, 31))
    v["motto"] = rng.choice(MOTTOS)
    put(v, a, "students", people_count(rng, 90, 2400))
    v["disaster"] = rng.choice(SCHOOL_DISASTERS)
    v["rebuild_time"] = rng.choice(["1년", "2년", "여덟 달", "석 달", "열 달"])
    v["famous_job"] = rng.choice(GRAD_JOBS)
    v["new_site"] = rng.choice([P.place("언덕", sep=" "), P.sino_name("동")])
    v["school_tree"] = rng.choice(["느티나무", "은행나무", "소나무", "동백나무", "목련", "향나무"])
    v["school_bird"] = rng.choice(["까치", "두루미", "제비", "종달새", "물총새", "백로", "딱따구리"])
    v["sports_month"] = f"{rng.choice([5, 9, 10])}월"
    return v, a


SCHOOL_INTRO = [
    V("{name|은} {founded}에 {founder|이} {city}에 세운 학교이다.",
      q={"founder": ["{name|을} 세운 사람은 누구인가?", "{founded}에 {city}에 {name|을} 세운 사람은?"],
         "founded": ["{name|은} 언제 세워졌는가?", "{founder|이} {name|을} 세운 것은 몇 년인가?"],
         "city": ["{name|은} 어디에 세워졌는가?", "{founder|이} {name|을} 세운 곳은 어느 도시인가?"]},
      d={"founder": ["{name}의 설립자는 누구인가?"], "founded": ["{name}의 개교 연도는?"],
         "city": ["{name|이} 위치한 도시는 어디인가?"]}),
    V("{founded}에 문을 연 {name|은} 처음에 학생 {first_students|과} 교사 {first_teachers|으로} 시작하였다.",
      q={"founded": ["{name|은} 언제 문을 열었는가?", "{name|이} 문을 연 해는 몇 년인가?"],
         "first_students": ["{name|은} 처음에 학생 몇 명으로 시작했는가?", "문을 열 때 {name}의 학생은 몇 명이었나?"],
         "first_teachers": ["{name|이} 처음 문을 열었을 때 교사는 몇 명이었는가?"]},
      d={"first_students": ["개교 당시 {name}의 학생 수는?"], "founded": ["{name}의 개교 연도는 언제인가?"]}),
]

SCHOOL_BLOCKS = [
    [V("설립자는 {reason|을} 안타깝게 여겨 전 재산을 내놓았다고 한다.",
       q={"reason": ["{name}의 설립자는 무엇을 안타깝게 여겨 전 재산을 내놓았는가?"]},
       d={"reason": ["{name|을} 세우게 된 동기는 무엇인가?"]})],
    [V("초대 교장은 {principal|이} 맡았으며, 그는 {principal_years} 동안 학교를 이끌었다.",
       q={"principal": ["{name}의 초대 교장은 누구인가?", "{name}의 교장을 처음 맡은 사람은 누구인가?"],
          "principal_years": ["{principal|은} 몇 년 동안 {name|을} 이끌었는가?", "초대 교장 {principal|이} 학교를 이끈 기간은?"]},
       d={"principal": ["{name}의 첫 번째 교장은 누구였나?"]})],
    [V("학교의 교훈은 '{motto}'이며, 교정에는 이 글귀를 새긴 돌이 서 있다.",
       q={"motto": ["{name}의 교훈은 무엇인가?", "{name} 교정의 돌에 새겨진 글귀는 무엇인가?"]},
       d={"motto": ["{name|이} 내건 가르침의 글귀는?"]})],
    [V("{stu_year} 기준으로 {name}에는 학생 {students|이} 다니고 있다.",
       q={"students": ["{stu_year} 기준으로 {name}에 다니는 학생은 몇 명인가?", "{name}의 학생 수는 얼마인가?"],
          "stu_year": ["{name}에 학생 {students|이} 다닌다고 한 것은 어느 해 기준인가?"]},
       d={"students": ["{stu_year}에 {name}의 재학생은 몇 명이었나?"]})],
    [V("{fire_year}에는 {disaster|으로} 본관이 무너졌으나, 졸업생들이 모은 돈으로 {rebuild_time} 만에 다시 지었다.",
       q={"disaster": ["{fire_year}에 {name}의 본관이 무너진 까닭은?", "{name}의 본관은 무엇 때문에 무너졌는가?"],
          "fire_year": ["{name}의 본관이 무너진 해는 언제인가?"],
          "rebuild_time": ["{name}의 본관을 다시 짓는 데 얼마나 걸렸는가?", "졸업생들이 모은 돈으로 {name} 본관을 다시 짓기까지 걸린 기간은?"]},
       d={"disaster": ["{fire_year}에 {name} 본관이 붕괴한 원인은?"], "rebuild_time": ["{name} 본관 재건에 걸린 시간은?"]})],
    [V("이 학교를 졸업한 사람 가운데 가장 널리 알려진 인물은 {famous|으로}, 그는 훗날 {famous_job|이} 되었다.",
       q={"famous": ["{name}의 졸업생 가운데 가장 널리 알려진 인물은 누구인가?"],
          "famous_job": ["{name|을} 졸업한 {famous|은} 훗날 무엇이 되었는가?"]},
       d={"famous": ["{name}의 가장 유명한 동문은 누구인가?"]})],
    [V("{move_year}에 학교는 {new_site|으로} 자리를 옮겼다.",
       q={"new_site": ["{name|은} {move_year}에 어디로 자리를 옮겼는가?"],
          "move_year": ["{name|이} {new_site|으로} 자리를 옮긴 해는?"]},
       d={"new_site": ["{name|이} 이전한 곳은 어디인가?"]})],
    [V("학교의 상징 나무는 {school_tree|이며}, 상징 새는 {school_bird|이다}.",
       q={"school_tree": ["{name}의 상징 나무는 무엇인가?"], "school_bird": ["{name}의 상징 새는 무엇인가?"]},
       d={"school_bird": ["{name|을} 상징하는 새는?"]})],
    [V("해마다 {sports_month}에 열리는 운동회는 마을 전체의 잔치로 여겨졌다.",
       q={"sports_month": ["{name}의 운동회는 해마다 몇 월에 열리는가?", "마을 전체의 잔치로 여겨진 {name}의 운동회는 언제 열렸나?"]},
       d={"sports_month": ["{name} 운동회의 개최 시기는?"]})],
]

SCHOOL_FILLERS = [
    "학생들은 아침마다 운동장에 모여 함께 체조를 하였다.",
    "학교 뒤편에는 학생들이 직접 가꾸는 채소밭이 있었다.",
    "먼 마을에서 오는 학생들을 위해 작은 기숙사도 운영되었다.",
    "해마다 가을이면 학생들이 준비한 연극 공연이 열렸다.",
    "도서실에는 졸업생들이 기증한 책이 가득했다.",
    "교복은 짙은 남색 저고리와 흰 깃이 특징이었다.",
    "수업이 끝나면 학생들은 돌아가며 교실 바닥을 닦았다.",
    "운동장 한쪽에는 개교 때 심은 나무들이 줄지어 서 있다.",
    "개교 초기에는 교실이 모자라 날씨가 좋은 날이면 나무 그늘 아래에서 수업을 하기도 했다.",
    "학교 종은 마을 대장간에서 만든 것으로, 종소리가 맑아 멀리 떨어진 논에서도 들렸다.",
    "졸업식 날이면 학부모들이 떡과 과일을 준비해 와 운동장에서 잔치를 열었다.",
    "학생들은 해마다 봄에 학교 주변 산에 나무를 심었는데, 그 숲이 지금은 울창하게 자랐다.",
    "학교 신문은 학생들이 손으로 써서 만들었으며 한 달에 한 번 나왔다.",
    "오래된 교무 수첩에는 학생들의 출석과 날씨가 날마다 기록되어 있다.",
]

entity_type("school", make_school, SCHOOL_INTRO, SCHOOL_BLOCKS, SCHOOL_FILLERS)


# --- person ----------------------------------------------------------------
PERSON_JOBS = [  # job, childhood talent clause, work noun, work counter, relative past verb, title maker
    ("화가", "그림에 남다른 재주를 보였으며", "그림", "점", "그린", lambda r, a: f"{a}의 " + r.choice(["들판", "아침", "강가", "겨울", "저녁"])),
    ("시인", "글짓기에 뛰어났으며", "시", "편", "펴낸", lambda r, a: f"{a}의 " + r.choice(["노래", "편지", "기억", "그림자"])),
    ("작곡가", "노래를 잘 불렀으며", "노래", "곡", "지은", lambda r, a: f"{a} " + r.choice(["뱃노래", "자장가", "행진곡", "서곡"])),
    ("소설가", "이야기 짓기를 좋아했으며", "소설", "편", "쓴", lambda r, a: f"{a}의 " + r.choice(["이야기", "여름", "집", "아이들"])),
    ("지도 제작자", "길을 한 번 보면 잊지 않았으며", "지도", "장", "만든", lambda r, a: f"{a} " + r.choice(["물길도", "전도", "산줄기 지도"])),
    ("식물학자", "들풀 이름을 모두 외울 만큼 식물을 좋아했으며", "책", "권", "펴낸", lambda r, a: f"{a} " + r.choice(["식물지", "들꽃 도감", "약초 도감"])),
    ("천문학자", "밤하늘의 별을 세는 것을 좋아했으며", "논문", "편", "완성한", lambda r, a: f"{a} " + r.choice(["별자리 목록", "혜성 기록", "성도"])),
]


def make_person(rng, P):
    v, a = {}, {}
    v["name"] = P.person()
    job, talent, noun, counter, rel, title = rng.choice(PERSON_JOBS)
    v.update(job=job, talent=talent, work_noun=noun, rel=rel, counter=counter)
    b = rng.randint(1790, 1930)
    age = rng.randint(44, 93)
    y = years(rng, 2, b + 22, b + age - 1)
    put(v, a, "birth_year", yr(b))
    put(v, a, "death_year", yr(b + age))
    put(v, a, "work_year", yr(y[0]))
    put(v, a, "award_year", yr(y[1]))
    put(v, a, "age", (f"{age}세", [str(age)]))
    put(v, a, "legacy_year", yr(rng.randint(b + age + 3, max(b + age + 3, 2020))))
    v["birthplace"] = P.place(rng.choice(["골", "실", "말", "포"]))
    v["city"] = P.sino_name("시")
    v["death_place"] = P.sino_name("시")
    v["teacher"] = P.person()
    v["spouse"] = P.person()
    v["work"] = title(rng, P.stem())
    put(v, a, "works_count", count(rng, 12, 380, counter, native_p=0.3))
    v["award"] = P.sino_name(rng.choice(["문화상", "예술상", "학술상"]), sep=" ")
    put(v, a, "children", count(rng, 1, 7, "명", native_p=1.0))
    v["memorial"] = rng.choice(["기념관", "작은 도서관", "전시관", "문학관"])
    return v, a


PERSON_INTRO = [
    V("{name|은} {birth_year}에 {birthplace}에서 태어난 {job|이다}.",
      q={"birth_year": ["{name|은} 언제 태어났는가?", "{name|이} 태어난 해는?", "{name|은} 몇 년에 태어났나?"],
         "birthplace": ["{name|은} 어디에서 태어났는가?", "{job} {name|이} 태어난 곳은 어디인가?"],
         "job": ["{birth_year}에 {birthplace}에서 태어난 {name|은} 어떤 일을 한 사람인가?", "{name}의 직업은 무엇인가?"]},
      d={"birth_year": ["{name}의 출생 연도는?"], "birthplace": ["{name}의 출생지는 어디인가?"],
         "job": ["{name|은} 무슨 일을 했는가?"]}),
    V("{job} {name|은} {birthplace}의 가난한 집에서 {birth_year}에 태어났다.",
      q={"birth_year": ["{name|은} 몇 년에 태어났는가?", "{job} {name|이} 태어난 것은 언제인가?"],
         "birthplace": ["{name|이} 태어난 곳은 어디인가?", "{name|은} 어느 곳의 가난한 집에서 태어났는가?"],
         "job": ["{birthplace}에서 태어난 {name}의 직업은 무엇인가?"]},
      d={"birthplace": ["{name}의 고향은 어디인가?"], "birth_year": ["{name}의 출생 연도는 언제인가?"]}),
]

PERSON_BLOCKS = [
    [V("어려서부터 {talent}, 열다섯 살에 {city|으로} 가서 {teacher}에게 배웠다.",
       q={"teacher": ["{name|은} 열다섯 살에 누구에게 배웠는가?", "{name}의 스승은 누구인가?"],
          "city": ["{name|은} 열다섯 살에 어디로 가서 배웠는가?", "{name|이} {teacher}에게 배우러 간 곳은 어디인가?"]},
       d={"teacher": ["{name|을} 가르친 사람은 누구인가?"], "city": ["{name|이} 유학한 도시는 어디인가?"]})],
    [V("{work_year}에 {rel} 《{work}》{@work|은} 그의 대표작으로 꼽힌다.",
       q={"work": ["{name}의 대표작은 무엇인가?", "{work_year}에 {name|이} {rel} 작품은 무엇인가?"],
          "work_year": ["{name|이} 《{work}》{@work|을} {rel} 것은 언제인가?", "{name}의 대표작은 몇 년에 나왔는가?"]},
       d={"work": ["{name}의 가장 유명한 작품은?"], "work_year": ["《{work}》의 발표 연도는?"]})],
    [V("그는 평생 {works_count}의 {work_noun|을} 남겼다.",
       q={"works_count": ["{name|은} 평생 얼마나 많은 {work_noun|을} 남겼는가?", "{name|은} 평생 몇 {counter}의 {work_noun|을} 남겼는가?"]},
       d={"works_count": ["{name|이} 남긴 {work_noun}의 수는?"]})],
    [V("{award_year}에는 {award|을} 받아 이름을 널리 알렸다.",
       q={"award": ["{name|이} {award_year}에 받은 상은 무엇인가?", "{name|이} 이름을 널리 알리게 된 상은?"],
          "award_year": ["{name|이} {award|을} 받은 것은 언제인가?"]},
       d={"award": ["{name}의 수상 경력에는 어떤 상이 있나?"]})],
    [V("그는 {spouse|과} 혼인하여 슬하에 {children}의 자녀를 두었다.",
       q={"spouse": ["{name|은} 누구와 혼인하였는가?"],
          "children": ["{name|은} 자녀를 몇 명 두었는가?", "{name}의 자녀는 모두 몇 명인가?"]},
       d={"spouse": ["{name}의 배우자는 누구인가?"]})],
    [V("{name|은} {death_year}에 {death_place}에서 세상을 떠났으며, 그때 나이는 {age|이었다}.",
       q={"death_year": ["{name|은} 언제 세상을 떠났는가?", "{name|이} 세상을 떠난 해는 언제인가?"],
          "death_place": ["{name|은} 어디에서 세상을 떠났는가?"],
          "age": ["{name|은} 몇 살에 세상을 떠났는가?", "세상을 떠날 때 {name}의 나이는?"]},
       d={"death_year": ["{name}의 사망 연도는?"], "age": ["{name|은} 향년 몇 세였나?"], "death_place": ["{name|이} 숨을 거둔 곳은?"]})],
    [V("그가 태어난 집은 {legacy_year}에 {memorial|으로} 꾸며져 지금은 누구나 둘러볼 수 있다.",
       q={"memorial": ["{name|이} 태어난 집은 무엇으로 꾸며졌는가?"],
          "legacy_year": ["{name|이} 태어난 집이 {memorial|으로} 꾸며진 것은 언제인가?"]},
       d={"memorial": ["현재 {name}의 생가는 어떤 시설로 쓰이는가?"]})],
]

PERSON_FILLERS = [
    "그는 평소 말수가 적고 부지런한 사람으로 기억된다.",
    "젊은 시절에는 가난 때문에 낮에는 일을 하고 밤에 공부를 하였다.",
    "그의 작업실은 늘 정리되어 있었고, 책상 위에는 작은 화분 하나만 놓여 있었다.",
    "제자들에게는 엄격했지만 어려운 이웃에게는 아낌없이 베풀었다.",
    "그가 남긴 일기에는 작업 과정이 날짜별로 꼼꼼하게 적혀 있다.",
    "새벽에 일어나 산책을 한 뒤 일을 시작하는 습관을 평생 지켰다.",
    "그의 작품은 처음에는 주목받지 못했으나 시간이 지나며 높이 평가받게 되었다.",
    "그는 작업이 잘 풀리지 않을 때면 강가를 오래 걸으며 생각을 정리했다고 한다.",
    "그의 편지들은 따뜻하고 솔직한 문장으로 유명해서 훗날 책으로 묶여 나오기도 했다.",
    "가까운 친구들은 그를 고집이 세지만 약속은 반드시 지키는 사람으로 기억했다.",
    "그는 젊은 후배들이 찾아오면 밤늦게까지 이야기를 들어 주고 조언을 아끼지 않았다.",
    "그의 작품 가운데 상당수는 전쟁과 화재로 사라져 지금은 일부만 전한다.",
    "그는 여행을 좋아해서 전국의 산과 바닷가를 두루 다니며 보고 들은 것을 공책에 적었다.",
]

entity_type("person", make_person, PERSON_INTRO, PERSON_BLOCKS, PERSON_FILLERS)


# --- mountain --------------------------------------------------------------
FLOWERS = [("진달래", "분홍빛"), ("철쭉", "붉은빛"), ("산벚꽃", "흰빛"), ("복수초", "노란빛"), ("얼레지", "보랏빛"),
           ("금낭화", "분홍빛"), ("산수유", "노란빛"), ("구절초", "흰빛")]


def make_mountain(rng, P):
    v, a = {}, {}
    v["name"] = P.place(rng.choice(["산", "봉"]), unique=True)
    v["region"] = P.sino_name("군")
    put(v, a, "height", length(rng, 420, 2480, "미터"))
    put(v, a, "peaks", count(rng, 3, 19, "개", native_p=0.8))
    y = years(rng, 3, 1700, 1975)
    put(v, a, "temple_year", yr(rng.randint(1100, 1690)))
    put(v, a, "climb_year", yr(y[0]))
    put(v, a, "cave_year", yr(y[1]))
    v["climber"] = P.person()
    v["climb_days"] = rng.choice(DAYS[:5])
    v["monk"] = rng.choice(MONK_NAMES)
    v["temple"] = P.sino_name("사")
    v["river"] = P.place("강")
    v["flower"], v["color"] = rng.choice(FLOWERS)
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


MOUNTAIN_INTRO = [
    V("{name|은} {region} 동쪽에 솟아 있는 산으로, 높이는 {height|이다}.",
      q={"height": ["{name}의 높이는 얼마인가?", "{name|은} 높이가 몇 미터인가?"],
         "region": ["{name|은} 어느 군 동쪽에 솟아 있는가?", "{name|이} 솟아 있는 곳은 어느 군인가?"]},
      d={"height": ["{name}의 해발 고도는?"], "region": ["{name|이} 속한 행정 구역은 어디인가?"]}),
    V("{region}에서 가장 높은 산인 {name|은} 높이가 {height|이며}, 크고 작은 봉우리 {peaks|이} 이어져 있다.",
      q={"region": ["{name|은} 어느 군에서 가장 높은 산인가?"],
         "height": ["{region}에서 가장 높은 {name}의 높이는?", "{name|은} 높이가 몇 미터인가?"],
         "peaks": ["{name}에 이어져 있는 봉우리는 몇 개인가?", "{name}에는 크고 작은 봉우리가 몇 개 이어져 있는가?"]},
      d={"peaks": ["{name}의 봉우리 수는?"], "height": ["{name}의 정상은 해발 몇 미터인가?"]}),
]

MOUNTAIN_BLOCKS = [
    [V("기록에 남은 첫 등정은 {climb_year}에 {climber|이} 이룬 것으로, 그는 정상까지 오르는 데 {climb_days|이} 걸렸다.",
       q={"climber": ["{name|을} 처음 오른 사람으로 기록된 인물은 누구인가?", "{climb_year}에 {name}의 첫 등정을 이룬 사람은?"],
          "climb_year": ["{name}의 첫 등정은 언제 이루어졌는가?", "{climber|이} {name}의 첫 등정을 이룬 해는?"],
          "climb_days": ["{climber|이} {name} 정상까지 오르는 데 며칠이 걸렸는가?"]},
       d={"climber": ["{name}에 최초로 오른 사람은 누구인가?"], "climb_year": ["{name} 최초 등정 연도는?"]})],
    [V("산 중턱에는 {temple_year}에 승려 {monk|이} 세운 {temple|이} 있다.",
       q={"temple": ["{name} 중턱에 있는 절은 무엇인가?", "승려 {monk|이} {name} 중턱에 세운 절의 이름은?"],
          "monk": ["{name} 중턱의 {temple|을} 세운 승려는 누구인가?"],
          "temple_year": ["{temple|은} 언제 세워졌는가?", "승려 {monk|이} {temple|을} 세운 해는?"]},
       d={"temple": ["{name}에 자리한 사찰의 이름은?"], "monk": ["{temple}의 창건자는 누구인가?"]})],
    [V("{river|은} 이 산의 북쪽 골짜기에서 시작된다.",
       q={"river": ["{name}의 북쪽 골짜기에서 시작되는 강은?", "어느 강이 {name}의 북쪽 골짜기에서 시작되는가?"]},
       d={"river": ["{name}에 발원지를 둔 강은 무엇인가?"]})],
    [V("봄이면 산 곳곳에 {flower|이} 피어 온 산이 {color|으로} 물든다.",
       q={"flower": ["봄이면 {name} 곳곳에 피는 꽃은 무엇인가?", "봄에 {name|을} {color|으로} 물들이는 꽃은?"],
          "color": ["봄이면 {name|은} 무슨 빛으로 물드는가?"]},
       d={"flower": ["{name}에 봄마다 만발하는 꽃은?"]})],
    [V("남쪽 기슭에는 길이가 {cave_len}인 {cave|이} 있는데, {cave_year}에 {cave_finder|이} 처음 발견했다.",
       q={"cave": ["{name} 남쪽 기슭에 있는 동굴의 이름은?", "{cave_year}에 {cave_finder|이} {name} 남쪽 기슭에서 발견한 것은?"],
          "cave_len": ["{cave}의 길이는 얼마인가?", "{name} 남쪽 기슭의 {cave|은} 길이가 몇 미터인가?"],
          "cave_finder": ["{cave|을} 처음 발견한 사람은 누구인가?"],
          "cave_year": ["{cave|은} 언제 처음 발견되었는가?"]},
       d={"cave_finder": ["{cave}의 최초 발견자는?"], "cave_year": ["{cave|이} 세상에 알려진 해는?"]})],
    [V("정상까지 이어지는 등산로는 모두 {trails|이며}, 가장 긴 길은 {trail_len}에 이른다.",
       q={"trails": ["{name} 정상까지 이어지는 등산로는 모두 몇 개인가?"],
          "trail_len": ["{name}의 등산로 가운데 가장 긴 길은 몇 킬로미터인가?", "{name} 정상까지 가는 가장 긴 등산로의 길이는?"]},
       d={"trails": ["{name}에 나 있는 등산로의 수는?"]})],
    [V("옛 지리서에는 이 산이 {oldname|이라는} 이름으로 적혀 있으며, 정상에는 {beacon_year}에 세워진 봉화대 터가 남아 있다.",
       q={"oldname": ["옛 지리서에 {name|은} 어떤 이름으로 적혀 있는가?"],
          "beacon_year": ["{name} 정상의 봉화대는 언제 세워졌는가?", "{name} 정상에 터가 남아 있는 봉화대가 세워진 해는?"]},
       d={"oldname": ["{name}의 옛 이름은 무엇인가?"]})],
    [V("정상 바로 아래의 {hut}에서는 해마다 {hikers|이} 하룻밤을 묵어 간다.",
       q={"hut": ["{name} 정상 바로 아래에 있는 대피소는?"],
          "hikers": ["{name} 정상 아래의 {hut}에서는 해마다 몇 명이 묵어 가는가?"]},
       d={"hikers": ["{hut}의 한 해 숙박객 수는?"]})],
]

MOUNTAIN_FILLERS = [
    "정상에 서면 맑은 날에는 멀리 바다와 섬들이 보인다.",
    "겨울에는 눈이 많이 쌓여 오르는 길이 자주 막힌다.",
    "산기슭의 마을 사람들은 이 산을 신령스럽게 여겨 함부로 나무를 베지 않았다.",
    "산에는 멧돼지와 노루 같은 짐승이 많이 산다.",
    "가을 단풍이 고와서 이 무렵에는 등산객이 크게 늘어난다.",
    "골짜기마다 맑은 샘이 솟아 예로부터 물맛이 좋기로 이름났다.",
    "정상 부근은 바람이 세서 키 작은 나무들만 자란다.",
    "해가 뜰 무렵 정상에 오르면 구름바다가 발아래 펼쳐진다.",
    "산 아래 마을에는 옛날 이 산에 살던 흰 사슴에 관한 이야기가 전해 내려온다.",
    "여름철에는 계곡을 따라 시원한 바람이 불어 더위를 피하려는 사람들이 몰려든다.",
    "산허리를 두르는 옛길은 예전에 장사꾼들이 소금과 곡식을 지고 넘던 길이었다.",
    "정상 부근의 너른 바위는 수백 명이 앉을 수 있을 만큼 넓어 쉼터로 쓰인다.",
    "날씨가 자주 바뀌어서 오를 때에는 맑다가도 내려올 때 갑자기 비를 만나는 일이 많다.",
    "이 산에서 나는 약초는 효험이 좋다고 알려져 예로부터 약초꾼들이 즐겨 찾았다.",
]

entity_type("mountain", make_mountain, MOUNTAIN_INTRO, MOUNTAIN_BLOCKS, MOUNTAIN_FILLERS)


# --- bridge ----------------------------------------------------------------
BRIDGE_MATERIALS = [("화강암", "채석장"), ("붉은 벽돌", "가마터"), ("강철", "제철소"), ("참나무", "숲"), ("콘크리트", "시멘트 공장")]
DAMAGE_CAUSES = ["홍수", "지진", "얼음덩이", "폭설", "태풍"]


def make_bridge(rng, P):
    v, a = {}, {}
    v["name"] = rng.choice([P.place("다리", unique=True), P.sino_name("교", unique=True)])
    v["river"] = P.place("강")
    v["designer"] = P.person()
    v["donor"] = P.person()
    y = years(rng, 3, 1800, 1995)
    put(v, a, "built_year", yr(y[0]))
    put(v, a, "damage_year", yr(y[1]))
    put(v, a, "repair_year", yr(min(y[1] + rng.randint(1, 6), 2020)))
    v["city"] = P.sino_name("시")
    v["city2"] = P.place("포")
    put(v, a, "blen", length(rng, 40, 1480, "미터"))
    put(v, a, "piers", count(rng, 3, 30, "개", native_p=0.7))
    v["material"], src = rng.choice(BRIDGE_MATERIALS)
    v["quarry"] = P.place(src, sep=" ")
    put(v, a, "workers", people_count(rng, 60, 3000))
    v["build_time"] = rng.choice(["1년 반", "2년", "3년", "4년", "열여덟 달", "다섯 해", "일곱 달"])
    n = rng.randint(2, 80)
    put(v, a, "cost", rng.choice([(f"{n}만 냥", [f"{n}만"]), (f"쌀 {n * 100:,}가마", [])]))
    v["damage_cause"] = rng.choice(DAMAGE_CAUSES)
    put(v, a, "traffic", rng.choice([(f"약 {kor_num(n * 1000)} 대", [f"{kor_num(n * 1000)} 대"]), (f"{n * 100:,}대", [f"{n * 100:,}"])]))
    v["bridge_namer"] = P.person()
    v["namer_age"] = f"{native(rng.randint(9, 16))} 살"
    put(v, a, "crowd", people_count(rng, 300, 20000))
    return v, a


BRIDGE_INTRO = [
    V("{name|은} {river|을} 가로지르는 다리로, {designer|이} 설계하여 {built_year}에 완공되었다.",
      q={"river": ["{name|은} 어느 강을 가로지르는가?", "{name|이} 가로지르는 강은 무엇인가?"],
         "designer": ["{name|을} 설계한 사람은 누구인가?", "누가 {name|을} 설계했는가?"],
         "built_year": ["{name|은} 언제 완공되었는가?", "{designer|이} 설계한 {name|이} 완공된 해는?"]},
      d={"designer": ["{name}의 설계자는 누구인가?"], "built_year": ["{name|이} 완성된 해는 몇 년인가?"],
         "river": ["{name|이} 놓인 강은?"]}),
    V("{built_year}에 놓인 {name|은} {river} 양쪽의 {city|과} {city2|을} 잇는 다리이다.",
      q={"city2": ["{name|은} {city|과} 어디를 잇는가?"],
         "city": ["{name|은} {city2|과} 어느 도시를 잇는가?"],
         "built_year": ["{name|은} 몇 년에 놓였는가?", "{city|과} {city2|을} 잇는 {name|이} 놓인 해는?"],
         "river": ["{name|은} 어느 강 양쪽을 잇는가?"]},
      d={"built_year": ["{name}의 준공 연도는?"], "city2": ["{name|으로} {city|과} 연결된 곳은?"]}),
]

BRIDGE_BLOCKS = [
    [V("다리의 길이는 {blen|이고}, 모두 {piers}의 교각이 상판을 받치고 있다.",
       q={"blen": ["{name}의 길이는 얼마인가?", "{name|은} 길이가 몇 미터인가?"],
          "piers": ["{name}의 상판을 받치는 교각은 몇 개인가?", "{name}에는 교각이 모두 몇 개 있는가?"]},
       d={"blen": ["{name}의 총 길이는?"], "piers": ["{name}의 교각 수는?"]})],
    [V("다리는 {material|으로} 지어졌는데, 이는 근처의 {quarry}에서 재료를 쉽게 구할 수 있었기 때문이다.",
       q={"material": ["{name|은} 무엇으로 지어졌는가?", "{name|을} 지은 재료는 무엇인가?"],
          "quarry": ["{name|을} 짓는 재료는 어디에서 구했는가?", "{name}의 재료를 쉽게 구할 수 있었던 곳은?"]},
       d={"material": ["{name}의 주재료는 무엇인가?"]})],
    [V("공사에는 {workers|이} 참여했으며, 다리를 완성하기까지 모두 {build_time|이} 걸렸다.",
       q={"workers": ["{name} 공사에 참여한 사람은 몇 명인가?", "{name|을} 짓는 데 몇 명이 참여했는가?"],
          "build_time": ["{name|을} 완성하기까지 얼마나 걸렸는가?", "{name|을} 짓는 데 걸린 기간은?"]},
       d={"workers": ["{name} 건설 공사의 참여 인원은?"], "build_time": ["{name}의 공사 기간은 얼마였나?"]})],
    [V("공사비 {cost} 가운데 절반은 {donor|이} 내놓았다.",
       q={"donor": ["{name} 공사비의 절반을 내놓은 사람은 누구인가?"],
          "cost": ["{name}의 공사비는 얼마였는가?"]},
       d={"donor": ["{name} 건설비의 반을 기부한 사람은?"]})],
    [V("{damage_year}에는 {damage_cause|으로} 다리 가운데 부분이 무너졌고, {repair_year}에 다시 이어졌다.",
       q={"damage_cause": ["{damage_year}에 {name}의 가운데 부분이 무너진 까닭은?", "{name}의 가운데 부분은 무엇 때문에 무너졌는가?"],
          "damage_year": ["{name}의 가운데 부분이 무너진 해는?"],
          "repair_year": ["무너진 {name}의 가운데 부분은 언제 다시 이어졌는가?"]},
       d={"damage_cause": ["{damage_year} {name} 붕괴의 원인은 무엇인가?"], "repair_year": ["{name}의 복구가 끝난 해는?"]})],
    [V("오늘날 이 다리를 하루에 지나는 차량은 {traffic}에 이른다.",
       q={"traffic": ["오늘날 {name|을} 하루에 지나는 차량은 몇 대인가?"]},
       d={"traffic": ["{name}의 하루 교통량은 얼마인가?"]})],
    [V("다리 이름은 공모를 거쳐 정해졌는데, 뽑힌 것은 당시 {namer_age}이던 {bridge_namer|이} 지은 이름이었다.",
       q={"bridge_namer": ["{name}의 이름을 지은 사람은 누구인가?", "공모에서 뽑힌 {name}의 이름은 누가 지었는가?"],
          "namer_age": ["{name}의 이름을 지을 때 {bridge_namer|은} 몇 살이었는가?"]},
       d={"bridge_namer": ["{name} 이름 공모의 당선자는 누구인가?"]})],
    [V("개통식에는 {crowd|이} 모여 다리를 처음 건너는 순간을 지켜보았다.",
       q={"crowd": ["{name}의 개통식에는 몇 명이 모였는가?", "{name|을} 처음 건너는 순간을 지켜본 사람은 몇 명인가?"]},
       d={"crowd": ["{name} 개통식 참석 인원은?"]})],
]

BRIDGE_FILLERS = [
    "다리 양쪽 끝에는 돌로 깎은 사자상이 한 쌍씩 서 있다.",
    "해 질 무렵 다리 위에서 보는 노을이 아름다워 사진을 찍으러 오는 사람이 많다.",
    "다리가 놓이기 전에는 나룻배를 타야만 강을 건널 수 있었다.",
    "다리 난간에는 공사에 참여한 사람들의 이름이 새겨져 있다.",
    "큰 배가 지나갈 수 있도록 가운데 부분이 높게 솟아 있다.",
    "밤에는 난간을 따라 놓인 등불이 강물에 비쳐 반짝인다.",
    "다리 아래 둔치는 주민들의 산책로로 쓰인다.",
    "다리가 놓인 뒤로 강 양쪽 마을 사이의 왕래가 크게 늘어 장터가 더욱 붐비게 되었다.",
    "개통식 날에는 마을 사람들이 모두 나와 다리를 건너며 풍물을 울렸다고 한다.",
    "다리 위에서는 해마다 정월 대보름에 다리를 밟으며 한 해의 건강을 비는 풍습이 이어진다.",
    "홍수가 날 때마다 사람들은 다리가 무사한지 살피러 강가로 달려 나갔다.",
    "다리 한쪽 끝에는 공사 과정을 적은 비석이 서 있어 그때의 어려움을 전해 준다.",
    "자동차가 늘어나면서 다리 옆에 사람만 다닐 수 있는 좁은 길이 따로 덧붙여졌다.",
]

entity_type("bridge", make_bridge, BRIDGE_INTRO, BRIDGE_BLOCKS, BRIDGE_FILLERS)


# ---------------------------------------------------------------------------
# Hand-written paragraphs (original fictional text). qas: (question, answer, occurrence, extra dev answers)
# ---------------------------------------------------------------------------
HANDWRITTEN_TRAIN = [
    {"title": "은빛 등대지기 조합",
     "context": "은빛 등대지기 조합은 남쪽 바다의 외딴 등대 아홉 곳을 함께 돌보기 위해 만들어진 모임이다. 조합을 처음 제안한 사람은 "
                "물새섬 등대를 스무 해 넘게 지킨 여상훈이었다. 그는 폭풍이 치는 밤마다 홀로 불을 지키는 일이 얼마나 외로운지 잘 알았기에, "
                "등대지기들이 서로 교대로 쉬어 갈 수 있는 방법을 찾고 싶어 했다. 1911년 봄, 아홉 명의 등대지기가 모래톱 포구의 낡은 창고에 "
                "모여 첫 모임을 열었고, 이날 정한 규칙은 지금까지도 조합의 기본 규약으로 남아 있다.",
     "qas": [("은빛 등대지기 조합이 함께 돌보는 등대는 몇 곳인가?", "아홉 곳", 0, []),
             ("은빛 등대지기 조합을 처음 제안한 사람은 누구인가?", "여상훈", 0, []),
             ("여상훈이 스무 해 넘게 지킨 등대는 어디인가?", "물새섬 등대", 0, []),
             ("등대지기들의 첫 모임은 어디에서 열렸는가?", "모래톱 포구의 낡은 창고", 0, []),
             ("은빛 등대지기 조합의 첫 모임이 열린 해는?", "1911년", 0, ["1911"])]},
    {"title": "구름다락 제과점",
     "context": "구름다락 제과점은 비탈진 골목 끝의 이 층 집에서 시작되었다. 주인 배윤슬은 원래 시계 수리공이었는데, 손님을 기다리는 동안 "
                "심심풀이로 구운 보리 과자가 동네에서 뜻밖에 인기를 끌자 아예 가게를 바꾸기로 했다. 가게 이름은 빵 굽는 냄새가 다락방 "
                "창문으로 구름처럼 피어오른다며 이웃 아이들이 붙여 준 것이다. 지금도 이 제과점에서 가장 많이 팔리는 것은 처음의 그 보리 "
                "과자이며, 하루에 딱 삼백 봉지만 만든다.",
     "qas": [("구름다락 제과점의 주인은 누구인가?", "배윤슬", 0, []),
             ("배윤슬은 제과점을 열기 전에 어떤 일을 했는가?", "시계 수리공", 0, []),
             ("구름다락 제과점이라는 이름을 붙여 준 사람들은 누구인가?", "이웃 아이들", 0, []),
             ("구름다락 제과점에서 가장 많이 팔리는 것은 무엇인가?", "보리 과자", 1, []),
             ("구름다락 제과점은 보리 과자를 하루에 몇 봉지 만드는가?", "삼백 봉지", 0, [])]},
    {"title": "하늘못 천문대",
     "context": "하늘못 천문대는 해발 1,140미터의 고원 호숫가에 세워진 작은 관측소이다. 이곳은 밤하늘이 유난히 맑고 주변에 불빛이 거의 "
                "없어서, 천문학자 노은채가 별을 관측하기에 알맞은 장소로 골랐다. 천문대가 문을 연 1934년 가을부터 그녀는 스물두 해 동안 "
                "매일 밤 혜성의 움직임을 기록했다. 그녀가 남긴 관측 일지는 모두 마흔여섯 권에 이르며, 지금은 천문대 1층 전시실에서 일부를 "
                "볼 수 있다.",
     "qas": [("하늘못 천문대는 해발 몇 미터에 있는가?", "1,140미터", 0, ["1,140"]),
             ("하늘못 천문대 자리를 고른 천문학자는 누구인가?", "노은채", 0, []),
             ("하늘못 천문대가 문을 연 해는?", "1934년", 0, ["1934"]),
             ("노은채는 몇 해 동안 혜성의 움직임을 기록했는가?", "스물두 해", 0, []),
             ("노은채가 남긴 관측 일지는 모두 몇 권인가?", "마흔여섯 권", 0, [])]},
    {"title": "소금바위 염전",
     "context": "바닷가 마을 갈매포 사람들은 오래전부터 모래밭에 바닷물을 끌어들여 소금을 얻었다. 그러다 1887년에 염부 탁정호가 평평한 "
                "바위 위에 얇은 물길을 내어 바닷물을 말리는 방법을 처음 시도했는데, 이 방법으로 만든 소금은 알갱이가 굵고 쓴맛이 적었다. "
                "사람들은 이 염전을 소금바위 염전이라 불렀다. 한창때에는 일꾼 예순 명이 여름 내내 소금을 거두었고, 이곳 소금은 배에 실려 "
                "북쪽의 항구 도시 연무포까지 팔려 나갔다.",
     "qas": [("소금바위 염전은 어느 마을에 있는가?", "갈매포", 0, []),
             ("바위 위에 물길을 내어 바닷물을 말리는 방법을 처음 시도한 사람은?", "탁정호", 0, []),
             ("탁정호가 새 방법을 처음 시도한 것은 언제인가?", "1887년", 0, ["1887"]),
             ("한창때 소금바위 염전의 일꾼은 몇 명이었나?", "예순 명", 0, []),
             ("소금바위 염전의 소금은 배에 실려 어디까지 팔려 나갔는가?", "연무포", 0, [])]},
    {"title": "물레실 우편 자전거대",
     "context": "물레실 우편 자전거대는 산골 마을에 편지를 나르기 위해 1923년에 꾸려진 배달 모임이다. 당시 이 지역은 길이 좁고 험해서 "
                "마차가 다닐 수 없었기 때문에, 우체국장 명기환은 가볍고 튼튼한 자전거 여섯 대를 들여와 젊은 배달원들에게 맡겼다. "
                "배달원들은 하루에 평균 40킬로미터를 달렸고, 눈이 많이 오는 겨울에는 자전거를 어깨에 메고 고개를 넘기도 했다. "
                "자전거대는 버스 노선이 생긴 1952년까지 운영되었다.",
     "qas": [("물레실 우편 자전거대는 언제 꾸려졌는가?", "1923년", 0, ["1923"]),
             ("자전거를 들여와 배달원들에게 맡긴 우체국장은 누구인가?", "명기환", 0, []),
             ("명기환이 들여온 자전거는 몇 대인가?", "여섯 대", 0, []),
             ("배달원들은 하루에 평균 얼마나 달렸는가?", "40킬로미터", 0, ["40"]),
             ("물레실 우편 자전거대는 언제까지 운영되었는가?", "1952년", 0, ["1952"])]},
    {"title": "두루미 인형극단",
     "context": "두루미 인형극단은 손으로 깎은 나무 인형으로 옛이야기를 공연하는 떠돌이 극단이다. 극단을 만든 석하람은 젊은 시절 목수로 "
                "일하며 남은 나뭇조각으로 인형을 만들어 조카들에게 보여 주곤 했다. 1958년에 그는 친구 세 사람과 함께 작은 수레에 무대를 "
                "싣고 첫 순회공연을 떠났다. 극단의 가장 유명한 작품은 '달을 삼킨 두꺼비'로, 지금까지 2천 회 넘게 무대에 올랐다.",
     "qas": [("두루미 인형극단을 만든 사람은 누구인가?", "석하람", 0, []),
             ("석하람은 젊은 시절 무슨 일을 했는가?", "목수", 0, []),
             ("두루미 인형극단이 첫 순회공연을 떠난 해는?", "1958년", 0, ["1958"]),
             ("두루미 인형극단의 가장 유명한 작품은 무엇인가?", "달을 삼킨 두꺼비", 0, []),
             ("'달을 삼킨 두꺼비'는 지금까지 몇 회 넘게 무대에 올랐는가?", "2천 회", 0, [])]},
    {"title": "새벽골 도서 수레",
     "context": "새벽골 도서 수레는 도서관이 없는 산마을을 돌며 책을 빌려주던 이동 도서관이다. 마을 교사 윤보미가 1962년에 자기 집 책장을 "
                "털어 손수레에 책 120권을 싣고 다니기 시작한 것이 그 시작이었다. 수레는 매주 목요일마다 다섯 마을을 차례로 돌았으며, "
                "아이들은 수레의 종소리가 들리면 골목으로 뛰어나왔다. 몇 해 뒤 군청이 작은 트럭을 내주면서 싣고 다니는 책은 1,500권으로 "
                "늘어났다.",
     "qas": [("새벽골 도서 수레를 시작한 사람은 누구인가?", "윤보미", 0, []),
             ("윤보미가 처음 손수레에 실은 책은 몇 권이었나?", "120권", 0, ["120"]),
             ("새벽골 도서 수레는 매주 무슨 요일에 마을을 돌았는가?", "목요일", 0, []),
             ("도서 수레가 매주 차례로 돈 마을은 몇 곳인가?", "다섯 마을", 0, []),
             ("군청이 도서 수레를 위해 내준 것은 무엇인가?", "작은 트럭", 0, []),
             ("트럭이 생긴 뒤 싣고 다니는 책은 몇 권으로 늘어났는가?", "1,500권", 0, ["1,500"])]},
    {"title": "여울목 물방앗간",
     "context": "여울목 물방앗간은 물살이 빠른 시냇가에 지어진 이 층짜리 방앗간이다. 1849년 방앗간 주인 추만석은 물레바퀴의 지름을 일곱 "
                "자에서 열한 자로 키워, 가뭄에도 방아가 멈추지 않게 만들었다. 덕분에 이웃 고을 농부들까지 곡식을 지고 이곳을 찾아왔고, "
                "추수철에는 방앗간 앞에 늘어선 줄이 한 마장이나 되었다고 한다. 방앗간은 1931년 전기 방아가 들어오면서 문을 닫았고, 지금은 "
                "물레바퀴만 남아 있다.",
     "qas": [("물레바퀴의 지름을 키운 방앗간 주인은 누구인가?", "추만석", 0, []),
             ("추만석은 물레바퀴의 지름을 몇 자로 키웠는가?", "열한 자", 0, []),
             ("추만석이 물레바퀴를 키운 해는 언제인가?", "1849년", 0, ["1849"]),
             ("여울목 물방앗간은 언제 문을 닫았는가?", "1931년", 0, ["1931"]),
             ("여울목 물방앗간이 문을 닫게 된 것은 무엇이 들어왔기 때문인가?", "전기 방아", 0, [])]},
    {"title": "바다거북 합창단",
     "context": "바다거북 합창단은 섬마을 분교 학생 열네 명으로 이루어진 어린이 합창단이다. 음악 교사 하진솔이 파도 소리에 맞춰 노래하는 "
                "아이들을 보고 1976년에 합창단을 만들었다. 합창단은 섬에 전해 오는 뱃노래를 새로 편곡해 부르는 것으로 유명하며, 1981년에는 "
                "전국 어린이 노래 대회에서 으뜸상을 받았다. 단원들은 배를 타고 육지로 나가 공연을 하는데, 한 번 다녀오는 데 꼬박 하루가 "
                "걸린다.",
     "qas": [("바다거북 합창단의 단원은 몇 명인가?", "열네 명", 0, []),
             ("바다거북 합창단을 만든 음악 교사는 누구인가?", "하진솔", 0, []),
             ("하진솔이 합창단을 만든 해는?", "1976년", 0, ["1976"]),
             ("바다거북 합창단이 1981년에 받은 상은 무엇인가?", "으뜸상", 0, []),
             ("바다거북 합창단은 섬에 전해 오는 무엇을 새로 편곡해 부르는가?", "뱃노래", 0, [])]},
    {"title": "노을재 터널",
     "context": "노을재 터널은 높은 고개를 사이에 둔 두 마을을 잇기 위해 뚫은 길이 860미터의 터널이다. 고개를 넘는 옛길은 겨울마다 "
                "눈사태로 막혔기 때문에, 두 마을 주민들은 1968년부터 힘을 모아 곡괭이와 삽으로 바위를 깨기 시작했다. 공사를 이끈 사람은 "
                "광산에서 일했던 마종범으로, 그는 매일 아침 가장 먼저 굴에 들어가 하루 작업량을 정했다. 터널은 일곱 해 만에 뚫렸고, "
                "개통식 날에는 두 마을 사람들이 터널 한가운데에서 만나 잔치를 벌였다.",
     "qas": [("노을재 터널의 길이는 얼마인가?", "860미터", 0, ["860"]),
             ("고개를 넘는 옛길은 겨울마다 무엇 때문에 막혔는가?", "눈사태", 0, []),
             ("노을재 터널 공사를 이끈 사람은 누구인가?", "마종범", 0, []),
             ("두 마을 주민들이 바위를 깨기 시작한 해는?", "1968년", 0, ["1968"]),
             ("노을재 터널을 뚫는 데 걸린 기간은?", "일곱 해", 0, [])]},
]

HANDWRITTEN_DEV = [
    {"title": "푸른솔 양봉 조합",
     "context": "푸른솔 양봉 조합은 산골 세 마을의 양봉가들이 꿀을 함께 팔기 위해 만든 조합이다. 조합장 엄태주는 1957년에 벌통을 나르는 "
                "수레를 공동으로 쓰자고 처음 제안했다. 이 조합의 꿀은 밤나무 꽃에서 얻어 빛깔이 짙고 향이 강한데, 해마다 6월 말에 거두어 "
                "항아리에 담아 판다. 한창때 조합원들이 돌보던 벌통은 모두 2,400개에 달했다.",
     "qas": [("푸른솔 양봉 조합에 참여한 마을은 몇 곳인가?", "세 마을", 0, []),
             ("수레를 공동으로 쓰자고 처음 제안한 조합장은 누구인가?", "엄태주", 0, []),
             ("푸른솔 양봉 조합의 꿀은 어떤 꽃에서 얻는가?", "밤나무 꽃", 0, ["밤나무"]),
             ("푸른솔 양봉 조합은 해마다 언제 꿀을 거두는가?", "6월 말", 0, []),
             ("한창때 조합원들이 돌보던 벌통은 모두 몇 개였나?", "2,400개", 0, ["2,400"])]},
    {"title": "모래언덕 기상 관측소",
     "context": "모래언덕 기상 관측소는 모래가 두껍게 쌓인 해안 언덕 위에 세워진 관측소이다. 1903년 기상학자 봉세린이 바닷바람의 세기를 "
                "재기 위해 이곳에 처음 풍속계를 설치했다. 관측소 직원들은 하루 네 번 바람과 기온을 재어 기록했는데, 이 기록은 60년 넘게 "
                "하루도 빠지지 않고 이어졌다. 관측소 건물은 바람에 날려 온 모래를 막으려고 창문을 모두 바다 반대쪽으로 냈다.",
     "qas": [("모래언덕 기상 관측소에 처음 풍속계를 설치한 기상학자는?", "봉세린", 0, []),
             ("봉세린이 풍속계를 설치한 해는 언제인가?", "1903년", 0, ["1903"]),
             ("관측소 직원들은 하루에 몇 번 바람과 기온을 쟀는가?", "네 번", 0, []),
             ("관측소 건물의 창문을 바다 반대쪽으로 낸 것은 무엇을 막으려고였나?", "바람에 날려 온 모래", 0, ["모래"]),
             ("관측소의 기록은 몇 년 넘게 이어졌는가?", "60년", 0, ["60"])]},
    {"title": "달맞이 목공소",
     "context": "달맞이 목공소는 강가의 작은 마을에서 나무 장난감을 만드는 공방이다. 공방을 연 국다현은 어린 시절 할아버지에게서 대패질을 "
                "배웠고, 1989년에 비어 있던 정미소 건물을 빌려 목공소를 차렸다. 이곳의 대표 장난감은 바퀴 달린 나무 오리로, 줄을 당기면 "
                "날개가 위아래로 움직인다. 목공소에서는 지금도 직원 다섯 명이 모든 장난감을 손으로 깎는다.",
     "qas": [("달맞이 목공소를 연 사람은 누구인가?", "국다현", 0, []),
             ("국다현은 어린 시절 누구에게서 대패질을 배웠는가?", "할아버지", 0, []),
             ("국다현이 목공소를 차리려고 빌린 건물은 원래 무엇이었나?", "정미소", 0, []),
             ("달맞이 목공소의 대표 장난감은 무엇인가?", "바퀴 달린 나무 오리", 0, ["나무 오리"]),
             ("달맞이 목공소에서 장난감을 깎는 직원은 몇 명인가?", "다섯 명", 0, [])]},
]


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
    sents = [_sentence(intro["s"], vals, intro)]
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
        options = [v for v in blk if not (set(tpl_keys(v["s"])) - {"name"}) & used]
        if not options:
            continue
        v = rng.choice(options)
        s = _sentence(v["s"], vals, v)
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
        assert total(sents) >= LONG_MIN_CHARS, (tdef["title"], total(sents))
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
        for key in s["v"]["q"]:
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

        train_qs = usable(variant["q"][key])
        dev_qs = usable(variant["d"].get(key, [])) if split == "dev" else []
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
    train_tpls = {t for blk in [tdef["intro"]] + tdef["blocks"] for v in blk for ts in v["q"].values() for t in ts}
    for blk in [tdef["intro"]] + tdef["blocks"]:
        for v in blk:
            assert set(tpl_keys(v["s"])) <= set(vals), (tname, v["s"])
            assert set(v["d"]) <= set(v["q"]), (tname, v["s"])
            for key, ts in list(v["q"].items()) + list(v["d"].items()):
                assert key in tpl_keys(v["s"]), (tname, key)
                for t in ts:
                    assert set(tpl_keys(t)) <= set(vals), (tname, t)
                    assert t.endswith("?"), t
            for ts in v["d"].values():
                assert not set(ts) & train_tpls, (tname, ts)
    for f in tdef["fillers"]:
        assert set(tpl_keys(f)) <= set(vals), (tname, f)


def generated_article(rng, tname, pools, long, split):
    tdef = TYPES[tname]
    pools.begin_entity()
    vals, alts = tdef["make"](rng, pools)
    check_templates(tname, vals)
    context, sents, offsets, used = build_context(rng, tdef, vals, long)
    qas = make_questions(rng, context, sents, offsets, used, vals, alts, long, split)
    return {"title": vals[tdef["title"]], "context": context, "qas": qas}


def handwritten_article(item, split):
    ctx = item["context"]
    qas = []
    for question, answer, occ, extra in item["qas"]:
        start = -1
        for _ in range(occ + 1):
            start = ctx.find(answer, start + 1)
        assert start >= 0, (item["title"], answer)
        answers = [{"text": answer, "answer_start": start}]
        if split == "dev":
            for alt in extra:
                k = answer.find(alt)
                if k < 0:
                    k = ctx.find(alt, start) - start
                answers.append({"text": alt, "answer_start": start + k})
        qas.append({"question": question, "answers": answers, "paraphrase": None})
    return {"title": item["title"], "context": ctx, "qas": qas}


def extend_pools(pools):
    """More title material for the extra training paragraphs, built only from the split's own stems:
    two-word native names (e.g. "솔숲" + "바위") and three-syllable Sino-Korean names."""
    base = list(pools.stems)
    compounds = [a + b for a in base for b in base if a != b and len(a + b) <= 5]
    pools.rng.shuffle(compounds)
    pools.stems = base + compounds
    sino = list(pools.sino)
    longer = [x + c for x in sino for c in SINO2 if c not in x]
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
    rng = random.Random(SEED)
    train_pools, dev_pools = build_pools(rng)
    stats = {"dev_paraphrase": 0}
    train = build_split(rng, "train", train_pools, N_TRAIN_SHORT, N_TRAIN_LONG, HANDWRITTEN_TRAIN, stats)
    dev = build_split(rng, "dev", dev_pools, N_DEV_SHORT, N_DEV_LONG, HANDWRITTEN_DEV, stats)
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
