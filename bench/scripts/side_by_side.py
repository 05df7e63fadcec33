#!/usr/bin/python3
"""The two halves of bench/scripts/side-by-side.sh that are easier in Python than in bash.

    side_by_side.py steps RESULTS.jsonl SECONDS     step counts from the calibration runs (rep 0), one line per config
    side_by_side.py table RESULTS.jsonl             the markdown tables from the timed runs (rep >= 1)

A config is RUNNER:WORKLOAD:THREADS:INFER_BATCH (INFER_BATCH '-' for none) and names one kind of run; every JSON line
the shell script stores carries it as "config", with "rep" (0 for the calibration run).
"""
import json
import statistics
import sys

# Multiply-adds per sample and layer (the weights of each layer), as in the workload tables.
WEIGHTS = {
    "digits": [64 * 64, 64 * 10],
    "mnist": [784 * 128, 128 * 10],
}
NETWORK = {"digits": "digits", "digits_b32": "digits", "mnist": "mnist", "mnist_b64": "mnist", "mnist_b256": "mnist"}
BATCH_INFER_SHARE = 3.0   # a batch-1 inference loop may take up to 3x the target when it shares --infer-steps


def flops_infer(workload):
    """2 FLOP per multiply-add of the forward products (biases and activations not counted)."""
    return 2.0 * sum(WEIGHTS[NETWORK[workload]])


def flops_train(workload):
    """Forward, weight gradient and the deltas of every layer but the first (handc's count without its bias terms)."""
    w = WEIGHTS[NETWORK[workload]]
    return 2.0 * sum(w) + 2.0 * sum(w) + 2.0 * sum(w[1:])


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def steps(path, seconds):
    """Train steps for `seconds` of training and infer steps for `seconds` of the loop that matters for the table."""
    target = seconds * 1e9
    for r in load(path):
        if r.get("rep") != 0 or "config" not in r or "error" in r:
            continue
        runner, workload, _, infer_batch = r["config"].split(":")
        train_ns = r.get("train_ns_per_sample")
        infer_ns = r.get("infer_ns_per_sample") or 1e4
        batch_ns = r.get("infer_batch_ns_per_sample")
        # deep's training is in no row of the table: a short loop
        # at least 1024 samples (whole batches of 32, 64 and 256)
        train = max(1024, int((0.2 if workload == "deep" else 1.0) * target / train_ns)) if train_ns else 0
        if batch_ns and infer_batch != "-":
            # the batched loop ~seconds, unless the batch-1 loop (same --infer-steps) would pass BATCH_INFER_SHARE x that
            infer = min(target / batch_ns, BATCH_INFER_SHARE * target / infer_ns)
        elif r["config"] in INFER_ROWS:
            infer = target / infer_ns
        else:
            infer = 0.2 * target / infer_ns   # batch-1 inference is not in the table for this config
        print(r["config"], train, max(256, int(infer)))


# Configs whose batch-1 inference is a row of the table.
INFER_ROWS = {"netgen:deep:1:-", "handc:deep:1:-", "torchsharp:deep:1:-", "ort:deep:1:-",
              "handc:mnist_b64:1:-", "handc:digits:1:-"}

COLUMNS = [("handc", 1, "handc"), ("netgen", 1, "NetGen 1T"), ("netgen", 2, "NetGen 2T"),
           ("torchsharp", 1, "TorchSharp 1T"), ("torchsharp", 2, "TorchSharp 2T"),
           ("ort", 1, "ORT 1T"), ("ort", 2, "ORT 2T")]

# (label, workload, JSON field, {runner: its own workload, or None for no cell}, FLOPs per sample for the GFLOP/s table
# or None); each column gives the runner and the threads.
ROWS = [
    ("mnist_b64 training (784-128-10, batch 64)", "mnist_b64", "train_ns_per_sample", {"ort": None}, flops_train),
    ("mnist inference, batch 64", "mnist_b64", "infer_batch_ns_per_sample", {"handc": None, "ort": "mnist"}, flops_infer),
    ("mnist inference, batch 1", "mnist_b64", "infer_ns_per_sample", {"ort": "mnist"}, None),
    ("digits inference, batch 64", "digits", "infer_batch_ns_per_sample", {"handc": None}, flops_infer),
    ("digits inference, batch 1", "digits", "infer_ns_per_sample", {}, None),
    ("deep inference (32-64-64-64-1 tanh), batch 1", "deep", "infer_ns_per_sample", {}, None),
    ("digits_b32 training (64-64-10, batch 32; NetGen's own)", "digits_b32", "train_ns_per_sample",
     {"handc": None, "torchsharp": None, "ort": None}, flops_train),
    ("mnist_b256 training (784-128-10, batch 256; NetGen's own)", "mnist_b256", "train_ns_per_sample",
     {"handc": None, "torchsharp": None, "ort": None}, flops_train),
    ("xor training, per sample", "xor", "train_ns_per_sample", {"ort": None}, None),
    ("iris training, per sample", "iris", "train_ns_per_sample", {"ort": None}, None),
    ("digits training, per sample", "digits", "train_ns_per_sample", {"ort": None}, None),
    ("mnist training, per sample", "mnist", "train_ns_per_sample", {"torchsharp": None, "ort": None}, None),
]


def table(path):
    rows = load(path)
    runs = {}
    for r in rows:
        if r.get("rep", 0) >= 1 and "config" in r and "error" not in r:
            runner, workload, threads, _ = r["config"].split(":")
            runs.setdefault((runner, workload, int(threads)), {})[r["rep"]] = r
    peaks = [max(r["gflops_512"], r["gflops_256"]) for r in rows if r.get("runner") == "fma-peak" and r.get("rep", 0) >= 1]
    peak = max(peaks) if peaks else None

    def values(runner, workload, threads, field):
        reps = runs.get((runner, workload, threads), {})
        return {rep: r[field] for rep, r in reps.items() if r.get(field) is not None}

    def cell(label_row, runner, threads):
        label, workload, field, overrides, _ = label_row
        workload = overrides.get(runner, workload)
        if workload is None:
            return None
        v = values(runner, workload, threads, field)
        return v or None

    fmt = lambda v: "{:,.0f}".format(v) if v >= 100 else "%.1f" % v
    head = ["ns per sample (median)"] + [c[2] for c in COLUMNS] + ["NetGen ÷ TorchSharp (1T)", "NetGen ÷ ORT (1T)", "NetGen 1T ÷ 2T"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    gflops_lines = []
    for row in ROWS:
        cells = [row[0]]
        medians = {}
        for runner, threads, _ in COLUMNS:
            v = cell(row, runner, threads)
            if v is None:
                cells.append("—")
                continue
            medians[(runner, threads)] = v
            m = statistics.median(v.values())
            spread = max(v.values()) / min(v.values())
            cells.append("%s (×%.2f)" % (fmt(m), spread) if len(v) > 1 else fmt(m))
        for a, b in [(("netgen", 1), ("torchsharp", 1)), (("netgen", 1), ("ort", 1)), (("netgen", 1), ("netgen", 2))]:
            if a in medians and b in medians:
                reps = sorted(set(medians[a]) & set(medians[b]))
                ratios = [medians[a][r] / medians[b][r] for r in reps]
                cells.append("%.2f" % statistics.median(ratios) if ratios else "—")
            else:
                cells.append("—")
        out.append("| " + " | ".join(cells) + " |")
        if row[4] is not None:
            g = [row[0]]
            for runner, threads, _ in COLUMNS:
                v = medians.get((runner, threads))
                if v is None:
                    g.append("—")
                    continue
                rate = row[4](row[1]) / statistics.median(v.values())
                g.append("%.1f (%.0f %%)" % (rate, 100 * rate / (threads * peak)) if peak else "%.1f" % rate)
            gflops_lines.append("| " + " | ".join(g) + " |")
    print("\n".join(out))
    print()
    print("(×s: the largest over the smallest repetition.) Ratios: medians of the per-repetition ratios.")
    print()
    head = ["GFLOP/s (% of FMA peak)"] + [c[2] for c in COLUMNS]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    print("\n".join(gflops_lines))
    print()
    if peak:
        print("FMA peak, one core: %.1f GFLOP/s (the best of the %d per-repetition bench/fma-peak runs: %s); "
              "2T cells are against twice that." % (peak, len(peaks), ", ".join("%.1f" % p for p in peaks)))
    reps = sorted({r["rep"] for r in rows if r.get("rep", 0) >= 1})
    errors = [r for r in rows if "error" in r]
    print("Repetitions: %d.%s" % (len(reps), " Failed runs: " + ", ".join("%s rep %s (%s)" % (r["config"], r["rep"], r["error"])
                                                                          for r in errors) if errors else ""))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "steps":
        steps(sys.argv[2], float(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        sys.exit(__doc__)
