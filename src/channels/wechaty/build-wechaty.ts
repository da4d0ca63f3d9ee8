import { WechatyBuilder, type OfficialPuppetNpmName, type Wechaty } from 'wechaty'

export interface BuildWechatyOptions {
  /** npm name of the puppet (config WECHATY_PUPPET), e.g. "wechaty-puppet-service" or "wechaty-puppet-wechat4u". */
  puppet: string
  /** WECHATY_PUPPET_SERVICE_TOKEN, for wechaty-puppet-service. */
  token?: string
  /**
   * Where the login session is kept (`<sessionName>.memory-card.json`, relative to the working directory), so a
   * restart can log in again without a new scan. Use a path inside DATA_DIR.
   */
  sessionName: string
}

/** Builds (does not start) a Wechaty for the configured puppet. The only place that names a puppet. */
export function buildWechaty(options: BuildWechatyOptions): Wechaty {
  return WechatyBuilder.build({
    name: options.sessionName,
    // Resolved by dynamic import when the bot starts; an unknown name fails there with wechaty's own error.
    puppet: options.puppet as OfficialPuppetNpmName,
    puppetOptions: options.token ? { token: options.token } : {},
  })
}
