import { z } from 'zod'
import { FactBoundsSchema } from '../facts/fact-bounds.js'
import { FACT_NAMES, FactsSchema, type FactName, type Facts } from '../facts/fact-schema.js'
import { PROGRAMS, type Program } from './programs.js'

const FactNameSchema = z.enum(FACT_NAMES as [FactName, ...FactName[]])
const ProgramSchema = z.enum(PROGRAMS)

export const TopicSchema = z.union([
  z.object({ kind: z.literal('policy'), cardIds: z.array(z.string()), query: z.string() }),
  z.object({ kind: z.literal('program'), programs: z.array(ProgramSchema) }),
])
export type Topic = z.infer<typeof TopicSchema>

/** The dialogue under way (expires when idle). */
export const DialogueStateSchema = z.object({
  schemaVersion: z.literal(1),
  mode: z.enum(['idle', 'assessing', 'confirming']),
  /** Programs being assessed, in tier order. */
  programs: z.array(ProgramSchema),
  /** The facts the last question asked for. */
  pending: z.array(FactNameSchema),
  /** How many replies in a row did not answer the pending question. */
  misses: z.number().int().min(0),
  lastTopic: TopicSchema.nullable(),
  /** The numbers of the last reply that set facts: what "多打了个0" or "不是2300是2800" corrects (absent in old records). */
  lastValues: z.array(z.object({ fact: FactNameSchema, value: z.number() })).optional(),
  /** An unsure reading waiting for 对/不对 ("您是说软件和信息技术服务业，对吗？"), not yet stored (absent in old records). */
  confirmation: z.object({ facts: FactsSchema, question: z.string() }).nullable().optional(),
  /** After a verdict with a score range, the user asked for the exact score: ask what still moves it. */
  exactScore: z.boolean().optional(),
})
export type DialogueState = z.infer<typeof DialogueStateSchema>

/** The enterprise profile (kept for the retention period). */
export const ProfileSchema = z.object({
  schemaVersion: z.literal(1),
  facts: FactsSchema,
  /** Facts the user said they do not know: not asked again, reported as unknown. */
  unknown: z.array(FactNameSchema),
  /** The programs of the last assessment, so that "继续" can resume after the dialogue expired. */
  lastPrograms: z.array(ProgramSchema),
  /**
   * What the owner said about figures not given ("营收没到一千万": revenue lt 1000), per fact not known exactly; the
   * rules decide from them what only needs the side of a threshold (absent in old records).
   */
  bounds: FactBoundsSchema.optional(),
})
export type Profile = z.infer<typeof ProfileSchema>

export function newDialogueState(): DialogueState {
  return {
    schemaVersion: 1,
    mode: 'idle',
    programs: [],
    pending: [],
    misses: 0,
    lastTopic: null,
    lastValues: [],
    confirmation: null,
  }
}

export function newProfile(): Profile {
  return { schemaVersion: 1, facts: {}, unknown: [], lastPrograms: [] }
}

/** Reads a stored dialogue state; anything unreadable starts a fresh dialogue (the profile is kept apart). */
export function readDialogueState(stored: unknown): DialogueState {
  const parsed = DialogueStateSchema.safeParse(stored)
  return parsed.success ? parsed.data : newDialogueState()
}

/**
 * Reads a stored profile, keeping every fact that is still valid when some are not (a schema change or a
 * damaged value never costs the user the rest of what they told us).
 */
export function readProfile(stored: unknown): Profile {
  const parsed = ProfileSchema.safeParse(stored)
  if (parsed.success) return parsed.data
  const profile = newProfile()
  if (stored && typeof stored === 'object') {
    const candidate = stored as { facts?: unknown; unknown?: unknown; lastPrograms?: unknown; bounds?: unknown }
    if (candidate.facts && typeof candidate.facts === 'object') {
      const facts: Record<string, unknown> = {}
      for (const [name, value] of Object.entries(candidate.facts as Record<string, unknown>)) {
        const single = FactsSchema.safeParse({ [name]: value })
        if (single.success) Object.assign(facts, single.data)
      }
      profile.facts = facts as Facts
    }
    const unknown = z.array(FactNameSchema).safeParse(candidate.unknown)
    if (unknown.success) profile.unknown = unknown.data
    const lastPrograms = z.array(ProgramSchema).safeParse(candidate.lastPrograms)
    if (lastPrograms.success) profile.lastPrograms = lastPrograms.data
    const bounds = FactBoundsSchema.safeParse(candidate.bounds)
    if (bounds.success && Object.keys(bounds.data).length > 0) profile.bounds = bounds.data
  }
  return profile
}

export type { Program }
