/**
 * Splits policy text into sentences, keeping each sentence's own wording and closing punctuation.
 * Splits after 。；！？ and at line breaks; list items like "（1）…" stay whole.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.split(/\n+/)) {
    const parts = line.match(/[^。；！？!?]+[。；！？!?]*/g) ?? []
    for (const part of parts) {
      const sentence = part.trim()
      if (sentence.length > 1) sentences.push(sentence)
    }
  }
  return sentences
}
