-- Mixed shoppers (bench/storefront-load): every request continues one shopper's visit
--   new cart (POST /api/v1/carts) → home → category listing → product → search → add to cart → cart,
--   then a second round with the same cart: listing → product → search → add → cart; then a new shopper.
-- The listing is the product's own category, the SKU added is one of that product's SKUs in stock.
--
-- wrk's Lua API does not say which connection a request() or response() belongs to, so the visits are
-- kept per wrk thread: a thread runs as many visits as it has connections and request() takes them in
-- turn. A new cart id coming back in response() goes to the visit that has waited longest for one (a
-- visit sends its POST five requests before it needs the id, so it is nearly always there); a visit
-- that reaches "add" without one views another product meanwhile (counted as "waits" in the summary).
local lib = dofile((os.getenv("STOREFRONT_LOAD_LUA") or "bench/storefront-load.d") .. "/lib.lua")

-- Between two pages a shopper thinks for THINK_MS ("min-max" milliseconds, uniform; "0" for none), as
-- in TPC-W's browsing mix (7 s on average): then N connections are N shoppers, not N clients in a loop.
local think_min, think_max = (os.getenv("STOREFRONT_LOAD_THINK_MS") or "0"):match("^(%d+)%-?(%d*)$")
think_min = tonumber(think_min) or 0
think_max = tonumber(think_max) or think_min

local FIRST = { "cart", "home", "listing", "product", "search", "add", "view" }
local AGAIN = { "listing", "product", "search", "add", "view" }

local products, categories, query, brand, colour, stocked
local visits, turn = {}, 0
local waiting, waiting_head, waiting_tail = {}, 1, 0  -- visits whose new cart has not come back yet
-- counters, read by done() through thread:get
created, waits, visits_started, adds, views = 0, 0, 0, 0, 0

local function new_visit()
  visits_started = visits_started + 1
  return { steps = FIRST, step = 1, round = 1 }
end

local function next_product(v)
  v.product = products.draw()
  v.category = categories.by_slug[v.product.category]
end

setup = lib.setup

init = function(args)
  lib.seed()
  products = lib.products()
  categories = lib.categories()
  query = lib.picker(lib.lines("queries.txt"))
  brand = lib.picker(lib.lines("brands.txt"))
  colour = lib.picker(lib.lines("colours.txt"))
  stocked = lib.picker(lib.lines("skus.txt"))
  local per_thread = math.max(1, math.floor(tonumber(os.getenv("STOREFRONT_LOAD_CONNECTIONS") or "64")
    / tonumber(os.getenv("STOREFRONT_LOAD_THREADS") or "2")))
  -- the run starts in the middle of things: visits at every step of their way, as in a busy shop, not
  -- all of them at "new cart" at once; those past that step hold a cart made before the run (carts.txt)
  local carts = lib.lines("carts.txt")
  local cycle = #FIRST + #AGAIN
  for i = 1, per_thread do
    local v = new_visit()
    local at = math.random(cycle)
    if at > 1 then
      v.cart = carts[math.random(#carts)]
      next_product(v)
      if at > #FIRST then v.round, v.steps, v.step = 2, AGAIN, at - #FIRST else v.step = at end
    end
    visits[i] = v
  end
end

local function page(path)
  return lib.get(path, lib.page_headers)
end

local steps = {}

steps.cart = function(v)
  waiting_tail = waiting_tail + 1
  waiting[waiting_tail] = v
  -- no Accept-Encoding: response() reads the id from the body
  return wrk.format("POST", "/api/v1/carts", { ["Accept"] = "application/json" }, "")
end

steps.home = function(v) return page("/") end

steps.listing = function(v)
  next_product(v)
  return page(lib.join("/c/" .. v.product.category, math.random() < 0.6 and "" or lib.filters(v.category)))
end

steps.product = function(v) return page("/p/" .. v.product.slug) end

steps.search = function(v)
  local filters = math.random() < 0.8 and "" or lib.filters(nil, brand, colour)
  return page(lib.join("/search?q=" .. lib.encode(query()), filters))
end

steps.add = function(v)
  if not v.cart then
    waits = waits + 1
    v.step = v.step - 1  -- try again next turn
    return page("/p/" .. products.draw().slug)
  end
  adds = adds + 1
  local skus = v.product.skus
  local sku = #skus > 0 and skus[math.random(#skus)] or stocked()
  return lib.post_json("/api/v1/carts/" .. v.cart .. "/items", '{"sku":"' .. sku .. '","quantity":1}')
end

-- the cart as a browser sees it (the page, with the cart cookie) or as an app does (JSON), in turn
steps.view = function(v)
  views = views + 1
  if views % 2 == 0 then
    return lib.get("/api/v1/carts/" .. v.cart, lib.json_headers)
  end
  return wrk.format("GET", "/cart", { ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip",
    ["Cookie"] = "sf_cart=" .. v.cart })
end

request = function()
  turn = turn % #visits + 1
  local v = visits[turn]
  if v.step > #v.steps then
    if v.round == 1 then
      v.round, v.steps, v.step = 2, AGAIN, 1
    else
      v = new_visit()
      visits[turn] = v
    end
  end
  local name = v.steps[v.step]
  v.step = v.step + 1
  return steps[name](v)
end

delay = function()
  if think_max <= 0 then return 0 end
  return math.random(think_min, think_max)
end

-- a new cart's answer is {"id":"…"}; a cart's own JSON has "lines" too
response = function(status, headers, body)
  if status == 201 and body and not body:find('"lines"', 1, true) then
    local id = body:match('"id"%s*:%s*"([^"]+)"')
    if id and waiting_head <= waiting_tail then
      local v = waiting[waiting_head]
      waiting[waiting_head] = nil
      waiting_head = waiting_head + 1
      v.cart = id
      created = created + 1
    end
  end
end

done = function(summary, latency, requests)
  local t = { created = 0, waits = 0, visits_started = 0, adds = 0, views = 0 }
  for _, thread in ipairs(lib.threads()) do
    for k in pairs(t) do t[k] = t[k] + (tonumber(thread:get(k)) or 0) end
  end
  io.write(string.format("shopper: visits=%d carts_created=%d adds=%d cart_views=%d waits_for_cart=%d\n",
    t.visits_started, t.created, t.adds, t.views, t.waits))
end
