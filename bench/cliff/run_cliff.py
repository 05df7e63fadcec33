#!/usr/bin/python3
"""The size cliff: one network in -> hidden (ReLU) -> 10 (Softmax), CCE, SGD, generated fully unrolled
(NetGenUnrollMaxWeights = int.MaxValue) and with constant-bound loops (NetGenUnrollMaxWeights = 0) at several
widths, and with the generator's default per-layer choice (strategy "default"). For each point: consumer build time (rebuild of the consumer alone, generator included), generated
source size, ns per TrainStep / Forward / Backward, and the tiers the JIT reports for the generated methods
(DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1) with default settings, DOTNET_TieredPGO=0 and
DOTNET_TC_QuickJitForLoops=0.

    bench/cliff/run_cliff.py [--points 64x8,784x128] [--strategies unrolled,looped,default] [--out bench/cliff/results.jsonl]
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRATCH = os.environ.get("CLIFF_SCRATCH", "/tmp/netgen-cliff")
THRESHOLD = {"unrolled": 2147483647, "looped": 0, "default": None}  # default: the generator's own per-layer choice
DEFAULT_POINTS = ["64x8", "64x16", "64x32", "64x64", "64x128", "784x8", "784x16", "784x32", "784x64", "784x128"]
JIT_MODES = {"default": {}, "pgo_off": {"DOTNET_TieredPGO": "0"}, "quickjitforloops_off": {"DOTNET_TC_QuickJitForLoops": "0"}}
METHODS = ("Forward", "Backward", "TrainStep")


def sh(argv, cwd, env=None, timeout=1800):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(argv, cwd=cwd, env=e, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError("%s failed:\n%s\n%s" % (" ".join(argv), p.stdout[-3000:], p.stderr[-3000:]))
    return p.stdout


def jit_tiers(path):
    """method -> list of 'Tier (IL size, code size)' in compilation order, for CliffNet's generated methods."""
    tiers = {m: [] for m in METHODS}
    for line in open(path, errors="replace"):
        m = re.search(r"JIT compiled Cliff\.CliffNet:(\w+)\(.*\[(.*?), IL size=(\d+), code size=(\d+)", line)
        if m and m.group(1) in tiers:
            tiers[m.group(1)].append({"tier": m.group(2), "il": int(m.group(3)), "code": int(m.group(4))})
    return tiers


def point(inputs, hidden, strategy, build_reps):
    d = os.path.join(SCRATCH, "%dx%d-%s" % (inputs, hidden, strategy))
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(os.path.join(HERE, "template"), d)
    src = open(os.path.join(d, "CliffNet.cs.template")).read()
    os.remove(os.path.join(d, "CliffNet.cs.template"))
    net = os.path.join(d, "CliffNet.cs")
    open(net, "w").write(src.replace("@INPUTS@", str(inputs)).replace("@HIDDEN@", str(hidden)))
    props = ["-c", "Release", "-p:NetGenRoot=" + ROOT]
    if THRESHOLD[strategy] is not None:
        props += ["-p:NetGenUnrollMaxWeights=%d" % THRESHOLD[strategy], "-p:NetGenUnrollMaxFanIn=%d" % THRESHOLD[strategy]]
    t = time.time()
    sh(["dotnet", "build"] + props, d)
    first = time.time() - t
    builds = []
    for _ in range(build_reps):
        os.utime(net)
        t = time.time()
        sh(["dotnet", "build", "--no-restore", "--no-dependencies"] + props, d)
        builds.append(time.time() - t)
    gen = glob.glob(os.path.join(d, "obj", "Release", "net10.0", "generated", "**", "*.g.cs"), recursive=True)
    gen_bytes = sum(os.path.getsize(g) for g in gen)
    gen_lines = sum(sum(1 for _ in open(g, encoding="utf-8")) for g in gen)
    row = {"inputs": inputs, "hidden": hidden, "weights": inputs * hidden + hidden * 10, "strategy": strategy,
           "first_build_s": round(first, 2), "rebuild_s": [round(b, 2) for b in builds],
           "rebuild_median_s": round(statistics.median(builds), 2),
           "generated_bytes": gen_bytes, "generated_lines": gen_lines, "jit": {}}
    dll = os.path.join(d, "bin", "Release", "net10.0", "Cliff.dll")
    for mode, env in JIT_MODES.items():
        log = os.path.join(d, "jit-%s.txt" % mode)
        e = dict(env)
        e.update({"DOTNET_JitStdOutFile": log, "DOTNET_JitDisasmSummary": "1"})
        out = json.loads(sh(["dotnet", dll], d, e).strip().splitlines()[-1])
        row["jit"][mode] = {"timing": out, "tiers": jit_tiers(log)}
    return row


def final_tier(tiers):
    return tiers[-1]["tier"] if tiers else "not compiled"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--points", default=",".join(DEFAULT_POINTS))
    ap.add_argument("--strategies", default="unrolled,looped")
    ap.add_argument("--build-reps", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "results.jsonl"))
    a = ap.parse_args()
    with open(a.out, "a") as f:
        for p in a.points.split(","):
            i, h = (int(v) for v in p.split("x"))
            for s in a.strategies.split(","):
                try:
                    row = point(i, h, s, a.build_reps)
                except Exception as ex:  # noqa: BLE001 - a failed point is recorded, the sweep goes on
                    row = {"inputs": i, "hidden": h, "strategy": s, "error": str(ex)[-1500:]}
                f.write(json.dumps(row) + "\n")
                f.flush()
                if "error" in row:
                    print("%s %s: ERROR %s" % (p, s, row["error"][:300]), flush=True)
                    continue
                dj = row["jit"]["default"]
                print("%-8s %-8s build %5.1fs  gen %7d lines  train %10.1f ns  fwd %9.1f ns  | %s" % (
                    p, s, row["rebuild_median_s"], row["generated_lines"], dj["timing"]["train_ns"],
                    dj["timing"]["forward_ns"],
                    "; ".join("%s:%s" % (m, "→".join(t["tier"] for t in dj["tiers"][m])) for m in METHODS)), flush=True)


if __name__ == "__main__":
    main()
