import { types, type Message, type Wechaty } from 'wechaty'
import type { WechatyMessageFacts } from './convert-wechaty-message.js'

/** Message types that are notices rather than something a person wrote or sent. */
const SYSTEM_TYPES = new Set<types.Message>([
  types.Message.Unknown,
  types.Message.Recalled,
  types.Message.RedEnvelope,
  types.Message.Transfer,
  types.Message.GroupNote,
])

/**
 * Reads the facts `convertWechatyMessage` needs from a wechaty Message. `botName` (from the bot config) is
 * added to the names recognised after "@", next to the account's nickname and its alias in the group, because
 * some puppets (wechat4u) often deliver no mention list and no U+2005.
 */
export async function readWechatyMessage(
  wechaty: Wechaty,
  message: Message,
  botName: string,
): Promise<WechatyMessageFacts> {
  const type = message.type()
  const kind = type === types.Message.Text ? 'text' : SYSTEM_TYPES.has(type) ? 'system' : 'media'
  const talker = message.talker()
  const room = message.room()
  const selfId = wechaty.puppet.currentUserId
  const self = wechaty.isLoggedIn ? wechaty.currentUser : undefined

  const selfNames = [botName]
  if (self) selfNames.push(self.name())
  let roomFacts: WechatyMessageFacts['room']
  let roomAlias: string | undefined
  if (room) {
    roomFacts = { id: room.id, topic: await room.topic() }
    roomAlias = (await room.alias(talker).catch(() => undefined)) || undefined
    const selfAlias = self ? await room.alias(self).catch(() => undefined) : undefined
    if (selfAlias) selfNames.push(selfAlias)
  }

  return {
    messageId: message.id,
    kind,
    text: kind === 'text' ? message.text() : '',
    createdAt: message.date().getTime(),
    fromSelf: message.self(),
    talker: {
      id: talker.id,
      name: talker.name(),
      roomAlias,
      isFriend: talker.friend(),
      isOfficial: talker.type() === types.Contact.Official,
    },
    room: roomFacts,
    mentionsSelf: room ? await mentionsSelf(message, selfId) : false,
    selfNames,
  }
}

/** wechaty's `mentionSelf()` only looks at text messages; for others use the raw mention id list if the puppet sent one. */
async function mentionsSelf(message: Message, selfId: string): Promise<boolean> {
  if (message.type() === types.Message.Text) return message.mentionSelf().catch(() => false)
  const mentionIdList =
    message.payload && 'mentionIdList' in message.payload ? message.payload.mentionIdList : undefined
  return Array.isArray(mentionIdList) && mentionIdList.includes(selfId)
}
