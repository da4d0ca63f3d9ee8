/** An industry word of a message, by position; `main` is set when the message calls it the main activity. */
export interface ActivityMention {
  start: number
  end: number
  main: boolean
  /** Set when the message calls it a side line (带个小餐厅, 批发只是顺带). */
  secondary?: boolean
}

/**
 * "主要做云计算，也卖服务器" (the first industry word after 主要), "做IDC和云服务，IDC为主" (the last one before 为主):
 * marks the mentions the message calls its main activity. The words come from industries.json `mainActivity`.
 * Every mention at the same position (a word that fits two industries) is marked together.
 */
export function markMainActivity(
  text: string,
  mentions: ActivityMention[],
  words: {
    before: readonly string[]
    after: readonly string[]
    secondary?: readonly string[]
    secondaryAfter?: readonly string[]
  },
): void {
  const occurrences = (word: string): number[] => {
    const found: number[] = []
    for (let index = text.indexOf(word); index >= 0; index = text.indexOf(word, index + word.length)) found.push(index)
    return found
  }
  const mark = (start: number) => {
    for (const mention of mentions) if (mention.start === start) mention.main = true
  }
  for (const word of words.before)
    for (const index of occurrences(word)) {
      const next = mentions.find((mention) => mention.start >= index + word.length)
      if (next) mark(next.start)
    }
  for (const word of words.after)
    for (const index of occurrences(word)) {
      const previous = mentions.findLast((mention) => mention.end <= index)
      if (previous) mark(previous.start)
    }
  // "五十来间客房 带个小餐厅", "批发只是顺带": the side line's mention, next to its word.
  const side = (start: number) => {
    for (const mention of mentions) if (mention.start === start) mention.secondary = true
  }
  for (const word of words.secondary ?? [])
    for (const index of occurrences(word)) {
      const next = mentions.find((mention) => mention.start >= index + word.length)
      if (next && next.start - (index + word.length) <= 3) side(next.start)
    }
  for (const word of words.secondaryAfter ?? [])
    for (const index of occurrences(word)) {
      const previous = mentions.findLast((mention) => mention.end <= index)
      if (previous && index - previous.end <= 2) side(previous.start)
    }
}
