import { createInterface } from 'node:readline/promises'
import { loadConfig } from '../config.js'
import { createLogger } from '../observability/logger.js'
import { createRuntime } from '../runtime/create-runtime.js'

/** `npm run chat`: the advisor in a terminal, over the same dialogue manager and store as every channel. */
const config = loadConfig()
const runtime = await createRuntime(config, createLogger({ level: 'warn' }))
const key = { channel: 'terminal', chatId: 'terminal', userId: 'terminal-user' }
const terminal = createInterface({ input: process.stdin, output: process.stdout })
console.log('北京企业政策助手（输入“帮助”查看功能，Ctrl+D 或“退出”结束）\n')
try {
  for (;;) {
    let line: string
    try {
      line = await terminal.question('你：')
    } catch {
      break
    }
    if (/^(退出|exit|quit)$/iu.test(line.trim())) break
    const { reply } = await runtime.manager.chat(key, line.slice(0, 2000))
    console.log(`\n助手：${reply.text}\n`)
  }
} finally {
  terminal.close()
  await runtime.close()
}
