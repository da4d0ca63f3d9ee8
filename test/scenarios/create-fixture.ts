import { expect } from 'vitest'
import { DialogueManager } from '../../src/dialogue/dialogue-manager.js'
import { loadTierBenefits } from '../../src/dialogue/load-tier-benefits.js'
import { loadCards } from '../../src/knowledge/load-cards.js'
import type { Phraser } from '../../src/phrasing/phraser.js'
import { TemplatePhraser } from '../../src/phrasing/template-phraser.js'
import { loadRules } from '../../src/scoring/load-rules.js'
import { loadSynonyms } from '../../src/search/load-synonyms.js'
import { createPolicyIndex } from '../../src/search/policy-index.js'
import { MemorySessionStore } from '../../src/store/memory-session-store.js'
import type { SessionKey, SessionStore } from '../../src/store/session-store.js'

const index = createPolicyIndex(loadCards(), { synonyms: loadSynonyms() })
const rules = loadRules()
const benefits = loadTierBenefits()

/** One expected reply: a pattern it must match, or a check. */
export type Expectation = RegExp | ((reply: string, state: TurnState) => void)
export interface TurnState {
  mode: string
  programs: string[]
  pending: string[]
  facts: Record<string, unknown>
  unknown: string[]
  citations: Array<{ id: string; title: string }>
}

/**
 * A scripted conversation with the real dialogue manager (real cards, rules and fact extraction; in-memory
 * store; template phrasing unless a phraser is given). Each step says what the user types and what the reply must say.
 */
export function createFixture(
  options: { sessions?: SessionStore; phraser?: Phraser; key?: SessionKey; now?: () => number } = {},
) {
  const sessions = options.sessions ?? new MemorySessionStore()
  const manager = new DialogueManager({
    sessions,
    search: index,
    rules,
    benefits,
    phraser: options.phraser ?? new TemplatePhraser(),
    now: options.now,
  })
  const key = options.key ?? { channel: 'test', chatId: 'chat', userId: 'owner' }
  const transcript: string[] = []
  return {
    manager,
    sessions,
    transcript,
    async say(text: string, ...expectations: Expectation[]): Promise<{ reply: string; state: TurnState }> {
      const { reply, state } = await manager.chat(key, text)
      transcript.push(`用户：${text}`, `助手：${reply.text}`)
      const turn: TurnState = { ...state, citations: reply.citations }
      for (const expectation of expectations) {
        if (expectation instanceof RegExp)
          expect(reply.text, `reply to “${text}”\n${transcript.join('\n')}`).toMatch(expectation)
        else expectation(reply.text, turn)
      }
      return { reply: reply.text, state: turn }
    },
  }
}

/** Shortcut: the reply must not match. */
export const not =
  (pattern: RegExp): Expectation =>
  (reply) =>
    expect(reply).not.toMatch(pattern)
/** Shortcut: a fact must have this value afterwards. */
export const fact =
  (name: string, value: unknown): Expectation =>
  (_reply, state) =>
    expect(state.facts[name], name).toEqual(value)
/** Shortcut: a card must be cited. */
export const cites =
  (id: string): Expectation =>
  (_reply, state) =>
    expect(state.citations.map((citation) => citation.id)).toContain(id)
/** Shortcut: the dialogue is in this mode afterwards. */
export const mode =
  (expected: string): Expectation =>
  (_reply, state) =>
    expect(state.mode).toBe(expected)
