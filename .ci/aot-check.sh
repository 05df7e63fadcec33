#!/usr/bin/env bash
# Publishes samples/Xor with Native AOT (PublishAot=true in its project file, warnings as errors from
# Directory.Build.props: any AOT or trim warning in NetGen or the generated code fails the publish),
# runs the native executable and checks that it
#   1. prints "PASS: ..." and exits with 0;
#   2. reports the same SIMD widths as the same sample under the JIT, i.e. IlcInstructionSet=native
#      gave the kernels this machine's vectors (without it Vector256/Vector512 read not accelerated).
# Needs a C toolchain as the linker (clang or gcc, with libc headers and objcopy); zlib comes with the
# .NET 10 AOT runtime pack. When none is on PATH and this runs as root with apt-get, it installs gcc.
# Prints what it checked; exits non-zero on the first failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "AOT check FAILED: $*" >&2; exit 1; }

if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "== AOT check: no clang or gcc on PATH; installing gcc (the Native AOT linker) with apt-get"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc libc6-dev binutils; } \
      >"$work/apt.log" 2>&1 </dev/null || { cat "$work/apt.log"; fail "apt-get install gcc"; }
  else
    fail "Native AOT links with clang or gcc and neither is on PATH (Debian: apt-get install gcc, as root)"
  fi
fi

out="$work/publish"
echo "== AOT check: dotnet publish samples/Xor -r linux-x64 -p:IlcInstructionSet=native -> $out"
dotnet publish "$root/samples/Xor/Xor.csproj" -c Release -r linux-x64 -p:IlcInstructionSet=native -o "$out" \
  --nologo >"$work/publish.log" 2>&1 </dev/null || { cat "$work/publish.log"; fail "dotnet publish with PublishAot=true"; }
grep -qE "(warning|error) (IL|CS)[0-9]+" "$work/publish.log" && { cat "$work/publish.log"; fail "the publish reported warnings"; }
[ -x "$out/Xor" ] || fail "no native executable $out/Xor"
[ -e "$out/Xor.dll" ] && fail "the publish wrote Xor.dll: not a Native AOT publish"
echo "   native executable Xor, $(stat -c %s "$out/Xor") bytes, no AOT or trim warnings"

rc=0; native=$("$out/Xor" </dev/null) || rc=$?
[ "$rc" -eq 0 ] || { printf '%s\n' "$native" | sed 's/^/   /'; fail "the native executable exited with $rc"; }
printf '%s\n' "$native" | tail -n 3 | sed 's/^/   /'
grep -q "^PASS: " <<<"$native" || fail "the native executable printed no PASS line"

# The publish compiled the IL first ("Xor -> …/Xor.dll"): the same program, run by the JIT.
il=$(sed -nE 's/^ *Xor -> (.*\/Xor\.dll)$/\1/p' "$work/publish.log" | head -n 1)
[ -n "$il" ] && [ -f "$il" ] || { cat "$work/publish.log"; fail "the publish log names no Xor.dll"; }
jit=$(dotnet exec "$il" </dev/null 2>&1) || { printf '%s\n' "$jit"; fail "the sample did not run under the JIT"; }
simd_native=$(grep "^SIMD: " <<<"$native") || fail "the native executable printed no SIMD line"
simd_jit=$(grep "^SIMD: " <<<"$jit") || fail "the JIT run printed no SIMD line"
[ "$simd_native" = "$simd_jit" ] || fail "SIMD widths differ: native '$simd_native', JIT '$simd_jit'"
echo "   same SIMD widths as under the JIT"
echo "== AOT check passed"
