# Shell functions of the load test scripts, sourced by them. They expect $root (the repository), $db
# (the PostgreSQL database), $redis_db and $work (a scratch directory for logs).

psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -tAc "$1"; }

# Builds the jar now if it is stale, so that services started side by side do not build it at once.
build_jar() { "$root/bin/azalea" --version >/dev/null; }

started_pids=()

# The service JVMs' options unless JAVA_OPTS is set: a fixed 1 GB heap. Left to size itself, G1 kept the
# heap at 173 MB under the read load and collected every 0.3 s; fixed, it collects far less often (an
# A/B on uniform styles, 2026-11-26: p99 6.1 against 9.0 ms, 25.4k against 23.3k req/s).
service_java_opts=${JAVA_OPTS:--Xms1g -Xmx1g}

# Starts the service on 127.0.0.1:PORT against $db and Redis database $redis_db, in the background, its
# log in $work/NAME.log; further arguments are Spring properties; SERVICE_HEAP replaces the heap of
# the JVM options. See await_ready.
start_service() {
  local name=$1 port=$2
  shift 2
  local options=$service_java_opts
  [ -n "${SERVICE_HEAP:-}" ] && options="$(sed 's/-Xm[sx][^ ]*//g' <<< "$options") -Xms$SERVICE_HEAP -Xmx$SERVICE_HEAP"
  JAVA_OPTS=$options "$root/bin/azalea" --server.address=127.0.0.1 --server.port="$port" --spring.profiles.active=prod \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.data.redis.database="$redis_db" \
    "$@" > "$work/$name.log" 2>&1 &
  started_pids+=($!)
}

# Waits until the service on PORT reports itself ready (several may be starting on these two cores).
await_ready() {
  local port=$1 name=$2
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  echo "error: $name did not get ready on port $port; see $work/$name.log" >&2
  return 1
}

# Stops what start_service (or the caller, through started_pids) started, and waits for it.
stop_started() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
  started_pids=()
}

# The figures of a wrk --latency report, tab-separated: requests/s, p50, p99 and max latency (ms),
# non-2xx/3xx responses, socket errors (connect, read, write and timeout together).
wrk_figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000
      return v * 1000
    }
    $1 == "Latency" && NF >= 4 { max = ms($4) }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx responses/ { non2xx = $NF }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\n", rps, p50, p99, max, non2xx, errors }' "$1"
}
