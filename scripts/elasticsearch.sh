#!/usr/bin/env bash
# A local Elasticsearch for development and the `elasticsearch` tests.
#
#   scripts/elasticsearch.sh start    download (Maven Central), unpack into .es/, start, wait for health
#   scripts/elasticsearch.sh stop     stop the node started here (pidfile)
#   scripts/elasticsearch.sh status   say whether it answers
#   scripts/elasticsearch.sh start-cluster   a local 3-node cluster (see below)
#   scripts/elasticsearch.sh stop-cluster    stop its nodes
#   scripts/elasticsearch.sh status-cluster  node count and health
#
# Port: VNLEX_ES_PORT (default 9200), bound to 127.0.0.1 only, security off: this is a
# throw-away development node, never a deployment.
#
# Version: VNLEX_ES_VERSION (default 8.15.3, which runs on Java 17 or 21). VNLEX_ES_VERSION=9.2.0 is the
# opt-in newer engine (Lucene 10: the ranked search can be pruned, bench/RESULTS.md "Elasticsearch at
# 100x (issue 11, session 12)"); it needs Java 21 or newer and fails with a message where there is none.
# Another version than the default keeps its own data directory, logs and pidfile (.es/data-9.2.0 ...):
# Elasticsearch 9 upgrades a data directory in place and 8.15 can never read it again.
#
# The cluster: three nodes on HTTP ports VNLEX_ES_PORT, +1, +2 (transport ports 1000 above
# those), all master-eligible, each with its own data and log directory under
# .es/cluster/node-N, cluster name vnlex-cluster-PORT (so two engineers' clusters never
# join), heap ES_JAVA_OPTS (default 512 MB each). Point vnlex at all three nodes so it
# keeps answering with one gone, and give indexes replicas:
#   VNLEX_ES_URL=http://127.0.0.1:9216,127.0.0.1:9217,127.0.0.1:9218 VNLEX_ES_SHARDS=3 VNLEX_ES_REPLICAS=1
#
# Why this artifact: the machine reaches Maven Central only, and Elastic publishes the
# minimal "integ-test-zip" distribution there. It has no bundled JDK and only the
# modules transport-netty4, x-pack-core, x-pack-security and apm: no analysis-common,
# reindex or painless. vnlex needs none of them (tokens are analysed in Python and
# indexed with the built-in `whitespace` analyzer; the backend copies and deletes
# documents itself instead of using _reindex / _delete_by_query).
set -euo pipefail

DEFAULT_ES_VERSION=8.15.3
ES_VERSION="${VNLEX_ES_VERSION:-$DEFAULT_ES_VERSION}"
[[ "$ES_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "elasticsearch.sh: VNLEX_ES_VERSION must look like 9.2.0" >&2; exit 2; }
ES_MAJOR="${ES_VERSION%%.*}"
# The default version keeps the paths it always had; another one gets its own.
SUFFIX=""
[[ "$ES_VERSION" == "$DEFAULT_ES_VERSION" ]] || SUFFIX="-$ES_VERSION"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_DIR="$REPO_ROOT/.es"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
DATA_DIR="$ES_DIR/data$SUFFIX"
LOGS_DIR="$ES_DIR/logs$SUFFIX"
PIDFILE="$ES_DIR/elasticsearch$SUFFIX.pid"
PORT="${VNLEX_ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
HEALTH_TIMEOUT_SECONDS=120
# Elasticsearch refuses to run as root; when we are root it runs as this user.
ES_USER=vnlex-es

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }

answers() {
    local health
    if command -v curl >/dev/null; then
        health="$(curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null)" || return 1
    else  # a fresh machine may lack curl; Python is there anyway
        health="$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())' \
                  "$URL/_cluster/health" 2>/dev/null)" || return 1
    fi
    grep -Eq '"status":"(green|yellow)"' <<<"$health"
}

# ES 8.15 runs on Java 17 and 21-23. Java 24+ removed the SecurityManager it still
# installs, so a newer default `java` (e.g. temurin-25) cannot run it. ES 9 needs Java 21+.
find_java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then echo "$ES_JAVA_HOME"; return; fi
    local candidate
    if (( ES_MAJOR >= 9 )); then
        for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
                         /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                         /usr/lib/jvm/java-2[1-9]-openjdk* /usr/lib/jvm/temurin-2[1-9]-*; do
            if [[ -x "$candidate/bin/java" ]]; then echo "$candidate"; return; fi
        done
        die "Elasticsearch $ES_VERSION needs Java 21 or newer and none was found under /usr/lib/jvm; install" \
            "openjdk-21-jre-headless, set ES_JAVA_HOME, or leave VNLEX_ES_VERSION unset for $DEFAULT_ES_VERSION on Java 17"
    fi
    for candidate in /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                     /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64 \
                     /usr/lib/jvm/java-21-openjdk* /usr/lib/jvm/java-17-openjdk*; do
        if [[ -x "$candidate/bin/java" ]]; then echo "$candidate"; return; fi
    done
    die "no Java 17 or 21 found under /usr/lib/jvm; install openjdk-17-jre-headless or set ES_JAVA_HOME"
}

unpack() {
    [[ -x "$ES_HOME/bin/elasticsearch" ]] && return
    command -v mvn >/dev/null || die "mvn is needed to fetch $ARTIFACT from Maven Central"
    command -v unzip >/dev/null || die "unzip is needed"
    mkdir -p "$ES_DIR/download"
    echo "fetching $ARTIFACT (Maven Central, cached in ~/.m2) ..."
    mvn -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$ES_DIR/download" \
        || die "mvn could not fetch $ARTIFACT"
    unzip -q -o "$ES_DIR/download/elasticsearch-$ES_VERSION.zip" -d "$ES_DIR"
    rm -rf "$ES_DIR/download"
}

# Prints the command prefix that runs as the unprivileged user when we are root.
prepare_user() {
    if [[ "$(id -u)" != 0 ]]; then return; fi
    if ! id "$ES_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER" \
            || die "cannot create user $ES_USER (Elasticsearch refuses to run as root)"
    fi
    chown -R "$ES_USER:" "$ES_DIR"
    # The user must be able to reach .es through the parent directories.
    runuser -u "$ES_USER" -- test -x "$ES_HOME/bin/elasticsearch" \
        || die "user $ES_USER cannot reach $ES_HOME; make its parent directories world-executable"
}

start() {
    if answers; then echo "Elasticsearch already answers at $URL"; return; fi
    unpack
    mkdir -p "$DATA_DIR" "$LOGS_DIR"
    prepare_user
    local java_home; java_home="$(find_java_home)"
    local run=(env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"
               "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE"
               -Ecluster.name=vnlex-dev -Enode.name=vnlex-dev
               -Enetwork.host=127.0.0.1 -Ehttp.port="$PORT" -Ediscovery.type=single-node
               -Epath.data="$DATA_DIR" -Epath.logs="$LOGS_DIR"
               -Expack.security.enabled=false
               # A nearly full development disk must not turn the indexes read-only.
               -Ecluster.routing.allocation.disk.threshold_enabled=false)
    echo "starting Elasticsearch $ES_VERSION on $URL (java: $java_home) ..."
    [[ "$(id -u)" == 0 ]] && run=(runuser -u "$ES_USER" -- "${run[@]}")
    # -d still echoes the node's start-up log; keep it for the error message instead.
    (cd "$ES_DIR" && "${run[@]}" >"$ES_DIR/startup$SUFFIX.out" 2>&1) \
        || fail_with_log "bin/elasticsearch exited with an error"
    local waited=0
    until answers; do
        if (( waited >= HEALTH_TIMEOUT_SECONDS )); then
            fail_with_log "no green/yellow _cluster/health at $URL after ${HEALTH_TIMEOUT_SECONDS}s"
        fi
        if [[ -f "$PIDFILE" ]] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
            fail_with_log "Elasticsearch exited during start-up"
        fi
        sleep 2; waited=$((waited + 2))
    done
    echo "Elasticsearch answers at $URL (pid $(cat "$PIDFILE" 2>/dev/null || echo '?'))"
}

fail_with_log() {
    local log="$LOGS_DIR/vnlex-dev.log"
    [[ -s "$log" ]] || log="$ES_DIR/startup$SUFFIX.out"
    echo "elasticsearch.sh: $1; last lines of $log:" >&2
    tail -n 40 "$log" >&2 2>/dev/null || echo "(no log written)" >&2
    exit 1
}

stop() {
    if [[ ! -f "$PIDFILE" ]]; then
        if answers; then die "something answers at $URL but $PIDFILE is missing: it was not started by this script"; fi
        echo "Elasticsearch is not running"; return
    fi
    local pid; pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        local waited=0
        while kill -0 "$pid" 2>/dev/null; do
            (( waited >= 60 )) && die "pid $pid did not stop within 60s"
            sleep 1; waited=$((waited + 1))
        done
    fi
    rm -f "$PIDFILE"
    echo "Elasticsearch stopped"
}

status() {
    if answers; then
        echo "Elasticsearch answers at $URL"
    else
        echo "Elasticsearch does not answer at $URL"
        return 1
    fi
}

# ---- local 3-node cluster ----------------------------------------------------------
CLUSTER_DIR="$ES_DIR/cluster$SUFFIX"
CLUSTER_NODES=3
TRANSPORT_OFFSET=1000

cluster_health() {
    python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())' \
        "$URL/_cluster/health" 2>/dev/null
}

cluster_answers() {  # all nodes joined and the health green or yellow
    local health; health="$(cluster_health)" || return 1
    grep -Eq '"status":"(green|yellow)"' <<<"$health" && grep -q "\"number_of_nodes\":$CLUSTER_NODES," <<<"$health"
}

start_cluster() {
    if cluster_answers; then echo "the cluster already answers at $URL"; return; fi
    unpack
    local java_home; java_home="$(find_java_home)"
    local seeds="" masters="" n
    for n in $(seq 1 "$CLUSTER_NODES"); do
        seeds+="${seeds:+,}127.0.0.1:$((PORT + n - 1 + TRANSPORT_OFFSET))"
        masters+="${masters:+,}vnlex-$PORT-$n"
        mkdir -p "$CLUSTER_DIR/node-$n/data" "$CLUSTER_DIR/node-$n/logs"
    done
    prepare_user
    for n in $(seq 1 "$CLUSTER_NODES"); do
        local node_dir="$CLUSTER_DIR/node-$n" http_port=$((PORT + n - 1))
        if [[ -f "$node_dir/pid" ]] && kill -0 "$(cat "$node_dir/pid")" 2>/dev/null; then continue; fi
        local run=(env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"
                   "$ES_HOME/bin/elasticsearch" -d -p "$node_dir/pid"
                   -Ecluster.name="vnlex-cluster-$PORT" -Enode.name="vnlex-$PORT-$n"
                   -Enetwork.host=127.0.0.1 -Ehttp.port="$http_port"
                   -Etransport.port="$((http_port + TRANSPORT_OFFSET))"
                   -Ediscovery.seed_hosts="$seeds" -Ecluster.initial_master_nodes="$masters"
                   -Epath.data="$node_dir/data" -Epath.logs="$node_dir/logs"
                   -Expack.security.enabled=false
                   -Ecluster.routing.allocation.disk.threshold_enabled=false)
        [[ "$(id -u)" == 0 ]] && run=(runuser -u "$ES_USER" -- "${run[@]}")
        echo "starting cluster node $n on http://127.0.0.1:$http_port ..."
        (cd "$ES_DIR" && "${run[@]}" >"$node_dir/startup.out" 2>&1) \
            || { tail -n 40 "$node_dir/startup.out" >&2; die "node $n did not start"; }
    done
    local waited=0
    until cluster_answers; do
        if (( waited >= HEALTH_TIMEOUT_SECONDS * 2 )); then
            tail -n 20 "$CLUSTER_DIR"/node-*/logs/*.log >&2 2>/dev/null
            die "the cluster did not form ($CLUSTER_NODES nodes, green/yellow) at $URL after $((waited))s"
        fi
        sleep 2; waited=$((waited + 2))
    done
    echo "cluster vnlex-cluster-$PORT answers: nodes on ports $PORT-$((PORT + CLUSTER_NODES - 1))"
}

stop_cluster() {
    local n pid
    for n in $(seq 1 "$CLUSTER_NODES"); do
        local pidfile="$CLUSTER_DIR/node-$n/pid"
        [[ -f "$pidfile" ]] || continue
        pid="$(cat "$pidfile")"
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; fi
    done
    for n in $(seq 1 "$CLUSTER_NODES"); do
        local pidfile="$CLUSTER_DIR/node-$n/pid" waited=0
        [[ -f "$pidfile" ]] || continue
        pid="$(cat "$pidfile")"
        while kill -0 "$pid" 2>/dev/null; do
            (( waited >= 60 )) && die "node $n (pid $pid) did not stop within 60s"
            sleep 1; waited=$((waited + 1))
        done
        rm -f "$pidfile"
    done
    echo "cluster stopped"
}

status_cluster() {
    local health; health="$(cluster_health)" || { echo "no cluster answers at $URL"; return 1; }
    echo "$health"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    start-cluster) start_cluster ;;
    stop-cluster) stop_cluster ;;
    status-cluster) status_cluster ;;
    *) echo "usage: $0 start|stop|status|start-cluster|stop-cluster|status-cluster" >&2; exit 2 ;;
esac
