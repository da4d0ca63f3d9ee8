import { describe, expect, it } from 'vitest'
import { plantBuildSeeds, takeBuildSeed } from './build-seeds.js'

describe('build seeds', () => {
  it('hands a planted value out once, then nothing', () => {
    const lexicon = { words: new Map([['没问题', 'yes']]) }
    plantBuildSeeds({ lexicon })
    expect(takeBuildSeed('lexicon')).toBe(lexicon)
    expect(takeBuildSeed('lexicon')).toBeUndefined()
  })

  it('gives nothing for a name never planted, and ignores undefined values', () => {
    plantBuildSeeds({ terms: undefined })
    expect(takeBuildSeed('terms')).toBeUndefined()
    expect(takeBuildSeed('answerAspects')).toBeUndefined()
  })
})
