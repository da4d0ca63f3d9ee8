import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimDataDir } from '../../src/store/claim-data-dir.js'
import { startServer } from './spawn-server.js'

describe('one writer per SQLite file (real processes)', () => {
  it('a second server on the same DATA_DIR without REDIS_URL refuses to start, and says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-one-writer-'))
    const first = await startServer({ DATA_DIR: dataDir })
    try {
      await first.chat('owner', '测一下创新型中小企业')
      const refused = startServer({ DATA_DIR: dataDir })
      await expect(refused).rejects.toThrow(
        /server exited: .*DATA_DIR .* is already used by another running process \(pid \d+ on .*\).*REDIS_URL/s,
      )
      // The first one keeps serving, with nothing lost.
      expect((await first.chat('owner', '是的')).state.facts).toMatchObject({ registeredInBeijing: true })
    } finally {
      await first.stop()
    }
  }, 60_000)

  it('a claim left by kill -9 does not block the restart, and the data is all there', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-stale-lock-'))
    const first = await startServer({ DATA_DIR: dataDir })
    await first.chat('owner', '测一下创新型中小企业')
    await first.chat('owner', '是的')
    await first.stop('SIGKILL')
    expect(existsSync(join(dataDir, 'advisor.lock'))).toBe(true)
    const second = await startServer({ DATA_DIR: dataDir })
    try {
      expect((await second.chat('owner', '我的信息')).reply).toContain('您已提供')
    } finally {
      await second.stop()
    }
    // A clean stop releases the claim too.
    claimDataDir(dataDir).release()
  }, 60_000)

  it('within one process a second claim is refused until the first is released', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-claim-'))
    const claim = claimDataDir(dataDir)
    expect(() => claimDataDir(dataDir)).toThrow(/already used by another running process \(pid \d+/)
    claim.release()
    claimDataDir(dataDir).release()
  })
})
