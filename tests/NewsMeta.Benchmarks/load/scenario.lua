-- wrk script for the NewsMeta load scenarios (run by run.sh).
--   wrk ... -s scenario.lua http://127.0.0.1:5183 -- REQUEST_FILE THREADS MODE RUN_ID [API_KEY]
-- REQUEST_FILE: one request a line, METHOD <tab> PATH <tab> BODY (JSON on one line, or empty), written by bench.py.
-- Each thread cycles through the list from its own offset (thread k of n starts at (k-1)*len/n).
-- __EXTID__ in a path or body becomes bench-new-<RUN_ID>-<thread>-<n>, unique per request (S5).
-- MODE graphql: a 2xx body carrying "errors" counts as an error. Any non-2xx status counts as an error.
-- done() prints one line "RESULT {json}" that bench.py reads.

local threads = {}
local next_tid = 1

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

-- per-thread state (each thread has its own Lua state; globals are what thread:get reads)
non2xx = 0
graphql_errors = 0
issued = 0   -- requests written; issued - answered = unanswered when wrk stops (timeouts, socket errors, in flight)
answered = 0
local reqs, pos, n, seq = {}, 1, 0, 0
local mode, run, headers = "rest", "0", {}

function init(args)
  local file, nthreads = args[1], tonumber(args[2]) or 1
  mode, run = args[3] or "rest", args[4] or "0"
  if args[5] and args[5] ~= "" then headers["X-Api-Key"] = args[5] end
  headers["Content-Type"] = "application/json"
  headers["Accept"] = "application/json"
  for l in io.lines(file) do
    local m, p, b = l:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    if m then
      if b == "" then b = nil end
      local r = { method = m, path = p, body = b }
      if not p:find("__EXTID__", 1, true) and not (b and b:find("__EXTID__", 1, true)) then
        r.raw = wrk.format(m, p, headers, b) -- formatted once
      end
      reqs[#reqs + 1] = r
    end
  end
  n = #reqs
  if n == 0 then error("no requests in " .. file) end
  pos = ((tid - 1) * math.floor(n / nthreads)) % n + 1
end

function request()
  issued = issued + 1
  local r = reqs[pos]
  pos = pos + 1
  if pos > n then pos = 1 end
  if r.raw then return r.raw end
  seq = seq + 1
  local id = "bench-new-" .. run .. "-" .. tid .. "-" .. seq
  return wrk.format(r.method, (r.path:gsub("__EXTID__", id)), headers, r.body and (r.body:gsub("__EXTID__", id)))
end

function response(status, hdrs, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif mode == "graphql" and body and body:find('"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local bad, gql, sent, got = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    bad = bad + (tonumber(t:get("non2xx")) or 0)
    gql = gql + (tonumber(t:get("graphql_errors")) or 0)
    sent = sent + (tonumber(t:get("issued")) or 0)
    got = got + (tonumber(t:get("answered")) or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"durationUs":%d,"bytes":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f,' ..
    '"connect":%d,"read":%d,"write":%d,"timeout":%d,"statusGt399":%d,"non2xx":%d,"graphqlErrors":%d,"issued":%d,"answered":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.timeout, e.status, bad, gql, sent, got))
end
