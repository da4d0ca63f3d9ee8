/** Fixed replies of the advisor. Short: they are read on a phone. */
export const MENU = [
  '我可以帮您：',
  '1. 查政策：直接问，如“老旧厂房改造能补多少钱？”“算力券怎么申请？”',
  '2. 测评定：如“我们能评上专精特新吗？”“我们能评哪个？”',
  '3. 管理信息：“我的信息”查看，“重新开始”重来，“删除我的数据”清除',
].join('\n')

export const GREETING = `您好！我是北京企业政策助手。\n${MENU}`
export const THANKS = '不客气！还有问题随时问我。'
export const OUT_OF_SCOPE = `这个问题不在收录范围内，我只懂北京的企业政策和梯度培育评定。\n${MENU}`

export const NOT_FOUND_HOTLINE = '建议拨打12345市民服务热线咨询'

export const RESET_DONE = '已重新开始，之前填写的企业信息已清空。'
export const NOTHING_TO_CONTINUE = '目前没有进行中的评估。'
export const NO_FACTS_YET = '还没有记录您企业的任何信息。发送“我们能评哪个？”开始测评。'
export const STORE_UNAVAILABLE = '系统暂时繁忙，请稍后再发一次（您之前提供的信息没有丢失）。'
export const CONFIRM_PROMPT = '以上信息确认无误请回复“确认”；如有错误，直接告诉我正确的数字（如“研发费用是240万”）。'
export const SKIP_HINT = '不清楚的话可以回复“不知道”跳过。'
export const INJECTION_NOTICE = '评分只按评价标准和您提供的数据计算，无法调整分数。'

/** After 删除我的数据: how many records (one per chat) were removed; never what they held. */
export function deletedReply(records: number): string {
  return records > 0
    ? `已删除您的全部数据：${records}条记录（各会话的对话和企业信息）。`
    : '没有找到您的数据，无需删除。'
}
