# The JWT signing key pair: the files JWT_PRIVATE_KEY_PATH and JWT_PUBLIC_KEY_PATH name, made once as a
# development pair when both are missing. Production brings its own (deploy/install writes them).

ensure_jwt_keys() {
  step "JWT signing keys"
  case "$JWT_PRIVATE_KEY_PATH" in /*) ;; *) JWT_PRIVATE_KEY_PATH="$ROOT/$JWT_PRIVATE_KEY_PATH" ;; esac
  case "$JWT_PUBLIC_KEY_PATH" in /*) ;; *) JWT_PUBLIC_KEY_PATH="$ROOT/$JWT_PUBLIC_KEY_PATH" ;; esac
  export JWT_PRIVATE_KEY_PATH JWT_PUBLIC_KEY_PATH
  if [ -s "$JWT_PRIVATE_KEY_PATH" ] && [ -s "$JWT_PUBLIC_KEY_PATH" ]; then
    info "using $JWT_PRIVATE_KEY_PATH"
    return
  fi
  command -v openssl >/dev/null || apt_install openssl
  mkdir -p "$(dirname "$JWT_PRIVATE_KEY_PATH")" "$(dirname "$JWT_PUBLIC_KEY_PATH")"
  (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_PRIVATE_KEY_PATH" 2>/dev/null) \
    || fail "could not generate $JWT_PRIVATE_KEY_PATH"
  openssl pkey -in "$JWT_PRIVATE_KEY_PATH" -pubout -out "$JWT_PUBLIC_KEY_PATH" || fail "could not write $JWT_PUBLIC_KEY_PATH"
  info "generated a development key pair in $(dirname "$JWT_PRIVATE_KEY_PATH")"
}
