# What the benchmark scripts share: logging, building the jar, starting and stopping the app, the
# organiser's API calls, the Java load tools and the H2 client. Sourced by them after they set
# BENCH_DIR, REPO_DIR, RUN_DIR, BASE, PORT, JAR, MAVEN_WAIT and ADMIN_PASSWORD (and DB_URL before
# calling h2; KIND, h2 or mariadb, with BENCH_DB and MARIADB before calling q, run_sql, now_sql or
# seq_sql).

APP_PID=""
CLIENT_DIR=""                      # the load tools' classes, copied from the build
ADMIN_TOKEN=""
JAR_ORIGIN=""                      # which code ran, for the report

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
    log "ERROR: $*"
    exit 1
}

# Stops the app this script started, by its pid and only that one.
stop_app() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

# seconds_of 30s|500ms|2m → whole seconds, rounded up
seconds_of() {
    local text=$1
    case $text in
    *ms) echo $(((${text%ms} + 999) / 1000)) ;;
    *s) awk -v s="${text%s}" 'BEGIN { print int(s) + (s > int(s)) }' ;;
    *m) echo $((${text%m} * 60)) ;;
    *) echo "$text" ;;
    esac
}

# Another engineer may be building or testing in this tree: building on top of a running test
# would swap their classes underneath them, so wait (a while) for their Maven to finish. A Maven
# that runs the app (spring-boot:run) never finishes and does not read target/classes again, so
# it does not count.
other_maven_busy() {
    local pid
    for pid in $(pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher|MavenWrapperMain'); do
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'spring-boot:run' || return 0
    done
    return 1
}

# Which code ran: the commit the jar was built from, or the jar that was given.
jar_origin() {
    if [[ -n $JAR ]]; then
        echo "jar \`$JAR\` (given; commit unknown)"
    elif [[ -n $(git -C "$REPO_DIR" status --porcelain -- src pom.xml bench/java) ]]; then
        echo "$(git -C "$REPO_DIR" rev-parse --short HEAD) plus the uncommitted changes in src/ or bench/java at build time"
    else
        git -C "$REPO_DIR" rev-parse --short HEAD
    fi
}

# jdbc_url DB: the local MariaDB's database DB for the app in $RUN_DIR/app.jar (bin/jdbc-url).
jdbc_url() { "$REPO_DIR/bin/jdbc-url" "$RUN_DIR/app.jar" 127.0.0.1 3306 "$1"; }

# The app runs from a copy of the jar in RUN_DIR, so a rebuild in the tree cannot change it mid-run.
prepare_jar() {
    if [[ -n $JAR ]]; then
        log "using $JAR"
        cp "$JAR" "$RUN_DIR/app.jar"
        JAR_ORIGIN=$(jar_origin)
        return
    fi
    local attempt waited
    for attempt in 1 2 3; do
        waited=0
        while other_maven_busy && ((waited < MAVEN_WAIT)); do
            ((waited == 0)) && log "another Maven build is running; waiting up to ${MAVEN_WAIT}s"
            sleep 10
            waited=$((waited + 10))
        done
        log "building the jar (attempt $attempt)"
        if (cd "$REPO_DIR" && ./mvnw -B -q -DskipTests package) >"$RUN_DIR/build.log" 2>&1; then
            cp "$REPO_DIR/target/stagedoor-0.1.0-SNAPSHOT.jar" "$RUN_DIR/app.jar"
            JAR_ORIGIN=$(jar_origin)
            return
        fi
        log "build failed (see $RUN_DIR/build.log); another build in the same tree? retrying in 30 s"
        sleep 30
    done
    die "could not build the jar"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

# wait_until_up LOG: waits (up to 180 s) for the app started as APP_PID to report UP.
wait_until_up() {
    local app_log=$1 i
    for i in $(seq 1 360); do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start; see $app_log: $(tail -5 "$app_log")"
        if curl -fsS "$BASE/actuator/health" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1; then
            return
        fi
        sleep 0.5
    done
    die "the app did not come up within 180 s"
}

# api METHOD PATH EXPECTED_STATUS [JSON]: calls the API as the organiser and prints the body.
api() {
    local method=$1 path=$2 expect=$3 body=${4:-} out status
    local args=(-sS -X "$method" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json')
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
    out=$(mktemp -p "$RUN_DIR")
    status=$(curl "${args[@]}" -o "$out" -w '%{http_code}' "$BASE$path")
    [[ $status == "$expect" ]] || die "$method $path answered $status, expected $expect: $(head -c 500 "$out")"
    cat "$out"
    rm -f "$out"
}

# paused_concert TITLE: a concert on sale since an hour ago, with its line paused so nobody is
# admitted during the run (positions stay put and every poll is a WAIT poll). Prints its id.
# (queue-poll.sh, cluster-poll.sh)
paused_concert() {
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

admin_login() {
    ADMIN_TOKEN=$(curl -fsS -X POST -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/auth/token" | jq -r .accessToken)
    [[ -n $ADMIN_TOKEN && $ADMIN_TOKEN != null ]] || die "no admin token"
}

# The load tools (bench/java, compiled with the tests) run on the copy of the jar they measure,
# beside its own classes and libraries, so they mint tokens with the app's code and read JSON with
# its Jackson. Their classes are copied out of target/ like the jar, so a rebuild cannot change them.
prepare_client() {
    if [[ -n $JAR ]]; then
        log "building the load tools (./mvnw test-compile)"
        (cd "$REPO_DIR" && ./mvnw -B -q test-compile) >"$RUN_DIR/build-tools.log" 2>&1 ||
            die "could not build the load tools; see $RUN_DIR/build-tools.log"
    fi
    local classes=$REPO_DIR/target/test-classes/app/stagedoor
    CLIENT_DIR=$RUN_DIR/client
    mkdir -p "$CLIENT_DIR/app/stagedoor/web"
    cp -r "$classes/bench" "$CLIENT_DIR/app/stagedoor/"
    cp "$classes"/web/MintedTokens*.class "$CLIENT_DIR/app/stagedoor/web/"
}

# tool NAME ARGS…: runs one of the load tools (app.stagedoor.bench.NAME) on the jar's class path.
tool() {
    local name=$1
    shift
    java -Xmx1g -Dloader.path="$CLIENT_DIR" -Dloader.main="app.stagedoor.bench.$name" -cp "$RUN_DIR/app.jar" \
        org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

# The H2 jar the app itself carries, so the seeding client speaks exactly the server's version.
extract_h2_jar() {
    python3 - "$RUN_DIR/app.jar" "$RUN_DIR/h2.jar" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = [n for n in z.namelist() if re.fullmatch(r"BOOT-INF/lib/h2-[0-9.]+\.jar", n)]
if not names:
    sys.exit("no H2 jar inside " + sys.argv[1])
open(sys.argv[2], "wb").write(z.read(names[0]))
PY
}

# h2 SQL: runs statements in the app's database through its AUTO_SERVER port. H2 Shell exits 0
# even when a statement fails, so its output is checked for errors.
h2() {
    local out
    out=$(java -cp "$RUN_DIR/h2.jar" org.h2.tools.Shell -url "$DB_URL" -user sa -password '' -sql "$1" 2>&1)
    if grep -q '^Error:' <<<"$out"; then
        die "H2: $out"
    fi
    printf '%s\n' "$out"
}

# --- SQL on whichever database is being run (KIND: h2 or mariadb) -----------------------------------

# q SQL: the first row of a query's answer, its columns separated by tabs (NULL as "null"), on
# whichever database is being run.
q() {
    if [[ $KIND == h2 ]]; then
        # H2 Shell pads each column but the last to its header's width
        h2 "$1" | sed -n 2p | sed 's/ *| /\t/g; s/ *$//'
    else
        "${MARIADB[@]}" -N -B "$BENCH_DB" -e "$1" | sed 's/\tNULL/\tnull/g; s/^NULL/null/'
    fi
}

# statements only, no answer
run_sql() {
    if [[ $KIND == h2 ]]; then h2 "$1" >/dev/null; else "${MARIADB[@]}" "$BENCH_DB" -e "$1"; fi
}

now_sql() { if [[ $KIND == h2 ]]; then echo 'LOCALTIMESTAMP(3)'; else echo 'UTC_TIMESTAMP(3)'; fi; }

# seq_sql FIRST LAST: the rows FIRST..LAST as column X
seq_sql() {
    if [[ $KIND == h2 ]]; then echo "(SELECT \"X\" AS X FROM SYSTEM_RANGE($1, $2)) r"; else echo "(SELECT seq AS X FROM seq_$1_to_$2) r"; fi
}
