# Shared by bin/run and bin/test: settings, messages, package installs. Source it, don't run it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() { printf '\n\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Settings: the environment wins over .env, which wins over .env.example's defaults.
load_settings() {
  local file line key value
  for file in .env .env.example; do
    [ -f "$file" ] || continue
    while IFS= read -r line || [ -n "$line" ]; do
      line="${line%$'\r'}"
      [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
      [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
      key="${BASH_REMATCH[2]}"
      value="${BASH_REMATCH[3]}"
      value="${value#\"}"; value="${value%\"}"; value="${value#\'}"; value="${value%\'}"
      if [ -z "${!key+set}" ]; then
        export "$key=$value"
      fi
    done < "$file"
  done
  case "$STOREFRONT_DATA_DIR" in
    /*) ;;
    *) STOREFRONT_DATA_DIR="$ROOT/$STOREFRONT_DATA_DIR" ;;
  esac
  export STOREFRONT_DATA_DIR
  mkdir -p "$STOREFRONT_DATA_DIR/logs"
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if is_root; then "$@"; else sudo "$@"; fi
}

is_loopback() {
  case "$1" in
    127.*|localhost|::1) return 0 ;;
    *) return 1 ;;
  esac
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || fail "apt-get not found: install $* with your package manager, or point the settings in .env at running servers"
  if [ -z "$APT_UPDATED" ]; then
    info "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$STOREFRONT_DATA_DIR/logs/apt.log" 2>&1 \
      || fail "apt-get update failed; see $STOREFRONT_DATA_DIR/logs/apt.log"
    APT_UPDATED=1
  fi
  info "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >>"$STOREFRONT_DATA_DIR/logs/apt.log" 2>&1 || fail "installing $* failed; see $STOREFRONT_DATA_DIR/logs/apt.log"
}

# True when something accepts TCP connections at host:port.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Waits up to $3 seconds for "$@" (after the first two arguments) to succeed; $1 names it.
wait_until() {
  local what="$1" seconds="$2"; shift 2
  local i
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  fail "$what did not answer within ${seconds}s"
}

# Java 17 or newer must be there; it is the one thing a user brings.
require_java() {
  command -v java >/dev/null || fail "Java 17 or newer is needed (apt-get install openjdk-17-jdk)"
  local version
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [ "${version:-0}" -ge 17 ] || fail "Java 17 or newer is needed, found $version"
}
