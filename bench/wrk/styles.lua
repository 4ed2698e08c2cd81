-- GET /products/{id}/styles with ids drawn uniformly over the whole catalog (PRODUCTS, default 1000011).
local products = tonumber(os.getenv("PRODUCTS") or "1000011")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/products/" .. math.random(1, products) .. "/styles")
end
