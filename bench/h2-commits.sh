#!/usr/bin/env bash
# What "every answered commit survives kill -9" costs on the embedded H2: top-ups (one commit
# each: the wallet row and a ledger entry) per second and their latency, with the shipped
# WRITE_DELAY=0 and with H2's own default (WRITE_DELAY=500, commits written up to 500 ms later).
# Both runs use one jar, one fresh H2 file each, the same fans and the same wrk load.
#
#   bench/h2-commits.sh                          # 3 rounds of 20 s per setting
#   ROUNDS=1 DURATION=5s bench/h2-commits.sh     # a smoke run
#   JAR=target/stagedoor-0.1.0-SNAPSHOT.jar bench/h2-commits.sh
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%d-%H%M%S)
RUN_DIR="$BENCH_DIR/results/h2-commits-$STAMP"
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT"
JAR=${JAR:-}
MAVEN_WAIT=${MAVEN_WAIT:-1800}
ADMIN_PASSWORD=bench-admin-password
FANS=${FANS:-32}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-3}
mkdir -p "$RUN_DIR"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
trap stop_app EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
for tool in java curl jq wrk; do command -v $tool >/dev/null || die "$tool is missing"; done
prepare_jar

# start_app DELAY: the app on a fresh H2 file with WRITE_DELAY=DELAY, no limits (one address signs up all fans)
start_app() {
    local delay=$1
    port_in_use && die "port $PORT is in use"
    java -Xmx1g -jar "$RUN_DIR/app.jar" --server.port="$PORT" \
        "--spring.datasource.url=jdbc:h2:file:$RUN_DIR/db-$delay;MODE=MySQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=$delay" \
        --stagedoor.member.admin.password="$ADMIN_PASSWORD" --stagedoor.concert.demo.enabled=false \
        --stagedoor.web.rate-limits.enabled=false >"$RUN_DIR/app-$delay.log" 2>&1 &
    APP_PID=$!
    wait_until_up "$RUN_DIR/app-$delay.log"
}

fans() {
    local tokens=$1 i name
    : >"$tokens"
    for i in $(seq 1 "$FANS"); do
        name="bench$i"
        curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
            -d "{\"username\":\"$name\",\"password\":\"stage-door-pass-9\"}" "$BASE/api/v1/members"
        curl -fsS -X POST -u "$name:stage-door-pass-9" "$BASE/api/v1/auth/token" | jq -r .accessToken >>"$tokens"
    done
}

balances() {
    local tokens=$1 total=0 token
    while read -r token; do
        total=$((total + $(curl -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/wallet" | jq .balance)))
    done <"$tokens"
    echo "$total"
}

declare -A RESULT
UPTIME_BEFORE=$(uptime)
for round in $(seq 1 "$ROUNDS"); do
    for delay in 0 500; do
        rm -f "$RUN_DIR"/db-$delay.*
        start_app "$delay"
        tokens="$RUN_DIR/tokens-$delay"
        fans "$tokens"
        HC_TOKENS=$tokens HC_RESULT="$RUN_DIR/warmup" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/h2-commits.lua" "$BASE" >/dev/null
        before=$(balances "$tokens")
        HC_TOKENS=$tokens HC_RESULT="$RUN_DIR/r$round-$delay" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
            -s "$BENCH_DIR/h2-commits.lua" "$BASE" >"$RUN_DIR/wrk-r$round-$delay.txt"
        after=$(balances "$tokens")
        # shellcheck disable=SC1090
        source "$RUN_DIR/r$round-$delay"
        answered=$((requests - non2xx))
        # wrk counts the answers it read; up to one request per connection is still in flight when
        # it stops, done by the app but not counted
        grown=$(((after - before) / 1000))
        ((grown >= answered && grown <= answered + CONNECTIONS)) ||
            die "round $round, WRITE_DELAY=$delay: balances grew by $grown top-ups, wrk saw $answered answered"
        RESULT[$round-$delay]="$rps | $p50 | $p99 | $non2xx + $socket_errors"
        log "round $round WRITE_DELAY=$delay: $rps top-ups/s, p50 $p50 ms, p99 $p99 ms"
        stop_app
    done
done
UPTIME_AFTER=$(uptime)

{
    echo "### Embedded H2: the cost of writing each commit before answering"
    echo
    echo "- Commit: $JAR_ORIGIN; $(nproc) cores; $(java -version 2>&1 | head -1)"
    echo "- Command: \`ROUNDS=$ROUNDS DURATION=$DURATION bench/h2-commits.sh\` ($FANS fans, wrk -t2 -c$CONNECTIONS, ₩1,000 top-ups)"
    echo "- Load before: \`$UPTIME_BEFORE\`"
    echo "- Load after: \`$UPTIME_AFTER\`"
    echo
    echo "| round | WRITE_DELAY | top-ups/s | p50 ms | p99 ms | errors |"
    echo "|---|---|---|---|---|---|"
    for round in $(seq 1 "$ROUNDS"); do
        for delay in 0 500; do
            echo "| $round | $delay | ${RESULT[$round-$delay]} |"
        done
    done
} | tee "$BENCH_DIR/results/h2-commits-$STAMP.md"
