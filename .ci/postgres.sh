# Sourced by .ci/run: installs PostgreSQL from Debian's packages where it is missing, starts a throw-away server on
# 127.0.0.1 (a temporary data folder, a free port, fsync off: test data only) and exports its connection string in
# STORYLINE_TEST_POSTGRES for the PostgreSQL tests. The server is stopped and its folder removed when the shell exits.
# Sourcing it again in the same shell reuses the running server.

storyline_pg_start() {
  if [ -n "${STORYLINE_TEST_POSTGRES:-}" ]; then
    return 0
  fi

  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    mkdir -p /var/tmp/storyline-apt
    export TMPDIR=/var/tmp/storyline-apt
    (apt-get install -y postgresql >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y postgresql >/dev/null; }) \
      || { echo "postgres.sh: could not install postgresql" >&2; return 1; }
    unset TMPDIR
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi

  # PostgreSQL refuses to run as root: the server runs as the postgres user (created by the package).
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    as=(runuser -u postgres --)
  fi

  local data port
  data=$(mktemp -d /var/tmp/storyline-pg.XXXXXX)
  chmod 0755 "$data"
  [ "${#as[@]}" -gt 0 ] && chown postgres: "$data"
  port=$(( 25432 + RANDOM % 2000 ))
  "${as[@]}" "$bin/initdb" -D "$data/db" -U storyline --auth=trust -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
    || { cat "$data/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$data/server.log" >&2; return 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U storyline storyline_test || return 1

  STORYLINE_PG_DATA=$data
  STORYLINE_PG_BIN=$bin
  STORYLINE_PG_AS="${as[*]}"
  export STORYLINE_TEST_POSTGRES="postgres://storyline@127.0.0.1:$port/storyline_test"
  # Keep whatever the caller's EXIT trap does (.ci/run removes its log).
  local previous
  previous=$(trap -p EXIT | sed -e "s/^trap -- '\(.*\)' EXIT$/\1/")
  trap "storyline_pg_stop; $previous" EXIT
  echo "postgres.sh: PostgreSQL on 127.0.0.1:$port ($STORYLINE_TEST_POSTGRES)"
}

storyline_pg_stop() {
  if [ -n "${STORYLINE_PG_DATA:-}" ]; then
    # shellcheck disable=SC2086
    $STORYLINE_PG_AS "$STORYLINE_PG_BIN/pg_ctl" -D "$STORYLINE_PG_DATA/db" -m immediate stop >/dev/null 2>&1
    rm -rf "$STORYLINE_PG_DATA"
    STORYLINE_PG_DATA=
  fi
}

storyline_pg_start
