#!/usr/bin/env bash
# Waiting-room poll benchmark: throughput and latency of GET /api/v1/concerts/{id}/queue for a fan
# behind 1,000 and behind 1,000,000 waiting fans, against the app's own /actuator/health in the
# same run. See bench/README.md for what it does and how to read the result.
#
#   bench/queue-poll.sh                      # full run: 3 rounds of 20 s each, 1,000,000-fan line
#   ROUNDS=1 DURATION=5s APP_WARMUP=15s BIG_LINE=100000 bench/queue-poll.sh   # smoke run
#
# It builds the jar (or takes JAR=...), starts its own copy on port 18080 in a scratch directory
# under bench/results/, seeds both lines straight into the database, lets FANS real fans join,
# runs wrk, writes a Markdown fragment to stdout and bench/results/queue-poll-<timestamp>.md, and
# stops the app it started on every exit. Exit status: 0 when the run was valid (targets may still
# FAIL, that is a finding, not an error); 1 when something went wrong or a run had errors.
set -euo pipefail

# --- settings (environment) ----------------------------------------------------------------------
DURATION=${DURATION:-20s}          # each measured wrk run
ROUNDS=${ROUNDS:-3}                # rounds of health / 1k-line / 1M-line, the order alternating, so
                                   # that neither line gains from running later; figures are medians
WARMUP=${WARMUP:-5s}               # an unmeasured wrk run before each measured one (JIT, caches)
APP_WARMUP=${APP_WARMUP:-240s}     # unmeasured load on all three endpoints before the first round: on
                                   # 2 cores C2 competes with the requests for about 4 minutes of load
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
SMALL_LINE=${SMALL_LINE:-1000}     # fans seeded ahead in concert A
BIG_LINE=${BIG_LINE:-1000000}      # fans seeded ahead in concert B
FANS=${FANS:-200}                  # real fans who join both lines and whose polls are measured
PORT=${PORT:-18080}                # not 8080: other work on this machine uses it
HEAP=${HEAP:-2g}
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
KEEP_RUN=${KEEP_RUN:-0}            # 1: keep the database and jar in the run directory afterwards
SEED_CHUNK=${SEED_CHUNK:-100000}   # rows per INSERT, so no single transaction holds a million rows
MAVEN_WAIT=${MAVEN_WAIT:-600}      # seconds to wait for another Maven build in this tree to finish

# The issue's targets.
MIN_SHARE_OF_HEALTH=50   # poll req/s at least this % of health req/s
MAX_P99_MS=25            # poll p99 below this
MAX_BIG_VS_SMALL=15      # 1M-fan req/s within this % of the 1k-fan req/s

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
LUA=$BENCH_DIR/queue-poll.lua
FANS_PY=$BENCH_DIR/queue-poll-fans.py
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR=$BENCH_DIR/results     # gitignored
RUN_DIR=$RESULTS_DIR/run-$STAMP    # the app's working directory, database, logs, raw wrk output
REPORT=$RESULTS_DIR/queue-poll-$STAMP.md
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-pass
# AUTO_SERVER lets the seeding process (H2 Shell) into the database the app holds open. (H2
# refuses DB_CLOSE_ON_EXIT=FALSE with it, so the app logs a harmless "Database is already closed"
# at shutdown: H2's shutdown hook wins the race against Spring's.)
DB_URL="jdbc:h2:file:$RUN_DIR/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE"

SEED_SECONDS=()   # "concert:rows:seconds" per seeded line
JAVA_CMD=()

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# Stops the app this script started, however the script ends. The database (hundreds of MB with a
# million fans) and the jar copies are not worth keeping; the logs, the fans' pairs and wrk's raw
# output are.
cleanup() {
    local rc=$?
    stop_app
    if [[ ${KEEP_RUN:-0} != 1 && -d $RUN_DIR ]]; then
        rm -f "$RUN_DIR/db.mv.db" "$RUN_DIR/app.jar" "$RUN_DIR/h2.jar"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- preparation ---------------------------------------------------------------------------------

ensure_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v jq >/dev/null || missing+=(jq)
    if ((${#missing[@]})); then
        log "installing ${missing[*]} with apt-get"
        local sudo=""
        [[ $(id -u) -eq 0 ]] || sudo=sudo
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
            { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
    fi
    local tool
    for tool in java curl python3 wrk jq; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
}

start_app() {
    port_in_use && die "port $PORT is already in use; is another benchmark running?"
    JAVA_CMD=(java "-Xmx$HEAP" -jar app.jar
        "--server.port=$PORT"
        "--spring.datasource.url=$DB_URL"
        "--stagedoor.member.admin.password=$ADMIN_PASSWORD"
        --stagedoor.concert.demo.enabled=false
        --stagedoor.queue.abandon-after=2h # seeded fans never poll; they must not be dropped mid-run
        --stagedoor.web.rate-limits.enabled=false # wrk polls each fan far faster than it is told to
        --logging.level.root=warn)
    log "starting the app on port $PORT in $RUN_DIR"
    (cd "$RUN_DIR" && exec "${JAVA_CMD[@]}") >"$RUN_DIR/app.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$RUN_DIR/app.log"
    log "app up (pid $APP_PID)"
}

# create_concert TITLE: a concert on sale since an hour ago, with its line paused so nobody is
# admitted during the run (positions stay put and every poll is a WAIT poll). Prints its id.
create_concert() {
    local title=$1 body id
    body=$(jq -nc --arg title "$title" \
        --arg open "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" \
        --arg starts "$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)" \
        '{title: $title, artist: "Bench", venue: "Bench Hall", description: "queue-poll benchmark",
          timeZone: "Asia/Seoul", salesOpenAt: $open, maxSeatsPerMember: 4,
          performances: [{startsAt: $starts}],
          sections: [{name: "A", rows: 2, seatsPerRow: 10, price: 50000}]}')
    id=$(api POST /api/v1/admin/concerts 201 "$body" | jq -r .id)
    api PUT "/api/v1/admin/concerts/$id/queue-settings" 200 \
        '{"admitCount":1,"admitIntervalSeconds":3600,"maxActive":null,"activeSeconds":600,"holdSeconds":300,"preQueueMinutes":0,"paused":true}' >/dev/null
    echo "$id"
}

# seed_line CONCERT N: N waiting fans at places 1..N, before any real fan joins, and the line's
# counter moved past them, so real fans get places N+1... Member ids from 2,000,000,000 up cannot
# be real members. Timestamps use the app JVM's zone, as the app writes them (H2 runs in the app).
seed_line() {
    local cid=$1 n=$2 from to sql="" start seconds count
    for ((from = 1; from <= n; from += SEED_CHUNK)); do
        to=$((from + SEED_CHUNK - 1))
        ((to > n)) && to=$n
        sql+="INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, joined_mark, status, joined_at, last_seen_at)
              SELECT $cid, 2000000000 + \"X\", 2000000000 + \"X\", \"X\", 0, 'WAIT', LOCALTIMESTAMP(3), LOCALTIMESTAMP(3)
              FROM SYSTEM_RANGE($from, $to);"
    done
    sql+="MERGE INTO queue_lines (concert_id, last_seq) KEY (concert_id) VALUES ($cid, $n);"
    log "seeding $n waiting fans into concert $cid"
    start=$(date +%s.%N)
    h2 "$sql" >/dev/null
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    count=$(h2 "SELECT COUNT(*) AS n FROM queue_tokens WHERE concert_id = $cid AND status = 'WAIT'" | sed -n 2p)
    [[ $count == "$n" ]] || die "concert $cid has $count waiting fans after seeding, expected $n"
    log "seeded $n fans into concert $cid in ${seconds}s"
    SEED_SECONDS+=("$cid:$n:$seconds")
}

# --- measurement ---------------------------------------------------------------------------------

# run_wrk NAME URL [PAIRS]: a warm-up run, then the measured run; figures go to RUN_DIR/NAME.result.
run_wrk() {
    local name=$1 url=$2 pairs=${3:-}
    local args=(-t"$THREADS" -c"$CONNECTIONS" --latency -s "$LUA")
    log "$name: warm-up $WARMUP"
    QP_PAIRS=$pairs QP_RESULT="$RUN_DIR/$name.warmup.result" \
        wrk "${args[@]}" -d"$WARMUP" "$url" >"$RUN_DIR/$name.warmup.txt" 2>&1 || die "wrk failed: $(cat "$RUN_DIR/$name.warmup.txt")"
    log "$name: measuring $DURATION"
    QP_PAIRS=$pairs QP_RESULT="$RUN_DIR/$name.result" \
        wrk "${args[@]}" -d"$DURATION" "$url" >"$RUN_DIR/$name.txt" 2>&1 || die "wrk failed: $(cat "$RUN_DIR/$name.txt")"
    log "$name: $(get "$name" rps) req/s, p99 $(ms "$(get "$name" p99_us)") ms, errors $(errors "$name")"
    sleep 2 # let the last-seen flush and the GC settle before the next run
}

get() { sed -n "s/^$2=//p" "$RUN_DIR/$1.result"; }
errors() { echo $(($(get "$1" err_status) + $(get "$1" err_socket))); }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
thousands() { printf '%d' "${1%.*}" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }

check_fans() {
    local cid=$1 pairs=$2 ahead=$3
    python3 "$FANS_PY" check "$BASE" "$cid" "$pairs" $((ahead + 1)) $((ahead + FANS)) >&2 ||
        die "the sample polls of concert $cid are not what the benchmark assumes"
}

# --- report --------------------------------------------------------------------------------------

row() { # NAME ROUND ENDPOINT LINE
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" "$4" "$(thousands "$(get "$1" rps)")" \
        "$(ms "$(get "$1" p50_us)")" "$(ms "$(get "$1" p90_us)")" "$(ms "$(get "$1" p99_us)")" "$(errors "$1")"
}

# median KIND FIELD: the median over the rounds of one figure of one endpoint
median() {
    local r
    for ((r = 1; r <= ROUNDS; r++)); do get "$1-$r" "$2"; done |
        sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# the order of the endpoints in round R: forwards in odd rounds, backwards in even ones
order() { if (($1 % 2)); then echo health small big; else echo big small health; fi; }

rows() { # CID_A CID_B
    local r kind
    for ((r = 1; r <= ROUNDS; r++)); do
        for kind in $(order "$r"); do
            case $kind in
                health) row "health-$r" "$r" 'GET /actuator/health' '–' ;;
                small) row "small-$r" "$r" "GET /api/v1/concerts/$1/queue" "$(thousands "$SMALL_LINE") + $FANS" ;;
                big) row "big-$r" "$r" "GET /api/v1/concerts/$2/queue" "$(thousands "$BIG_LINE") + $FANS" ;;
            esac
        done
    done
}

verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

report() {
    local cid_a=$1 cid_b=$2 valid=$3
    local health poll_a poll_b p99_h p99_a p99_b drift
    health=$(median health rps)
    poll_a=$(median small rps)
    poll_b=$(median big rps)
    p99_h=$(ms "$(median health p99_us)")
    p99_a=$(ms "$(median small p99_us)")
    p99_b=$(ms "$(median big p99_us)")
    drift=$(awk -v a="$poll_a" -v b="$poll_b" 'BEGIN { printf "%+.1f", (b - a) / a * 100 }')
    local seeds="" s
    for s in "${SEED_SECONDS[@]}"; do
        IFS=: read -r c n sec <<<"$s"
        seeds+="$(thousands "$n") fans into concert $c in ${sec} s; "
    done
    cat <<EOF
### Waiting-room poll benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

- Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM
- Java: $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)
- Code: $JAR_ORIGIN
- Database: embedded H2 (file, MySQL mode), app and wrk on the same machine
- Command: \`${JAR:+JAR=$JAR }APP_WARMUP=$APP_WARMUP DURATION=$DURATION WARMUP=$WARMUP SMALL_LINE=$SMALL_LINE BIG_LINE=$BIG_LINE FANS=$FANS bench/queue-poll.sh\`
- App: \`${JAVA_CMD[*]}\`
- After $APP_WARMUP of unmeasured load on all three endpoints, $ROUNDS rounds; each row is
  \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/queue-poll.lua <url>\` after a $WARMUP warm-up;
  polls cycle through the $FANS fans' (bearer, Queue-Token) pairs; every poll answers WAIT (checked)
- Seeding: ${seeds%; }

| round | endpoint | line length | req/s | p50 ms | p90 ms | p99 ms | errors |
|---|---:|---|---:|---:|---:|---:|---:|
$(rows "$cid_a" "$cid_b")

Medians over the rounds: health $(thousands "$health") req/s (p99 $p99_h ms); $(thousands "$SMALL_LINE")-fan line \
$(thousands "$poll_a") req/s (p99 $p99_a ms); $(thousands "$BIG_LINE")-fan line $(thousands "$poll_b") req/s (p99 $p99_b ms).

| target | measured (medians) | result |
|---|---|---|
| poll ≥ ${MIN_SHARE_OF_HEALTH} % of health req/s ($(thousands "$SMALL_LINE")-fan line) | $(pct "$poll_a" "$health") % of $(thousands "$health") | $(verdict "$poll_a >= $health * $MIN_SHARE_OF_HEALTH / 100") |
| poll ≥ ${MIN_SHARE_OF_HEALTH} % of health req/s ($(thousands "$BIG_LINE")-fan line) | $(pct "$poll_b" "$health") % of $(thousands "$health") | $(verdict "$poll_b >= $health * $MIN_SHARE_OF_HEALTH / 100") |
| poll p99 < ${MAX_P99_MS} ms at $CONNECTIONS connections | $p99_a ms / $p99_b ms | $(verdict "$p99_a < $MAX_P99_MS && $p99_b < $MAX_P99_MS") |
| $(thousands "$BIG_LINE")-fan req/s within ${MAX_BIG_VS_SMALL} % of $(thousands "$SMALL_LINE")-fan | ${drift} % | $(verdict "$drift <= $MAX_BIG_VS_SMALL && $drift >= -$MAX_BIG_VS_SMALL") |
EOF
    if [[ $valid != yes ]]; then
        printf '\n**INVALID RUN:** %s\n' "$valid"
    fi
}

# --- main ----------------------------------------------------------------------------------------

# warm_up HEALTH_URL SMALL_URL SMALL_PAIRS BIG_URL BIG_PAIRS: APP_WARMUP split over the three
# endpoints, unmeasured, so that what follows measures compiled code, not the JIT at work.
warm_up() {
    local seconds=${APP_WARMUP%s}
    local each=$((seconds / 3))s
    log "warming the app up: $each on each endpoint"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -s "$LUA" -d"$each")
    wrk "${args[@]}" "$1" >/dev/null 2>&1 || die "wrk failed during the warm-up"
    QP_PAIRS=$3 QP_RESULT=/dev/null wrk "${args[@]}" "$2" >/dev/null 2>&1 || die "wrk failed during the warm-up"
    QP_PAIRS=$5 QP_RESULT=/dev/null wrk "${args[@]}" "$4" >/dev/null 2>&1 || die "wrk failed during the warm-up"
}

main() {
    mkdir -p "$RUN_DIR"
    ensure_tools
    prepare_jar
    extract_h2_jar
    start_app
    admin_login

    local cid_a cid_b
    cid_a=$(create_concert "Bench small line")
    cid_b=$(create_concert "Bench big line")
    seed_line "$cid_a" "$SMALL_LINE"
    seed_line "$cid_b" "$BIG_LINE"
    sleep 2 # the line snapshots polls read are cached for 250 ms; start from fresh ones

    log "signing up $FANS fans and joining both lines"
    python3 "$FANS_PY" setup "$BASE" "$FANS" qpfan "$cid_a:$RUN_DIR/pairs-small.txt" "$cid_b:$RUN_DIR/pairs-big.txt"
    check_fans "$cid_a" "$RUN_DIR/pairs-small.txt" "$SMALL_LINE"
    check_fans "$cid_b" "$RUN_DIR/pairs-big.txt" "$BIG_LINE"

    warm_up "$BASE/actuator/health" "$BASE/api/v1/concerts/$cid_a/queue" "$RUN_DIR/pairs-small.txt" \
        "$BASE/api/v1/concerts/$cid_b/queue" "$RUN_DIR/pairs-big.txt"
    local round kind names=()
    for ((round = 1; round <= ROUNDS; round++)); do
        for kind in $(order "$round"); do
            case $kind in
                health) run_wrk "health-$round" "$BASE/actuator/health" ;;
                small) run_wrk "small-$round" "$BASE/api/v1/concerts/$cid_a/queue" "$RUN_DIR/pairs-small.txt" ;;
                big) run_wrk "big-$round" "$BASE/api/v1/concerts/$cid_b/queue" "$RUN_DIR/pairs-big.txt" ;;
            esac
            names+=("$kind-$round")
        done
    done

    # The polls must still have been WAIT polls at the end: nobody admitted, nobody dropped.
    local valid=yes name
    check_fans "$cid_a" "$RUN_DIR/pairs-small.txt" "$SMALL_LINE"
    check_fans "$cid_b" "$RUN_DIR/pairs-big.txt" "$BIG_LINE"
    for name in "${names[@]}"; do
        if (($(errors "$name") > 0)); then
            valid="$name had $(errors "$name") errors (non-2xx or socket); see $RUN_DIR/$name.txt"
        fi
    done

    report "$cid_a" "$cid_b" "$valid" | tee "$REPORT"
    log "report: $REPORT; raw output and app log: $RUN_DIR"
    # Anything the app complained about during the run (startup included) deserves a look.
    if grep -qE ' (WARN|ERROR) ' "$RUN_DIR/app.log"; then
        log "the app logged WARN/ERROR lines (first 5 below); see $RUN_DIR/app.log"
        grep -E ' (WARN|ERROR) ' "$RUN_DIR/app.log" | head -5 | cut -c1-300 >&2
    fi
    [[ $valid == yes ]] || exit 1
}

main "$@"
