-- PATCH /admin/skus/{id} (a quantity change, the most frequent admin write) at a steady pace:
-- one request every DELAY_MS per connection, on SKU ids drawn over 1..SKUS.
local skus = tonumber(os.getenv("SKUS") or "11000000")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "20")
local token = os.getenv("ADMIN_TOKEN") or "bench"
math.randomseed(os.time() + 7)
request = function()
  local body = '{"quantity": ' .. math.random(0, 60) .. '}'
  return wrk.format("PATCH", "/admin/skus/" .. math.random(1, skus),
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
delay = function()
  return delay_ms
end

-- Answers counted per status, printed as "status <code>: <count>" lines at the end.
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end
init = function()
  statuses = {}
end
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
