# Sourced by scripts/test.sh after common.sh: an S3-compatible server (s3s-fs) for the tests,
# keeping objects as plain files on disk. Not meant to be run.
#
#   ensure_s3s_fs        installs s3s-fs when missing or another version
#   start_s3 WORKDIR     starts it on a free port with data and log under WORKDIR, creates the
#                        bucket, sets S3_PID and exports BUCKET_* and S3_DATA_DIR
#   stop_s3              stops it (call it from the caller's EXIT trap)
#
# Call start_s3 in the main shell, not in $(...): S3_PID must be a child of the shell that waits.
# Clients must use path-style requests (http://127.0.0.1:PORT/BUCKET/KEY): no --domain is given.
#
# On disk: the object with key "a/b.webp" is the plain file $S3_DATA_DIR/a/b.webp (same bytes).
# Its metadata (content type, ETag, ...) lives in dot-files in the parent folder, not in
# $S3_DATA_DIR, so `find "$S3_DATA_DIR" -type f | wc -l` counts objects. A DELETE removes the
# file but leaves its (possibly empty) parent folders and those dot-files behind.

S3S_FS_VERSION="0.14.1"
S3_BUCKET="accounts-test"
S3_ACCESS_KEY="accounts-test-access-key"
S3_SECRET_KEY="accounts-test-secret-key"
S3_REGION="us-east-1"
S3_PID="${S3_PID:-}"

ensure_s3s_fs() {
  if [ "$(s3s-fs --version 2>/dev/null | awk '{print $2}')" != "$S3S_FS_VERSION" ]; then
    say "installing s3s-fs $S3S_FS_VERSION"
    cargo_install_tool s3s-fs --version "$S3S_FS_VERSION" --locked --features binary
  fi
}

# HTTP status of a signed HEAD of the bucket, using curl's own SigV4 (000 when nothing answers).
# s3s rejects requests without x-amz-content-sha256, which curl does not add by itself.
s3_head_bucket_status() {
  curl -sS -I -o /dev/null -w '%{http_code}' --max-time 5 \
    --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "$BUCKET_ENDPOINT/$S3_BUCKET" 2>/dev/null || true
}

start_s3() {
  local work="${1:-}" root port start=$SECONDS
  [ -n "$work" ] || die "start_s3: WORKDIR missing"
  if [ -n "$S3_PID" ] && kill -0 "$S3_PID" 2>/dev/null; then
    return 0
  fi
  root="$work/s3"
  # s3s-fs serves every sub-folder of its root as a bucket; creating it up front is enough.
  mkdir -p "$root/$S3_BUCKET"
  port="$(free_port)"

  export BUCKET_ENDPOINT="http://127.0.0.1:$port"
  export BUCKET_NAME="$S3_BUCKET"
  export BUCKET_REGION="$S3_REGION"
  export BUCKET_ACCESS_KEY="$S3_ACCESS_KEY"
  export BUCKET_SECRET_KEY="$S3_SECRET_KEY"
  export S3_DATA_DIR="$root/$S3_BUCKET"

  RUST_LOG="${S3_LOG_LEVEL:-info}" s3s-fs --host 127.0.0.1 --port "$port" \
    --access-key "$S3_ACCESS_KEY" --secret-key "$S3_SECRET_KEY" "$root" >>"$work/s3.log" 2>&1 &
  S3_PID=$!

  # Ready when a signed HEAD of the bucket answers 200: proves the port, the keys and the bucket.
  until [ "$(s3_head_bucket_status)" = 200 ]; do
    if ! kill -0 "$S3_PID" 2>/dev/null || (( SECONDS - start >= 30 )); then
      tail -n 30 "$work/s3.log" >&2
      stop_s3
      die "s3s-fs did not become ready on $BUCKET_ENDPOINT"
    fi
    sleep 0.2
  done
}

stop_s3() {
  if [ -n "$S3_PID" ]; then
    kill "$S3_PID" 2>/dev/null || true
    wait "$S3_PID" 2>/dev/null || true
    S3_PID=""
  fi
}
