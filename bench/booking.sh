#!/usr/bin/env bash
# Seat holds and payments on MariaDB, once per seat guard, side by side in one run:
#   0. APP_WARMUP (180 s) of holds and payments, unmeasured, so the JIT has done its work;
#   1. BURST (1,000) admitted fans fire one hold each at the SAME seat at the same moment:
#      winners (must be 1), answered (201 or 409), time from the release to the last answer;
#   2. holds/s on distinct seats: a closed loop of CONCURRENCY (64) requests for DURATION (30 s)
#      after a WARMUP, each request a new fan and a seat nobody else asks for;
#   3. payments/s: the reservations of (2) paid by their fans, same concurrency and duration;
# then checks the database (no seat in two live reservations, one PAYMENT ledger row per confirmed
# reservation, every wallet equal to its ledger) and prints a Markdown fragment, also saved as
# bench/results/booking-<timestamp>.md. See bench/README.md.
#
#   bench/booking.sh                                  # the full run (about 13 minutes)
#   DURATION=5s APP_WARMUP=20s bench/booking.sh       # a quick smoke run (about 4 minutes)
#   PROFILE=1 bench/booking.sh                        # plus perf over the windows, and JFR windows after them
#   SOAK=20m GUARDS=conditional-update MAX_RATE=500 bench/booking.sh
#                                                     # plus SOAK of holds and payments after the windows,
#                                                     # then health, holds and payments measured again
#
# Exit status: 0 when the run was valid (a missed target is a finding, printed as FAIL, not an
# error); 1 when an invariant check failed or a step went wrong.
set -euo pipefail

# The settings the caller gave, for the report's command line.
GIVEN=()
for setting in DURATION WARMUP APP_WARMUP CONCURRENCY BURST GUARDS MAX_RATE SEATS_PER_HOLD PORT HEAP JAR PROFILE \
    PROFILE_DURATION BENCH_DB STUCK_AFTER SOAK SOAK_STEP; do
    if [[ -n ${!setting+x} ]]; then GIVEN+=("$setting=${!setting}"); fi
done

# --- settings (environment) ----------------------------------------------------------------------
DURATION=${DURATION:-30s}          # each measured window (holds, payments)
WARMUP=${WARMUP:-5s}               # unmeasured load right before each measured window
APP_WARMUP=${APP_WARMUP:-180s}     # unmeasured holds, then payments (half each) before the burst:
                                   # on 2 cores C2 still took a quarter of a core after 60 s (the
                                   # report shows the JIT's share)
CONCURRENCY=${CONCURRENCY:-64}     # requests in flight in the closed loops
BURST=${BURST:-1000}               # fans firing at the one seat
GUARDS=${GUARDS:-conditional-update named-lock}
MAX_RATE=${MAX_RATE:-2000}         # seats are provisioned for this many holds/s; a run that empties
                                   # the pool says so (raise it then)
SEATS_PER_HOLD=${SEATS_PER_HOLD:-1}
PORT=${PORT:-18081}                # 8080 and 18080 belong to other work on this machine
HEAP=${HEAP:-2g}
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
PROFILE=${PROFILE:-0}              # 1: perf samples the app during the measured windows (cheap), and
                                   # one more window per operation runs under JFR (costly, so unmeasured)
PROFILE_DURATION=${PROFILE_DURATION:-10s}
MAVEN_WAIT=${MAVEN_WAIT:-600}      # seconds to wait for another Maven build in this tree
STUCK_AFTER=${STUCK_AFTER:-15}     # seconds without progress after which the warm-up's unhandled
                                   # payment events are taken as failed (see drain_events)
SOAK=${SOAK:-}                     # e.g. 20m: after the measured windows, this long of holds and
                                   # payments in turns (SOAK_STEP each), then /actuator/health, holds
                                   # and payments measured again; the report compares the two
SOAK_STEP=${SOAK_STEP:-30s}
HEALTH_DURATION=${HEALTH_DURATION:-10s} # wrk on /actuator/health, at the start and after the soak
BENCH_DB=${BENCH_DB:-stagedoor_bench} # our own database, dropped and recreated at every start: give
                                   # each engineer's run its own name on a shared MariaDB

# The issue's targets.
BURST_MAX_MS=2000        # all BURST attempts answered within this, with one winner
HOLDS_MIN=1500           # conditional-update holds/s
NAMED_LOCK_FACTOR=2      # named-lock holds/s within this factor of conditional-update
PAYMENTS_MIN=1000        # payments/s
SOAK_KEEP=0.9            # after the soak, health and holds at least this share of their first figures

# Our own database (BENCH_DB), root without a password on 127.0.0.1:3306.
[[ $BENCH_DB =~ ^[A-Za-z0-9_]+$ ]] || { echo "BENCH_DB must be a plain database name" >&2; exit 1; }
DB=$BENCH_DB
MARIADB=(mariadb -h127.0.0.1 -P3306 -uroot)
ADMIN_PASSWORD=bench-admin-pass
BALANCE=1000000                    # each fan's starting wallet, KRW: enough for any hold here
PRICE=10000                        # every seat's price, KRW
SEATS_PER_DATE=5000                # the app's limit per date: two sections of 50 × 50
MAX_DATES=60                       # the app's limit per concert
VIEWER_FAN=1000000                 # fetches seat maps and proves a minted token works
BURST_FIRST_FAN=1000001            # burst fans: 1000001 …
HOLD_FIRST_FAN=2000001             # holds fans: 2000001 … (one per hold)
# counters read before and after each measured window (server-wide: other work on the same
# MariaDB adds to them)
DB_COUNTERS="'Questions','Com_commit','Com_rollback','Innodb_data_fsyncs','Innodb_log_writes',\
'Innodb_row_lock_waits','Innodb_row_lock_time','Innodb_deadlocks','Innodb_buffer_pool_reads',\
'Handler_commit','Handler_write','Handler_update','Handler_read_key'"

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
RESULTS_DIR=$BENCH_DIR/results     # gitignored
RUN_DIR=$RESULTS_DIR/booking-run-$STAMP
REPORT=$RESULTS_DIR/booking-$STAMP.md
BASE=http://127.0.0.1:$PORT
JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0)   # ours, so the client can mint fans' tokens

MINT_SECONDS=""                    # how long minting the fans' tokens took, before any guard
GUARD_DIR=""                       # results of the guard being run

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# Stops the app this script started however the script ends; the jar copy (50 MB) goes too, as
# the commit is in the report.
cleanup() {
    local rc=$?
    stop_app
    [[ -f $RUN_DIR/app.jar ]] && rm -f "$RUN_DIR/app.jar"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# timed NAME COMMAND…: runs the command and notes how long it took in the guard's setup timings.
timed() {
    local name=$1 start end
    shift
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    printf '%s\t%.1f\n' "$name" "$(echo "$end - $start" | bc)" >>"$GUARD_DIR/setup.tsv"
}

sql() { "${MARIADB[@]}" -N -B "$DB" -e "$1"; }

# --- preparation ---------------------------------------------------------------------------------

ensure_tools() {
    local tool
    if [[ -n $SOAK ]] && ! command -v wrk >/dev/null; then
        log "installing wrk with apt-get (the soak measures /actuator/health with it)"
        local sudo=""
        [[ $(id -u) -eq 0 ]] || sudo=sudo
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y wrk >/dev/null 2>&1 ||
            { $sudo apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y wrk >/dev/null; }
    fi
    for tool in java curl jq bc mariadb ${SOAK:+wrk}; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
    if [[ $PROFILE == 1 ]]; then
        command -v jcmd >/dev/null || die "jcmd is needed for PROFILE=1"
        if ! command -v perf >/dev/null; then
            log "no perf (apt-get install linux-perf): the profiled windows get JFR only"
        fi
    fi
    if ! "${MARIADB[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
        log "MariaDB is down; starting it with bin/test-prerequisites"
        "$REPO_DIR/bin/test-prerequisites" >"$RUN_DIR/prerequisites.log" 2>&1 || die "see $RUN_DIR/prerequisites.log"
    fi
    DB_PID=$(pgrep -xo mariadbd || pgrep -xo mysqld || true)
    [[ -n $DB_PID ]] || log "cannot see the MariaDB process here; its CPU will not be reported"
}

# How fast one small synchronous write reaches the disk here: what a commit's log flush costs.
probe_fsync() {
    local probe=$RUN_DIR/fsync.probe out
    out=$(dd if=/dev/zero of="$probe" bs=4k count=500 oflag=dsync 2>&1 | tail -1)
    rm -f "$probe"
    # "2048000 bytes (2.0 MB, 2.0 MiB) copied, 0.41 s, 5.0 MB/s"
    awk -v line="$out" 'BEGIN { split(line, a, ", "); split(a[3], b, " "); printf "%.2f", b[1] * 1000 / 500 }'
}

# --- one guard: database, app, concerts, fans ----------------------------------------------------

recreate_db() {
    "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

start_app() {
    local guard=$1
    port_in_use && die "port $PORT is already in use; is another benchmark running?"
    local jvm=(-Xmx"$HEAP")
    # deep Spring stacks: keep enough frames to see which of the app's methods a sample is in
    [[ $PROFILE == 1 ]] && jvm+=(-XX:FlightRecorderOptions:stackdepth=256)
    (cd "$GUARD_DIR" && exec java "${jvm[@]}" -jar "$RUN_DIR/app.jar" \
        --spring.profiles.active=mysql \
        "--spring.datasource.url=$(jdbc_url "$DB")" \
        --spring.datasource.username=root --spring.datasource.password= \
        "--server.port=$PORT" \
        "--stagedoor.member.admin.password=$ADMIN_PASSWORD" \
        "--stagedoor.web.jwt-secret=$JWT_SECRET" \
        "--stagedoor.booking.guard=$guard" \
        --stagedoor.web.rate-limits.enabled=false \
        --logging.level.root=warn) >"$GUARD_DIR/app.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$GUARD_DIR/app.log"
    log "app up (pid $APP_PID, guard $guard)"
}

# create_concert TITLE DATES ROWS SEATS_PER_ROW → prints {"id","performanceIds"}. Two sections of
# ROWS × SEATS_PER_ROW, on sale since an hour ago, dates a day apart from next month on.
create_concert() {
    local title=$1 dates=$2 rows=$3 per_row=$4 starts=() i
    for ((i = 0; i < dates; i++)); do starts+=("$(date -u -d "+$((30 + i)) days" +%Y-%m-%dT11:00:00Z)"); done
    local body
    body=$(jq -n --arg title "$title" --arg open "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" \
        --argjson rows "$rows" --argjson perRow "$per_row" --argjson price "$PRICE" \
        --args '{title: $title, artist: "Bench", venue: "Bench Hall", description: "booking.sh",
                 salesOpenAt: $open, maxSeatsPerMember: 4,
                 performances: [$ARGS.positional[] | {startsAt: .}],
                 sections: [{name: "A", rows: $rows, seatsPerRow: $perRow, price: $price},
                            {name: "B", rows: $rows, seatsPerRow: $perRow, price: $price}]}' "${starts[@]}")
    local created
    created=$(api POST /api/v1/admin/concerts 201 "$body")
    # holds last an hour and admissions a day, so nothing lapses mid-run; the line is paused,
    # so the promoter admits nobody: admission is what seed_fans writes.
    api PUT "/api/v1/admin/concerts/$(jq -r .id <<<"$created")/queue-settings" 200 \
        '{"admitCount":50,"admitIntervalSeconds":10,"maxActive":null,"activeSeconds":86400,"holdSeconds":3600,"preQueueMinutes":0,"paused":true}' >/dev/null
    echo "$created"
}

create_concerts() {
    local burst hold
    burst=$(create_concert "Burst" 1 5 10)   # 100 seats; the burst uses the first
    BURST_CONCERT=$(jq -r .id <<<"$burst")
    BURST_PERFORMANCE=$(jq -r '.performanceIds[0]' <<<"$burst")
    # a concert has at most MAX_DATES dates: a long soak needs more than one
    local left=$DATES dates ids=() performances=()
    while ((left > 0)); do
        dates=$((left < MAX_DATES ? left : MAX_DATES))
        hold=$(create_concert "Holds ${#ids[@]}" "$dates" 50 50)
        ids+=("$(jq -r .id <<<"$hold")")
        performances+=("$(jq -r '.performanceIds | join(",")' <<<"$hold")")
        left=$((left - dates))
    done
    HOLD_CONCERTS="${ids[*]}"
    HOLD_PERFORMANCES=$(IFS=,; echo "${performances[*]}")
}

# seed_fans FIRST COUNT CONCERT…: fans straight into the database (signing up through the API
# costs a bcrypt hash each), each with a charged wallet whose CHARGE row keeps the ledger equal to
# the balance, and admitted to the given concerts until far in the future. Usernames are
# bench<id>: BookingLoad.java mints their tokens from that.
seed_fans() {
    local first=$1 count=$2 concert
    shift 2
    local range="seq_${first}_to_$((first + count - 1))" # MariaDB's sequence engine
    sql "INSERT INTO members (id, username, password_hash, role, created_at)
           SELECT seq, CONCAT('bench', seq), '!no-password', 'FAN', UTC_TIMESTAMP(3) FROM $range;
         INSERT INTO wallets (member_id, balance, updated_at) SELECT seq, $BALANCE, UTC_TIMESTAMP(3) FROM $range;
         INSERT INTO wallet_transactions (member_id, type, amount, balance_after, reference, created_at)
           SELECT seq, 'CHARGE', $BALANCE, $BALANCE, 'bench-seed', UTC_TIMESTAMP(3) FROM $range;"
    for concert in "$@"; do
        sql "INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, joined_mark, status, joined_at,
                                       last_seen_at, admitted_at, active_until)
               SELECT $concert, seq, seq, NULL, 0, 'ACTIVE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3),
                      '2099-12-31 00:00:00' FROM $range;"
    done
}

seed_all_fans() {
    # shellcheck disable=SC2086 # one admission per hold concert
    seed_fans "$VIEWER_FAN" 1 "$BURST_CONCERT" $HOLD_CONCERTS
    seed_fans "$BURST_FIRST_FAN" "$BURST" "$BURST_CONCERT"
    # shellcheck disable=SC2086
    seed_fans "$HOLD_FIRST_FAN" "$HOLD_FANS" $HOLD_CONCERTS
}

# client NAME ARGS…: a load tool that calls the app as fans, with their tokens.
client() { tool "$@" --base "$BASE" --tokens "$RUN_DIR/tokens.tsv"; }

# The fans' bearer tokens, minted once with the app's own code and key, so no window pays for it.
mint_tokens() {
    local n
    n=$(tool FanTokens --secret "$JWT_SECRET" --out "$RUN_DIR/tokens.tsv" \
        --fans "$VIEWER_FAN:1,$BURST_FIRST_FAN:$BURST,$HOLD_FIRST_FAN:$HOLD_FANS")
    ((n == BURST + HOLD_FANS + 1)) || die "minted $n tokens, expected $((BURST + HOLD_FANS + 1))"
}

# The seat maps through the API, as a fan sees them (and a check that the seats are all there).
fetch_seats() {
    local n
    n=$(client SeatMaps --member "$VIEWER_FAN" --performances "$BURST_PERFORMANCE" --out "$GUARD_DIR/burst-seats.tsv")
    ((n == 100)) || die "the burst date has $n available seats, expected 100"
    BURST_SEAT=$(head -1 "$GUARD_DIR/burst-seats.tsv" | cut -f2)
    REHEARSAL_SEAT=$(sed -n 2p "$GUARD_DIR/burst-seats.tsv" | cut -f2)
    n=$(client SeatMaps --member "$VIEWER_FAN" --performances "$HOLD_PERFORMANCES" --out "$GUARD_DIR/seats.tsv")
    ((n == DATES * SEATS_PER_DATE)) || die "the holds dates have $n available seats, expected $((DATES * SEATS_PER_DATE))"
}

# --- the measurements ----------------------------------------------------------------------------

# What the closed loops pass for evidence: the pids to account CPU to, and the database counters.
evidence_args() {
    local args=(--pids "app=$APP_PID${DB_PID:+,mariadbd=$DB_PID}"
        --counters-cmd "${MARIADB[*]} -N -B -e \"SHOW GLOBAL STATUS WHERE Variable_name IN ($DB_COUNTERS)\"")
    printf '%s\0' "${args[@]}"
}

hold_args() {
    printf '%s\0' --seats "$GUARD_DIR/seats.tsv" --first-fan "$HOLD_FIRST_FAN" --seats-per-hold "$SEATS_PER_HOLD" \
        --concurrency "$CONCURRENCY" --reservations "$GUARD_DIR/reservations.tsv"
}

# Unmeasured holds on distinct seats, then payments of those holds, half of APP_WARMUP each, so
# the burst and the windows meet a warm app (JIT, pools, caches), as a sale opening meets a server
# that has been serving. On this 2-core machine the JIT's compiler threads take more than a core
# for about a minute after the start: measured earlier, the windows would mostly measure the JIT.
warm_up() {
    local args half
    mapfile -d '' args < <(hold_args)
    half=$(($(seconds_of "$APP_WARMUP") / 2))s
    client Holds "${args[@]}" --warmup "$half" --duration 0s --label warmup --start-at 0 \
        --result "$GUARD_DIR/warmup-holds.json" >/dev/null
    client Payments --reservations "$GUARD_DIR/reservations.tsv" --concurrency "$CONCURRENCY" --start-at 0 \
        --warmup "$half" --duration 0s --result "$GUARD_DIR/warmup-payments.json" >/dev/null
    log "warm-up: $(jq .warmup.ok "$GUARD_DIR/warmup-holds.json") holds, $(jq .warmup.ok "$GUARD_DIR/warmup-payments.json") payments"
}

# A payment's ReservationConfirmed listener (using up the fan's admission) runs after the answer,
# on the app's task threads, and under the warm-up's load it falls behind; let it catch up, so the
# windows after the warm-up do not pay for the warm-up's payments. A listener that failed is not
# waited for: one marked FAILED, and one that stays incomplete while nothing else moves for
# STUCK_AFTER seconds (on an overloaded machine a listener that cannot get a connection may not
# be able to mark itself failed either; the app would retry it at its next start).
drain_events() {
    local left failed last=-1 still=0
    for _ in $(seq 1 600); do
        left=$(sql "SELECT COUNT(*) FROM EVENT_PUBLICATION
                     WHERE COMPLETION_DATE IS NULL AND (STATUS IS NULL OR STATUS <> 'FAILED')")
        if ((left == last)); then still=$((still + 1)); else still=0; fi
        last=$left
        if ((left == 0 || still >= STUCK_AFTER * 2)); then
            failed=$(sql "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
            ((failed == 0)) || log "WARNING: $failed payment events of the warm-up failed or are stuck; see $GUARD_DIR/app.log"
            return
        fi
        sleep 0.5
    done
    die "$left event publications still incomplete 300 s after the warm-up"
}

# The same fans at another seat first: the warm-up's holds all succeed, so the losing path (the
# 409 and its problem+json) has not run yet; the rehearsal's figures are reported too.
burst() {
    log "rehearsal burst: $BURST fans at seat $REHEARSAL_SEAT"
    client Burst --first-fan "$BURST_FIRST_FAN" --count "$BURST" --performance "$BURST_PERFORMANCE" \
        --seat "$REHEARSAL_SEAT" --result "$GUARD_DIR/rehearsal.json" >/dev/null
    jq -c . "$GUARD_DIR/rehearsal.json" >&2
    log "burst: $BURST fans at seat $BURST_SEAT"
    client Burst --first-fan "$BURST_FIRST_FAN" --count "$BURST" --performance "$BURST_PERFORMANCE" \
        --seat "$BURST_SEAT" --result "$GUARD_DIR/burst.json" >/dev/null
    jq -c . "$GUARD_DIR/burst.json" >&2
}

measure_holds() {
    local args evidence start
    mapfile -d '' args < <(hold_args)
    mapfile -d '' evidence < <(evidence_args)
    start=$(jq -r .nextStartAt "$GUARD_DIR/warmup-holds.json")
    log "holds: $CONCURRENCY concurrent for $DURATION (after $WARMUP warm-up)"
    with_perf holds client Holds "${args[@]}" "${evidence[@]}" --warmup "$WARMUP" --duration "$DURATION" --label measured \
        --start-at "$start" --result "$GUARD_DIR/holds.json" >/dev/null
    jq -c 'del(.db)' "$GUARD_DIR/holds.json" >&2
}

measure_payments() {
    local evidence start
    mapfile -d '' evidence < <(evidence_args)
    # the warm-up's leftover holds first, then the measured window's
    start=$(jq -r .nextStartAt "$GUARD_DIR/warmup-payments.json")
    log "payments: $CONCURRENCY concurrent for $DURATION (after $WARMUP warm-up)"
    with_perf payments client Payments --reservations "$GUARD_DIR/reservations.tsv" --start-at "$start" \
        --concurrency "$CONCURRENCY" "${evidence[@]}" \
        --warmup "$WARMUP" --duration "$DURATION" --result "$GUARD_DIR/payments.json" >/dev/null
    jq -c 'del(.db)' "$GUARD_DIR/payments.json" >&2
}

# with_perf NAME COMMAND…: with PROFILE=1 and perf at hand, runs the command (a measured
# window's invocation: its warm-up and its window) while perf samples the whole app process at
# 499 Hz: its request threads, JIT compilers, GC and the VM's own code, which JFR's Java-only
# samples miss. perf costs the app little, unlike JFR, so it may watch the measured windows.
with_perf() {
    local name=$1 perf_pid=""
    shift
    if [[ $PROFILE == 1 ]] && command -v perf >/dev/null; then
        perf record -F 499 -g -p "$APP_PID" -o "$GUARD_DIR/$name.perf" >"$GUARD_DIR/$name.perf.log" 2>&1 &
        perf_pid=$!
    fi
    "$@"
    if [[ -n $perf_pid ]]; then
        kill -INT "$perf_pid" 2>/dev/null || true
        wait "$perf_pid" || true
        jcmd "$APP_PID" Compiler.perfmap >/dev/null 2>&1 || true # names for the JIT's code
        perf_summary "$GUARD_DIR/$name.perf" >"$GUARD_DIR/$name-perf.txt" 2>&1
    fi
}

# profiled NAME COMMAND…: one more, unmeasured window under JFR (settings "profile"), for the
# Java-level picture: libraries, the app's methods, what request threads wait for. Starting JFR
# costs the app dearly here (its instrumentation sends much code back to the interpreter and the
# JIT, and deep stack walks), which is why no measured window runs under it.
profiled() {
    local name=$1
    shift
    log "profiling $name under JFR for $PROFILE_DURATION"
    jcmd "$APP_PID" JFR.start name="$name" settings=profile filename="$GUARD_DIR/$name.jfr" >/dev/null
    "$@"
    jcmd "$APP_PID" JFR.stop name="$name" >/dev/null
    {
        echo "Throughput under JFR: $(jq .throughput "$GUARD_DIR/$name-profiled.json")/s" \
            "(app CPU $(jq .cpu.app "$GUARD_DIR/$name-profiled.json") %:" \
            "$(jq -r '[.cpu.appThreads | to_entries[:3][] | "\(.key) \(.value)"] | join(", ")' "$GUARD_DIR/$name-profiled.json"))"
        tool JfrTop --jfr "$GUARD_DIR/$name.jfr" --top 12
    } >"$GUARD_DIR/$name-jfr.txt" 2>&1
}

# perf_summary DATA: the app's CPU by thread, by kind of code, and its hottest symbols.
perf_summary() {
    local data=$1
    echo "$(perf report -i "$data" --stdio 2>/dev/null | sed -n 's/^# Samples: \([^ ]*\).*/\1/p' | head -1) samples;" \
        "by thread (Linux keeps 15 characters of a name):"
    perf report -i "$data" --no-children --sort comm --stdio -g none 2>/dev/null | awk '/^ +[0-9]/ && n++ < 8'
    echo "by kind of code ([JIT] is Java, compiled or interpreted; libjvm.so the VM itself: JIT compilers, GC, runtime):"
    perf report -i "$data" --no-children --sort dso --stdio -g none 2>/dev/null | awk '/^ +[0-9]/ && n++ < 6'
    echo "hottest symbols:"
    perf report -i "$data" --no-children --sort sym --stdio -g none 2>/dev/null | awk '/^ +[0-9]/ && n++ < 25' | cut -c1-150
}

profile_holds() {
    local args evidence
    mapfile -d '' args < <(hold_args)
    mapfile -d '' evidence < <(evidence_args)
    profiled holds client Holds "${args[@]}" "${evidence[@]}" --warmup 0s --duration "$PROFILE_DURATION" \
        --label profiled --start-at "$(jq -r .nextStartAt "$GUARD_DIR/holds.json")" \
        --result "$GUARD_DIR/holds-profiled.json" >/dev/null
}

profile_payments() {
    local evidence
    mapfile -d '' evidence < <(evidence_args)
    profiled payments client Payments --reservations "$GUARD_DIR/reservations.tsv" \
        --start-at "$(jq -r .nextStartAt "$GUARD_DIR/payments.json")" --concurrency "$CONCURRENCY" "${evidence[@]}" \
        --warmup 0s --duration "$PROFILE_DURATION" --result "$GUARD_DIR/payments-profiled.json" >/dev/null
}

# --- the soak: does the app slow down as it works? ---------------------------------------------

# health NAME: wrk on /actuator/health for HEALTH_DURATION, 64 connections, with nothing else
# running, after as long again unmeasured; its JSON (req/s, p99, the app's CPU per request) goes to GUARD_DIR/health-NAME.json.
health() {
    local name=$1 out=$GUARD_DIR/health-$1.txt cpu_before cpu_after seconds
    seconds=$(seconds_of "$HEALTH_DURATION")
    # the warm-up ran holds and payments only: the health endpoint's own code is warmed here first,
    # unmeasured, and the burst's thousand connections are let go
    sleep 5
    wrk -t2 -c64 -d"${seconds}s" "$BASE/actuator/health" >/dev/null 2>&1
    cpu_before=$(process_cpu_ticks "$APP_PID")
    wrk -t2 -c64 -d"${seconds}s" --latency "$BASE/actuator/health" >"$out" 2>&1
    cpu_after=$(process_cpu_ticks "$APP_PID")
    local rate p99
    rate=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p99=$(awk '$1 == "99%" { print $2 }' "$out")
    jq -n --arg name "$name" --argjson rate "$rate" --arg p99 "$p99" --argjson seconds "$seconds" \
        --argjson ticks "$((cpu_after - cpu_before))" --argjson hz "$(getconf CLK_TCK)" \
        '{name: $name, throughput: $rate, p99: $p99,
          appCpuMillisPerRequest: (($ticks / $hz * 1000) / ($rate * $seconds) * 1000 | round / 1000)}' \
        >"$GUARD_DIR/health-$name.json"
    jq -c . "$GUARD_DIR/health-$name.json" >&2
}

# process_cpu_ticks PID: user + system clock ticks of the process so far.
process_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# SOAK of holds and payments in turns, SOAK_STEP each, on from where the measured windows left
# off, unmeasured; then health, holds and payments measured again as at the start.
soak() {
    local step hold_start pay_start turn=0 until args evidence
    step=$(seconds_of "$SOAK_STEP")s
    mapfile -d '' args < <(hold_args)
    hold_start=$(jq -r .nextStartAt "$GUARD_DIR/holds.json")
    pay_start=$(jq -r .nextStartAt "$GUARD_DIR/payments.json")
    until=$((SECONDS + $(seconds_of "$SOAK")))
    log "soak: holds and payments in turns of $step for $SOAK"
    while ((SECONDS < until)); do
        turn=$((turn + 1))
        client Holds "${args[@]}" --warmup 0s --duration "$step" --label "soak$turn" --start-at "$hold_start" \
            --result "$GUARD_DIR/soak-holds-$turn.json" >/dev/null
        hold_start=$(jq -r .nextStartAt "$GUARD_DIR/soak-holds-$turn.json")
        client Payments --reservations "$GUARD_DIR/reservations.tsv" --concurrency "$CONCURRENCY" \
            --start-at "$pay_start" --warmup 0s --duration "$step" --result "$GUARD_DIR/soak-payments-$turn.json" >/dev/null
        pay_start=$(jq -r .nextStartAt "$GUARD_DIR/soak-payments-$turn.json")
        log "soak turn $turn: $(jq .throughput "$GUARD_DIR/soak-holds-$turn.json") holds/s," \
            "$(jq .throughput "$GUARD_DIR/soak-payments-$turn.json") payments/s;" \
            "$(sql 'SELECT COUNT(*) FROM reservations') reservations, $(sql 'SELECT COUNT(*) FROM tickets') tickets"
        if [[ $(jq -r .exhausted "$GUARD_DIR/soak-holds-$turn.json") == true ]]; then
            die "the seat pool ran dry in the soak's turn $turn: raise MAX_RATE"
        fi
    done
    echo "$turn" >"$GUARD_DIR/soak-turns"
    health end
    mapfile -d '' evidence < <(evidence_args)
    log "holds again after the soak"
    client Holds "${args[@]}" "${evidence[@]}" --warmup "$WARMUP" --duration "$DURATION" --label after-soak \
        --start-at "$hold_start" --result "$GUARD_DIR/holds-end.json" >/dev/null
    jq -c 'del(.db)' "$GUARD_DIR/holds-end.json" >&2
    log "payments again after the soak"
    client Payments --reservations "$GUARD_DIR/reservations.tsv" --concurrency "$CONCURRENCY" "${evidence[@]}" \
        --start-at "$pay_start" --warmup "$WARMUP" --duration "$DURATION" --result "$GUARD_DIR/payments-end.json" >/dev/null
    jq -c 'del(.db)' "$GUARD_DIR/payments-end.json" >&2
    sql "SELECT CONCAT((SELECT COUNT(*) FROM reservations), ' / ', (SELECT COUNT(*) FROM tickets), ' / ',
                       (SELECT COUNT(*) FROM wallet_transactions))" >"$GUARD_DIR/rows-end.txt"
}

# --- the database's word -------------------------------------------------------------------------

# check NAME EXPECTED SQL: one invariant, its count as the database sees it, PASS or FAIL.
check() {
    local name=$1 expected=$2 query=$3 got verdict=PASS
    got=$(sql "$query")
    [[ $got == "$expected" ]] || verdict=FAIL
    jq -nc --arg name "$name" --arg expected "$expected" --arg got "$got" --arg verdict "$verdict" \
        '{name: $name, expected: $expected, got: $got, verdict: $verdict}' >>"$GUARD_DIR/checks.jsonl"
}

check_invariants() {
    : >"$GUARD_DIR/checks.jsonl"
    local held paid
    # what the client saw answered 201 and 200, to hold the database to
    held=$(($(jq '.winners' "$GUARD_DIR/burst.json") + $(jq '.winners' "$GUARD_DIR/rehearsal.json") +
        $(wc -l <"$GUARD_DIR/reservations.tsv")))
    local answered
    answered=("$GUARD_DIR"/warmup-payments.json "$GUARD_DIR"/payments*.json)
    if [[ -n $SOAK ]]; then answered+=("$GUARD_DIR"/soak-payments-*.json); fi
    paid=$(jq -s 'map((.warmup.ok // 0) + (.ok // 0)) | add' "${answered[@]}")
    check "no seat in two live reservations" 0 \
        "SELECT COUNT(*) FROM (SELECT live_seat_id FROM reservation_seats WHERE live_seat_id IS NOT NULL
                                GROUP BY live_seat_id HAVING COUNT(*) > 1) twice"
    check "the burst seat is in exactly one live reservation" 1 \
        "SELECT COUNT(*) FROM reservation_seats WHERE live_seat_id = $BURST_SEAT"
    check "the rehearsal's seat is in exactly one live reservation" 1 \
        "SELECT COUNT(*) FROM reservation_seats WHERE live_seat_id = $REHEARSAL_SEAT"
    check "every confirmed reservation has exactly one PAYMENT ledger row" 0 \
        "SELECT COUNT(*) FROM reservations r
           LEFT JOIN (SELECT CAST(SUBSTRING(reference, 13) AS UNSIGNED) AS reservation_id, COUNT(*) AS n
                        FROM wallet_transactions WHERE type = 'PAYMENT' AND reference LIKE 'reservation:%'
                       GROUP BY reservation_id) p ON p.reservation_id = r.id
          WHERE r.status = 'CONFIRM' AND COALESCE(p.n, 0) <> 1"
    check "no PAYMENT ledger row without its confirmed reservation" 0 \
        "SELECT COUNT(*) FROM wallet_transactions t
           LEFT JOIN reservations r ON r.id = CAST(SUBSTRING(t.reference, 13) AS UNSIGNED) AND r.status = 'CONFIRM'
          WHERE t.type = 'PAYMENT' AND r.id IS NULL"
    check "every wallet's balance equals its ledger sum" 0 \
        "SELECT COUNT(*) FROM wallets w
           LEFT JOIN (SELECT member_id, SUM(amount) AS total FROM wallet_transactions GROUP BY member_id) l
                  ON l.member_id = w.member_id
          WHERE w.balance <> COALESCE(l.total, 0)"
    check "seats agree with their live reservations (RESERVED ↔ REQUEST, BOOKED ↔ CONFIRM)" 0 \
        "SELECT (SELECT COUNT(*) FROM reservation_seats rs
                   JOIN reservations r ON r.id = rs.reservation_id JOIN seats s ON s.id = rs.seat_id
                  WHERE rs.live_seat_id IS NOT NULL
                    AND NOT (s.reservation_id <=> r.id
                             AND s.status = IF(r.status = 'CONFIRM', 'BOOKED', 'RESERVED')))
              + (SELECT COUNT(*) FROM seats s WHERE s.status <> 'AVAILABLE'
                    AND NOT EXISTS (SELECT 1 FROM reservation_seats rs
                                     WHERE rs.live_seat_id = s.id AND rs.reservation_id = s.reservation_id))"
    check "reservations in the database = holds answered 201" "$held" "SELECT COUNT(*) FROM reservations"
    check "confirmed reservations = payments answered 200" "$paid" \
        "SELECT COUNT(*) FROM reservations WHERE status = 'CONFIRM'"
    check "payments rows = payments answered 200" "$paid" "SELECT COUNT(*) FROM payments"
}

# --- one guard, start to end ---------------------------------------------------------------------

run_guard() {
    local guard=$1
    GUARD_DIR=$RUN_DIR/$guard
    mkdir -p "$GUARD_DIR"
    : >"$GUARD_DIR/setup.tsv"
    log "=== $guard ==="
    timed "recreate the database" recreate_db
    timed "start the app (Flyway creates the schema)" start_app "$guard"
    admin_login
    timed "create the concerts ($((DATES * SEATS_PER_DATE + 100)) seats, API)" create_concerts
    timed "seed $((BURST + HOLD_FANS + 1)) fans (SQL)" seed_all_fans
    timed "check a minted token (GET /api/v1/wallet)" client TokenCheck --member "$VIEWER_FAN" >/dev/null
    timed "fetch the seat maps (API)" fetch_seats
    timed "warm up the app ($APP_WARMUP of holds, then payments)" warm_up
    timed "wait for the warm-up's payment events to be handled" drain_events
    burst
    if [[ -n $SOAK ]]; then health start; fi
    measure_holds
    measure_payments
    if [[ -n $SOAK ]]; then soak; fi
    # JFR's start sends compiled code back to the interpreter: profile only after both measured windows
    if [[ $PROFILE == 1 ]]; then
        profile_holds
        profile_payments
    fi
    local pid=$APP_PID
    stop_app # let its last async work (payment events) finish before the database is read
    rm -f "/tmp/perf-$pid.map" # written by Compiler.perfmap for the perf summaries only
    timed "check the invariants (SQL)" check_invariants
    jq -c '[.name, .got, .verdict]' "$GUARD_DIR/checks.jsonl" >&2
}

# --- the report ----------------------------------------------------------------------------------

# j GUARD FILE JQ: one value of a guard's results
j() { jq -r "$3" "$RUN_DIR/$1/$2.json"; }

# row LABEL FILE JQ: a table row with one cell per guard
row() {
    local label=$1 file=$2 expr=$3 guard
    local line="| $label |"
    for guard in $GUARDS; do line+=" $(j "$guard" "$file" "$expr") |"; done
    echo "$line"
}

verdict() { if [[ $1 == 1 ]]; then echo PASS; else echo FAIL; fi; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }'; }

report() {
    local guards=($GUARDS) guard header="| |" rule="|---|"
    for guard in "${guards[@]}"; do
        header+=" \`$guard\` |"
        rule+="---:|"
    done
    # per operation: SQL statements, commits, InnoDB fsyncs (data and log; 10.11 counts them
    # together), row-lock waits
    local per_op='(.db as $d | (.ok // 0) as $n | def per($k; $scale): (($d[$k] // 0) / $n * $scale | round) / $scale;
        if $n == 0 then "–" else
        "\(per("Questions"; 10)) / \(per("Com_commit"; 100)) / \(per("Innodb_data_fsyncs"; 100)) / \(per("Innodb_row_lock_waits"; 1000))" end)'
    local cpu='"\(.cpu.app) / \(.cpu.mariadbd // "–") / \(.cpu.client) / \(.cpu.others) (busy \(.cpu.machineBusy) of \(.cpu.cores * 100); steal \(.cpu.steal))"'
    local threads='[.cpu.appThreads // {} | to_entries[:4][] | "\(.key) \(.value)"] | join(", ")'
    local blank
    blank=$(printf ' |%.0s' "${guards[@]}")
    local fmt_statuses='[.statuses | to_entries[] | "\(.key) ×\(.value)"] | join(", ")'

    echo "## Seat holds and payments on MariaDB ($(date -u +%Y-%m-%d))"
    echo
    echo "- Machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM" \
        "(\`free -g\`); disk: a 4 KiB O_DSYNC write takes ${FSYNC_MS} ms"
    echo "- $(java -version 2>&1 | head -1); MariaDB $("${MARIADB[@]}" -N -e 'SELECT VERSION()')" \
        "(innodb_flush_log_at_trx_commit=$("${MARIADB[@]}" -N -e 'SELECT @@innodb_flush_log_at_trx_commit')," \
        "buffer pool $(("$("${MARIADB[@]}" -N -e 'SELECT @@innodb_buffer_pool_size')" / 1048576)) MiB," \
        "binlog $("${MARIADB[@]}" -N -e 'SELECT IF(@@log_bin, "on", "off")'))"
    echo "- Stagedoor $JAR_ORIGIN," \
        "\`-Xmx$HEAP\`, Hikari pools of 20 connections each (the default \`spring.datasource.hikari.maximum-pool-size\`), Tomcat's 200 threads"
    echo "- App, MariaDB and the load client share the machine; load average at the start: $LOADAVG"
    echo "- The fans' tokens were minted before the run (the app's own \`ApiTokens\`, ${MINT_SECONDS} s), so no window signs any"
    echo "- Run started: $STARTED"
    echo
    echo '```sh'
    echo "${GIVEN[*]:+${GIVEN[*]} }bench/booking.sh"
    echo '```'
    echo
    echo "$header"
    echo "$rule"
    echo "| **$BURST holds on one seat at once** (after $APP_WARMUP of warm-up) |$blank"
    row "winners (must be 1)" burst '.winners'
    row "answered, 201 or 409 (must be $BURST)" burst '.answered'
    row "answers" burst "$fmt_statuses"
    row "time to the last answer (median)" burst '"\(.lastAnswerMillis) ms (\(.medianAnswerMillis) ms)"'
    row "the rehearsal just before, at another seat: winners, answered, last (median)" rehearsal \
        '"\(.winners), \(.answered), \(.lastAnswerMillis) ms (\(.medianAnswerMillis) ms)"'
    echo "| **holds on distinct seats** ($CONCURRENCY concurrent, $DURATION after $WARMUP warm-up) |$blank"
    row "**holds/s**" holds '.throughput'
    row "p50 / p99 latency" holds '"\(.p50Millis) / \(.p99Millis) ms"'
    row "answers not 201" holds '.notOk'
    row "measured over" holds '"\(.seconds) s, \(.requests) holds\(if .exhausted then " (the seat pool ran dry: raise MAX_RATE)" else "" end)"'
    row "CPU % app / mariadbd / client / others" holds "$cpu"
    row "app CPU by thread (top 4)" holds "$threads"
    row "per hold: queries / commits / fsyncs / row-lock waits" holds "$per_op"
    echo "| **payments** (the holds above, $CONCURRENCY concurrent, $DURATION after $WARMUP warm-up) |$blank"
    row "**payments/s**" payments '.throughput'
    row "p50 / p99 latency" payments '"\(.p50Millis) / \(.p99Millis) ms"'
    row "answers not 200" payments '.notOk'
    row "measured over" payments '"\(.seconds) s, \(.requests) payments\(if .exhausted then " (all paid)" else "" end)"'
    row "CPU % app / mariadbd / client / others" payments "$cpu"
    row "app CPU by thread (top 4)" payments "$threads"
    row "per payment: queries / commits / fsyncs / row-lock waits" payments "$per_op"
    echo
    echo "CPU is in % of one core (200 = both cores), from /proc over the measured window;" \
        "\"others\" is everything else running on the machine; the app's threads by kind (JIT = compiler" \
        "threads: a share there means the app was not warm yet). Database counters are server-wide, so other" \
        "work on the same MariaDB adds to them."
    echo
    echo "### Invariants (checked in the database after each guard's run)"
    echo
    echo "$header"
    echo "$rule"
    local i n
    n=$(wc -l <"$RUN_DIR/${guards[0]}/checks.jsonl")
    for ((i = 0; i < n; i++)); do
        local line
        line="| $(sed -n "$((i + 1))p" "$RUN_DIR/${guards[0]}/checks.jsonl" | jq -r .name) |"
        for guard in "${guards[@]}"; do
            line+=" $(sed -n "$((i + 1))p" "$RUN_DIR/$guard/checks.jsonl" | jq -r '"\(.verdict) (\(.got))"') |"
        done
        echo "$line"
    done
    echo
    echo "### Targets"
    echo
    echo "| target | result |"
    echo "|---|---|"
    for guard in "${guards[@]}"; do
        local ok
        ok=$(jq --argjson n "$BURST" --argjson max "$BURST_MAX_MS" \
            '.winners == 1 and .answered == $n and .lastAnswerMillis <= $max' "$RUN_DIR/$guard/burst.json")
        echo "| \`$guard\`: $BURST attempts on one seat all answered within $((BURST_MAX_MS / 1000)) s, one winner |" \
            "$(verdict "$([[ $ok == true ]] && echo 1)") ($(j "$guard" burst '.answered') answered, $(j "$guard" burst '.winners') winner(s), last after $(j "$guard" burst '.lastAnswerMillis') ms) |"
    done
    local cu nl
    if [[ -d $RUN_DIR/conditional-update ]]; then
        cu=$(j conditional-update holds '.throughput')
        echo "| \`conditional-update\` ≥ $HOLDS_MIN holds/s | $(verdict "$(echo "$cu >= $HOLDS_MIN" | bc)") ($cu) |"
        if [[ -d $RUN_DIR/named-lock ]]; then
            nl=$(j named-lock holds '.throughput')
            echo "| \`named-lock\` within ${NAMED_LOCK_FACTOR}× of \`conditional-update\` (≥ $(echo "scale=1; $cu / $NAMED_LOCK_FACTOR" | bc) holds/s) |" \
                "$(verdict "$(echo "$nl * $NAMED_LOCK_FACTOR >= $cu" | bc)") ($nl: $(awk -v a="$cu" -v b="$nl" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')× the time per hold) |"
        fi
    fi
    for guard in "${guards[@]}"; do
        local p
        p=$(j "$guard" payments '.throughput')
        echo "| \`$guard\`: ≥ $PAYMENTS_MIN payments/s | $(verdict "$(echo "$p >= $PAYMENTS_MIN" | bc)") ($p) |"
    done
    echo
    if [[ -n $SOAK ]]; then
        local cpu_per_op='"\(.cpu.app) (\(if (.throughput // 0) > 0 then ((.cpu.app * 10 / .throughput * 100 | round) / 100) else "–" end) ms)"'
        echo "### After $SOAK of holds and payments in turns of $SOAK_STEP"
        echo
        echo "| | at the start | after the soak | after ÷ start | target |"
        echo "|---|---:|---:|---:|---|"
        for guard in "${guards[@]}"; do
            local h0 h1 k0 k1 p0 p1
            h0=$(j "$guard" health-start '.throughput')
            h1=$(j "$guard" health-end '.throughput')
            k0=$(j "$guard" holds '.throughput')
            k1=$(j "$guard" holds-end '.throughput')
            p0=$(j "$guard" payments '.throughput')
            p1=$(j "$guard" payments-end '.throughput')
            echo "| \`$guard\`: \`/actuator/health\` req/s (wrk, 64 connections, $HEALTH_DURATION) | $h0 | $h1 |" \
                "$(ratio "$h1" "$h0") | $(verdict "$(echo "$h1 >= $h0 * $SOAK_KEEP" | bc)") (within $(awk -v k="$SOAK_KEEP" 'BEGIN { print (1 - k) * 100 }') %) |"
            echo "| health p99 / app CPU per request | $(j "$guard" health-start '"\(.p99) / \(.appCpuMillisPerRequest) ms"') |" \
                "$(j "$guard" health-end '"\(.p99) / \(.appCpuMillisPerRequest) ms"') | | |"
            echo "| holds/s | $k0 | $k1 | $(ratio "$k1" "$k0") | $(verdict "$(echo "$k1 >= $k0 * $SOAK_KEEP" | bc)") |"
            echo "| holds p99 | $(j "$guard" holds '"\(.p99Millis) ms"') | $(j "$guard" holds-end '"\(.p99Millis) ms"') | | |"
            echo "| per hold: queries / commits / fsyncs / row-lock waits | $(j "$guard" holds "$per_op") | $(j "$guard" holds-end "$per_op") | | |"
            echo "| app CPU % (per hold) | $(j "$guard" holds "$cpu_per_op") | $(j "$guard" holds-end "$cpu_per_op") | | |"
            echo "| payments/s | $p0 | $p1 | $(ratio "$p1" "$p0") | |"
            echo "| payments p99 | $(j "$guard" payments '"\(.p99Millis) ms"') | $(j "$guard" payments-end '"\(.p99Millis) ms"') | | |"
            echo "| per payment: queries / commits / fsyncs / row-lock waits | $(j "$guard" payments "$per_op") | $(j "$guard" payments-end "$per_op") | | |"
            echo "| app CPU % (per payment) | $(j "$guard" payments "$cpu_per_op") | $(j "$guard" payments-end "$cpu_per_op") | | |"
            echo "| soak turns: holds/s, first → last | $(jq -r .throughput "$RUN_DIR/$guard/soak-holds-1.json") |" \
                "$(jq -r .throughput "$RUN_DIR/$guard/soak-holds-$(cat "$RUN_DIR/$guard/soak-turns").json") | | |"
            echo "| rows at the end: reservations / tickets / ledger | | $(cat "$RUN_DIR/$guard/rows-end.txt") | | |"
        done
        echo
    fi
    echo "### Setup (seconds)"
    echo
    echo "| step |$(for g in "${guards[@]}"; do printf ' `%s` |' "$g"; done)"
    echo "|---|$(for _ in "${guards[@]}"; do printf -- '---:|'; done)"
    n=$(wc -l <"$RUN_DIR/${guards[0]}/setup.tsv")
    for ((i = 1; i <= n; i++)); do
        local line
        line="| $(sed -n "${i}p" "$RUN_DIR/${guards[0]}/setup.tsv" | cut -f1) |"
        for guard in "${guards[@]}"; do line+=" $(sed -n "${i}p" "$RUN_DIR/$guard/setup.tsv" | cut -f2) |"; done
        echo "$line"
    done
    if [[ $PROFILE == 1 ]]; then
        echo
        echo "### Profiles"
        echo
        echo "perf sampled the app over each measured window's invocation (its warm-up and window); JFR" \
            "recorded one more, unmeasured window of $PROFILE_DURATION of each after both measured windows" \
            "(starting JFR sends much of the app's code back to the interpreter and the JIT, so those windows" \
            "are slower than the measured ones)."
        for guard in "${guards[@]}"; do
            for name in holds payments; do
                echo
                echo "\`$guard\`, $name:"
                echo
                echo '```'
                if [[ -f $RUN_DIR/$guard/$name-perf.txt ]]; then
                    echo "perf, measured window:"
                    cat "$RUN_DIR/$guard/$name-perf.txt"
                    echo
                fi
                echo "JFR, extra window:"
                cat "$RUN_DIR/$guard/$name-jfr.txt"
                echo '```'
            done
        done
    fi
}

# --- main ----------------------------------------------------------------------------------------

main() {
    mkdir -p "$RUN_DIR"
    ensure_tools
    LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
    # seats for MAX_RATE holds/s over the holds half of the app's warm-up, the window's warm-up and
    # the window
    local seconds needed
    seconds=$(($(seconds_of "$APP_WARMUP") / 2 + $(seconds_of "$WARMUP") + $(seconds_of "$DURATION")))
    if [[ $PROFILE == 1 ]]; then seconds=$((seconds + $(seconds_of "$PROFILE_DURATION"))); fi
    # the soak's holds turns (half of it, and one turn more), and the holds window after it
    if [[ -n $SOAK ]]; then
        seconds=$((seconds + $(seconds_of "$SOAK") / 2 + $(seconds_of "$SOAK_STEP") + $(seconds_of "$WARMUP") + $(seconds_of "$DURATION")))
    fi
    needed=$((MAX_RATE * seconds * SEATS_PER_HOLD))
    DATES=$(((needed + SEATS_PER_DATE - 1) / SEATS_PER_DATE))
    HOLD_FANS=$((DATES * SEATS_PER_DATE / SEATS_PER_HOLD))
    log "run directory $RUN_DIR; $DATES dates, $HOLD_FANS holds fans"
    FSYNC_MS=$(probe_fsync)
    prepare_jar
    prepare_client
    local minting=$SECONDS
    log "minting $((BURST + HOLD_FANS + 1)) fans' tokens"
    mint_tokens
    MINT_SECONDS=$((SECONDS - minting))
    local guard
    for guard in $GUARDS; do run_guard "$guard"; done
    report | tee "$REPORT"
    log "report: $REPORT"
    if cat "$RUN_DIR"/*/checks.jsonl | jq -e 'select(.verdict == "FAIL")' >/dev/null; then
        die "an invariant check failed"
    fi
}

main "$@"
