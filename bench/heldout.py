#!/usr/bin/env python3
"""Held-out fact-check benchmark: BBC politics + sport drafts, scored by score.py.

    python bench/heldout.py [--n 200] [--seed 1] [--out DIR] [--show-errors 20]
                            [--store-url URL] [--self-check] [--generate-only]

1. Generates N drafts in the exact case format of ../shared/eval/drafts-dev
   (CASEID.txt + CASEID.json, summary.json) from the BBC politics and sport
   categories, following the construction described in ../shared/eval/README.md.
   The quote_unverified paragraphs come from ../shared/eval/quotes-dev/train
   (US political news, not in the store); they are used at benchmark time only.
2. Ingests the whole BBC corpus into a fresh temporary SQLite store (unless
   --store-url is given), runs `factcheck check` on every draft and prints the
   table of ../shared/eval/score.py (with --show-errors passed through).
3. --self-check writes the perfect reports (exactly the expected flags) and
   scores them instead: F1 must be 1.000 with a false-flag rate of 0.000.

Standard library only.  Deliberately independent of the factcheck package: it
imports and reads nothing from factcheck/, so it checks the product from outside.
"""

from __future__ import annotations

import argparse
import difflib
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "bbc")
EVAL = os.path.join(SHARED, "eval")
SCORER = os.path.join(EVAL, "score.py")
EXTERNAL = os.path.join(EVAL, "quotes-dev", "train")
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
SOURCE_CATEGORIES = ("politics", "sport")

WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
NUM_RE = re.compile(
    r"(?<![\w.,:£$€])([£$€]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"((?:bn|m|k|p|%)(?![A-Za-z0-9])|\s(?:per cent|percent|million|billion|trillion)\b)?(?![A-Za-z0-9]|[:.]\d)")
NAMEW = r"[A-Z][a-zA-Z]*[a-z](?:[-'][A-Z][a-zA-Z]+)?"
TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)"
NAME = rf"(?:{TITLE} )?{NAMEW}(?: {NAMEW})?"
ATTR_AFTER_SAID = re.compile(rf'[,.!?]"\s+said\s+({NAME})(?![\w\'-])')
ATTR_AFTER_NAME = re.compile(rf'(?:,"\s+({NAME})\s+(?:said|told|added)\b|[.!?]"\s+({NAME})\s+(?:said|added)[.,])')
ATTR_BEFORE = re.compile(rf'(?<![\w\'-])({NAME})\s+said:\s+"')
NOT_NAMES = set("""He She It They We I You This That The A An But And Or So Then There Here His Her Their Its
Our My Your One Some Many Most Officials Police Analysts Critics Sources Experts Labour Tory Tories Conservative
Conservatives Liberal Democrats Democrat Government Minister Ministers Secretary Chancellor Prime President
Spokesman Spokeswoman Chairman Chief Coach Manager Boss Captain Commission Party Mps MPs England Scotland Wales
Ireland Britain British France French America American United European Europe Council Union Office Home Foreign
Downing Street Number Prince King Queen Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Yesterday Today Now When If
Speaking Asked Writing Commenting Meanwhile However Also Mr Mrs Ms Dr Sir Lord Lady Both Others Everyone
Nobody Someone Who What Where Why How Fans Players Team Club Bbc BBC Reuters Mail Madrid City Council
Commission Office Department Ministry Bank Group Association Federation Club Rovers Athletic Real Royal News
Times Post Radio Agency Institute Trust Service Board League Committee Court Nations Treasury Press Sport
Guardian Telegraph Independent Sun Mirror Express Daily Weekly Sunday Network Centre Society Foundation
Rangers Celtic Arsenal Chelsea Liverpool Everton Newcastle Leeds Villa Spurs Tottenham Fulham Wednesday""".split())
FUNCTION_WORDS = set("""the we it this there they our that if but and what it's there's we're we've i'm you
a an in on at for to of as so no yes all some my he she his her is are was were do does did i've""".split())
NEGATABLE = ("is", "are", "was", "were", "will", "would", "could", "should", "can", "has", "have", "had",
             "does", "did", "do", "must")
CONTRACTIONS = {"won't": "will", "can't": "can", "isn't": "is", "aren't": "are", "don't": "do",
                "doesn't": "does", "didn't": "did", "wasn't": "was", "weren't": "were", "haven't": "have",
                "hasn't": "has", "wouldn't": "would", "couldn't": "could", "shouldn't": "should"}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
SPELLED = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
INSERT_FALLBACK = ("actually", "really", "also", "still", "just", "very", "certainly", "clearly", "now")
ORGS = ("Labour", "the Tories", "the Conservatives", "the Liberal Democrats", "the government", "England",
        "Wales", "Scotland", "Ireland", "France", "Chelsea", "Arsenal", "Liverpool", "Manchester United",
        "the party", "the club", "the team")


def norm(s: str) -> str:
    """Straight quotes, ASCII ellipsis, lower case, single spaces."""
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2026", "...")
    return re.sub(r"\s+", " ", s).strip().lower()


def split_article(text: str):
    lines = text.replace("\r\n", "\n").split("\n")
    head = lines[0].strip()
    body = "\n".join(lines[1:])
    paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", body)]
    return head, [p for p in paras if p]


def quote_spans(text: str):
    """(content_start, content_end) of the double-quoted spans of a paragraph with paired quotes."""
    marks = [i for i, c in enumerate(text) if c in '"\u201c\u201d']
    if len(marks) % 2:
        return None
    pairs = [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks), 2)]
    for a, b in pairs:  # reject mis-paired continuation quotes: `... out. "The boy ...`
        if (a >= 2 and text[a - 2].isalnum()) or (b + 1 < len(text) and text[b + 1].isalnum()) \
                or a == b or text[a].isspace() or text[b - 1].isspace():
            return None
    return pairs


def single_quote_spans(text: str, dq):
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[]))['\u2018]([^'\u2018\u2019\"]{2,}?)['\u2019](?![A-Za-z0-9])", text):
        s, e = m.start(1), m.end(1)
        if not any(a - 1 <= s and e <= b + 1 for a, b in dq):
            out.append((s, e))
    return out


def number_value(m):
    return float(m.group(2).replace(",", "") + (m.group(3) or ""))


class Corpus:
    def __init__(self):
        self.articles = {}          # "cat/NNN.txt" -> (headline, paragraphs)
        self.norm_all = []
        self.fivegrams = set()
        self.bigrams = defaultdict(Counter)
        self.para_tokens = []       # list of token lists (all paragraphs)
        self.word_paras = defaultdict(set)
        self.speakers = defaultdict(Counter)  # (category, form) -> Counter(name)
        self.surnames = set()
        raw = []
        for cat in CATEGORIES:
            for path in sorted(glob.glob(os.path.join(CORPUS, cat, "*.txt"))):
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                key = f"{cat}/{os.path.basename(path)}"
                head, paras = split_article(text)
                self.articles[key] = (head, paras)
                self.norm_all.append(norm(head + "\n" + "\n".join(paras)))
                for p in [head] + paras:
                    toks = TOKEN_RE.findall(p.lower())
                    pid = len(self.para_tokens)
                    self.para_tokens.append(toks)
                    for i in range(len(toks) - 4):
                        self.fivegrams.add(" ".join(toks[i:i + 5]))
                    for t in set(toks):
                        self.word_paras[t].add(pid)
                    words = WORD_RE.findall(p)
                    for a, b in zip(words, words[1:]):
                        self.bigrams[a.lower()][b] += 1
                    raw.append((cat, p))
        # words that stand alone for a person somewhere: `Mr W`, `... W said`, `," said W.`
        for cat, p in raw:
            self.surnames.update(re.findall(rf"\b{TITLE} ({NAMEW})\b", p))
            self.surnames.update(m.group(2) for m in re.finditer(rf"(\S+) ({NAMEW}) (?:said|says|added|told)\b", p)
                                 if not m.group(1)[:1].isupper())
            self.surnames.update(re.findall(rf'[,.!?]" said ({NAMEW})[.,]', p))
        for cat, p in raw:
            for name in self.attributions(p):
                form = name_form(name[0], self.surnames)
                if form:
                    self.speakers[(cat, form)][name[0]] += 1
        self.norm_all = "\n".join(self.norm_all)

    @staticmethod
    def attributions(p: str):
        """(name, name_start, name_end, quote_content_start, quote_content_end, pattern) in p."""
        dq = quote_spans(p)
        if not dq:
            return []
        out = []
        for rx, after in ((ATTR_AFTER_SAID, True), (ATTR_AFTER_NAME, True), (ATTR_BEFORE, False)):
            for m in rx.finditer(p):
                g = 1 if m.group(1) else 2
                if after:
                    close = m.start() + 1
                    q = [s for s in dq if s[1] == close]
                else:
                    opn = m.end() - 1
                    q = [s for s in dq if s[0] == opn + 1]
                if not q:
                    continue
                if rx is ATTR_AFTER_SAID and re.match(r"\s+[a-z(]", p[m.end(g):]):
                    continue  # `said Real Madrid president ...`: the name is a modifier
                if rx is ATTR_BEFORE and re.search(r"\b(?:for|of|at|from|with|by|to|and|the)\s+$", p[:m.start(g)]):
                    continue  # `a spokeswoman for Royal Mail said:`
                out.append((m.group(g), m.start(g), m.end(g), q[0][0], q[0][1], rx.pattern[:12]))
        return sorted(out, key=lambda x: x[3])

    def in_corpus(self, s: str) -> bool:
        return norm(s).strip(" .,;:!?") in self.norm_all


def name_form(name: str, surnames=None):
    parts = name.split()
    title = parts[0] if re.fullmatch(TITLE, parts[0]) else None
    rest = parts[1:] if title else parts
    if not rest or any(w in NOT_NAMES for w in rest):
        return None
    if any(len(w) < 2 for w in rest):
        return None
    if surnames is not None and not title and rest[-1] not in surnames:
        return None
    return f"{title or '-'}:{len(rest)}"


class Para:
    def __init__(self, text, source, locked_all=False):
        self.text = text
        self.source = source
        self.spans = []     # records with para-relative offsets
        self.locked = []    # (a, b)
        self.locked_all = locked_all

    def free(self, a, b):
        return not self.locked_all and not any(a < y and x < b for x, y in self.locked)

    def replace(self, a, b, new):
        d = len(new) - (b - a)
        self.text = self.text[:a] + new + self.text[b:]
        for rec in self.spans:
            for ks, ke in (("start", "end"), ("speaker_start", "speaker_end")):
                if ks in rec and rec[ks] >= b:
                    rec[ks] += d
                    rec[ke] += d
        self.locked = [(x + d, y + d) if x >= b else (x, y) for x, y in self.locked]

    def record(self, rec, *lock):
        self.spans.append(rec)
        for a, b in lock or [(rec["start"], rec["end"])]:
            self.locked.append((a, b))


def curly(text: str) -> str:
    out, dq_open = [], True
    for i, c in enumerate(text):
        if c == '"':
            out.append("\u201c" if dq_open else "\u201d")
            dq_open = not dq_open
        elif c == "'":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isalnum() or prev in ".,!?" or (not nxt.isalnum()):
                out.append("\u2019")
            else:
                out.append("\u2018")
        else:
            out.append(c)
    return "".join(out)


class Generator:
    def __init__(self, corpus: Corpus, rng: random.Random):
        self.c = corpus
        self.rng = rng
        self.sources = [k for k in corpus.articles if k.split("/")[0] in SOURCE_CATEGORIES]
        self.external = self.load_external()

    # ---------- external (unverifiable) quote paragraphs ----------
    def load_external(self):
        out = []
        for jpath in sorted(glob.glob(os.path.join(EXTERNAL, "*.json"))):
            try:
                with open(jpath, encoding="utf-8") as fh:
                    rec = json.load(fh)
                with open(os.path.join(EXTERNAL, rec["text_file"]), encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
            except (OSError, KeyError, json.JSONDecodeError):
                continue
            for q in rec.get("quotes", []):
                sp = q.get("speaker") or {}
                if q.get("paragraphs") != 1 or not q.get("closed") or sp.get("pronoun", True) or not sp.get("text"):
                    continue
                if len(WORD_RE.findall(q["text"])) < 7:
                    continue
                a = text.rfind("\n", 0, q["start"]) + 1
                b = text.find("\n", q["end"])
                b = len(text) if b < 0 else b
                if not (a <= sp["start"] and sp["end"] <= b):
                    continue
                para = text[a:b]
                straight = para.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
                dq = quote_spans(straight)
                if not dq or len(dq) != 1 or dq[0] != (q["start"] - a, q["end"] - a):
                    continue
                if "'" in straight.replace("'s", "") and re.search(r"(?<![A-Za-z])'", straight):
                    continue
                s0, e0 = dq[0]
                outside = straight[:s0] + straight[e0:]
                if re.search(r"\d", outside) or len(straight) > 600 or "\n" in straight:
                    continue
                out.append((rec["text_file"], straight, dq[0]))
        return out

    def far_from_corpus(self, quote: str) -> bool:
        toks = TOKEN_RE.findall(quote.lower())
        if any(" ".join(toks[i:i + 5]) in self.c.fivegrams for i in range(len(toks) - 4)):
            return False
        known = [t for t in set(toks) if t in self.c.word_paras and len(t) > 2]
        rare = sorted(known, key=lambda t: len(self.c.word_paras[t]))[:3]
        ql = " ".join(toks)
        n = len(toks)
        for t in rare:
            for pid in list(self.c.word_paras[t])[:300]:
                ptoks = self.c.para_tokens[pid]
                for i, w in enumerate(ptoks):
                    if w != t:
                        continue
                    for j, qw in enumerate(toks):
                        if qw != t:
                            continue
                        lo = max(0, i - j)
                        win = " ".join(ptoks[lo:lo + n])
                        if difflib.SequenceMatcher(None, ql, win, autojunk=False).ratio() >= 0.6:
                            return False
        return True

    # ---------- planted problems ----------
    def quotes_free(self, p: Para, min_words=5):
        dq = quote_spans(p.text) or []
        return [(a, b) for a, b in dq if p.free(a - 1, b + 1) and len(WORD_RE.findall(p.text[a:b])) >= min_words]

    def plant_altered(self, paras, kind):
        cands = [(p, a, b) for p in paras if p.source for a, b in self.quotes_free(p, 6)]
        self.rng.shuffle(cands)
        for p, a, b in cands[:30]:
            q = p.text[a:b]
            res = getattr(self, "alter_" + kind)(q)
            if not res:
                continue
            newq, note = res
            if newq == q or self.c.in_corpus(newq) or len(WORD_RE.findall(newq)) < 4:
                continue
            p.replace(a, b, newq)
            p.record({"kind": "quote_altered", "start": a, "end": a + len(newq), "text": newq, "note": note,
                      "perturbation": kind, "reference": p.source}, (a - 1, a + len(newq) + 1))
            return kind
        return None

    def alter_word_substitution(self, q):
        words = list(WORD_RE.finditer(q))
        idx = list(range(1, len(words)))
        self.rng.shuffle(idx)
        for i in idx:
            w, prev = words[i].group(), words[i - 1].group().lower()
            if len(w) < 3 or "'" in w:
                continue
            nxt = words[i + 1].group() if i + 1 < len(words) else None
            cands = [x for x, n in self.c.bigrams[prev].items()
                     if n >= 2 and x.lower() != w.lower() and len(x) >= 3 and "'" not in x
                     and x[0].isupper() == w[0].isupper() and x[1:].islower() == w[1:].islower()]
            good = [x for x in cands if nxt and self.c.bigrams[x.lower()].get(nxt)]
            pool = good or cands
            if not pool:
                continue
            x = self.rng.choice(sorted(pool))
            s, e = words[i].span()
            return q[:s] + x + q[e:], f"word substituted: '{w}' -> '{x}'"
        return None

    def alter_negation(self, q):
        opts = []
        for m in re.finditer(r"\b(\w+n't)\b", q):
            base = CONTRACTIONS.get(m.group(1).lower())
            if base:
                if m.group(1)[0].isupper():
                    base = base.capitalize()
                opts.append((m.start(), m.end(), base))
        for m in re.finditer(r"\bnot ", q):
            opts.append((m.start(), m.end(), ""))
        for m in re.finditer(r"\b(" + "|".join(NEGATABLE) + r")\b(?= (?!not\b)[a-z])", q, re.I):
            w = m.group(1)
            if w.lower() in ("can",):
                new = w + "not"
            elif w.lower() in ("will", "do", "must", "had") or self.rng.random() < 0.5:
                new = w + " not"
            else:
                new = w + "n't"
            opts.append((m.start(), m.end(), new))
        if not opts:
            return None
        s, e, new = self.rng.choice(opts)
        return q[:s] + new + q[e:], f"negation flip inside quote: '{q[s:e].strip()}' -> '{new}'"

    def alter_word_deletion(self, q):
        words = list(WORD_RE.finditer(q))
        if len(words) < 8:
            return None
        k = self.rng.randint(2, 4)
        i = self.rng.randint(1, len(words) - k - 1)
        s, e = words[i].start(), words[i + k].start()
        gone = q[s:e]
        if re.search(r"[.!?;:\"()\[\]]", gone):
            return None
        return q[:s] + q[e:], f"words deleted without ellipsis: '{gone.strip()}'"

    def alter_word_insertion(self, q):
        words = list(WORD_RE.finditer(q))
        idx = list(range(len(words) - 1))
        self.rng.shuffle(idx)
        for i in idx:
            a, b = words[i].group().lower(), words[i + 1].group()
            if q[words[i].end():words[i + 1].start()] != " ":
                continue
            cands = [x for x, n in self.c.bigrams[a].items()
                     if n >= 2 and x.islower() and len(x) >= 3 and self.c.bigrams[x].get(b, 0) >= 2 and x != b.lower()]
            if not cands:
                if self.rng.random() < 0.5:
                    continue
                cands = list(INSERT_FALLBACK)
            x = self.rng.choice(sorted(cands))
            e = words[i].end()
            return q[:e] + " " + x + q[e:], f"word inserted: '{words[i].group()} {b}' -> '{words[i].group()} {x} {b}'"
        return None

    def plant_misattributed(self, paras, cat):
        cands = []
        for p in paras:
            if not p.source:
                continue
            for name, ns, ne, qs, qe, pat in Corpus.attributions(p.text):
                if name_form(name, self.c.surnames) and p.free(qs - 1, qe + 1) and p.free(ns, ne) and len(WORD_RE.findall(p.text[qs:qe])) >= 5:
                    cands.append((p, name, ns, ne, qs, qe))
        self.rng.shuffle(cands)
        for p, name, ns, ne, qs, qe in cands[:10]:
            # end of the sentence holding the attribution
            if ns > qe:  # quote then name
                m = re.compile(r"[.!?](?=\s|$)").search(p.text, ne)
                cut = m.end() if m else len(p.text)
            else:        # NAME said: "quote"
                cut = qe + 1
                if cut < len(p.text) and p.text[cut] in ".,":
                    cut += 1
            if p.text[ne:cut].count('"') % 2 or any(x >= cut for x, _ in p.locked):
                continue
            form = name_form(name, self.c.surnames)
            ref = self.c.articles[p.source]
            reftext = ref[0] + "\n" + "\n".join(ref[1])
            draft_text = "\n".join(x.text for x in paras)
            pool = self.c.speakers[(cat, form)] or Counter()
            names = sorted(n for n in pool if n != name)
            if len(names) < 5:
                names = sorted(n for c in CATEGORIES for n in self.c.speakers[(c, form)] if n != name)
            self.rng.shuffle(names)
            new = None
            for n in names[:200]:
                last = n.split()[-1]
                if last in reftext or last in draft_text or last in name or name.split()[-1] in n:
                    continue
                new = n
                break
            if not new:
                continue
            quote = p.text[qs:qe]
            if not self.c.in_corpus(quote):
                continue
            p.text = p.text[:cut]
            p.replace(ns, ne, new)
            d = len(new) - (ne - ns)
            if qs > ns:
                qs, qe = qs + d, qe + d
            sp_s, sp_e = ns, ns + len(new)
            p.record({"kind": "quote_misattributed", "start": qs, "end": qe, "text": p.text[qs:qe],
                      "speaker_start": sp_s, "speaker_end": sp_e, "speaker_text": new,
                      "note": f"speaker changed from '{name}' to '{new}'; paragraph cut after the attribution",
                      "perturbation": "speaker_swap", "reference": p.source},
                     (qs - 1, qe + 1), (sp_s, sp_e))
            return "speaker_swap"
        return None

    def plant_unverified(self, paras):
        for _ in range(40):
            fname, text, (qs, qe) = self.rng.choice(self.external)
            quote = text[qs:qe]
            if self.c.in_corpus(quote) or not self.far_from_corpus(quote):
                continue
            if any(text in p.text for p in paras):
                continue
            p = Para(text, None, locked_all=True)
            p.spans.append({"kind": "quote_unverified", "start": qs, "end": qe, "text": quote,
                            "note": f"paragraph with a quote from outside the reference store (train/{fname})",
                            "perturbation": "external_quote", "reference": None})
            pos = self.rng.randint(1, len(paras))
            paras.insert(pos, p)
            return "external_quote"
        return None

    def numbers_free(self, p: Para):
        dq = quote_spans(p.text) or []
        out = []
        for m in NUM_RE.finditer(p.text):
            if any(a <= m.start() < b for a, b in dq) or not p.free(m.start(), m.end()):
                continue
            if re.search(r"\b(?:No|Radio|Channel|Article|Section|Clause|Formula|Division|Level|Page|Part|"
                         r"Room|Chapter|Windows|Series|Group|Grade|Track|Road|Street|Type|" + MONTHS + r")\s$",
                         p.text[:m.start()]):
                continue  # labels and days of a date (`30 July`, `July 30`) are not changed
            if re.match(r"\s(?:Nations|" + MONTHS + r")\b", p.text[m.end():]):
                continue
            if re.search(r"[A-Za-z]-$|/$", p.text[:m.start()]) or p.text[m.end():m.end() + 1] == "/":
                continue  # `C-17`, `1998/99`: parts of names and seasons
            out.append(m)
        return out

    def plant_number(self, paras):
        cands = [(p, m) for p in paras if p.source for m in self.numbers_free(p)]
        self.rng.shuffle(cands)
        for p, m in cands[:20]:
            cur, digits, dec, unit = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
            v = number_value(m)
            ref = self.c.articles[p.source]
            refvals = {number_value(x) for x in NUM_RE.finditer(ref[0] + "\n" + "\n".join(ref[1]))}
            refvals |= {float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", "\n".join(ref[1]))
                        if x.replace(",", "").replace(".", "", 1).isdigit()}
            is_year = not cur and not unit and not dec and "," not in digits and 1900 <= v <= 2030 and len(digits) == 4
            for _ in range(20):
                if is_year:
                    nv = v + self.rng.choice((-3, -2, -1, 1, 2, 3))
                    new = str(int(nv))
                else:
                    f = self.rng.choice((self.rng.uniform(1.2, 1.8), self.rng.uniform(0.45, 0.8)))
                    nv = v * f
                    nd = len(dec) - 1 if dec else 0
                    nv = round(nv, nd)
                    if nd == 0:
                        nv = float(int(nv))
                    if nv <= 0 or abs(nv - v) < 0.15 * v:
                        if nd == 0 and v < 7:
                            nv = v + self.rng.choice((1, 2)) if v > 0 else 2.0
                        else:
                            continue
                    body = f"{nv:.{nd}f}"
                    if "," in digits:
                        ip, _, fp = body.partition(".")
                        body = f"{int(ip):,}" + ("." + fp if fp else "")
                    new = cur + body + unit
                if nv in refvals or nv == v:
                    continue
                s, e = m.span()
                p.replace(s, e, new)
                p.record({"kind": "number_mismatch", "start": s, "end": s + len(new), "text": new,
                          "note": f"figure changed: '{m.group()}' -> '{new}'", "perturbation": "number_change",
                          "reference": p.source})
                return "number_change"
        return None

    # ---------- allowed edits (controls) ----------
    def edit(self, paras, kind):
        return getattr(self, "edit_" + kind)([p for p in paras if p.source])

    def _rec_edit(self, p, s, e, note, edit, lock=None):
        p.record({"kind": "allowed_edit", "start": s, "end": e, "text": p.text[s:e], "note": note, "edit": edit},
                 lock or (s - 1, e + 1))
        return edit

    def edit_ellipsis(self, paras):
        cands = [(p, a, b) for p in paras for a, b in self.quotes_free(p, 12)]
        self.rng.shuffle(cands)
        for p, a, b in cands:
            q = p.text[a:b]
            words = list(WORD_RE.finditer(q))
            k = self.rng.randint(2, 5)
            i = self.rng.randint(2, len(words) - k - 2)
            s, e = words[i].start(), words[i + k - 1].end()
            if re.search(r"[\"]|\b(?:not|no|never|nothing|none|nobody|cannot)\b|n't\b", q[s:e], re.I):
                continue  # an ellipsis that drops a negation changes the meaning: not an allowed edit
            mark = self.rng.choice(("...", "...", "\u2026"))
            newq = q[:s] + mark + q[e:]
            p.replace(a, b, newq)
            return self._rec_edit(p, a, a + len(newq), f"ellipsis '{mark}' replaces omitted words: '{q[s:e]}'", "ellipsis")
        return None

    def _names_in(self, p, title_re):
        ref = self.c.articles[p.source]
        txt = "\n".join(ref[1])
        return sorted(set(re.findall(rf"\b{title_re} {NAMEW}\b", txt)))

    def edit_bracket(self, paras):
        cands = [(p, a, b) for p in paras for a, b in self.quotes_free(p, 5)]
        self.rng.shuffle(cands)
        for p, a, b in cands:
            q = p.text[a:b]
            ms = list(re.finditer(r"\b(he|him|she|we|they)\b(?!['\u2019])", q))
            if not ms:
                continue
            m = self.rng.choice(ms)
            w = m.group(1)
            reftxt = "\n".join(self.c.articles[p.source][1])
            if w in ("he", "him"):
                pool = self._names_in(p, "Mr")
            elif w == "she":
                pool = self._names_in(p, "(?:Ms|Mrs)")
            else:
                pool = [o for o in ORGS if re.search(rf"\b{o}\b", reftxt, re.I) and not o.startswith("the ")] or \
                       [o for o in ORGS if re.search(rf"\b{o}\b", reftxt)]
            if not pool:
                continue
            who = self.rng.choice(pool)
            new = f"[{who}]" if w == "him" else f"{w} [{who}]"
            newq = q[:m.start()] + new + q[m.end():]
            p.replace(a, b, newq)
            return self._rec_edit(p, a, a + len(newq), f"bracketed editorial insertion: '{w}' -> '{new}'", "bracket")
        return None

    def edit_partial_quote(self, paras):
        cands = []
        for p in paras:
            attrs = Corpus.attributions(p.text)
            if not attrs:
                continue
            for a, b in self.quotes_free(p, 8):
                q = p.text[a:b]
                before = p.text[:a - 1].rstrip()
                after = p.text[b + 1:]
                if not q.endswith(".") or not (before == "" or before[-1] in '."') or \
                        not (after == "" or re.match(r'\s+["A-Z]', after)):
                    continue
                if any(qs == a for *_, qs, qe, _pat in attrs):
                    continue
                dq = quote_spans(p.text) or []
                prev = [x for x in dq if x[1] < a]
                # same speaker: the quote just before is explicitly attributed (`"...," said X. "QUOTE."`)
                speakers = [x[0] for x in attrs if name_form(x[0], self.c.surnames) and prev and x[3:5] == prev[-1]]
                if speakers:
                    cands.append((p, a, b, speakers[-1], a - 1, b + 1 + (1 if p.text[b + 1:b + 2] == "." else 0)))
            # directly attributed quotes: the whole attribution sentence is rewritten
            for name, ns, ne, qs, qe, _pat in attrs:
                if not name_form(name, self.c.surnames) or len(WORD_RE.findall(p.text[qs:qe])) < 8:
                    continue
                if ns > qe:
                    m = re.compile(r"[.!?](?=\s|$)").search(p.text, ne)
                    s0, e0 = qs - 1, (m.end() if m else len(p.text))
                else:
                    s0, e0 = ns, qe + 1 + (1 if p.text[qe + 1:qe + 2] == "." else 0)
                    if not re.search(r'(?:^|[.!?]"?\s)$', p.text[:ns]):
                        continue
                if p.free(s0, e0) and p.text[s0:e0].count('"') == 2:
                    cands.append((p, qs, qe, name, s0, e0))
        self.rng.shuffle(cands)
        for p, a, b, who, s0, e0 in cands:
            q = p.text[a:b]
            words = list(WORD_RE.finditer(q))
            k = self.rng.randint(5, min(12, len(words) - 1))
            i = self.rng.randint(0, len(words) - k)
            frag = q[words[i].start():words[i + k - 1].end()]
            if '"' in frag:
                continue
            tpl = self.rng.choice(('According to {w}, "{f}".', '{w} spoke of "{f}".', 'As {w} put it, "{f}".'))
            sent = tpl.format(w=who, f=frag)
            p.replace(s0, e0, sent)
            fs = s0 + sent.index('"') + 1
            return self._rec_edit(p, fs, fs + len(frag),
                                  f"partial quote ({k} words) re-embedded with the same speaker; original: \"{q[:80]}\"",
                                  "partial_quote")
        return None

    def edit_capitalisation(self, paras):
        cands = [(p, a, b) for p in paras for a, b in self.quotes_free(p, 4)]
        self.rng.shuffle(cands)
        for p, a, b in cands:
            q = p.text[a:b]
            first = WORD_RE.match(q)
            if not first:
                continue
            w = first.group()
            starts = re.search(r'(?:^|[.:!?]\s*|[.:!?]"\s*)$', p.text[:a - 1])
            if w[0].islower() and starts:
                new = w[0].upper() + w[1:]
            elif w.lower() in FUNCTION_WORDS and w not in ("I", "I'm", "I've") and w[1:].islower():
                new = w[0].lower() + w[1:]
            else:
                continue
            p.replace(a, a + len(w), new)
            return self._rec_edit(p, a, b, f"first letter case changed: '{w}' -> '{new}'", "capitalisation")
        return None

    def edit_punctuation(self, paras):
        cands = [(p, a, b) for p in paras for a, b in self.quotes_free(p, 4)]
        self.rng.shuffle(cands)
        for p, a, b in cands:
            q = p.text[a:b]
            after = p.text[b + 1:]
            if q.endswith(",") and re.match(r" [a-z]", after):
                pass
            elif q.endswith(".") and (after == "" or re.match(r" [A-Z\"]", after)):
                pass
            else:
                continue
            ch = q[-1]
            p.replace(b - 1, b + 1, '"' + ch)
            return self._rec_edit(p, a, b - 1, f"trailing '{ch}' moved outside the closing quote mark",
                                  "punctuation", (a - 1, b + 1))
        return None

    def edit_number_format(self, paras):
        cands = []
        for p in paras:
            dq = quote_spans(p.text) or []
            for m in self.numbers_free(p):
                cur, digits, dec, unit = m.group(1), m.group(2), m.group(3) or "", (m.group(4) or "")
                base = cur + digits + dec
                u = unit.strip()
                if u == "%":
                    new = base + self.rng.choice((" per cent", " percent"))
                elif u in ("per cent", "percent"):
                    new = base + "%"
                elif u == "bn" and cur:
                    new = base + " billion"
                elif u == "m" and cur:
                    new = base + " million"
                elif u == "million" and cur:
                    new = base + "m"
                elif u == "billion" and cur:
                    new = base + "bn"
                elif not u and not dec and "," in digits:
                    new = cur + digits.replace(",", "")
                else:
                    continue
                cands.append((p, m.start(), m.end(), new, m.group()))
            for m in re.finditer(r"\b(" + "|".join(SPELLED) + r")\b", p.text):
                if any(a <= m.start() < b for a, b in dq) or not p.free(m.start(), m.end()):
                    continue
                if re.match(r"\s+(?:of|or|and|to)\b", p.text[m.end():]):
                    continue
                cands.append((p, m.start(), m.end(), str(SPELLED[m.group(1)]), m.group()))
        if not cands:
            return None
        p, s, e, new, old = self.rng.choice(cands)
        p.replace(s, e, new)
        return self._rec_edit(p, s, s + len(new), f"number format variant, same value: '{old}' -> '{new}'",
                              "number_format", (s, s + len(new)))

    # ---------- one case ----------
    def related(self, key):
        cat = key.split("/")[0]
        head, paras = self.c.articles[key]
        names = set(re.findall(NAMEW, " ".join(paras))) - NOT_NAMES
        others = [k for k in self.sources if k.startswith(cat + "/") and k != key]
        best = None
        for k in self.rng.sample(others, min(60, len(others))):
            n = len(names & set(re.findall(NAMEW, " ".join(self.c.articles[k][1]))))
            if self.c.articles[k][1] != paras and (best is None or n > best[0]):
                best = (n, k)
        return best[1] if best else None

    def make_case(self, cid):
        clean = self.rng.random() < 0.2
        for _draw in range(20):
            res = self._try_case(cid, clean)
            if res:
                return res
        raise RuntimeError("could not build a case")

    def _try_case(self, cid, clean):
        rng = self.rng
        n_prob = 0 if clean else rng.choice((1, 1, 2, 2, 2, 3))
        kinds = []
        for _ in range(n_prob):
            r = rng.random()
            if r < 0.44:
                kinds.append(rng.choice(("word_substitution", "negation", "word_deletion", "word_insertion")))
            elif r < 0.57:
                kinds.append("speaker_swap")
            elif r < 0.71:
                kinds.append("external_quote")
            else:
                kinds.append("number_change")
        for _attempt in range(150):
            key = rng.choice(self.sources)
            head, body = self.c.articles[key]
            elig = [p for p in body if quote_spans(p) is not None]
            if len(elig) < 3 or sum(1 for p in elig if quote_spans(p)) < 1:
                continue
            k = rng.randint(3, min(7, len(elig)))
            idx = sorted(rng.sample(range(len(elig)), k))
            paras = [Para(elig[i], key) for i in idx]
            sources = [key]
            if rng.random() < 0.1:
                rel = self.related(key)
                if rel:
                    extra = [p for p in self.c.articles[rel][1] if quote_spans(p) is not None]
                    if extra:
                        i = rng.randrange(len(extra))
                        for p in extra[i:i + rng.randint(1, 2)]:
                            paras.append(Para(p, rel))
                        sources.append(rel)
            done = []
            for kd in kinds:
                if kd == "speaker_swap":
                    got = self.plant_misattributed(paras, key.split("/")[0])
                elif kd == "external_quote":
                    got = self.plant_unverified(paras)
                elif kd == "number_change":
                    got = self.plant_number(paras)
                else:
                    got = self.plant_altered(paras, kd)
                if got:
                    done.append(got)
            if len(done) != n_prob:
                continue
            edits = []
            if rng.random() < 0.5:
                pool = ["ellipsis", "bracket", "partial_quote", "number_format", "capitalisation", "punctuation"]
                rng.shuffle(pool)
                want = rng.randint(1, 2)
                for e in pool:
                    if len(edits) >= want:
                        break
                    got = self.edit(paras, e)
                    if got:
                        edits.append(got)
            return self.assemble(cid, head, paras, sources, done, edits)
        return None

    def assemble(self, cid, head, paras, sources, perturbations, edits):
        style = "typographic" if self.rng.random() < 0.5 else "straight"
        parts, expected, controls = [head], [], []
        offset = len(head) + 2
        for p in paras:
            for rec in p.spans:
                r = dict(rec)
                for ks in ("start", "end", "speaker_start", "speaker_end"):
                    if ks in r:
                        r[ks] += offset
                (expected if r["kind"] in ("quote_altered", "quote_misattributed", "quote_unverified",
                                           "number_mismatch") else controls).append(r)
            parts.append(p.text)
            offset += len(p.text) + 2
        text = "\n\n".join(parts) + "\n"
        if style == "typographic":
            text = "\n\n".join(curly(x) for x in text[:-1].split("\n\n")) + "\n"
        assert len(text) == offset - 1
        # untouched quotes and figures
        busy = [(e["start"], e["end"]) for e in expected] + \
               [(e["speaker_start"], e["speaker_end"]) for e in expected if "speaker_start" in e]
        edited = [(c["start"], c["end"]) for c in controls]
        ov = lambda s, e, spans: any(s < y and x < e for x, y in spans)
        pos = 0
        for block in text[:-1].split("\n\n"):
            dq = quote_spans(block) or []
            for a, b in dq + single_quote_spans(block, dq):
                s, e = pos + a, pos + b
                if e > s and not ov(s, e, busy) and not ov(s, e, edited):
                    controls.append({"kind": "quote_ok", "start": s, "end": e, "text": text[s:e], "note": "untouched quote"})
            for m in NUM_RE.finditer(block):
                s, e = pos + m.start(), pos + m.end()
                if not ov(s, e, busy) and not ov(s, e, [(c["start"], c["end"]) for c in controls
                                                          if c["kind"] == "allowed_edit" and c["edit"] == "number_format"]):
                    controls.append({"kind": "number_ok", "start": s, "end": e, "text": text[s:e], "note": "untouched number"})
            pos += len(block) + 2
        for rec in expected + controls:
            assert text[rec["start"]:rec["end"]] == rec["text"] or style == "typographic", (cid, rec)
            rec["text"] = text[rec["start"]:rec["end"]]
            if "speaker_start" in rec:
                rec["speaker_text"] = text[rec["speaker_start"]:rec["speaker_end"]]
        for c in controls:
            assert not ov(c["start"], c["end"], busy), (cid, c)
        expected.sort(key=lambda r: r["start"])
        controls.sort(key=lambda r: r["start"])
        case = {"id": cid, "draft": f"{cid}.txt", "source_articles": sources, "style": style,
                "expected": expected, "controls": controls, "perturbations": perturbations,
                "allowed_edits": edits}
        return text, case


def generate(out_dir, n, seed):
    corpus = Corpus()
    gen = Generator(corpus, random.Random(seed))
    os.makedirs(out_dir, exist_ok=True)
    summary = {"cases": n, "categories": list(SOURCE_CATEGORIES), "seed": seed, "clean_cases": 0,
               "curly_quote_cases": 0, "expected_by_kind": Counter(), "perturbations": Counter(),
               "controls_by_kind": Counter(), "allowed_edits": Counter()}
    for i in range(1, n + 1):
        cid = f"heldout-{i:04d}"
        text, case = gen.make_case(cid)
        with open(os.path.join(out_dir, cid + ".txt"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        with open(os.path.join(out_dir, cid + ".json"), "w", encoding="utf-8") as fh:
            json.dump(case, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        summary["clean_cases"] += not case["expected"]
        summary["curly_quote_cases"] += case["style"] == "typographic"
        summary["expected_by_kind"].update(e["kind"] for e in case["expected"])
        summary["perturbations"].update(case["perturbations"])
        summary["controls_by_kind"].update(c["kind"] for c in case["controls"])
        summary["allowed_edits"].update(case["allowed_edits"])
    for k in ("expected_by_kind", "perturbations", "controls_by_kind", "allowed_edits"):
        summary[k] = dict(sorted(summary[k].items()))
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=1)
        fh.write("\n")
    return summary


def find_factcheck(explicit):
    if explicit:
        return explicit
    local = os.path.join(REPO, ".venv", "bin", "factcheck")
    return local if os.path.exists(local) else (shutil.which("factcheck") or "factcheck")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="number of drafts (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", help="output folder (default: a new temporary folder); drafts go to OUT/cases")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="passed to score.py")
    ap.add_argument("--store-url", help="reuse this store instead of ingesting the corpus into a fresh one")
    ap.add_argument("--factcheck", help="factcheck executable (default: REPO/.venv/bin/factcheck)")
    ap.add_argument("--self-check", action="store_true",
                    help="score the perfect reports (the expected flags) instead of running factcheck")
    ap.add_argument("--generate-only", action="store_true", help="write the drafts and stop")
    args = ap.parse_args(argv)

    out = os.path.abspath(args.out or tempfile.mkdtemp(prefix="heldout-"))
    cases = os.path.join(out, "cases")
    if os.path.isdir(cases):
        shutil.rmtree(cases)
    summary = generate(cases, args.n, args.seed)
    print(f"drafts: {cases} ({summary['cases']} cases, {summary['clean_cases']} clean, "
          f"{summary['curly_quote_cases']} typographic; expected {summary['expected_by_kind']}; "
          f"controls {summary['controls_by_kind']}; edits {summary['allowed_edits']})", flush=True)
    if args.generate_only:
        return 0
    drafts = sorted(glob.glob(os.path.join(cases, "*.txt")))
    reports = os.path.join(out, "perfect.jsonl" if args.self_check else "reports.jsonl")
    if args.self_check:
        with open(reports, "w", encoding="utf-8") as fh:
            for d in drafts:
                with open(d[:-4] + ".json", encoding="utf-8") as cf:
                    case = json.load(cf)
                flags = [{"kind": e["kind"], "start": e["start"], "end": e["end"]} for e in case["expected"]]
                fh.write(json.dumps({"input": d, "flags": flags}) + "\n")
    else:
        fc = find_factcheck(args.factcheck)
        env = dict(os.environ)
        if args.store_url:
            env["FACTCHECK_STORE_URL"] = args.store_url
        else:
            env["FACTCHECK_STORE_URL"] = f"sqlite:///{os.path.join(out, 'store.db')}"
            if os.path.exists(os.path.join(out, "store.db")):
                os.remove(os.path.join(out, "store.db"))
            with open(os.path.join(out, "ingest.log"), "w") as log:
                r = subprocess.run([fc, "ingest", "--quiet", CORPUS], env=env, stdout=log, stderr=subprocess.STDOUT)
            if r.returncode:
                print(f"ingest failed (see {out}/ingest.log)", file=sys.stderr)
                return r.returncode
        with open(reports, "w", encoding="utf-8") as fh:
            r = subprocess.run([fc, "check", *drafts], env=env, stdout=fh)
        if r.returncode:
            print(f"factcheck check exited with {r.returncode}", file=sys.stderr)
    cmd = [sys.executable, SCORER, cases, reports, "--json", os.path.join(out, "scores.json")]
    if args.show_errors:
        cmd += ["--show-errors", str(args.show_errors)]
    r = subprocess.run(cmd)
    print(f"files: {out}")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
