-- A storm of sign-ins: POST the sign-in server function (URL) as a hydrated page does, with
-- the right password for a random account among bench-FIRST..bench-(FIRST+COUNT-1)@bench.test.
--   wrk ... -s signin.lua URL -- FIRST COUNT PASSWORD ORIGIN
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  first, count = tonumber(args[1]), tonumber(args[2])
  password = urlencode(args[3])
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Origin"] = args[4],
  }
  math.randomseed(os.time())
end

function request()
  local n = first + math.random(0, count - 1)
  local body = "identifier=" .. urlencode("bench-" .. n .. "@bench.test") .. "&password=" .. password
  return wrk.format("POST", nil, headers, body)
end
