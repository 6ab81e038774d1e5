#!/usr/bin/env bash
# End to end on this machine: a one-node Slurm cluster runs spoa as a job
# array of shards and a dependent merge (submit.sh), and the merged report
# must equal, byte for byte, the report of one spoa run.
#
# It installs Debian's slurm-wlm and munge when they are missing (as root,
# with apt-get), writes a munge key and a slurm.conf under a temporary
# directory, starts munged, slurmctld and slurmd from there, on ports of
# their own, submits, waits, compares, and on exit stops the daemons it
# started, by their pids, and removes the directory. Every wait is bounded;
# on failure the daemons' logs and the jobs' are printed.
#
#   bash cmd/spoa/slurm/e2e.sh
#
# Environment:
#   SPOA_SKIP_SLURM=1        skip the test (exit 0), for a machine where
#                            Slurm cannot be installed or run
#   SPOA_SLURM_SHARDS        array tasks (default 4)
#   SPOA_SLURM_CPUS          CPUs a task (default 1)
#   SPOA_SLURM_ARGS          what to run (default: run -c
#                            config/scenarios/blmk-hub-equal.yaml -r 8 --days 7)
#   SPOA_SLURM_TIMEOUT       seconds to wait for the jobs (default 600)
#   SPOA_SLURM_TABLE=0       compare the JSON reports only (the table
#                            needs another single run)
#   SPOA_SLURM_KEEP=1        keep the temporary directory
set -euo pipefail

say() { echo "e2e-slurm: $*" >&2; }
fail() {
	say "FAILED: $*"
	exit 1
}
if [ "${SPOA_SKIP_SLURM:-}" = 1 ]; then
	say "SPOA_SKIP_SLURM=1: skipped"
	exit 0
fi
# skippable is a failure to get Slurm at all: loud, and fatal unless
# SPOA_SKIP_SLURM=1 says to skip.
skippable() {
	echo "" >&2
	echo "************************************************************" >&2
	echo "e2e-slurm: $*" >&2
	echo "e2e-slurm: the Slurm end-to-end test did NOT run." >&2
	echo "e2e-slurm: set SPOA_SKIP_SLURM=1 to skip it knowingly." >&2
	echo "************************************************************" >&2
	exit 1
}

repo=$(cd "$(dirname "$0")/../../.." && pwd)
here="$repo/cmd/spoa/slurm"
shards=${SPOA_SLURM_SHARDS:-4}
cpus=${SPOA_SLURM_CPUS:-1}
timeout=${SPOA_SLURM_TIMEOUT:-600}
read -r -a args <<<"${SPOA_SLURM_ARGS:-run -c config/scenarios/blmk-hub-equal.yaml -r 8 --days 7}"
t0=$(date +%s)

# --- Slurm and munge -------------------------------------------------------
have() { command -v slurmctld && command -v slurmd && command -v sbatch && command -v munged; } >/dev/null 2>&1
if ! have; then
	[ "$(id -u)" = 0 ] || skippable "Slurm and munge are not installed, and installing them needs root"
	command -v apt-get >/dev/null || skippable "Slurm and munge are not installed, and there is no apt-get to install them"
	say "installing slurm-wlm and munge from Debian's packages"
	policy=""
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		# Keep the packages from starting their own daemons.
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		policy=/usr/sbin/policy-rc.d
	fi
	ok=1
	export DEBIAN_FRONTEND=noninteractive
	timeout 600 apt-get update -q >&2 || ok=0
	[ $ok = 1 ] && { timeout 900 apt-get install -y -q --no-install-recommends slurm-wlm munge >&2 || ok=0; }
	[ -n "$policy" ] && rm -f "$policy"
	[ $ok = 1 ] && have || skippable "could not install slurm-wlm and munge with apt-get"
fi
[ "$(id -u)" = 0 ] || skippable "a one-node cluster here runs its daemons as root; run as root"
say "$(slurmctld -V), $(munged --version 2>&1 | head -1)"

# --- the cluster -----------------------------------------------------------
tmp=$(mktemp -d /tmp/spoa-slurm.XXXXXX)
chmod 0711 "$tmp"
pids=()
jobs=()
cleanup() {
	code=$?
	set +e
	if [ $code != 0 ] && [ -n "${array:-}" ]; then
		echo "----- the jobs, as slurmctld has them" >&2
		for j in "$array" "$merge"; do
			scontrol -o show job "$j" 2>&1 | while read -r line; do
				for kv in $line; do
					case $kv in JobId=* | ArrayTaskId=* | JobName=* | JobState=* | Reason=* | ExitCode=*) printf '%s ' "$kv" ;; esac
				done
				echo
			done
		done >&2
	fi
	if [ ${#jobs[@]} -gt 0 ] && [ -n "${SLURM_CONF:-}" ]; then
		scancel "${jobs[@]}" 2>/dev/null
	fi
	for pid in "${pids[@]}"; do
		kill -TERM "$pid" 2>/dev/null
	done
	for pid in "${pids[@]}"; do
		for _ in $(seq 50); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.2
		done
		if kill -0 "$pid" 2>/dev/null; then
			say "daemon $pid did not stop on SIGTERM; killing it"
			kill -KILL "$pid" 2>/dev/null
		fi
	done
	if [ $code != 0 ]; then
		for f in "$tmp"/log/*; do
			[ -f "$f" ] || continue
			echo "----- $f (last 40 lines)" >&2
			tail -n 40 "$f" >&2
		done
		for f in "$tmp"/out/*.log; do
			[ -f "$f" ] || continue
			echo "----- $f" >&2
			cat "$f" >&2
		done
	fi
	if [ "${SPOA_SLURM_KEEP:-}" = 1 ]; then
		say "kept $tmp"
	else
		rm -rf "$tmp"
	fi
	exit $code
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/out" "$tmp/run"
chmod 0711 "$tmp/munge"

# waitfor SECONDS WHAT COMMAND…: run COMMAND every half second until it
# succeeds, failing after SECONDS.
waitfor() {
	local secs=$1 what=$2
	shift 2
	local end=$(($(date +%s) + secs))
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] || fail "$what: not within $secs s"
		sleep 0.5
	done
}

# freeport N: the first TCP port from N up that nothing listens on.
freeport() {
	local p=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
		p=$((p + 1))
	done
	echo "$p"
}

dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"
munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$socket" \
	--pid-file="$tmp/run/munged.pid" --seed-file="$tmp/munge/munge.seed" \
	--log-file="$tmp/log/munged.log" >"$tmp/log/munged.out" 2>&1 &
pids+=($!)
waitfor 20 "munged to start" test -S "$socket"
kill -0 "${pids[0]}" 2>/dev/null || fail "munged stopped"

ctlport=$(freeport 16817)
dport=$(freeport $((ctlport + 1)))
node=$(slurmd -C | sed -n 's/^NodeName=[^ ]* \(CPUs=[0-9]*\).*/\1/p')
[ -n "$node" ] || node="CPUs=$(nproc)"
export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<CONF
# A one-node cluster for spoa's end-to-end test (cmd/spoa/slurm/e2e.sh).
ClusterName=spoa-e2e
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmctldPort=$ctlport
SlurmdPort=$dport
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=e2e Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
waitfor 30 "slurmctld to answer" scontrol ping
slurmd -D -N localhost -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
idle() { sinfo -h -n localhost -o %T | grep -qx idle; }
waitfor 60 "the node to be idle" idle
say "cluster up in $(($(date +%s) - t0)) s: $(sinfo -h -o '%P %D %c %T')"

# --- the run: one spoa run, then the array and its merge --------------------
say "building spoa"
(cd "$repo" && go build -o "$tmp/spoa" ./cmd/spoa)
cd "$repo"
say "one run: spoa ${args[*]}"
s=$(date +%s%N)
"$tmp/spoa" "${args[@]}" -f json -o "$tmp/single.json" || fail "one spoa run failed"
single_ms=$((($(date +%s%N) - s) / 1000000))

say "submitting $shards shards of ${args[*]}, $cpus CPU(s) each, and the merge"
s=$(date +%s%N)
ids=$(SPOA="$tmp/spoa" SBATCH_FLAGS="--cpus-per-task=$cpus" \
	"$here/submit.sh" "$shards" "$tmp/out" report.json "${args[@]}") || fail "submit.sh could not submit the jobs"
read -r array merge <<<"$ids"
[ -n "$array" ] && [ -n "$merge" ] || fail "submit.sh gave no job ids: $ids"
jobs=("$array" "$merge")
say "array job $array, merge job $merge"
gone() {
	local q
	q=$(squeue -h -j "$array,$merge" -o %i) || return 1
	[ -z "$q" ]
}
end=$(($(date +%s) + timeout))
until gone; do
	[ "$(date +%s)" -lt "$end" ] || fail "the jobs did not finish within $timeout s: $(squeue -j "$array,$merge")"
	kill -0 "${pids[2]}" 2>/dev/null || fail "slurmd stopped"
	kill -0 "${pids[1]}" 2>/dev/null || fail "slurmctld stopped"
	sleep 0.5
done
slurm_ms=$((($(date +%s%N) - s) / 1000000))
jobs=()
for i in $(seq "$shards"); do
	[ -s "$tmp/out/part-$i.json" ] || fail "shard $i/$shards wrote no part"
done
[ -s "$tmp/out/report.json" ] || fail "the merge job wrote no report"
cmp "$tmp/single.json" "$tmp/out/report.json" || fail "the merged report differs from one spoa run's"
compared=JSON
if [ "${SPOA_SLURM_TABLE:-1}" = 1 ]; then
	"$tmp/spoa" "${args[@]}" -f table -o "$tmp/single.table"
	"$tmp/spoa" merge -f table -o "$tmp/merged.table" "$tmp"/out/part-*.json
	cmp "$tmp/single.table" "$tmp/merged.table" || fail "the merged table differs from one spoa run's"
	compared="JSON and table"
fi
cat "$tmp/out/merge.log" >&2
grep -h "took" "$tmp"/out/shard-*.log >&2 || true
fmt() { printf "%d.%01d s" $(($1 / 1000)) $((($1 % 1000) / 100)); }
say "PASSED: $shards shards merged by Slurm equal one run byte for byte ($compared)"
say "one spoa run: $(fmt "$single_ms"); the array and merge, submit to done: $(fmt "$slurm_ms"); all: $(($(date +%s) - t0)) s"
