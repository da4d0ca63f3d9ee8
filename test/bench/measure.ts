import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/** A full collection (the bench runs with --expose-gc set here). */
export function collectGarbage(): void {
  collect()
}

/** Heap in MB after a full collection. */
export function heapAfterGc(): number {
  collect()
  collect()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** The p-th percentile (0–100) of samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((left, right) => left - right)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? 0
}

export interface BenchRow {
  name: string
  values: Record<string, string>
}

export function printTable(title: string, rows: readonly BenchRow[]): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))]
  console.log(`\n### ${title}\n`)
  console.log(`| | ${columns.join(' | ')} |`)
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`)
  for (const row of rows)
    console.log(`| ${row.name} | ${columns.map((column) => row.values[column] ?? '').join(' | ')} |`)
}

/**
 * Wall and CPU time (µs) of one synchronous call. On a loaded machine the wall time's tail is mostly time spent
 * descheduled; the process's CPU time leaves that out, so both are printed.
 */
export function timeCall(call: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage()
  const started = process.hrtime.bigint()
  call()
  const wall = Number(process.hrtime.bigint() - started) / 1000
  const used = process.cpuUsage(cpu)
  return { wall, cpu: used.user + used.system }
}

/**
 * Times each search on every question, `rounds` times, the sides alternating question by question (so machine load
 * hits them alike), after one warm-up pass over every question (JIT, first-hit caches). Wall and CPU µs per side.
 */
export function timeAlternating<Side extends string>(
  searches: Record<Side, (question: string) => unknown>,
  questions: readonly string[],
  rounds: number,
): { samples: Record<Side, number[]>; cpu: Record<Side, number[]> } {
  const sides = Object.keys(searches) as Side[]
  const samples = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<Side, number[]>
  const cpu = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<Side, number[]>
  for (const question of questions) for (const side of sides) searches[side](question)
  for (let round = 0; round < rounds; round += 1)
    for (const question of questions)
      for (const side of sides) {
        const time = timeCall(() => searches[side](question))
        samples[side].push(time.wall)
        cpu[side].push(time.cpu)
      }
  return { samples, cpu }
}
