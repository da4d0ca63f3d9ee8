import { z } from 'zod'

/**
 * Wire schemas for what Feishu posts to the webhook. Only the fields used, tolerant (`nullish`) for the rest:
 * Feishu adds fields without notice.
 */
export const EncryptedBodySchema = z.object({ encrypt: z.string().min(1) })

export const UrlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.string().nullish(),
})

const MentionSchema = z.object({
  key: z.string(),
  id: z
    .object({ open_id: z.string().nullish(), user_id: z.string().nullish(), union_id: z.string().nullish() })
    .nullish(),
  name: z.string().nullish(),
})

export const MessageReceiveEventSchema = z.object({
  schema: z.literal('2.0'),
  header: z.object({
    event_id: z.string().min(1),
    event_type: z.string(),
    create_time: z.string().nullish(),
    token: z.string().nullish(),
    app_id: z.string().nullish(),
  }),
  event: z
    .object({
      sender: z
        .object({
          sender_id: z
            .object({ open_id: z.string().nullish(), user_id: z.string().nullish(), union_id: z.string().nullish() })
            .nullish(),
          sender_type: z.string().nullish(),
        })
        .nullish(),
      message: z
        .object({
          message_id: z.string().min(1),
          chat_id: z.string().min(1),
          chat_type: z.string(),
          message_type: z.string(),
          content: z.string().nullish(),
          create_time: z.string().nullish(),
          mentions: z.array(MentionSchema).nullish(),
        })
        .nullish(),
    })
    .passthrough()
    .nullish(),
})
export type FeishuEvent = z.infer<typeof MessageReceiveEventSchema>
