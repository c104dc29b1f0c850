#!/usr/bin/env bash
# Opening day of a waiting room, on H2 and on MariaDB: joins per second by distinct fans (after the
# sale opened, and before it in the pre-queue), sign-ins per second with real passwords (form login
# and the token endpoint), and the time of the draw that orders the pre-queue at opening (100,000
# and 1,000,000 entrants). After each phase it checks the database. See bench/README.md.
#
#   bench/queue-join.sh                                        # the full run, both databases
#   JAR=/work/before-778bbbc.jar bench/queue-join.sh           # the same for the code before the pre-queue
#   DB=h2 WARMUP=5s DURATION=5s FANS=20000 SIGNIN_FANS=500 DRAWS=100000 bench/queue-join.sh   # a smoke run
#
# A jar without the pre-queue (no V10__queue_opening_day migration inside) runs the after-opening
# joins and the sign-ins only, and the report says so. Exit status: 0 when the run was valid; 1 when
# a check failed or a step went wrong.
set -euo pipefail

# The settings the caller gave, for the report's command line.
GIVEN=()
for setting in JAR DB PRE_QUEUE WARMUP DURATION CONCURRENCY FANS SIGNIN_FANS SIGNINS DRAWS DRAW_LEAD \
    NUMBER_WAIT RATE_LIMITS PORT HEAP BENCH_DB; do
    if [[ -n ${!setting+x} ]]; then GIVEN+=("$setting=${!setting}"); fi
done

# --- settings (environment) ----------------------------------------------------------------------
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
DB=${DB:-both}                     # h2, mariadb or both (H2 first)
PRE_QUEUE=${PRE_QUEUE:-auto}       # 1: the jar has the pre-queue and the draw; 0: it has not; auto:
                                   # 1 when the jar carries the V10__queue_opening_day migration
WARMUP=${WARMUP:-20s}              # unmeasured joins (or sign-ins) right before each measured window
DURATION=${DURATION:-20s}          # each measured window
CONCURRENCY=${CONCURRENCY:-64}     # requests in flight
FANS=${FANS:-200000}               # seeded fans whose minted tokens join; each joins a phase's concert
                                   # at most once, so a phase ends early (and says so) if they run out
SIGNIN_FANS=${SIGNIN_FANS:-5000}   # seeded fans with a real password, each signing in once per mode
SIGNINS=${SIGNINS:-1}              # 0: skip the sign-ins
DRAWS=${DRAWS-100000 1000000}     # pre-queue sizes whose draw is timed (empty: none)
DRAW_LEAD=${DRAW_LEAD:-auto}       # seconds from creating a draw's concert to its opening; auto: 30 +
                                   # 1 s per 10,000 entrants, which covers their seeding
WRITE_WAIT=${WRITE_WAIT:-900}     # seconds to wait for a draw's places to be written into the tickets
NUMBER_WAIT=${NUMBER_WAIT:-30}     # seconds to wait for the promoter to give the joined fans places
RATE_LIMITS=${RATE_LIMITS:-off}    # off: stagedoor.web.rate-limits.enabled=false, as the other benches;
                                   # raised: on, with sign-ins, sign-ups and joins per address raised
                                   # (every request comes from 127.0.0.1), so their cost is in the figures
PORT=${PORT:-18083}                # 18080-18082 belong to the other benches
HEAP=${HEAP:-2g}
BENCH_DB=${BENCH_DB:-stagedoor_bench_join} # MariaDB database, dropped and recreated: ours alone
MAVEN_WAIT=${MAVEN_WAIT:-600}      # seconds to wait for another Maven build in this tree

[[ $BENCH_DB =~ ^[A-Za-z0-9_]+$ ]] || { echo "BENCH_DB must be a plain database name" >&2; exit 1; }
case $DB in h2) DBS=(h2) ;; mariadb) DBS=(mariadb) ;; both) DBS=(h2 mariadb) ;; *) echo "DB is h2, mariadb or both" >&2; exit 1 ;; esac
case $RATE_LIMITS in off | raised) ;; *) echo "RATE_LIMITS is off or raised" >&2; exit 1 ;; esac

PASSWORD=stage-door-pass-9         # every sign-in fan's password (the test password)
ADMIN_PASSWORD=bench-admin-pass
JOIN_FIRST_FAN=3000001             # join fans: 3000001 … (usernames bench<id>, no password)
SIGNIN_FIRST_FAN=4000001           # sign-in fans: 4000001 …, with PASSWORD's hash
DRAW_FIRST_MEMBER=2000000000       # seeded pre-queue tickets' member ids: no real member has one
SEED_CHUNK=100000                  # rows per seeding INSERT
FIRST_ADMISSION_MAX=5              # seconds from the draw to the first admission, at most
MARIADB=(mariadb -h127.0.0.1 -P3306 -uroot)
DB_COUNTERS="'Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback',\
'Innodb_row_lock_waits','Innodb_row_lock_time','Innodb_deadlocks'"

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR=$BENCH_DIR/results     # gitignored
RUN_DIR=$RESULTS_DIR/queue-join-run-$STAMP
REPORT=$RESULTS_DIR/queue-join-$STAMP.md
BASE=http://127.0.0.1:$PORT
JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0)   # ours, so the client can mint fans' tokens
DB_URL=""                          # the H2 file of the database being run, for h2()
KIND=""                            # h2 or mariadb: the database being run
KIND_DIR=""                        # its results
APP_CMD=""                         # the app's command line, for the report

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

cleanup() {
    local rc=$?
    stop_app
    rm -f "$RUN_DIR/app.jar" "$RUN_DIR/h2.jar" "$RUN_DIR"/h2/db.mv.db
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the database being run: q, run_sql, now_sql and seq_sql are in lib.sh ----------------------

# 16 lowercase hex digits, unique per X
draw_code_sql() {
    if [[ $KIND == h2 ]]; then echo "LPAD(LOWER(TO_CHAR(r.X, 'FMXXXXXXXXXXXXXXXX')), 16, '0')"; else echo "LPAD(LOWER(HEX(r.X)), 16, '0')"; fi
}

# --- preparation ---------------------------------------------------------------------------------

ensure_tools() {
    if ! command -v jq >/dev/null; then
        log "installing jq with apt-get"
        local sudo=""
        [[ $(id -u) -eq 0 ]] || sudo=sudo
        export DEBIAN_FRONTEND=noninteractive
        $sudo apt-get install -y jq >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y jq >/dev/null; }
    fi
    local tool
    for tool in java curl jq bc python3 unzip; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
    if [[ $DB != h2 ]]; then
        command -v mariadb >/dev/null || die "the mariadb client is needed"
        if ! "${MARIADB[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
            log "MariaDB is down; starting it with bin/test-prerequisites"
            "$REPO_DIR/bin/test-prerequisites" >"$RUN_DIR/prerequisites.log" 2>&1 || die "see $RUN_DIR/prerequisites.log"
        fi
        DB_PID=$(pgrep -xo mariadbd || pgrep -xo mysqld || true)
    fi
}

detect_pre_queue() {
    if [[ $PRE_QUEUE == auto ]]; then
        # grep without -q reads to the end: an early exit would fail unzip, and with it the test (pipefail)
        if unzip -l "$RUN_DIR/app.jar" | grep 'db/migration/V10__queue_opening_day.sql' >/dev/null; then
            PRE_QUEUE=1
        else
            PRE_QUEUE=0
        fi
        PRE_QUEUE_HOW="detected: the jar $( ((PRE_QUEUE)) && echo carries || echo lacks) the V10__queue_opening_day migration"
    else
        PRE_QUEUE_HOW="given as PRE_QUEUE=$PRE_QUEUE"
    fi
    log "pre-queue and draw: $( ((PRE_QUEUE)) && echo yes || echo no) ($PRE_QUEUE_HOW)"
}

mint_tokens() {
    local n start=$SECONDS
    n=$(tool FanTokens --secret "$JWT_SECRET" --out "$RUN_DIR/tokens.tsv" --fans "$JOIN_FIRST_FAN:$FANS")
    ((n == FANS)) || die "minted $n tokens, expected $FANS"
    MINT_SECONDS=$((SECONDS - start))
}

# --- one database: the app, the fans -------------------------------------------------------------

start_app() {
    port_in_use && die "port $PORT is already in use; is another benchmark running?"
    local db_args limits
    if [[ $KIND == h2 ]]; then
        # AUTO_SERVER lets the checks and the seeding (H2 Shell) into the file the app holds open
        DB_URL="jdbc:h2:file:$KIND_DIR/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE"
        db_args=("--spring.datasource.url=$DB_URL")
    else
        "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS $BENCH_DB; CREATE DATABASE $BENCH_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        db_args=(--spring.profiles.active=mysql "--spring.datasource.url=$(jdbc_url "$BENCH_DB")"
            --spring.datasource.username=root --spring.datasource.password=)
    fi
    if [[ $RATE_LIMITS == off ]]; then
        limits=(--stagedoor.web.rate-limits.enabled=false)
    else
        limits=(--stagedoor.web.rate-limits.login=100000000/1m --stagedoor.web.rate-limits.sign-up=100000000/1m
            --stagedoor.web.rate-limits.join-per-address=100000000/1m)
    fi
    local cmd=(java "-Xmx$HEAP" -jar "$RUN_DIR/app.jar" "${db_args[@]}" "--server.port=$PORT"
        "--stagedoor.member.admin.password=$ADMIN_PASSWORD" "--stagedoor.web.jwt-secret=$JWT_SECRET"
        --stagedoor.concert.demo.enabled=false
        --stagedoor.queue.abandon-after=2h # the fans never poll; they must not be dropped mid-run
        "${limits[@]}" --logging.level.root=warn)
    APP_CMD="${cmd[*]}"
    (cd "$KIND_DIR" && exec "${cmd[@]}") >"$KIND_DIR/app.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$KIND_DIR/app.log"
    log "app up on $KIND (pid $APP_PID)"
}

# The sign-in fans' password hash, as the app's own encoder makes it: one fan signs up through the
# API and the seeded fans get a copy of their hash (hashing thousands would take minutes).
password_hash() {
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
        -d "{\"username\":\"hashfan\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/members" || die "the sign-up for the hash failed"
    q "SELECT password_hash FROM members WHERE username = 'hashfan'"
}

# seed_members FIRST COUNT HASH: members bench<id> straight into the database
seed_members() {
    local first=$1 count=$2 hash=$3 from
    # in chunks: one INSERT … SELECT of 200,000 rows makes H2 (WRITE_DELAY=0) write for minutes
    for ((from = first; from < first + count; from += SEED_CHUNK)); do
        local to=$((from + SEED_CHUNK - 1))
        ((to > first + count - 1)) && to=$((first + count - 1))
        run_sql "INSERT INTO members (id, username, password_hash, role, created_at)
                 SELECT r.X, CONCAT('bench', r.X), '$hash', 'FAN', $(now_sql) FROM $(seq_sql "$from" "$to");"
    done
}

seed_fans() {
    local start=$SECONDS hash
    hash=$(password_hash)
    [[ $hash == \{bcrypt\}* ]] || log "WARNING: the app's password hash is not bcrypt: ${hash:0:12}…"
    printf 'sign up one fan for the password hash (API)\t%s\n' $((SECONDS - start)) >>"$KIND_DIR/setup.tsv"
    start=$SECONDS
    if [[ $KIND == h2 ]]; then
        # H2 moves the id column's identity past every id inserted above it, committing (and, with
        # WRITE_DELAY=0, writing the file) once per row; start it above all seeded ids instead
        run_sql "ALTER TABLE members ALTER COLUMN id RESTART WITH $((SIGNIN_FIRST_FAN + SIGNIN_FANS + JOIN_FIRST_FAN + FANS))"
    fi
    seed_members "$JOIN_FIRST_FAN" "$FANS" '!no-password'
    seed_members "$SIGNIN_FIRST_FAN" "$SIGNIN_FANS" "$hash"
    printf 'seed %s join fans and %s sign-in fans (SQL)\t%s\n' "$FANS" "$SIGNIN_FANS" $((SECONDS - start)) >>"$KIND_DIR/setup.tsv"
}

# settings JSON for a line: not paused (so the promoter runs its ticks, which number the joins in
# the code with the pre-queue), ADMIT fans per INTERVAL seconds
line_settings() {
    local admit=$1 interval=$2 pre=$3
    jq -nc --argjson admit "$admit" --argjson interval "$interval" --argjson pre "$pre" --argjson has "$PRE_QUEUE" \
        '{admitCount: $admit, admitIntervalSeconds: $interval, maxActive: null, activeSeconds: 86400, holdSeconds: 300,
          paused: false} + (if $has == 1 then {preQueueMinutes: $pre} else {} end)'
}

# create_concert TITLE OPENS_AT ADMIT INTERVAL PRE_QUEUE_MINUTES → its id
create_concert() {
    local body id
    body=$(jq -nc --arg title "$1" --arg open "$2" --arg starts "$(date -u -d '+30 days' +%Y-%m-%dT11:00:00Z)" \
        '{title: $title, artist: "Bench", venue: "Bench Hall", description: "queue-join.sh", timeZone: "Asia/Seoul",
          salesOpenAt: $open, maxSeatsPerMember: 4, performances: [{startsAt: $starts}],
          sections: [{name: "A", rows: 2, seatsPerRow: 10, price: 50000}]}')
    id=$(api POST /api/v1/admin/concerts 201 "$body" | jq -r .id)
    api PUT "/api/v1/admin/concerts/$id/queue-settings" 200 "$(line_settings "$3" "$4" "$5")" >/dev/null
    echo "$id"
}

# --- checks --------------------------------------------------------------------------------------

# check PHASE NAME EXPECTED GOT: one invariant, PASS or FAIL, into the database's checks
check() {
    local verdict=PASS
    [[ $4 == "$3" ]] || verdict=FAIL
    jq -nc --arg phase "$1" --arg name "$2" --arg expected "$3" --arg got "$4" --arg verdict "$verdict" \
        '{phase: $phase, name: $name, expected: $expected, got: $got, verdict: $verdict}' >>"$KIND_DIR/checks.jsonl"
    log "check ($1): $2: $verdict (expected $3, got $4)"
}

# "yes" when the live tickets' places are exactly 1..n, else what they are
places_sql() {
    echo "SELECT CASE WHEN COUNT(*) > 0 AND COUNT(seq) = COUNT(*) AND COUNT(DISTINCT seq) = COUNT(*)
                       AND MIN(seq) = 1 AND MAX(seq) = COUNT(*) THEN 'yes'
                  ELSE CONCAT(COUNT(*), ' tickets, ', COUNT(seq), ' with a place, ', COUNT(DISTINCT seq),
                              ' distinct, ', COALESCE(MIN(seq), 0), '..', COALESCE(MAX(seq), 0)) END
            FROM queue_tokens WHERE concert_id = $1 AND live_member_id IS NOT NULL"
}

# wait_numbered CONCERT: until every live ticket has a place (the promoter numbers joins each tick
# in the code with the pre-queue; the code before gives the place at the join), NUMBER_WAIT at most
wait_numbered() {
    local waited=0 left
    while left=$(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $1 AND live_member_id IS NOT NULL AND seq IS NULL") &&
        ((left > 0 && waited < NUMBER_WAIT * 2)); do
        sleep 0.5
        waited=$((waited + 1))
    done
    echo "$((waited / 2))"
}

# --- the phases ----------------------------------------------------------------------------------

evidence_args() {
    local args=(--pids "app=$APP_PID${DB_PID:+,mariadbd=$DB_PID}")
    [[ $KIND == mariadb ]] &&
        args+=(--counters-cmd "${MARIADB[*]} -N -B -e \"SHOW GLOBAL STATUS WHERE Variable_name IN ($DB_COUNTERS)\"")
    printf '%s\0' "${args[@]}"
}

# joins PHASE CONCERT: the warm-up and the measured window of joins by distinct fans
joins() {
    local phase=$1 cid=$2 evidence
    mapfile -d '' evidence < <(evidence_args)
    log "$KIND, joins $phase: $CONCURRENCY concurrent, $WARMUP warm-up, $DURATION measured (concert $cid)"
    tool Joins --base "$BASE" --tokens "$RUN_DIR/tokens.tsv" --concert "$cid" --first-fan "$JOIN_FIRST_FAN" \
        --fans "$FANS" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" "${evidence[@]}" \
        --result "$KIND_DIR/joins-$phase.json" >/dev/null
    jq -c '{throughput: .loop.throughput, p99: .loop.p99Millis, statuses: .loop.statuses, shapes}' "$KIND_DIR/joins-$phase.json" >&2
}

joined() { jq '(.loop.warmup.ok // 0) + (.loop.ok // 0)' "$KIND_DIR/joins-$1.json"; }

after_opening() {
    local cid waited
    cid=$(create_concert "Joins after opening" "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" 1 3600 10)
    joins after "$cid"
    waited=$(wait_numbered "$cid")
    echo "$waited" >"$KIND_DIR/numbered-after.txt"
    check after "live tickets = fans answered 200" "$(joined after)" \
        "$(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $cid AND live_member_id IS NOT NULL")"
    check after "one ticket per fan" 0 \
        "$(q "SELECT COUNT(*) - COUNT(DISTINCT member_id) FROM queue_tokens WHERE concert_id = $cid")"
    check after "places exactly 1..n (checked ${waited} s after the window)" yes "$(q "$(places_sql "$cid")")"
}

before_opening() {
    local cid
    cid=$(create_concert "Joins in the pre-queue" "$(date -u -d '+20 minutes' +%Y-%m-%dT%H:%M:%SZ)" 1 3600 30)
    joins before "$cid"
    check before "live tickets = fans answered 200" "$(joined before)" \
        "$(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $cid AND live_member_id IS NOT NULL")"
    check before "one ticket per fan" 0 \
        "$(q "SELECT COUNT(*) - COUNT(DISTINCT member_id) FROM queue_tokens WHERE concert_id = $cid")"
    check before "every ticket WAIT without a place before the draw" 0 \
        "$(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $cid AND (status <> 'WAIT' OR seq IS NOT NULL)")"
    check before "every 200 said WAIT without a position" "$(joined before)" \
        "$(jq '.shapes["WAIT no position"] // 0' "$KIND_DIR/joins-before.json")"
}

signins() {
    local mode evidence
    mapfile -d '' evidence < <(evidence_args)
    for mode in form token; do
        log "$KIND, sign-ins ($mode): $CONCURRENCY concurrent, $WARMUP warm-up, $DURATION measured"
        tool SignIns --base "$BASE" --mode "$mode" --first-fan "$SIGNIN_FIRST_FAN" --fans "$SIGNIN_FANS" \
            --password "$PASSWORD" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
            "${evidence[@]}" --result "$KIND_DIR/signins-$mode.json" >/dev/null
        jq -c '{throughput, p99Millis, statuses}' "$KIND_DIR/signins-$mode.json" >&2
    done
}

# draw N: N pre-queue tickets seeded into a concert that opens DRAW_LEAD later, plus one real join;
# waits for the promoter's draw and checks the line it made.
draw() {
    local n=$1 lead opens cid first=$((DRAW_FIRST_MEMBER + 1)) from to sql="" start left row
    local phase="draw $n"
    lead=$DRAW_LEAD
    [[ $lead == auto ]] && lead=$((30 + n / 10000))
    opens=$(date -u -d "+$lead seconds" +%Y-%m-%dT%H:%M:%SZ)
    cid=$(create_concert "Draw of $n" "$opens" 50 10 30)
    # a real fan first, through the API, so the line exists as the app makes it
    local token
    token=$(head -1 "$RUN_DIR/tokens.tsv" | cut -f2)
    curl -fsS -o "$KIND_DIR/draw-$n-join.json" -X POST -H "Authorization: Bearer $token" "$BASE/api/v1/concerts/$cid/queue" ||
        die "the real fan's pre-queue join of concert $cid failed"
    log "$KIND, draw of $n: seeding the pre-queue of concert $cid, opening at $opens"
    start=$(date +%s.%N)
    for ((from = first; from < first + n; from += SEED_CHUNK)); do
        to=$((from + SEED_CHUNK - 1))
        ((to >= first + n)) && to=$((first + n - 1))
        sql+="INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, joined_mark, status, joined_at,
                                        last_seen_at, draw_code)
              SELECT $cid, r.X, r.X, NULL, 0, 'WAIT', $(now_sql), $(now_sql), $(draw_code_sql)
              FROM $(seq_sql "$from" "$to");"
    done
    run_sql "$sql"
    printf 'seed the pre-queue of %s (SQL)\t%.1f\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)" >>"$KIND_DIR/setup.tsv"
    left=$(($(date -d "$opens" +%s) - $(date +%s)))
    check "$phase" "seeded before the opening (s to spare > 5)" yes "$( ((left > 5)) && echo yes || echo "no: ${left} s (raise DRAW_LEAD)")"
    local waited=0
    until [[ $(q "SELECT COUNT(*) FROM queue_draws WHERE concert_id = $cid AND drawn_at IS NOT NULL") == 1 ]]; do
        ((waited < (left + 120) * 2)) || break
        sleep 0.5
        waited=$((waited + 1))
    done
    row=$(q "SELECT entrants, draw_millis, TIMESTAMPDIFF(SECOND, c.sales_open_at, d.drawn_at)
               FROM queue_draws d JOIN concerts c ON c.id = d.concert_id WHERE d.concert_id = $cid AND d.drawn_at IS NOT NULL")
    if [[ -z $row ]]; then
        check "$phase" "drawn within 120 s of the opening" yes no
        return
    fi
    local entrants millis late
    IFS=$'\t' read -r entrants millis late <<<"$row"
    check "$phase" "entrants = seeded + the real fan" $((n + 1)) "$entrants"
    # the first admission: the promoter admits the first 50 at its next tick
    waited=0
    until [[ $(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $cid AND admitted_at IS NOT NULL") != 0 ]]; do
        ((waited < 30)) || break
        sleep 0.5
        waited=$((waited + 1))
    done
    local admitted_after
    admitted_after=$(q "SELECT TIMESTAMPDIFF(SECOND, d.drawn_at, MIN(t.admitted_at)) FROM queue_tokens t
                          JOIN queue_draws d ON d.concert_id = t.concert_id WHERE t.concert_id = $cid GROUP BY d.drawn_at")
    check "$phase" "first admission within $FIRST_ADMISSION_MAX s of the draw" yes \
        "$( [[ -n $admitted_after && $admitted_after != null ]] && ((admitted_after <= FIRST_ADMISSION_MAX)) && echo yes || echo "no: ${admitted_after:-none}")"
    check "$phase" "the first admitted are the first places" 0 \
        "$(q "SELECT COUNT(*) FROM queue_tokens WHERE concert_id = $cid AND admitted_at IS NOT NULL AND seq > 50")"
    # the published draw, as anyone may fetch it
    local got
    got=$(curl -sS -o "$KIND_DIR/draw-$n.json" -w '%{http_code} %{time_total} %{size_download}' "$BASE/api/v1/concerts/$cid/queue/draw")
    local status seconds bytes
    read -r status seconds bytes <<<"$got"
    check "$phase" "GET …/queue/draw answers 200 with commitment, seed and entrants" "200 true" \
        "$status $(jq -e 'has("commitment") and has("seed") and has("entrants")' "$KIND_DIR/draw-$n.json" 2>/dev/null || echo false)"
    check "$phase" "the published places are exactly 1..n" true \
        "$(jq -e '(.entrants | map(.place)) == [range(1; (.entrants | length) + 1)]' "$KIND_DIR/draw-$n.json" 2>/dev/null || echo false)"
    # the draw decides every place at once; the promoter writes them into the tickets front first
    # (stagedoor.queue.draw-write-chunk a tick, always ahead of admission)
    local writing=$SECONDS written_after
    until [[ $(q "SELECT written FROM queue_draws WHERE concert_id = $cid") -ge $entrants ]]; do
        ((SECONDS - writing < WRITE_WAIT)) || break
        sleep 1
    done
    written_after=$((SECONDS - writing))
    check "$phase" "every ticket has its place within $WRITE_WAIT s, exactly 1..n" yes "$(q "$(places_sql "$cid")")"
    jq -nc --argjson n "$n" --arg entrants "$entrants" --arg millis "$millis" --arg late "$late" \
        --arg admitted "$admitted_after" --arg status "$status" --arg seconds "$seconds" --arg bytes "$bytes" \
        --arg written "$written_after" \
        '{n: $n, entrants: $entrants, drawMillis: $millis, drawnLateSeconds: $late, firstAdmissionSeconds: $admitted,
          getStatus: $status, getMillis: (($seconds | tonumber) * 1000 | round), getBytes: ($bytes | tonumber),
          writtenSeconds: $written}' \
        >"$KIND_DIR/draw-$n.summary.json"
}

run_database() {
    KIND=$1
    KIND_DIR=$RUN_DIR/$KIND
    mkdir -p "$KIND_DIR"
    : >"$KIND_DIR/setup.tsv"
    : >"$KIND_DIR/checks.jsonl"
    log "=== $KIND ==="
    local start=$SECONDS
    start_app
    printf 'start the app (Flyway creates the schema)\t%s\n' $((SECONDS - start)) >>"$KIND_DIR/setup.tsv"
    admin_login
    seed_fans
    after_opening
    ((PRE_QUEUE)) && before_opening
    [[ $SIGNINS == 1 ]] && signins
    if ((PRE_QUEUE)); then
        local n
        for n in $DRAWS; do draw "$n"; done
    fi
    stop_app
    [[ $KIND == h2 ]] && rm -f "$KIND_DIR/db.mv.db"
    return 0
}

# --- the report ----------------------------------------------------------------------------------

# cell KIND FILE JQ: one figure of one database, "–" when it did not run
cell() {
    local file=$RUN_DIR/$1/$2.json
    if [[ -f $file ]]; then jq -r "$3" "$file"; else echo '–'; fi
}

row() {
    local line="| $1 |" kind
    for kind in "${DBS[@]}"; do line+=" $(cell "$kind" "$2" "$3") |"; done
    echo "$line"
}

# jq for a closed loop's result (at PATH): answers that were not 200, split into HTTP answers and
# errors (timeouts, I/O errors), and the per-operation database counters
LOOP_NOT_OK='[.statuses // {} | to_entries[] | select(.key != "200")] as $e
    | "\([$e[] | select(.key | test("^[0-9]")) | .value] | add // 0) / \([$e[] | select(.key | test("^[0-9]") | not) | .value] | add // 0)\(
        if ($e | length) > 0 then " (" + ([$e[] | "\(.key) ×\(.value)"] | join(", ")) + ")" else "" end)"'
PER_OP='(.db // {}) as $d | (.ok // 0) as $n | def per($k): if $n == 0 then "–" else (($d[$k] // 0) / $n * 100 | round) / 100 end;
    if ($d | length) == 0 then "– (H2)" else
    "\(per("Questions")) / \(per("Com_select")) / \(per("Com_insert")) / \(per("Com_update")) / \(per("Com_commit")) / \(per("Innodb_row_lock_waits"))" end'
LOCK_WAITS='if (.db // {} | length) == 0 then "– (H2)" else "\(.db.Innodb_row_lock_waits) (\(.db.Innodb_row_lock_time) ms)" end'
CPU='"\(.cpu.app) / \(.cpu.mariadbd // "–") / \(.cpu.client) / \(.cpu.others)"'

loop_rows() { # FILE PATH UNIT: the closed loop at PATH of FILE (".loop" for joins, "." for sign-ins)
    local file=$1 p=$2 unit=$3
    row "**$unit/s**" "$file" "$p | .throughput"
    row "p50 / p99 ms" "$file" "$p | \"\\(.p50Millis) / \\(.p99Millis)\""
    row "non-2xx / errors" "$file" "$p | $LOOP_NOT_OK"
    row "measured over" "$file" "$p | \"\\(.seconds) s, \\(.requests) requests after \\(.warmup.requests) in the warm-up\\(if .exhausted then \" (the fans ran out: raise them)\" else \"\" end)\""
    row "CPU % app / mariadbd / client / others" "$file" "$p | $CPU"
}

report() {
    local header="| |" rule="|---|" kind
    for kind in "${DBS[@]}"; do
        header+=" $kind |"
        rule+="---:|"
    done
    echo "### Joins, sign-ins and the draw ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "- Machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM;" \
        "app, database and load client on the same machine"
    echo "- Load (\`uptime\`): before \`$UPTIME_BEFORE\`; after \`$(uptime)\`"
    echo "- $(java -version 2>&1 | head -1)$([[ $DB != h2 ]] && echo "; MariaDB $("${MARIADB[@]}" -N -e 'SELECT VERSION()')")"
    echo "- Code: $JAR_ORIGIN; pre-queue and draw: $( ((PRE_QUEUE)) && echo yes || echo "**no**: joins before opening and the draw were not run") ($PRE_QUEUE_HOW)"
    echo "- Rate limits: $([[ $RATE_LIMITS == off ]] && echo 'off (`stagedoor.web.rate-limits.enabled=false`), as in the other benchmarks' ||
        echo 'on, with `login`, `sign-up` and `join-per-address` raised to 100000000/1m (every request comes from 127.0.0.1); `join-per-fan` as shipped')"
    echo "- App: \`$APP_CMD\` (H2: its own file, AUTO_SERVER; MariaDB: the \`mysql\` profile on \`$BENCH_DB\`); Hikari's 20 connections, Tomcat's 200 threads"
    echo "- Load: the \`Joins\` and \`SignIns\` tools (\`bench/java\`), closed loops of $CONCURRENCY requests, $WARMUP warm-up then $DURATION measured;" \
        "each join a different fan's minted bearer token ($FANS fans, minted in ${MINT_SECONDS} s before the run), each sign-in a different fan of $SIGNIN_FANS"
    echo
    echo '```sh'
    echo "${GIVEN[*]:+${GIVEN[*]} }bench/queue-join.sh"
    echo '```'
    echo
    echo "$header"
    echo "$rule"
    echo "| **joins after opening** (\`POST /api/v1/concerts/{id}/queue\`) |$(printf ' |%.0s' "${DBS[@]}")"
    loop_rows joins-after .loop joins
    row "per join: queries / selects / inserts / updates / commits / row-lock waits" joins-after ".loop | $PER_OP"
    row "InnoDB row-lock waits in the window (time)" joins-after ".loop | $LOCK_WAITS"
    row "200s said" joins-after '[.shapes | to_entries[] | "\(.key) ×\(.value)"] | join(", ")'
    if ((PRE_QUEUE)); then
        echo "| **joins before opening, in the pre-queue** |$(printf ' |%.0s' "${DBS[@]}")"
        loop_rows joins-before .loop joins
        row "per join: queries / selects / inserts / updates / commits / row-lock waits" joins-before ".loop | $PER_OP"
        row "InnoDB row-lock waits in the window (time)" joins-before ".loop | $LOCK_WAITS"
        row "200s said" joins-before '[.shapes | to_entries[] | "\(.key) ×\(.value)"] | join(", ")'
    else
        echo "| **joins before opening** | not run: this code has no pre-queue (it answers 409 \`SALES_NOT_OPEN\` before the on-sale time) |"
    fi
    if [[ $SIGNINS == 1 ]]; then
        echo "| **form sign-ins** (\`GET /login\`, then \`POST /login\` with the CSRF token and the session cookie) |$(printf ' |%.0s' "${DBS[@]}")"
        loop_rows signins-form . sign-ins
        echo "| **token sign-ins** (\`POST /api/v1/auth/token\`, HTTP Basic) |$(printf ' |%.0s' "${DBS[@]}")"
        loop_rows signins-token . sign-ins
    fi
    if ((PRE_QUEUE)); then
        local n
        for n in $DRAWS; do
            echo "| **the draw of $n pre-queue tickets** (+ 1 real join) |$(printf ' |%.0s' "${DBS[@]}")"
            row "entrants / draw_millis" "draw-$n.summary" '"\(.entrants) / \(.drawMillis) ms"'
            row "drawn after the on-sale time / first admission after the draw" "draw-$n.summary" '"\(.drawnLateSeconds) s / \(.firstAdmissionSeconds) s"'
            row "every place in its ticket (written front first) after" "draw-$n.summary" '"\(.writtenSeconds) s"'
            row "\`GET /api/v1/concerts/{id}/queue/draw\`: status, time, size" "draw-$n.summary" '"\(.getStatus), \(.getMillis) ms, \(.getBytes) bytes"'
        done
    else
        echo "| **the draw** | not run: this code has no draw |"
    fi
    echo
    echo "Non-2xx counts HTTP answers other than 200 (for form sign-ins, 302 is a redirect back to the login page);" \
        "errors are timeouts and I/O errors. Per-join statements are MariaDB's server-wide counters over the measured" \
        "window divided by its joins (the promoter's ticks and anything else on the server count too). CPU is in % of one core." \
        "Times in the draw rows are whole seconds (MariaDB through Connector/J keeps no milliseconds); \`draw_millis\` is the promoter's own."
    echo
    echo "#### Checks (in the database, after each phase)"
    echo
    echo "| database | phase | check | expected | got | result |"
    echo "|---|---|---|---:|---:|---|"
    for kind in "${DBS[@]}"; do
        [[ -f $RUN_DIR/$kind/checks.jsonl ]] &&
            jq -r --arg kind "$kind" '"| \($kind) | \(.phase) | \(.name) | \(.expected) | \(.got) | \(.verdict) |"' "$RUN_DIR/$kind/checks.jsonl"
    done
    echo
    echo "#### Setup (seconds)"
    echo
    for kind in "${DBS[@]}"; do
        [[ -f $RUN_DIR/$kind/setup.tsv ]] && awk -F'\t' -v k="$kind" '{ printf "- %s: %s: %s\n", k, $1, $2 }' "$RUN_DIR/$kind/setup.tsv"
    done
    if [[ $VALID != yes ]]; then
        printf '\n**INVALID RUN:** %s\n' "$VALID"
    fi
}

# --- main ----------------------------------------------------------------------------------------

main() {
    mkdir -p "$RUN_DIR"
    UPTIME_BEFORE=$(uptime)
    ensure_tools
    prepare_jar
    prepare_client
    extract_h2_jar
    detect_pre_queue
    log "minting $FANS fans' tokens"
    mint_tokens
    local kind
    for kind in "${DBS[@]}"; do run_database "$kind"; done
    VALID=yes
    local failed
    failed=$(cat "$RUN_DIR"/*/checks.jsonl | jq -r 'select(.verdict == "FAIL") | "\(.phase): \(.name)"' | paste -sd ';' -)
    [[ -z $failed ]] || VALID="checks failed: $failed"
    report | tee "$REPORT"
    log "report: $REPORT; logs and raw results: $RUN_DIR"
    local app_log
    for app_log in "$RUN_DIR"/*/app.log; do
        if grep -qE ' (WARN|ERROR) ' "$app_log"; then
            log "the app logged WARN/ERROR lines in $app_log (first 3):"
            grep -E ' (WARN|ERROR) ' "$app_log" | head -3 | cut -c1-300 >&2
        fi
    done
    [[ $VALID == yes ]] || exit 1
}

main "$@"
