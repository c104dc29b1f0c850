#!/usr/bin/env bash
# A whole on-sale on one instance: FANS fans (seeded into the database with a charged wallet) join
# one concert's pre-queue within JOIN_WINDOW before the opening, are drawn at the opening, poll at
# the interval the server suggests, are admitted at the organiser's rate, hold (a share of them by
# best available) and pay, until the date of SEATS seats is sold out or every fan has finished.
# Reports throughput and p50/p99 per step, answers by code, the app's peak heap and CPU, the time
# from opening to sold out, and checks the invariants in the database. See bench/README.md.
#
#   bench/rush.sh                                   # 20,000 fans on H2
#   DB=mariadb bench/rush.sh                        # the same on MariaDB (mysql profile)
#   FANS=2000 SEATS=500 JOIN_WINDOW=5s bench/rush.sh   # a smoke run
#   INSTANCES=2 bench/rush.sh                       # two instances on MariaDB behind HAProxy (bin/cluster)
#   INSTANCES=2 FAULT=kill bench/rush.sh            # … and one of them killed (kill -9) mid-rush, restarted later
#
# Exit status: 0 when the run was valid and every invariant held; 1 otherwise.
set -euo pipefail

GIVEN=()
for setting in JAR DB INSTANCES FAULT FAULT_AT FAULT_DOWN FANS SEATS SEATS_PER_FAN BEST_SHARE JOIN_WINDOW ADMIT ADMIT_EVERY MAX_ACTIVE \
    CONCURRENCY DEADLINE PORT HEAP BENCH_DB; do
    if [[ -n ${!setting+x} ]]; then GIVEN+=("$setting=${!setting}"); fi
done

# --- settings (environment) ----------------------------------------------------------------------
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
DB=${DB:-h2}                       # h2 or mariadb (one instance)
INSTANCES=${INSTANCES:-1}          # 1: one app started here; 2 or 3: bin/cluster on MariaDB behind HAProxy
FAULT=${FAULT:-none}               # none, or kill: kill -9 the second instance FAULT_AT after the opening
FAULT_AT=${FAULT_AT:-10}           # seconds after the opening
FAULT_DOWN=${FAULT_DOWN:-20}       # seconds it stays down before it is started again
FANS=${FANS:-20000}                # fans in the rush, each with a minted token and a charged wallet
SEATS=${SEATS:-5000}               # the date's seats (rows of 50), the product's limit
SEATS_PER_FAN=${SEATS_PER_FAN:-2}  # seats each fan holds and buys
BEST_SHARE=${BEST_SHARE:-0.3}      # share of fans asking for the best seats; the others pick on the map
JOIN_WINDOW=${JOIN_WINDOW:-20s}    # every fan joins the pre-queue within this window before the opening
ADMIT=${ADMIT:-200}                # the organiser's rate: ADMIT fans …
ADMIT_EVERY=${ADMIT_EVERY:-1}      # … every ADMIT_EVERY seconds
MAX_ACTIVE=${MAX_ACTIVE:-1000}     # … and at most MAX_ACTIVE admitted at once
CONCURRENCY=${CONCURRENCY:-256}    # the load client's requests in flight at most: fans are independent,
                                   # so enough that slow holds do not hold back the others' polls
DEADLINE=${DEADLINE:-900s}         # the rush stops here even if fans are left
PORT=${PORT:-18086}                # 18080-18085 belong to the other benches
HEAP=${HEAP:-2g}
BENCH_DB=${BENCH_DB:-stagedoor_bench_rush} # MariaDB database, dropped and recreated: ours alone
MAVEN_WAIT=${MAVEN_WAIT:-600}

[[ $BENCH_DB =~ ^[A-Za-z0-9_]+$ ]] || { echo "BENCH_DB must be a plain database name" >&2; exit 1; }
case $DB in h2 | mariadb) KIND=$DB ;; *) echo "DB is h2 or mariadb" >&2; exit 1 ;; esac
case $INSTANCES in 1) ;; 2 | 3) KIND=mariadb ;; *) echo "INSTANCES is 1, 2 or 3" >&2; exit 1 ;; esac
case $FAULT in none) ;; kill) ((INSTANCES > 1)) || { echo "FAULT=kill needs INSTANCES=2 or 3" >&2; exit 1; } ;;
    *) echo "FAULT is none or kill" >&2; exit 1 ;; esac
((SEATS % 50 == 0 && SEATS >= 150 && SEATS <= 7500)) || { echo "SEATS must be a multiple of 50 (rows of 50), 150 to 7500" >&2; exit 1; }

ADMIN_PASSWORD=bench-admin-pass
FIRST_FAN=5000001                  # rush fans: 5000001 … (usernames bench<id>, no password)
BALANCE=1000000                    # each fan's wallet, KRW: enough for SEATS_PER_FAN seats at any price
SEED_CHUNK=100000
MARIADB=(mariadb -h127.0.0.1 -P3306 -uroot)

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%d-%H%M%S)
RUN_DIR=$BENCH_DIR/results/rush-$STAMP
BASE=http://127.0.0.1:$PORT
JWT_SECRET=$(head -c 32 /dev/urandom | base64)
mkdir -p "$RUN_DIR"
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

SAMPLER_PIDS=()
APPS=()                            # name=pid of every instance measured
cleanup() {
    local rc=$?
    ((${#SAMPLER_PIDS[@]})) && kill "${SAMPLER_PIDS[@]}" 2>/dev/null || true
    if ((INSTANCES > 1)); then "$REPO_DIR/bin/cluster" stop >>"$RUN_DIR/cluster.log" 2>&1 || true; fi
    stop_app
    rm -f "$RUN_DIR/app.jar" "$RUN_DIR/h2.jar" "$RUN_DIR"/db.mv.db
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_tools() {
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    if ! command -v jq >/dev/null; then
        log "installing jq with apt-get"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y jq >/dev/null 2>&1 ||
            { $sudo apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y jq >/dev/null; }
    fi
    local tool
    for tool in java jstat curl jq bc python3; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
    if [[ $KIND == mariadb ]]; then
        command -v mariadb >/dev/null || die "the mariadb client is needed"
        "${MARIADB[@]}" -e 'SELECT 1' >/dev/null 2>&1 || "$REPO_DIR/bin/test-prerequisites" >"$RUN_DIR/prerequisites.log" 2>&1 ||
            die "MariaDB is down; see $RUN_DIR/prerequisites.log"
    fi
}

start_app() {
    port_in_use && die "port $PORT is already in use; is another benchmark running?"
    local db_args
    if [[ $KIND == h2 ]]; then
        DB_URL="jdbc:h2:file:$RUN_DIR/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE"
        db_args=("--spring.datasource.url=$DB_URL")
    else
        "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS $BENCH_DB; CREATE DATABASE $BENCH_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        db_args=(--spring.profiles.active=mysql "--spring.datasource.url=$(jdbc_url "$BENCH_DB")"
            --spring.datasource.username=root --spring.datasource.password=)
    fi
    local cmd=(java "-Xmx$HEAP" -jar "$RUN_DIR/app.jar" "${db_args[@]}" "--server.port=$PORT"
        "--stagedoor.member.admin.password=$ADMIN_PASSWORD" "--stagedoor.web.jwt-secret=$JWT_SECRET"
        --stagedoor.concert.demo.enabled=false --stagedoor.web.rate-limits.enabled=false --logging.level.root=warn)
    APP_CMD="${cmd[*]}"
    (cd "$RUN_DIR" && exec "${cmd[@]}") >"$RUN_DIR/app.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$RUN_DIR/app.log"
    APPS=("app=$APP_PID")
    log "app up on $KIND (pid $APP_PID)"
}

# INSTANCES instances of the jar on BENCH_DB behind HAProxy, by bin/cluster, as an operator starts them.
CLUSTER_DIR=$REPO_DIR/target/cluster
cluster() {
    CLUSTER_DB=$BENCH_DB FRESH=1 CLUSTER_JAR=$RUN_DIR/app.jar HEAP=$HEAP STAGEDOOR_MEMBER_ADMIN_PASSWORD=$ADMIN_PASSWORD \
        APP_ARGS="--stagedoor.web.jwt-secret=$JWT_SECRET --stagedoor.concert.demo.enabled=false --stagedoor.web.rate-limits.enabled=false --logging.level.root=warn" \
        "$REPO_DIR/bin/cluster" "$@" >>"$RUN_DIR/cluster.log" 2>&1
}

start_cluster() {
    cluster start "$INSTANCES" || die "bin/cluster start failed; see $RUN_DIR/cluster.log"
    BASE=http://127.0.0.1:${LB_PORT:-8090}
    APPS=()
    local pidfile
    for pidfile in "$CLUSTER_DIR"/instance-*.pid; do
        APPS+=("$(basename "$pidfile" .pid)=$(cat "$pidfile")")
    done
    log "${#APPS[@]} instances behind HAProxy at $BASE: ${APPS[*]}"
}

# At FAULT_AT after the opening, kill -9 the second instance; FAULT_DOWN later, start it again.
fault() {
    local victim=${APPS[1]} port
    port=${victim#instance-}
    port=${port%%=*}
    sleep "$(awk -v at="$((OPENS_AT_MS / 1000 + FAULT_AT))" -v now="$(date +%s.%N)" 'BEGIN { d = at - now; print (d > 0 ? d : 0) }')"
    log "FAULT: kill -9 of the instance on port $port (pid ${victim#*=})"
    echo "killed $port $(date +%s.%N)" >>"$RUN_DIR/faults.log"
    kill -9 "${victim#*=}"
    sleep "$FAULT_DOWN"
    log "FAULT: starting the instance on port $port again"
    cluster revive "$port" || log "WARNING: bin/cluster revive $port failed; see $RUN_DIR/cluster.log"
    echo "revived $port $(date +%s.%N) pid $(cat "$CLUSTER_DIR/instance-$port.pid")" >>"$RUN_DIR/faults.log"
    # measured until the cluster stops (the sampler ends with the instance)
    sample "instance-$port-restarted" "$(cat "$CLUSTER_DIR/instance-$port.pid")" &
}

# The concert: one date of SEATS seats in three sections, on sale LEAD seconds from now, its line
# admitting ADMIT every ADMIT_EVERY s, MAX_ACTIVE at once, with a ten-minute pre-queue.
create_concert() {
    local lead=$1 rows=$((SEATS / 50)) body
    OPENS_AT=$(date -u -d "+$lead seconds" +%Y-%m-%dT%H:%M:%SZ)
    OPENS_AT_MS=$(($(date -u -d "$OPENS_AT" +%s) * 1000))
    local r=$((rows / 5)) s=$((rows * 2 / 5))
    ((r > 0)) || r=1
    ((s > 0)) || s=1
    body=$(jq -nc --arg open "$OPENS_AT" --arg starts "$(date -u -d '+30 days' +%Y-%m-%dT11:00:00Z)" \
        --argjson r "$r" --argjson s "$s" --argjson a "$((rows - r - s))" --argjson max "$SEATS_PER_FAN" \
        '{title: "The rush", artist: "Bench", venue: "Bench Arena", description: "rush.sh", timeZone: "Asia/Seoul",
          salesOpenAt: $open, maxSeatsPerMember: $max, performances: [{startsAt: $starts}],
          sections: [{name: "R", rows: $r, seatsPerRow: 50, price: 150000},
                     {name: "S", rows: $s, seatsPerRow: 50, price: 110000},
                     {name: "A", rows: $a, seatsPerRow: 50, price: 80000}]}')
    local created
    created=$(api POST /api/v1/admin/concerts 201 "$body")
    CONCERT=$(jq -r .id <<<"$created")
    PERFORMANCE=$(jq -r '.performanceIds[0]' <<<"$created")
    api PUT "/api/v1/admin/concerts/$CONCERT/queue-settings" 200 "$(jq -nc --argjson admit "$ADMIT" \
        --argjson every "$ADMIT_EVERY" --argjson max "$MAX_ACTIVE" \
        '{admitCount: $admit, admitIntervalSeconds: $every, maxActive: $max, activeSeconds: 600, holdSeconds: 300,
          preQueueMinutes: 10, paused: false}')" >/dev/null
}

seed_fans() {
    local from to range
    if [[ $KIND == h2 ]]; then
        run_sql "ALTER TABLE members ALTER COLUMN id RESTART WITH $((FIRST_FAN + FANS + 1))"
    fi
    for ((from = FIRST_FAN; from < FIRST_FAN + FANS; from += SEED_CHUNK)); do
        to=$((from + SEED_CHUNK - 1))
        ((to > FIRST_FAN + FANS - 1)) && to=$((FIRST_FAN + FANS - 1))
        range=$(seq_sql "$from" "$to")
        run_sql "INSERT INTO members (id, username, password_hash, role, created_at)
                   SELECT r.X, CONCAT('bench', r.X), '!no-password', 'FAN', $(now_sql) FROM $range;
                 INSERT INTO wallets (member_id, balance, updated_at) SELECT r.X, $BALANCE, $(now_sql) FROM $range;
                 INSERT INTO wallet_transactions (member_id, type, amount, balance_after, reference, created_at)
                   SELECT r.X, 'CHARGE', $BALANCE, $BALANCE, 'bench-seed', $(now_sql) FROM $range;"
    done
}

# sample NAME PID: every second, the process's CPU seconds so far (utime + stime) and its heap in use
# (jstat, KiB), into samples-NAME.tsv, until it exits
sample() {
    local name=$1 pid=$2 ticks
    ticks=$(getconf CLK_TCK)
    while kill -0 "$pid" 2>/dev/null; do
        local cpu heap
        cpu=$(awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "%.0f", $3 + $4 + $6 + $8 }' || echo 0)
        printf '%s\t%s\t%s\n' "$(date +%s.%N)" "$cpu" "${heap:-0}" >>"$RUN_DIR/samples-$name.tsv"
        sleep 1
    done
}

start_samplers() {
    local app
    for app in "${APPS[@]}"; do
        sample "${app%%=*}" "${app#*=}" &
        SAMPLER_PIDS+=($!)
    done
    if [[ $KIND == mariadb ]]; then
        local db
        db=$(pgrep -xo mariadbd || pgrep -xo mysqld || true)
        if [[ -n $db ]]; then
            sample mariadbd "$db" &
            SAMPLER_PIDS+=($!)
        fi
    fi
}

# check NAME EXPECTED GOT: one invariant, PASS or FAIL
check() {
    local verdict=PASS
    [[ $3 == "$2" ]] || verdict=FAIL
    jq -nc --arg name "$1" --arg expected "$2" --arg got "$3" --arg verdict "$verdict" \
        '{name: $name, expected: $expected, got: $got, verdict: $verdict}' >>"$RUN_DIR/checks.jsonl"
    log "check: $1: $verdict (expected $2, got $3)"
}

check_invariants() {
    : >"$RUN_DIR/checks.jsonl"
    local bought seats_bought
    bought=$(jq .bought "$RUN_DIR/rush.json")
    seats_bought=$(jq .seatsBought "$RUN_DIR/rush.json")
    check "seats booked = valid tickets" "$(q "SELECT COUNT(*) FROM seats WHERE performance_id = $PERFORMANCE AND status = 'BOOKED'")" \
        "$(q "SELECT COUNT(*) FROM tickets WHERE performance_id = $PERFORMANCE AND status = 'VALID'")"
    check "seats booked = seats of the payments answered 200" "$seats_bought" \
        "$(q "SELECT COUNT(*) FROM seats WHERE performance_id = $PERFORMANCE AND status = 'BOOKED'")"
    check "confirmed reservations = payments answered 200" "$bought" \
        "$(q "SELECT COUNT(*) FROM reservations WHERE performance_id = $PERFORMANCE AND status = 'CONFIRM'")"
    check "no seat in two live reservations" 0 \
        "$(q "SELECT COUNT(*) FROM (SELECT live_seat_id FROM reservation_seats WHERE live_seat_id IS NOT NULL
                                      GROUP BY live_seat_id HAVING COUNT(*) > 1) twice")"
    check "no seat with two tickets" 0 \
        "$(q "SELECT COUNT(*) FROM (SELECT seat_id FROM tickets WHERE status <> 'VOID' GROUP BY seat_id HAVING COUNT(*) > 1) twice")"
    check "every wallet's balance equals its ledger sum" 0 \
        "$(q "SELECT COUNT(*) FROM wallets w
                LEFT JOIN (SELECT member_id, SUM(amount) AS total FROM wallet_transactions GROUP BY member_id) l
                       ON l.member_id = w.member_id
               WHERE w.balance <> COALESCE(l.total, 0)")"
    check "admitted at once never above maxActive ($MAX_ACTIVE; the organiser's stats every 0.5 s)" yes \
        "$(jq -r --argjson max "$MAX_ACTIVE" 'if .maxActiveSeen <= $max then "yes" else "no: \(.maxActiveSeen)" end' "$RUN_DIR/rush.json")"
    check "every fan who joined has one ticket in the line" "$(jq .joined "$RUN_DIR/rush.json")" \
        "$(q "SELECT COUNT(DISTINCT member_id) FROM queue_tokens WHERE concert_id = $CONCERT")"
    check "the draw's places are 1..n, each once" yes \
        "$(q "SELECT CASE WHEN COUNT(seq) = COUNT(*) AND COUNT(DISTINCT seq) = COUNT(*) AND MIN(seq) = 1 AND MAX(seq) = COUNT(*) THEN 'yes' ELSE 'no' END AS places FROM queue_tokens WHERE concert_id = $CONCERT")"
    check "every admitted fan finished (bought, or left without seats)" 0 "$(jq .unfinishedAdmitted "$RUN_DIR/rush.json")"
    check "the rush ended (sold out, or every fan done) before DEADLINE" yes \
        "$(jq -r 'if .soldOutMs >= 0 or .stillInLine == 0 then "yes" else "no" end' "$RUN_DIR/rush.json")"
}

report() {
    local r=$RUN_DIR/rush.json sold_out
    local booked
    booked=$(q "SELECT COUNT(*) FROM seats WHERE performance_id = $PERFORMANCE AND status = 'BOOKED'")
    if [[ $(jq .soldOutMs "$r") -ge 0 ]]; then
        sold_out="$(jq -r '.soldOutMs / 1000' "$r") s (no $SEATS_PER_FAN seats side by side left; $booked of $SEATS booked)"
    else
        sold_out="not sold out: $booked of $SEATS seats booked when the fans were done"
    fi
    # each process's CPU from the opening to the end of the rush, in cores, and its peak heap
    local processes="" f
    for f in "$RUN_DIR"/samples-*.tsv; do
        processes+=$(awk -v name="$(basename "$f" .tsv | sed 's/^samples-//')" -v open="$((OPENS_AT_MS / 1000))" -F'\t' \
            '$1 >= open { if (!first) { first = $1; c0 = $2 } last = $1; c1 = $2 } $3 > peak { peak = $3 }
             END { printf "| %s | %.2f cores over %.0f s | %s |\n", name, (last > first ? (c1 - c0) / (last - first) : 0),
                   last - first, (peak > 0 ? sprintf("%.0f MiB", peak / 1024) : "–") }' "$f")$'\n'
    done
    {
        echo "### A whole on-sale, $( ((INSTANCES > 1)) && echo "$INSTANCES instances behind HAProxy" || echo "one instance"), $KIND$( [[ $FAULT == kill ]] && echo ", one instance killed mid-rush") ($(date -u '+%Y-%m-%d %H:%M UTC'))"
        echo
        echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; load average before: $LOAD_BEFORE; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2); code $JAR_ORIGIN"
        echo "- Command: \`${GIVEN[*]:+${GIVEN[*]} }bench/rush.sh\`"
        echo "- $FANS fans joined the pre-queue within $JOIN_WINDOW before the opening; a date of $SEATS seats, $SEATS_PER_FAN a fan,"
        echo "  $(awk -v b="$BEST_SHARE" 'BEGIN { printf "%d", b * 100 }') % of them asking for the best seats, the others picking on the seat map;"
        echo "  admitted $ADMIT every ${ADMIT_EVERY} s, at most $MAX_ACTIVE at once; the client at most $CONCURRENCY requests in flight"
        echo
        echo "| | |"
        echo "|---|---:|"
        echo "| fans joined | $(jq .joined "$r") |"
        echo "| first place known (the draw), after opening | $(jq '.drawnAtMs' "$r") ms |"
        echo "| first fan admitted, after opening | $(jq '.firstAdmittedMs' "$r") ms |"
        echo "| fans admitted / who bought / left without seats / still in line at the sell-out | $(jq -r '"\(.admitted) / \(.bought) / \(.leftWithoutSeats) / \(.stillInLine)"' "$r") |"
        echo "| **opening to sold out** | **$sold_out** |"
        echo "| last hold, last payment after opening | $(jq -r '"\(.lastHoldMs / 1000) s, \(.lastPaymentMs / 1000) s"' "$r") |"
        echo "| polls sent late, p99 (the client or the app behind) | $(jq .pollLatenessP99Ms "$r") ms |"
        echo "| most fans admitted at once (stats every 0.5 s) | $(jq .maxActiveSeen "$r") (max $MAX_ACTIVE) |"
        echo
        echo "| process | CPU from the opening to the end | peak heap in use (-Xmx$HEAP) |"
        echo "|---|---:|---:|"
        printf '%s' "$processes"
        if [[ -f $RUN_DIR/faults.log ]]; then
            echo
            echo "Faults: $(awk -v open="$((OPENS_AT_MS / 1000))" '{ printf "%s the instance on port %s at %+.1f s; ", $1, $2, $3 - open }' "$RUN_DIR/faults.log")"
        fi
        echo
        echo "| step | requests | p50 | p99 | max | answers |"
        echo "|---|---:|---:|---:|---:|---|"
        jq -r '.steps | to_entries[] | select(.value.requests > 0) |
               "| \(.key) | \(.value.requests) | \(.value.p50Ms) ms | \(.value.p99Ms) ms | \(.value.maxMs) ms | \(.value.answers | to_entries | map("\(.key) ×\(.value)") | join(", ")) |"' "$r"
        echo
        echo "| invariant | expected | got | |"
        echo "|---|---:|---:|---|"
        jq -r '"| \(.name) | \(.expected) | \(.got) | \(.verdict) |"' "$RUN_DIR/checks.jsonl"
    } >"$RUN_DIR/report.md"
    cp "$RUN_DIR/report.md" "$BENCH_DIR/results/rush-$STAMP.md"
    cat "$RUN_DIR/report.md"
}

main() {
    ensure_tools
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    prepare_jar
    prepare_client
    [[ $KIND == h2 ]] && extract_h2_jar
    if ((INSTANCES > 1)); then start_cluster; else start_app; fi
    admin_login
    # the opening: after seeding, minting and the join window, with a margin
    local lead=$(($(seconds_of "$JOIN_WINDOW") + FANS / 1000 + 45))
    create_concert "$lead"
    log "concert $CONCERT (date $PERFORMANCE) opens at $OPENS_AT"
    local start=$SECONDS
    seed_fans
    log "seeded $FANS fans with wallets in $((SECONDS - start)) s"
    start=$SECONDS
    local n
    n=$(tool FanTokens --secret "$JWT_SECRET" --out "$RUN_DIR/tokens.tsv" --fans "$FIRST_FAN:$FANS")
    ((n == FANS)) || die "minted $n tokens, expected $FANS"
    log "minted $FANS tokens in $((SECONDS - start)) s"
    local left=$((OPENS_AT_MS / 1000 - $(date +%s) - $(seconds_of "$JOIN_WINDOW")))
    ((left > 2)) || die "only $left s left before the join window: raise the lead"
    start_samplers
    local fault_pid=""
    if [[ $FAULT == kill ]]; then
        fault &
        fault_pid=$!
    fi
    log "the rush: $FANS fans join within $JOIN_WINDOW before $OPENS_AT"
    tool Rush --base "$BASE" --tokens "$RUN_DIR/tokens.tsv" --admin-token "$ADMIN_TOKEN" --concert "$CONCERT" \
        --performance "$PERFORMANCE" --first-fan "$FIRST_FAN" --fans "$FANS" --seats "$SEATS_PER_FAN" \
        --best-share "$BEST_SHARE" --opens-at "$OPENS_AT_MS" --join-window "$JOIN_WINDOW" \
        --concurrency "$CONCURRENCY" --deadline "$DEADLINE" --result "$RUN_DIR/rush.json" >"$RUN_DIR/rush.out"
    [[ -n $fault_pid ]] && wait "$fault_pid"
    kill "${SAMPLER_PIDS[@]}" 2>/dev/null || true
    SAMPLER_PIDS=()
    check_invariants
    report
    ! grep -q '"verdict":"FAIL"' "$RUN_DIR/checks.jsonl" || die "an invariant check failed"
}

main "$@"
