#!/usr/bin/env python3
"""Per-notebook wall times from runner logs written by bench/runner-old-vs-new.sh (old-N.log, new-N.log):
medians per runner, the ratio new/old and the allowance (1.15x or +3 s, whichever is larger), and for the new
runner where a notebook's time goes (kernel start and warm-up, which the next notebook's kernel does while the
previous notebook runs; the first code cell, which holds the first #r; the other cells).

    python3 bench/runner-times.py /tmp/runner-bench
"""
import glob
import os
import re
import statistics
import sys

NB = re.compile(r"=> (\S+\.ipynb): .*?([\d.]+) s$")
TOTAL = re.compile(r"Summary: .*; ([\d.]+) s$")
KERNEL = re.compile(r"kernel\s+pid \d+: start ([\d.]+) s, warm-up ([\d.]+) s; this notebook waited ([\d.]+) s")
CELL = re.compile(r"^\s+cell\s+\d+\s+(?:ok|FAILED|TIMEOUT)\s+([\d.]+) s")


def parse(path):
    notebooks, total, parts, current = {}, None, {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("[") and line.endswith(".ipynb"):
            current = os.path.basename(line.split()[-1])
            parts[current] = {"start": 0.0, "warm": 0.0, "waited": 0.0, "cells": []}
        elif (m := KERNEL.search(line)) and current:
            parts[current].update(start=float(m[1]), warm=float(m[2]), waited=float(m[3]))
        elif (m := CELL.match(line)) and current:
            parts[current]["cells"].append(float(m[1]))
        elif m := NB.search(line):
            notebooks[m[1]] = float(m[2])
        elif m := TOTAL.search(line):
            total = float(m[1])
    return notebooks, total, parts


def main(folder):
    runs = {w: [parse(p) for p in sorted(glob.glob(os.path.join(folder, f"{w}-*.log")))] for w in ("old", "new")}
    runs = {w: [r for r in rs if r[1] is not None] for w, rs in runs.items()}
    print(f"complete runs: old {len(runs['old'])}, new {len(runs['new'])}")
    names = sorted(set().union(*(r[0] for r in runs["old"] + runs["new"])))
    print(f"{'notebook':42} {'old s':>8} {'new s':>8} {'new/old':>8} {'allowed':>8}  new: start+warm (waited), first cell, other cells")
    for name in names:
        old = statistics.median(r[0][name] for r in runs["old"] if name in r[0])
        new = statistics.median(r[0][name] for r in runs["new"] if name in r[0])
        allowed = max(old * 1.15, old + 3)
        p = [r[2][name] for r in runs["new"] if name in r[2]]
        split = (f"{statistics.median(x['start'] + x['warm'] for x in p):.1f} ({statistics.median(x['waited'] for x in p):.1f}), "
                 f"{statistics.median(x['cells'][0] if x['cells'] else 0 for x in p):.1f}, "
                 f"{statistics.median(sum(x['cells'][1:]) for x in p):.1f}")
        print(f"{name:42} {old:8.1f} {new:8.1f} {new / old:8.2f} {allowed:8.1f}  {'ok ' if new <= allowed else 'OVER'} {split}")
    old_total = statistics.median(r[1] for r in runs["old"])
    new_total = statistics.median(r[1] for r in runs["new"])
    print(f"{'whole course':42} {old_total:8.1f} {new_total:8.1f} {new_total / old_total:8.2f} {old_total * 1.15:8.1f}  "
          f"{'ok' if new_total <= old_total * 1.15 else 'OVER'}")
    for w in ("old", "new"):
        print(f"  {w} totals: {', '.join(f'{r[1]:.1f}' for r in runs[w])}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/runner-bench")
