#!/usr/bin/env python3
"""Deterministic synthetic corpus of UK migration news, with the planted answers as gold CSVs.

usage: python bench/corpus.py OUT_DIR [--n 100000] [--seed 7] [--force]

Writes OUT_DIR/*.txt (one article each), OUT_DIR/manifest.csv (article_id,file,published,note; the note
is the article's style) and OUT_DIR/gold/{figures,flows,breakdowns,revisions}.csv in the formats of
../shared/gold (see ../shared/CONTRACT.md). The same seed gives byte-identical output. Standard library
only; articles are streamed to disk, so memory stays small whatever --n is.

How the answers stay consistent: one "true" UK series is simulated per seed (12-month periods ending
March, June, September and December 2010-2025; immigration and emigration rounded to thousands and
net = immigration - emigration exactly). Each quarterly ONS release (a Thursday about five months after
the period end) adds the newest period and may revise recent ones, keeping the identity exact. The
citizenship split (british + eu + non_eu) and work (definite job + looking for work) are derived from
the immigration value, which revisions leave alone (they move emigration, and so net migration), so the
parts add up exactly in every vintage and in the expected marts, whichever vintages those mix. An article
published on date D reports the values of the latest release on or before D, so an article never
contradicts itself and articles sharing a vintage agree. The expected marts take, per period (flows)
or per cell (breakdowns), the latest vintage that reports it (a point estimate, not a bound, a change,
a malformed number or a reader's comment); a flows row holds only the flows that vintage reports.

Figures written approximately ("1.2 million", "1.22m", "half a million") either equal the true value
or are accompanied in the same article by the exact figure, which the marts prefer.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import os
import random
import queue
import sys
import threading
import time
from datetime import date, timedelta

MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MON3 = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FLOWS = ("immigration", "emigration", "net_migration")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WRITER_THREADS = 2
FIG_COLS = ["article_id", "kind", "flow", "breakdown_dim", "breakdown_value", "period_end", "value", "value_high",
            "required", "raw_text", "note"]

# Style mix (weights sum to 100): the primary recipe of an article, written to the manifest note.
STYLES = (
    ("release", 26), ("table_md", 11), ("table_tsv", 5), ("bullets", 8), ("breakdown", 10),
    ("para_period", 7), ("calendar", 7), ("revision", 5), ("politics", 6), ("foreign", 6), ("other_news", 9),
)

# Immigration / emigration levels by calendar year (thousands), interpolated per quarter.
IMM_LEVEL = {2009: 580, 2010: 591, 2011: 566, 2012: 498, 2013: 526, 2014: 632, 2015: 631, 2016: 589, 2017: 644,
             2018: 604, 2019: 681, 2020: 592, 2021: 762, 2022: 1258, 2023: 1326, 2024: 948, 2025: 820}
EM_LEVEL = {2009: 368, 2010: 339, 2011: 351, 2012: 321, 2013: 317, 2014: 319, 2015: 299, 2016: 340, 2017: 359,
            2018: 338, 2019: 410, 2020: 430, 2021: 488, 2022: 493, 2023: 466, 2024: 517, 2025: 540}
EU_SHARE = {2010: .28, 2011: .30, 2012: .32, 2013: .35, 2014: .42, 2015: .43, 2016: .41, 2017: .34, 2018: .33,
            2019: .28, 2020: .22, 2021: .12, 2022: .10, 2023: .10, 2024: .11, 2025: .12}

CELL_NAMES = {
    ("immigration", "", ""): "immigration",
    ("emigration", "", ""): "emigration",
    ("net_migration", "", ""): "net migration",
    ("immigration", "citizenship", "british"): "the number of British citizens coming back to live in the UK",
    ("immigration", "citizenship", "eu"): "immigration of EU citizens",
    ("immigration", "citizenship", "non_eu"): "immigration of non-EU citizens",
    ("immigration", "reason", "work"): "the number arriving for work",
    ("immigration", "reason", "work_definite_job"): "the number arriving with a definite job",
    ("immigration", "reason", "work_looking_for_job"): "the number arriving to look for work",
    ("immigration", "reason", "study"): "the number arriving to study",
    ("immigration", "reason", "family"): "the number arriving for family reasons",
    ("immigration", "reason", "asylum"): "the number arriving to seek asylum",
}


def month_end(y: int, m: int) -> date:
    return date(y, 12, 31) if m == 12 else date(y, m + 1, 1) - timedelta(days=1)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def comma(v: int) -> str:
    return f"{v:,}"


def pick(rng, options):
    return options[int(rng.random() * len(options))]


# ----------------------------------------------------------------------------------------------------------
# The simulated truth
# ----------------------------------------------------------------------------------------------------------

class World:
    def __init__(self, seed: int):
        rng = random.Random(seed * 7919 + 13)
        self.periods = [month_end(y, m) for y in range(2010, 2026) for m in (3, 6, 9, 12)]
        self.releases = []
        for p in self.periods:
            y, m = (p.year, p.month + 5) if p.month <= 7 else (p.year + 1, p.month + 5 - 12)
            first = date(y, m, 1)
            thursday = first + timedelta(days=(3 - first.weekday()) % 7)
            self.releases.append(thursday + timedelta(days=7 * (2 + int(rng.random() * 2))))
        scale_i, scale_e = 0.92 + 0.16 * rng.random(), 0.92 + 0.16 * rng.random()
        first_est = []
        for p in self.periods:
            f = (p.month / 12.0)
            imm = (IMM_LEVEL[p.year - 1] * (1 - f) + IMM_LEVEL[p.year] * f) * scale_i + rng.randint(-25, 25)
            em = (EM_LEVEL[p.year - 1] * (1 - f) + EM_LEVEL[p.year] * f) * scale_e + rng.randint(-15, 15)
            imm, em = int(round(imm)) * 1000, int(round(em)) * 1000
            u = rng.random()
            if u < 0.05:
                imm = round(imm, -5)
            elif u < 0.15:
                imm = round(imm, -4)
            if rng.random() < 0.06:
                em = round(em, -4)
            first_est.append((imm, em))
        # states[r][k] = (immigration, emigration) of period k as published by release r (k <= r)
        self.states = []
        cur: list = []
        for r in range(len(self.periods)):
            cur = list(cur)
            for k in range(max(0, r - 6), r):
                # Revisions move emigration (and so net migration) only: immigration, and with it every
                # breakdown of it, keeps its first estimate, so the breakdowns mart (first vintage of each
                # period) stays consistent with the flows mart (latest vintage) whatever vintages they mix.
                if rng.random() < 0.3:
                    imm, em = cur[k]
                    em += rng.choice((-1, 1)) * rng.randint(1, 9) * 1000
                    if rng.random() < 0.06:
                        em -= rng.randint(30, 110) * 1000
                    cur[k] = (imm, em)
            cur.append(first_est[r])
            self.states.append(tuple(cur))
        self.shares = []
        for p in self.periods:
            eu = EU_SHARE[p.year] * (0.9 + 0.2 * rng.random())
            brit = 0.07 + 0.07 * rng.random()
            work = 0.26 + 0.16 * rng.random()
            study = 0.20 + 0.16 * rng.random()
            family = 0.10 + 0.08 * rng.random()
            asylum = 0.03 + 0.06 * rng.random()
            definite = 0.52 + 0.18 * rng.random()
            self.shares.append((brit, eu, work, study, family, asylum, definite))
        self._bd_cache: dict = {}

    def breakdowns(self, k: int, imm: int) -> dict:
        key = (k, imm)
        got = self._bd_cache.get(key)
        if got is None:
            brit, eu, work, study, family, asylum, definite = self.shares[k]
            r = lambda x: int(round(x / 1000.0)) * 1000  # noqa: E731
            b, e = r(imm * brit), r(imm * eu)
            w = r(imm * work)
            d = r(w * definite)
            got = {("citizenship", "british"): b, ("citizenship", "eu"): e, ("citizenship", "non_eu"): imm - b - e,
                   ("reason", "work"): w, ("reason", "work_definite_job"): d, ("reason", "work_looking_for_job"): w - d,
                   ("reason", "study"): r(imm * study), ("reason", "family"): r(imm * family),
                   ("reason", "asylum"): r(imm * asylum)}
            self._bd_cache[key] = got
        return got

    def release_for(self, d: date) -> int:
        return bisect.bisect_right(self.releases, d) - 1


# ----------------------------------------------------------------------------------------------------------
# One article
# ----------------------------------------------------------------------------------------------------------

class Article:
    def __init__(self, world: World, aid: str, rng: random.Random, pub: date, r: int | None):
        self.w, self.aid, self.rng, self.pub, self.r = world, aid, rng, pub, r
        self.state = world.states[r] if r is not None else ()
        self.main = r
        self.paras: list[str] = []
        self.rows: list[tuple] = []
        self._row_keys: set = set()
        self.reported: dict = {}      # (k, flow, dim, bval) -> true value at this vintage
        self.exact: set = set()       # cells stated exactly (and well-formed) somewhere in the text
        self.need_exact: dict = {}    # cells written only approximately or malformed -> period index
        self.place = pick(rng, ("the UK", "the UK", "Britain", "the United Kingdom"))
        self.body = pick(rng, ("the Office for National Statistics", "the ONS", "the Office for National Statistics",
                               "official statisticians", "the statistics agency"))

    # ---- values --------------------------------------------------------------------------------------
    def val(self, k: int, flow: str, dim: str = "", bval: str = "") -> int:
        imm, em = self.state[k]
        if dim:
            return self.w.breakdowns(k, imm)[(dim, bval)]
        return imm if flow == "immigration" else em if flow == "emigration" else imm - em

    def direction(self, k: int, flow: str) -> int:
        if k < 4:
            return 0
        a, b = self.val(k, flow), self.val(k - 4, flow)
        return (a > b) - (a < b)

    # ---- gold ----------------------------------------------------------------------------------------
    def row(self, kind, flow, dim, bval, period, value, high, required, raw, note=""):
        key = (kind, flow, dim, bval, period, value, high, required, raw)
        if key not in self._row_keys:
            self._row_keys.add(key)
            self.rows.append((self.aid, kind, flow, dim, bval, period, value, high, required, raw, note))

    def fig(self, k: int, flow: str, dim: str = "", bval: str = "", approx: float = 0.0, note: str = "") -> str:
        """Render the estimate of one cell, record it in the gold and as reported by this vintage."""
        rng = self.rng
        v = self.val(k, flow, dim, bval)
        raw, written = comma(v), v
        if approx and rng.random() < approx:
            u = rng.random()
            if v >= 1_000_000:
                if u < 0.55:
                    written = int(round(v, -5))
                    raw = f"{written / 1e6:.1f} million"
                elif u < 0.8:
                    written = int(round(v, -4))
                    raw = f"{written / 1e6:.2f}m"
                else:
                    raw = f"{v / 1e6:.3f} million"
            elif 480_000 <= v <= 520_000 and u < 0.5:
                written, raw = 500_000, "half a million"
            elif u < 0.3:
                raw = f"{v // 1000}k"
        cell = (k, flow, dim, bval)
        self.reported[cell] = v
        if written == v:
            self.exact.add(cell)
        else:
            self.need_exact.setdefault(cell, k)
        self.row("estimate", flow, dim, bval, self.w.periods[k].isoformat(), written, "", "yes", raw, note)
        return raw

    def other(self, kind, flow, value, raw, required, note="", period="", high="", dim="", bval=""):
        self.row(kind, flow, dim, bval, period, value, high, required, raw, note)
        return raw

    # ---- periods -------------------------------------------------------------------------------------
    def np(self, k: int, implied: bool = True) -> str:
        """A noun phrase naming period k: 'the year to June 2023'."""
        p = self.w.periods[k]
        rng = self.rng
        m, y = MONTHS[p.month], p.year
        if implied and k == self.main and rng.random() < 0.15:
            return pick(rng, ("the year to ", "the 12 months to ", "the year ending ")) + m
        return pick(rng, ("the year ending ", "the year to ", "the 12 months to ", "the 12 months ending ",
                          "the year ended ", "the twelve months to ")) + f"{m} {y}"

    def when(self, k: int, implied: bool = True) -> str:
        """An adverbial naming period k: 'in the year to June 2023', 'in 2014', 'last year'."""
        p = self.w.periods[k]
        rng = self.rng
        if p.month == 12:
            u = rng.random()
            if implied and p.year == self.pub.year - 1 and u < 0.35:
                return "last year"
            if u < 0.55:
                return pick(rng, ("in ", "in ", "during ", "across ")) + str(p.year)
        return pick(rng, ("in ", "in ", "over ", "during ")) + self.np(k, implied)

    def prev_when(self, k: int) -> str:
        """The period a year before k, relative to k stated in the same sentence, or explicit."""
        if self.rng.random() < 0.5:
            return pick(self.rng, ("the previous year", "a year earlier", "the year before", "twelve months earlier"))
        return self.when(k - 4, implied=False)

    # ---- verbs ---------------------------------------------------------------------------------------
    def verb_to(self, k: int, flow: str) -> str:
        d = self.direction(k, flow)
        rng = self.rng
        if d > 0 and rng.random() < 0.7:
            return pick(rng, ("rose to", "climbed to", "increased to", "jumped to", "edged up to", "went up to"))
        if d < 0 and rng.random() < 0.7:
            return pick(rng, ("fell to", "dropped to", "declined to", "slipped to", "eased to", "came down to"))
        return pick(rng, ("was", "stood at", "came in at", "totalled", "was estimated at", "reached"))

    # ---- text ----------------------------------------------------------------------------------------
    def para(self, *sentences: str):
        text = " ".join(cap(s) for s in sentences if s)
        if text:
            self.paras.append(text)

    def finish_exact(self):
        """Every cell written only approximately or malformed also gets its exact figure in the article."""
        missing = [(cell, k) for cell, k in self.need_exact.items() if cell not in self.exact]
        if not missing:
            return
        out = []
        for cell, k in missing:
            name = CELL_NAMES[cell[1:]]
            v = self.fig(*cell)
            out.append(pick(self.rng, (
                f"The detailed tables put {name} {self.when(k, implied=False)} at {v}.",
                f"More precisely, {name} {self.when(k, implied=False)} was {v}, the ONS tables show.",
                f"Correction: {name} {self.when(k, implied=False)} was {v}; an earlier version of this article "
                f"gave the figure incorrectly.",
            )))
        self.para(*out)


# ----------------------------------------------------------------------------------------------------------
# Building blocks
# ----------------------------------------------------------------------------------------------------------

def headline(a: Article, k: int):
    rng = a.rng
    u = rng.random()
    d = a.direction(k, "net_migration")
    if u < 0.45:
        net = a.fig(k, "net_migration", approx=0.3)
        if d > 0:
            t = pick(rng, ("Net migration rises to {n}", "Net migration climbs to {n} as arrivals grow",
                           "UK net migration up to {n}", "Net migration jumps to {n}, ONS says"))
        elif d < 0:
            t = pick(rng, ("Net migration falls to {n}", "Net migration drops to {n}" + (
                " as fewer arrive" if a.direction(k, "immigration") < 0 else " as more leave"),
                           "UK net migration down to {n}", "Net migration slides to {n}, latest figures show"))
        else:
            t = pick(rng, ("Net migration put at {n}", "Net migration: ONS estimate is {n}",
                           "Latest figures put net migration at {n}"))
        return t.format(n=net)
    if u < 0.6 and a.val(k, "immigration") >= 1_000_000:
        imm = a.fig(k, "immigration", approx=0.7)
        return pick(rng, ("Immigration at {n} as ONS publishes new figures", "{n} people moved to the UK, ONS says",
                          "Arrivals reach {n} in latest estimate")).format(n=imm)
    return pick(rng, ("New migration figures published", "What the latest migration statistics show",
                      "Migration figures: the key numbers", "ONS releases latest migration estimates",
                      "Migration statistics under the spotlight", "Ministers face pressure over migration figures",
                      "Net migration: what the new numbers mean"))


def lead_net(a: Article, k: int, compare: float = 0.5, change: float = 0.25):
    """The opening sentence about net migration, optionally with a comparison or a change."""
    rng = a.rng
    d = a.direction(k, "net_migration")
    u = rng.random()
    if k >= 4 and d != 0 and u < change:
        chg = abs(a.val(k, "net_migration") - a.val(k - 4, "net_migration"))
        craw = a.other("change", "net_migration", chg, comma(chg), "yes", "change on the year",
                       period=a.w.periods[k].isoformat())
        net = a.fig(k, "net_migration")
        vb = pick(rng, ("fell by", "dropped by", "decreased by", "was down by")) if d < 0 else \
            pick(rng, ("rose by", "increased by", "grew by", "was up by"))
        s = pick(rng, (
            "Net migration to {pl} {vb} {c} to {n} {w}, according to {b}.",
            "{W}, net migration {vb} {c} to {n}, {b} said.",
            "{B} said net migration {vb} {c} to {n} {w}.",
        ))
        return s.format(pl=a.place, vb=vb, c=craw, n=net, w=a.when(k), W=cap(a.when(k)), b=a.body, B=cap(a.body))
    net = a.fig(k, "net_migration", approx=0.1)
    s = pick(rng, (
        "Net migration to {pl} {v} {n} {w}, according to {b}.",
        "{W}, net migration {v} {n}, {b} said on {day}.",
        "{B} said net migration {v} {n} {w}.",
        "Net migration, the gap between people arriving and people leaving, {v} {n} {w}.",
        "Fresh figures from {b} put net migration {w} at {n}.",
        "Net migration {w} was {n}, the latest official estimates show.",
        "The latest estimate of net migration to {pl} is {n} for {np}, {b} said.",
        "Net long-term migration {v} {n} {w}, {b} reported.",
    ))
    s = s.format(pl=a.place, v=a.verb_to(k, "net_migration"), n=net, w=a.when(k), W=cap(a.when(k)), b=a.body,
                 B=cap(a.body), day=WEEKDAYS[a.pub.weekday()], np=a.np(k))
    if k >= 4 and rng.random() < compare:
        prev = a.fig(k - 4, "net_migration")
        if d == 0 or rng.random() < 0.4:
            tail = f", compared with {prev} {a.prev_when(k)}."
        else:
            tail = f", {'up' if d > 0 else 'down'} from {prev} {a.prev_when(k)}."
        s = s[:-1] + tail
    return s


def imm_em(a: Article, k: int, approx: float = 0.3):
    rng = a.rng
    w = a.when(k)
    u = rng.random()
    if u < 0.15:
        imm = a.fig(k, "immigration", approx=approx)
        em = a.fig(k, "emigration")
        return pick(rng, (
            "Some {i} people moved to {pl} {w}. Over the same period, {e} emigrated.",
            "An estimated {i} people came to live in {pl} {w}. In the same period, {e} people left to live abroad.",
        )).format(i=imm, e=em, w=w, pl=a.place)
    imm = a.fig(k, "immigration", approx=approx)
    em = a.fig(k, "emigration")
    s = pick(rng, (
        "{W}, {i} people moved to {pl} for at least a year, while {e} left.",
        "Some {i} people arrived {w} and {e} emigrated.",
        "Long-term immigration {iv} {i} {w}, while emigration {ev} {e}.",
        "An estimated {i} people came to live in {pl} {w}, against {e} who moved abroad.",
        "Immigration stood at {i} and emigration at {e} {w}.",
        "{W}, arrivals totalled {i} and departures {e}.",
        "The number of people emigrating {ev} {e} {w}, while immigration {iv} {i}.",
        "{B} estimates that {i} people immigrated {w} and {e} emigrated.",
    ))
    return s.format(i=imm, e=em, w=w, W=cap(w), pl=a.place, iv=a.verb_to(k, "immigration"),
                    ev=a.verb_to(k, "emigration"), B=cap(a.body))


def emigration_change(a: Article, k: int):
    d = a.direction(k, "emigration")
    if d == 0:
        return ""
    chg = abs(a.val(k, "emigration") - a.val(k - 4, "emigration"))
    c = a.other("change", "emigration", chg, comma(chg), "yes", "emigration change on the year",
                period=a.w.periods[k].isoformat())
    em = a.fig(k, "emigration")
    vb = ("rose by", "increased by", "was up by") if d > 0 else ("fell by", "dropped by", "was down by")
    return pick(a.rng, ("Emigration {vb} {c} to {e} {w}.", "{W}, emigration {vb} {c}, to {e}.")).format(
        vb=pick(a.rng, vb), c=c, e=em, w=a.when(k), W=cap(a.when(k)))


def citizenship_sentences(a: Article, k: int, w: str):
    """w: ' in the year to ...' adverbial with a leading space, or '' when the paragraph states the period."""
    rng = a.rng
    u = rng.random()
    if u < 0.55:
        n, e, b = (a.fig(k, "immigration", "citizenship", x) for x in ("non_eu", "eu", "british"))
        return [pick(rng, (
            "Non-EU nationals made up {n} of arrivals{w}, with {e} coming from the EU and {b} British citizens "
            "coming back.",
            "Non-EU citizens dominated arrivals{w}, at {n}, while {e} came from EU countries and {b} were Britons "
            "moving back.",
            "Of the total{w}, {e} were EU citizens, {n} non-EU citizens and {b} British citizens.",
            "Broken down by citizenship, {n} of those arriving{w} were from outside the EU, {e} were EU nationals "
            "and {b} were British nationals returning.",
        )).format(n=n, e=e, b=b, w=w)]
    out = []
    if rng.random() < 0.6:
        out.append(pick(rng, ("EU immigration{w} was {v}.", "Arrivals of EU citizens{w} came to {v}.",
                              "The number of EU nationals moving to the UK{w} was {v}.")).format(
            v=a.fig(k, "immigration", "citizenship", "eu"), w=w))
    if rng.random() < 0.6:
        out.append(pick(rng, ("Arrivals from outside the EU{w} totalled {v}.",
                              "Immigration of non-EU nationals{w} stood at {v}.")).format(
            v=a.fig(k, "immigration", "citizenship", "non_eu"), w=w))
    if rng.random() < 0.4 or not out:
        out.append(pick(rng, ("A further {v} British citizens returned home{w}.",
                              "Returning British nationals accounted for {v} of arrivals{w}.")).format(
            v=a.fig(k, "immigration", "citizenship", "british"), w=w))
    return out


def reason_sentences(a: Article, k: int, w: str):
    rng = a.rng
    out = []
    u = rng.random()
    if u < 0.4:
        work, study = a.val(k, "immigration", "reason", "work"), a.val(k, "immigration", "reason", "study")
        top = ("Work was the most common reason for moving{w}, cited by {wk} people, ahead of study at {st}."
               if work > study else
               "Study overtook work as the main reason for moving{w}: {st} people came to study and {wk} for work.")
        out.append(pick(rng, (
            top,
            "Formal study brought {st} people to the UK{w}, while {wk} came for work.",
            "Some {wk} people came for work{w} and {st} to study.",
        )).format(wk=a.fig(k, "immigration", "reason", "work"), st=a.fig(k, "immigration", "reason", "study"), w=w))
    elif u < 0.7:
        out.append(pick(rng, (
            "Work-related arrivals totalled {wk}{w}: {dj} had a definite job to go to and {lj} came looking for work.",
            "Of the {wk} people who came for work{w}, {dj} had a definite job and {lj} arrived looking for one.",
            "Some {wk} people moved for work{w}; {dj} of them already had a job to go to, and {lj} came to look for "
            "work.",
        )).format(wk=a.fig(k, "immigration", "reason", "work"),
                  dj=a.fig(k, "immigration", "reason", "work_definite_job"),
                  lj=a.fig(k, "immigration", "reason", "work_looking_for_job"), w=w))
    else:
        out.append(pick(rng, ("Study accounted for {st} arrivals{w}.", "Some {st} people came to study{w}.",
                              "The number of people arriving to study{w} was {st}.")).format(
            st=a.fig(k, "immigration", "reason", "study"), w=w))
    if rng.random() < 0.45:
        out.append(pick(rng, ("Family reasons were given by {f} people{w}.",
                              "A further {f} came to join or accompany family members{w}.")).format(
            f=a.fig(k, "immigration", "reason", "family"), w=w))
    if rng.random() < 0.35:
        out.append(pick(rng, ("Some {s} people came to seek asylum{w}.",
                              "Asylum seekers accounted for {s} arrivals{w}.")).format(
            s=a.fig(k, "immigration", "reason", "asylum"), w=w))
    return out


PERIOD_SENTENCES = ("The figures cover {np}.", "All of the estimates here relate to {np}.",
                    "These numbers are for {np}.", "The period covered is {np}.",
                    "The estimates that follow refer to {np}.")


def breakdown_para(a: Article, k: int, own_period: float = 0.4, both: float = 0.3):
    rng = a.rng
    if rng.random() < own_period:
        first = pick(rng, PERIOD_SENTENCES).format(np=a.np(k))
        w = ""
    else:
        first, w = "", " " + a.when(k)
    sents = []
    u = rng.random()
    if u < both or u > 0.5 + both / 2:
        sents += citizenship_sentences(a, k, w)
    if u < 0.5 + both / 2:
        sents += reason_sentences(a, k, w)
    a.para(first, *sents)


def table_labels(a: Article, k: int, style: int) -> str:
    p = a.w.periods[k]
    if style == 0:
        return f"{MONTHS[p.month]} {p.year}"
    if style == 1:
        return f"YE {MON3[p.month]} {p.year}"
    if style == 2:
        return f"Year to {MONTHS[p.month]} {p.year}"
    return str(p.year)  # calendar years only


def table_periods(a: Article, k: int) -> tuple[list[int], int]:
    rng = a.rng
    m = 3 + int(rng.random() * 3)
    if rng.random() < 0.35 and a.w.periods[k].month == 12:
        ks = [x for x in range(k, -1, -4)][:m]
        lab = 3 if rng.random() < 0.5 else int(rng.random() * 3)
    elif rng.random() < 0.3:
        ks = [x for x in range(k, -1, -4)][:m]
        lab = int(rng.random() * 3)
    else:
        ks = [x for x in range(k, max(-1, k - m), -1)]
        lab = int(rng.random() * 3)
    if rng.random() < 0.7:
        ks.reverse()
    return ks, lab


def malformed(v: int, rng) -> str:
    s = comma(v)
    if rng.random() < 0.6:
        return s[:-1]                  # 342,000 -> 342,00
    digits = str(v)
    return digits[:-4] + "," + digits[-4:]   # 342,000 -> 34,2000


def flows_table(a: Article, k: int, tsv: bool):
    rng = a.rng
    ks, lab = table_periods(a, k)
    cols = list(FLOWS) if rng.random() < 0.75 else ["net_migration", "immigration", "emigration"]
    names = pick(rng, ({"immigration": "Immigration", "emigration": "Emigration", "net_migration": "Net migration"},
                       {"immigration": "Arrivals", "emigration": "Departures", "net_migration": "Net migration"},
                       {"immigration": "Long-term immigration", "emigration": "Long-term emigration",
                        "net_migration": "Net"},
                       {"immigration": "Inflow", "emigration": "Outflow", "net_migration": "Net migration"}))
    first = "Year" if lab == 3 else pick(rng, ("Year ending", "Period", "12 months to", "Year ending"))
    bad_row = ks[int(rng.random() * len(ks))] if rng.random() < 0.3 else None
    bad_col = pick(rng, cols)
    older_blank = rng.random() < 0.15
    lines = []
    for kk in ks:
        cells = []
        for f in cols:
            if older_blank and kk != k and f != "net_migration":
                cells.append("..")
            elif kk != k and rng.random() < 0.05:
                cells.append("..")
            elif kk == bad_row and f == bad_col:
                v = a.val(kk, f)
                raw = malformed(v, rng)
                a.other("estimate", f, v, raw, "no", "malformed, must be quarantined",
                        period=a.w.periods[kk].isoformat())
                a.need_exact.setdefault((kk, f, "", ""), kk)
                cells.append(raw)
            else:
                v = a.fig(kk, f)
                cells.append("+" + v if f == "net_migration" and tsv and rng.random() < 0.3 else v)
        lines.append((table_labels(a, kk, lab), cells))
    if tsv:
        out = ["\t".join([first] + [names[f] for f in cols])]
        out += ["\t".join([lab_] + cells) for lab_, cells in lines]
    else:
        out = ["| " + " | ".join([first] + [names[f] for f in cols]) + " |",
               "|" + "---|" * (len(cols) + 1)]
        out += ["| " + " | ".join([lab_] + cells) + " |" for lab_, cells in lines]
    a.paras.append("\n".join(out))
    if any(".." in c for _, cs in lines for c in cs):
        a.paras.append(pick(rng, ('".." means the figure is not available in this release.',
                                  "Source: ONS. Cells marked .. are not published.",
                                  "Source: Office for National Statistics, provisional estimates (.. = not shown).")))
    else:
        a.paras.append(pick(rng, ("Source: ONS long-term international migration estimates.",
                                  "Source: Office for National Statistics.", "Figures rounded to the nearest thousand.")))


BULLET_MARKS = ("- ", "* ", "• ", "– ")


def bullets(a: Article, k: int):
    rng = a.rng
    mark = pick(rng, BULLET_MARKS)
    intro = pick(rng, ("Key figures for {np}:", "The headline numbers, {np}:", "In {np}, according to the ONS:",
                       "What the figures show for {np}:")).format(np=a.np(k))
    items = []
    lab = pick(rng, (("Immigration", "Emigration", "Net migration"), ("Arrivals", "Departures", "Net migration"),
                     ("People arriving", "People leaving", "Net migration")))
    for f, name in zip(FLOWS, lab):
        if f == "net_migration" or rng.random() < 0.85:
            items.append(f"{mark}{name}: {a.fig(k, f, approx=0.15)}")
    if rng.random() < 0.5:
        items.append(f"{mark}EU citizens arriving: {a.fig(k, 'immigration', 'citizenship', 'eu')}")
        items.append(f"{mark}Non-EU citizens arriving: {a.fig(k, 'immigration', 'citizenship', 'non_eu')}")
    a.paras.append(intro + "\n" + "\n".join(items))
    if rng.random() < 0.5:
        intro = pick(rng, ("Main reasons for moving to the UK, {np}:", "Why people came, {np}:")).format(np=a.np(k))
        items = [f"{mark}Work: {a.fig(k, 'immigration', 'reason', 'work')}",
                 f"{mark}Study: {a.fig(k, 'immigration', 'reason', 'study')}"]
        if rng.random() < 0.6:
            items.append(f"{mark}Family: {a.fig(k, 'immigration', 'reason', 'family')}")
        if rng.random() < 0.5:
            items.append(f"{mark}Asylum: {a.fig(k, 'immigration', 'reason', 'asylum')}")
        a.paras.append(intro + "\n" + "\n".join(items))


TARGETS = (100_000, 100_000, 200_000, 300_000, 350_000)


def target_sentence(a: Article):
    rng = a.rng
    t = pick(rng, TARGETS)
    raw = a.other("target", "net_migration", t, comma(t), "yes", "policy target")
    s = pick(rng, (
        "The Conservatives pledged to bring net migration below {t}.",
        "Ministers have promised to cut net migration to under {t} a year.",
        "The government's stated goal is to get annual net migration below {t}.",
        "{party} has vowed to reduce net migration to below {t}.",
        "The target of getting net migration under {t} has never been met.",
        "Successive governments have pledged to push net migration below {t}.",
    )).format(t=raw, party=pick(rng, ("Reform UK", "The Conservative Party", "Labour", "The government")))
    if t == 100_000 and rng.random() < 0.3:
        a.other("target", "net_migration", "", "tens of thousands", "no", "qualitative target; optional, any value")
        s += " Ministers still talk of reaching the tens of thousands."
    return s


def forecast_sentence(a: Article):
    rng = a.rng
    y = a.pub.year + 1 + int(rng.random() * 4)
    now = a.val(a.main, "net_migration") if a.main is not None else 300_000
    v = max(50_000, int(now * (0.45 + 0.45 * rng.random()) / 10_000) * 10_000)
    if rng.random() < 0.3:
        hi = v + pick(rng, (10_000, 20_000, 50_000))
        r1 = a.other("forecast", "net_migration", v, comma(v), "no", "forecast range", high=hi)
        return pick(rng, ("Net migration could settle at between {a} and {b} by {y}, according to Home Office "
                          "projections.",
                          "Forecasters expect net migration of between {a} and {b} a year by {y}.")).format(
            a=r1, b=comma(hi), y=y)
    flow = "net_migration" if rng.random() < 0.8 else "immigration"
    raw = a.other("forecast", flow, v, comma(v), "no", "forecast")
    if flow == "immigration":
        return f"Economists predict immigration will drop to around {raw} by {y}."
    return pick(rng, ("Net migration could fall to around {v} by {y}, forecasters say.",
                      "Net migration is projected to drop to {v} by {y}.",
                      "The Office for Budget Responsibility expects net migration to settle at {v} by {y}.",
                      "Analysts project that net migration will ease to about {v} by {y}.",
                      "On current trends net migration is forecast to be roughly {v} in {y}.")).format(v=raw, y=y)


def bound_sentence(a: Article, k: int):
    rng = a.rng
    flow = pick(rng, FLOWS)
    v = a.val(k, flow)
    if v <= 0:
        return ""
    step = 100_000 if v >= 300_000 else 50_000
    lo = (v // step) * step
    if lo == v:
        lo -= step
    hi = lo + step
    if rng.random() < 0.5 and lo > 0:
        raw = a.other("estimate", flow, lo, comma(lo), "no", "bound (at_least): not published")
        q = pick(rng, ("more than", "over", "upwards of"))
    else:
        raw = a.other("estimate", flow, hi, comma(hi), "no", "bound (at_most): not published")
        q = pick(rng, ("almost", "nearly", "just under", "fewer than"))
    noun = {"immigration": "people moving to the UK", "emigration": "people leaving the UK",
            "net_migration": "net migration"}[flow]
    return pick(rng, ("Critics pointed to {noun} of {q} {v} {w} as evidence that policy had failed.",
                      "With {noun} at {q} {v} {w}, the pressure on ministers is unlikely to ease.")).format(
        noun=noun, q=q, v=raw, w=a.when(k))


def revision_sentences(a: Article, k: int):
    """Earlier periods as revised by this release, and the size of the revision (optional)."""
    rng = a.rng
    out = []
    prev = a.w.states[a.r - 1] if a.r else None
    for kk in range(k - 1, max(-1, k - 4), -1):
        if rng.random() < 0.4 and out:
            continue
        v = a.fig(kk, "net_migration")
        old = None if prev is None or kk >= len(prev) else prev[kk][0] - prev[kk][1]
        new = a.val(kk, "net_migration")
        if old is not None and old != new:
            d = abs(new - old)
            draw = a.other("change", "net_migration", d, comma(d), "no", "size of revision; optional")
            updown = "up" if new > old else "down"
            out.append(pick(rng, (
                "The net migration estimate for {np} has been revised {ud} by {d}, to {v}.",
                "{B} now puts net migration in {np} at {v}, revised {ud} by {d}.",
            )).format(np=a.np(kk, implied=False), ud=updown, d=draw, v=v, B=cap(a.body)))
        else:
            out.append(pick(rng, ("The figure for {np} is unchanged at {v}.",
                                  "Net migration in {np} is still estimated at {v}.")).format(
                np=a.np(kk, implied=False), v=v))
    return out


def calendar_para(a: Article):
    """Calendar years ('in 2014', 'last year') from the current vintage."""
    rng = a.rng
    decs = [x for x in range(len(a.state)) if a.w.periods[x].month == 12]
    if len(decs) < 2:
        return False
    picks = sorted(rng.sample(decs, min(len(decs), 2 + int(rng.random() * 2))))
    sents = []
    for x in picks:
        y = a.w.periods[x].year
        w = "last year" if y == a.pub.year - 1 and rng.random() < 0.5 else f"in {y}"
        flow = "net_migration" if rng.random() < 0.7 else pick(rng, ("immigration", "emigration"))
        noun = {"net_migration": "net migration", "immigration": "immigration", "emigration": "emigration"}[flow]
        v = a.fig(x, flow, approx=0.15)
        sents.append(pick(rng, ("{N} was {v} {w}.", "{W}, {n} stood at {v}.", "{N} came to {v} {w}.")).format(
            N=cap(noun), n=noun, v=v, w=w, W=cap(w)))
    a.para(pick(rng, ("Looking back over the decade:", "The longer-run picture is mixed.",
                      "The calendar-year numbers tell a similar story.")), *sents)
    return True


# ---- noise, quotes, other countries, comments, other news -------------------------------------------------

CITIES = ("Leicester", "Coventry", "Bristol", "Cardiff", "Nottingham", "Newcastle", "Sheffield", "Bradford")
NAMES = ("Sarah Whitlock", "Tom Haddon", "Priya Sandhu", "Gareth Lloyd", "Helen Okafor", "James Pereira",
         "Fiona MacLeod", "Daniel Cho", "Rebecca Stone", "Imran Patel")
ROLES = ("a migration researcher at the University of Oxford", "chief economist at a City think tank",
         "head of policy at a business lobby group", "a spokesperson for a refugee charity",
         "director of a campaign for lower immigration", "a former Home Office adviser")


def noise_sentence(a: Article) -> str:
    rng = a.rng
    t = int(rng.random() * 16)
    y = 2005 + int(rng.random() * 20)
    if t == 0:
        return f"The skilled worker salary threshold was raised to £{pick(rng, ('38,700', '26,200', '30,960', '41,700'))}."
    if t == 1:
        return f"Around {10 + int(rng.random() * 70)} per cent of employers in care said they struggled to recruit."
    if t == 2:
        return pick(rng, ("Four in ten", "Three in five", "Nine out of ten")) + " voters say immigration is too high, " \
               "according to polling."
    if t == 3:
        return f"The {40 + int(rng.random() * 160)}-page report was published at 9.30am."
    if t == 4:
        return f"Visa applicants must now wait {pick(rng, ('five', '10', 'ten', 'three'))} years before applying " \
               f"to settle."
    if t == 5:
        return f"Employers in farming and hospitality rely on around {pick(rng, ('2', '3', '1.5'))} million EU workers."
    if t == 6:
        return f"The rules were first announced in {y} and took effect on {1 + int(rng.random() * 28)} " \
               f"{MONTHS[1 + int(rng.random() * 12)]} {y + 1}."
    if t == 7:
        return f"Advice is available on 0300 {100 + int(rng.random() * 900)} {1000 + int(rng.random() * 9000)}."
    if t == 8:
        return f"The NHS spent £{1 + int(rng.random() * 9)}.{int(rng.random() * 10)}bn on agency staff."
    if t == 9:
        return f"Mr {pick(rng, ('Hughes', 'Barnes', 'Ahmed', 'Kerr'))}, {25 + int(rng.random() * 50)}, " \
               f"has campaigned on the issue since {y}."
    if t == 10:
        return f"Graduates can stay for {pick(rng, ('18 months', 'two years', '24 months'))} after finishing " \
               f"their course."
    if t == 11:
        return f"The population of the UK passed {pick(rng, ('67', '68', '69'))} million, a separate estimate showed."
    if t == 12:
        return f"The change is equivalent to adding a city the size of {pick(rng, CITIES)} every year."
    if t == 13:
        return f"Fees for a {pick(rng, ('three', 'five'))}-year visa rose by {5 + int(rng.random() * 30)}% in {y}."
    if t == 14:
        return f"Interest rates were held at {pick(rng, ('4', '4.25', '5.25', '0.5'))}% on the same day."
    return f"Some {pick(rng, ('18', '21', '16'))}-year-olds will be eligible under the youth mobility scheme."


QUOTES = (
    '"These numbers show the system is working as intended, but there is more to do," the minister said.',
    '"Behind every statistic is a family trying to build a life here," said {name}, {role}.',
    '"The public have been promised control again and again, and they have not had it," said {name}, {role}.',
    '"The drop reflects policy choices as much as global events," said {name}, {role}.',
    '"Care homes simply cannot fill shifts without overseas staff," said {name}, {role}.',
    '"We should be careful about reading too much into a single quarter of data," said {name}, {role}.',
    'A Home Office spokesperson said the department would "continue to take decisive action".',
    'Opposition politicians accused the government of "losing control of the borders".',
    '{name}, {role}, said the estimates were "subject to considerable uncertainty".',
)


def quote(a: Article) -> str:
    return pick(a.rng, QUOTES).format(name=pick(a.rng, NAMES), role=pick(a.rng, ROLES))


def foreign_para(a: Article) -> str:
    rng = a.rng
    y = a.pub.year - 1 if a.pub.month < 6 else a.pub.year
    m = pick(rng, (3, 6, 9, 12))
    big = comma((150 + int(rng.random() * 450)) * 1000 + int(rng.random() * 10) * 100)
    small = comma((40 + int(rng.random() * 200)) * 1000 + int(rng.random() * 10) * 100)
    return pick(rng, (
        f"Australia's net overseas migration reached {big} in the year to {MONTHS[m]} {y}, the Australian Bureau "
        f"of Statistics said.",
        f"In Canada, immigration added {big} people to the population in {y}, Statistics Canada said.",
        f"New Zealand recorded a net migration gain of {small} in the year ended {MONTHS[m]} {y}, according to "
        f"Stats NZ.",
        f"Germany saw net immigration of {big} in {y}, figures from Destatis show.",
        f"Australian arrivals totalled {big} in the 12 months to {MONTHS[m]} {y}, while {small} people departed "
        f"Australia.",
        f"Canada's government plans to admit {big} permanent residents in {y + 1}.",
    ))


COMMENT_HEADINGS = ("Comments", "Comments", "Reader comments", "Most Popular Comments", "Comments (%d)")
COMMENTS = (
    "Net migration of {big} a year is madness. Who voted for this?",
    "The real number is nearer {mil} million, nobody believes these estimates.",
    "Another {small} arrived on the south coast yesterday alone.",
    "I emigrated in {y} and have never regretted it.",
    "{pct}% of people want lower immigration and still nothing changes.",
    "My town has taken {small} asylum seekers in {n} years.",
    "Immigration of {big} people is the population of a city every year.",
    "They promised {tgt} and gave us {big}. Enough said.",
)


def comments(a: Article):
    rng = a.rng
    h = pick(rng, COMMENT_HEADINGS)
    if "%d" in h:
        h = h % (3 + int(rng.random() * 400))
    out = [h]
    for i in range(2 + int(rng.random() * 4)):
        out.append(f"{pick(rng, ('Pete', 'anon', 'Concerned_of_Kent', 'jb1970', 'Margaret', 'realist'))}"
                   f" • {2 + int(rng.random() * 10)} hours ago")
        out.append(pick(rng, COMMENTS).format(
            big=comma((300 + int(rng.random() * 700)) * 1000), mil=pick(rng, ("2", "3", "1.5")),
            small=comma(50 + int(rng.random() * 900)), y=2000 + int(rng.random() * 24),
            pct=40 + int(rng.random() * 40), n=2 + int(rng.random() * 8), tgt="100,000"))
    a.paras.append("\n".join(out))


def other_news(a: Article) -> str:
    rng = a.rng
    t = int(rng.random() * 4)
    if t == 0:
        h, g = pick(rng, ("United", "Rovers", "City", "Athletic")), 2 + int(rng.random() * 3)
        a.paras.append(f"{h} win {g}-{int(rng.random() * g)} in front of home crowd")
        a.para(f"A crowd of {comma(20000 + int(rng.random() * 50000))} watched {h} extend their unbeaten run to "
               f"{5 + int(rng.random() * 12)} matches.",
               f"The striker, {19 + int(rng.random() * 15)}, has now scored {10 + int(rng.random() * 20)} goals "
               f"this season.")
        a.para(f"The club, promoted in {2000 + int(rng.random() * 24)}, sits {2 + int(rng.random() * 10)} points "
               f"clear with {3 + int(rng.random() * 10)} games left.",
               f"Season tickets for {a.pub.year + 1} will cost £{300 + int(rng.random() * 600)}.")
    elif t == 1:
        a.paras.append("Heatwave warning as temperatures soar" if rng.random() < 0.5 else "Storm brings floods")
        a.para(f"Temperatures reached {28 + int(rng.random() * 10)}.{int(rng.random() * 10)}C in parts of the "
               f"south east on {WEEKDAYS[int(rng.random() * 7)]}.",
               f"Up to {20 + int(rng.random() * 80)}mm of rain is expected in {12 + int(rng.random() * 36)} hours.")
        a.para(f"The Met Office said {comma(1000 + int(rng.random() * 90000))} homes lost power at the peak.",
               f"The last comparable event was in {1976 + int(rng.random() * 45)}.")
    elif t == 2:
        a.paras.append("FTSE edges higher as sterling steadies")
        a.para(f"The FTSE 100 rose {int(rng.random() * 90)} points to {comma(6500 + int(rng.random() * 2500))}.",
               f"Sterling traded at ${1 + rng.random():.2f}, while a £{1 + int(rng.random() * 9)}.{int(rng.random() * 10)}bn"
               f" takeover lifted mining shares.")
        a.para(f"Shares in the retailer fell {1 + int(rng.random() * 20)}% after it warned on profits, "
               f"putting {comma(100 + int(rng.random() * 4000))} jobs at risk.")
    else:
        a.paras.append("Rail passenger numbers recover")
        a.para(f"Some {1 + int(rng.random() * 9)}.{int(rng.random() * 10)} million passengers used the line in "
               f"{a.pub.year - 1}, up {int(rng.random() * 30)}% on the year before.",
               f"The average fare is now £{5 + int(rng.random() * 40)}.{int(rng.random() * 100):02d}.")
        a.para(f"The operator plans {10 + int(rng.random() * 90)} extra services from {MONTHS[1 + int(rng.random() * 12)]}.",
               f"Complaints can be made on 0345 {100 + int(rng.random() * 900)} {1000 + int(rng.random() * 9000)}.")
    return "other_news"


# ----------------------------------------------------------------------------------------------------------
# Recipes
# ----------------------------------------------------------------------------------------------------------

def some_noise(a: Article, n: int):
    sents: list = []
    for _ in range(n):
        s = noise_sentence(a)
        if s[:12] not in (x[:12] for x in sents):
            sents.append(s)
    if a.rng.random() < 0.6:
        sents.append(quote(a))
    a.para(*sents)


def extras(a: Article, k: int):
    rng = a.rng
    if rng.random() < 0.35:
        a.para(target_sentence(a), quote(a) if rng.random() < 0.5 else "")
    if rng.random() < 0.25:
        a.para(forecast_sentence(a))
    if rng.random() < 0.2:
        a.para(bound_sentence(a, k))
    if rng.random() < 0.12:
        a.para(foreign_para(a))
    if rng.random() < 0.1:
        n = 5000 + int(rng.random() * 40000)
        raw = a.other("estimate", "immigration", n, comma(n), "no", "small boat crossings; not a long-term flow")
        a.para(f"Separately, {raw} people crossed the Channel in small boats in {a.pub.year - 1}, Home Office data "
               f"shows.")


def build(a: Article, style: str) -> str:
    rng = a.rng
    k = a.main
    if style == "other_news":
        return other_news(a)
    if style == "foreign":
        a.paras.append(pick(rng, ("Australia's migration intake hits new high", "Canada rethinks immigration levels",
                                  "Migration rises across the rich world")))
        a.para(foreign_para(a), foreign_para(a))
        a.para(noise_sentence(a), quote(a) if rng.random() < 0.3 else "")
        if rng.random() < 0.5:
            a.para(pick(rng, ("By comparison, {b} said net migration to the UK was {v} {w}.",
                              "In the UK, net migration {w} was {v}, according to {b}.")).format(
                b=a.body, v=a.fig(k, "net_migration"), w=a.when(k, implied=False)))
        return style
    a.paras.append(headline(a, k))
    if style == "release":
        a.para(lead_net(a, k), imm_em(a, k) if rng.random() < 0.8 else "")
        if rng.random() < 0.3:
            a.para(emigration_change(a, k))
        if rng.random() < 0.4:
            breakdown_para(a, k)
        some_noise(a, 1 + int(rng.random() * 3))
        extras(a, k)
    elif style in ("table_md", "table_tsv"):
        a.para(lead_net(a, k, change=0.15), imm_em(a, k) if rng.random() < 0.4 else "")
        if rng.random() < 0.5:
            some_noise(a, 1)
        flows_table(a, k, tsv=style == "table_tsv")
        some_noise(a, 1 + int(rng.random() * 2))
        extras(a, k)
    elif style == "bullets":
        a.para(lead_net(a, k, compare=0.3))
        bullets(a, k)
        some_noise(a, 1 + int(rng.random() * 2))
        extras(a, k)
    elif style == "breakdown":
        a.para(lead_net(a, k, compare=0.3, change=0.1))
        breakdown_para(a, k, own_period=0.5, both=0.6)
        some_noise(a, 1 + int(rng.random() * 2))
        extras(a, k)
    elif style == "para_period":
        first = pick(rng, PERIOD_SENTENCES).format(np=a.np(k))
        imm = a.fig(k, "immigration", approx=0.3)
        em = a.fig(k, "emigration")
        net = a.fig(k, "net_migration")
        a.para(pick(rng, ("New official estimates show the scale of population movement.",
                          "The ONS published its latest migration estimates this week.")))
        a.para(first, pick(rng, (
            "Some {i} people moved to {pl} and {e} left, leaving net migration at {n}.",
            "Immigration was {i}, emigration {e} and net migration {n}.",
            "Arrivals numbered {i}. Departures numbered {e}. The difference, net migration, was {n}.",
        )).format(i=imm, e=em, n=net, pl=a.place))
        some_noise(a, 2)
        if rng.random() < 0.5:
            breakdown_para(a, k, own_period=1.0)
        extras(a, k)
    elif style == "calendar":
        decs = [x for x in range(len(a.state)) if a.w.periods[x].month == 12]
        kk = decs[-1]
        a.para(lead_net(a, kk, compare=0.5), imm_em(a, kk) if rng.random() < 0.6 else "")
        calendar_para(a)
        some_noise(a, 1 + int(rng.random() * 2))
        extras(a, kk)
    elif style == "revision":
        a.para(lead_net(a, k, compare=0.2, change=0.1))
        a.para(*revision_sentences(a, k))
        if rng.random() < 0.4:
            flows_table(a, k, tsv=False)
        some_noise(a, 1)
        extras(a, k)
    elif style == "politics":
        a.para(quote(a), target_sentence(a))
        a.para(pick(rng, ("The latest figure, for {np}, is {v}.", "Net migration {w} was {v}.")).format(
            np=a.np(k), w=a.when(k), v=a.fig(k, "net_migration", approx=0.2)))
        a.para(forecast_sentence(a), bound_sentence(a, k) if rng.random() < 0.6 else "")
        some_noise(a, 2)
    a.finish_exact()
    return style


# ----------------------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------------------

def make_article(world: World, seed: int, i: int, aid: str, cum_weights, names):
    rng = random.Random(seed * 1_000_003 + i)
    style = names[bisect.bisect_right(cum_weights, rng.random() * cum_weights[-1])]
    if style == "other_news":
        pub = date(2010, 9, 1) + timedelta(days=int(rng.random() * 5900))
        a = Article(world, aid, rng, pub, None)
    else:
        r = int(rng.random() * len(world.releases))
        if style == "calendar":
            r = max(r, 3)
            while world.periods[r].month != 12 and r + 1 < len(world.releases):
                r += 1  # a release whose newest period is a calendar year
        start = world.releases[r]
        gap = (world.releases[r + 1] - start).days if r + 1 < len(world.releases) else 90
        u = rng.random()
        off = 0 if u < 0.55 else 1 if u < 0.8 else 2 + int(rng.random() * 6) if u < 0.92 else \
            8 + int(rng.random() * (gap - 9))
        pub = start + timedelta(days=off)
        a = Article(world, aid, rng, pub, world.release_for(pub))
    build(a, style)
    sep = "\n\n" if rng.random() < 0.8 else "\n"
    text = sep.join(a.paras)
    if rng.random() < 0.2:
        a.paras = []
        comments(a)
        text += "\n\n" + a.paras[0]
    return style, pub, text + "\n", a


def generate(out_dir: str, n: int, seed: int) -> dict:
    world = World(seed)
    names = [s for s, _ in STYLES]
    cum, tot = [], 0
    for _, wgt in STYLES:
        tot += wgt
        cum.append(tot)
    gold = os.path.join(out_dir, "gold")
    os.makedirs(gold, exist_ok=True)
    counts = {s: 0 for s in names}
    flows_rep: dict = {}   # period index -> {vintage: {flow: value}}
    revisions: dict = {}   # (k, flow, dim, bval, vintage) -> value
    # Creating 100,000 files is mostly kernel time: writer threads (the GIL is released in system calls)
    # create them while the main thread composes the next articles; the bounded queue keeps memory small.
    files: queue.Queue = queue.Queue(maxsize=2000)
    errors: list = []

    def writer():
        while True:
            item = files.get()
            if item is None:
                return
            try:
                fd = os.open(item[0], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                try:
                    os.write(fd, item[1])
                finally:
                    os.close(fd)
            except OSError as e:  # reported once the generation loop ends
                errors.append(e)
    threads = [threading.Thread(target=writer, daemon=True) for _ in range(WRITER_THREADS)]
    for t in threads:
        t.start()
    try:
        _write_articles(world, seed, n, out_dir, gold, files, cum, names, counts, flows_rep, revisions)
    finally:
        for _ in threads:
            files.put(None)
        for t in threads:
            t.join()
    if errors:
        raise errors[0]
    _write_marts(world, gold, flows_rep, revisions)
    return counts


def _write_articles(world, seed, n, out_dir, gold, files, cum, names, counts, flows_rep, revisions):
    width = max(6, len(str(n - 1)))
    with open(os.path.join(out_dir, "manifest.csv"), "w", newline="", encoding="utf-8") as mf, \
            open(os.path.join(gold, "figures.csv"), "w", newline="", encoding="utf-8") as ff:
        mw, fw = csv.writer(mf, lineterminator="\n"), csv.writer(ff, lineterminator="\n")
        mw.writerow(["article_id", "file", "published", "note"])
        fw.writerow(FIG_COLS)
        for i in range(n):
            aid = f"syn{i:0{width}d}"
            style, pub, text, a = make_article(world, seed, i, aid, cum, names)
            counts[style] += 1
            files.put((os.path.join(out_dir, aid + ".txt"), text.encode("utf-8")))
            vintage = pub.isoformat()
            mw.writerow([aid, aid + ".txt", vintage, style])
            fw.writerows(a.rows)
            for (k, flow, dim, bval), v in a.reported.items():
                revisions[(k, flow, dim, bval, vintage)] = v
                if not dim:
                    flows_rep.setdefault(k, {}).setdefault(vintage, {})[flow] = v


def _write_marts(world, gold, flows_rep, revisions):
    periods = world.periods
    with open(os.path.join(gold, "flows.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period_end", *FLOWS])
        for k in sorted(flows_rep):
            latest = flows_rep[k][max(flows_rep[k])]
            w.writerow([periods[k].isoformat()] + [latest.get(fl, "") for fl in FLOWS])
    latest_bd: dict = {}
    for (k, flow, dim, bval, vintage), v in revisions.items():
        if dim:
            key = (k, flow, dim, bval)
            if key not in latest_bd or vintage > latest_bd[key][0]:
                latest_bd[key] = (vintage, v)
    with open(os.path.join(gold, "breakdowns.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period_end", "flow", "breakdown_dim", "breakdown_value", "value"])
        for (k, flow, dim, bval) in sorted(latest_bd):
            w.writerow([periods[k].isoformat(), flow, dim, bval, latest_bd[(k, flow, dim, bval)][1]])
    with open(os.path.join(gold, "revisions.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period_end", "flow", "breakdown_dim", "breakdown_value", "vintage", "value"])
        for key in sorted(revisions):
            k, flow, dim, bval, vintage = key
            w.writerow([periods[k].isoformat(), flow, dim, bval, vintage, revisions[key]])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--force", action="store_true", help="clear an existing corpus in OUT_DIR first")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    out = args.out_dir
    if os.path.isdir(out) and os.listdir(out):
        if not args.force:
            ap.error(f"{out} is not empty (use --force to replace a corpus there)")
        for name in os.listdir(out):
            if name.endswith(".txt") or name == "manifest.csv":
                os.remove(os.path.join(out, name))
        for name in ("figures.csv", "flows.csv", "breakdowns.csv", "revisions.csv"):
            p = os.path.join(out, "gold", name)
            if os.path.exists(p):
                os.remove(p)
        # A directory that held 100,000 files stays slow to create files in: start a fresh one if we can.
        gold = os.path.join(out, "gold")
        if os.path.isdir(gold) and not os.listdir(gold):
            os.rmdir(gold)
        if not os.listdir(out):
            os.rmdir(out)
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()
    counts = generate(out, args.n, args.seed)
    secs = time.perf_counter() - t0
    mix = ", ".join(f"{s} {100 * c / args.n:.1f}%" for s, c in counts.items())
    print(f"wrote {args.n} articles to {out} in {secs:.1f}s (seed {args.seed}); styles: {mix}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
