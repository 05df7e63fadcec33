#!/usr/bin/python3
"""Generator cost: for 2-2-1, 64-32-10 and 784-128-10 networks, the time the NetGen generator takes inside the
compiler (csc's /reportanalyzer figure) and the wall time to rebuild a consumer project, in three variants:

  netgen        the network declared with attributes, the generator referenced as an analyzer (default threshold)
  pregenerated  no generator: the source it generated is compiled as an ordinary file (what the code alone costs)
  baseline      no generator, no network: the same console project calling nothing of NetGen

Rebuild = touch Program.cs; dotnet build --no-restore --no-dependencies (the compiler server stays warm, as in
an IDE session). Median of --reps rebuilds after one untimed build.

    bench/generation/run_generation.py [--reps 5] [--out bench/generation/results.jsonl]
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
SCRATCH = os.environ.get("GENERATION_SCRATCH", "/tmp/netgen-generation")
NETS = {
    "2-2-1": "[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(2, Activation.Sigmoid)]\n[Dense(1, Activation.Sigmoid)]",
    "64-32-10": "[Network(Loss.CategoricalCrossEntropy)]\n[Input(64)]\n[Dense(32, Activation.ReLU)]\n[Dense(10, Activation.Softmax)]",
    "784-128-10": "[Network(Loss.CategoricalCrossEntropy)]\n[Input(784)]\n[Dense(128, Activation.ReLU)]\n[Dense(10, Activation.Softmax)]",
}
CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{root}/src/NetGen/NetGen.csproj" />
    {analyzer}
  </ItemGroup>
</Project>
"""
ANALYZER = ('<ProjectReference Include="{root}/generator/NetGen.Generator/NetGen.Generator.csproj" '
            'OutputItemType="Analyzer" ReferenceOutputAssembly="false" />')
USE = ("using NetGen;\n\nvar net = new Consumer.Net();\n"
       "System.Console.WriteLine(net.TrainStep(new float[Consumer.Net.InputSize], new float[Consumer.Net.OutputSize]));\n")
DECL = "using NetGen;\n\nnamespace Consumer;\n\n{attrs}\npublic sealed partial class Net;\n"


def build(d, extra=()):
    t = time.time()
    p = subprocess.run(["dotnet", "build", "-c", "Release"] + list(extra), cwd=d, capture_output=True, text=True, timeout=1800)
    wall = time.time() - t
    if p.returncode != 0:
        raise RuntimeError(p.stdout[-3000:])
    m = re.search(r"^\s*([\d.]+)\s+\d+\s+NetGen\.Generator\.NetworkGenerator\s*$", p.stdout, re.M)
    return wall, (float(m.group(1)) if m else None)


def variant(net, kind, reps, generated_from=None):
    d = os.path.join(SCRATCH, "%s-%s" % (net, kind))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    analyzer = ANALYZER.format(root=ROOT) if kind == "netgen" else ""
    open(os.path.join(d, "Consumer.csproj"), "w").write(CSPROJ.format(root=ROOT, analyzer=analyzer))
    if kind == "baseline":
        open(os.path.join(d, "Program.cs"), "w").write("System.Console.WriteLine(NetGen.Activation.ReLU);\n")
    else:
        open(os.path.join(d, "Program.cs"), "w").write(USE)
        open(os.path.join(d, "Net.cs"), "w").write(DECL.format(attrs=NETS[net]))
    if kind == "pregenerated":
        shutil.copy(generated_from, os.path.join(d, "Net.g.cs"))
    build(d)
    walls, gens = [], []
    for _ in range(reps):
        os.utime(os.path.join(d, "Program.cs"))
        w, g = build(d, ["--no-restore", "--no-dependencies", "-p:ReportAnalyzer=true", "-v:d"])
        walls.append(w)
        if g is not None:
            gens.append(g)
    gen_files = glob.glob(os.path.join(d, "obj", "Release", "net10.0", "generated", "NetGen.Generator", "**", "*.g.cs"), recursive=True)
    row = {"net": net, "variant": kind, "rebuild_s": [round(w, 2) for w in walls],
           "rebuild_median_s": round(statistics.median(walls), 2),
           "generator_s": gens, "generator_median_s": round(statistics.median(gens), 3) if gens else None}
    if gen_files:
        row["generated_lines"] = sum(sum(1 for _ in open(f, encoding="utf-8")) for f in gen_files)
        row["generated_file"] = gen_files[0]
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(HERE, "results.jsonl"))
    a = ap.parse_args()
    with open(a.out, "a") as f:
        for net in NETS:
            ng = variant(net, "netgen", a.reps)
            rows = [ng, variant(net, "pregenerated", a.reps, ng["generated_file"]), variant(net, "baseline", a.reps)]
            for r in rows:
                f.write(json.dumps(r) + "\n")
                print("%-10s %-12s rebuild %5.2f s  generator %s s  lines %s" % (
                    r["net"], r["variant"], r["rebuild_median_s"], r["generator_median_s"], r.get("generated_lines")), flush=True)


if __name__ == "__main__":
    main()
