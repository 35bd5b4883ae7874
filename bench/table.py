#!/usr/bin/env python3
"""Turns the key=value results of bench/run.sh into the markdown table it prints.

    table.py RESULTS                 prints the table
    table.py --splice FILE TABLE     puts TABLE between the markers in FILE (creating it)
"""

import re
import sys

START, END = "<!-- table:start -->", "<!-- table:end -->"


def load(path):
    values = {}
    with open(path) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    return values


def num(r, key):
    return float(r[key])


def rps(r, name):
    return num(r, f"{name}.requests") / (num(r, f"{name}.duration_us") / 1e6)


def ms(us):
    return f"{float(us) / 1000:.2f} ms"


def kb(n):
    return f"{n / 1000:,.1f} KB"


def verdict(ok):
    return "yes" if ok else "**no**"


def invalidation(text):
    """p50/p99 as bench/invalidation.sh printed them: the first number (and unit) after each."""
    found = {}
    for label in ("p50", "p99"):
        m = re.search(label + r"\D{0,20}?([0-9]+(?:\.[0-9]+)?)\s*(ms|µs|us|s)?", text, re.I)
        if m:
            found[label] = m.group(1) + (" " + m.group(2) if m.group(2) else "")
    return found


def table(r):
    rows = []
    hello = rps(r, "hello")
    rows.append(("1 · bare axum hello (ceiling)",
                 f"{hello:,.0f} req/s · p50 {ms(r['hello.p50_us'])} · p99 {ms(r['hello.p99_us'])}",
                 "1.00", "—", "—"))

    account = rps(r, "account")
    ratio = account / hello
    rows.append(("2 · GET /account, signed in, warm cache",
                 f"{account:,.0f} req/s · p50 {ms(r['account.p50_us'])} · p99 {ms(r['account.p99_us'])}"
                 f" · {int(r['account.page_bytes']):,} B page",
                 f"{ratio:.3f} of 1", "≥ 0.30", verdict(ratio >= 0.30)))

    calls, requests = int(r["account.sql_calls"]), int(r["account.requests"])
    idle = int(r["idle.sql_calls"])
    per = max(calls - idle, 0) / requests
    rows.append(("3 · SQL statements per signed-in request (warm)",
                 f"{calls} statements during {requests:,} requests; {idle} in an idle window as long"
                 " (background: mail outbox poll, last_seen write-behind)",
                 f"{per:.4f} per request", "0", verdict(per < 0.001)))

    storm = rps(r, "account_storm")
    around = (account + rps(r, "account_after")) / 2
    storm_ratio = storm / around
    storm_secs = num(r, "storm.duration_us") / 1e6
    signed_in = int(r["storm.requests"]) - int(r["storm.status_errors"])
    rows.append(("4 · figure 2 during a sign-in storm",
                 f"{storm:,.0f} req/s · p50 {ms(r['account_storm.p50_us'])} · p99 {ms(r['account_storm.p99_us'])}"
                 f" vs {around:,.0f} req/s alone (mean of the runs before and after)"
                 f" · storm: {signed_in / storm_secs:,.1f} sign-ins/s, each through argon2"
                 f" ({r['storm.status_errors']} refused)",
                 f"{storm_ratio:.2f} of 2", "≥ 0.70", verdict(storm_ratio >= 0.70)))

    check_ns = num(r, "check.verify_and_resolve.ns")
    cpu_ns = num(r, "account.cpu_seconds") / requests * 1e9
    share = check_ns / cpu_ns
    rows.append(("5 · session check alone (criterion)",
                 f"{check_ns:,.0f} ns (HMAC verify alone {num(r, 'check.verify_cookie.ns'):,.0f} ns)"
                 f" vs {cpu_ns / 1000:,.1f} µs server CPU per request of 2",
                 f"{share * 100:.2f} %", "≤ 5 %", verdict(share <= 0.05)))

    mib = lambda key: num(r, key) / 1024  # noqa: E731
    start, shared, distinct = mib("mem.start.rss_kib"), mib("mem.shared.rss_kib"), mib("mem.distinct.rss_kib")
    sessions_only = (shared - start) * 100_000 / int(r["mem.shared.loaded"])
    with_users = (distinct - shared) * 100_000 / int(r["mem.distinct.loaded"])
    rows.append(("6 · resident memory per 100,000 cached sessions",
                 f"RSS {start:,.0f} → {shared:,.0f} MiB after {int(r['mem.shared.loaded']):,} sessions of"
                 f" {int(r['mem.shared.loaded']) // 100:,} users; → {distinct:,.0f} MiB after"
                 f" {int(r['mem.distinct.loaded']):,} sessions of as many users: {with_users:.1f} MiB"
                 " per 100,000 with their users",
                 f"{sessions_only:.1f} MiB", "≤ 64 MiB",
                 verdict(sessions_only <= 64) if sessions_only > 0 else "n/a: RSS fell (the allocator gave memory back)"))

    wasm_gz = int(r["bundle.wasm.gzip"])
    rows.append(("7 · frontend bundle",
                 f"WASM {kb(int(r['bundle.wasm.raw']))} raw · JS glue {kb(int(r['bundle.js.raw']))} raw"
                 f" / {kb(int(r['bundle.js.gzip']))} gzip · CSS {kb(int(r['bundle.css.raw']))} raw"
                 f" / {kb(int(r['bundle.css.gzip']))} gzip",
                 f"WASM {kb(wasm_gz)} gzip -9", "≤ 200 KB", verdict(wasm_gz <= 200_000)))

    if "invalidation.output" in r:
        found = invalidation(r["invalidation.output"])
        if found:
            rows.append(("8 · invalidation latency between two instances",
                         f"p50 {found.get('p50', '?')} · p99 {found.get('p99', '?')}", "—", "—", "—"))
        else:
            rows.append(("8 · invalidation latency between two instances",
                         r["invalidation.output"].strip() or "no figures printed", "—", "—", "—"))
    else:
        rows.append(("8 · invalidation latency between two instances",
                     "not measured: bench/invalidation.sh is absent (no scale-out yet)", "—", "—", "—"))

    if "passkey.output" in r:
        found = invalidation(r["passkey.output"])
        shown = (f"p50 {found.get('p50', '?')} · p99 {found.get('p99', '?')}" if found
                 else r["passkey.output"].strip() or "no figures printed")
        rows.append(("9 · passkey sign-in ceremony (options + answer, loopback)", shown, "—", "—", "—"))

    out = [
        f"Run {r['run.date']} · {r['run.settings']} · measuring took {r['run.measure_seconds']} s",
        "",
        f"Machine: {r['machine.cpu']} · {r['machine.cores']} cores · {r['machine.ram_gib']} GiB RAM"
        f" · Linux {r['machine.kernel']} · rustc {r['machine.rustc']}"
        " · load generator (wrk) and server share the cores"
        f" · load average {r['run.load_before']} before, {r['run.load_after']} after (other work on the machine)",
        "",
        "| figure | raw numbers | ratio | goal | met |",
        "| --- | --- | --- | --- | --- |",
    ]
    out += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(out) + "\n"


def splice(path, table_path):
    with open(table_path) as f:
        block = f"{START}\n{f.read()}{END}"
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        text = f"# Benchmark results\n\nWritten by `bench/run.sh --save`.\n\n{START}\n{END}\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text += "\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    if sys.argv[1] == "--splice":
        splice(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.write(table(load(sys.argv[1])))
