#!/usr/bin/env bash
# Replays the hand-planted bugs of the test review (docs/testing.md) one at a time: each edit is applied to
# the working tree, the test file meant to catch it is run, and the file is restored. Every line must print
# "killed". An edit that no longer matches the source prints "not applied" (update the pattern).
# Slow (one test run per bug); not part of `npm test`. Run from the repository root: bash scripts/named-mutants.sh
set -u
cd "$(dirname "$0")/.."
status=0
replay() {
  local name="$1" file="$2" expr="$3"
  shift 3
  local backup
  backup="$(mktemp)"
  cp "$file" "$backup"
  sed -i "$expr" "$file"
  if cmp -s "$file" "$backup"; then
    echo "not applied: $name"
    status=1
  elif node --import tsx --test "$@" >/dev/null 2>&1; then
    echo "SURVIVED:    $name"
    status=1
  else
    echo "killed:      $name"
  fi
  cp "$backup" "$file"
  rm -f "$backup"
}
replay 'hours parsed as 3000 s' src/model/units.ts 's/h: 3600, hr: 3600/h: 3000, hr: 3600/' test/engine/units.test.ts
replay 'HBM2 3.97 → 3.79 pJ/bit' src/data/accelerators.ts 's/const HBM2_J_PER_BIT = 3.97e-12/const HBM2_J_PER_BIT = 3.79e-12/' test/engine/data-table.test.ts
replay 'optimizer FLOPs 2·P·updates → P·updates' src/model/resolve.ts "s/set('flops', 2 \* params \* updates)/set('flops', params * updates)/" test/engine/counts.test.ts
replay 'FISTA FLOP count' src/solvers/qp/solve.ts 's/flopsPerIteration: 2 \* z + 11 \* n/flopsPerIteration: 2 * z + 10 * n/' test/solvers/fista-ledger.test.ts
replay 'checkpoints rounded down' src/model/resolve.ts 's/checkpoints: Math.ceil(steps \/ checkpointInterval)/checkpoints: Math.floor(steps \/ checkpointInterval)/' test/engine/counts.test.ts
replay 'simulator rate τ0 → s the wrong way' src/sim/simulate.ts 's/rate_per_s: rate.rate \/ tau0,/rate_per_s: rate.rate * tau0,/' test/sim/result-units.test.ts
replay 'A100 BF16 peak 312 → 321' src/data/accelerators.ts 's/bf16: { peak_flop_per_s: 312e12/bf16: { peak_flop_per_s: 321e12/' test/engine/data-table.test.ts
replay 'DRAM refresh interval ×10' src/data/accelerators.ts 's/  interval_s: 0.064,/  interval_s: 0.64,/' test/engine/data-table.test.ts
replay 'Llama 3.1 405B FLOPs ÷ 10' src/data/workloads.ts 's/15.6e12, 3.8e25,/15.6e12, 3.8e24,/' test/engine/data-table.test.ts
replay 'CIM retention term halved' src/model/paradigms.ts 's/? d.retention_barrier_kT : 0)/? 0.5 * d.retention_barrier_kT : 0)/' test/engine/model.test.ts
replay 'solve --temperature-K ignored' src/cli/solve.ts "s/temperature_K: num(opts, 'temperatureK', '--temperature-K'),/temperature_K: undefined,/" test/solvers/result-units.test.ts
replay 'memory wall bytes → bits factor dropped' src/model/resolve.ts 's/read_bits: (8 \* flops) \/ intensity/read_bits: flops \/ intensity/' test/engine/counts.test.ts
replay 'multi-well kernel: sign of the barrier-change work' src/sim/engine.ts 's/      w += (e - eOld) \* g + (headNew - headOld);/      w += (eOld - e) * g + (headNew - headOld);/' test/sim/barrier-ramp.test.ts
replay 'consolidate ramps the wrong way' src/sim/protocols.ts 's/landscapeControls(matchedBarrier(spec.start_barrier_kT, spec.barrier_kT, tau), stiffness, centre/landscapeControls(matchedBarrier(spec.barrier_kT, spec.start_barrier_kT, tau), stiffness, centre/' test/sim/barrier-ramp.test.ts
replay 'optimizer von Neumann writes = OPS (counting-convention regression)' src/model/resolve.ts 's/    param_writes: params \* steps,/    param_writes: kind === "training" ? params * steps : ops,/' test/engine/counts.test.ts
exit $status
