/** One instruction of a Dockerfile: `COPY --from=deps /a ./b` → { keyword: 'COPY', args: '--from=deps /a ./b' }. */
export interface DockerInstruction {
  keyword: string
  args: string
}

/** The build stages of a Dockerfile, each with its instructions (comments dropped, `\` continuations joined). */
export function readDockerfile(
  text: string,
): Array<{ from: string; name?: string; instructions: DockerInstruction[] }> {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const stages: Array<{ from: string; name?: string; instructions: DockerInstruction[] }> = []
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? []
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() }
    if (instruction.keyword === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction.args) ?? []
      stages.push({ from, name, instructions: [] })
    } else stages.at(-1)?.instructions.push(instruction)
  }
  return stages
}
