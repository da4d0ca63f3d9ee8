// Hotline web console: chat, enterprise profile with live verdicts, policy search. Plain browser JS, no build step.
// Every text from the server is inserted with textContent (never innerHTML).
'use strict'

const PROGRAMS = [
  ['innovative', '创新型中小企业'],
  ['specialized', '专精特新中小企业'],
  ['little-giant', '专精特新“小巨人”'],
]

const FIELD_GROUPS = [
  ['基本条件', ['registeredInBeijing', 'independentLegalPerson', 'creditBlacklisted', 'restrictedProducts', 'majorIncident3y']],
  ['规模', ['industry', 'employees', 'totalAssets']],
  ['财务（万元）', ['revenue', 'revenuePrev', 'mainRevenue', 'mainRevenuePrev', 'mainRevenuePrev2', 'rdExpense', 'rdExpensePrev', 'netProfit', 'debtRatio', 'rdStaff', 'equityFinancing2y', 'equityFinancing3y']],
  ['知识产权', ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2']],
  ['资质与荣誉', ['honors', 'rdInstitution', 'sciAwardLevel', 'sciAwardRank', 'makerChinaTop', 'contest', 'listing']],
  ['专业化与品牌', ['strategicEmerging', 'nicheYears', 'marketShare', 'leadProductField', 'keyField', 'digitalLevel', 'qualityCert', 'qualityAward', 'ownBrand', 'standardSetting', 'coreBusinessInfoSystem', 'techConversion']],
  ['已有称号', ['innovativeSmeValid', 'specializedSmeValid']],
]

const element = (tag, attributes = {}, text) => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value))
  }
  if (text !== undefined) node.textContent = text
  return node
}

const state = { userId: newUserId(), fields: [], assessTimer: null, assessSeq: 0, apiKey: '' }

function newUserId() {
  return `agent-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

// ---------- API key ----------
// With API_KEYS set on the server, every /api/v1 call needs `Authorization: Bearer <key>`. The console asks once
// and keeps the key in sessionStorage: it lasts for this browser tab's session and is never written to disk.
const KEY_STORAGE = 'policy-advisor.api-key'
let keyPrompt = null

function storedKey() {
  try { return sessionStorage.getItem(KEY_STORAGE) || '' } catch { return '' }
}

function askForKey(message) {
  if (keyPrompt) return keyPrompt
  keyPrompt = new Promise((resolve) => {
    const dialog = document.getElementById('api-key-dialog')
    const input = document.getElementById('api-key-input')
    if (message) document.getElementById('api-key-message').textContent = message
    input.value = ''
    const submitted = (event) => {
      event.preventDefault()
      const key = input.value.trim()
      if (!key) return
      try { sessionStorage.setItem(KEY_STORAGE, key) } catch { /* private mode: kept for this page only */ }
      state.apiKey = key
      document.getElementById('api-key-form').removeEventListener('submit', submitted)
      dialog.close()
      keyPrompt = null
      resolve()
    }
    document.getElementById('api-key-form').addEventListener('submit', submitted)
    dialog.addEventListener('cancel', (event) => event.preventDefault())
    dialog.showModal()
    input.focus()
  })
  return keyPrompt
}

async function api(path, body, options = {}) {
  const headers = body === undefined ? {} : { 'content-type': 'application/json' }
  const key = state.apiKey || storedKey()
  if (key) headers.authorization = `Bearer ${key}`
  const response = await fetch(`/api/v1${path}`, body === undefined ? { headers } : {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  const data = await response.json().catch(() => ({}))
  if (response.status === 401 && options.askKey !== false) {
    await askForKey(key ? '密钥无效，请重新输入。' : '')
    return api(path, body, options)
  }
  if (!response.ok) {
    const error = new Error(data?.error?.message || `请求失败（${response.status}）`)
    error.fields = data?.error?.fields
    throw error
  }
  return data
}

// ---------- chat ----------
const messages = document.getElementById('messages')

function addMessage(kind, text, citations = []) {
  const bubble = element('div', { className: `message ${kind}` }, text)
  if (citations.length > 0) {
    const line = element('div', { className: 'citations' }, '来源：')
    for (const citation of citations) {
      const link = element('a', { 'data-card': citation.id, title: '在右侧查看政策卡片' }, citation.title)
      link.addEventListener('click', () => showCard(citation.id))
      line.append(link)
    }
    bubble.append(line)
  }
  messages.append(bubble)
  messages.scrollTop = messages.scrollHeight
  return bubble
}

async function sendChat(text) {
  addMessage('user', text)
  const send = document.getElementById('chat-send')
  send.disabled = true
  try {
    const data = await api('/chat', { userId: state.userId, channel: 'web', text })
    addMessage('bot', data.reply, data.citations || [])
    if (data.state && data.state.facts) fillProfile(data.state.facts)
  } catch (error) {
    addMessage('error', `发送失败：${error.message}`)
  } finally {
    send.disabled = false
  }
}

document.getElementById('chat-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const input = document.getElementById('chat-input')
  const text = input.value.trim()
  if (!text) return
  input.value = ''
  sendChat(text)
})
document.getElementById('chat-input').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault()
    document.getElementById('chat-form').requestSubmit()
  }
})

// ---------- profile form ----------
const form = document.getElementById('profile-form')

function fieldInput(field) {
  const id = `fact-${field.name}`
  const wrapper = element('div', { className: 'field' })
  const label = element('label', { for: id }, field.unit ? `${field.label}（${field.unit}）` : field.label)
  wrapper.append(label)
  if (field.type === 'boolean') {
    const select = element('select', { id, name: field.name })
    for (const [value, text] of [['', '未知'], ['true', '是'], ['false', '否']]) select.append(element('option', { value }, text))
    wrapper.append(select)
  } else if (field.type === 'enum') {
    const select = element('select', { id, name: field.name })
    select.append(element('option', { value: '' }, '未知'))
    for (const option of field.options) select.append(element('option', { value: JSON.stringify(option.value) }, option.label))
    wrapper.append(select)
  } else if (field.type === 'multi') {
    const box = element('div', { className: 'multi', id, 'data-multi': field.name })
    for (const option of field.options) {
      const optionLabel = element('label')
      optionLabel.append(element('input', { type: 'checkbox', value: option.value, name: field.name }), document.createTextNode(option.label))
      box.append(optionLabel)
    }
    wrapper.append(box)
  } else {
    wrapper.append(element('input', {
      id, name: field.name, type: 'number', inputmode: 'decimal',
      step: field.type === 'integer' ? '1' : 'any',
      min: field.minimum, max: field.maximum, placeholder: '未知',
    }))
  }
  return wrapper
}

function buildForm(fields) {
  const byName = new Map(fields.map((field) => [field.name, field]))
  for (const [title, names] of FIELD_GROUPS) {
    const fieldset = element('fieldset')
    fieldset.append(element('legend', {}, title))
    for (const name of names) if (byName.has(name)) fieldset.append(fieldInput(byName.get(name)))
    form.append(fieldset)
  }
}

function readProfile() {
  const facts = {}
  for (const field of state.fields) {
    if (field.type === 'multi') {
      const checked = [...form.querySelectorAll(`input[name="${field.name}"]:checked`)].map((input) => input.value)
      if (checked.length > 0) facts[field.name] = checked
      continue
    }
    const input = form.elements.namedItem(field.name)
    if (!input || input.value === '') continue
    if (field.type === 'boolean') facts[field.name] = input.value === 'true'
    else if (field.type === 'enum') facts[field.name] = JSON.parse(input.value)
    else if (input.checkValidity()) facts[field.name] = Number(input.value)
  }
  return facts
}

function fillProfile(facts) {
  for (const field of state.fields) {
    if (!(field.name in facts)) continue
    const value = facts[field.name]
    if (field.type === 'multi') {
      for (const input of form.querySelectorAll(`input[name="${field.name}"]`)) input.checked = Array.isArray(value) && value.includes(input.value)
      continue
    }
    const input = form.elements.namedItem(field.name)
    if (!input) continue
    if (field.type === 'boolean') input.value = value === true ? 'true' : value === false ? 'false' : ''
    else if (field.type === 'enum') input.value = JSON.stringify(value)
    else input.value = value
  }
  scheduleAssessment()
}

function scheduleAssessment() {
  clearTimeout(state.assessTimer)
  state.assessTimer = setTimeout(runAssessment, 250)
}

form.addEventListener('input', scheduleAssessment)
form.addEventListener('change', scheduleAssessment)

function verdictState(result) {
  if (result.eligible === true) return ['yes', '符合']
  if (result.eligible === false) return ['no', '不符合']
  return ['unknown', '待定']
}

function textOf(entry) {
  if (typeof entry === 'string') return entry
  return entry?.text || entry?.message || entry?.summary || entry?.label || entry?.name || JSON.stringify(entry)
}

function renderVerdict(title, result) {
  const [kind, label] = verdictState(result)
  const box = element('div', { className: `verdict ${kind}`, 'data-program': result.program })
  box.append(element('h3', {}, title))
  const headline = element('div')
  headline.append(element('span', { className: 'state' }, label))
  if (typeof result.total === 'number') headline.append(document.createTextNode(` · ${result.total}分`))
  box.append(headline)
  const missing = Array.isArray(result.missing) ? result.missing : []
  if (missing.length > 0) box.append(element('div', {}, `待补充：${missing.slice(0, 4).map((name) => labelOf(name)).join('、')}${missing.length > 4 ? '等' : ''}`))
  const advice = Array.isArray(result.advice) ? result.advice : result.advice?.items || []
  if (advice.length > 0) {
    const list = element('ul')
    for (const item of advice.slice(0, 3)) list.append(element('li', {}, textOf(item)))
    box.append(list)
  }
  return box
}

function labelOf(name) {
  return state.fields.find((field) => field.name === name)?.label || name
}

async function runAssessment() {
  const facts = readProfile()
  const sequence = ++state.assessSeq
  const container = document.getElementById('verdicts')
  try {
    const results = await Promise.all(PROGRAMS.map(([program]) => api('/assess', { program, facts })))
    if (sequence !== state.assessSeq) return
    container.replaceChildren(...results.map((result, index) => renderVerdict(PROGRAMS[index][1], result)))
  } catch (error) {
    if (sequence !== state.assessSeq) return
    container.replaceChildren(element('div', { className: 'verdict no' }, `测评失败：${error.message}`))
  }
}

// ---------- search and card view ----------
const results = document.getElementById('search-results')
const cardView = document.getElementById('card-view')

document.getElementById('search-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  const query = document.getElementById('search-input').value.trim()
  if (!query) return
  try {
    const data = await api('/search', { query, limit: 8 })
    results.replaceChildren()
    if (data.results.length === 0 || data.confident === false) results.append(element('li', { className: 'none' }, '没有找到相关政策（可建议来电人拨打12345或联系主管部门）'))
    for (const result of data.results) {
      const item = element('li', { 'data-card': result.id })
      item.append(element('span', { className: 'title' }, result.title), element('span', { className: 'snippet' }, result.snippet))
      item.addEventListener('click', () => showCard(result.id))
      results.append(item)
    }
  } catch (error) {
    results.replaceChildren(element('li', { className: 'none' }, `搜索失败：${error.message}`))
  }
})

const CARD_FIELDS = [
  ['content', '服务内容'], ['requirements', '条件要求'], ['process', '服务流程'], ['timing', '时间/频度'],
  ['audience', '服务对象'], ['toolType', '工具分类'], ['contact', '联络方式'],
]

function answerText(card) {
  const agency = [card.issuer, card.docNumber].filter(Boolean).join('，')
  const lines = [`【${card.title}】`, card.content]
  if (card.requirements) lines.push(`条件要求：${card.requirements}`)
  if (card.process) lines.push(`服务流程：${card.process}`)
  lines.push(`依据：《${card.documentTitle}》（${agency}）${card.contact ? ` · 咨询：${card.contact}` : ''}`)
  return lines.join('\n')
}

async function showCard(id) {
  try {
    const card = await api(`/cards/${encodeURIComponent(id)}`)
    cardView.replaceChildren()
    cardView.hidden = false
    cardView.append(element('h3', {}, card.title))
    const actions = element('div', { className: 'card-actions' })
    const copy = element('button', { type: 'button', id: 'copy-answer' }, '复制答复')
    const note = element('span', { className: 'copied' })
    copy.addEventListener('click', async () => {
      const text = answerText(card)
      try {
        await navigator.clipboard.writeText(text)
      } catch {
        const area = element('textarea')
        area.value = text
        document.body.append(area)
        area.select()
        document.execCommand('copy')
        area.remove()
      }
      cardView.dataset.copied = text
      note.textContent = '已复制'
      setTimeout(() => { note.textContent = '' }, 2000)
    })
    actions.append(copy, note)
    cardView.append(actions)
    const source = [card.issuer, card.docNumber, card.publishedAt].filter(Boolean).join(' · ')
    cardView.append(element('div', { className: 'citations' }, `《${card.documentTitle}》 ${source}`))
    const list = element('dl')
    for (const [key, title] of CARD_FIELDS) {
      if (!card[key]) continue
      list.append(element('dt', {}, title), element('dd', {}, card[key]))
    }
    cardView.append(list)
  } catch (error) {
    cardView.hidden = false
    cardView.replaceChildren(element('p', {}, `无法打开卡片：${error.message}`))
  }
}

// ---------- new call, channel status ----------
document.getElementById('new-call').addEventListener('click', () => {
  state.userId = newUserId()
  messages.replaceChildren()
  form.reset()
  document.getElementById('session-label').textContent = ''
  cardView.hidden = true
  scheduleAssessment()
  addMessage('bot', '新来电：已开始新的会话。')
})

async function refreshChannelStatus() {
  try {
    // Admin only (ADMIN_TOKEN): with an API key or none the badge simply stays hidden.
    const status = await api('/channels/status', undefined, { askKey: false })
    const badge = document.getElementById('wechat-status')
    if (!status.wechat || status.wechat.status === 'disabled') { badge.hidden = true; return }
    badge.hidden = false
    badge.textContent = status.wechat.status === 'logged-in' ? `微信机器人已登录：${status.wechat.userName || ''}` : '微信机器人待扫码登录'
    if (status.wechat.qrUrl) {
      badge.title = '点击打开登录二维码'
      badge.onclick = () => window.open(status.wechat.qrUrl, '_blank', 'noopener')
    }
  } catch {
    // channel status is optional
  }
}

async function start() {
  const data = await api('/facts/fields')
  state.fields = data.fields
  buildForm(state.fields)
  scheduleAssessment()
  refreshChannelStatus()
  setInterval(refreshChannelStatus, 15000)
  addMessage('bot', '您好！输入来电企业的问题即可查询政策；右侧可检索政策卡片，中间边听边填企业信息即可实时测评。')
}

start().catch((error) => addMessage('error', `控制台加载失败：${error.message}`))
