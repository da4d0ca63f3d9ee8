import { currentLexicon } from './current-lexicon.js'
import type { Lexicon } from './load-lexicon.js'

const CLOSING_MARKS = /[\s!！。.~～?？]*$/u

/**
 * "个体户能评吗哈", "前面说的1500是23年的哦", "研发费用包括工资不啊": a modal particle closing the message
 * (reply-words.json `closingParticles`) says nothing, so it is dropped before the message is read and 吗/不/的 close
 * it again. The closing marks after it stay; a message of particles alone ("哦哦") is kept as it is.
 */
export function dropClosingParticles(text: string, lexicon: Lexicon = currentLexicon()): string {
  const marks = CLOSING_MARKS.exec(text)?.[0] ?? ''
  let body = text.slice(0, text.length - marks.length)
  for (;;) {
    const particle = lexicon.closingParticles.find((word) => body.endsWith(word))
    if (particle === undefined) break
    const rest = body.slice(0, body.length - particle.length).replace(/[\s，,]+$/u, '')
    if ([...rest].every((char) => lexicon.closingParticles.includes(char) || /[\s\p{P}]/u.test(char))) break
    body = rest
  }
  return body + marks
}
