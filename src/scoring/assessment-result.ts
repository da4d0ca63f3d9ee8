import type { FactName } from '../facts/fact-schema.js'

export type ProgramId = 'innovative' | 'specialized' | 'little-giant'
export type SizeClass = 'micro' | 'small' | 'medium' | 'large'
/** Three-valued: unknown is not No. */
export type Status = 'passed' | 'failed' | 'unknown'

export interface ConditionResult {
  id: string
  name: string
  /** The sentence of the standard the condition encodes. */
  text: string
  status: Status
  /** A 直通 (direct) condition: alone it qualifies. */
  direct: boolean
  /** Facts the condition reads. */
  facts: FactName[]
  /** Of those, the unknown ones. */
  needs: FactName[]
  /** When failed: only the parts that fail, each with the firm's value and the one needed; else empty. */
  unmet: UnmetPart[]
}

/** One failing part of a condition: "建立研发机构级别：无，需国家级/省级/市级/市级以下". */
export interface UnmetPart {
  /** The fact, derived value or score read; 'size' for the SME size; 'alternatives' for "A；或B" (then label/actual/needed are empty). */
  subject: string
  label: string
  actual: string
  needed: string
  /** The part as one short Chinese line. */
  text: string
}

export interface ItemResult {
  id: string
  number: number
  name: string
  dimension: string
  dimensionName: string
  /** The indicator's value as shown to users ("3.2%", "I类知识产权 2项"), null when unknown. */
  actual: string | null
  /** The band or case reached ("B. 3%-5%"), null when unknown. */
  band: string | null
  /** The score when known, else null (see minScore/maxScore). */
  score: number | null
  minScore: number
  maxScore: number
  max: number
  needs: FactName[]
  text: string
}

export interface DimensionResult {
  id: string
  name: string
  /** Points certainly reached (equals the score when every item is known). */
  score: number
  /** Points reachable if every unknown fact turned out best. */
  maxPossible: number
  max: number
}

export interface AdviceItem {
  /** 'indicator': the next band of an indicator; 'condition': a condition to meet; 'direct': a 直通 alternative. */
  kind: 'indicator' | 'condition' | 'direct'
  /** The indicator's or condition's id. */
  id: string
  /** The indicator's or condition's Chinese name. */
  name: string
  /** One short Chinese sentence: what to reach, the fact value that reaches it, the points it brings. */
  text: string
  /** For an indicator: its score now, the band reached and its score. */
  currentScore?: number
  nextBand?: string
  nextScore?: number
  pointsGained?: number
  /**
   * The fact change that reaches it, when one number decides it: the exact edge rounded to two decimals (whole
   * numbers for head counts) towards the safe side, so the named value always reaches the band.
   */
  target?: { fact: FactName; value: number }
}

export interface CheapestPath {
  /** The smallest set of changes found (fewest indicators, then fewest points); empty when already eligible. */
  changes: AdviceItem[]
  text: string
}

export interface Prerequisite {
  program: ProgramId
  name: string
  /** Whether the firm holds that title: true, false, or null when not told. */
  held: boolean | null
  text: string
}

export interface AssessmentResult {
  program: ProgramId
  programName: string
  /** true / false, or null when the verdict depends on unknown facts (listed in `missing`). */
  eligible: boolean | null
  /** Points certainly reached; null for little-giant (no points). */
  total: number | null
  /** Points reachable if every unknown fact turned out best; null for little-giant. */
  totalMax: number | null
  dimensions: DimensionResult[]
  items: ItemResult[]
  conditions: ConditionResult[]
  /** Unknown facts that can still change the verdict, most decisive first. */
  missing: FactName[]
  advice: AdviceItem[]
  cheapestPath: CheapestPath | null
  prerequisite: Prerequisite | null
  size: SizeClass | null
  /** Ids of the cards that hold the standard's text, for citations. */
  sourceCardIds: string[]
  source: string
}
