import type { MessageToken } from './tag-text.js'

type QualifierKind = 'year' | 'window' | 'keyword'

const KINDS: readonly QualifierKind[] = ['year', 'window', 'keyword']

function kindOf(token: MessageToken): QualifierKind | null {
  if (token.type === 'year' || token.type === 'window') return token.type
  if (token.type === 'keyword' && token.meaning.type === 'amount') return 'keyword'
  return null
}

/**
 * "去年、前年分别是3000万和2600万", "近两年和近三年融资分别是500万、800万", "发明专利和软著各3个": several years, spans or
 * fact keywords before 分别/各 take the numbers after it in order (one number after 各 or 都 goes to each). The clause is
 * rewritten as one clause per pair ("去年3000万，前年2600万"), keeping the words both share, so the clause grammar
 * reads it like any other list. A clause whose counts do not match is left as it is.
 */
export function distributeRespectively(tokens: readonly MessageToken[]): MessageToken[] {
  const result: MessageToken[] = []
  let segment: MessageToken[] = []
  const flush = (): void => {
    result.push(...distributeSegment(segment))
    segment = []
  }
  tokens.forEach((token, index) => {
    if (token.type === 'separator') {
      // "主营三年分别是一千八 两千一 两千五": figures after 分别 parted only by spaces are one list.
      if (token.text.trim() === '' && listContinues(segment, tokens[index + 1], tokens[index + 2])) return
      flush()
      result.push(token)
    } else segment.push(token)
  })
  flush()
  return result
}

/** Whether a lone figure after a space goes on the list of figures after 分别 in `segment`. */
function listContinues(
  segment: readonly MessageToken[],
  next: MessageToken | undefined,
  afterNext: MessageToken | undefined,
): boolean {
  const at = segment.findIndex((token) => token.type === 'respectively')
  if (at < 0 || segment[segment.length - 1]?.type !== 'quantity') return false
  if (!segment.slice(at + 1).every((token) => token.type === 'quantity' || kindOf(token) === 'keyword')) return false
  return next?.type === 'quantity' && (afterNext === undefined || afterNext.type === 'separator')
}

function distributeSegment(segment: MessageToken[]): MessageToken[] {
  // "去年前年都是200万": 都 before a single number gives it to each word before, like 各.
  const respectively = segment.findIndex((token) => token.type === 'respectively')
  const at = respectively >= 0 ? respectively : segment.findIndex((token) => token.type === 'all')
  if (at < 0) return segment
  // "近两年、近三年各融了一千万": a fact word right after 分别/各 is shared by every pair, as one before it is.
  let first = at + 1
  while (first < segment.length && kindOf(segment[first]!) === 'keyword') first += 1
  const before = [...segment.slice(0, at), ...segment.slice(at + 1, first)]
  // "分别是3000万和2600万呢": a closing particle or sign is no number.
  const after = segment.slice(first).filter((token) => token.type !== 'yes' && token.type !== 'filler')
  if (after.length === 0 || after.some((token) => token.type !== 'quantity')) return segment
  const kind = KINDS.find((candidate) => before.filter((token) => kindOf(token) === candidate).length >= 2)
  if (!kind) return spreadOverYears(segment, before, after)
  const qualifiers = before.filter((token) => kindOf(token) === kind)
  // Only 各 gives one number to each ("各3个"); 分别 with fewer numbers than words is asked again.
  const each = (segment[at].type === 'all' || segment[at].text.startsWith('各')) && after.length === 1
  if (after.length !== qualifiers.length && !each) return segment
  const shared = before.filter((token) => kindOf(token) !== kind)
  const rewritten: MessageToken[] = []
  qualifiers.forEach((qualifier, index) => {
    const quantity = each ? after[0] : after[index]
    if (index > 0) {
      const previous = rewritten[rewritten.length - 1]
      rewritten.push({ start: previous.end, end: previous.end, text: '', type: 'separator' })
    }
    rewritten.push(...[...shared, qualifier].sort((left, right) => left.start - right.start), quantity)
  })
  return rewritten
}

/**
 * "研发费用两年都是两百万", "两年都没超过一千万": a span of N years before 都/各 with one number gives it to each of
 * those years (上年度, 前年 …), unless the fact is counted by span itself (股权融资近两年).
 */
function spreadOverYears(segment: MessageToken[], before: MessageToken[], after: MessageToken[]): MessageToken[] {
  const windows = before.filter((token) => token.type === 'window')
  const [span] = windows
  if (windows.length !== 1 || span.type !== 'window' || span.years < 2 || after.length !== 1) return segment
  if (
    before.some((token) => token.type === 'keyword' && token.meaning.type === 'amount' && token.meaning.topic.windows)
  )
    return segment
  const shared = before.filter((token) => token !== span)
  const rewritten: MessageToken[] = []
  for (let offset = 0; offset < span.years; offset += 1) {
    if (offset > 0) {
      const previous = rewritten[rewritten.length - 1]
      rewritten.push({ start: previous.end, end: previous.end, text: '', type: 'separator' })
    }
    const year: MessageToken = { ...span, type: 'year', year: { kind: 'offset', offset } }
    rewritten.push(...[...shared, year].sort((left, right) => left.start - right.start), after[0])
  }
  return rewritten
}
