-- One page type per wrk run (bench/storefront-load): STOREFRONT_LOAD_KIND picks it. URLs are drawn at
-- random per request, Zipf-skewed over the whole catalog: every product, category and query can come
-- up, the popular ones far more often, as on a real shop.
local lib = dofile((os.getenv("STOREFRONT_LOAD_LUA") or "bench/storefront-load.d") .. "/lib.lua")
local kind = os.getenv("STOREFRONT_LOAD_KIND") or error("STOREFRONT_LOAD_KIND is not set")

local make  -- () -> the next request, set in init()

local builders = {}

builders["robots"] = function()
  return function() return lib.get("/robots.txt", lib.page_headers) end
end

builders["home"] = function()
  return function() return lib.get("/", lib.page_headers) end
end

builders["listing"] = function()
  local categories = lib.categories()
  return function()
    local c = categories.draw()
    return lib.get(lib.join("/c/" .. c.slug, lib.filters(c)), lib.page_headers)
  end
end

builders["api-listing"] = function()
  local categories = lib.categories()
  return function()
    local c = categories.draw()
    return lib.get(lib.join("/api/v1/products?category=" .. c.slug, lib.filters(c)), lib.json_headers)
  end
end

builders["product"] = function()
  local products = lib.products()
  return function() return lib.get("/p/" .. products.draw().slug, lib.page_headers) end
end

builders["api-product"] = function()
  local products = lib.products()
  return function() return lib.get("/api/v1/products/" .. products.draw().slug, lib.json_headers) end
end

local function search(path, headers)
  local query = lib.picker(lib.lines("queries.txt"))
  local brand = lib.picker(lib.lines("brands.txt"))
  local colour = lib.picker(lib.lines("colours.txt"))
  return function()
    -- most searches are the words alone; filters are added on the results page
    local filters = math.random() < 0.7 and "" or lib.filters(nil, brand, colour)
    return lib.get(lib.join(path .. "?q=" .. lib.encode(query()), filters), headers)
  end
end
builders["search"] = function() return search("/search", lib.page_headers) end
builders["api-search"] = function() return search("/api/v1/search", lib.json_headers) end

-- carts.txt: carts made before the run; skus.txt: SKUs with plenty of stock, most popular first
builders["cart-add"] = function()
  local carts, sku, i = lib.lines("carts.txt"), lib.picker(lib.lines("skus.txt")), 0
  -- each thread walks its own share of the carts, one connection per cart at a time, as shoppers would
  local threads = tonumber(os.getenv("STOREFRONT_LOAD_THREADS") or "1")
  local share = math.max(1, math.floor(#carts / threads))
  local offset = ((thread_number or 1) - 1) * share
  return function()
    i = i + 1
    local cart = carts[offset + i % share + 1]
    return lib.post_json("/api/v1/carts/" .. cart .. "/items", '{"sku":"' .. sku() .. '","quantity":1}')
  end
end

builders["cart-api"] = function()
  local carts = lib.lines("carts.txt")
  return function()
    return lib.get("/api/v1/carts/" .. carts[math.random(#carts)], lib.json_headers)
  end
end

builders["cart-page"] = function()
  local carts = lib.lines("carts.txt")
  return function()
    return wrk.format("GET", "/cart", { ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip",
      ["Cookie"] = "sf_cart=" .. carts[math.random(#carts)] })
  end
end

if not builders[kind] then error("unknown STOREFRONT_LOAD_KIND " .. kind) end

setup = lib.setup

init = function(args)
  lib.seed()
  make = builders[kind]()
end

request = function()
  return make()
end
