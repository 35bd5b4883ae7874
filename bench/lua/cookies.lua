-- GET the URL with session cookies read from a file (one `name=value` per line, as bench-seed
-- writes them), each wrk thread cycling through its own share of lines FIRST..FIRST+COUNT-1.
--   wrk -t T ... -s cookies.lua URL -- FILE FIRST COUNT T [once]
-- With `once`, each thread stops after as many responses as cookies in its share: every
-- session is presented at least once (used to fill the server's cache).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local file, first, count, threads = args[1], tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  once = args[5] == "once"
  cookies = {}
  local n = 0
  for line in io.lines(file) do
    if n >= first - 1 + count then break end
    -- This thread's share: every T-th line from its id on.
    if n >= first - 1 and (n - first + 1) % threads == id then cookies[#cookies + 1] = line end
    n = n + 1
  end
  assert(#cookies > 0, "no cookies for thread " .. id .. " in " .. file)
  i = 0
  responses = 0
end

function request()
  i = i % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[i] })
end

function response(status)
  if once then
    responses = responses + 1
    if responses >= #cookies then wrk.thread:stop() end
  end
end
