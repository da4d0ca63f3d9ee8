import { createHash } from 'node:crypto'
import { MAX_SHEET_BYTES } from '../../batch/batch-limits.js'
import { runBatchScreening, writeBatchReports } from '../../batch/run-batch-screening.js'
import { SheetReadError } from '../../batch/sheet-read-error.js'
import type { LoadedRules } from '../../scoring/load-rules.js'
import type { FeishuFileApi } from './feishu-file-api.js'

/** How long a finished run is remembered (covers the pipeline's retries of one delivery round). */
const RUN_MEMORY_MS = 10 * 60_000
/** From this many firms on, a progress line is sent before the report. */
export const PROGRESS_FROM_FIRMS = 50
export const SHEET_RECEIVED_REPLY = (fileName: string) => `收到《${fileName}》，正在读取名单，完成后把初筛报告发给您。`
export const NOT_A_SHEET_REPLY = '目前只能读取 Excel（.xlsx）或 CSV 名单文件。可以发“模板”给控制台下载企业名单模板。'

/** A file sent to the bot in a private chat, as the route of a pipeline entry (kept durably with it). */
export interface SheetFileRoute extends Record<string, string> {
  sheetFileKey: string
  sheetFileName: string
}

const uuidOf = (messageId: string, part: string) =>
  createHash('sha256').update(`${messageId}:sheet:${part}`).digest('hex').slice(0, 32)

/** Whether a file name looks like a firm list this flow reads. */
export function isSheetFileName(fileName: string): boolean {
  return /\.(xlsx|csv)$/iu.test(fileName)
}

/**
 * Reads the file_key and file_name of a Feishu file message (content `{"file_key","file_name"}`); null for other
 * messages.
 */
export function sheetFileRoute(messageType: string, content: string | undefined): SheetFileRoute | null {
  if (messageType !== 'file') return null
  try {
    const parsed = JSON.parse(content ?? '{}') as { file_key?: unknown; file_name?: unknown }
    if (typeof parsed.file_key !== 'string' || !parsed.file_key) return null
    return {
      sheetFileKey: parsed.file_key,
      sheetFileName:
        typeof parsed.file_name === 'string' && parsed.file_name ? parsed.file_name.slice(0, 200) : '名单.xlsx',
    }
  } catch {
    return null
  }
}

/**
 * The park officer's Feishu flow: a firm list sent to the bot in a private chat comes back as a report file (.xlsx
 * for .xlsx, UTF-8-with-BOM .csv for .csv) with a short summary; a progress line for long lists; clear limits.
 * Every reply carries a uuid derived from the message, so a retried run never posts twice.
 */
export function createFeishuFileBatch(options: { api: FeishuFileApi; rules: () => LoadedRules }) {
  const { api } = options
  /**
   * Runs under way or just finished, by message id: a send attempt that timed out and is retried joins the same run
   * instead of starting another (a long list can outlast one attempt's timeout).
   */
  const runs = new Map<string, Promise<void>>()
  return {
    process(messageId: string, route: SheetFileRoute): Promise<void> {
      const existing = runs.get(messageId)
      if (existing) return existing
      const run = this.run(messageId, route).finally(() =>
        setTimeout(() => runs.delete(messageId), RUN_MEMORY_MS).unref(),
      )
      runs.set(messageId, run)
      // A failed run is forgotten at once so that the retry starts afresh.
      run.catch(() => runs.delete(messageId))
      return run
    },
    async run(messageId: string, route: SheetFileRoute): Promise<void> {
      const { sheetFileKey, sheetFileName } = route
      if (!isSheetFileName(sheetFileName))
        return api.replyText(messageId, NOT_A_SHEET_REPLY, uuidOf(messageId, 'refused'))
      let bytes: Buffer | null
      try {
        bytes = await api.download(messageId, sheetFileKey, MAX_SHEET_BYTES)
      } catch (error) {
        // A 4xx (file withdrawn or expired, no permission) will not change on retry: say so; the rest is retried.
        const status = (error as { response?: { status?: number } }).response?.status
        if (status !== undefined && status >= 400 && status < 500 && status !== 429)
          return api.replyText(
            messageId,
            `无法下载《${sheetFileName}》（可能已撤回或过期），请重新发送文件。`,
            uuidOf(messageId, 'download-failed'),
          )
        throw error
      }
      if (!bytes)
        return api.replyText(
          messageId,
          `文件不能超过 ${MAX_SHEET_BYTES / 1024 / 1024}MB，请分成几个文件再发。`,
          uuidOf(messageId, 'too-large'),
        )
      let batch
      try {
        batch = await runBatchScreening(bytes, sheetFileName, options.rules(), {
          onFirmsCounted: async (firms) => {
            if (firms >= PROGRESS_FROM_FIRMS)
              await api.replyText(
                messageId,
                `共 ${firms} 家企业，正在逐家评估，完成后发回报告文件…`,
                uuidOf(messageId, 'progress'),
              )
          },
        })
      } catch (error) {
        if (error instanceof SheetReadError)
          return api.replyText(
            messageId,
            `《${sheetFileName}》无法评估：${error.message}`,
            uuidOf(messageId, 'unreadable'),
          )
        throw error
      }
      const files = await writeBatchReports(batch)
      const base = sheetFileName.replace(/\.(xlsx|csv)$/iu, '')
      const isXlsx = batch.summary.format === 'xlsx'
      const fileKey = await api.upload(`${base}.report.${isXlsx ? 'xlsx' : 'csv'}`, isXlsx ? files.xlsx : files.csv)
      await api.replyFile(messageId, fileKey, uuidOf(messageId, 'report'))
      const lines = [`《${sheetFileName}》初筛完成：共 ${batch.reports.length} 家。`]
      for (const count of batch.summary.counts)
        lines.push(
          `${count.programName}：符合 ${count.verdicts.符合}${count.verdicts.有条件符合 ? `，有条件符合 ${count.verdicts.有条件符合}` : ''}，待定 ${count.verdicts.待定}，不符合 ${count.verdicts.不符合}`,
        )
      // The report's notes after the file line: unrecognised and unused columns, how columns were read, cell problems.
      lines.push(...batch.notes.slice(1))
      await api.replyText(messageId, lines.join('\n'), uuidOf(messageId, 'summary'))
    },
  }
}

export type FeishuFileBatch = ReturnType<typeof createFeishuFileBatch>
