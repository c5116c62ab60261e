#!/usr/bin/env python3
"""Measure pmladder's three performance targets side by side, in one run (issue 7).

1. `pmladder team SHEET --format csv -o OUT` on PEOPLE people (default 20,000) against
   bench/team_score.py (a straightforward Python script: target 30x faster) and
   bench/iofloor (a Go program that only parses the sheet and writes as many rows: target
   within 2x). The Python output must be byte-for-byte pmladder's.
2. Peak memory of the same at 100,000 people (/usr/bin/time -v; target 64 MB at most).
3. `pmladder --help` start-up against bench/hello, a hello-world linking the same four
   libraries (target within 1.3x).

Run by `make bench`; expects the binaries in bench/out (the Makefile builds them).
Times are the median of several runs, wall clock.
"""
import os
import re
import statistics
import subprocess
import sys
import time

OUT = "bench/out"
PEOPLE = int(os.environ.get("PEOPLE", "20000"))


def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(cmd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_kb(cmd):
    res = subprocess.run(["/usr/bin/time", "-v"] + cmd, check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr).group(1))


def main():
    sheet = f"{OUT}/team-{PEOPLE}.csv"
    big = f"{OUT}/team-100000.csv"
    skills = "16"
    pm = [f"{OUT}/pmladder", "team", sheet, "--format", "csv", "-o", f"{OUT}/review.csv"]
    py = [sys.executable, "bench/team_score.py", "rubric/default.yaml", sheet, f"{OUT}/python.csv"]
    floor = [f"{OUT}/iofloor", sheet, f"{OUT}/floor.csv", skills]

    run(pm)
    run(py)
    same = open(f"{OUT}/review.csv", "rb").read() == open(f"{OUT}/python.csv", "rb").read()

    t_pm = median_time(pm, 15)
    t_floor = median_time(floor, 15)
    t_py = median_time(py, 3)
    kb = peak_kb([f"{OUT}/pmladder", "team", big, "--format", "csv", "-o", f"{OUT}/review-100000.csv"])
    t_help = median_time([f"{OUT}/pmladder", "--help"], 200)
    t_hello = median_time([f"{OUT}/hello"], 200)

    print(f"team scoring, {PEOPLE} people, --format csv -o (median wall time)")
    print(f"  pmladder            {t_pm * 1000:8.1f} ms")
    print(f"  python baseline     {t_py * 1000:8.1f} ms   pmladder is {t_py / t_pm:5.1f}x faster (target 30x); same output: {same}")
    print(f"  Go I/O floor        {t_floor * 1000:8.1f} ms   pmladder takes {t_pm / t_floor:5.2f}x the floor (target at most 2x)")
    print(f"peak memory, 100,000 people: {kb / 1024:.1f} MB (target at most 64 MB)")
    print(f"start-up: pmladder --help {t_help * 1000:.2f} ms, hello-world {t_hello * 1000:.2f} ms: {t_help / t_hello:.2f}x (target at most 1.3x)")
    ok = same and t_py / t_pm >= 30 and t_pm / t_floor <= 2 and kb <= 64 * 1024 and t_help / t_hello <= 1.3
    print("all targets met" if ok else "a target is missed")


if __name__ == "__main__":
    main()
