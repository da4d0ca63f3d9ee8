import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { currentLexicon, reloadLexicon } from './current-lexicon.js'
import { DEFAULT_LEXICON_DIR, loadLexicon } from './load-lexicon.js'
import { tagText } from './tag-text.js'
import { toSimplified } from './to-simplified.js'

const copies: string[] = []
function copyLexicon(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'))
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true })
  copies.push(dir)
  return dir
}
afterEach(() => {
  reloadLexicon(DEFAULT_LEXICON_DIR)
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('loadLexicon', () => {
  it('merges every file; a program name may also be a fact keyword', () => {
    const lexicon = loadLexicon()
    expect(lexicon.words.get('没问题')?.tag).toEqual({ type: 'yes', fine: true })
    expect(lexicon.words.get('创新型中小企业')).toMatchObject({ tag: { type: 'keyword' }, program: 'innovative' })
    expect(lexicon.words.get('补贴')).toMatchObject({ tag: { type: 'keyword' }, cue: 'policy' })
    expect(lexicon.commands.get('重新开始')).toBe('reset')
  })

  it('lists no word with a traditional character: normalisation folds them before the tagger reads', () => {
    const lexicon = loadLexicon()
    const folded = [...lexicon.words.keys()].filter((word) => toSimplified(word, lexicon) !== word)
    expect(folded).toEqual([])
  })

  it('reads the mistyped forms of variants.json in every word that contains the word', () => {
    const lexicon = loadLexicon()
    expect(lexicon.words.get('研法人员')).toBe(lexicon.words.get('研发人员'))
    expect(lexicon.words.get('赢收')).toBe(lexicon.words.get('营收'))
    expect(lexicon.words.get('小巨仁')).toMatchObject({ program: 'little-giant' })
    expect(tagText('做软见外包').map((token) => token.type)).toEqual(['cue', 'keyword'])
  })

  it('words that differ only in the case of Latin letters mean the same (the tagger folds case)', () => {
    const lexicon = loadLexicon()
    const byFolded = new Map<string, string>()
    for (const [word, meaning] of lexicon.words) {
      const folded = word.toLowerCase()
      const seen = byFolded.get(folded)
      if (seen === undefined) byFolded.set(folded, JSON.stringify(meaning))
      else expect([word, JSON.stringify(meaning)]).toEqual([word, seen])
    }
  })

  it('maps traditional characters to simplified ones, and refuses one a lexicon word holds', () => {
    expect(loadLexicon().simplified.get('對')).toBe('对')
    const dir = copyLexicon()
    const path = join(dir, 'fact-keywords.json')
    const file = JSON.parse(readFileSync(path, 'utf8'))
    file.entries[0].words.push('營業額')
    writeFileSync(path, JSON.stringify(file))
    expect(() => loadLexicon(dir)).toThrow(/traditional\.json: lexicon word “營業額” holds traditional “營”/u)
  })

  it('refuses a variant that no lexicon word contains', () => {
    const dir = copyLexicon()
    writeFileSync(
      join(dir, 'variants.json'),
      JSON.stringify({ schemaVersion: 1, entries: [{ word: '不存在的词', typed: ['不存再的词'] }] }),
    )
    expect(() => loadLexicon(dir)).toThrow(/variants\.json: no lexicon word contains “不存在的词”/u)
  })

  it('refuses a word listed twice, naming both files', () => {
    const dir = copyLexicon()
    const path = join(dir, 'industries.json')
    const file = JSON.parse(readFileSync(path, 'utf8'))
    file.entries[0].words.push('没有')
    writeFileSync(path, JSON.stringify(file))
    expect(() => loadLexicon(dir)).toThrow(
      /industries\.json: “没有” is already listed in|reply-words\.json: “没有” is already listed in industries\.json/u,
    )
  })

  it('refuses a file that breaks its schema, and a failed reload changes nothing', () => {
    const dir = copyLexicon()
    writeFileSync(
      join(dir, 'places.json'),
      JSON.stringify({ schemaVersion: 1, entries: [{ beijing: 'yes', words: ['海淀'] }] }),
    )
    expect(() => loadLexicon(dir)).toThrow(/places\.json: entries\.0\.beijing/u)
    const before = currentLexicon()
    expect(() => reloadLexicon(dir)).toThrow()
    expect(currentLexicon()).toBe(before)
  })

  it('a reload takes new words at once', () => {
    const dir = copyLexicon()
    const path = join(dir, 'reply-words.json')
    const file = JSON.parse(readFileSync(path, 'utf8'))
    expect(tagText('稳稳当当').map((token) => token.type)).toEqual([])
    file.entries.find((entry: { type: string }) => entry.type === 'affirm').words.push('稳稳当当')
    writeFileSync(path, JSON.stringify(file))
    reloadLexicon(dir)
    expect(tagText('稳稳当当').map((token) => token.type)).toEqual(['yes'])
  })
})

describe('tagText: the longest entry wins', () => {
  it.each([
    ['没问题', ['yes']],
    ['没有', ['no']],
    ['对，没毛病', ['yes', 'separator', 'yes']],
    ['不算，我们就是传统的', ['no', 'separator', 'filler']],
    ['不是分公司', ['keyword']],
    ['没有要改的', ['confirm']],
    ['不知道算不算', ['unknown']],
    ['没到一千万', ['quantity']],
  ])('%s → %j', (text, types) => {
    expect(tagText(text).map((token) => token.type)).toEqual(types)
  })

  it('a compound is one word when listed (工业软件), else its parts (工业 + 互联网)', () => {
    expect(tagText('工业软件').map((token) => token.text)).toEqual(['工业软件'])
    expect(tagText('工业互联网').map((token) => token.text)).toEqual(['工业', '互联网'])
  })
})
