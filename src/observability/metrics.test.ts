import { describe, expect, it } from 'vitest'
import { Metrics } from './metrics.js'

describe('Metrics', () => {
  it('renders counters, gauges and histograms in Prometheus text format', () => {
    const metrics = new Metrics()
    metrics.httpRequests.inc({ route: '/api/v1/search', status: '200' })
    metrics.httpRequests.inc({ route: '/api/v1/search', status: '200' })
    metrics.llmFallbacks.inc({ reason: 'ungrounded' })
    metrics.queueDepth.set(() => 3)
    metrics.httpLatency.observe(0.004, { route: '/healthz' })
    const text = metrics.render()
    expect(text).toContain('advisor_http_requests_total{route="/api/v1/search",status="200"} 2')
    expect(text).toContain('advisor_llm_fallbacks_total{reason="ungrounded"} 1')
    expect(text).toContain('advisor_queue_depth 3')
    expect(text).toContain('advisor_http_request_duration_seconds_bucket{route="/healthz",le="0.005"} 1')
    expect(text).toContain('advisor_http_request_duration_seconds_bucket{route="/healthz",le="0.001"} 0')
    expect(text).toContain('advisor_http_request_duration_seconds_count{route="/healthz"} 1')
    expect(text).toContain('# TYPE advisor_dedupe_hits_total counter')
  })

  it('escapes label values', () => {
    const metrics = new Metrics()
    metrics.turns.inc({ channel: 'we"chat\n' })
    expect(metrics.render()).toContain('advisor_turns_total{channel="we\\"chat\\n"} 1')
  })

  it('keys a series by its labels whatever their order, escaping backslashes too', () => {
    const metrics = new Metrics()
    metrics.httpRequests.inc({ status: '200', route: '/a' })
    metrics.httpRequests.inc({ route: '/a', status: '200' })
    metrics.turns.inc({ channel: 'a\\b' })
    const text = metrics.render()
    expect(text).toContain('advisor_http_requests_total{route="/a",status="200"} 2')
    expect(text).toContain('advisor_turns_total{channel="a\\\\b"} 1')
  })
})
