#!/usr/bin/env bash
# The pages every fan hammers at the on-sale second (issue #13): the home page, a concert's page and
# the public catalogue API, anonymous, against the app's own /actuator/health, in one run of one
# app with CONCERTS published concerts. See bench/README.md for what it does and how to read it.
#
#   bench/public-pages.sh                                   # 1,000 concerts, 20 s per endpoint
#   CONCERTS=100 DURATION=5s APP_WARMUP=10s bench/public-pages.sh   # smoke run
#
# It builds the jar (or takes JAR=...), starts its own copy on port 18091 in a scratch directory
# under bench/results/ on embedded H2, creates one concert through the organiser's API and copies
# it in SQL into CONCERTS published concerts, runs wrk, writes a Markdown fragment to stdout and
# bench/results/public-pages-<timestamp>.md, and stops the app it started on every exit. Exit
# status: 0 when the run was valid (a target may still FAIL: a finding, not an error); 1 when
# something went wrong or a run had errors.
set -euo pipefail

# --- settings (environment) ----------------------------------------------------------------------
CONCERTS=${CONCERTS:-1000}         # published concerts in the catalogue
DURATION=${DURATION:-20s}          # each measured wrk run
WARMUP=${WARMUP:-5s}               # an unmeasured wrk run before each measured one
APP_WARMUP=${APP_WARMUP:-60s}      # unmeasured load spread over the endpoints before the first one
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
TIMEOUT=${TIMEOUT:-30s}            # wrk counts an answer slower than this as an error
PORT=${PORT:-18091}                # a port of its own: other benchmarks use 18080-18082
HEAP=${HEAP:-1g}
JAR=${JAR:-}                       # a built jar to use as is; empty: build with ./mvnw
KEEP_RUN=${KEEP_RUN:-0}            # 1: keep the database and jar in the run directory afterwards
MAVEN_WAIT=${MAVEN_WAIT:-600}      # seconds to wait for another Maven build in this tree to finish

MIN_SHARE_OF_HEALTH=50   # the issue's target: each page at least half of health's req/s

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
LUA=$BENCH_DIR/public-pages.lua
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR=$BENCH_DIR/results     # gitignored
RUN_DIR=$RESULTS_DIR/run-pages-$STAMP
REPORT=$RESULTS_DIR/public-pages-$STAMP.md
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-admin-pass
DB_URL="jdbc:h2:file:$RUN_DIR/db;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE"
JAVA_CMD=()

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

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

start_app() {
    port_in_use && die "port $PORT is already in use; is another benchmark running?"
    JAVA_CMD=(java "-Xmx$HEAP" -jar app.jar
        "--server.port=$PORT"
        "--spring.datasource.url=$DB_URL"
        "--stagedoor.member.admin.password=$ADMIN_PASSWORD"
        --stagedoor.concert.demo.enabled=false
        --stagedoor.web.rate-limits.enabled=false
        --logging.level.root=warn)
    log "starting the app on port $PORT in $RUN_DIR"
    (cd "$RUN_DIR" && exec "${JAVA_CMD[@]}") >"$RUN_DIR/app.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$RUN_DIR/app.log"
    log "app up (pid $APP_PID)"
}

# seed: one concert through the organiser's API (on sale since an hour ago, two dates, a 40-seat
# map in two price tiers, published), then CONCERTS - 1 copies of it in SQL (concert, sections,
# dates, seats), their sales opening a minute apart, so about half are on sale and half count
# down. Copies get ids far above the API's own. Prints the API concert's id.
seed() {
    local body id sql start seconds count
    body=$(jq -nc --arg open "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" \
        --arg d1 "$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)" \
        --arg d2 "$(date -u -d '+31 days' +%Y-%m-%dT%H:%M:%SZ)" \
        '{title: "Bench concert", artist: "Bench", venue: "Bench Hall", description: "public-pages benchmark",
          timeZone: "Asia/Seoul", salesOpenAt: $open, maxSeatsPerMember: 4, published: true,
          performances: [{startsAt: $d1}, {startsAt: $d2}],
          sections: [{name: "VIP", rows: 2, seatsPerRow: 10, price: 150000},
                     {name: "R", rows: 2, seatsPerRow: 10, price: 99000}]}')
    id=$(api POST /api/v1/admin/concerts 201 "$body" | jq -r .id)
    start=$(date +%s.%N)
    if ((CONCERTS > 1)); then
        sql="INSERT INTO concerts (id, title, artist, venue, description, time_zone, sales_open_at, max_seats_per_member, published, created_at, version)
               SELECT 1000000 + \"X\", CONCAT(title, ' ', \"X\"), artist, venue, description, time_zone,
                      DATEADD('MINUTE', \"X\" - $((CONCERTS / 2)), sales_open_at), max_seats_per_member, TRUE, created_at, 0
               FROM concerts, SYSTEM_RANGE(2, $CONCERTS) WHERE id = $id;
             INSERT INTO concert_sections (concert_id, position, name, seat_rows, seats_per_row, price)
               SELECT 1000000 + \"X\", position, name, seat_rows, seats_per_row, price
               FROM concert_sections, SYSTEM_RANGE(2, $CONCERTS) WHERE concert_id = $id;
             INSERT INTO performances (id, concert_id, starts_at)
               SELECT 10000000 + \"X\" * 100 + p.id, 1000000 + \"X\", p.starts_at
               FROM performances p, SYSTEM_RANGE(2, $CONCERTS) WHERE p.concert_id = $id;
             INSERT INTO seats (id, performance_id, section, tier, seat_row, seat_number, price, status)
               SELECT 100000000 + \"X\" * 1000 + s.id, 10000000 + \"X\" * 100 + s.performance_id, s.section, s.tier,
                      s.seat_row, s.seat_number, s.price, 'AVAILABLE'
               FROM seats s JOIN performances p ON p.id = s.performance_id, SYSTEM_RANGE(2, $CONCERTS)
               WHERE p.concert_id = $id;"
        log "copying concert $id into $CONCERTS published concerts"
        h2 "$sql" >/dev/null
    fi
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    count=$(h2 "SELECT COUNT(*) AS n FROM concerts WHERE published = TRUE" | sed -n 2p)
    [[ $count == "$CONCERTS" ]] || die "$count published concerts after seeding, expected $CONCERTS"
    log "seeded $CONCERTS published concerts in ${seconds}s"
    echo "$id"
}

# --- measurement ---------------------------------------------------------------------------------

KINDS=(health home concert api)
url_of() {
    case $1 in
        health) echo "$BASE/actuator/health" ;;
        home) echo "$BASE/" ;;
        concert) echo "$BASE/concerts/$CID" ;;
        api) echo "$BASE/api/v1/concerts" ;;
        home304) echo "$BASE/" ;;
    esac
}
label_of() {
    case $1 in
        health) echo 'GET /actuator/health' ;;
        home) echo 'GET /' ;;
        concert) echo "GET /concerts/$CID" ;;
        api) echo 'GET /api/v1/concerts' ;;
        home304) echo 'GET / with If-None-Match (304)' ;;
    esac
}
# what every answer must contain: health up, a concert card, the concert's title, a concert's id
expect_of() {
    case $1 in
        health) echo '"status":"UP"' ;;
        home) echo 'data-testid="concert-card"' ;;
        concert) echo 'Bench concert' ;;
        api) echo '"salesOpenAt"' ;;
        home304) echo '' ;;
    esac
}

wrk_kind() { # KIND RESULT WRK-ARGS...
    local kind=$1 result=$2 status=200 etag=""
    shift 2
    if [[ $kind == home304 ]]; then
        status=304
        etag=$HOME_ETAG
    fi
    PP_EXPECT=$(expect_of "$kind") PP_STATUS=$status PP_IF_NONE_MATCH=$etag PP_RESULT="$result" \
        wrk -t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -s "$LUA" "$@" "$(url_of "$kind")"
}

get() { sed -n "s/^$2=//p" "$RUN_DIR/$1.result"; }
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
cpu_per_request() { awk -v c="$(get "$1" cpu_us)" -v n="$(get "$1" requests)" 'BEGIN { printf "%.0f", n ? c / n : 0 }'; }
errors() { echo $(($(get "$1" err_socket) + $(get "$1" err_unexpected))); }
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }
thousands() { printf '%d' "${1%.*}" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

run_wrk() { # KIND
    local kind=$1 before after
    log "$kind: warm-up $WARMUP"
    wrk_kind "$kind" "$RUN_DIR/$kind.warmup.result" -d"$WARMUP" >"$RUN_DIR/$kind.warmup.txt" 2>&1 ||
        die "wrk failed: $(cat "$RUN_DIR/$kind.warmup.txt")"
    log "$kind: measuring $DURATION"
    before=$(app_cpu_ticks)
    wrk_kind "$kind" "$RUN_DIR/$kind.result" --latency -d"$DURATION" >"$RUN_DIR/$kind.txt" 2>&1 ||
        die "wrk failed: $(cat "$RUN_DIR/$kind.txt")"
    after=$(app_cpu_ticks)
    echo "cpu_us=$(((after - before) * 1000000 / $(getconf CLK_TCK)))" >>"$RUN_DIR/$kind.result"
    log "$kind: $(get "$kind" rps) req/s, p99 $(ms "$(get "$kind" p99_us)") ms, errors $(errors "$kind")"
    sleep 2
}

# sizes KIND: the body's bytes uncompressed and gzipped, and the answer's caching headers
sizes() {
    local url plain gz
    url=$(url_of "$1")
    plain=$(curl -sS -o /dev/null -w '%{size_download}' "$url")
    gz=$(curl -sS -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url")
    curl -sS -D - -o /dev/null "$url" | tr -d '\r' |
        grep -iE '^(cache-control|etag|last-modified|vary|set-cookie):' | sed 's/^set-cookie: \([^=]*\)=.*/set-cookie: \1=…/I' |
        paste -sd ';' - >"$RUN_DIR/$1.headers"
    echo "$plain $gz"
}

rows() {
    local health kind
    health=$(get health rps)
    for kind in "${MEASURED[@]}"; do
        local share="–" result="–"
        if [[ $kind != health ]]; then
            share="$(pct "$(get "$kind" rps)" "$health") %"
            [[ $kind != home304 ]] && result=$(verdict "$(get "$kind" rps) >= $health * $MIN_SHARE_OF_HEALTH / 100")
        fi
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(label_of "$kind")" \
            "$(thousands "$(get "$kind" rps)")" "$(ms "$(get "$kind" p50_us)")" "$(ms "$(get "$kind" p99_us)")" \
            "$share" "${SIZES[$kind]:-–}" "$(cpu_per_request "$kind")" "$(errors "$kind")" "$result"
    done
}

headers_list() {
    local kind
    for kind in home concert api; do
        printf -- '- `%s`: %s\n' "$(label_of "$kind")" "$(sed 's/;/; /g' "$RUN_DIR/$kind.headers")"
    done
}

report() {
    local valid=$1
    cat <<EOF
### Public pages benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

- Machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM
- Java: $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)
- Code: $JAR_ORIGIN
- Database: embedded H2 (file, MySQL mode), $(thousands "$CONCERTS") published concerts (2 dates and 40 seats each); app and wrk on the same machine
- Load average (1, 5, 15 min) before the run: $LOAD_BEFORE; after it: $(cut -d' ' -f1-3 /proc/loadavg)
- Command: \`${JAR:+JAR=$JAR }CONCERTS=$CONCERTS APP_WARMUP=$APP_WARMUP DURATION=$DURATION WARMUP=$WARMUP bench/public-pages.sh\`
- Each row: \`wrk -t$THREADS -c$CONNECTIONS --timeout $TIMEOUT -d$DURATION --latency -s bench/public-pages.lua <url>\` after a $WARMUP warm-up
  (and $APP_WARMUP of unmeasured load over all of them first), anonymous, no cookies kept, every answer
  checked (status and a piece of its body; a wrong one counts as an error)

| endpoint | req/s | p50 ms | p99 ms | of health | body bytes (gzipped) | app CPU µs/req | errors | ≥ ${MIN_SHARE_OF_HEALTH} % of health |
|---|---:|---:|---:|---:|---:|---:|---:|---|
$(rows)

Caching headers of one anonymous answer each:

$(headers_list)
EOF
    if [[ $valid != yes ]]; then
        printf '\n**INVALID RUN:** %s\n' "$valid"
    fi
}

main() {
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    mkdir -p "$RUN_DIR"
    local tool
    for tool in java curl python3 wrk jq; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
    prepare_jar
    extract_h2_jar
    start_app
    admin_login
    CID=$(seed)
    sleep 2 # let any cached catalogue expire: start from what was seeded

    declare -gA SIZES=()
    local kind plain gz
    for kind in home concert api; do
        read -r plain gz <<<"$(sizes "$kind")"
        SIZES[$kind]="$(thousands "$plain") ($(thousands "$gz"))"
    done
    MEASURED=("${KINDS[@]}")
    HOME_ETAG=$(curl -sS -D - -o /dev/null "$BASE/" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
    [[ -n $HOME_ETAG ]] && MEASURED+=(home304)

    local seconds=${APP_WARMUP%s} each
    each=$((seconds / ${#MEASURED[@]}))s
    log "warming the app up: $each on each endpoint"
    for kind in "${MEASURED[@]}"; do
        wrk_kind "$kind" /dev/null -d"$each" >/dev/null 2>&1 || die "wrk failed during the warm-up"
    done
    for kind in "${MEASURED[@]}"; do
        run_wrk "$kind"
    done

    local valid=yes
    for kind in "${MEASURED[@]}"; do
        if (($(errors "$kind") > 0)); then
            valid="$kind had $(errors "$kind") errors (socket, or not the expected answer); see $RUN_DIR/$kind.txt"
        fi
    done
    report "$valid" | tee "$REPORT"
    log "report: $REPORT; raw output and app log: $RUN_DIR"
    if grep -qE ' (WARN|ERROR) ' "$RUN_DIR/app.log"; then
        log "the app logged WARN/ERROR lines (first 5 below); see $RUN_DIR/app.log"
        grep -E ' (WARN|ERROR) ' "$RUN_DIR/app.log" | head -5 | cut -c1-300 >&2
    fi
    [[ $valid == yes ]] || exit 1
}

main "$@"
