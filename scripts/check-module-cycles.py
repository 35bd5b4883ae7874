#!/usr/bin/env python3
"""No two top-level modules of `server` depend on each other, directly or through others
(ARCHITECTURE.md, "What may call what"). A cycle means neither side can be read, tested or
changed alone; this names the files that make it. Test modules (`#[cfg(test)]` onwards) are
not counted.

Usage: scripts/check-module-cycles.py
"""
import collections
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server", "src")
# Names `lib.rs` re-exports at the crate root, and the module each comes from.
ROOT_REEXPORTS = {"AppState": "state", "Config": "config", "ServiceError": "error"}


def module_files(name):
    single = os.path.join(ROOT, name + ".rs")
    if os.path.isfile(single):
        return [single]
    return [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(ROOT, name)) for f in fs if f.endswith(".rs")]


def used_modules(source):
    source = re.split(r"#\[cfg\(test\)\]", source)[0]
    names = re.findall(r"crate::(\w+)", source)
    # `crate::{a, b::{c, d}}`: the first name of each top-level path in the braces.
    for start in (m.end() for m in re.finditer(r"crate::\{", source)):
        depth, end = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(source[end], 0)
            end += 1
        group = source[start : end - 1]
        while "{" in group:
            group = re.sub(r"\{[^{}]*\}", "", group)
        names += re.findall(r"(?:^|,)\s*(\w+)", group)
    return {ROOT_REEXPORTS.get(n, n) for n in names}


def main():
    modules = sorted(
        n[:-3] if n.endswith(".rs") else n for n in os.listdir(ROOT) if n != "lib.rs" and not n.startswith(".")
    )
    edges = collections.defaultdict(lambda: collections.defaultdict(set))
    for m in modules:
        for f in module_files(m):
            with open(f, encoding="utf-8") as fh:
                for t in used_modules(fh.read()) & set(modules) - {m}:
                    edges[m][t].add(os.path.relpath(f, ROOT))
    # Tarjan's strongly connected components: each with more than one module is a cycle.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for m in modules:
        if m not in index:
            visit(m)
    for component in cycles:
        print(f"error: server modules depend on each other: {', '.join(component)}", file=sys.stderr)
        for a in component:
            for b in sorted(set(edges[a]) & set(component)):
                print(f"  {a} -> {b}: {', '.join(sorted(edges[a][b]))}", file=sys.stderr)
    if cycles:
        print("Move what both sides need below both (see ARCHITECTURE.md).", file=sys.stderr)
        return 1
    print(f"module cycles: none among {len(modules)} top-level server modules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
