import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_SHEET_BYTES } from '../../batch/batch-limits.js'
import { BatchReportStore } from '../../batch/batch-report-store.js'
import { FACT_LABELS } from '../../facts/fact-labels.js'
import { describeTarget } from '../../batch/match-headers.js'
import { runBatchScreening, writeBatchReports } from '../../batch/run-batch-screening.js'
import { SheetReadError } from '../../batch/sheet-read-error.js'
import { loadSheetHeaderLexicon } from '../../batch/sheet-header-lexicon.js'
import { writeSheetTemplate } from '../../batch/write-sheet-template.js'
import type { LoadedRules } from '../../scoring/load-rules.js'
import { errorBody } from '../http-error.js'

/** Lists screened at once: each takes the CPU for seconds, the chat must stay responsive. */
export const MAX_CONCURRENT_BATCHES = 2

/** Upload size accepted on POST /batch: the sheet plus multipart overhead. */
export const MAX_BATCH_BODY_BYTES = MAX_SHEET_BYTES + 64 * 1024

const STATUS: Record<SheetReadError['code'], 400 | 413 | 415 | 422> = {
  FILE_TOO_LARGE: 413,
  TOO_MANY_ROWS: 413,
  UNSUPPORTED_FORMAT: 415,
  UNREADABLE_FILE: 422,
  EMPTY_SHEET: 422,
  AMBIGUOUS_COLUMNS: 422,
  NO_NAME_COLUMN: 422,
}

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const

/** `filename*` per RFC 5987 so Chinese names survive; an ASCII fallback for old clients. */
function attachment(fileName: string): string {
  return `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

const reportBase = (fileName: string) =>
  fileName.replace(/\.(xlsx|csv|txt)$/iu, '').replace(/[\\/:*?"<>|\r\n]+/gu, '_') || 'report'

/**
 * Batch screening over HTTP (mounted under /api/v1):
 * - `POST /batch` multipart/form-data, field `file` (.xlsx or .csv) → JSON summary, columns, one row per firm, reportId;
 * - `GET /batch/:reportId/report.xlsx|.csv|.md` → the report file;
 * - `GET /batch/template.xlsx` → the firm-list template.
 */
export function createBatchRoutes(deps: {
  rules: LoadedRules
  store?: BatchReportStore
  maxConcurrent?: number
}): Hono {
  const store = deps.store ?? new BatchReportStore()
  const maxConcurrent = deps.maxConcurrent ?? MAX_CONCURRENT_BATCHES
  let running = 0
  const routes = new Hono()
  const tooLarge = (context: Context) =>
    context.json(errorBody('FILE_TOO_LARGE', `文件不能超过 ${MAX_SHEET_BYTES / 1024 / 1024}MB，请分成几个文件`), 413)
  let template: Promise<Buffer> | undefined

  routes.get('/batch/template.xlsx', async (context) => {
    template ??= writeSheetTemplate()
    const body = await template
    return context.body(new Uint8Array(body), 200, {
      'content-type': TYPES.xlsx,
      'content-disposition': attachment('企业名单模板.xlsx'),
      'cache-control': 'no-cache',
    })
  })

  routes.post('/batch', bodyLimit({ maxSize: MAX_BATCH_BODY_BYTES, onError: tooLarge }), async (context) => {
    if (!(context.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
      return context.json(errorBody('INVALID_UPLOAD', '请用 multipart/form-data 上传，文件放在 file 字段'), 400)
    }
    let form: Record<string, unknown>
    try {
      form = await context.req.parseBody()
    } catch {
      return context.json(errorBody('INVALID_UPLOAD', '上传内容无法解析，请重新选择文件上传'), 400)
    }
    const file = form.file
    if (!(file instanceof File))
      return context.json(
        errorBody('INVALID_UPLOAD', '没有收到文件：请把 .xlsx 或 .csv 文件放在 file 字段', { file: '缺少文件' }),
        400,
      )
    if (file.size > MAX_SHEET_BYTES) return tooLarge(context)
    if (running >= maxConcurrent)
      return context.json(errorBody('BUSY', '正在评估其他名单，请稍后几秒再上传'), 429, { 'retry-after': '5' })
    running += 1
    try {
      const batch = await runBatchScreening(
        new Uint8Array(await file.arrayBuffer()),
        file.name || 'upload.csv',
        deps.rules,
      )
      const files = await writeBatchReports(batch)
      const reportId = store.add({ batch, files })
      const lexicon = loadSheetHeaderLexicon()
      const base = `/api/v1/batch/${reportId}`
      return context.json({
        reportId,
        fileName: batch.fileName,
        summary: batch.summary,
        notes: batch.notes,
        columns: {
          recognised: batch.screening.columns.recognised.map((column) => ({
            column: column.letter,
            header: column.header,
            target: column.target.kind === 'name' ? 'name' : column.target.fact,
            label:
              column.target.kind === 'fact'
                ? FACT_LABELS[column.target.fact].label
                : describeTarget(column.target, lexicon),
            unit: column.unit,
          })),
          unrecognised: batch.screening.columns.unrecognised.map((column) => ({
            column: column.letter,
            header: column.header,
            reason: column.reason,
          })),
        },
        rows: batch.reports,
        downloads: { xlsx: `${base}/report.xlsx`, csv: `${base}/report.csv`, md: `${base}/report.md` },
      })
    } catch (error) {
      if (error instanceof SheetReadError) return context.json(errorBody(error.code, error.message), STATUS[error.code])
      throw error
    } finally {
      running -= 1
    }
  })

  routes.get('/batch/:reportId/:file{report\\.(?:xlsx|csv|md)}', (context) => {
    const stored = store.get(context.req.param('reportId'))
    if (!stored)
      return context.json(errorBody('REPORT_NOT_FOUND', '报告不存在或已过期（保留1小时），请重新上传名单'), 404)
    const format = context.req.param('file').split('.').pop() as keyof typeof TYPES
    const body = format === 'md' ? Buffer.from(stored.files.md, 'utf8') : stored.files[format]
    return context.body(new Uint8Array(body), 200, {
      'content-type': TYPES[format],
      'content-disposition': attachment(`${reportBase(stored.batch.fileName)}.report.${format}`),
      'cache-control': 'no-store',
    })
  })
  return routes
}
