#!/usr/bin/env python3
"""A straightforward Python version of `pmladder team SHEET --format csv -o OUT`.

The baseline for pmladder's team-scoring benchmark (issue 7): it reads the rubric (PyYAML)
and the team sheet (csv module), scores every person by the rules of DESIGN §6 and writes
the long CSV of DESIGN §7, byte for byte what pmladder writes. It is written the way a
careful person would write it in an afternoon: plain loops and dicts, no tricks.

    python3 bench/team_score.py RUBRIC.yaml SHEET.csv OUT.csv
"""
import csv
import sys
from decimal import Decimal, ROUND_HALF_UP

import yaml

FIXED = ["person", "assessor", "date", "current_role", "target_role", "track"]


def load_rubric(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    skills, questions = [], []
    for cat in doc["categories"]:
        for s in cat["skills"]:
            qs = []
            for n, q in enumerate(s["questions"], 1):
                qid = q.get("id", f"{s['id']}.{n}") if isinstance(q, dict) else f"{s['id']}.{n}"
                qs.append(qid)
                questions.append(qid)
            skills.append({"id": s["id"], "category": cat["id"], "weight": float(s.get("weight", 1)),
                           "core": bool(s.get("core", False)), "questions": qs})
    roles = []
    for r in doc["roles"]:
        roles.append({"id": r["id"], "level": r.get("level", 0), "tracks": r.get("tracks") or [],
                      "expects": {k: float(v) for k, v in r.get("expects", {}).items()},
                      "next": r.get("next") or []})
    scale = doc["scale"]
    return {"skills": skills, "questions": questions, "roles": roles,
            "by_id": {r["id"]: r for r in roles}, "pass": float(doc.get("scoring", {}).get("pass", 80)),
            "min": scale["min"], "max": scale["max"]}


def fmt(x):
    """Round half away from zero to two places and print like Go's shortest form."""
    if x is None:
        return ""
    d = Decimal(repr(float(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    s = format(d.normalize(), "f")
    return "0" if s in ("-0", "0") else s


def safe(s):
    return "'" + s if s and s[0] in "=+-@\t\r" else s


def on_track(role, track):
    return not track or not role["tracks"] or track in role["tracks"]


def score_person(rub, row):
    # Rule 1: the mean of the answered, non-na questions.
    score = {}
    for s in rub["skills"]:
        vals = [int(row[q]) for q in s["questions"] if row.get(q, "").strip() not in ("", "na", "NA")]
        if vals:
            score[s["id"]] = sum(vals) / len(vals)
    weight = {s["id"]: s["weight"] for s in rub["skills"]}
    core = {s["id"]: s["core"] for s in rub["skills"]}

    def fit(role):
        # Rule 2 (v2): over every skill the role expects; a skill is met when expected at
        # the scale's minimum, or assessed and at least the expectation.
        exp = role["expects"]
        ids = [s["id"] for s in rub["skills"] if s["id"] in exp]
        if not ids:
            return None, False
        met = {i for i in ids if exp[i] <= rub["min"] or (i in score and score[i] >= exp[i])}
        total = sum(weight[i] for i in ids)
        readiness = 100 * sum(weight[i] for i in met) / total
        holds = readiness >= rub["pass"] and all(i in met for i in ids if core[i])
        return readiness, holds

    track = row.get("track", "").strip()
    estimated = None
    for role in rub["roles"]:
        if not role["level"] or not on_track(role, track):
            continue
        readiness, holds = fit(role)
        if not holds:
            continue
        if (estimated is None or role["level"] > estimated[0]["level"]
                or (role["level"] == estimated[0]["level"] and readiness > estimated[1])):
            estimated = (role, readiness)
    current = row.get("current_role", "").strip() or (estimated[0]["id"] if estimated else "")
    target = row.get("target_role", "").strip()
    if not target and current:
        # Rule 11 (v3): the first *ladder* role among the next roles on the track, never a
        # lateral move; none, and the target is the current role itself.
        target = next((n for n in rub["by_id"][current]["next"]
                       if rub["by_id"][n]["level"] and on_track(rub["by_id"][n], track)), current)
    if not target and not current:
        ladder = [r for r in rub["roles"] if r["level"] and on_track(r, track)]
        if ladder:
            low = min(r["level"] for r in ladder)
            target = next(r["id"] for r in ladder if r["level"] == low)
    t = rub["by_id"].get(target)
    readiness = fit(t)[0] if t else None
    rows = []
    for s in rub["skills"]:
        sid = s["id"]
        sc = score.get(sid)
        exp = t["expects"].get(sid) if t else None
        gap, prio = None, "none"
        if sc is None:
            prio = "n/a"
        elif exp is not None:
            gap = max(0.0, exp - sc)
            if gap > 0 and (core[sid] or gap >= 2):
                prio = "high"
            elif gap >= 1:
                prio = "medium"
            elif gap > 0:
                prio = "low"
        rows.append((current, target, readiness, s["category"], sid, sc, exp, gap, prio))
    return rows


def main(rubric_path, sheet_path, out_path):
    rub = load_rubric(rubric_path)
    with open(sheet_path, encoding="utf-8-sig", newline="") as f, \
            open(out_path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["person", "assessor", "date", "current_role", "target_role", "target_readiness",
                    "category", "skill", "score", "expected_target", "gap", "priority"])
        for row in csv.DictReader(f):
            if not any((v or "").strip() for v in row.values()):
                continue
            date = row.get("date", "").strip()
            if len(date) == 10:
                date += "T00:00:00Z"
            person = safe(row["person"].strip())
            assessor = row.get("assessor", "").strip() or "self"
            for current, target, readiness, cat, sid, sc, exp, gap, prio in score_person(rub, row):
                w.writerow([person, assessor, date, current, target, fmt(readiness), cat, sid,
                            fmt(sc), fmt(exp), fmt(gap), prio])


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
