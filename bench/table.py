"""Prints the comparison table (Markdown) from the results the driver collected.

usage: table.py RESULTS.jsonl

Each line of RESULTS.jsonl is one tool on one case: case, rho, mode, tool, status, first_s,
median_s, and for path modes the objective excess over the tight reference solve.
"""
import json
import sys

TARGET = {"path": 1.0, "enet": 1.0, "cv": 0.6}
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows.setdefault((r["case"], r["rho"], r["mode"]), {})[r["tool"]] = r


def ok(r):
    return r is not None and r.get("status") == "ok"


def secs(r, key="median_s"):
    if r is None:
        return "-"
    return f"{r[key]:.3g}" if ok(r) else r.get("status", "?")


def excess(r):
    return "-" if r is None or r.get("excess") is None else f"{r['excess']:.1e}"


header = ["case", "rho", "mode", "glmnet s", "sklearn s", "l1path s", "l1path / best",
          "target", "excess glmnet", "excess sklearn", "excess l1path",
          "l1path first s", "glmnet first s", "first: l1path / glmnet"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
for (case, rho, mode), tools in rows.items():
    g, s, l = tools.get("glmnet"), tools.get("sklearn"), tools.get("l1path")
    others = [t["median_s"] for t in (g, s) if ok(t)]
    ratio, verdict = "-", "?"
    if ok(l) and others:
        q = l["median_s"] / min(others)
        ratio, verdict = f"{q:.2f}", ("met" if q <= TARGET[mode] else "MISSED")
    elif ok(l):
        ratio, verdict = "others failed", "met"
    first = f"{l['first_s'] / g['first_s']:.1f}" if ok(l) and ok(g) else "-"
    cells = [case, f"{rho:g}", mode, secs(g), secs(s), secs(l), ratio,
             f"<= {TARGET[mode]:g} {verdict}", excess(g), excess(s), excess(l),
             secs(l, "first_s"), secs(g, "first_s"), first]
    print("| " + " | ".join(cells) + " |")
