#!/usr/bin/python3
"""Equal-epoch learning check: NetGen.Bench against handc, from the yardstick's shared weights and data.

Runs every workload for the yardstick's learning-check epochs (bench.py's LEARN_EPOCHS) with both runners and
prints a markdown table of initial/final losses, accuracies and the differences.

    bench/scripts/learning_check.py --handc-dir /tmp/peers/build --data /work/shared/bench/data \
        --netgen 'dotnet bench/NetGen.Bench/bin/Release/net10.0/NetGen.Bench.dll'
"""
import argparse
import json
import shlex
import subprocess

LEARN_EPOCHS = {"xor": 2000, "iris": 50, "digits": 10, "mnist": 5, "deep": 10, "mnist_b64": 10}


def run(argv):
    p = subprocess.run(argv, capture_output=True, text=True, check=True)
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    assert len(lines) == 1, p.stdout
    return json.loads(lines[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--handc-dir", required=True, help="folder with handc_<workload> binaries")
    ap.add_argument("--data", required=True, help="the yardstick's data folder")
    ap.add_argument("--netgen", required=True, help="command that runs NetGen.Bench")
    ap.add_argument("--workloads", default=",".join(LEARN_EPOCHS))
    a = ap.parse_args()
    print("| workload | epochs | handc loss0 → loss | NetGen loss0 → loss | abs diff final | rel diff final | acc handc / NetGen |")
    print("|---|---|---|---|---|---|---|")
    for wl in a.workloads.split(","):
        e = str(LEARN_EPOCHS[wl])
        h = run(["%s/handc_%s" % (a.handc_dir, wl), "--epochs", e, "--infer-steps", "100", "--data", a.data])
        n = run(shlex.split(a.netgen) + [wl, "--epochs", e, "--infer-steps", "100", "--data", a.data])
        d = abs(h["final_loss"] - n["final_loss"])
        acc = lambda r: "" if r.get("accuracy") is None else "%.1f%%" % (100 * r["accuracy"])
        print("| %s | %s | %.6g → %.6g | %.6g → %.6g | %.2e | %.2e | %s / %s |" % (
            wl, e, h["initial_loss"], h["final_loss"], n["initial_loss"], n["final_loss"], d,
            d / abs(h["final_loss"]), acc(h), acc(n)), flush=True)


if __name__ == "__main__":
    main()
