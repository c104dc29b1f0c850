-- wrk script for bench/queue-poll.sh.
--
-- QP_PAIRS (optional): a file of one line per fan. Each request takes the next line, so the polls
--   come from many fans (each with its own signed ticket) rather than one fan polling 100,000
--   times. Without QP_PAIRS the plain GET of the URL is sent (used for /actuator/health).
-- QP_MODE: "api" (default): the lines are "<bearer jwt> <queue ticket>", sent as the Authorization
--   and Queue-Token headers to the URL's path. "browser": the lines are "<JSESSIONID> <poll path>",
--   the path being the waiting-room panel's hx-get (ticket included), sent as htmx sends it: the
--   session cookie and HX-Request (with the HX-Target and HX-Current-URL htmx adds).
-- QP_EXPECT (optional): every answer must be a 200 whose body contains this text; the others are
--   counted as "unexpected" (a 3xx, an HX-Redirect with an empty body, a login page).
-- QP_RESULT (optional): where done() writes the figures as key=value lines for the shell script.
--
-- The requests are formatted once per thread in init(), so request() only picks the next
-- string: the generator itself stays cheap next to the server it measures.

local requests = {}
local next_index = 1
local expect = nil
unexpected = 0

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_no", #threads)
end

function init(args)
  expect = os.getenv("QP_EXPECT")
  if expect == "" then
    expect = nil
  end
  local pairs_file = os.getenv("QP_PAIRS")
  if pairs_file == nil or pairs_file == "" then
    return
  end
  local browser = os.getenv("QP_MODE") == "browser"
  local f = assert(io.open(pairs_file, "r"), "cannot open QP_PAIRS file " .. pairs_file)
  for line in f:lines() do
    local first, second = line:match("^(%S+)%s+(%S+)$")
    if first then
      local headers
      if browser then
        headers = {
          ["Cookie"] = "JSESSIONID=" .. first,
          ["HX-Request"] = "true",
          ["HX-Target"] = "waiting-panel",
          ["HX-Current-URL"] = "http://" .. wrk.host .. ":" .. wrk.port .. second:gsub("/status%?.*$", ""),
          ["Accept"] = "*/*",
        }
      else
        headers = {
          ["Authorization"] = "Bearer " .. first,
          ["Queue-Token"] = second,
          ["Accept"] = "application/json",
        }
      end
      requests[#requests + 1] = wrk.format("GET", browser and second or wrk.path, headers)
    end
  end
  f:close()
  assert(#requests > 0, "no '<first> <second>' lines in " .. pairs_file)
  -- Threads start at different fans, so two threads do not poll the same fan in step.
  next_index = ((thread_no or 1) - 1) * math.floor(#requests / 2) % #requests + 1
end

function request()
  if #requests == 0 then
    return wrk.format()
  end
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function response(status, headers, body)
  if expect and (status ~= 200 or body == nil or not body:find(expect, 1, true)) then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, _)
  local out = os.getenv("QP_RESULT")
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
  f:write(string.format("p50_us=%d\n", latency:percentile(50)))
  f:write(string.format("p90_us=%d\n", latency:percentile(90)))
  f:write(string.format("p99_us=%d\n", latency:percentile(99)))
  f:write(string.format("max_us=%d\n", latency.max))
  -- status: responses >= 400; socket: connection errors and timeouts; unexpected: answers that
  -- were not the expected 200 (QP_EXPECT). All must be 0 for a valid run.
  f:write(string.format("err_status=%d\n", e.status))
  f:write(string.format("err_socket=%d\n", e.connect + e.read + e.write + e.timeout))
  f:write(string.format("err_unexpected=%d\n", bad))
  f:close()
end
