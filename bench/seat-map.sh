#!/usr/bin/env bash
# The live seat map under a rush, on MariaDB: FANS (1,000) admitted fans' browser sessions each
# refresh a 5,000-seat map every INTERVAL (4 s, the page's own), in three windows of DURATION:
#   1. refreshes alone: nothing changes, every refresh should be an empty answer (204);
#   2. holds alone: HOLD_RATE (10/s) holds of two seats through the API, each let go 3 s later;
#   3. both at once: the refreshes now carry the seats that moved.
# Reports bytes on the wire and the app's CPU per refresh, the holds' p50/p99 beside them, what the
# whole-map refresh (the seed's way) costs for comparison, and the machine's load before and after;
# saved as bench/results/seat-map-<timestamp>.md. See bench/README.md.
#
#   bench/seat-map.sh                          # the full run (about 8 minutes)
#   DURATION=20s APP_WARMUP=30s bench/seat-map.sh   # a smoke run
set -euo pipefail

GIVEN=()
for setting in FANS HOLDERS HOLD_RATE INTERVAL DURATION APP_WARMUP PORT HEAP JAR DB; do
    if [[ -n ${!setting+x} ]]; then GIVEN+=("$setting=${!setting}"); fi
done

FANS=${FANS:-1000}
HOLDERS=${HOLDERS:-80}          # fans taking turns to hold (each holds at most 4 seats of a date)
HOLD_RATE=${HOLD_RATE:-10}      # holds a second in windows 2 and 3
INTERVAL=${INTERVAL:-4s}        # the page's refresh (stagedoor.concert.seat-map.refresh)
DURATION=${DURATION:-60s}       # each measured window
APP_WARMUP=${APP_WARMUP:-90s}   # unmeasured windows of the same load first, for the JIT
PORT=${PORT:-18082}             # 8080, 18080 and 18081 belong to other work on this machine
HEAP=${HEAP:-2g}
JAR=${JAR:-}
MAVEN_WAIT=${MAVEN_WAIT:-600}

DB=${DB:-stagedoor_bench_seatmap}   # dropped and created afresh
MARIADB=(mariadb -h127.0.0.1 -P3306 -uroot)
ADMIN_PASSWORD=bench-admin-pass
FIRST_FAN=3000000000            # seeded member ids, far from real ones
FIRST_HOLDER=3100000000

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR=$BENCH_DIR/results/seat-map-$STAMP
BASE=http://127.0.0.1:$PORT
JWT_SECRET=$(head -c 32 /dev/urandom | base64 -w0)
mkdir -p "$RUN_DIR"
source "$BENCH_DIR/lib.sh"

cleanup() {
    local rc=$?
    stop_app
    [[ -f $RUN_DIR/app.jar ]] && rm -f "$RUN_DIR/app.jar"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sql() { "${MARIADB[@]}" -N -B "$DB" -e "$1"; }

for tool in java javac curl jq mariadb; do command -v "$tool" >/dev/null || die "$tool is needed"; done
"${MARIADB[@]}" -e 'SELECT 1' >/dev/null 2>&1 || "$REPO_DIR/bin/test-prerequisites" >"$RUN_DIR/prerequisites.log"
DB_PID=$(pgrep -xo mariadbd || pgrep -xo mysqld || echo 0)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
UPTIME_BEFORE=$(uptime)
prepare_jar
mkdir -p "$RUN_DIR/classes"
javac -d "$RUN_DIR/classes" "$BENCH_DIR/SeatMapLoad.java"

"${MARIADB[@]}" -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
port_in_use && die "port $PORT is already in use"
(cd "$RUN_DIR" && exec java -Xmx"$HEAP" -jar "$RUN_DIR/app.jar" \
    --spring.profiles.active=mysql \
    "--spring.datasource.url=$(jdbc_url "$DB")" \
    --spring.datasource.username=root --spring.datasource.password= \
    "--server.port=$PORT" "--stagedoor.member.admin.password=$ADMIN_PASSWORD" "--stagedoor.web.jwt-secret=$JWT_SECRET" \
    `# the thousand sign-ins come from one address; every other limit stays as in production` \
    --stagedoor.web.rate-limits.login=100000/1m \
    --logging.level.root=warn) >"$RUN_DIR/app.log" 2>&1 &
APP_PID=$!
wait_until_up "$RUN_DIR/app.log"
admin_login
log "app up (pid $APP_PID)"

# 5,000 seats, the product's limit: five sections of 20 rows × 50
body=$(jq -n --arg open "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)" --arg starts "$(date -u -d '+30 days' +%Y-%m-%dT11:00:00Z)" \
    '{title: "Seat map", artist: "Bench", venue: "Bench Hall", description: "seat-map.sh", salesOpenAt: $open,
      maxSeatsPerMember: 4, performances: [{startsAt: $starts}],
      sections: [range(5) | {name: ("S" + tostring), rows: 20, seatsPerRow: 50, price: 50000}]}')
created=$(api POST /api/v1/admin/concerts 201 "$body")
CONCERT=$(jq -r .id <<<"$created")
PERFORMANCE=$(jq -r '.performanceIds[0]' <<<"$created")
api PUT "/api/v1/admin/concerts/$CONCERT/queue-settings" 200 \
    '{"admitCount":50,"admitIntervalSeconds":10,"maxActive":null,"activeSeconds":86400,"holdSeconds":300,"preQueueMinutes":0,"paused":true}' >/dev/null

# fans straight into the database, each with an (empty) wallet for the header's badge, admitted until far in the future; {noop} so that signing a
# thousand browsers in costs no bcrypt hash each
seed() {
    local first=$1 count=$2 range="seq_${1}_to_$(($1 + $2 - 1))"
    sql "INSERT INTO members (id, username, password_hash, role, created_at)
           SELECT seq, CONCAT('bench', seq), '{noop}bench-pass', 'FAN', UTC_TIMESTAMP(3) FROM $range;
         INSERT INTO wallets (member_id, balance, updated_at) SELECT seq, 0, UTC_TIMESTAMP(3) FROM $range;
         INSERT INTO queue_tokens (concert_id, member_id, live_member_id, seq, joined_mark, status, joined_at, last_seen_at, admitted_at, active_until)
           SELECT $CONCERT, seq, seq, NULL, 0, 'ACTIVE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), '2099-12-31 00:00:00' FROM $range;"
}
seed "$FIRST_FAN" "$FANS"
seed "$FIRST_HOLDER" "$HOLDERS"

client() {
    java -Xmx1g -cp "$RUN_DIR/classes" SeatMapLoad --base "$BASE" --secret "$JWT_SECRET" --performance "$PERFORMANCE" \
        --first-fan "$FIRST_FAN" --fans "$FANS" --first-holder "$FIRST_HOLDER" --holders "$HOLDERS" \
        --hold-rate "$HOLD_RATE" --interval "$INTERVAL" --app-pid "$APP_PID" --db-pid "$DB_PID" "$@"
}
log "warming up for $APP_WARMUP (unmeasured)"
client --duration "$(awk -v s="$(seconds_of "$APP_WARMUP")" 'BEGIN { print int(s / 3) "s" }')" >"$RUN_DIR/warmup.json" || die "the warm-up failed"
log "measuring: three windows of $DURATION"
client --duration "$DURATION" >"$RUN_DIR/result.json" || die "the measured run failed"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
UPTIME_AFTER=$(uptime)

R=$RUN_DIR/result.json
j() { jq -r "$1" "$R"; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2f", a / b }'; }
ms() { awk -v u="$1" 'BEGIN { if (u < 0) print "–"; else printf "%.1f", u / 1000 }'; }
unchanged_cpu=$(per "$(j .refreshes.appCpuMillis)" "$(j .refreshes.refreshes)")
unchanged_request_cpu=$(per "$(j .refreshes.requestThreadsCpuMillis)" "$(j .refreshes.refreshes)")
holds_cpu=$(per "$(j .holds.appCpuMillis)" "$(j .holds.holds)")
# window 3's CPU less what its holds cost in window 2, spread over its refreshes
both_cpu=$(awk -v total="$(j .both.appCpuMillis)" -v holds="$(j .both.holds)" -v per_hold="$holds_cpu" \
    -v refreshes="$(j .both.refreshes)" 'BEGIN { printf "%.2f", (total - holds * per_hold) / refreshes }')
report=$RUN_DIR/../seat-map-$STAMP.md
cat >"$report" <<EOF
### Seat-map refresh, $(date -u +%Y-%m-%d) ($(git -C "$REPO_DIR" rev-parse --short HEAD))

\`${GIVEN[*]:-} bench/seat-map.sh\` on $(nproc) cores, $(java -version 2>&1 | head -1), MariaDB $("${MARIADB[@]}" -N -e 'SELECT VERSION()').
$(j .fans) fans' sessions refresh a $(j .seats)-seat map every $INTERVAL; windows of $DURATION after $APP_WARMUP of warm-up.
Machine load before: \`$UPTIME_BEFORE\`; after: \`$UPTIME_AFTER\` (other engineers were building and testing on the same two cores).

| window | refreshes | unchanged (204) | changed (200) | bytes/refresh on the wire | seats moved per changed refresh | app CPU ms per refresh | holds | hold p50 / p99 ms | app CPU s / DB CPU s |
|---|---|---|---|---|---|---|---|---|---|
| refreshes alone | $(j .refreshes.refreshes) | $(j .refreshes.unchanged) | $(j .refreshes.changed) | $(j .refreshes.refreshWireBytes) | – | $unchanged_cpu | – | – | $(per "$(j .refreshes.appCpuMillis)" 1000) / $(per "$(j .refreshes.dbCpuMillis)" 1000) |
| holds alone | – | – | – | – | – | – ($holds_cpu per hold) | $(j .holds.holds) ($(j .holds.held) held) | $(ms "$(j .holds.holdP50Micros)") / $(ms "$(j .holds.holdP99Micros)") | $(per "$(j .holds.appCpuMillis)" 1000) / $(per "$(j .holds.dbCpuMillis)" 1000) |
| both | $(j .both.refreshes) | $(j .both.unchanged) | $(j .both.changed) | $(j .both.refreshWireBytes) (204: $(j .both.unchangedWireBytes), 200: $(j .both.changedWireBytes)) | $(j .both.changedMovedSeats) | $both_cpu | $(j .both.holds) ($(j .both.held) held) | $(ms "$(j .both.holdP50Micros)") / $(ms "$(j .both.holdP99Micros)") | $(per "$(j .both.appCpuMillis)" 1000) / $(per "$(j .both.dbCpuMillis)" 1000) |

Unchanged refreshes, server time in the request threads alone (Tomcat's, without the collector and the JIT): $unchanged_request_cpu ms per refresh ($(j .refreshes.requestThreadsCpuMillis) ms for $(j .refreshes.refreshes)); $(j .passes) of $(j .fans) sessions refreshed with a pass (the first refresh of each, unmeasured, went through the session and brought it).
For comparison, the whole map (what every refresh sent before): $(j .fullMapRefresh.bytes) bytes of HTML, $(j .fullMapRefresh.wireBytes) on the wire gzipped, median $(j .fullMapRefresh.medianMillis) ms per answer (one fan, sequential). The page itself: $(j .fullPage.bytes) bytes, $(j .fullPage.gzipBytes) gzipped.
Errors: $(j '.refreshes.errors + .holds.errors + .both.errors'); answers other than 200/204: $(j '.refreshes.otherStatus + .both.otherStatus'). Raw figures: \`$R\`.
EOF
cat "$report"
