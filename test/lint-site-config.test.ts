/**
 * `slamark lint` reads the site as Hugo does: its content folder
 * (`contentDir`) and its Goldmark settings from the Hugo configuration, with
 * slamark.config's `markup` on top, and reports a bad configuration value at
 * its place.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const bin = path.resolve('bin/slamark.js')

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-lint-config-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }

  return dir
}

const page = '---\ntitle: A\n---\n\n## Intro\n\nSee [the intro](#intro).\n'

/** Each message of the JSON report as `file:line:column rule`. */
function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as {files: Array<{path: string; messages: Array<{line: number; column: number; ruleId: string}>}>}
  return report.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}`))
}

describe('slamark lint and the Hugo configuration', () => {
  it('should lint the pages of the configured content folder only', () => {
    const dir = site({'hugo.toml': 'contentDir = "pages"\n', 'pages/a.md': page, 'README.md': '# Readme\n\n[x](#nowhere)\n'})
    const result = run(['lint', '--no-cache', '--reporter', 'json'], dir)
    expect(result.stderr).toBe('')
    expect((JSON.parse(result.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual([path.join('pages', 'a.md')])
    expect(result.code).toBe(0)
  })

  it('should take heading ids as the site configures them, slamark.config winning', () => {
    const withoutIds = '[markup.goldmark.parser]\nautoHeadingID = false\n'
    const off = run(['lint', '--no-cache', '--reporter', 'json'], site({'hugo.toml': withoutIds, 'content/a.md': page}))
    expect(findings(off.stdout)).toEqual([`${path.join('content', 'a.md')}:7:5 link-fragment-missing`])

    const on = run(['lint', '--no-cache', '--reporter', 'json'], site({'hugo.toml': withoutIds, 'content/a.md': page, 'slamark.config.json': JSON.stringify({markup: {goldmark: {parser: {autoHeadingID: true}}}})}))
    expect(findings(on.stdout)).toEqual([])
  })

  it('should report a configuration value Hugo stops on, at its place, and exit 1', () => {
    const result = run(['lint', '--no-cache', '--reporter', 'json'], site({'hugo.toml': '[markup.goldmark.renderer]\nunsafe = "yes"\n', 'content/a.md': page}))
    expect(findings(result.stdout)).toEqual(['hugo.toml:2:10 config-value-type'])
    expect(result.code).toBe(1)
  })
})
