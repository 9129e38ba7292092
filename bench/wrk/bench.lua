-- wrk script of build/bench.sh. BENCH_MODE=get: GET the paths of $BENCH_PATHS in turn (search, product pages); the files of paths must not be empty.
-- BENCH_MODE=checkout: POST /api/orders, cash on delivery, a cart of $BENCH_CARTS (default $BENCH_DIR/carts.txt: three
-- products of two cooperatives over the catalogue; popular-carts.txt: three of 10 popular products) as a shopper of
-- $BENCH_DIR/tokens.txt, with a new Idempotency-Key each time ($BENCH_RUN, the thread and a counter).
-- At the end, the figures go to $BENCH_OUT as one JSON object (latencies in ms; errors: not 2xx, or no answer).
local mode = os.getenv("BENCH_MODE") or "get"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local threads = {}
local paths, tokens, carts = {}, {}, {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  if mode == "checkout" then
    local dir = os.getenv("BENCH_DIR")
    for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
    local file = os.getenv("BENCH_CARTS") or ""
    if file == "" then file = dir .. "/carts.txt" end
    for line in io.lines(file) do
      local a, b, c = line:match("(%S+) (%S+) (%S+)")
      carts[#carts + 1] = { a, b, c }
    end
    assert(#carts > 0, "no carts in " .. file)
  else
    for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
    assert(#paths > 0, "no paths in " .. os.getenv("BENCH_PATHS"))
  end
  -- threads start at even spacings of the list (for paths) so that they do not ask the same things together
  local count = mode == "checkout" and #carts or #paths
  counter = id * math.floor(count / tonumber(os.getenv("BENCH_THREADS") or "2"))
end

local address = '"shippingAddress":{"fullName":"Bench Shopper","phone":"0612345678","line1":"12 rue des Arganiers","city":"Agadir"}'

function request()
  counter = counter + 1
  if mode ~= "checkout" then return wrk.format("GET", paths[(counter % #paths) + 1]) end
  local cart = carts[(counter % #carts) + 1]
  local body = string.format('{"lines":[{"productId":"%s","quantity":1},{"productId":"%s","quantity":1},{"productId":"%s","quantity":1}],%s,"paymentMethod":"cash_on_delivery"}',
    cart[1], cart[2], cart[3], address)
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Idempotency-Key"] = string.format("%s-%d-%d", run, id, counter),
  }, body)
end

local codes = { 200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503 }

function response(status, headers, body)
  local key = "s" .. status
  _G[key] = (_G[key] or 0) + 1
end

function done(summary, latency, requests)
  local list = {}
  for _, code in ipairs(codes) do
    local n = 0
    for _, thread in ipairs(threads) do n = n + (thread:get("s" .. code) or 0) end
    if n > 0 then list[#list + 1] = string.format('"%d": %d', code, n) end
  end
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  local out = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  out:write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "ok_rps": %.1f, "errors": %d, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "statuses": {%s}}\n',
    summary.requests, seconds, summary.requests / seconds, (summary.requests - e.status) / seconds, failed,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(list, ", ")))
  out:close()
end
