#!/usr/bin/python3
"""Renders bench/cliff/results.jsonl (written by run_cliff.py) as the markdown tables of docs/performance.md."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHORT = {"Tier1 with Synthesized PGO": "Tier1", "Tier1 with Dynamic PGO": "Tier1", "Tier1": "Tier1",
         "Tier-0 switched to FullOpts": "FullOpts", "Tier-0 switched MinOpts": "**MinOpts**",
         "Instrumented Tier1": "Tier1 (instr.)", "Tier0": "Tier0 only", "Instrumented Tier0": "Tier0 only"}
METHODS = ("Forward", "Backward", "TrainStep")


def final(tiers):
    if not tiers:
        return "—"
    t = tiers[-1]
    return "%s (IL %s)" % (SHORT.get(t["tier"], t["tier"]), "{:,}".format(t["il"]))


def finals(mode):
    return tuple(SHORT.get(mode["tiers"][m][-1]["tier"], "?") if mode["tiers"][m] else "—" for m in METHODS)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "results.jsonl")
    rows = {}
    for line in open(path):
        r = json.loads(line)
        rows[(r["inputs"], r["hidden"], r["strategy"])] = r  # the last run of a point wins
    keys = sorted(rows)
    print("| network | weights | strategy | consumer rebuild s | generated lines | TrainStep ns | Forward ns | Backward ns | ÷ looped (TrainStep / Forward) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for k in keys:
        r = rows[k]
        name = "%d-%d-10" % (k[0], k[1])
        if "error" in r:
            print("| %s | %s | %s | failed: %s | | | | | |" % (name, k[0] * k[1] + 10 * k[1], k[2], r["error"][:80].replace("|", "/").replace("\n", " ")))
            continue
        t = r["jit"]["default"]["timing"]
        ratio = ""
        other = rows.get((k[0], k[1], "looped"))
        if k[2] in ("unrolled", "default") and other and "error" not in other:
            o = other["jit"]["default"]["timing"]
            ratio = "%.2f / %.2f" % (t["train_ns"] / o["train_ns"], t["forward_ns"] / o["forward_ns"])
        print("| %s | %s | %s | %.1f | %s | %s | %s | %s | %s |" % (
            name, "{:,}".format(r["weights"]), k[2], r["rebuild_median_s"], "{:,}".format(r["generated_lines"]),
            "{:,.0f}".format(t["train_ns"]), "{:,.0f}".format(t["forward_ns"]), "{:,.0f}".format(t["backward_ns"]), ratio))
    print()
    print("| network | strategy | Forward | Backward | TrainStep | with DOTNET_TieredPGO=0 | with DOTNET_TC_QuickJitForLoops=0 |")
    print("|---|---|---|---|---|---|---|")
    for k in keys:
        r = rows[k]
        if "error" in r:
            continue
        d = r["jit"]["default"]
        same = lambda m: "same" if finals(r["jit"][m]) == finals(d) else " / ".join(finals(r["jit"][m]))
        print("| %d-%d-10 | %s | %s | %s | %s | %s | %s |" % (
            k[0], k[1], k[2], final(d["tiers"]["Forward"]), final(d["tiers"]["Backward"]), final(d["tiers"]["TrainStep"]),
            same("pgo_off"), same("quickjitforloops_off")))


if __name__ == "__main__":
    main()
