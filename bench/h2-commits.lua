-- wrk script for bench/h2-commits.sh: each request is a ₩1,000 top-up by the next fan.
-- HC_TOKENS: a file of bearer tokens, one per line. HC_RESULT: where done() writes the figures.
local requests = {}
local next_index = 1

function init(args)
  local f = assert(io.open(os.getenv("HC_TOKENS"), "r"))
  for token in f:lines() do
    requests[#requests + 1] = wrk.format("POST", "/api/v1/wallet/charges", {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, '{"amount":1000}')
  end
  f:close()
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("HC_RESULT"), "w"))
  out:write(string.format("requests=%d\n", summary.requests))
  out:write(string.format("non2xx=%d\n", summary.errors.status))
  out:write(string.format("socket_errors=%d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  out:write(string.format("rps=%.0f\n", summary.requests / (summary.duration / 1e6)))
  out:write(string.format("p50=%.1f\n", latency:percentile(50) / 1000))
  out:write(string.format("p99=%.1f\n", latency:percentile(99) / 1000))
  out:close()
end
