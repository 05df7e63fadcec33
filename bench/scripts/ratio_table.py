#!/usr/bin/python3
"""NetGen against handc (and torch, when present) from one bench.py run's results.jsonl.

For every workload and repetition r, the ratio netgen_r / handc_r is taken between runs of the same interleaved
repetition (same slow or fast phase of the VM); the table gives the median of those per-repetition ratios,
next to the medians of the raw ns/sample and the target of the performance issue.

    bench/scripts/ratio_table.py /tmp/peers/results-netgen.jsonl
"""
import json
import statistics
import sys

ORDER = ["xor", "iris", "digits", "mnist", "deep", "mnist_b64"]
TARGET = {"xor": 1.10, "iris": 1.10, "digits": 1.10, "deep": 1.10, "mnist": 1.25, "mnist_b64": 1.25}


def main():
    rows = [json.loads(l) for l in open(sys.argv[1])]
    by = {}
    for r in rows:
        by.setdefault((r["runner"], r["workload"]), {})[r["rep"]] = r
    runners = sorted({r["runner"] for r in rows} - {"handc", "netgen"})
    head = ["workload", "handc train", "NetGen train", "NetGen ÷ handc train", "handc infer", "NetGen infer",
            "NetGen ÷ handc infer", "target"]
    for o in runners:
        head += ["%s train (÷ handc)" % o, "%s infer (÷ handc)" % o]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    fmt = lambda v: "{:,.0f}".format(v) if v >= 100 else "%.1f" % v
    for wl in ORDER:
        h, n = by.get(("handc", wl)), by.get(("netgen", wl))
        if not h or not n:
            continue
        reps = sorted(set(h) & set(n))
        cells = [wl]
        for key in ("train_ns_per_sample", "infer_ns_per_sample"):
            ratios = [n[r][key] / h[r][key] for r in reps]
            cells += [fmt(statistics.median(h[r][key] for r in reps)), fmt(statistics.median(n[r][key] for r in reps)),
                      "**%.2f×** (%s)" % (statistics.median(ratios), ", ".join("%.2f" % q for q in ratios))]
        cells.append("≤ %.2f×" % TARGET[wl])
        for o in runners:
            p = by.get((o, wl))
            for key in ("train_ns_per_sample", "infer_ns_per_sample"):
                if not p:
                    cells.append("")
                    continue
                rr = sorted(set(p) & set(h))
                cells.append("%s (%.1f×)" % (fmt(statistics.median(p[r][key] for r in rr)),
                                             statistics.median(p[r][key] / h[r][key] for r in rr)))
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
