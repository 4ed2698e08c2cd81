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
