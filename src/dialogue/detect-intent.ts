import { findProgram, type Program } from './programs.js'

/** What a message asks for, before any fact extraction. */
export type Intent =
  | { kind: 'help' }
  | { kind: 'reset' }
  | { kind: 'show-facts' }
  | { kind: 'delete-data' }
  | { kind: 'continue' }
  | { kind: 'confirm' }
  | { kind: 'assess'; programs: Program[] }
  | { kind: 'follow-up-program'; program: Program }
  | { kind: 'follow-up-aspect'; aspect: Aspect }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'other' }

/** Which part of a policy card a question is about. */
export type Aspect = 'amount' | 'process' | 'requirements' | 'contact' | 'timing' | 'general'

const HELP = /^(帮助|菜单|help|menu|功能|你能做什么|你会什么|你可以做什么|能做什么|怎么用|使用说明|\?|？)[。！!？?]*$/i
const RESET = /^(重新开始|重来|重新来|重置|从头开始|重新评估|restart|reset)[。！!]*$/i
const SHOW_FACTS = /^(我的信息|我的资料|查看信息|已填信息|我填了什么|看看我的信息)[。！!？?]*$/
const DELETE = /^(删除我的数据|删除数据|删除我的信息|清除我的数据|清除我的信息|注销)[。！!]*$/
const CONTINUE = /^(继续|接着来|继续评估|接着问|go on|continue)[。！!]*$/i
const CONFIRM = /^(确认|确认无误|无误|没问题|对的|对|是的|正确|没错|ok|好的|可以)[。！!，,]*$/i
const GREETING = /^(你好|您好|hi|hello|在吗|在不在|哈喽|嗨|早上好|下午好)[呀啊。！!？?～~]*$/i
const THANKS = /^(谢谢|多谢|感谢|谢了|thanks|thank you|辛苦了)[你您啦了。！!～~]*$/i

/** Asking whether the firm qualifies, as opposed to asking about a program's benefits. */
const ASSESS_WORDS = /(测一下|测测|测一测|评估|评测|自测|自评|测评|打分|算一下|算算|能不能评|能评上|能不能申请|能否评|能否申请|能申请吗|够不够|够格|符合.*(条件|标准)吗?|有没有资格|能不能拿到|能不能认定|评得上|评上吗|能评吗|可以评|能过吗|能评哪|评哪个|能评什么|评什么|哪个能评)/
const WHICH_PROGRAM = /(能评哪|评哪个|哪个能评|能评什么|评什么|哪些能评|哪一级|哪个级别|能申请哪)/
/** Words that make a program mention a policy question ("专精特新有什么补贴"). */
const POLICY_WORDS = /(补贴|补助|奖励|资金|支持|政策|措施|怎么申请|如何申请|申报流程|流程|材料|电话|联系|多少钱|有什么好处|有啥好处|福利|优惠|贴息)/

const FOLLOW_UP_PROGRAM = /^(那|那么|还有)?(.{0,12})(呢|怎么样|咋样|如何)[？?。]*$/
const ASPECTS: Array<[Aspect, RegExp]> = [
  ['process', /(怎么申请|如何申请|怎么申报|如何申报|怎么办理|如何办理|申请流程|申报流程|办理流程|流程|步骤|去哪申请|在哪申请|哪里申请|怎么报|咋申请|咋报)/],
  ['contact', /(电话|联系方式|联系人|找谁|咨询谁|联系谁|热线|哪个部门)/],
  ['requirements', /(条件|要求|门槛|资格|需要什么|要什么材料|材料)/],
  ['timing', /(什么时候|何时|截止|期限|时间|几月|多久)/],
  ['amount', /(多少钱|补多少|奖多少|给多少|最高|金额|额度|比例|能拿多少|多少万)/],
]

/** Detects the aspect a question is about (defaults to 'general'). */
export function detectAspect(text: string): Aspect {
  for (const [aspect, pattern] of ASPECTS) if (pattern.test(text)) return aspect
  return 'general'
}

/** A short follow-up that only names an aspect of the last topic ("这个怎么申请？", "电话多少"). */
function isAspectFollowUp(text: string): boolean {
  const stripped = text.replace(/[？?。！!，,\s]/g, '')
  if (stripped.length > 14) return false
  if (findProgram(stripped)) return false
  return /^(这个|那个|这|那|它|上面|刚才)?(的)?/.test(stripped) && detectAspect(stripped) !== 'general' && /(这个|那个|它|这|那|^怎么|^如何|^电话|^联系|^条件|^要求|^什么时候|^截止|^补多少|^最高|^多少)/.test(stripped)
}

/**
 * Classifies a message. Fact answers and policy questions are 'other': the dialogue manager tries fact
 * extraction and search for those.
 */
export function detectIntent(raw: string): Intent {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '' || HELP.test(text)) return { kind: 'help' }
  if (RESET.test(text)) return { kind: 'reset' }
  if (SHOW_FACTS.test(text)) return { kind: 'show-facts' }
  if (DELETE.test(text)) return { kind: 'delete-data' }
  if (CONTINUE.test(text)) return { kind: 'continue' }
  if (CONFIRM.test(text)) return { kind: 'confirm' }
  if (GREETING.test(text)) return { kind: 'greeting' }
  if (THANKS.test(text)) return { kind: 'thanks' }

  const program = findProgram(text)
  if (WHICH_PROGRAM.test(text) && !POLICY_WORDS.test(text)) return { kind: 'assess', programs: ['innovative', 'specialized', 'little-giant'] }
  if (program && ASSESS_WORDS.test(text) && !/(怎么申请|如何申请|申报流程|有(什么|啥)(补贴|支持|政策|好处|奖励))/.test(text)) {
    return { kind: 'assess', programs: [program] }
  }
  const followUp = FOLLOW_UP_PROGRAM.exec(text)
  if (program && followUp && text.length <= 16) return { kind: 'follow-up-program', program }
  if (isAspectFollowUp(text)) return { kind: 'follow-up-aspect', aspect: detectAspect(text) }
  return { kind: 'other' }
}
