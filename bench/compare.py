#!/usr/bin/env python3
"""Measure pmladder's performance targets side by side, in one run (issues 7 and 10).

Every team format is run as `pmladder team SHEET --format F -o OUT` (csv, json, markdown,
table, html) at PEOPLE people (default 20,000) and at 100,000, on the sheets bench/gensheet
writes. One table shows, per format and size, the median wall time, the peak resident set
size (the largest over the runs) and the time as a ratio to the CSV path at the same size.
Under it, one verdict per target:

  - peak memory at most 64 MB at 100,000 people, every format;
  - time at most 5x the CSV path at 100,000 people, every format;
  - cost per person at 100,000 at most 1.4x the cost per person at PEOPLE, every format;
  - the CSV path at PEOPLE at least 30x faster than bench/team_score.py (a straightforward
    Python script whose output must be byte-for-byte pmladder's), and within 2x of
    bench/iofloor (a Go program that only parses the sheet and writes as many rows);
  - `pmladder --help` start-up within 1.3x of bench/hello, a hello-world linking the same
    libraries;
  - the same sheet as a workbook (team-N.xlsx, made by tools/xlsxfixture -csv as a
    spreadsheet saves one) at most 3x the CSV input at 100,000 people, in wall time, with
    the same output byte for byte (`pmladder team SHEET --format csv`; CPU time shown too);
  - reading alone (bench/readsheet), the workbook reader faster than excelize's Rows
    iterator (bench/excelizerows) on the same workbook at 100,000 people;
  - with MILLION=1, a workbook of 1,000,000 people read with a peak RSS of at most 128 MB
    (bench/readsheet; the whole review's peak, CSV and workbook, is shown beside it);
  - with MILLION=1, every format at 1,000,000 people (one run each) in at most 100 MB, and
    its CPU time per person within 1.4x of that at PEOPLE;
  - `team --calibration` of 100,000 ratings (calibration-25000.csv: 25,000 people × self,
    manager and two peers, bench/gensheet -peers 2) at most 3x the CSV team path at
    100,000 people in wall and CPU time, and in at most 128 MB, every format (runs
    interleaved with the CSV path's).

Wall time is time.perf_counter around one child process; peak memory is that child's
ru_maxrss from os.wait4 (exact above this script's own peak, printed at the end; see
run_once). Medians of 7 runs for the CSV path and the I/O floor, 5 for the other formats
at PEOPLE and 3 at 100,000 (RUNS=N sets every one of these to N), 3 for Python, 200 for
start-up. Each output file is deleted after its run. The table is also written as
Markdown, for the README, to bench/out/table.md.

With BASELINE=PATH (`make bench BASE=REV` builds pmladder at git revision REV there, and
sets RUBRIC to REV's built-in ladder so that both read the same sheets), every
format at both sizes is also run with that binary, the two runs interleaved so that the
machine's noise falls on both alike, and the table gains two columns: wall time and CPU time
(user + system, the steadier of the two on a shared machine) as ratios to the baseline's. This is how a change shows it made no format slower.

Run by `make bench`; expects the binaries and the sheets in bench/out (the Makefile makes
them).
"""
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import time

OUT = "bench/out"
PEOPLE = int(os.environ.get("PEOPLE", "20000"))
BIG = 100_000
RUNS = os.environ.get("RUNS")
BASELINE = os.environ.get("BASELINE")
# RUBRIC is the ladder every run scores against (both binaries, the sheets, the Python
# baseline): with BASELINE, the baseline revision's own, so that both read the same sheet.
RUBRIC = os.environ.get("RUBRIC") or "rubric/default.yaml"
MILLION = os.environ.get("MILLION")
MILLION_PEOPLE = 1_000_000
# The calibration sheet: CAL_PEOPLE people, each with a self-assessment, a manager's and
# two peers' ratings (bench/gensheet -peers 2): 100,000 ratings.
CAL_PEOPLE = 25_000
CAL_FORMATS = ["table", "markdown", "csv", "json", "html"]
FORMATS = {"csv": "csv", "json": "json", "markdown": "md", "table": "txt", "html": "html", "xlsx": "xlsx"}
MB = 1024  # ru_maxrss is in KB on Linux


# cpu_of_last_run is the CPU seconds (user + system) of the last run_once: on a shared,
# loaded machine CPU time compares two binaries far more steadily than wall time does.
cpu_of_last_run = [0.0]


def run_once(cmd, out=None):
    """Run cmd once; return (wall seconds, peak RSS in KB), then delete its output file.

    A child's ru_maxrss starts at this script's own peak (Linux carries it over the fork and
    exec), so the reading is the child's true peak only above that: this script keeps its
    own memory small, and prints its peak.
    """
    wall, kb, _ = run_cpu(cmd, out)
    return wall, kb


def run_cpu(cmd, out=None):
    """run_once, with the child's CPU time (user and system seconds) too."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    cpu_of_last_run[0] = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    if out:
        os.remove(out)
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def measure_inputs(cmds, runs):
    """Median wall, largest peak RSS (KB) and median CPU of each command, the commands'
    runs interleaved (one of each in turn), so that the machine's noise falls on all alike."""
    results = [[] for _ in cmds]
    for _ in range(runs):
        for i, (cmd, out) in enumerate(cmds):
            results[i].append(run_cpu(cmd, out))
    return [(statistics.median(w for w, _, _ in r), max(kb for _, kb, _ in r), statistics.median(c for _, _, c in r))
            for r in results]


def measure(cmd, runs, out=None):
    """Median wall seconds and largest peak RSS (KB) over runs of cmd."""
    wall, kb, _ = measure_cpu(cmd, runs, out)
    return wall, kb


def measure_cpu(cmd, runs, out=None):
    """measure, with the median CPU seconds (user + system) too."""
    results = [run_cpu(cmd, out) for _ in range(runs)]
    return (statistics.median(w for w, _, _ in results), max(kb for _, kb, _ in results),
            statistics.median(c for _, _, c in results))


def measure_pair(cmd, base, runs, out):
    """measure for cmd and for base, their runs interleaved: (wall, KB) of each, and the
    ratio of their median CPU times."""
    mine, theirs, cpu_mine, cpu_theirs = [], [], [], []
    for _ in range(runs):
        mine.append(run_once(cmd, out))
        cpu_mine.append(cpu_of_last_run[0])
        theirs.append(run_once(base, out))
        cpu_theirs.append(cpu_of_last_run[0])
    return ((statistics.median(w for w, _ in mine), max(kb for _, kb in mine)),
            (statistics.median(w for w, _ in theirs), max(kb for _, kb in theirs)),
            statistics.median(cpu_mine) / statistics.median(cpu_theirs))


def team(people, fmt, binary=f"{OUT}/pmladder"):
    out = f"{OUT}/review-{people}.{FORMATS[fmt]}"
    return [binary, "--rubric", RUBRIC, "team", f"{OUT}/team-{people}.csv", "--format", fmt, "-o", out], out


def verdict(ok, text):
    print(f"  [{'met' if ok else 'MISSED'}] {text}")
    return ok


def worst(values, limit, unit):
    """'worst: F V' when every value is within limit, else 'missed by: F V, ...'."""
    over = [f"{f} {v:.1f}{unit}" for f, v in values.items() if v > limit]
    if over:
        return "missed by: " + ", ".join(over)
    f = max(values, key=values.get)
    return f"worst: {f} {values[f]:.2f}{unit}"



def show_table(head, rows, name):
    """Prints a table aligned (the first column left, the others right) and writes it as
    Markdown to OUT/name, for the README."""
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    for r in [head] + rows:
        print("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    with open(f"{OUT}/{name}", "w", encoding="utf-8") as f:
        f.write("| " + " | ".join(head) + " |\n|" + "|".join([":---"] + ["---:"] * (len(head) - 1)) + "|\n")
        f.writelines("| " + " | ".join(r) + " |\n" for r in rows)

def main():
    sizes = [PEOPLE, BIG]

    # The Python baseline must write what pmladder writes, byte for byte.
    pm, pm_out = team(PEOPLE, "csv")
    py_out = f"{OUT}/python.csv"
    py = [sys.executable, "bench/team_score.py", RUBRIC, f"{OUT}/team-{PEOPLE}.csv", py_out]
    run_once(pm)
    run_once(py)
    same = filecmp.cmp(pm_out, py_out, shallow=False)  # in chunks: see run_once
    os.remove(pm_out)

    wall, kb, cpu, runs, base_wall, base_cpu = {}, {}, {}, {}, {}, {}
    # With MILLION, every format at 1,000,000 people too, once each (a run is minutes).
    team_sizes = sizes + ([MILLION_PEOPLE] if MILLION else [])
    for people in team_sizes:
        for fmt in FORMATS:
            n = runs[fmt, people] = 1 if people == MILLION_PEOPLE else int(RUNS or (7 if fmt == "csv" else 5 if people < BIG else 3))
            cmd, out = team(people, fmt)
            if BASELINE and people != MILLION_PEOPLE:
                (wall[fmt, people], kb[fmt, people]), (base_wall[fmt, people], _), base_cpu[fmt, people] = measure_pair(
                    cmd, team(people, fmt, BASELINE)[0], n, out)
                cpu[fmt, people] = float("nan")
            else:
                wall[fmt, people], kb[fmt, people], cpu[fmt, people] = measure_cpu(cmd, n, out)
    floor_out = f"{OUT}/floor.csv"
    floor = [f"{OUT}/iofloor", f"{OUT}/team-{PEOPLE}.csv", floor_out, "16"]
    t_floor, _ = measure(floor, int(RUNS or 7), floor_out)
    t_py, _ = measure(py, 3, py_out)
    t_help = statistics.median(run_once([f"{OUT}/pmladder", "--help"])[0] for _ in range(200))
    t_hello = statistics.median(run_once([f"{OUT}/hello"])[0] for _ in range(200))

    head = ["format", "people", "wall (median)", "CPU (median)", "peak RSS", "× CSV", "CPU µs/person", "runs"]
    rows = [[fmt, f"{people:,}", f"{wall[fmt, people] * 1000:,.0f} ms", f"{cpu[fmt, people] * 1000:,.0f} ms",
             f"{kb[fmt, people] / MB:.1f} MB", f"{wall[fmt, people] / wall['csv', people]:.2f}×",
             f"{cpu[fmt, people] / people * 1e6:.1f}", str(runs[fmt, people])]
            for fmt in FORMATS for people in team_sizes]
    if BASELINE:
        head += ["× baseline (wall)", "× baseline (CPU)"]
        for r, (fmt, people) in zip(rows, [(f, p) for f in FORMATS for p in team_sizes]):
            r += ([f"{wall[fmt, people] / base_wall[fmt, people]:.2f}×", f"{base_cpu[fmt, people]:.2f}×"]
                  if (fmt, people) in base_wall else ["", ""])
    print("pmladder team SHEET --format F -o OUT (wall: median of the runs; peak RSS: largest)"
          + (f"; baseline: {BASELINE}, runs interleaved" if BASELINE else ""))
    show_table(head, rows, "table.md")

    mem = {f: kb[f, BIG] / MB for f in FORMATS}
    slow = {f: wall[f, BIG] / wall["csv", BIG] for f in FORMATS}
    scale = {f: (wall[f, BIG] / BIG) / (wall[f, PEOPLE] / PEOPLE) for f in FORMATS}
    t_pm = wall["csv", PEOPLE]
    print("targets:")
    ok = [
        verdict(max(mem.values()) <= 64, f"peak memory at most 64 MB at {BIG:,} people, every format ({worst(mem, 64, ' MB')})"),
        verdict(max(slow.values()) <= 5, f"time at most 5× the CSV path at {BIG:,} people, every format ({worst(slow, 5, '×')})"),
        verdict(max(scale.values()) <= 1.4, f"cost per person at {BIG:,} at most 1.4× that at {PEOPLE:,}, every format ({worst(scale, 1.4, '×')})"),
        verdict(same and t_py / t_pm >= 30, f"CSV path at least 30× faster than Python at {PEOPLE:,} people: "
                f"{t_pm * 1000:.0f} ms vs {t_py * 1000:.0f} ms, {t_py / t_pm:.1f}×; same output: {'yes' if same else 'NO'}"),
        verdict(t_pm / t_floor <= 2, f"CSV path at most 2× the Go I/O floor at {PEOPLE:,} people: "
                f"{t_pm * 1000:.0f} ms vs {t_floor * 1000:.0f} ms, {t_pm / t_floor:.2f}×"),
        verdict(t_help / t_hello <= 1.3, f"start-up at most 1.3× a hello-world: pmladder --help "
                f"{t_help * 1000:.2f} ms vs {t_hello * 1000:.2f} ms, {t_help / t_hello:.2f}×"),
    ]
    if MILLION:
        m = MILLION_PEOPLE
        mem_m = {f: kb[f, m] / MB for f in FORMATS}
        # CPU per person, 1,000,000 against PEOPLE: the steadier measure on a shared machine.
        scale_m = {f: (cpu[f, m] / m) / (cpu[f, PEOPLE] / PEOPLE) for f in FORMATS if cpu[f, PEOPLE] == cpu[f, PEOPLE]}
        ok += [
            verdict(max(mem_m.values()) <= 100, f"peak memory at most 100 MB at {m:,} people, every format ({worst(mem_m, 100, ' MB')})"),
            verdict(bool(scale_m) and max(scale_m.values()) <= 1.4, f"CPU per person at {m:,} at most 1.4× that at {PEOPLE:,}, every format "
                    f"({worst(scale_m, 1.4, '×') if scale_m else 'not measured with BASELINE'})"),
        ]
    ok += workbook_input(sizes)
    ok += calibration()
    print("all targets met" if all(ok) else f"{ok.count(False)} of {len(ok)} targets missed")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB
    print(f"(the tables as Markdown: {OUT}/table.md, {OUT}/table-input.md, {OUT}/table-calibration.md; no peak RSS reads below this script's own, {own:.1f} MB)")


def workbook_input(sizes):
    """The workbook input against the CSV input, side by side, and its verdicts."""
    runs = int(RUNS or 5)
    rows, ok = [], []
    head = ["input", "people", "wall (median)", "CPU (median)", "peak RSS", "× CSV wall", "× CSV CPU"]
    same = True
    for people in sizes:
        out = {k: f"{OUT}/review-{people}-from-{k}.csv" for k in ("csv", "xlsx")}
        cmds = [([f"{OUT}/pmladder", "--rubric", RUBRIC, "team", f"{OUT}/team-{people}.{k}", "--format", "csv", "-o", out[k]], out[k])
                for k in ("csv", "xlsx")]
        for cmd, _ in cmds:  # once kept, to compare the outputs
            run_cpu(cmd)
        same = same and filecmp.cmp(out["csv"], out["xlsx"], shallow=False)
        for f in out.values():
            os.remove(f)
        (cw, ckb, cc), (xw, xkb, xc) = measure_inputs(cmds, runs)
        for name, (w, kb, c) in (("csv", (cw, ckb, cc)), ("xlsx", (xw, xkb, xc))):
            rows.append([name, f"{people:,}", f"{w * 1000:,.0f} ms", f"{c * 1000:,.0f} ms", f"{kb / MB:.1f} MB",
                         f"{w / cw:.2f}×", f"{c / cc:.2f}×"])
        if people == BIG:
            big = (cw, cc, xw, xc)
    # Reading alone, at 100,000: the two readers and excelize's Rows on the same workbook.
    reads = measure_inputs([([f"{OUT}/readsheet", f"{OUT}/team-{BIG}.csv"], None),
                            ([f"{OUT}/readsheet", f"{OUT}/team-{BIG}.xlsx"], None),
                            ([f"{OUT}/excelizerows", f"{OUT}/team-{BIG}.xlsx"], None)], runs)
    for name, (w, kb, c) in zip(("read csv", "read xlsx", "excelize Rows"), reads):
        rows.append([name, f"{BIG:,}", f"{w * 1000:,.0f} ms", f"{c * 1000:,.0f} ms", f"{kb / MB:.1f} MB",
                     f"{w / reads[0][0]:.2f}×", f"{c / reads[0][2]:.2f}×"])
    million = None
    if MILLION:
        m = 1_000_000
        out = f"{OUT}/review-{m}.csv"
        (rw, rkb, rc), (tw, tkb, tc), (cw, ckb, cc) = measure_inputs(
            [([f"{OUT}/readsheet", f"{OUT}/team-{m}.xlsx"], None),
             ([f"{OUT}/pmladder", "--rubric", RUBRIC, "team", f"{OUT}/team-{m}.xlsx", "--format", "csv", "-o", out], out),
             ([f"{OUT}/pmladder", "--rubric", RUBRIC, "team", f"{OUT}/team-{m}.csv", "--format", "csv", "-o", out], out)], 1)
        rows.append(["read xlsx", f"{m:,}", f"{rw * 1000:,.0f} ms", f"{rc * 1000:,.0f} ms", f"{rkb / MB:.1f} MB", "", ""])
        rows.append(["xlsx", f"{m:,}", f"{tw * 1000:,.0f} ms", f"{tc * 1000:,.0f} ms", f"{tkb / MB:.1f} MB", f"{tw / cw:.2f}×", f"{tc / cc:.2f}×"])
        rows.append(["csv", f"{m:,}", f"{cw * 1000:,.0f} ms", f"{cc * 1000:,.0f} ms", f"{ckb / MB:.1f} MB", "1.00×", "1.00×"])
        million = (rkb / MB, tkb / MB, ckb / MB)
    print(f"pmladder team SHEET --format csv -o OUT, the sheet as CSV and as a workbook, runs interleaved "
          f"({runs} each); then reading alone (bench/readsheet, bench/excelizerows)")
    show_table(head, rows, "table-input.md")
    cw, cc, xw, xc = big
    (_, _, rc), (_, _, xr), (_, _, er) = reads
    print("targets (workbook input):")
    ok.append(verdict(xw / cw <= 3 and same, f"workbook input at most 3× the CSV input at {BIG:,} people: "
                      f"{xw * 1000:,.0f} ms vs {cw * 1000:,.0f} ms, {xw / cw:.2f}× (CPU {xc / cc:.2f}×); same output: {'yes' if same else 'NO'}"))
    ok.append(verdict(xr < er, f"the workbook reader faster than excelize's Rows at {BIG:,} people: "
                      f"CPU {xr * 1000:,.0f} ms vs {er * 1000:,.0f} ms ({er / xr:.1f}× faster; the CSV reader {rc * 1000:,.0f} ms)"))
    if million:
        ok.append(verdict(million[0] <= 128, f"a workbook of 1,000,000 people read with a peak RSS of at most 128 MB: "
                          f"{million[0]:.1f} MB (the whole review: {million[1]:.1f} MB from the workbook, {million[2]:.1f} MB from CSV)"))
    return ok


def calibration():
    """`team --calibration` of 100,000 ratings in every format against the CSV team path
    at 100,000 people, runs interleaved, and its verdict."""
    runs = int(RUNS or 3)
    csv_out = f"{OUT}/review-{BIG}.csv"
    cmds = [([f"{OUT}/pmladder", "--rubric", RUBRIC, "team", f"{OUT}/team-{BIG}.csv", "--format", "csv", "-o", csv_out], csv_out)]
    for fmt in CAL_FORMATS:
        out = f"{OUT}/calibration.{FORMATS[fmt]}"
        cmds.append(([f"{OUT}/pmladder", "--rubric", RUBRIC, "team", f"{OUT}/calibration-{CAL_PEOPLE}.csv", "--calibration",
                      "--format", fmt, "-o", out], out))
    results = measure_inputs(cmds, runs)
    (cw, ckb, cc) = results[0]
    head = ["run", "rows", "wall (median)", "CPU (median)", "peak RSS", "× CSV wall", "× CSV CPU"]
    rows = [["team --format csv", f"{BIG:,} people", f"{cw * 1000:,.0f} ms", f"{cc * 1000:,.0f} ms", f"{ckb / MB:.1f} MB", "1.00×", "1.00×"]]
    ratio, mem = {}, {}
    for fmt, (w, kb, c) in zip(CAL_FORMATS, results[1:]):
        rows.append([f"--calibration --format {fmt}", f"{CAL_PEOPLE * 4:,} ratings", f"{w * 1000:,.0f} ms", f"{c * 1000:,.0f} ms",
                     f"{kb / MB:.1f} MB", f"{w / cw:.2f}×", f"{c / cc:.2f}×"])
        ratio[fmt], mem[fmt] = max(w / cw, c / cc), kb / MB
    print(f"pmladder team --calibration of {CAL_PEOPLE:,} people × self, manager and two peers, against the CSV team path; "
          f"runs interleaved ({runs} each)")
    show_table(head, rows, "table-calibration.md")
    print("targets (calibration):")
    return [
        verdict(max(ratio.values()) <= 3, f"calibration of {CAL_PEOPLE * 4:,} ratings at most 3× the CSV team path at {BIG:,} people, "
                f"wall and CPU, every format ({worst(ratio, 3, '×')})"),
        verdict(max(mem.values()) <= 128, f"calibration of {CAL_PEOPLE * 4:,} ratings in at most 128 MB, every format ({worst(mem, 128, ' MB')})"),
    ]


if __name__ == "__main__":
    main()
