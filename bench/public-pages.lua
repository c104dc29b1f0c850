-- wrk script for bench/public-pages.sh: a plain anonymous GET of the URL, as a browser without
-- cookies sends it, uncompressed (so every answer's body can be checked; the script measures the
-- gzipped size with curl).
--
-- PP_EXPECT (optional): every answer must be a 200 (or PP_STATUS) whose body contains this text;
--   the others are counted as "unexpected".
-- PP_STATUS (optional, default 200): the status every answer must have.
-- PP_IF_NONE_MATCH (optional): sent as If-None-Match (the revalidation a proxy or browser sends).
-- PP_RESULT (optional): where done() writes the figures as key=value lines for the shell script.

local expect = nil
local want = 200
local req = nil
unexpected = 0

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  expect = os.getenv("PP_EXPECT")
  if expect == "" then
    expect = nil
  end
  want = tonumber(os.getenv("PP_STATUS") or "") or 200
  local headers = { ["Accept"] = "text/html,application/json" }
  local etag = os.getenv("PP_IF_NONE_MATCH")
  if etag ~= nil and etag ~= "" then
    headers["If-None-Match"] = etag
  end
  req = wrk.format("GET", wrk.path, headers)
end

function request()
  return req
end

function response(status, headers, body)
  if status ~= want then
    unexpected = unexpected + 1
  elseif expect and (body == nil or not body:find(expect, 1, true)) then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, _)
  local out = os.getenv("PP_RESULT")
  if out == nil or out == "" then
    return
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("unexpected") or 0)
  end
  local f = assert(io.open(out, "w"))
  f:write(string.format("requests=%d\n", summary.requests))
  f:write(string.format("seconds=%.3f\n", seconds))
  f:write(string.format("rps=%.1f\n", summary.requests / seconds))
  f:write(string.format("bytes_per_answer=%.0f\n", summary.requests > 0 and summary.bytes / summary.requests or 0))
  f:write(string.format("p50_us=%d\n", latency:percentile(50)))
  f:write(string.format("p99_us=%d\n", latency:percentile(99)))
  f:write(string.format("err_socket=%d\n", e.connect + e.read + e.write + e.timeout))
  f:write(string.format("err_unexpected=%d\n", bad))
  f:close()
end
