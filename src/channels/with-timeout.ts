/** The error of an outbound call that took longer than its budget. */
export class TimeoutError extends Error {
  override name = 'TimeoutError'
  readonly retriable = true
}

/**
 * Runs `task` with a deadline: rejects with a TimeoutError after `ms` and aborts the signal handed to the task, so
 * the caller moves on even when the call underneath never settles.
 */
export async function withTimeout<T>(task: (signal: AbortSignal) => Promise<T>, ms: number, what: string): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(`${what} timed out after ${ms} ms`)
      controller.abort(error)
      reject(error)
    }, ms)
  })
  try {
    return await Promise.race([task(controller.signal), deadline])
  } finally {
    clearTimeout(timer)
  }
}
