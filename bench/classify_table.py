"""Prints compare-classification.sh's table (Markdown) from its results.

usage: classify_table.py RESULTS.jsonl TIGHT_TOL

Each line of RESULTS.jsonl is one tool in one mode on one case: case, n, p, classes, mode (path,
cv, tight = l1path's path at TIGHT_TOL, objective), tool, status, and the tool's own fields
(median_s, max_rel_gap, ...).
"""
import json
import sys

TARGET = {"path": 1.0, "cv": 0.6, "tight": 10.0}
tight_tol = sys.argv[2]
cases = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    cases.setdefault(r["case"], {})[(r["mode"], r["tool"])] = r


def ok(r):
    return r is not None and r.get("status") == "ok"


def secs(r):
    return "-" if r is None else f"{r['median_s']:.3g}" if ok(r) else r["status"]


def ratio(num, den, mode):
    if not (ok(num) and ok(den)):
        return "-"
    q = num["median_s"] / den["median_s"]
    return f"{q:.2f} " + ("met" if q <= TARGET[mode] else "MISSED")


def gap(r):
    return f"{r['max_rel_gap']:.1e}" if ok(r) and r.get("max_rel_gap") is not None else "-"


def excess(obj, tool):
    v = obj.get(tool) if ok(obj) else None
    return "-" if v is None else f"{v:.1e}"


header = ["case", "n x p", "K", "lambdas", "glmnet path s", "l1path path s",
          "l1path / glmnet (<= 1)", "cv.glmnet s", "l1path CV s", "l1path / cv.glmnet (<= 0.6)",
          f"l1path tol {tight_tol} / default (<= 10)", f"max rel gap default / {tight_tol}",
          "objective excess glmnet / l1path"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
for case, t in cases.items():
    first = next(iter(t.values()))
    g, l = t.get(("path", "glmnet")), t.get(("path", "l1path"))
    gcv, lcv, tight = t.get(("cv", "glmnet")), t.get(("cv", "l1path")), t.get(("tight", "l1path"))
    obj = t.get(("objective", "both"))
    cells = [case, f"{first['n']} x {first['p']}", str(first["classes"]),
             str(g["lambdas"]) if ok(g) else "-", secs(g), secs(l), ratio(l, g, "path"),
             secs(gcv), secs(lcv), ratio(lcv, gcv, "cv"),
             ratio(tight, l, "tight") if ok(tight) else secs(tight), f"{gap(l)} / {gap(tight)}",
             f"{excess(obj, 'glmnet')} / {excess(obj, 'l1path')}"]
    print("| " + " | ".join(cells) + " |")
