-- Read load on the products API for wrk. Environment:
--   ENDPOINTS   one of styles, product, related, list, or a weighted mix such as
--               "styles:40,product:40,related:10,list:10" (weights are relative)
--   IDS         uniform: ids drawn evenly over 1..PRODUCTS (list pages over 1..LIST_PAGES);
--               hot: HOT_SHARE % of the requests on HOT_PERCENT % of them, the rest uniform. The hot
--               ones are spread evenly over the range, so their rows are not neighbours on disk.
--   PRODUCTS, LIST_PAGES, LIST_COUNT (entries per list page), HOT_SHARE (90), HOT_PERCENT (1)
--   PAUSE_MS    a paced load: each connection waits this long after a response (0: as fast as it can)
--   ORIGIN      sent as the Origin header, as a browser page on another origin does (CORS)
--   ACCEPT_ENCODING  sent as the Accept-Encoding header, as every browser sends "gzip" (none when empty)
local products = tonumber(os.getenv("PRODUCTS") or "1000011")
local list_pages = tonumber(os.getenv("LIST_PAGES") or "1000")
local list_count = os.getenv("LIST_COUNT") or "5"
local hot = (os.getenv("IDS") or "uniform") == "hot"
local hot_share = tonumber(os.getenv("HOT_SHARE") or "90") / 100
local hot_percent = tonumber(os.getenv("HOT_PERCENT") or "1")

-- a number in 1..n, by the chosen distribution
local function draw(n)
  if hot and math.random() < hot_share then
    local hot_count = math.max(1, math.floor(n * hot_percent / 100))
    return math.floor((math.random(1, hot_count) - 1) * n / hot_count) + 1
  end
  return math.random(1, n)
end

local paths = {
  product = function() return "/products/" .. draw(products) end,
  styles = function() return "/products/" .. draw(products) .. "/styles" end,
  related = function() return "/products/" .. draw(products) .. "/related" end,
  list = function() return "/products?page=" .. draw(list_pages) .. "&count=" .. list_count end,
}

-- cumulative weights of the endpoints, in the order given
local endpoints, total = {}, 0
for name, weight in string.gmatch(os.getenv("ENDPOINTS") or "styles", "([a-z]+):?([0-9]*)") do
  assert(paths[name], "unknown endpoint " .. name)
  total = total + (tonumber(weight) or 1)
  table.insert(endpoints, { limit = total, path = paths[name] })
end

local origin = os.getenv("ORIGIN") or ""
if origin ~= "" then
  wrk.headers["Origin"] = origin
end

local accept_encoding = os.getenv("ACCEPT_ENCODING") or ""
if accept_encoding ~= "" then
  wrk.headers["Accept-Encoding"] = accept_encoding
end

local pause_ms = tonumber(os.getenv("PAUSE_MS") or "0")
if pause_ms > 0 then
  function delay()
    return pause_ms
  end
end

-- each wrk thread has its own Lua state: give each its own random sequence
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_number)
end

function request()
  local pick = math.random() * total
  for _, endpoint in ipairs(endpoints) do
    if pick < endpoint.limit then
      return wrk.format("GET", endpoint.path())
    end
  end
end
