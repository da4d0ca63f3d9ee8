const YES = /^(是|是的|对|对的|都是|都有|有|有的|属于|符合|嗯|yes|y)[。！!，,～~]*$/i
const NO = /^(否|不是|都不是|没有|都没有|一个都没有|无|都无|没|没有的|不属于|不存在|都不存在|都不属于|no|n)[。！!，,～~]*$/i

/** A bare yes/no reply that answers a whole group of yes/no questions at once; null when not bare. */
export function matchGroupYesNo(text: string): 'yes' | 'no' | null {
  const trimmed = text.trim()
  if (YES.test(trimmed)) return 'yes'
  if (NO.test(trimmed)) return 'no'
  return null
}
