#!/usr/bin/python3
"""What the JIT compiled each generated method of NetGen.Bench's networks as, per workload.

Runs the runner once per workload with DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1 (plus any extra
environment given as NAME=VALUE arguments, e.g. DOTNET_TieredPGO=0) and prints a markdown table of the
tiers each generated member went through, the last one in bold when it is MinOpts or Tier0.

    bench/scripts/jit_tiers.py --netgen 'dotnet bench/NetGen.Bench/bin/Release/net10.0/NetGen.Bench.dll' \
        --data ../shared/bench/data [DOTNET_TieredPGO=0 ...]
"""
import argparse
import os
import re
import shlex
import subprocess
import tempfile

WORKLOADS = ["xor", "iris", "digits", "mnist", "deep", "mnist_b64", "digits_b32", "mnist_b256"]
NET = {"xor": "XorNet", "iris": "IrisNet", "digits": "DigitsNet", "mnist": "MnistNet", "deep": "DeepNet", "mnist_b64": "MnistNet",
       "digits_b32": "DigitsNet", "mnist_b256": "MnistNet"}
METHODS = ["Forward", "ForwardBatch", "ComputeLoss", "Backward", "BackwardBatch", "BackwardIntoBlock", "TrainStep", "TrainBatch",
           "ApplyGradients"]
STEPS = {"xor": 2000000, "iris": 200000, "digits": 20000, "mnist": 2000, "deep": 4000, "mnist_b64": 19840, "digits_b32": 17920,
         "mnist_b256": 17920}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--netgen", required=True)
    ap.add_argument("--data", default=None)
    ap.add_argument("env", nargs="*")
    a = ap.parse_args()
    print("| workload | " + " | ".join(METHODS) + " |")
    print("|---|" + "---|" * len(METHODS))
    for wl in WORKLOADS:
        with tempfile.TemporaryDirectory() as t:
            log = os.path.join(t, "jit.txt")
            env = dict(os.environ, DOTNET_JitStdOutFile=log, DOTNET_JitDisasmSummary="1")
            env.update(kv.split("=", 1) for kv in a.env)
            argv = shlex.split(a.netgen) + [wl, "--steps", str(STEPS[wl]), "--infer-steps", str(STEPS[wl]), "--infer-batch", "64"]
            if a.data:
                argv += ["--data", a.data]
            subprocess.run(argv, env=env, check=True, capture_output=True)
            tiers = {m: [] for m in METHODS}
            for line in open(log, errors="replace"):
                m = re.search(r"JIT compiled NetGen\.Bench\.Networks\.%s:(\w+)\(.*\[(.*?), IL size=(\d+)" % NET[wl], line)
                if m and m.group(1) in tiers:
                    tiers[m.group(1)].append((m.group(2), int(m.group(3))))
        cells = []
        for m in METHODS:
            if not tiers[m]:
                cells.append("—")
                continue
            last = tiers[m][-1][0]
            steps = [t for t, _ in tiers[m][:-1]] + [("**%s**" % last) if ("MinOpts" in last or last.endswith("Tier0")) else last]
            cells.append("%s (IL %s)" % (" → ".join(steps), "{:,}".format(tiers[m][-1][1])))
        print("| %s | %s |" % (wl, " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main()
