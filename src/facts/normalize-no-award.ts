/**
 * "No science award" sent as `sciAwardLevel: "none"` with `sciAwardRank: 0` (how forms and spreadsheets often
 * say it): the rank means nothing without an award, so it is dropped instead of failing the rank's 1–1000
 * range. A rank of 0 next to a real award level is left alone and still rejected.
 */
export function normalizeNoAward(facts: unknown): unknown {
  if (!facts || typeof facts !== 'object' || Array.isArray(facts)) return facts
  const record = facts as Record<string, unknown>
  if (record.sciAwardLevel !== 'none' || record.sciAwardRank !== 0) return facts
  const { sciAwardRank: _dropped, ...rest } = record
  return rest
}
