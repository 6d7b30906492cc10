# Redis for the store: use the server REDIS_URL names, or start a dedicated redis-server there.

# Splits a redis://[user:password@]host:port[/db] URL into REDIS_HOST, REDIS_PORT, REDIS_PASSWORD.
redis_parse_url() {
  local rest="${1#redis://}"
  REDIS_PASSWORD=""
  if [[ "$rest" == *@* ]]; then
    local auth="${rest%%@*}"
    REDIS_PASSWORD="${auth#*:}"
    rest="${rest#*@}"
  fi
  rest="${rest%%/*}"
  REDIS_HOST="${rest%%:*}"
  REDIS_PORT="${rest##*:}"
  [ "$REDIS_PORT" != "$rest" ] || REDIS_PORT=6379
}

redis_ping() (
  local reply
  exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" || return 1
  if [ -n "$REDIS_PASSWORD" ]; then
    printf 'AUTH %s\r\n' "$REDIS_PASSWORD" >&3
    read -r -t 2 reply <&3 || { exec 3>&-; return 1; }
  fi
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || reply=""
  exec 3>&-
  [[ "$reply" == +PONG* ]]
)

# ensure_redis URL: a Redis answers at the URL's host and port.
ensure_redis() {
  redis_parse_url "$1"
  step "Redis at $REDIS_HOST:$REDIS_PORT"
  if redis_ping 2>/dev/null; then
    info "answers PING: using it"
    return
  fi
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then
    fail "something listens on $REDIS_HOST:$REDIS_PORT but does not answer as Redis with the password in $1; change that URL in .env"
  fi
  is_loopback "$REDIS_HOST" || fail "nothing answers at $REDIS_HOST:$REDIS_PORT; start that server or change the Redis URL in .env"
  if ! command -v redis-server >/dev/null; then
    info "Redis is not installed: installing it from the OS packages"
    apt_install redis-server
  fi
  local dir="$STOREFRONT_DATA_DIR/redis"
  mkdir -p "$dir"
  info "starting a dedicated redis-server on port $REDIS_PORT (data in $dir)"
  local args=(--port "$REDIS_PORT" --bind "$REDIS_HOST" --dir "$dir" --daemonize yes
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --appendonly yes --appendfsync everysec --save "")
  [ -z "$REDIS_PASSWORD" ] || args+=(--requirepass "$REDIS_PASSWORD")
  redis-server "${args[@]}" || fail "redis-server did not start; see $dir/redis.log"
  wait_until "Redis" 20 redis_ping
  info "ready"
}
