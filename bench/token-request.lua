-- wrk script for the token endpoint: every request carries its own pre-minted assertion (each jti is
-- single-use), spread over wrk's threads so no two threads send the same one.
-- Arguments after "--": the assertions file (one a line), the number of wrk threads, the form prefix.

local threads = {}
local created = 0

function setup(thread)
  created = created + 1
  thread:set("id", created)
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(args[1]) do
    all[#all + 1] = line
  end
  local stride = tonumber(args[2])
  mine = {}
  for i = id, #all, stride do
    mine[#mine + 1] = all[i]
  end
  prefix = args[3]
  nextIndex = 1
  failures = 0
  exhausted = 0
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  local assertion = mine[nextIndex]
  if assertion == nil then
    -- Out of fresh assertions: what follows are replays, answered 400 and counted below.
    exhausted = exhausted + 1
    assertion = mine[1]
  end
  nextIndex = nextIndex + 1
  return wrk.format("POST", nil, headers, prefix .. assertion)
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed, ranOut = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    ranOut = ranOut + thread:get("exhausted")
  end
  io.write(string.format("tokens issued: %d, non-200 answers: %d (requests after the assertions ran out: %d)\n",
      summary.requests - failed, failed, ranOut))
end
