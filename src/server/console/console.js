// Hotline web console: chat, enterprise profile with live verdicts (shared with the chat), policy search and batch
// screening. Tabs on a phone, three panes on a wide screen. Plain browser JS, no build step.
// Every text from the server is inserted with textContent (never innerHTML).
'use strict'

const PROGRAMS = [
  ['innovative', '创新型中小企业', '创新型'],
  ['specialized', '专精特新中小企业', '专精特新'],
  ['little-giant', '专精特新“小巨人”', '小巨人'],
]

const FIELD_GROUPS = [
  [
    '基本条件',
    ['registeredInBeijing', 'independentLegalPerson', 'creditBlacklisted', 'restrictedProducts', 'majorIncident3y'],
  ],
  ['规模', ['industry', 'employees', 'totalAssets']],
  [
    '财务（万元）',
    [
      'revenue',
      'revenuePrev',
      'mainRevenue',
      'mainRevenuePrev',
      'mainRevenuePrev2',
      'rdExpense',
      'rdExpensePrev',
      'netProfit',
      'debtRatio',
      'rdStaff',
      'equityFinancing2y',
      'equityFinancing3y',
    ],
  ],
  ['知识产权', ['ipClass1', 'ipClass1SelfDeveloped', 'ipHighValue', 'ipClass2']],
  ['资质与荣誉', ['honors', 'rdInstitution', 'sciAwardLevel', 'sciAwardRank', 'makerChinaTop', 'contest', 'listing']],
  [
    '专业化与品牌',
    [
      'strategicEmerging',
      'nicheYears',
      'marketShare',
      'leadProductField',
      'keyField',
      'digitalLevel',
      'qualityCert',
      'qualityAward',
      'ownBrand',
      'standardSetting',
      'coreBusinessInfoSystem',
      'techConversion',
    ],
  ],
  ['已有称号', ['innovativeSmeValid', 'specializedSmeValid']],
]

const element = (tag, attributes = {}, text) => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value
    else if (value !== undefined && value !== null && value !== false)
      node.setAttribute(name, value === true ? '' : String(value))
  }
  if (text !== undefined) node.textContent = text
  return node
}

const state = {
  userId: newUserId(),
  fields: [],
  assessTimer: null,
  assessSeq: 0,
  saveTimer: null,
  saving: Promise.resolve(),
  editedDuringChat: null,
  apiKey: '',
}

function newUserId() {
  return `agent-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

// ---------- API key ----------
// With API_KEYS set on the server, every /api/v1 call needs `Authorization: Bearer <key>`. The console asks once
// and keeps the key in sessionStorage: it lasts for this browser tab's session and is never written to disk.
const KEY_STORAGE = 'policy-advisor.api-key'
let keyPrompt = null

function storedKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || ''
  } catch {
    return ''
  }
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
      try {
        sessionStorage.setItem(KEY_STORAGE, key)
      } catch {
        /* private mode: kept for this page only */
      }
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

/** A fetch to /api/v1 with the API key; asks for the key on 401 and retries. Returns the Response. */
async function request(path, init = {}, options = {}) {
  const headers = { ...(init.headers || {}) }
  const key = state.apiKey || storedKey()
  if (key) headers.authorization = `Bearer ${key}`
  const response = await fetch(`/api/v1${path}`, { ...init, headers })
  if (response.status === 401 && options.askKey !== false) {
    await askForKey(key ? '密钥无效，请重新输入。' : '')
    return request(path, init, options)
  }
  return response
}

async function failure(response) {
  const data = await response.json().catch(() => ({}))
  const error = new Error(data?.error?.message || `请求失败（${response.status}）`)
  error.fields = data?.error?.fields
  return error
}

/** JSON in and out: GET without a body, POST (or options.method) with one. */
async function api(path, body, options = {}) {
  const init =
    body === undefined
      ? {}
      : {
          method: options.method || 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }
  const response = await request(path, init, options)
  if (!response.ok) throw await failure(response)
  return response.json().catch(() => ({}))
}

// ---------- tabs (one column on a phone, three panes on a wide screen) ----------
const WIDE = window.matchMedia('(min-width: 1000px)')
const DESK_TABS = ['chat', 'profile', 'search']

function showTab(tab) {
  document.body.dataset.tab = tab
  for (const button of document.querySelectorAll('#tabs button')) {
    const name = button.dataset.tab
    const selected = name === tab || (name === 'desk' && DESK_TABS.includes(tab))
    button.setAttribute('aria-selected', String(selected))
  }
  if (tab === 'profile') document.querySelector('#tabs .dot').hidden = true
}

/** Brings a pane into view: on a phone by switching tab, on a wide screen it is already shown. */
function reveal(tab) {
  if (!WIDE.matches || !DESK_TABS.includes(tab)) showTab(tab)
  else if (document.body.dataset.tab === 'batch') showTab(tab)
}

document.getElementById('tabs').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-tab]')
  if (button) showTab(button.dataset.tab === 'desk' ? 'chat' : button.dataset.tab)
})
showTab('chat')

// ---------- chat ----------
const messages = document.getElementById('messages')

function addMessage(kind, text, citations = []) {
  const bubble = element('div', { className: `message ${kind}` }, text)
  if (citations.length > 0) {
    const line = element('div', { className: 'citations' }, '来源：')
    for (const citation of citations) {
      const link = element('a', { 'data-card': citation.id, title: '查看政策卡片' }, citation.title)
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
    // The form's latest facts reach the session before the chat turn reads it.
    await flushProfileSave()
    state.editedDuringChat = new Set()
    const userId = state.userId
    const data = await api('/chat', { userId, channel: 'web', text })
    // The agent pressed 新来电 meanwhile: the reply belongs to the last caller.
    if (userId !== state.userId) return
    addMessage('bot', data.reply, data.citations || [])
    if (data.state && data.state.facts) {
      // Fields the agent changed while the reply was on its way keep the agent's value (their save is scheduled).
      const changed = fillProfile(data.state.facts, state.editedDuringChat)
      if (changed && document.body.dataset.tab !== 'profile' && !WIDE.matches)
        document.querySelector('#tabs .dot').hidden = false
    }
  } catch (error) {
    addMessage('error', `发送失败：${error.message}`)
  } finally {
    state.editedDuringChat = null
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

// ---------- profile form: one profile with the chat ----------
// The form saves every change into the chat's own session (PUT /api/v1/profile), and every chat reply fills the
// form from the session's facts: both sides always show the same profile.
const form = document.getElementById('profile-form')
const NONE = '__none__'

function fieldInput(field) {
  const id = `fact-${field.name}`
  const wrapper = element('div', { className: 'field' })
  const label = element('label', { for: id }, field.unit ? `${field.label}（${field.unit}）` : field.label)
  wrapper.append(label)
  if (field.type === 'boolean') {
    const select = element('select', { id, name: field.name })
    for (const [value, text] of [
      ['', '未知'],
      ['true', '是'],
      ['false', '否'],
    ])
      select.append(element('option', { value }, text))
    wrapper.append(select)
  } else if (field.type === 'enum') {
    const select = element('select', { id, name: field.name })
    select.append(element('option', { value: '' }, '未知'))
    for (const option of field.options)
      select.append(element('option', { value: JSON.stringify(option.value) }, option.label))
    wrapper.append(select)
  } else if (field.type === 'multi') {
    const box = element('div', { className: 'multi', id, 'data-multi': field.name })
    // "都没有" is an answer (an empty list), unlike leaving every box empty (未知).
    for (const option of [...field.options, { value: NONE, label: '都没有' }]) {
      const optionLabel = element('label')
      optionLabel.append(
        element('input', { type: 'checkbox', value: option.value, name: field.name }),
        document.createTextNode(option.label),
      )
      box.append(optionLabel)
    }
    box.addEventListener('change', (event) => {
      const ticked = event.target
      if (!ticked.checked) return
      for (const other of form.querySelectorAll(`input[name="${field.name}"]`)) {
        if (other !== ticked && (ticked.value === NONE) !== (other.value === NONE)) other.checked = false
      }
    })
    wrapper.append(box)
  } else {
    wrapper.append(
      element('input', {
        id,
        name: field.name,
        type: 'number',
        inputmode: 'decimal',
        step: field.type === 'integer' ? '1' : 'any',
        min: field.minimum,
        max: field.maximum,
        placeholder: '未知',
      }),
    )
  }
  return wrapper
}

function buildForm(fields) {
  const byName = new Map(fields.map((field) => [field.name, field]))
  const grouped = new Set(FIELD_GROUPS.flatMap(([, names]) => names))
  // Every fact has a field, so saving the form never drops a fact the chat recorded.
  const groups = [...FIELD_GROUPS, ['其他', fields.map((field) => field.name).filter((name) => !grouped.has(name))]]
  for (const [title, names] of groups) {
    const present = names.filter((name) => byName.has(name))
    if (present.length === 0) continue
    const fieldset = element('fieldset')
    fieldset.append(element('legend', {}, title))
    for (const name of present) fieldset.append(fieldInput(byName.get(name)))
    form.append(fieldset)
  }
}

function readProfile() {
  const facts = {}
  for (const field of state.fields) {
    if (field.type === 'multi') {
      const checked = [...form.querySelectorAll(`input[name="${field.name}"]:checked`)].map((input) => input.value)
      if (checked.includes(NONE)) facts[field.name] = []
      else if (checked.length > 0) facts[field.name] = checked
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

/** Shows the session's facts in the form, except the fields in `keep`; true when something changed. */
function fillProfile(facts, keep = new Set()) {
  const before = JSON.stringify(readProfile())
  for (const field of state.fields) {
    if (keep.has(field.name)) continue
    const value = facts[field.name]
    if (field.type === 'multi') {
      for (const input of form.querySelectorAll(`input[name="${field.name}"]`)) {
        input.checked =
          Array.isArray(value) && (input.value === NONE ? value.length === 0 : value.includes(input.value))
      }
      continue
    }
    const input = form.elements.namedItem(field.name)
    if (!input) continue
    if (value === undefined) input.value = ''
    else if (field.type === 'boolean') input.value = value === true ? 'true' : value === false ? 'false' : ''
    else if (field.type === 'enum') input.value = JSON.stringify(value)
    else input.value = value
  }
  scheduleAssessment()
  return JSON.stringify(readProfile()) !== before
}

function scheduleAssessment() {
  clearTimeout(state.assessTimer)
  state.assessTimer = setTimeout(runAssessment, 250)
}

// ---------- saving the form into the session ----------
function scheduleProfileSave() {
  clearTimeout(state.saveTimer)
  state.saveTimer = setTimeout(() => {
    state.saveTimer = null
    saveProfile()
  }, 400)
}

/** Saves in order (one PUT after another), so an older form never overwrites a newer one. */
function saveProfile() {
  const note = document.getElementById('profile-note')
  if ([...form.querySelectorAll('input[type="number"]')].some((input) => !input.checkValidity())) {
    note.textContent = '有数值超出范围，改正后才同步到对话'
    return state.saving
  }
  const facts = readProfile()
  const userId = state.userId
  state.saving = state.saving.then(async () => {
    try {
      await api('/profile', { userId, channel: 'web', facts }, { method: 'PUT' })
      if (userId === state.userId) note.textContent = '已同步到对话'
    } catch (error) {
      note.textContent = `同步失败：${error.message}`
    }
  })
  return state.saving
}

function flushProfileSave() {
  if (state.saveTimer) {
    clearTimeout(state.saveTimer)
    state.saveTimer = null
    return saveProfile()
  }
  return state.saving
}

function profileEdited(event) {
  if (state.editedDuringChat && event.target.name) state.editedDuringChat.add(event.target.name)
  scheduleAssessment()
  scheduleProfileSave()
}
form.addEventListener('input', profileEdited)
form.addEventListener('change', profileEdited)

// ---------- verdicts ----------
function verdictState(result) {
  if (result.eligible === true) return ['yes', '符合']
  if (result.eligible === false) return ['no', '不符合']
  return ['unknown', '待定']
}

function labelOf(name) {
  return state.fields.find((field) => field.name === name)?.label || name
}

function scoreText(result) {
  if (typeof result.total !== 'number') return ''
  return result.totalMax !== null && result.totalMax !== result.total
    ? `${result.total}–${result.totalMax}分`
    : `${result.total}分`
}

function section(title, lines) {
  const block = element('div', { className: 'section' })
  block.append(element('b', {}, title))
  const list = element('ul')
  for (const line of lines) list.append(element('li', {}, line))
  block.append(list)
  return block
}

/**
 * The smallest change towards this tier, for every verdict: the engine's cheapest path (points to gain, 直通
 * alternatives), the failing parts listed under 未满足 (referred to, not repeated), and what to find out first.
 */
function cheapestLines(result) {
  if (result.eligible === true) return ['无需改动，已满足认定条件']
  const lines = []
  const blocking = result.conditions.some(
    (condition) => condition.status === 'failed' && !condition.direct && condition.id !== 'score',
  )
  if (blocking) lines.push('先补齐上面的未满足项')
  for (const part of (result.cheapestPath?.text || '').split('。').filter(Boolean)) {
    if (!part.startsWith('必须满足：')) lines.push(part.replace(/^最少改动：/, ''))
  }
  if (result.eligible === null && result.missing.length > 0) {
    lines.push(
      `先问清：${result.missing.slice(0, 3).map(labelOf).join('、')}${result.missing.length > 3 ? `等${result.missing.length}项` : ''}`,
    )
  }
  if (lines.length === 0) lines.push('补充更多信息后给出')
  return lines
}

function renderVerdict(title, result) {
  const [kind, label] = verdictState(result)
  const box = element('div', {
    className: `verdict ${kind}`,
    'data-program': result.program,
    id: `verdict-${result.program}`,
  })
  box.append(element('h3', {}, title))
  const headline = element('div')
  headline.append(element('span', { className: 'state' }, label))
  const score = scoreText(result)
  if (score) headline.append(document.createTextNode(` · ${score}`))
  box.append(headline)

  const unmet = result.conditions.filter((condition) => condition.status === 'failed' && !condition.direct)
  if (unmet.length > 0) {
    const lines = unmet.flatMap((condition) =>
      condition.unmet.length > 0 ? condition.unmet.map((part) => part.text) : [condition.name],
    )
    const block = section('未满足：', lines)
    block.dataset.kind = 'unmet'
    box.append(block)
  }
  const path = section('最少改动：', cheapestLines(result))
  path.dataset.kind = 'cheapest'
  box.append(path)
  if (result.prerequisite && result.prerequisite.held !== true) {
    box.append(
      element(
        'div',
        { className: 'section' },
        `注意：须先持有${result.prerequisite.name}称号${result.prerequisite.held === false ? '（目前没有）' : ''}`,
      ),
    )
  }
  const advice = (result.advice || []).filter((item) => item.kind === 'indicator')
  if (advice.length > 0) {
    const block = section(
      '提分建议：',
      advice.slice(0, 3).map((item) => item.text),
    )
    if (advice.length > 3) {
      const more = element('details')
      more.append(element('summary', {}, `其余${advice.length - 3}条建议`))
      const list = element('ul')
      for (const item of advice.slice(3)) list.append(element('li', {}, item.text))
      more.append(list)
      block.append(more)
    }
    box.append(block)
  }
  return box
}

function renderSummary(results) {
  const bar = document.getElementById('verdict-summary')
  bar.replaceChildren(
    ...results.map((result, index) => {
      const [kind, label] = verdictState(result)
      const score = scoreText(result)
      const chip = element(
        'button',
        { type: 'button', className: kind, 'data-program': result.program },
        `${PROGRAMS[index][2]} ${label}${score ? ` ${score}` : ''}`,
      )
      chip.addEventListener('click', () =>
        document.getElementById(`verdict-${result.program}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
      )
      return chip
    }),
  )
}

async function runAssessment() {
  const facts = readProfile()
  const sequence = ++state.assessSeq
  const container = document.getElementById('verdicts')
  try {
    const results = await Promise.all(PROGRAMS.map(([program]) => api('/assess', { program, facts })))
    if (sequence !== state.assessSeq) return
    container.replaceChildren(...results.map((result, index) => renderVerdict(PROGRAMS[index][1], result)))
    renderSummary(results)
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
    if (data.results.length === 0 || data.confident === false)
      results.append(element('li', { className: 'none' }, '没有找到相关政策（可建议来电人拨打12345或联系主管部门）'))
    for (const result of data.results) {
      const item = element('li', { 'data-card': result.id })
      item.append(
        element('span', { className: 'title' }, result.title),
        element('span', { className: 'snippet' }, result.snippet),
      )
      item.addEventListener('click', () => showCard(result.id))
      results.append(item)
    }
  } catch (error) {
    results.replaceChildren(element('li', { className: 'none' }, `搜索失败：${error.message}`))
  }
})

const CARD_FIELDS = [
  ['content', '服务内容'],
  ['requirements', '条件要求'],
  ['process', '服务流程'],
  ['timing', '时间/频度'],
  ['audience', '服务对象'],
  ['toolType', '工具分类'],
  ['contact', '联络方式'],
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
  reveal('search')
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
      setTimeout(() => {
        note.textContent = ''
      }, 2000)
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
    // On a phone the card sits under the result list: bring it up.
    if (!WIDE.matches) cardView.scrollIntoView({ block: 'start' })
  } catch (error) {
    cardView.hidden = false
    cardView.replaceChildren(element('p', {}, `无法打开卡片：${error.message}`))
  }
}

// ---------- batch screening: upload a list, show the table, download the reports ----------
const batchStatus = document.getElementById('batch-status')

function setBatchStatus(text, isError = false) {
  batchStatus.textContent = text
  batchStatus.className = isError ? 'error' : ''
}

/** Downloads through fetch so the API key goes along; the file is saved under its own name. */
async function download(path, filename) {
  try {
    const response = await request(path)
    if (!response.ok) throw await failure(response)
    const url = URL.createObjectURL(await response.blob())
    const link = element('a', { href: url, download: filename })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  } catch (error) {
    setBatchStatus(`下载失败：${error.message}`, true)
  }
}

document.getElementById('template-link').addEventListener('click', (event) => {
  event.preventDefault()
  download('/batch/template.xlsx', event.currentTarget.dataset.download)
})

const VERDICT_CLASS = { 符合: 'yes', 有条件符合: 'maybe', 待定: 'unknown', 不符合: 'no' }

/** One firm per row, the same columns as the downloadable report. */
function renderBatchTable(rows) {
  const table = document.getElementById('batch-table')
  const head = element('tr')
  for (const title of [
    '行',
    '企业',
    '规模',
    '创新型',
    '专精特新',
    '小巨人',
    '有条件结论',
    '待补充信息',
    '首要建议',
    '数据问题',
  ])
    head.append(element('th', { scope: 'col' }, title))
  const body = element('tbody')
  for (const row of rows) {
    const line = element('tr', { 'data-row': row.row })
    line.append(
      element('td', {}, String(row.row)),
      element('td', { className: 'wrap' }, row.name),
      element('td', {}, row.size),
    )
    for (const verdict of row.verdicts) {
      line.append(
        element(
          'td',
          { className: `verdict-cell ${VERDICT_CLASS[verdict.verdict] || ''}` },
          verdict.scoreText ? `${verdict.verdict} ${verdict.scoreText}` : verdict.verdict,
        ),
      )
    }
    const conditional = row.verdicts
      .filter((verdict) => verdict.conditional)
      .map((verdict) => `${verdict.programName}：${verdict.conditional}`)
      .join('；')
    const missing =
      row.missing.length > 4 ? `${row.missing.slice(0, 4).join('、')}等${row.missing.length}项` : row.missing.join('、')
    for (const text of [conditional, missing, row.topAdvice, row.errors.join('；')])
      line.append(element('td', { className: 'wrap' }, text))
    body.append(line)
  }
  const thead = element('thead')
  thead.append(head)
  table.replaceChildren(thead, body)
}

function renderBatchColumns(columns, notes) {
  const box = document.getElementById('batch-columns')
  box.replaceChildren()
  const unrecognised = columns?.unrecognised || []
  const recognised = columns?.recognised || []
  for (const note of notes || [])
    box.append(element('div', { className: /未识别|无法识别/.test(note) ? 'warn' : undefined }, note))
  // The server's notes name every column not used; without notes, list them here.
  if (unrecognised.length > 0 && !Array.isArray(notes)) {
    box.append(
      element(
        'div',
        { className: 'warn' },
        `未识别${unrecognised.length}列：${unrecognised.map((column) => `${column.column}列“${column.header}”`).join('、')}`,
      ),
    )
  }
  if (recognised.length > 0) {
    const details = element('details')
    details.append(element('summary', {}, `已识别${recognised.length}列`))
    details.append(
      element('div', {}, recognised.map((column) => `${column.column}列“${column.header}”→${column.label}`).join('；')),
    )
    box.append(details)
  }
}

/** "创新型中小企业：符合 2 · 待定 5 …" per program, then the firms closest to qualifying. */
function renderBatchSummary(summary) {
  const box = document.getElementById('batch-summary')
  box.replaceChildren()
  for (const count of summary?.counts || []) {
    const parts = Object.entries(count.verdicts)
      .filter(([, number]) => number > 0)
      .map(([verdict, number]) => `${verdict} ${number}`)
    box.append(element('div', { 'data-program': count.program }, `${count.programName}：${parts.join(' · ') || '—'}`))
  }
  const closest = (summary?.closest || []).slice(0, 3)
  if (closest.length > 0) {
    const list = element('ul', { className: 'closest' })
    for (const firm of closest)
      list.append(
        element(
          'li',
          {},
          `${firm.name}（${firm.programName}${firm.scoreText ? ` ${firm.scoreText}` : ''}）：${firm.advice}`,
        ),
      )
    const block = element('div', { className: 'section' }, '最接近达标：')
    block.append(list)
    box.append(block)
  }
}

async function uploadBatch(file) {
  const result = document.getElementById('batch-result')
  setBatchStatus(`正在评定：${file.name}…`)
  result.hidden = true
  const body = new FormData()
  body.append('file', file, file.name)
  try {
    const response = await request('/batch', { method: 'POST', body })
    if (!response.ok) throw await failure(response)
    const data = await response.json()
    const rows = Array.isArray(data.rows) ? data.rows : []
    setBatchStatus(`${data.fileName || file.name}：共${rows.length}家企业`)
    renderBatchSummary(data.summary)
    renderBatchColumns(data.columns, data.notes)
    const reports = document.getElementById('batch-reports')
    reports.replaceChildren(document.createTextNode('下载报告：'))
    const base = (data.fileName || file.name).replace(/\.(xlsx|csv|txt)$/i, '')
    for (const [format, label] of [
      ['xlsx', 'Excel'],
      ['csv', 'CSV'],
      ['md', 'Markdown'],
    ]) {
      const path = data.downloads?.[format]
      if (!path) continue
      const link = element('a', { href: path, 'data-report': format }, label)
      link.addEventListener('click', (event) => {
        event.preventDefault()
        download(path.replace(/^\/api\/v1/, ''), `${base}.report.${format}`)
      })
      reports.append(link)
    }
    renderBatchTable(rows)
    result.hidden = false
  } catch (error) {
    setBatchStatus(`评定失败：${error.message}`, true)
  }
}

const dropZone = document.getElementById('drop-zone')
document.getElementById('batch-file').addEventListener('change', (event) => {
  const [file] = event.target.files
  if (file) uploadBatch(file)
  event.target.value = ''
})
for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (event) => {
    event.preventDefault()
    dropZone.classList.add('dragging')
  })
}
for (const type of ['dragleave', 'drop']) dropZone.addEventListener(type, () => dropZone.classList.remove('dragging'))
dropZone.addEventListener('drop', (event) => {
  event.preventDefault()
  const [file] = event.dataTransfer?.files || []
  if (file) uploadBatch(file)
})
// A file dropped anywhere else must not replace the console.
window.addEventListener('dragover', (event) => event.preventDefault())
window.addEventListener('drop', (event) => event.preventDefault())

// ---------- new call, channel status ----------
document.getElementById('new-call').addEventListener('click', () => {
  state.userId = newUserId()
  clearTimeout(state.saveTimer)
  state.saveTimer = null
  messages.replaceChildren()
  form.reset()
  document.getElementById('profile-note').textContent = '边听边填，对话同步'
  showTab('chat')
  document.getElementById('session-label').textContent = ''
  cardView.hidden = true
  // At once, so the last caller's verdicts never show for the new one.
  clearTimeout(state.assessTimer)
  runAssessment()
  addMessage('bot', '新来电：已开始新的会话。')
})

async function refreshChannelStatus() {
  try {
    // Admin only (ADMIN_TOKEN): with an API key or none the badge simply stays hidden.
    const status = await api('/channels/status', undefined, { askKey: false })
    const badge = document.getElementById('wechat-status')
    if (!status.wechat || status.wechat.status === 'disabled') {
      badge.hidden = true
      return
    }
    badge.hidden = false
    badge.textContent =
      status.wechat.status === 'logged-in'
        ? `微信机器人已登录：${status.wechat.userName || ''}`
        : '微信机器人待扫码登录'
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
  addMessage('bot', '您好！输入来电企业的问题即可查询政策。企业信息边听边填，实时测评，并与对话共用。')
}

start().catch((error) => addMessage('error', `控制台加载失败：${error.message}`))
