/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, gauges and histograms with labels.
 * Kept in-process and dependency-free; each replica exposes its own /metrics.
 */
type Labels = Record<string, string>

const NEEDS_ESCAPE = /[\\"\n]/

/** Prometheus label value escaping; most values (routes, statuses) need none, so one test skips the replaces. */
function escapeLabel(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value
}

/** The series key, e.g. `{route="/x",status="200"}`: called on every HTTP request, so no array building for one or two labels. */
function labelKey(labels: Labels): string {
  const names = Object.keys(labels)
  if (names.length === 0) return ''
  if (names.length > 1) names.sort()
  let key = '{'
  for (let index = 0; index < names.length; index += 1) {
    if (index > 0) key += ','
    key += `${names[index]}="${escapeLabel(String(labels[names[index]]))}"`
  }
  return `${key}}`
}

interface Metric {
  render(): string
}

export class Counter implements Metric {
  readonly #values = new Map<string, number>()
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, value = 1): void {
    const key = labelKey(labels)
    this.#values.set(key, (this.#values.get(key) ?? 0) + value)
  }

  get(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels)) ?? 0
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    if (this.#values.size === 0) lines.push(`${this.name} 0`)
    for (const [key, value] of this.#values) lines.push(`${this.name}${key} ${value}`)
    return lines.join('\n')
  }
}

export class Gauge implements Metric {
  readonly #values = new Map<string, number | (() => number)>()
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  set(value: number | (() => number), labels: Labels = {}): void {
    this.#values.set(labelKey(labels), value)
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`]
    for (const [key, value] of this.#values)
      lines.push(`${this.name}${key} ${typeof value === 'function' ? value() : value}`)
    return lines.join('\n')
  }
}

export class Histogram implements Metric {
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>()
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}

  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels)
    let series = this.#series.get(key)
    if (!series) {
      series = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }
      this.#series.set(key, series)
    }
    for (let index = 0; index < this.buckets.length; index += 1)
      if (value <= this.buckets[index]) series.counts[index] += 1
    series.sum += value
    series.count += 1
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    for (const [key, series] of this.#series) {
      const inner = key === '' ? '' : key.slice(1, -1)
      const withLe = (le: string) => `{${inner ? `${inner},` : ''}le="${le}"}`
      this.buckets.forEach((bucket, index) =>
        lines.push(`${this.name}_bucket${withLe(String(bucket))} ${series.counts[index]}`),
      )
      lines.push(`${this.name}_bucket${withLe('+Inf')} ${series.count}`)
      lines.push(`${this.name}_sum${key} ${series.sum}`)
      lines.push(`${this.name}_count${key} ${series.count}`)
    }
    return lines.join('\n')
  }
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** The product's metrics. One instance per process, passed to whoever records. */
export class Metrics {
  readonly httpRequests = new Counter('advisor_http_requests_total', 'HTTP requests by route and status')
  readonly httpLatency = new Histogram('advisor_http_request_duration_seconds', 'HTTP request latency', LATENCY_BUCKETS)
  readonly turns = new Counter('advisor_turns_total', 'Dialogue turns by channel')
  readonly turnLatency = new Histogram('advisor_turn_duration_seconds', 'Dialogue turn latency', LATENCY_BUCKETS)
  readonly llmCalls = new Counter('advisor_llm_calls_total', 'LLM phrasing calls by outcome')
  readonly llmFallbacks = new Counter(
    'advisor_llm_fallbacks_total',
    'LLM answers replaced by the template, by reason (timeout, error, ungrounded, empty)',
  )
  readonly dedupeHits = new Counter('advisor_dedupe_hits_total', 'Platform events dropped as duplicates, by channel')
  readonly inboundEvents = new Counter(
    'advisor_inbound_events_total',
    'Inbound pipeline: replies sent, send failures, abandoned and recovered entries, by channel',
  )
  readonly queueDepth = new Gauge('advisor_queue_depth', 'Turns waiting or running in the per-user queues')
  readonly sessions = new Gauge('advisor_sessions', 'Sessions kept in the store (sampled)')
  readonly #all: Array<{ render(): string }> = [
    this.httpRequests,
    this.httpLatency,
    this.turns,
    this.turnLatency,
    this.llmCalls,
    this.llmFallbacks,
    this.dedupeHits,
    this.inboundEvents,
    this.queueDepth,
    this.sessions,
  ]

  render(): string {
    return `${this.#all.map((metric) => metric.render()).join('\n')}\n`
  }
}
