-- Loaded by every wrk script of bench/run.sh: prints one machine-readable line at the end,
--   BENCH requests=N duration_us=N bytes=N status_errors=N socket_errors=N p50_us=N p90_us=N p99_us=N
-- (status_errors: responses outside 2xx/3xx).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d status_errors=%d socket_errors=%d p50_us=%d p90_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
