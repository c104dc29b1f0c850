#!/usr/bin/env bash
# The waiting-room poll in the cluster: the browser's htmx poll and the API's poll through HAProxy
# in front of two instances (bin/cluster, the `mysql` profile on MariaDB), beside the same polls
# sent straight to one instance in the same run, with the database's writes and reads counted
# during each run. See bench/README.md.
#
#   bench/cluster-poll.sh                              # 15 s per case after 60 s of warm-up
#   DURATION=5s WARMUP=2s APP_WARMUP=10s FANS=20 bench/cluster-poll.sh   # a smoke run
#
# It starts its own cluster (FRESH=1 bin/cluster start 2, on the database stagedoor_cluster_bench)
# and stops it on every exit; it refuses to run while another cluster runs in this tree. Exit
# status: 0 when the run was valid (a poll that wrote to the database is a FAIL in the report, a
# finding); 1 when something went wrong or a run had errors.
set -euo pipefail

DURATION=${DURATION:-15s}          # each measured wrk run
WARMUP=${WARMUP:-5s}               # an unmeasured wrk run before each measured one
APP_WARMUP=${APP_WARMUP:-60s}      # unmeasured load over all four cases before the first
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
FANS=${FANS:-100}                  # fans who join the line by the API and sign in as browsers
INSTANCES=${INSTANCES:-2}
CLUSTER_DB=${CLUSTER_DB:-stagedoor_cluster_bench}
LB_PORT=${LB_PORT:-8090}
FIRST_PORT=${FIRST_PORT:-8081}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
LUA=$BENCH_DIR/queue-poll.lua
FANS_PY=$BENCH_DIR/queue-poll-fans.py
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR=$BENCH_DIR/results     # gitignored
RUN_DIR=$RESULTS_DIR/cluster-run-$STAMP
REPORT=$RESULTS_DIR/cluster-poll-$STAMP.md
BASE=http://127.0.0.1:$LB_PORT     # lib.sh's organiser calls go through the balancer
DIRECT=http://127.0.0.1:$FIRST_PORT
ADMIN_PASSWORD=bench-admin-pass
CLUSTER_STATE=$REPO_DIR/target/cluster
JAR=""
MAVEN_WAIT=0

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

STARTED=no
USERSTAT_BEFORE=""
cleanup() {
    local rc=$?
    [[ $STARTED == yes ]] && "$REPO_DIR/bin/cluster" stop || true
    [[ -n $USERSTAT_BEFORE ]] && sql "SET GLOBAL userstat = $USERSTAT_BEFORE" || true
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql() { mariadb -h127.0.0.1 -uroot -N -B -e "$1"; }

ensure_tools() {
    local tool
    for tool in wrk jq; do
        if ! command -v "$tool" >/dev/null; then
            log "installing $tool"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
        fi
    done
    for tool in java curl python3 wrk jq mariadb; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
}

# --- what the database did -----------------------------------------------------------------------

# counters: one "name value" line each: the server's statement and row counters (for the whole
# server: other work on it counts too) and, from MariaDB's user statistics, the rows each table of
# the cluster's database read and changed (only the cluster's)
counters() {
    sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_insert','Com_update','Com_delete','Com_replace','Com_select')" | tr '\t' ' '
    sql "SELECT CONCAT('changed.', TABLE_NAME), ROWS_CHANGED FROM information_schema.TABLE_STATISTICS
         WHERE TABLE_SCHEMA = '$CLUSTER_DB'
         UNION ALL SELECT CONCAT('read.', TABLE_NAME), ROWS_READ FROM information_schema.TABLE_STATISTICS
         WHERE TABLE_SCHEMA = '$CLUSTER_DB'" | tr '\t' ' '
}

# delta BEFORE AFTER: "name difference" for every counter that moved
delta() {
    awk 'NR == FNR { a[$1] = $2; next } { d = $2 - a[$1]; if (d != 0) print $1, d }' "$1" "$2"
}

sum_of() { awk -v p="$2" 'index($1, p) == 1 { s += $2 } END { print s + 0 }' "$1"; }
value_of() { awk -v n="$2" '$1 == n { v = $2 } END { print v + 0 }' "$1"; }
# the tables a poll run may change: each instance's last-seen batch (queue_tokens) and what the
# scheduled jobs write whether anyone polls or not (their locks, the line's chart samples)
other_tables_changed() {
    awk '/^changed\./ { sub(/^changed\./, "", $1); if ($1 !~ /^(queue_tokens|shedlock|queue_lines|queue_samples)$/) print $1 }' "$1"
}
tables_changed() { awk '/^changed\./ { sub(/^changed\./, "", $1); printf "%s%s %d", sep, $1, $2; sep = ", " }' "$1"; }

# the CPU time of every instance and of HAProxy so far, in clock ticks
cluster_cpu_ticks() {
    local pidfile total=0 t
    for pidfile in "$CLUSTER_STATE"/instance-*.pid "$CLUSTER_STATE"/haproxy.pid; do
        t=$(awk '{ print $14 + $15 }' "/proc/$(cat "$pidfile")/stat")
        total=$((total + t))
    done
    echo "$total"
}

# --- the cases -----------------------------------------------------------------------------------

EXPECT_API='"status":"WAIT"'
EXPECT_BROWSER='data-testid="position"'
CASES="api-direct page-direct api-lb page-lb"
# the browser poll as it was before passes (no pass: signed in through the session), to show what
# a session read costs with sessions in the database; not one of the cases the target is about
COMPARE=page-session-lb

url_of() {
    case $1 in
        api-direct) echo "$DIRECT/api/v1/concerts/$CID/queue" ;;
        page-direct) echo "$DIRECT/concerts/$CID/waiting-room/status" ;;
        api-lb) echo "$BASE/api/v1/concerts/$CID/queue" ;;
        page-lb | page-session-lb) echo "$BASE/concerts/$CID/waiting-room/status" ;;
    esac
}

label_of() {
    case $1 in
        api-direct) echo "API poll, straight to instance 1" ;;
        page-direct) echo "browser poll, straight to instance 1" ;;
        api-lb) echo "API poll, through HAProxy ($INSTANCES instances)" ;;
        page-lb) echo "browser poll, through HAProxy ($INSTANCES instances)" ;;
        page-session-lb) echo "for comparison: browser poll without its pass (the session read), through HAProxy" ;;
        idle) echo "nothing (the same length, no requests)" ;;
    esac
}

wrk_case() { # CASE RESULT WRK-ARGS...
    local kind=$1 result=$2 env
    shift 2
    case $kind in
        api-*) env="QP_PAIRS=$RUN_DIR/pairs.txt QP_MODE=api QP_EXPECT=$EXPECT_API" ;;
        page-session-lb) env="QP_PAIRS=$RUN_DIR/polls-without-pass.txt QP_MODE=browser QP_EXPECT=$EXPECT_BROWSER" ;;
        page-*) env="QP_PAIRS=$RUN_DIR/polls.txt QP_MODE=browser QP_EXPECT=$EXPECT_BROWSER" ;;
    esac
    # shellcheck disable=SC2086 # the settings are words without spaces
    env $env QP_RESULT="$result" wrk -t"$THREADS" -c"$CONNECTIONS" -s "$LUA" "$@" "$(url_of "$kind")"
}

get() { sed -n "s/^$2=//p" "$RUN_DIR/$1.result"; }
errors() { echo $(($(get "$1" err_status) + $(get "$1" err_socket) + $(get "$1" err_unexpected))); }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
thousands() { printf '%d' "${1%.*}" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

measure() { # CASE: warm-up, then the measured run with the database's counters around it
    local kind=$1 before after
    if [[ $kind != idle ]]; then
        log "$kind: warm-up $WARMUP"
        wrk_case "$kind" /dev/null -d"$WARMUP" >/dev/null 2>&1 || die "wrk failed during $kind's warm-up"
        sleep 3 # let the warm-up's last-seen flush land before counting
    fi
    counters >"$RUN_DIR/$kind.before"
    before=$(cluster_cpu_ticks)
    if [[ $kind == idle ]]; then
        log "idle: $DURATION without requests"
        sleep "$(seconds_of "$DURATION")"
        printf 'requests=0\n' >"$RUN_DIR/$kind.result"
    else
        log "$kind: measuring $DURATION"
        wrk_case "$kind" "$RUN_DIR/$kind.result" --latency -d"$DURATION" >"$RUN_DIR/$kind.txt" 2>&1 ||
            die "wrk failed: $(cat "$RUN_DIR/$kind.txt")"
    fi
    sleep 3 # the last-seen flush of the run's last polls (every 2 s) belongs to the run
    after=$(cluster_cpu_ticks)
    counters >"$RUN_DIR/$kind.after"
    delta "$RUN_DIR/$kind.before" "$RUN_DIR/$kind.after" >"$RUN_DIR/$kind.delta"
    echo "cpu_us=$(((after - before) * 1000000 / $(getconf CLK_TCK)))" >>"$RUN_DIR/$kind.result"
    if [[ $kind != idle ]]; then
        log "$kind: $(get "$kind" rps) req/s, p99 $(ms "$(get "$kind" p99_us)") ms, errors $(errors "$kind"), rows changed $(sum_of "$RUN_DIR/$kind.delta" changed.)"
    fi
}

row() { # CASE
    local kind=$1 d=$RUN_DIR/$1.delta session_rows
    session_rows=$(($(value_of "$d" changed.SPRING_SESSION) + $(value_of "$d" changed.SPRING_SESSION_ATTRIBUTES)))
    if [[ $kind == idle ]]; then
        printf '| %s | – | – | – | – | – | %s | %s | %s | %s / %s / %s |\n' "$(label_of idle)" \
            "$(sum_of "$d" read.)" "$(sum_of "$d" changed.)" "$session_rows" \
            "$(value_of "$d" Com_insert)" "$(value_of "$d" Com_update)" "$(value_of "$d" Com_delete)"
        return
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s |\n' "$(label_of "$kind")" \
        "$(thousands "$(get "$kind" rps)")" "$(ms "$(get "$kind" p50_us)")" "$(ms "$(get "$kind" p99_us)")" \
        "$(awk -v c="$(get "$kind" cpu_us)" -v n="$(get "$kind" requests)" 'BEGIN { printf "%.0f", c / n }')" \
        "$(errors "$kind")" "$(sum_of "$d" read.)" "$(sum_of "$d" changed.)" "$session_rows" \
        "$(value_of "$d" Com_insert)" "$(value_of "$d" Com_update)" "$(value_of "$d" Com_delete)"
}

report() {
    local valid=$1 kind writes_ok=PASS detail=""
    for kind in $CASES; do
        local d=$RUN_DIR/$kind.delta session_rows
        session_rows=$(($(value_of "$d" changed.SPRING_SESSION) + $(value_of "$d" changed.SPRING_SESSION_ATTRIBUTES)))
        # what a poll may cause: each instance's batch of last-seen times every 2 s (queue_tokens,
        # at most one row per fan and flush) and the jobs' locks; anything else is a poll writing
        if ((session_rows > 0)) || [[ -n $(other_tables_changed "$d") ]]; then
            writes_ok=FAIL
        fi
        detail+="- $(label_of "$kind"): $(thousands "$(get "$kind" requests)") polls; rows changed by table: $(tables_changed "$d" || true)"$'\n'
    done
    detail+="- $(label_of idle): rows changed by table: $(tables_changed "$RUN_DIR/idle.delta" || true)"$'\n'
    detail+="- $(label_of "$COMPARE"): $(thousands "$(get "$COMPARE" requests)") polls; rows changed by table: $(tables_changed "$RUN_DIR/$COMPARE.delta" || true)"$'\n'
    cat <<EOF
### The waiting-room poll in the cluster, $(date -u '+%Y-%m-%d %H:%M UTC')

- Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM; wrk, HAProxy, both instances and MariaDB on it
- Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after it: $(cut -d' ' -f1-3 /proc/loadavg)
- Java: $(java -version 2>&1 | head -1); $(haproxy -v | head -1 | cut -d' ' -f1-3); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); MariaDB $(sql 'SELECT VERSION()')
- Code: $(git -C "$REPO_DIR" rev-parse --short HEAD)$([[ -n $(git -C "$REPO_DIR" status --porcelain -- src pom.xml) ]] && echo " plus uncommitted changes")
- Command: \`DURATION=$DURATION WARMUP=$WARMUP APP_WARMUP=$APP_WARMUP FANS=$FANS bench/cluster-poll.sh\`
- Cluster: \`FRESH=1 CLUSTER_DB=$CLUSTER_DB bin/cluster start $INSTANCES\` (HAProxy round robin on :$LB_PORT, instances on :$FIRST_PORT…, \`-Xmx512m\` each, rate limits off: wrk polls each fan far faster than told)
- Each row: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/queue-poll.lua <url>\` after a $WARMUP warm-up (and $APP_WARMUP of warm-up over all four cases first), the $FANS fans' polls in turn (API: bearer and Queue-Token; browser: JSESSIONID and the panel's own address, pass included, \`HX-Request: true\`); every answer checked (200 and WAIT, or the waiting panel with its place)
- Database columns, counted from 0 s before to 3 s after each run (so the last-seen flush of its last polls is in): rows read and changed in \`$CLUSTER_DB\` (MariaDB's user statistics, this database only), those of the session tables, and the server's \`Com_insert / Com_update / Com_delete\` (the whole server: another engineer's tests on it count there too)
- CPU µs/req: both instances and HAProxy together

| case | req/s | p50 ms | p99 ms | CPU µs/req | errors | rows read | rows changed | session rows changed | server insert / update / delete |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
$(for kind in $CASES; do row "$kind"; done)
$(row idle)
$(row "$COMPARE")

${detail}
| target | result |
|---|---|
| no poll writes to the database (no session row changed; nothing changed but each instance's last-seen batch every 2 s and the jobs' own rows) | $writes_ok |
EOF
    if [[ $valid != yes ]]; then
        printf '\n**INVALID RUN:** %s\n' "$valid"
    fi
}

main() {
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    mkdir -p "$RUN_DIR"
    ensure_tools
    USERSTAT_BEFORE=$(sql "SELECT @@GLOBAL.userstat")
    sql "SET GLOBAL userstat = 1"

    log "starting $INSTANCES instances behind HAProxy (database $CLUSTER_DB)"
    STARTED=yes
    FRESH=1 CLUSTER_DB=$CLUSTER_DB LB_PORT=$LB_PORT FIRST_PORT=$FIRST_PORT \
        STAGEDOOR_MEMBER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        APP_ARGS="--stagedoor.web.rate-limits.enabled=false --logging.level.root=warn" \
        "$REPO_DIR/bin/cluster" start "$INSTANCES" || { STARTED=no; die "the cluster did not start"; }
    admin_login
    CID=$(paused_concert "Cluster poll")
    log "signing up $FANS fans through HAProxy, joining concert $CID, signing them in as browsers"
    python3 "$FANS_PY" setup "$BASE" "$FANS" cpfan "$CID:$RUN_DIR/pairs.txt"
    python3 "$FANS_PY" browsers "$BASE" "$FANS" cpfan "$CID:$RUN_DIR/polls.txt"
    grep -q 'pass=' "$RUN_DIR/polls.txt" || die "the panels' polls carry no pass"
    sed 's/&pass=[^& ]*//' "$RUN_DIR/polls.txt" >"$RUN_DIR/polls-without-pass.txt"
    local base
    for base in "$BASE" "$DIRECT"; do
        python3 "$FANS_PY" check "$base" "$CID" "$RUN_DIR/pairs.txt" 1 "$FANS" >&2 || die "the API polls are not WAIT polls"
        python3 "$FANS_PY" check-browsers "$base" "$RUN_DIR/polls.txt" 1 "$FANS" >&2 || die "the browser polls are not the waiting panel"
    done

    local each=$(($(seconds_of "$APP_WARMUP") / 4))s kind
    log "warming up: $each on each case"
    for kind in $CASES; do
        wrk_case "$kind" /dev/null -d"$each" >/dev/null 2>&1 || die "wrk failed during the warm-up"
    done
    measure idle
    for kind in $CASES $COMPARE; do measure "$kind"; done

    local valid=yes
    for kind in $CASES $COMPARE; do
        if (($(errors "$kind") > 0)); then
            valid="$kind had $(errors "$kind") errors; see $RUN_DIR/$kind.txt"
        fi
    done
    python3 "$FANS_PY" check-browsers "$BASE" "$RUN_DIR/polls.txt" 1 "$FANS" >&2 || valid="the browser polls changed during the run"
    cp "$CLUSTER_STATE"/instance-*.log "$RUN_DIR/" 2>/dev/null || true
    report "$valid" | tee "$REPORT"
    log "report: $REPORT; raw output: $RUN_DIR"
    [[ $valid == yes ]] || exit 1
}

main "$@"
