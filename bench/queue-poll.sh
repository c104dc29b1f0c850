#!/usr/bin/env bash
# Waiting-room poll benchmark: throughput and latency of a waiting fan's poll, side by side in one
# run of one app: the API poll (GET /api/v1/concerts/{id}/queue, bearer token and Queue-Token) for
# a fan behind 1,000 and behind 1,000,000 waiting fans, the browser's poll (the htmx panel's
# GET /concerts/{id}/waiting-room/status?ticket=..., session cookie and HX-Request) behind 1,000,
# and the app's own /actuator/health as the baseline. See bench/README.md for what it does and how
# to read the result.
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
ROUNDS=${ROUNDS:-3}                # rounds of health / API 1k-line / API 1M-line / browser 1k-line, the
                                   # order alternating, so that none gains from running later; medians
WARMUP=${WARMUP:-5s}               # an unmeasured wrk run before each measured one (JIT, caches)
APP_WARMUP=${APP_WARMUP:-240s}     # unmeasured load on all four endpoints before the first round: on
                                   # 2 cores C2 competes with the requests for about 4 minutes of load
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
SMALL_LINE=${SMALL_LINE:-1000}     # fans seeded ahead in concert A
BIG_LINE=${BIG_LINE:-1000000}      # fans seeded ahead in concert B
FANS=${FANS:-200}                  # real fans who join both lines (API) and sign in (login form) as
                                   # browsers; their polls are measured
PORT=${PORT:-18080}                # not 8080: other work on this machine uses it
HEAP=${HEAP:-2g}
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
KEEP_RUN=${KEEP_RUN:-0}            # 1: keep the database and jar in the run directory afterwards
SEED_CHUNK=${SEED_CHUNK:-100000}   # rows per INSERT, so no single transaction holds a million rows
MAVEN_WAIT=${MAVEN_WAIT:-600}      # seconds to wait for another Maven build in this tree to finish

# The issue's targets.
MIN_SHARE_OF_HEALTH=50   # poll req/s (API and browser) at least this % of health req/s
MAX_P99_MS=25            # poll p99 (API and browser) below this
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

# What every answer of each kind of request must be (a 200 containing this): health up, the API's
# WAIT, the browser's waiting panel with its position.
EXPECT_HEALTH='"status":"UP"'
EXPECT_API='"status":"WAIT"'
EXPECT_BROWSER='data-testid="position"'

# wrk_env KIND: the lua script's settings for one kind of request (health, small, big, page)
wrk_env() {
    case $1 in
        health) echo "QP_PAIRS= QP_MODE=api QP_EXPECT=$EXPECT_HEALTH" ;;
        small) echo "QP_PAIRS=$RUN_DIR/pairs-small.txt QP_MODE=api QP_EXPECT=$EXPECT_API" ;;
        big) echo "QP_PAIRS=$RUN_DIR/pairs-big.txt QP_MODE=api QP_EXPECT=$EXPECT_API" ;;
        page) echo "QP_PAIRS=$RUN_DIR/polls-small.txt QP_MODE=browser QP_EXPECT=$EXPECT_BROWSER" ;;
    esac
}

# the URL wrk is given for one kind (the browser's lines carry their own paths)
url_of() {
    case $1 in
        health) echo "$BASE/actuator/health" ;;
        small) echo "$BASE/api/v1/concerts/$CID_A/queue" ;;
        big) echo "$BASE/api/v1/concerts/$CID_B/queue" ;;
        page) echo "$BASE/concerts/$CID_A/waiting-room/status" ;;
    esac
}

# wrk_kind KIND RESULT WRK-ARGS...: wrk for one kind of request, its figures written to RESULT
wrk_kind() {
    local kind=$1 result=$2
    shift 2
    # shellcheck disable=SC2046 # the settings are words without spaces
    env $(wrk_env "$kind") QP_RESULT="$result" wrk -t"$THREADS" -c"$CONNECTIONS" -s "$LUA" "$@" "$(url_of "$kind")"
}

# run_wrk KIND ROUND: a warm-up run, then the measured run; figures go to RUN_DIR/KIND-ROUND.result.
run_wrk() {
    local kind=$1 name=$1-$2
    log "$name: warm-up $WARMUP"
    wrk_kind "$kind" "$RUN_DIR/$name.warmup.result" --latency -d"$WARMUP" >"$RUN_DIR/$name.warmup.txt" 2>&1 ||
        die "wrk failed: $(cat "$RUN_DIR/$name.warmup.txt")"
    log "$name: measuring $DURATION"
    local before after
    before=$(app_cpu_ticks)
    wrk_kind "$kind" "$RUN_DIR/$name.result" --latency -d"$DURATION" >"$RUN_DIR/$name.txt" 2>&1 ||
        die "wrk failed: $(cat "$RUN_DIR/$name.txt")"
    after=$(app_cpu_ticks)
    echo "cpu_us=$(((after - before) * 1000000 / $(getconf CLK_TCK)))" >>"$RUN_DIR/$name.result"
    log "$name: $(get "$name" rps) req/s, p99 $(ms "$(get "$name" p99_us)") ms, errors $(errors "$name")"
    sleep 2 # let the last-seen flush and the GC settle before the next run
}

get() { sed -n "s/^$2=//p" "$RUN_DIR/$1.result"; }
# the app's CPU time so far (user + system, in clock ticks), from /proc
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
# the app's CPU time per answer over a measured run, in µs: steadier than req/s on a busy machine
cpu_per_request() { awk -v c="$(get "$1" cpu_us)" -v n="$(get "$1" requests)" 'BEGIN { printf "%.0f", c / n }'; }
errors() { echo $(($(get "$1" err_status) + $(get "$1" err_socket) + $(get "$1" err_unexpected))); }
ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }
thousands() { printf '%d' "${1%.*}" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }

check_fans() {
    local cid=$1 pairs=$2 ahead=$3
    python3 "$FANS_PY" check "$BASE" "$cid" "$pairs" $((ahead + 1)) $((ahead + FANS)) >&2 ||
        die "the sample polls of concert $cid are not what the benchmark assumes"
}

check_browsers() {
    local polls=$1 ahead=$2
    python3 "$FANS_PY" check-browsers "$BASE" "$polls" $((ahead + 1)) $((ahead + FANS)) >&2 ||
        die "the sample browser polls of $polls are not what the benchmark assumes"
}

# --- report --------------------------------------------------------------------------------------

row() { # NAME ROUND ENDPOINT LINE
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$3" "$4" "$(thousands "$(get "$1" rps)")" \
        "$(ms "$(get "$1" p50_us)")" "$(ms "$(get "$1" p90_us)")" "$(ms "$(get "$1" p99_us)")" \
        "$(cpu_per_request "$1")" "$(errors "$1")"
}

# median KIND FIELD: the median over the rounds of one figure of one endpoint
median() {
    local r
    for ((r = 1; r <= ROUNDS; r++)); do get "$1-$r" "$2"; done |
        sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# the order of the endpoints in round R: forwards in odd rounds, backwards in even ones
order() { if (($1 % 2)); then echo health small big page; else echo page big small health; fi; }

rows() { # CID_A CID_B
    local r kind
    for ((r = 1; r <= ROUNDS; r++)); do
        for kind in $(order "$r"); do
            case $kind in
                health) row "health-$r" "$r" 'GET /actuator/health' '–' ;;
                small) row "small-$r" "$r" "GET /api/v1/concerts/$1/queue" "$(thousands "$SMALL_LINE") + $FANS" ;;
                big) row "big-$r" "$r" "GET /api/v1/concerts/$2/queue" "$(thousands "$BIG_LINE") + $FANS" ;;
                page) row "page-$r" "$r" "GET /concerts/$1/waiting-room/status (browser)" "$(thousands "$SMALL_LINE") + $FANS" ;;
            esac
        done
    done
}

verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

report() {
    local cid_a=$1 cid_b=$2 valid=$3
    local health poll_a poll_b page p99_h p99_a p99_b p99_page drift
    health=$(median health rps)
    poll_a=$(median small rps)
    poll_b=$(median big rps)
    page=$(median page rps)
    p99_h=$(ms "$(median health p99_us)")
    p99_a=$(ms "$(median small p99_us)")
    p99_b=$(ms "$(median big p99_us)")
    p99_page=$(ms "$(median page p99_us)")
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
- Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after it: $(cut -d' ' -f1-3 /proc/loadavg)
- Command: \`${JAR:+JAR=$JAR }APP_WARMUP=$APP_WARMUP DURATION=$DURATION WARMUP=$WARMUP SMALL_LINE=$SMALL_LINE BIG_LINE=$BIG_LINE FANS=$FANS bench/queue-poll.sh\`
- App: \`${JAVA_CMD[*]}\`
- After $APP_WARMUP of unmeasured load on all four endpoints, $ROUNDS rounds; each row is
  \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/queue-poll.lua <url>\` after a $WARMUP warm-up;
  API polls cycle through the $FANS fans' (bearer, Queue-Token) pairs, browser polls through the same
  fans' sessions (signed in through the login form; JSESSIONID cookie, \`HX-Request: true\`, the
  panel's own \`?ticket=\`); every answer was checked (API: 200 and WAIT; browser: 200 and the
  waiting panel with its position; a wrong one counts as an error)
- Seeding: ${seeds%; }

| round | endpoint | line length | req/s | p50 ms | p90 ms | p99 ms | app CPU µs/req | errors |
|---|---:|---|---:|---:|---:|---:|---:|---:|
$(rows "$cid_a" "$cid_b")

Medians over the rounds: health $(thousands "$health") req/s (p99 $p99_h ms); $(thousands "$SMALL_LINE")-fan line \
$(thousands "$poll_a") req/s (p99 $p99_a ms); $(thousands "$BIG_LINE")-fan line $(thousands "$poll_b") req/s (p99 $p99_b ms);
browser poll, $(thousands "$SMALL_LINE")-fan line, $(thousands "$page") req/s (p99 $p99_page ms), $(pct "$page" "$poll_a") % of the API poll's.

| target | measured (medians) | result |
|---|---|---|
| poll ≥ ${MIN_SHARE_OF_HEALTH} % of health req/s ($(thousands "$SMALL_LINE")-fan line) | $(pct "$poll_a" "$health") % of $(thousands "$health") | $(verdict "$poll_a >= $health * $MIN_SHARE_OF_HEALTH / 100") |
| poll ≥ ${MIN_SHARE_OF_HEALTH} % of health req/s ($(thousands "$BIG_LINE")-fan line) | $(pct "$poll_b" "$health") % of $(thousands "$health") | $(verdict "$poll_b >= $health * $MIN_SHARE_OF_HEALTH / 100") |
| poll p99 < ${MAX_P99_MS} ms at $CONNECTIONS connections | $p99_a ms / $p99_b ms | $(verdict "$p99_a < $MAX_P99_MS && $p99_b < $MAX_P99_MS") |
| browser poll ≥ ${MIN_SHARE_OF_HEALTH} % of health req/s ($(thousands "$SMALL_LINE")-fan line) | $(pct "$page" "$health") % of $(thousands "$health") | $(verdict "$page >= $health * $MIN_SHARE_OF_HEALTH / 100") |
| browser poll p99 < ${MAX_P99_MS} ms at $CONNECTIONS connections | $p99_page ms | $(verdict "$p99_page < $MAX_P99_MS") |
| $(thousands "$BIG_LINE")-fan req/s within ${MAX_BIG_VS_SMALL} % of $(thousands "$SMALL_LINE")-fan | ${drift} % | $(verdict "$drift <= $MAX_BIG_VS_SMALL && $drift >= -$MAX_BIG_VS_SMALL") |
EOF
    if [[ $valid != yes ]]; then
        printf '\n**INVALID RUN:** %s\n' "$valid"
    fi
}

# --- main ----------------------------------------------------------------------------------------

# warm_up: APP_WARMUP split over the four endpoints, unmeasured, so that what follows measures
# compiled code, not the JIT at work.
warm_up() {
    local seconds=${APP_WARMUP%s}
    local each=$((seconds / 4))s kind
    log "warming the app up: $each on each endpoint"
    for kind in health small big page; do
        wrk_kind "$kind" /dev/null -d"$each" >/dev/null 2>&1 || die "wrk failed during the warm-up"
    done
}

main() {
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    mkdir -p "$RUN_DIR"
    ensure_tools
    prepare_jar
    extract_h2_jar
    start_app
    admin_login

    CID_A=$(paused_concert "Bench small line")
    CID_B=$(paused_concert "Bench big line")
    local cid_a=$CID_A cid_b=$CID_B
    seed_line "$cid_a" "$SMALL_LINE"
    seed_line "$cid_b" "$BIG_LINE"
    sleep 2 # the line snapshots polls read are cached for 250 ms; start from fresh ones

    log "signing up $FANS fans and joining both lines"
    python3 "$FANS_PY" setup "$BASE" "$FANS" qpfan "$cid_a:$RUN_DIR/pairs-small.txt" "$cid_b:$RUN_DIR/pairs-big.txt"
    check_fans "$cid_a" "$RUN_DIR/pairs-small.txt" "$SMALL_LINE"
    check_fans "$cid_b" "$RUN_DIR/pairs-big.txt" "$BIG_LINE"
    log "signing the same fans in as browsers (login form) and opening the waiting room of concert $cid_a"
    python3 "$FANS_PY" browsers "$BASE" "$FANS" qpfan "$cid_a:$RUN_DIR/polls-small.txt"
    check_browsers "$RUN_DIR/polls-small.txt" "$SMALL_LINE"

    warm_up
    local round kind names=()
    for ((round = 1; round <= ROUNDS; round++)); do
        for kind in $(order "$round"); do
            run_wrk "$kind" "$round"
            names+=("$kind-$round")
        done
    done

    # The polls must still have been WAIT polls at the end: nobody admitted, nobody dropped.
    local valid=yes name
    check_fans "$cid_a" "$RUN_DIR/pairs-small.txt" "$SMALL_LINE"
    check_fans "$cid_b" "$RUN_DIR/pairs-big.txt" "$BIG_LINE"
    check_browsers "$RUN_DIR/polls-small.txt" "$SMALL_LINE"
    for name in "${names[@]}"; do
        if (($(errors "$name") > 0)); then
            valid="$name had $(errors "$name") errors (non-2xx, socket, or not the expected answer); see $RUN_DIR/$name.txt"
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
