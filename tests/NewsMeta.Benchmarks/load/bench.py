#!/usr/bin/env python3
"""Helpers of the load benchmark (run.sh): standard library only.

    bench.py prepare  --queries Q --base URL --out DIR      request files for wrk (one request a line)
    bench.py check    --base URL --key KEY --dir DIR        the first 5 requests of every list, checked
    bench.py record   --scenario S --wrk OUT --before B --after A --pid PID [--loadavg L]   one result (JSON line)
    bench.py cpu      --pid PID [--pgdb NAME]               CPU seconds so far of the service and of its PostgreSQL backends
    bench.py cleanup  --base URL --key KEY                  deletes the bench-% articles through the API
    bench.py report   --results JSONL --meta META --out FILE  prints the table, writes the markdown

Request files: METHOD <tab> PATH <tab> BODY (JSON on one line, or empty). __EXTID__ in the path and body
is replaced by scenario.lua with a unique bench-new-<run>-<thread>-<n> (S5).
"""
import argparse
import concurrent.futures
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

# The scenarios in the order they run (S5 writes, so it runs last). "mode" tells scenario.lua how to
# judge an answer: graphql bodies carrying "errors" count as errors.
SCENARIOS = [
    ("ceiling", "ceiling: fixed S1 answer from memory", "rest"),
    ("s1", "S1 article by externalId (REST)", "rest"),
    ("s2", "S2 20 newest by entity (REST)", "rest"),
    ("s3", "S3 nested page (GraphQL)", "graphql"),
    ("s3get", "S3 the same over GraphQL GET (cacheable)", "graphql"),
    ("s4", "S4 Arabic search top 20 (REST)", "rest"),
    ("s5", "S5 ingest one article (REST PUT)", "rest"),
]
MODES = {name: mode for name, _, mode in SCENARIOS}

S3_QUERY = ("query($before: DateTime!) { articles(first: 20, where: {publishedBefore: $before}, orderBy: PUBLISHED_AT_DESC) "
            "{ nodes { externalId title publishedAt entities { entity { name type } } keywords { name } "
            "links(first: 5) { kind title targetExternalId target { externalId title } } } } }")

INGEST_FROM = "2026-01-02T00:00:00Z"  # corpus.py's ingest articles are published 2026-01-02, after the corpus


def http(method, url, body=None, key=None, timeout=30):
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if key:
        headers["X-Api-Key"] = key
    req = urllib.request.Request(url, data=body.encode() if isinstance(body, str) else body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def q(s):
    return urllib.parse.quote(s, safe="")


def line(method, path, body=None):
    text = "" if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    assert "\t" not in path and "\n" not in text and "\t" not in text
    return f"{method}\t{path}\t{text}\n"


# ---------------------------------------------------------------- prepare

def resolve_entities(base, entities):
    """Entity name -> id through GET /api/v1/entities?q= (the REST list takes ids, the scenario gives names)."""
    ids, missing = [], []
    cache = {}
    for e in entities:
        name = e["name"]
        if name not in cache:
            status, _, raw = http("GET", f"{base}/api/v1/entities?q={q(name)}&limit=100")
            found = None
            if status == 200:
                items = json.loads(raw)["items"]
                exact = [i for i in items if i["name"] == name]
                typed = [i for i in items if i.get("type") == e["type"]]
                found = (exact or typed or [None])[0]
            cache[name] = found["id"] if found else None
        if cache[name] is None:
            missing.append(name)
        else:
            ids.append(cache[name])
    return ids, missing


def cmd_prepare(a):
    with open(a.queries, encoding="utf-8") as f:
        qs = json.load(f)
    os.makedirs(a.out, exist_ok=True)

    def write(name, lines):
        with open(os.path.join(a.out, name + ".req"), "w", encoding="utf-8") as f:
            f.writelines(lines)
        return len(lines)

    counts = {"ceiling": write("ceiling", [line("GET", "/_bench/ceiling")])}
    counts["s1"] = write("s1", [line("GET", f"/api/v1/articles/by-external-id/{q(i)}") for i in qs["articleIds"]])
    ids, missing = resolve_entities(a.base, qs["entities"])
    if missing:
        print(f"prepare: {len(missing)} of {len(qs['entities'])} entity names not found, e.g. {missing[:3]}", file=sys.stderr)
    counts["s2"] = write("s2", [line("GET", f"/api/v1/entities/{i}/articles?limit=20") for i in ids])
    counts["s3"] = write("s3", [line("POST", "/graphql", {"query": S3_QUERY, "variables": {"before": b}}) for b in qs["before"]])
    # GraphQL over GET, as a frontend sends cacheable queries: the same operation, so the same answer.
    counts["s3get"] = write("s3get", [line("GET", "/graphql?query=" + q(S3_QUERY) + "&variables=" + q(json.dumps({"before": b})))
                                      for b in qs["before"]])
    counts["s4"] = write("s4", [line("GET", f"/api/v1/search?q={q(t['term'])}&limit=20") for t in qs["searchTerms"]])
    s5 = []
    for art in qs["ingest"]:
        art = dict(art, externalId="__EXTID__")
        s5.append(line("PUT", "/api/v1/articles/by-external-id/__EXTID__", art))
    counts["s5"] = write("s5", s5)
    print(json.dumps({"requests": counts, "entitiesMissing": len(missing)}))
    return 0 if not missing else 1


# ---------------------------------------------------------------- check

def non_empty(name, doc):
    if name in ("ceiling", "s1"):
        return bool(doc.get("externalId")) and bool(doc.get("body"))
    if name in ("s2", "s4"):
        return len(doc.get("items") or []) > 0
    if name in ("s3", "s3get"):
        return len(((doc.get("data") or {}).get("articles") or {}).get("nodes") or []) > 0
    if name == "s5":
        return bool(doc.get("id"))
    return bool(doc)


def cmd_check(a):
    failures = 0
    for name, _, _ in SCENARIOS:
        path = os.path.join(a.dir, name + ".req")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f][:5]
        sizes = []
        for n, l in enumerate(lines):
            method, target, body = l.split("\t", 2)
            ext = f"bench-new-check-{n}"
            target, body = target.replace("__EXTID__", ext), body.replace("__EXTID__", ext)
            status, ctype, raw = http(method, a.base + target, body or None, key=a.key if method != "GET" else None)
            problem = None
            doc = None
            if not 200 <= status < 300:
                problem = f"HTTP {status}"
            elif "json" not in ctype:
                problem = f"content type {ctype!r}"
            else:
                try:
                    doc = json.loads(raw)
                except ValueError:
                    problem = "not JSON"
            if problem is None and isinstance(doc, dict) and "errors" in doc:
                problem = "carries errors"
            if problem is None and not non_empty(name, doc):
                problem = "empty answer"
            sizes.append(len(raw))
            if problem:
                failures += 1
                print(f"check {name} #{n + 1} {method} {target[:90]}: {problem}: {raw[:300]!r}", file=sys.stderr)
        print(f"check {name}: {len(lines)} requests, answers {min(sizes)}-{max(sizes)} bytes", file=sys.stderr)
    print("check: " + ("all good" if failures == 0 else f"{failures} failed"), file=sys.stderr)
    return 0 if failures == 0 else 1


# ---------------------------------------------------------------- cpu

def cpu_seconds(pid):
    """utime + stime of a process (whole process, all threads), in seconds."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def cmd_cpu(a):
    """CPU used so far by the service and by the PostgreSQL backends serving database --pgdb (their process
    title is "postgres: USER DB ..."): the per-request CPU cost holds up better than req/s on a shared machine."""
    pg = 0.0
    if a.pgdb:
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/cmdline", "rb") as f:
                        title = f.read().replace(b"\0", b" ").decode(errors="replace")
                except OSError:
                    continue
                parts = title.split()  # "postgres: [CLUSTER:] USER DB HOST(PORT) STATE"
                if parts and parts[0] == "postgres:" and a.pgdb in parts[2:4]:
                    pg += cpu_seconds(d)
    print(json.dumps({"serviceCpuSeconds": cpu_seconds(a.pid), "postgresCpuSeconds": pg}))
    return 0


# ---------------------------------------------------------------- record

def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for l in f:
                k, _, v = l.partition(":")
                if k in ("VmRSS", "VmHWM", "RssAnon"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def wrk_result(path):
    with open(path) as f:
        text = f.read()
    for l in text.splitlines():
        if l.startswith("RESULT "):
            return json.loads(l[7:])
    raise SystemExit(f"no RESULT line in {path}:\n{text[-2000:]}")


def cmd_record(a):
    def load(p):
        with open(p) as f:
            return json.load(f)

    before, after = load(a.before), load(a.after)
    for side, path in ((before, a.cpu_before), (after, a.cpu_after)):
        if path:
            side.update(load(path))
    rec = {"scenario": a.scenario, "wrk": wrk_result(a.wrk), "before": before, "after": after,
           "proc": proc_status(a.pid), "loadavg": a.loadavg}
    print(json.dumps(rec))
    return 0


# ---------------------------------------------------------------- cleanup

def cmd_cleanup(a):
    """Walks GET /articles published since the ingest date and deletes every bench-% article."""
    doomed, cursor = [], None
    while True:
        url = f"{a.base}/api/v1/articles?publishedFrom={q(INGEST_FROM)}&limit=100" + (f"&cursor={q(cursor)}" if cursor else "")
        status, _, raw = http("GET", url)
        if status != 200:
            print(f"cleanup: GET articles answered {status}: {raw[:200]!r}", file=sys.stderr)
            return 1
        page = json.loads(raw)
        doomed += [i["id"] for i in page["items"] if i["externalId"].startswith("bench-")]
        cursor = page.get("nextCursor")
        if not cursor:
            break

    def delete(i):
        return http("DELETE", f"{a.base}/api/v1/articles/{i}", key=a.key)[0]

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(delete, doomed))
    bad = [s for s in statuses if s not in (204, 404)]
    print(f"cleanup: deleted {len(doomed) - len(bad)} bench-% articles" + (f", {len(bad)} failed ({bad[:5]})" if bad else ""),
          file=sys.stderr)
    return 0 if not bad else 1


# ---------------------------------------------------------------- report

def fmt_ms(us):
    return f"{us / 1000:.1f}" if us < 100_000 else f"{us / 1000:.0f}"


def rows(results):
    ceiling = next((r for r in results if r["scenario"] == "ceiling"), None)
    ceiling_rps = None
    if ceiling:
        w = ceiling["wrk"]
        ceiling_rps = w["requests"] / (w["durationUs"] / 1e6)
    label = {n: l for n, l, _ in SCENARIOS}
    out = []
    for r in results:
        w, b, af = r["wrk"], r["before"], r["after"]
        n = max(w["requests"], 1)
        rps = w["requests"] / (w["durationUs"] / 1e6)
        errors = w["connect"] + w["read"] + w["write"] + w["timeout"] + w["non2xx"] + w["graphqlErrors"]
        # Requests still unanswered when wrk stopped: normally one per connection (in flight). When fewer requests
        # were answered than that, answers took longer than the window: not errors in wrk's sense (its timeouts
        # only fire inside the window), but the scenario did not really run, so the table says so.
        unanswered = max(0, w.get("issued", 0) - w.get("answered", 0) - w["timeout"])
        starved = w["requests"] < unanswered
        out.append({
            "scenario": label.get(r["scenario"], r["scenario"]),
            "rps": rps,
            "p50": fmt_ms(w["p50Us"]) if w["requests"] else "-",
            "p99": fmt_ms(w["p99Us"]) if w["requests"] else "-",
            "errors": errors,
            "errorDetail": {k: w[k] for k in ("connect", "read", "write", "timeout", "non2xx", "graphqlErrors") if w[k]},
            "unanswered": unanswered,
            "starved": starved,
            "sql": (af["sqlCommands"] - b["sqlCommands"]) / n,
            "connections": (af["connectionsOpened"] - b["connectionsOpened"]) / n,
            "sqlMs": (af["sqlMilliseconds"] - b["sqlMilliseconds"]) / n,
            "allocKb": (af["allocatedBytes"] - b["allocatedBytes"]) / n / 1024,
            "gcs": f"{af['gen0'] - b['gen0']}/{af['gen1'] - b['gen1']}/{af['gen2'] - b['gen2']}",
            "kbResp": w["bytes"] / n / 1024,
            "cpuMs": (af.get("serviceCpuSeconds", 0) - b.get("serviceCpuSeconds", 0)) * 1000 / n,
            "pgCpuMs": (af.get("postgresCpuSeconds", 0) - b.get("postgresCpuSeconds", 0)) * 1000 / n,
            "rss": r["proc"].get("VmRSS", 0) / 1024,
            "hwm": r["proc"].get("VmHWM", 0) / 1024,
            "anon": r["proc"].get("RssAnon", 0) / 1024,
            "ratio": (rps / ceiling_rps) if ceiling_rps else None,
            "requests": w["requests"],
            "loadavg": r.get("loadavg", ""),
        })
    return out


def table(rs):
    head = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "SQL/req", "server RSS MB (peak)", "of it own memory MB", "ratio to ceiling"]
    body = [[x["scenario"], f"{x['rps']:.0f}", x["p50"], x["p99"],
             str(x["errors"]) + (" " + json.dumps(x["errorDetail"]) if x["errorDetail"] else "")
             + (f" ({x['unanswered']} unanswered at the end)" if x["starved"] else ""),
             f"{x['sql']:.2f}" if x["requests"] else "-", f"{x['rss']:.0f} ({x['hwm']:.0f})", f"{x['anon']:.0f}",
             "" if x["ratio"] is None else f"{x['ratio']:.2f}"] for x in rs]
    return head, body


def markdown(head, body):
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(head))) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(out)


def plain(head, body):
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(head)]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in body])


def cmd_report(a):
    with open(a.results) as f:
        results = [json.loads(l) for l in f if l.strip()]
    with open(a.meta) as f:
        meta = json.load(f)
    m = meta
    rs = rows(results)
    head, body = table(rs)
    print()
    print(plain(head, body))
    diag_head = ["scenario", "requests", "unanswered at the end", "KB/response", "service CPU ms/req", "PostgreSQL CPU ms/req", "SQL ms/req", "DB connections opened/req", "allocated KB/req", "GCs gen0/1/2", "load avg before"]
    diag = [[x["scenario"], str(x["requests"]), str(x["unanswered"]), f"{x['kbResp']:.1f}", f"{x['cpuMs']:.2f}",
             f"{x['pgCpuMs']:.2f}" if m["db"] == "postgres" else "-", f"{x['sqlMs']:.2f}", f"{x['connections']:.2f}",
             f"{x['allocKb']:.0f}", x["gcs"], x["loadavg"]] for x in rs]
    m = meta
    md = [f"# Load benchmark: {m['db']}, {m['articles']:,} articles", "",
          f"- date: {m['date']}",
          f"- command: `{m['command']}`",
          f"- commit: {m['commit']}",
          f"- machine: {m['machine']}",
          f"- runtime: .NET {m['dotnet']}, {m['dbVersion']}, server GC: {results[0]['after'].get('serverGc', '?') if results else '?'}",
          # Caching__InProcess=false in the environment measures every request uncached (what a miss costs).
          f"- response cache: {'off (Caching__InProcess=false): every request computed' if os.environ.get('Caching__InProcess', '').lower() == 'false' else 'in-process (default): repeated parameters are answered from memory'}",
          # Configuration the service inherits (Writes__Writers=1 for an A/B, say) and runtime knobs (DOTNET_*,
          # not the CLI's own), so a results file says what ran; connection strings are left out (passwords).
          "- settings from the environment: " + (", ".join(f"`{k}={v}`" for k, v in sorted(os.environ.items())
              if ("__" in k and not k.startswith(("ConnectionStrings__", "Logging__")))
              or (k.startswith(("DOTNET_", "COMPlus_")) and not k.startswith(("DOTNET_CLI_", "DOTNET_NOLOGO", "DOTNET_GENERATE_")))) or "none"),
          f"- corpus: `corpus.py --seed 42 --articles {m['articles']}` ({m['corpusMb']} MB); "
          + (f"import {m['importSeconds']:.1f} s, {m['importRate']:.0f} articles/s ({m['importLine']})" if m.get("importSeconds") else "database reused, no import"),
          f"- load: wrk {m['wrk']}, {m['connections']} connections, {m['threads']} threads, {m['warmup']} s warm-up (not counted), "
          f"{m['duration']} s measured, timeout {m['timeout']} s, on 127.0.0.1; the service in Release, Production, rate limits off, "
          "logging at Warning, `Benchmark:Enabled=true`",
          f"- S2 entity names resolved to ids before the run: {m.get('entitiesMissing', 0)} not found",
          f"- S5 cleanup: {m.get('cleanup', 'n/a')}",
          "- errors = socket errors + timeouts + non-2xx + GraphQL bodies carrying \"errors\"; \"unanswered at the end\" = "
          "requests wrk sent that had no answer when it stopped (normally one in flight per connection; shown in the table "
          "only when they outnumber the answers); SQL/req = EF Core commands "
          "counted by the service (`/_bench/stats`) during the measured window / requests completed; RSS = VmRSS (VmHWM) after the scenario; own memory = RssAnon, the RSS without file pages (SQLite maps its file: those pages are the operating system's file cache, counted in RSS once touched)",
          "- the machine has 2 cores shared with other work and with wrk itself: figures are noisy, compare within a run",
          "", markdown(head, body), "", "Diagnostics (same window; CPU ms/req = CPU time of the process(es) over the window / "
          "requests, less sensitive to the machine's other load than req/s):", "", markdown(diag_head, diag), ""]
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print(f"\nwritten: {a.out}")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--queries", required=True)
    p.add_argument("--base", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("check")
    p.add_argument("--base", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--dir", required=True)
    p = sub.add_parser("record")
    for k in ("--scenario", "--wrk", "--before", "--after", "--pid"):
        p.add_argument(k, required=True)
    p.add_argument("--loadavg", default="")
    p.add_argument("--cpu-before")
    p.add_argument("--cpu-after")
    p = sub.add_parser("cpu")
    p.add_argument("--pid", required=True)
    p.add_argument("--pgdb", default="")
    p = sub.add_parser("cleanup")
    p.add_argument("--base", required=True)
    p.add_argument("--key", required=True)
    p = sub.add_parser("report")
    p.add_argument("--results", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("mode")
    p.add_argument("scenario")
    a = ap.parse_args()
    if a.cmd == "mode":
        print(MODES[a.scenario])
        return 0
    return {"prepare": cmd_prepare, "check": cmd_check, "record": cmd_record, "cleanup": cmd_cleanup, "report": cmd_report, "cpu": cmd_cpu}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
