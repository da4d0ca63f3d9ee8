import type { SessionStore } from './session-store.js'
import type { WriteHealth } from './write-health.js'

/** Key of the readiness probe's write (SQLite dedupe row or Redis key). */
export const READINESS_PROBE_ID = 'readyz-probe'

/** Readiness of a store: it answers, a probe write succeeds, and no real write has failed recently. */
export function readiness(
  sessions: SessionStore,
  health: WriteHealth,
  probeWrite: () => Promise<unknown>,
): () => Promise<boolean> {
  return async () => {
    if (!(await sessions.ping().catch(() => false))) return false
    try {
      await probeWrite()
    } catch {
      health.recordFailure()
      return false
    }
    return !health.failing
  }
}
