"""The Markdown tables of bench/load.py: per-run figures, per-collection sizes, and the targets checked."""

from __future__ import annotations

import statistics
from collections import defaultdict

SEARCH_P95_TARGET_MS = 50
ASK_P95_TARGET_MS = 150
GROWTH_TARGET = 2.0


def _median_rows(rows: list[dict]) -> dict[tuple, dict]:
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[(row["size"], row["backend"], row["endpoint"], row["connections"])].append(row)
    merged = {}
    for key, group in grouped.items():
        merged[key] = {
            name: statistics.median(r[name] for r in group) for name in ("rps", "p50", "p95", "p99", "max", "requests")
        }
        cpu = [r["cpu_ms"] for r in group if r.get("cpu_ms") is not None]
        merged[key]["cpu_ms"] = statistics.median(cpu) if cpu else None
        merged[key]["errors"] = sum(r["errors"] for r in group)
        loads = [r["load"] for r in group if r.get("load") is not None]
        merged[key]["load"] = statistics.median(loads) if loads else None
        merged[key]["p95_all"] = [round(r["p95"], 1) for r in group]
    return merged


def render(rows: list[dict], builds: dict, texts: list[str], args) -> str:
    merged = _median_rows(rows)
    rounds = max(len(m["p95_all"]) for m in merged.values())
    lines = [
        f"`wrk -t2 -c{{{','.join(map(str, args.connections))}}} -d{args.seconds}s` with a Lua script cycling "
        f"through {len(texts)} distinct query texts "
        "(115 real questions: domain dev + ALQAC; each with and without diacritics and cut to its first "
        f"{8} words) against `vnlex serve --workers {' / '.join(map(str, args.workers))}`; one server at a time, "
        "the backends and "
        f"embedded query plans below side by side for each size, {rounds} round(s), medians shown (every round's "
        "p95 in the last column). "
        "The machine's 2 cores were shared with other work while this ran (load average in the last column), so "
        "absolute figures are noisy; compare rows of the same round and size.",
        "",
        "| size | articles | backend | endpoint | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms "
        "| errors | p95 per round | load avg |",
        "|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for (size, backend, endpoint, connections), m in sorted(merged.items(), key=lambda kv: kv[0]):
        articles = builds[f"{'sqlite' if backend.startswith('SQLite') else 'elasticsearch'}:{size}"]["articles"]
        lines.append(
            f"| {size}× | {articles:,} | {backend} | /api/{endpoint} | {connections} | {m['requests']:.0f} "
            f"| {m['rps']:.1f} | {m['p50']:.1f} | {m['p95']:.1f} | {m['p99']:.1f} | {m['max']:.0f} | {m['errors']} "
            f"| {', '.join(map(str, m['p95_all']))} | {m['load'] if m['load'] is None else round(m['load'], 1)} |"
        )
    lines += before_after(merged)
    lines += [
        "",
        "Collections (index write time = the backend's `replace_file` of analysed records; analysis excluded):",
        "",
        "| size | backend | articles | documents | write s | index MB | server RSS MB (all its processes) "
        "| ES node RSS MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    rss = defaultdict(list)
    es_rss = defaultdict(list)
    for row in rows:
        if row.get("server_rss_mb"):
            rss[(row["size"], row["backend"])].append(row["server_rss_mb"])
        if row.get("es_rss_mb"):
            es_rss[row["size"]].append(row["es_rss_mb"])
    present = sorted({r["backend"] for r in rows})
    for size in sorted({r["size"] for r in rows}):
        elastic = [b for b in present if b.startswith("Elasticsearch") and not b.endswith("(before)")]
        for backend, key in [(b, "sqlite") for b in present if b.startswith("SQLite")] + [
            (b, "elasticsearch") for b in elastic or ["Elasticsearch"]
        ]:
            build = builds.get(f"{key}:{size}")
            if build is None:
                continue
            node = f"{max(es_rss[size]):.0f}" if key == "elasticsearch" and es_rss[size] else "–"
            server = f"{max(rss[(size, backend)]):.0f}" if rss[(size, backend)] else "–"
            lines.append(
                f"| {size}× | {backend} | {build['articles']:,} | {build['documents']:,} | {build['write_seconds']} "
                f"| {build['index_bytes'] / 1e6:.0f} | {server} | {node} |"
            )
    lines += ["", "Targets:", ""] + targets(merged)
    return "\n".join(lines)


def before_after(merged: dict[tuple, dict]) -> list[str]:
    """Ratios of each server to the same server run from the previous commit (--before), same round."""
    pairs = [
        (key, merged[(key[0], key[1] + " (before)", key[2], key[3])])
        for key in sorted(merged)
        if (key[0], key[1] + " (before)", key[2], key[3]) in merged
    ]
    if not pairs:
        return []
    lines = [
        "",
        "After / before (same run, each pair back to back; < 1 is better for p95, > 1 for req/s):",
        "",
        "| size | backend | endpoint | clients | p50 before → after ms | p95 before → after ms | p95 ratio "
        "| req/s before → after | req/s ratio | server CPU ms/request before → after |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (size, backend, endpoint, connections), old in pairs:
        new = merged[(size, backend, endpoint, connections)]
        lines.append(
            f"| {size}× | {backend} | /api/{endpoint} | {connections} | {old['p50']:.1f} → {new['p50']:.1f} "
            f"| {old['p95']:.1f} → {new['p95']:.1f} | {new['p95'] / old['p95']:.2f} "
            f"| {old['rps']:.1f} → {new['rps']:.1f} | {new['rps'] / old['rps']:.2f} | {_cpu(old)} → {_cpu(new)} |"
        )
    return lines


def _cpu(m: dict) -> str:
    return "–" if m.get("cpu_ms") is None else f"{m['cpu_ms']:.1f}"


def _lost_share(m: dict) -> float:
    return m["errors"] / max(1, m["requests"] + m["errors"])


def targets(merged: dict[tuple, dict]) -> list[str]:
    out = []
    sizes = sorted({k[0] for k in merged})

    def get(size, backend, endpoint, connections):
        return merged.get((size, backend, endpoint, connections))

    for backend in sorted({k[1] for k in merged}):
        search8 = get(1, backend, "search", 8)
        if search8:
            verdict = "met" if search8["p95"] <= SEARCH_P95_TARGET_MS else "NOT met"
            out.append(
                f"- {backend}, 1×, /api/search p95 at 8 clients ≤ {SEARCH_P95_TARGET_MS} ms: "
                f"{search8['p95']:.1f} ms, {verdict}"
            )
        ask8 = get(1, backend, "ask", 8)
        if ask8:
            verdict = "met" if ask8["p95"] <= ASK_P95_TARGET_MS else "NOT met"
            out.append(
                f"- {backend}, 1×, /api/ask p95 at 8 clients ≤ {ASK_P95_TARGET_MS} ms: {ask8['p95']:.1f} ms, {verdict}"
            )
        errors = sum(m["errors"] for k, m in merged.items() if k[1] == backend and k[3] == 32)
        out.append(
            f"- {backend}, 0 errors at 32 clients (all sizes, both endpoints): {errors} errors, "
            f"{'met' if errors == 0 else 'NOT met'}"
        )
        if sizes and sizes[-1] > 1:
            for endpoint in ("search", "ask"):
                first, last = get(1, backend, endpoint, 8), get(sizes[-1], backend, endpoint, 8)
                if first and last:
                    growth = last["p95"] / first["p95"]
                    out.append(
                        f"- {backend}, /api/{endpoint} p95 growth 1× → {sizes[-1]}× at 8 clients ≤ {GROWTH_TARGET:g}×: "
                        f"{first['p95']:.1f} → {last['p95']:.1f} ms = {growth:.2f}×, "
                        f"{'met' if growth <= GROWTH_TARGET else 'NOT met'}"
                    )
    top = sizes[-1] if sizes else None
    elastic = sorted({k[1] for k in merged if k[1].startswith("Elasticsearch")})
    for endpoint, connections, name in ((e, c, n) for e in ("search", "ask") for c in (8, 32) for n in elastic):
        sq, es = get(top, "SQLite FTS5", endpoint, connections), get(top, name, endpoint, connections)
        if sq and es:
            # Timed-out requests (wrk --timeout 10s) have no latency: a backend losing more
            # than 5% of its requests to them has no meaningful p95 below 10 s.
            sq_lost, es_lost = _lost_share(sq), _lost_share(es)
            faster = es["p95"] < sq["p95"] or (sq_lost > 0.05 and es_lost < sq_lost)
            beats = faster and es["rps"] > sq["rps"] and es_lost <= sq_lost
            out.append(
                f"- {name} beats SQLite at {top}×, /api/{endpoint}, {connections} clients: "
                f"p95 {es['p95']:.1f} vs {sq['p95']:.1f} ms, {es['rps']:.1f} vs {sq['rps']:.1f} req/s: "
                f"errors {es['errors']} vs {sq['errors']}: {'yes' if beats else 'NO'}"
            )
    return out
