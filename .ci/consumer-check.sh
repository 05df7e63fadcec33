#!/usr/bin/env bash
# Packs NetGen (checking the package, its .snupkg symbols package and, under CI=true, that the build
# was deterministic) and builds two consumer projects outside the solution, the way a user would:
#   1. a console app that references the package, declares a network and trains XOR: it must build
#      with warnings as errors (which fails if the generator does not load: no Forward, CS1061) and
#      print "4/4 correct", and train a wider XOR with TrainBatch and ForwardBatch (the matrix-product members);
#   2. a project with a mismatched layer width: its build must fail with the analyzer's NG id.
# Prints what it checked; exits non-zero on the first failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
# A private package cache, so that a NetGen package of the same version packed earlier can never stand in for this one.
export NUGET_PACKAGES="$work/packages"
fail() { echo "consumer check FAILED: $*" >&2; exit 1; }

echo "== consumer check: dotnet pack src/NetGen -> $feed"
dotnet pack "$root/src/NetGen/NetGen.csproj" -c Release -o "$feed" --nologo -v quiet >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack"; }
package=$(ls "$feed"/NetGen.*.nupkg | head -n 1)
version=$(basename "$package" .nupkg); version=${version#NetGen.}
echo "   packed $(basename "$package")"
listing=$(unzip -l "$package")
for entry in lib/net8.0/NetGen.dll lib/net10.0/NetGen.dll analyzers/dotnet/cs/NetGen.Generator.dll analyzers/dotnet/cs/NetGen.CodeFixes.dll README.md buildTransitive/NetGen.props; do
  grep -q " $entry\$" <<<"$listing" || fail "the package lacks $entry"
done
grep -q " lib/.*NetGen.Generator.dll" <<<"$listing" && fail "the generator must not be a run-time reference"
echo "   contains lib/{net8.0,net10.0}/NetGen.dll and analyzers/dotnet/cs/{NetGen.Generator,NetGen.CodeFixes}.dll"
symbols="$feed/NetGen.$version.snupkg"
[ -f "$symbols" ] || fail "no symbols package NetGen.$version.snupkg beside the package"
symbol_listing=$(unzip -l "$symbols")
for entry in lib/net8.0/NetGen.pdb lib/net10.0/NetGen.pdb; do
  grep -q " $entry\$" <<<"$symbol_listing" || fail "the symbols package lacks $entry"
done
echo "   symbols package $(basename "$symbols") holds lib/{net8.0,net10.0}/NetGen.pdb"
if [ "${CI:-}" = "true" ]; then
  # ContinuousIntegrationBuild: the assembly names its PDB by the mapped path /_/..., not this machine's folder.
  unzip -p "$package" lib/net10.0/NetGen.dll | grep -aq "/_/src/NetGen/obj/" || fail "CI=true, but the packed NetGen.dll holds unmapped source paths (ContinuousIntegrationBuild off?)"
  unzip -p "$package" lib/net10.0/NetGen.dll | grep -aqF "$root/" && fail "CI=true, but the packed NetGen.dll names the folder $root"
  echo "   CI build: source paths mapped to /_/ (deterministic)"
fi

make_project() { # name, program source
  local dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  cat >"$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <!-- Only the .NET 10 runtime is installed here: run the net8.0 app on it. -->
    <RollForward>Major</RollForward>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
XML
  printf '%s\n' "$2" >"$dir/Program.cs"
  (cd "$dir" && dotnet add package NetGen --version "$version" >"$work/$1.add.log" 2>&1) || { cat "$work/$1.add.log"; fail "dotnet add package NetGen to $1"; }
}

echo "== consumer 1: a console app that trains XOR through the package"
make_project XorConsumer '
using NetGen;

float[][] x = [[0, 0], [0, 1], [1, 0], [1, 1]];
float[][] y = [[0], [1], [1], [0]];
var net = new XorNet();
net.Hyperparameters.LearningRate = 0.05;
for (int epoch = 0; epoch < 1000; epoch++)
    for (int i = 0; i < 4; i++)
        net.TrainStep(x[i], y[i]);

var output = new float[XorNet.OutputSize];
int correct = 0;
for (int i = 0; i < 4; i++)
{
    net.Forward(x[i], output);
    correct += (output[0] > 0.5f) == (y[i][0] > 0.5f) ? 1 : 0;
    Console.WriteLine($"{x[i][0]} xor {x[i][1]} -> {output[0]:F3}");
}
Console.WriteLine($"{correct}/4 correct");

// The batched members on the kernels: XOR as a 2-24-1 network trained with TrainBatch, read with ForwardBatch.
float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 1, 1, 0], outputs = new float[4];
var wide = new WideXorNet();
wide.Hyperparameters.LearningRate = 0.05;
for (int step = 0; step < 1000; step++)
    wide.TrainBatch(inputs, targets);
wide.ForwardBatch(inputs, outputs);
int batchCorrect = 0;
for (int i = 0; i < 4; i++)
    batchCorrect += (outputs[i] > 0.5f) == (targets[i] > 0.5f) ? 1 : 0;
Console.WriteLine($"{batchCorrect}/4 correct with TrainBatch and ForwardBatch");

[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;

[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(2)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class WideXorNet;'
(cd "$work/XorConsumer" && dotnet build -c Release --nologo -warnaserror >"$work/build1.log" 2>&1) || { cat "$work/build1.log"; fail "consumer 1 did not build with warnings as errors"; }
echo "   built with -warnaserror (the generator loaded: Forward, TrainStep, TrainBatch, ForwardBatch and XorNet.OutputSize exist)"
run=$(cd "$work/XorConsumer" && dotnet run -c Release --no-build) || fail "consumer 1 did not run"
sed 's/^/   /' <<<"$run"
grep -q "^4/4 correct$" <<<"$run" || fail "consumer 1 did not learn XOR"
grep -q "^4/4 correct with TrainBatch and ForwardBatch$" <<<"$run" || fail "consumer 1 did not learn XOR with TrainBatch"

echo "== consumer 2: a mismatched layer width must fail the build with NG0011"
make_project MismatchConsumer '
using NetGen;
System.Console.WriteLine(new BadNet().GetType().Name);

[Network(Loss.MeanSquaredError)]
[Input(3)]
[Dense(4, Activation.Tanh, Inputs = 5)]
[Dense(1, Activation.Linear)]
public partial class BadNet;'
if (cd "$work/MismatchConsumer" && dotnet build -c Release --nologo >"$work/build2.log" 2>&1); then
  cat "$work/build2.log"; fail "consumer 2 built although its layer widths do not match"
fi
ng=$(grep -oE "error NG[0-9]+: .*" "$work/build2.log" | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 3)
[ -n "$ng" ] || { cat "$work/build2.log"; fail "consumer 2 failed without an NG diagnostic"; }
printf '   build failed as expected: %s\n' "$ng"
grep -q "CS1061\|CS0246" "$work/build2.log" && fail "consumer 2 shows a cascade of CS errors besides the NG error"
echo "   and no cascade of CS errors"
echo "== consumer check passed"
