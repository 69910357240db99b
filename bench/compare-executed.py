#!/usr/bin/env python3
"""Compares two folders of executed notebooks (the runner's --out DIR/notebooks): per code cell, its outcome
(ok / failed / not run), the BackendLab check and setup markers its outputs carry, and its outputs' kinds and MIME
types in order. Prints every difference and exits 1 if there is any.

    python3 bench/compare-executed.py /tmp/old-course/notebooks artifacts/course/notebooks
"""
import json
import os
import re
import sys

CHECK = re.compile(r"""data-backendlab-(check|setup)=["']([a-z-]+)["']""")


def text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def summary(cell):
    """What the comparison looks at in one executed code cell."""
    outputs = cell.get("outputs", [])
    kinds, markers = [], []
    for o in outputs:
        kind = o["output_type"]
        if kind == "stream":
            kinds.append(f"stream:{o.get('name')}")
            markers += CHECK.findall(text(o.get("text")))
        elif kind in ("display_data", "execute_result"):
            kinds.append(f"{kind}:{'+'.join(sorted(o.get('data', {})))}")
            for v in o.get("data", {}).values():
                markers += CHECK.findall(text(v))
        else:
            kinds.append(kind)
    if any(o["output_type"] == "error" for o in outputs):
        outcome = "failed"
    elif cell.get("execution_count") is None:
        outcome = "not run"
    else:
        outcome = "ok"
    return outcome, kinds, markers


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(old_dir, new_dir):
    names = sorted(n for n in os.listdir(old_dir) if n.endswith(".ipynb"))
    missing = sorted(set(names) ^ set(n for n in os.listdir(new_dir) if n.endswith(".ipynb")))
    differences = [f"only in one folder: {n}" for n in missing]
    cells_compared = 0
    for name in names:
        if name in missing:
            continue
        old_cells = [c for c in load(os.path.join(old_dir, name))["cells"] if c["cell_type"] == "code"]
        new_cells = [c for c in load(os.path.join(new_dir, name))["cells"] if c["cell_type"] == "code"]
        if len(old_cells) != len(new_cells):
            differences.append(f"{name}: {len(old_cells)} code cells before, {len(new_cells)} now")
            continue
        for i, (old, new) in enumerate(zip(old_cells, new_cells), start=1):
            cells_compared += 1
            a, b = summary(old), summary(new)
            for label, x, y in zip(("outcome", "outputs (kind:MIME)", "check/setup markers"), a, b):
                if x != y:
                    first = text(new.get("source")).strip().splitlines()[0:1]
                    differences.append(f"{name}, code cell {i} ({first[0] if first else ''}): {label}\n    old: {x}\n    new: {y}")
    for d in differences:
        print(d)
    print(f"{len(names)} notebook(s), {cells_compared} code cell(s) compared: {len(differences)} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
