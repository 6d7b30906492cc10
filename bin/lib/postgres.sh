# PostgreSQL for the store: use the server at DB_HOST:DB_PORT, or start a dedicated cluster there.
# The cluster is the project's own (data under STOREFRONT_DATA_DIR, its own port, no Unix socket);
# no other cluster on the machine is read or changed.

PG_SUPERUSER=postgres

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# Where the cluster lives. As root the server runs as the `postgres` user, which must be able to reach
# the folder; when the checkout sits somewhere it cannot (say under /root), a folder of its own is used.
pg_root() {
  local root="$STOREFRONT_DATA_DIR/postgres"
  if is_root; then
    mkdir -p "$STOREFRONT_DATA_DIR"
    if ! runuser -u postgres -- test -x "$STOREFRONT_DATA_DIR" 2>/dev/null; then
      root="/var/lib/postgresql/storefront-$(printf '%s' "$ROOT" | sha1sum | cut -c1-10)"
    fi
  fi
  printf '%s' "$root"
}

# Runs a command as the cluster's owner.
as_pg_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_superuser_psql() {
  PGPASSWORD="$(cat "$PG_ROOT/superuser.password")" "$PG_BIN/psql" -h "$DB_HOST" -p "$DB_PORT" \
    -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

# True when our own cluster's postmaster runs and listens on DB_PORT.
pg_own_cluster_running() {
  local pidfile="$PG_ROOT/data/postmaster.pid"
  [ -f "$pidfile" ] || return 1
  local pid port
  pid="$(sed -n 1p "$pidfile")"
  port="$(sed -n 4p "$pidfile")"
  [ "$port" = "$DB_PORT" ] && kill -0 "$pid" 2>/dev/null
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h "$DB_HOST" -p "$DB_PORT"
}

# ensure_postgres DATABASE...: a server answers at DB_HOST:DB_PORT with DB_USER and the databases.
ensure_postgres() {
  step "PostgreSQL at $DB_HOST:$DB_PORT"
  PG_ROOT="$(pg_root)"
  PG_BIN="$(pg_bindir)"
  if port_open "$DB_HOST" "$DB_PORT" && ! { [ -n "$PG_BIN" ] && pg_own_cluster_running; }; then
    info "a server already answers there: using it (set DB_HOST/DB_PORT in .env to change)"
    pg_check_external "$@"
    return
  fi
  is_loopback "$DB_HOST" || fail "nothing answers at $DB_HOST:$DB_PORT; start that server or point DB_HOST at another"
  if [ -z "$PG_BIN" ]; then
    info "PostgreSQL is not installed: installing it from the OS packages"
    apt_install postgresql
    PG_BIN="$(pg_bindir)"
    [ -n "$PG_BIN" ] || fail "PostgreSQL binaries not found under /usr/lib/postgresql after installing"
  fi
  if [ ! -f "$PG_ROOT/data/PG_VERSION" ]; then
    pg_create_cluster
  fi
  if pg_own_cluster_running; then
    info "the store's cluster in $PG_ROOT is running"
  else
    info "starting the store's cluster in $PG_ROOT"
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 \
      -o "-c port=$DB_PORT -c listen_addresses=$DB_HOST" start >/dev/null \
      || fail "PostgreSQL did not start; see $PG_ROOT/postgres.log"
  fi
  wait_until "PostgreSQL" 30 pg_ready
  pg_create_role_and_databases "$@"
}

pg_create_cluster() {
  info "creating a dedicated cluster in $PG_ROOT (port $DB_PORT, loopback only)"
  mkdir -p "$PG_ROOT"
  chmod 700 "$PG_ROOT"
  (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$PG_ROOT/superuser.password")
  if is_root; then chown -R postgres:postgres "$PG_ROOT"; fi
  as_pg_owner "$PG_BIN/initdb" -D "$PG_ROOT/data" -U "$PG_SUPERUSER" --pwfile="$PG_ROOT/superuser.password" \
    --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_ROOT/initdb.log" 2>&1 \
    || fail "initdb failed; see $PG_ROOT/initdb.log"
  # no Unix socket: it could clash with the machine's own clusters, and TCP on loopback is enough
  as_pg_owner sh -c "printf '%s\n' \"unix_socket_directories = ''\" >> '$PG_ROOT/data/postgresql.conf'"
}

pg_create_role_and_databases() {
  local sql_password="${DB_PASSWORD//\'/\'\'}"
  if [ "$(pg_superuser_psql -c "select 1 from pg_roles where rolname = '$DB_USER'")" = "1" ]; then
    pg_superuser_psql -c "alter role \"$DB_USER\" with login createdb password '$sql_password'" >/dev/null
  else
    info "creating role $DB_USER"
    pg_superuser_psql -c "create role \"$DB_USER\" with login createdb password '$sql_password'" >/dev/null
  fi
  local db
  for db in "$@"; do
    if [ "$(pg_superuser_psql -c "select 1 from pg_database where datname = '$db'")" != "1" ]; then
      info "creating database $db"
      pg_superuser_psql -c "create database \"$db\" owner \"$DB_USER\" encoding 'UTF8'" >/dev/null
    fi
  done
  info "ready: database(s) $* for role $DB_USER"
}

# A server we did not start: check that DB_USER can log in, and create missing databases if allowed.
pg_check_external() {
  local psql
  psql="$(command -v psql || true)"
  [ -n "$PG_BIN" ] && psql="$PG_BIN/psql"
  if [ -z "$psql" ]; then
    info "psql is not installed, so the databases $* are not checked; the store will report problems at start"
    return
  fi
  PGPASSWORD="$DB_PASSWORD" "$psql" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atqc 'select 1' \
    >/dev/null 2>&1 || fail "the server at $DB_HOST:$DB_PORT refuses user $DB_USER with DB_PASSWORD; set DB_PORT to a free port to get a dedicated cluster, or fix DB_USER/DB_PASSWORD in .env"
  local db
  for db in "$@"; do
    if [ "$(PGPASSWORD="$DB_PASSWORD" "$psql" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -Atqc \
        "select 1 from pg_database where datname = '$db'")" != "1" ]; then
      info "creating database $db"
      PGPASSWORD="$DB_PASSWORD" "$psql" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc \
        "create database \"$db\"" || fail "could not create database $db; create it for $DB_USER and rerun"
    fi
  done
  info "ready: database(s) $* for role $DB_USER"
}
