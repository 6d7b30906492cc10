-- Shared by pages.lua and shopper.lua (bench/storefront-load): the catalog the shell script exported
-- into STOREFRONT_LOAD_DATA (one value per line, most popular first), Zipf draws over it, URL building.
-- Every wrk thread runs its own copy of this; the files are read once per thread, in init().
local M = {}

M.data_dir = os.getenv("STOREFRONT_LOAD_DATA") or error("STOREFRONT_LOAD_DATA is not set")
-- Zipf exponent: rank r is drawn with probability proportional to 1 / r^s
M.zipf_s = tonumber(os.getenv("STOREFRONT_LOAD_ZIPF") or "1.0")

function M.lines(name)
  local t = {}
  for line in io.lines(M.data_dir .. "/" .. name) do
    if line ~= "" then t[#t + 1] = line end
  end
  if #t == 0 then error("no data in " .. M.data_dir .. "/" .. name) end
  return t
end

function M.split(s, sep)
  local t = {}
  if s == nil or s == "" then return t end
  for part in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do t[#t + 1] = part end
  return t
end

-- A sampler of ranks 1..n, rank r with probability ∝ 1/r^s (binary search over the cumulative weights).
function M.zipf(n, s)
  s = s or M.zipf_s
  local cdf, sum = {}, 0
  for r = 1, n do
    sum = sum + 1 / r ^ s
    cdf[r] = sum
  end
  return function()
    local x = math.random() * sum
    local lo, hi = 1, n
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cdf[mid] < x then lo = mid + 1 else hi = mid end
    end
    return lo
  end
end

-- A Zipf-skewed picker over a list (the list's order is its popularity).
function M.picker(list, s)
  local rank = M.zipf(#list, s)
  return function() return list[rank()] end
end

function M.encode(s)
  return (s:gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", c:byte()) end):gsub(" ", "+"))
end

-- products.tsv: slug <TAB> category slug <TAB> SKUs with stock, comma-separated (may be empty)
function M.products()
  local rows = M.lines("products.tsv")
  local pick = M.zipf(#rows)
  return {
    count = #rows,
    draw = function()
      local slug, category, skus = rows[pick()]:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
      return { slug = slug, category = category, skus = M.split(skus, ",") }
    end,
  }
end

-- categories.tsv: slug <TAB> products <TAB> brands (|, most common first) <TAB> colours (| likewise)
function M.categories()
  local rows, list = M.lines("categories.tsv"), {}
  for _, row in ipairs(rows) do
    local slug, _, brands, colours = row:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
    list[#list + 1] = { slug = slug, brands = M.split(brands, "|"), colours = M.split(colours, "|") }
  end
  for _, c in ipairs(list) do
    c.brand = #c.brands > 0 and M.picker(c.brands) or nil
    c.colour = #c.colours > 0 and M.picker(c.colours) or nil
  end
  local by_slug = {}
  for _, c in ipairs(list) do by_slug[c.slug] = c end
  return { list = list, by_slug = by_slug, draw = M.picker(list) }
end

-- The filters shoppers add to a listing or a search, most common first (none at all is the most common).
local SHAPES = {
  {},
  { sort = "price-asc" },
  { inStock = true },
  { brand = true },
  { colour = true },
  { sort = "price-desc" },
  { page = 2 },
  { brand = true, inStock = true },
  { colour = true, sort = "newest" },
  { sort = "name" },
  { brand = true, colour = true },
  { sort = "newest", inStock = true },
  { page = 3 },
  { colour = true, inStock = true, sort = "price-asc" },
}
local shape_rank = M.zipf(#SHAPES)

-- "&brand=…&colour=…" for a listing or search; brand and colour values from the category when there is one
function M.filters(category, brand_pick, colour_pick)
  local shape, q = SHAPES[shape_rank()], {}
  if shape.brand then
    local b = category and category.brand and category.brand() or (brand_pick and brand_pick())
    if b then q[#q + 1] = "brand=" .. M.encode(b) end
  end
  if shape.colour then
    local c = category and category.colour and category.colour() or (colour_pick and colour_pick())
    if c then q[#q + 1] = "colour=" .. M.encode(c) end
  end
  if shape.inStock then q[#q + 1] = "inStock=true" end
  if shape.sort then q[#q + 1] = "sort=" .. shape.sort end
  if shape.page then q[#q + 1] = "page=" .. shape.page end
  return table.concat(q, "&")
end

function M.join(path, query)
  if query == nil or query == "" then return path end
  return path .. (path:find("?", 1, true) and "&" or "?") .. query
end

-- Each thread gets its own random sequence (setup() numbers the threads).
local threads = {}
function M.setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end
function M.threads() return threads end
function M.seed()
  local n = thread_number or 0
  math.randomseed(os.time() * 1000 + n * 7919 + math.floor((os.clock() * 1e6) % 1000))
  for _ = 1, 10 do math.random() end
end

-- What a browser sends; Nginx and the store compress pages for clients that accept it.
M.page_headers = { ["Accept"] = "text/html,application/xhtml+xml", ["Accept-Encoding"] = "gzip" }
M.json_headers = { ["Accept"] = "application/json", ["Accept-Encoding"] = "gzip" }

function M.get(path, headers)
  return wrk.format("GET", path, headers)
end

function M.post_json(path, body)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Accept"] = "application/json",
    ["Accept-Encoding"] = "gzip" }, body)
end

return M
