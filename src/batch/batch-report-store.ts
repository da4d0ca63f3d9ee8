import { randomUUID } from 'node:crypto'
import type { BatchScreening } from './run-batch-screening.js'

export interface StoredReport {
  batch: BatchScreening
  files: { xlsx: Buffer; csv: Buffer; md: string }
  createdAt: number
}

/**
 * The reports of recent uploads, kept in memory for download (one process; a report expires after `ttlMs` or when
 * `capacity` newer ones arrive). Ids are random UUIDs, so one officer cannot guess another's report.
 */
export class BatchReportStore {
  private readonly reports = new Map<string, StoredReport>()

  constructor(
    private readonly options: { capacity: number; ttlMs: number; now?: () => number } = {
      capacity: 50,
      ttlMs: 60 * 60 * 1000,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now()
  }

  add(report: Omit<StoredReport, 'createdAt'>): string {
    const id = randomUUID()
    this.reports.set(id, { ...report, createdAt: this.now() })
    while (this.reports.size > this.options.capacity) this.reports.delete(this.reports.keys().next().value as string)
    return id
  }

  get(id: string): StoredReport | undefined {
    const report = this.reports.get(id)
    if (!report) return undefined
    if (this.now() - report.createdAt > this.options.ttlMs) {
      this.reports.delete(id)
      return undefined
    }
    return report
  }
}
