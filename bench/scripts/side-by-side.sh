#!/bin/bash
# NetGen against handc, TorchSharp and ONNX Runtime in one interleaved run: the side-by-side table of issue 12
# (docs/performance.md, "Batched members: the side-by-side table").
#
#   bench/scripts/side-by-side.sh [--reps N] [--seconds S] [--peers DIR] [--work DIR] [--out FILE]
#
#   --reps N      repetitions (default 3); repetition r runs every config once before repetition r+1 starts
#   --seconds S   length of each timed loop (default 1); step counts come from one calibration run per config
#   --peers DIR   the yardstick's peers folder (default ../shared/bench/peers beside the repository); its parent
#                 folder (peers/ and data/) is copied to --work, where handc is built with make and TorchSharp/ORT
#                 with dotnet/run.sh
#   --work DIR    where the copy lives (default /tmp/netgen-side-by-side; reused if present, so TorchSharp's
#                 0.5 GB build is made once)
#   --out FILE    the JSON lines (default bench/results/side-by-side-DATE.jsonl; the table goes beside it as .md)
#
# Runs (RUNNER:WORKLOAD:THREADS:INFER_BATCH): NetGen is this repository's bench/NetGen.Bench (Release), handc the
# peers' C runner (one thread, no batched inference), TorchSharp and ORT the peers' .NET runners, all with the
# shared data and initial weights. --threads 1 and 2 where the runner has the setting and the row is batched.
# digits_b32 and mnist_b256 are NetGen's own workloads: no peer runner knows them (handc's batch is a compile-time
# constant per workload, the .NET peers take no training batch option), so their peer cells are "—".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REPS=3
SECONDS_PER_LOOP=1
PEERS=$ROOT/../shared/bench/peers
WORK=/tmp/netgen-side-by-side
OUT=$ROOT/bench/results/side-by-side-$(date +%Y-%m-%d-%H%M).jsonl

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
positive() {   # positive NAME VALUE: exit 2 unless VALUE is a positive number
    [[ $2 =~ ^[0-9]+([.][0-9]+)?$ ]] && awk "BEGIN { exit !($2 > 0) }" \
        || { echo "error: bad value '$2' for $1: expected a positive number" >&2; exit 2; }
}
while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || { echo "error: missing value after $1" >&2; usage; }
    case $1 in
        --reps) positive "$1" "$2"; REPS=$2 ;;
        --seconds) positive "$1" "$2"; SECONDS_PER_LOOP=$2 ;;
        --peers) PEERS=$2 ;;
        --work) WORK=$2 ;;
        --out) OUT=$2 ;;
        *) echo "error: unknown argument '$1'" >&2; usage ;;
    esac
    shift 2
done
[[ $REPS =~ ^[0-9]+$ ]] || { echo "error: bad value '$REPS' for --reps: expected a whole number" >&2; exit 2; }
[ -f "$PEERS/handc.c" ] || { echo "error: bad value '$PEERS' for --peers: no handc.c there" >&2; exit 2; }

CONFIGS=(
    netgen:mnist_b64:1:64 handc:mnist_b64:1:- torchsharp:mnist_b64:1:64 ort:mnist:1:64
    netgen:mnist_b64:2:64 torchsharp:mnist_b64:2:64 ort:mnist:2:64
    netgen:digits:1:64 handc:digits:1:- torchsharp:digits:1:64 ort:digits:1:64
    netgen:digits:2:64 torchsharp:digits:2:64 ort:digits:2:64
    netgen:deep:1:- handc:deep:1:- torchsharp:deep:1:- ort:deep:1:-
    netgen:digits_b32:1:- netgen:digits_b32:2:- netgen:mnist_b256:1:- netgen:mnist_b256:2:-
    netgen:xor:1:- handc:xor:1:- torchsharp:xor:1:-
    netgen:iris:1:- handc:iris:1:- torchsharp:iris:1:-
    netgen:mnist:1:- handc:mnist:1:-
)

# Calibration steps: small enough for the slowest runner (TorchSharp per sample: ~0.1-0.4 ms) to finish in about 0.2 s.
probe_steps() {   # probe_steps RUNNER WORKLOAD -> "TRAIN INFER"
    case $1:$2 in
        torchsharp:mnist_b64) echo "1280 1280" ;;
        torchsharp:*) echo "500 2000" ;;
        ort:*) echo "0 6400" ;;
        *:mnist_b64|*:mnist_b256) echo "6144 6400" ;;
        *:xor) echo "200000 200000" ;;
        *) echo "20000 20000" ;;
    esac
}

echo "== building (handc in $WORK, NetGen.Bench and fma-peak in Release, the .NET peers)" >&2
if [ ! -d "$WORK/peers" ]; then
    mkdir -p "$WORK"
    cp -r "$PEERS" "$WORK/peers"
    cp -r "$PEERS/../data" "$WORK/data"
    chmod -R u+w "$WORK"
fi
DATA=$WORK/data
make -s -C "$WORK/peers" build/handc_xor build/handc_iris build/handc_digits build/handc_deep build/handc_mnist build/handc_mnist_b64 >&2
dotnet build -c Release "$ROOT/bench/NetGen.Bench" -nologo -v q >&2
dotnet build -c Release "$ROOT/bench/fma-peak" -nologo -v q >&2
"$WORK/peers/dotnet/run.sh" ort xor --steps 0 --infer-steps 1 --data "$DATA" >/dev/null   # builds the peers once, untimed
NETGEN_DLL=$ROOT/bench/NetGen.Bench/bin/Release/net10.0/NetGen.Bench.dll
PEAK_DLL=$ROOT/bench/fma-peak/bin/Release/net10.0/FmaPeak.dll

command_for() {   # command_for CONFIG TRAIN INFER: prints the command line of one run
    IFS=: read -r runner workload threads batch <<<"$1"
    local ib=() ; [ "$batch" = - ] || ib=(--infer-batch "$batch")
    case $runner in
        netgen) echo dotnet "$NETGEN_DLL" "$workload" --steps "$2" --infer-steps "$3" "${ib[@]}" --threads "$threads" --data "$DATA" ;;
        handc) echo "$WORK/peers/build/handc_$workload" --steps "$2" --infer-steps "$3" --data "$DATA" ;;
        torchsharp|ort) echo "$WORK/peers/dotnet/run.sh" "$runner" "$workload" --steps "$2" --infer-steps "$3" "${ib[@]}" \
            --threads "$threads" --data "$DATA" ;;
    esac
}

run_one() {   # run_one CONFIG REP TRAIN INFER: appends the run's JSON line (or an error line) to $OUT
    local cmd json
    cmd=$(command_for "$1" "$3" "$4")
    if json=$($cmd 2>>"$OUT.log") && [ -n "$json" ]; then
        jq -c --arg config "$1" --argjson rep "$2" --arg command "$cmd" \
            '. + {config: $config, rep: $rep, command: $command} | .threads //= 1' <<<"$json" >>"$OUT"
    else
        jq -nc --arg config "$1" --argjson rep "$2" --arg command "$cmd" \
            '{config: $config, rep: $rep, command: $command, error: "failed (see the .log beside the results)"}' >>"$OUT"
    fi
    printf '.' >&2
}

mkdir -p "$(dirname "$OUT")"
: >"$OUT"
{ date -u +"# %Y-%m-%dT%H:%M:%SZ"; echo "# commit $(git -C "$ROOT" rev-parse --short HEAD)"; uptime; } >"$OUT.log"

echo "== calibration (rep 0), ${#CONFIGS[@]} configs" >&2
for config in "${CONFIGS[@]}"; do
    IFS=: read -r runner workload _ _ <<<"$config"
    read -r train infer <<<"$(probe_steps "$runner" "$workload")"
    run_one "$config" 0 "$train" "$infer"
done
echo >&2
declare -A TRAIN INFER
while read -r config train infer; do
    TRAIN[$config]=$train
    INFER[$config]=$infer
done < <(/usr/bin/python3 "$ROOT/bench/scripts/side_by_side.py" steps "$OUT" "$SECONDS_PER_LOOP")

for rep in $(seq 1 "$REPS"); do
    echo "== repetition $rep of $REPS ($(uptime | sed 's/.*load/load/'))" >&2
    peak=$(dotnet "$PEAK_DLL" peak | sed -n 's/.*one core: \([0-9.]*\) GFLOP\/s (512-bit), \([0-9.]*\) GFLOP\/s.*/\1 \2/p')
    read -r p512 p256 <<<"$peak"
    jq -nc --argjson rep "$rep" --argjson a "${p512:-0}" --argjson b "${p256:-0}" \
        '{runner: "fma-peak", rep: $rep, gflops_512: $a, gflops_256: $b}' >>"$OUT"
    for config in "${CONFIGS[@]}"; do
        if [ -z "${TRAIN[$config]:-}" ]; then
            jq -nc --arg config "$config" --argjson rep "$rep" '{config: $config, rep: $rep, error: "calibration run failed"}' >>"$OUT"
        else
            run_one "$config" "$rep" "${TRAIN[$config]}" "${INFER[$config]}"
        fi
    done
    echo >&2
done
uptime >>"$OUT.log"

TABLE=${OUT%.jsonl}.md
{
    echo "Side-by-side run of $(date -u +%Y-%m-%d), commit $(git -C "$ROOT" rev-parse --short HEAD), $REPS repetitions, ${SECONDS_PER_LOOP} s loops"
    echo "(bench/scripts/side-by-side.sh; JSON lines: $(basename "$OUT"))."
    echo
    /usr/bin/python3 "$ROOT/bench/scripts/side_by_side.py" table "$OUT"
} | tee "$TABLE"
