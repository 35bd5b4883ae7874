"""Prints the table of bench/ab.sh from its results file: medians per build and B/A ratios.

    python3 bench/ab_table.py RESULTS BASE_NAME HEAD_NAME DURATION

Lines: NAME.page.TURN=REQ_PER_S CPU_US_PER_PAGE P50_US SQL_CALLS,
NAME.storm.TURN=REQ_PER_S SIGN_INS_PER_S SERVER_CPU_PERCENT POSTGRES_CPU_PERCENT,
NAME.page_bytes=N, run.load=...
"""

import statistics
import sys


def load(path):
    pages, storms, other = {}, {}, {}
    for line in open(path):
        key, _, value = line.strip().partition("=")
        parts = key.split(".")
        if len(parts) == 3 and parts[1] == "page" and parts[2].isdigit():
            pages.setdefault(parts[0], {})[int(parts[2])] = [float(x) for x in value.split()]
        elif len(parts) == 3 and parts[1] == "storm":
            storms.setdefault(parts[0], {})[int(parts[2])] = [float(x) for x in value.split()]
        else:
            other[key] = value
    return pages, storms, other


def storm_ratios(pages, storms):
    """Each storm turn against the mean of the figure-2 turns before and after it."""
    return [
        rps / ((pages[t][0] + pages[t + 1][0]) / 2)
        for t, (rps, *_) in sorted(storms.items())
        if t in pages and t + 1 in pages
    ]


def main():
    path, base, head, duration = sys.argv[1:5]
    pages, storms, other = load(path)
    med = statistics.median
    rows = []

    def row(what, a, b, fmt, better):
        ratio = b / a if a else float("nan")
        rows.append(f"| {what} | {fmt(a)} | {fmt(b)} | {ratio:.3f} | {better} |")

    col = lambda name, i: [v[i] for v in pages[name].values()]
    row("2 · req/s (median of turns)", med(col("a", 0)), med(col("b", 0)), lambda v: f"{v:,.0f}", "higher")
    row("2 · server CPU per page, µs", med(col("a", 1)), med(col("b", 1)), lambda v: f"{v:.1f}", "lower")
    mean = statistics.fmean
    row("2 · server CPU per page, µs (mean of turns)", mean(col("a", 1)), mean(col("b", 1)), lambda v: f"{v:.1f}", "lower")
    row("2 · p50 latency, µs", med(col("a", 2)), med(col("b", 2)), lambda v: f"{v:,.0f}", "lower")
    row("2 · page bytes", float(other["a.page_bytes"]), float(other["b.page_bytes"]), lambda v: f"{v:,.0f}", "—")
    row("3 · SQL statements in all figure-2 turns", sum(col("a", 3)), sum(col("b", 3)), lambda v: f"{v:.0f}", "0")
    ra, rb = storm_ratios(pages["a"], storms["a"]), storm_ratios(pages["b"], storms["b"])
    row("4 · figure 2 under a storm / alone (median)", med(ra), med(rb), lambda v: f"{v:.2f}", "higher")
    sa = med([v[1] for v in storms["a"].values()])
    sb = med([v[1] for v in storms["b"].values()])
    row("4 · sign-ins/s of the storm (median)", sa, sb, lambda v: f"{v:.1f}", "—")
    if all(len(v) >= 4 for s in storms.values() for v in s.values()):
        for i, what in ((2, "server"), (3, "Postgres")):
            ca = med([v[i] for v in storms["a"].values()])
            cb = med([v[i] for v in storms["b"].values()])
            row(f"4 · {what} CPU during the storm, % of a core", ca, cb, lambda v: f"{v:.0f}", "—")

    turns = len(storms["a"])
    print(f"A/B: a = {base}, b = {head}; {turns} turns per build of {duration} s, A B B A ...; "
          f"load average after: {other.get('run.load', '?')}\n")
    print("| figure | a | b | b / a | goal |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    print("\nEvery turn (req/s · CPU µs per page; storm ratio):")
    for name in ("a", "b"):
        cells = [f"{v[0]:,.0f} · {v[1]:.1f}" for _, v in sorted(pages[name].items())]
        ratios = " ".join(f"{r:.2f}" for r in storm_ratios(pages[name], storms[name]))
        print(f"- {name}: {' | '.join(cells)}; storm {ratios}")


if __name__ == "__main__":
    main()
