-- wrk: POST /v1/render with keep-alive, cycling through requests of three templates and locales
-- (values of the customers' kind: accents, CJK, numbers), so that no one cached path is measured.
--
-- The requests are formatted once, and responses are not handed to Lua: wrk shares the two cores
-- with the server, and what it spends per request is taken from the server. wrk counts every
-- response that is not 2xx or 3xx in `errors.status`, printed below; `curl -d @body URL` shows why.
local bodies = {
  '{"template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "Ana", "days": 3}, "key": "1790000000000000001"}',
  '{"template": "acme-air/refund-delay", "locale": "fr-FR", "values": {"first_name": "Léa", "days": 12}, "key": "1790000000000000002"}',
  '{"template": "globex-mobile/thanks", "locale": "en-US", "values": {"first_name": "Ana"}}',
  '{"template": "acme-air/refund-delay", "locale": "ja-JP", "values": {"first_name": "ユキ", "days": 5}, "key": "1790000000000000003"}',
}
local requests = {}
local counter = 0

init = function(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  for index, body in ipairs(bodies) do
    requests[index] = wrk.format(nil, "/v1/render", nil, body)
  end
end

request = function()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d timeout %d status %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("renders per second %.0f\n", summary.requests / (summary.duration / 1e6)))
end
