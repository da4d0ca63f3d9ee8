/** Transitional re-export: the message and reply types live in the core (src/dialogue/messages.ts). */
export * from '../dialogue/messages.js'
