-- wrk script for `evidex serve` under load: a fixed mix of document searches (70%) and quote
-- searches (30%) over the BBC News corpus, each request in turn, so every run sends the same
-- mix. Every non-2xx answer counts as an error (wrk's "status" errors); done() prints the
-- figures BENCHMARKS.md records.
local paths = {
  "/api/search?q=economy",
  "/api/search?q=%22prime+minister%22",
  "/api/search?q=film+OR+music&limit=20",
  "/api/quotes?q=election",
  "/api/search?q=blair+AND+election",
  "/api/search?q=mobile+phone&kind=other",
  "/api/search?q=oil+prices&org=Bank+of+England",
  "/api/quotes?speaker=Blair",
  "/api/search?q=broadband",
  "/api/search?q=footbal~&limit=5",
  "/api/quotes?q=%22we+are%22&limit=10",
  "/api/search?q=title%3Agame&offset=10",
  "/api/search?q=chelsea+manager",
  "/api/quotes?q=market",
  "/api/search?q=gordon+brown+budget",
  "/api/search?q=music+downloads&explain=true&limit=3",
  "/api/quotes?org=Home+Office",
  "/api/search?q=tech*",
  "/api/search?q=%22world+cup%22",
  "/api/quotes?q=film",
}

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  -- Threads start at different places in the list so they do not send the same path at once.
  n = id * 7
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s = %.0f req/s\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, non-2xx %d, timeout %d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
