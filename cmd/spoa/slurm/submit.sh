#!/bin/bash
# Runs spoa as a Slurm job array of N shards and a merge that starts when
# every shard has succeeded:
#
#   cmd/spoa/slurm/submit.sh N OUTDIR REPORT COMMAND [FLAGS…]
#   cmd/spoa/slurm/submit.sh 20 runs/hub report.html run -c hub.yaml -r 1000 --days 365
#   cmd/spoa/slurm/submit.sh 10 runs/grid sweep.csv sweep -c hub.yaml --vary pools.nurse.staff=4..40
#
# OUTDIR (created) gets part-1.json … part-N.json, the report, and the
# tasks' logs. SPOA names the spoa binary (default: spoa on PATH); it must
# be reachable at that path from the compute nodes, as OUTDIR must be.
# SBATCH_FLAGS adds flags to both sbatch calls (--partition, --account,
# --time, --cpus-per-task…). Prints the array's job id and the merge's.
set -euo pipefail
if [ $# -lt 4 ]; then
	sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi
n=$1 outdir=$2 report=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
spoa=$(command -v "${SPOA:-spoa}") || { echo "submit.sh: no spoa binary at ${SPOA:-spoa} (set SPOA)" >&2; exit 2; }
spoa=$(cd "$(dirname "$spoa")" && pwd)/$(basename "$spoa")
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
read -r -a extra <<<"${SBATCH_FLAGS:-}"
array=$(sbatch --parsable --array="1-$n" --output="$outdir/shard-%a.log" "${extra[@]}" \
	"$here/shard.sbatch" "$n" "$outdir" "$spoa" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
	--output="$outdir/merge.log" "${extra[@]}" "$here/merge.sbatch" "$outdir" "$report" "$spoa")
merge=${merge%%;*}
echo "$array $merge"
