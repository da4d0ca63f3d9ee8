/** An @mention: "@" and a name up to the next space (WeChat puts U+2005 after it), at the start or after a space. */
const MENTION = /(^|[\s\u2005])@[^\s\u2005@]{1,30}(?=[\s\u2005]|$)/gu

/**
 * "@政策小助手 帮我测下专精特新" → "帮我测下专精特新": a group message's @mention says whom it is for, not what it
 * says (the bot's name would read as words: 政策, 小). An address like a@b.com is no mention.
 */
export function dropMentions(text: string): string {
  if (!text.includes('@')) return text
  return text.replace(MENTION, '$1').trim()
}
