-- wrk script for deploy/bench/gateway-bench.sh.
--
-- * Prints the first body of each status other than 200 (per wrk thread), so a run that saw
--   errors says which ones.
-- * With RATE set (requests per second, all threads together; THREADS must say how many threads
--   wrk runs), sends at that fixed rate instead of as fast as the connections allow. Each thread
--   claims the next slot of its own schedule before every request; a request whose slot has
--   passed goes at once. wrk's timers have millisecond resolution, so the rate is exact over a
--   run but requests inside one millisecond go together.
-- * At the end prints one line to stderr that the script parses:
--   "result requests=N seconds=S rps=R errors=E p50=.. p75=.. p90=.. p99=.. p99.9=.. max=.." (ms),
--   where E counts non-2xx/3xx responses plus socket errors and timeouts.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } trellis_timespec;
int clock_gettime(int clk_id, trellis_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_buf = ffi.new("trellis_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_buf)
  return tonumber(now_buf.tv_sec) * 1000 + tonumber(now_buf.tv_nsec) / 1e6
end

local interval_ms -- per thread; nil: as fast as possible
local next_slot
local seen = {}

function init(args)
  local rate = tonumber(os.getenv("RATE") or "")
  if rate and rate > 0 then
    local threads = tonumber(os.getenv("THREADS") or "")
    assert(threads and threads > 0, "RATE needs THREADS (the wrk -t value)")
    interval_ms = 1000 * threads / rate
  end
end

if os.getenv("RATE") and os.getenv("RATE") ~= "" then
  function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now then
      next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval_ms
    return math.floor(wait)
  end
end

function response(status, headers, body)
  if status ~= 200 and not seen[status] then
    seen[status] = true
    io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local function ms(p)
    return string.format("%.2f", latency:percentile(p) / 1000)
  end
  io.stderr:write(string.format(
    "result requests=%d seconds=%.2f rps=%.0f errors=%d p50=%s p75=%s p90=%s p99=%s p99.9=%s max=%.2f\n",
    summary.requests, seconds, summary.requests / seconds, errors,
    ms(50), ms(75), ms(90), ms(99), ms(99.9), latency.max / 1000))
end
