-- wrk: POST /v1/render with keep-alive, cycling through requests of three templates and locales
-- (values of the customers' kind: accents, CJK, numbers), so that no one cached path is measured.
local bodies = {
  '{"template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "Ana", "days": 3}, "key": "1790000000000000001"}',
  '{"template": "acme-air/refund-delay", "locale": "fr-FR", "values": {"first_name": "Léa", "days": 12}, "key": "1790000000000000002"}',
  '{"template": "globex-mobile/thanks", "locale": "en-US", "values": {"first_name": "Ana"}}',
  '{"template": "acme-air/refund-delay", "locale": "ja-JP", "values": {"first_name": "ユキ", "days": 5}, "key": "1790000000000000003"}',
}
local counter = 0
local non200 = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/v1/render", nil, bodies[(counter % #bodies) + 1])
end

response = function(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if non200 <= 3 then io.stderr:write("non-200: " .. status .. " " .. body .. "\n") end
  end
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
