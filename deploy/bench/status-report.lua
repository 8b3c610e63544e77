-- wrk script: counts responses by status and prints the first body of each status other than 200,
-- so a benchmark that saw errors says which ones.
local counts = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status ~= 200 then
    counts[status] = (counts[status] or 0) + 1
    if counts[status] == 1 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end
