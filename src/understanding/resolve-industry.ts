import type { Lexicon } from './load-lexicon.js'
import { markMainActivity } from './mark-main-activity.js'

/** An industry word of a message, with what its clause says about it. */
export interface IndustryMention {
  value: string
  explicit: boolean
  /** Its clause says it is the main activity ("以软件为主", "主要做云计算"). */
  main: boolean
  /** Its clause calls it a side line ("带个小餐厅", "批发只是顺带"): it counts half. */
  secondary?: boolean
  /** Several adjacent industry words read as one ("花卉批发", "钢材贸易"). */
  joined?: boolean
  /** Named right after a selling verb ("卖电脑硬件"): goods the firm sells, which says nothing of making them. */
  sold?: boolean
  start: number
  end: number
  raw: string
}

/** The industry read best, with its weight and evidence, the other readings, and whether another weighs as much. */
export interface IndustryReading {
  value: string
  score: number
  raw: string
  alternatives: Array<{ value: string; score: number; raw: string }>
  unsure: boolean
}

type Words = Pick<
  Lexicon,
  | 'mainActivity'
  | 'trades'
  | 'producers'
  | 'supplierMarkers'
  | 'ownProduction'
  | 'outsourcedProduction'
  | 'sellingMarkers'
  | 'consumers'
>

/**
 * The industry a message names. Adjacent industry words form one compound whose last part decides
 * (工业软件 → software, 芯片设计 → software); a name of the standard (软件业) outweighs a description (做APP的),
 * and the activity a clause calls the main one (主要/为主) outweighs both.
 * Two different readings of equal weight leave the answer unsure: the dialogue asks to confirm the first.
 * `customerNamed`: an industry word of the message named a customer ("客户是幼儿园", "给奶茶店供货").
 */
export function resolveIndustry(
  text: string,
  mentions: IndustryMention[],
  lexicon: Words,
  customerNamed: boolean,
): IndustryReading | null {
  const buys = buysItsGoods(text, lexicon)
  if (mentions.length === 0) {
    // "客户是幼儿园 给他们供绘本 从出版社进的货": goods bought and sold on to a named business, whatever they are.
    return buys && customerNamed ? choose([['wholesale', { score: 0.8, raw: text.trim() }]]) : null
  }
  markMainActivity(text, mentions, lexicon.mainActivity)
  const compounds: IndustryMention[] = []
  // "做光伏组件的贸易商": a head word after 的 is joined to the words before it, as an adjacent one is.
  const joined = (last: IndustryMention, mention: IndustryMention): boolean =>
    mention.start === last.end || (text.slice(last.end, mention.start) === '的' && mention.explicit === false)
  for (const mention of mentions) {
    const last = compounds[compounds.length - 1]
    if (last && joined(last, mention) && lexicon.trades.has(last.raw)) {
      // "批发电子元器件": a trade decides the compound it opens; the goods after it are no industry.
      continue
    }
    if (last && joined(last, mention)) {
      // "跨境电商B2B": the last part decides for every reading of the part before (电商: retail or wholesale).
      const before = compounds.filter((compound) => compound.end === last.end)
      compounds.splice(compounds.length - before.length, before.length, {
        ...mention,
        start: last.start,
        raw: text.slice(last.start, mention.end),
        explicit: mention.explicit || before.some((compound) => compound.explicit),
        main: mention.main || before.some((compound) => compound.main),
        secondary: mention.secondary === true || before.some((compound) => compound.secondary === true),
        joined: true,
      })
    } else compounds.push(mention)
  }
  const scored = new Map<string, { score: number; raw: string }>()
  // "做软件也做硬件，以软件为主": the activity said to be the main one outweighs the others and any name.
  const hasMain = compounds.some((compound) => compound.main)
  // "兽用疫苗 给养殖场供货", "种香菇 拉到批发市场卖": a firm that makes or grows what it sells is classed by what it
  // makes (industries.json `producers`), not by its selling; a trade said to be the main activity, or named with its
  // goods ("花卉批发"), still counts.
  const { producers } = lexicon
  // "给它们供兽药 从厂家拿货", "客户是幼儿园 给他们供绘本 从出版社进的货": a firm that buys what it sells and says it
  // makes nothing trades; the goods it names are no industry of its own, and selling to a named business is wholesale.
  if (buys) {
    // Selling on to a named business is wholesale: a retail reading of the buying words (拿货) gives way.
    const resold = (compound: IndustryMention) =>
      (producers.has(compound.value) || (customerNamed && compound.value === 'retail')) && !compound.main
    const dropped = compounds.filter(resold)
    for (const compound of dropped) compounds.splice(compounds.indexOf(compound), 1)
    const trades = compounds.some((compound) => compound.value === 'wholesale' || compound.value === 'retail')
    if (customerNamed && !compounds.some((compound) => compound.value === 'wholesale'))
      compounds.push({ ...(dropped[0] ?? mentions[0]), value: 'wholesale', explicit: false })
    // "货直接从工厂拿 卖给海外的个人": goods bought and sold on to consumers are retail.
    else if (!trades && sellsToConsumers(text, lexicon))
      compounds.push({ ...(dropped[0] ?? mentions[0]), value: 'retail', explicit: false })
  }
  // "卖电脑硬件 往下批给渠道商": goods the firm is said to sell are no production, unless it says it makes them; with
  // a trade word beside them the trade decides.
  const makesOwn = lexicon.ownProduction.some((word) => text.includes(word))
  if (!makesOwn && compounds.some((compound) => compound.value === 'wholesale' || compound.value === 'retail'))
    for (const goods of compounds.filter(
      (compound) => compound.sold === true && compound.value !== 'wholesale' && compound.value !== 'retail',
    ))
      compounds.splice(compounds.indexOf(goods), 1)
  const produces = compounds.some(
    (compound) => producers.has(compound.value) && compound.secondary !== true && (compound.sold !== true || makesOwn),
  )
  const classed = produces
    ? compounds.filter(
        (compound) =>
          compound.main || compound.joined === true || (compound.value !== 'wholesale' && compound.value !== 'retail'),
      )
    : compounds
  for (const compound of narrowAmbiguous(classed)) {
    const score = (compound.explicit ? 1 : 0.8) * (hasMain && !compound.main ? 0.5 : 1) * (compound.secondary ? 0.5 : 1)
    const known = scored.get(compound.value)
    if (!known || known.score < score) scored.set(compound.value, { score, raw: compound.raw })
  }
  return choose([...scored])
}

/** The reading weighed best, its alternatives, and whether the reading is unsure (another of equal weight). */
function choose(readings: Array<[string, { score: number; raw: string }]>): IndustryReading | null {
  const ranked = [...readings].sort((left, right) => right[1].score - left[1].score)
  if (ranked.length === 0) return null
  const [[value, { score, raw }], ...others] = ranked
  return {
    value,
    score,
    raw,
    alternatives: others.map(([other, weighed]) => ({ value: other, score: weighed.score, raw: weighed.raw })),
    unsure: others.some(([, other]) => other.score >= score),
  }
}

/**
 * Whether the message says the firm gets its goods from a supplier (从厂家拿货, 从出版社进的货: a supplier marker,
 * a few words, a buying word) or that others make them (不生产, 工厂给我们贴牌), and nothing about making them itself.
 */
function buysItsGoods(text: string, { supplierMarkers, ownProduction, outsourcedProduction }: Words): boolean {
  if (ownProduction.some((word) => text.includes(word))) return false
  if (outsourcedProduction.some((word) => text.includes(word))) return true
  return supplierMarkers.before.some((marker) => {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const rest = text.slice(at + marker.length, at + marker.length + 10)
      const gap = /^\p{Script=Han}{1,6}/u.exec(rest)?.[0] ?? ''
      for (let length = 1; length <= gap.length; length += 1)
        if (supplierMarkers.after.some((word) => rest.startsWith(word, length))) return true
    }
    return false
  })
}

/** Whether a selling marker is followed, a few words on, by consumers (卖给海外的个人, 卖给老百姓). */
function sellsToConsumers(text: string, { sellingMarkers, consumers }: Words): boolean {
  return sellingMarkers.some((marker) => {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const rest = text.slice(at + marker.length, at + marker.length + 8)
      if (consumers.some((word) => new RegExp(`^\\p{Script=Han}{0,4}?${word}`, 'u').test(rest))) return true
    }
    return false
  })
}

/**
 * "电商 天猫店": a word that fits two industries (电商: retail or wholesale) is narrowed to the readings another
 * word of the message supports (天猫店: retail); with no support it keeps them all and the answer stays unsure.
 */
function narrowAmbiguous(compounds: readonly IndustryMention[]): IndustryMention[] {
  return compounds.filter((compound) => {
    const readings = compounds.filter((other) => other.start === compound.start)
    if (readings.length < 2) return true
    const supported = (value: string) =>
      compounds.some((other) => other.start !== compound.start && other.value === value)
    return !readings.some((reading) => supported(reading.value)) || supported(compound.value)
  })
}
