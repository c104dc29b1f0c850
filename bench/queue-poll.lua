-- wrk script for bench/queue-poll.sh.
--
-- QP_PAIRS (optional): a file of "<bearer jwt> <queue ticket>" lines, one per fan. Each request
--   takes the next pair, so the polls come from many fans (each with its own signed ticket)
--   rather than one fan polling 100,000 times. Without QP_PAIRS the plain GET of the URL is sent
--   (used for /actuator/health).
-- QP_RESULT (optional): where done() writes the figures as key=value lines for the shell script.
--
-- The requests are formatted once per thread in init(), so request() only picks the next
-- string: the generator itself stays cheap next to the server it measures.

local requests = {}
local next_index = 1

local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_no", thread_count)
end

function init(args)
  local pairs_file = os.getenv("QP_PAIRS")
  if pairs_file == nil or pairs_file == "" then
    return
  end
  local f = assert(io.open(pairs_file, "r"), "cannot open QP_PAIRS file " .. pairs_file)
  for line in f:lines() do
    local jwt, ticket = line:match("^(%S+)%s+(%S+)$")
    if jwt then
      requests[#requests + 1] = wrk.format("GET", wrk.path, {
        ["Authorization"] = "Bearer " .. jwt,
        ["Queue-Token"] = ticket,
        ["Accept"] = "application/json",
      })
    end
  end
  f:close()
  assert(#requests > 0, "no '<jwt> <ticket>' lines in " .. pairs_file)
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

function done(summary, latency, _)
  local out = os.getenv("QP_RESULT")
  if out == nil or out == "" then
    return
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local f = assert(io.open(out, "w"))
  f:write(string.format("requests=%d\n", summary.requests))
  f:write(string.format("seconds=%.3f\n", seconds))
  f:write(string.format("rps=%.1f\n", summary.requests / seconds))
  f:write(string.format("p50_us=%d\n", latency:percentile(50)))
  f:write(string.format("p90_us=%d\n", latency:percentile(90)))
  f:write(string.format("p99_us=%d\n", latency:percentile(99)))
  f:write(string.format("max_us=%d\n", latency.max))
  -- status: responses >= 400; the others are socket errors. All must be 0 for a valid run.
  f:write(string.format("err_status=%d\n", e.status))
  f:write(string.format("err_socket=%d\n", e.connect + e.read + e.write + e.timeout))
  f:close()
end
