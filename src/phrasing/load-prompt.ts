import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** prompts/ at the repository root, found from this file (src/phrasing/ → ../../prompts/). */
export const PROMPTS_DIRECTORY = fileURLToPath(new URL('../../prompts/', import.meta.url))

/** A prompt that is missing, badly named, or not fully filled. Thrown at startup, never during a conversation. */
export class PromptError extends Error {
  override name = 'PromptError'
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g
/** A leading `<!-- … -->` block documents the prompt for its editors; it is not sent. */
const LEADING_COMMENT = /^\s*<!--[\s\S]*?-->\s*/

const cache = new Map<string, string>()

function readTemplate(name: string, directory: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
    throw new PromptError(`Invalid prompt name "${name}": use kebab-case, without ".md"`)
  const path = `${directory.replace(/\/?$/, '/')}${name}.md`
  const cached = cache.get(path)
  if (cached !== undefined) return cached
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new PromptError(`Prompt "${name}" not found at ${path}: ${(error as Error).message}`)
  }
  const template = text.replace(LEADING_COMMENT, '').trim()
  cache.set(path, template)
  return template
}

/**
 * Loads `prompts/<name>.md` and fills its `{{placeholder}}` slots. Files are read once and cached.
 * Throws PromptError when the file is missing, a placeholder has no value, or a value has no placeholder (a typo).
 * Values are inserted verbatim and never re-scanned, so a `{{…}}` inside user text stays text.
 *
 * @example
 * loadPrompt('rewrite-query', { question: '那小巨人呢？', context: '专精特新 奖励' })
 */
export function loadPrompt(
  name: string,
  variables: Record<string, string> = {},
  options: { directory?: string } = {},
): string {
  const template = readTemplate(name, options.directory ?? PROMPTS_DIRECTORY)
  const placeholders = new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))
  const missing = [...placeholders].filter((placeholder) => !(placeholder in variables))
  const unknown = Object.keys(variables).filter((variable) => !placeholders.has(variable))
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [
      missing.length > 0 ? `no value for {{${missing.join('}}, {{')}}}` : '',
      unknown.length > 0 ? `no placeholder for ${unknown.join(', ')}` : '',
    ].filter(Boolean)
    throw new PromptError(`Prompt "${name}": ${problems.join('; ')}`)
  }
  return template.replace(PLACEHOLDER, (_match, placeholder: string) => variables[placeholder])
}
