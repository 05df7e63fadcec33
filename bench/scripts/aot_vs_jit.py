#!/usr/bin/env python3
"""The yardstick runner under the JIT against the same runner published with Native AOT, alternating.

Usage: aot_vs_jit.py REPS OUT.jsonl [--summary]
  Publish first (see docs/performance.md §8):
    dotnet build bench/NetGen.Bench -c Release                                              # JIT
    dotnet publish bench/NetGen.Bench -r linux-x64 -o /tmp/aotbench/native                  # AOT, IlcInstructionSet=native
    dotnet publish bench/NetGen.Bench -r linux-x64 -p:IlcInstructionSet=x86-64-v2 -o /tmp/aotbench/baseline
Every repetition runs each workload once per variant, back to back, in alternating order; the summary
gives per workload the median ns/sample and the median of the per-repetition ratios AOT / JIT.
"""
import collections, json, statistics, subprocess, sys

VARIANTS = {
    "jit": ["dotnet", "bench/NetGen.Bench/bin/Release/net10.0/NetGen.Bench.dll"],
    "aot-native": ["/tmp/aotbench/native/NetGen.Bench"],
    "aot-default": ["/tmp/aotbench/baseline/NetGen.Bench"],
}
WORKLOADS = {
    "xor": ["--steps", "2000000", "--infer-steps", "2000000"],
    "digits": ["--steps", "300000", "--infer-steps", "300000"],
    "mnist": ["--steps", "20000", "--infer-steps", "20000"],
}


def run(reps, out):
    with open(out, "a") as f:
        for rep in range(reps):
            for workload, args in WORKLOADS.items():
                order = list(VARIANTS) if rep % 2 == 0 else list(reversed(VARIANTS))
                for variant in order:
                    line = subprocess.run(VARIANTS[variant] + [workload] + args, capture_output=True, text=True, check=True).stdout
                    result = json.loads(line)
                    result.update(variant=variant, rep=rep)
                    f.write(json.dumps(result) + "\n")
                    f.flush()


def summary(path):
    rows = [json.loads(l) for l in open(path)]
    by = collections.defaultdict(dict)
    for r in rows:
        by[(r["workload"], r["rep"])][r["variant"]] = r
    reps = sorted({r["rep"] for r in rows})
    for workload in dict.fromkeys(r["workload"] for r in rows):
        for key in ("train_ns_per_sample", "infer_ns_per_sample"):
            medians = {v: statistics.median(by[(workload, k)][v][key] for k in reps) for v in VARIANTS}
            ratios = {v: [by[(workload, k)][v][key] / by[(workload, k)]["jit"][key] for k in reps] for v in ("aot-native", "aot-default")}
            print(workload, key, {v: round(m, 1) for v, m in medians.items()},
                  {v: (round(statistics.median(r), 2), [round(x, 2) for x in r]) for v, r in ratios.items()})


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "--summary":
        summary(sys.argv[2])
    else:
        run(int(sys.argv[1]), sys.argv[2])
        summary(sys.argv[2])
