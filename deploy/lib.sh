# Shared by the deploy/ scripts: reading the env file, finding PostgreSQL's client tools, saying what happens.

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Reads KEY=value lines (comments and blank lines skipped, no shell evaluation) into the environment.
# "-" means the settings are already in the environment (a systemd unit with EnvironmentFile=).
read_env() {
  local file=$1 line key value
  [ "$file" = - ] && return 0
  [ -r "$file" ] || die "cannot read the env file $file"
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
    key=${BASH_REMATCH[1]}
    value=${BASH_REMATCH[2]}
    value=${value%\"}; value=${value#\"}
    export "$key=$value"
  done <"$file"
}

# pg_dump, pg_restore, psql: from PATH, or the newest PostgreSQL's bin directory.
pg_tool() {
  local name=$1 found
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || die "$name not found: install postgresql-client"
  echo "$found"
}

require_db_settings() {
  local var
  for var in DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD STOREFRONT_DATA_DIR; do
    [ -n "${!var:-}" ] || die "$var is not set in the env file"
  done
}

# The JVM's class-data archive for a release (AppCDS): the classes the store loads at start, prepared
# once so that each start maps them instead of loading them (see the unit's -XX:SharedArchiveFile).
# Made on this machine, by this JDK, for these jars: the JVM uses an archive only when all three match,
# and silently starts without one otherwise. Needs no database: the store stops after its static init.
archive_classes() {
  local app=$1
  (cd "$app" && java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
    >/dev/null 2>&1) || echo "    no class-data archive (the store starts without it, a little slower)"
}
