import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cacheFolder} from '../src/lint/cache.js'
import type {LoadedConfig} from '../src/lint/config.js'
import {jsonReport} from '../src/lint/reporters/json.js'
import {stylishReport} from '../src/lint/reporters/stylish.js'
import {runLint, type LintRunOptions} from '../src/lint/run.js'
import {lintRules} from '../src/rules/index.js'
import {exampleSlaPage} from '../src/rules/sla-notices.js'

const sentinel = 'Unexpected result from the cache, expected it only when nothing it depends on changed'

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-cache-'))
  write(dir, files)
  return dir
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
}

const noConfig = (dir: string): LoadedConfig => ({config: {}, path: undefined, root: dir, text: ''})

async function lint(dir: string, options: Partial<LintRunOptions> = {}) {
  const result = await runLint({cwd: dir, inputs: [], config: noConfig(dir), version: '1.0.0', jobs: 1, ...options})
  return Object.fromEntries(result.files.map((file) => [file.path, file.messages.map((message) => `${message.ruleId}: ${message.reason}`)]))
}

/** Put a message no rule makes into the cached result of a page: it shows only when that entry is used. */
function poison(dir: string, page: string): void {
  const folder = cacheFolder(dir)
  const [name] = readdirSync(folder)
  const file = path.join(folder, name!)
  const cache = JSON.parse(readFileSync(file, 'utf8')) as {entries: Record<string, {result: {messages: unknown[]}}>}
  cache.entries[page]!.result.messages.push({reason: sentinel, ruleId: 'cache-probe', source: 'test', fatal: false, place: {start: {line: 1, column: 1}, end: {line: 1, column: 2}}})
  writeFileSync(file, JSON.stringify(cache))
}

const cached = (messages: Record<string, string[]>, page: string) => messages[page]!.includes(`cache-probe: ${sentinel}`)

describe('lint cache', () => {
  it('should keep results under node_modules/.cache/slamark and use them while nothing changed', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nFine.\n', 'content/b.md': '---\ntitle: B\n---\n\nAlso fine.\n'})
    expect(await lint(dir)).toEqual({'content/a.md': [], 'content/b.md': []})
    expect(cacheFolder(dir)).toBe(path.join(dir, 'node_modules', '.cache', 'slamark', 'lint'))
    poison(dir, 'content/a.md')
    const again = await lint(dir)
    expect(cached(again, 'content/a.md')).toBe(true)
    // `--no-cache` reads nothing.
    expect(cached(await lint(dir, {cache: false}), 'content/a.md')).toBe(false)
  })

  it('should lint a page again when its text changed, and only that page', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nFine.\n', 'content/b.md': '---\ntitle: B\n---\n\nAlso fine.\n'})
    await lint(dir)
    poison(dir, 'content/a.md')
    poison(dir, 'content/b.md')
    write(dir, {'content/a.md': '---\ntitle: A\n---\n\nChanged.\n'})
    const after = await lint(dir)
    expect(cached(after, 'content/a.md')).toBe(false)
    expect(cached(after, 'content/b.md')).toBe(true)
  })

  it('should drop every result when the configuration or slamark’s version changed', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nFine.\n'})
    await lint(dir)
    poison(dir, 'content/a.md')
    const config: LoadedConfig = {config: {rules: {'duplicate-block': 'off'}}, path: undefined, root: dir, text: ''}
    expect(cached(await lint(dir, {config}), 'content/a.md')).toBe(false)
    await lint(dir)
    poison(dir, 'content/a.md')
    expect(cached(await lint(dir, {version: '1.0.1'}), 'content/a.md')).toBe(false)
  })

  it('should drop an SLA page’s result when "now" changed, and keep the others', async () => {
    const sla = exampleSlaPage('  tickets:\n    - {id: T-1, priority: P1, opened: 2026-03-02T10:00:00+01:00}\n')
    const dir = site({'content/desk.md': sla, 'content/plain.md': '---\ntitle: Plain\n---\n\nNo SLA here.\n'})
    await lint(dir, {asOf: '2026-03-02T10:30:00+01:00'})
    poison(dir, 'content/desk.md')
    poison(dir, 'content/plain.md')
    const same = await lint(dir, {asOf: '2026-03-02T10:30:00+01:00'})
    expect(cached(same, 'content/desk.md')).toBe(true)
    const later = await lint(dir, {asOf: '2026-03-03T10:30:00+01:00'})
    expect(cached(later, 'content/desk.md')).toBe(false)
    expect(later['content/desk.md']).toContain('sla-breach: Unexpected missed target: T-1 first-response, expected every target and objective met')
    expect(cached(later, 'content/plain.md')).toBe(true)
  })

  it('should keep an SLA page with its own `sla.asOf` across runs, until `--as-of` overrides it', async () => {
    const sla = exampleSlaPage('  asOf: 2026-03-02T10:30:00+01:00\n  tickets:\n    - {id: T-1, priority: P1, opened: 2026-03-02T10:00:00+01:00}\n')
    const dir = site({'content/desk.md': sla})
    await lint(dir)
    poison(dir, 'content/desk.md')
    expect(cached(await lint(dir), 'content/desk.md')).toBe(true)
    const overridden = await lint(dir, {asOf: '2026-03-03T10:30:00+01:00'})
    expect(cached(overridden, 'content/desk.md')).toBe(false)
    expect(overridden['content/desk.md']).toContain('sla-breach: Unexpected missed target: T-1 first-response, expected every target and objective met')
  })

  it('should drop a page’s result when a data file it reads changed', async () => {
    const sla = exampleSlaPage('  ticketsFile: data/tickets.yaml\n')
    const dir = site({'content/desk.md': sla, 'data/tickets.yaml': '- {id: T-1, priority: P1, opened: 2026-03-02T10:00:00+01:00}\n'})
    await lint(dir, {asOf: '2026-03-02T10:30:00+01:00'})
    poison(dir, 'content/desk.md')
    expect(cached(await lint(dir, {asOf: '2026-03-02T10:30:00+01:00'}), 'content/desk.md')).toBe(true)
    write(dir, {'data/tickets.yaml': '- {id: T-1, priority: P9, opened: 2026-03-02T10:00:00+01:00}\n'})
    const after = await lint(dir, {asOf: '2026-03-02T10:30:00+01:00'})
    expect(cached(after, 'content/desk.md')).toBe(false)
    expect(after['data/tickets.yaml']!.some((line) => line.startsWith('unknown-priority: '))).toBe(true)
  })

  it('should forget pages that are gone', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nFine.\n', 'content/b.md': '---\ntitle: B\n---\n\nAlso fine.\n'})
    await lint(dir)
    const folder = cacheFolder(dir)
    const entries = () => Object.keys((JSON.parse(readFileSync(path.join(folder, readdirSync(folder)[0]!), 'utf8')) as {entries: object}).entries)
    expect(entries()).toEqual(['content/a.md', 'content/b.md'])
    rmSync(path.join(dir, 'content/b.md'))
    await lint(dir)
    expect(entries()).toEqual(['content/a.md'])
  })

  it('should check a cached page against the pages it links to on every run', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nSee [the terms](b.md#terms).\n', 'content/b.md': '---\ntitle: B\n---\n\n## Terms\n'})
    expect(await lint(dir)).toEqual({'content/a.md': [], 'content/b.md': []})
    poison(dir, 'content/a.md')
    write(dir, {'content/b.md': '---\ntitle: B\n---\n\n## Conditions\n'})
    const after = await lint(dir)
    // `a` came from the cache, and its link is checked against the new `b`.
    expect(cached(after, 'content/a.md')).toBe(true)
    expect(after['content/a.md']).toContain('link-fragment-missing: Unexpected fragment `#terms` of `b.md`, expected the id of a heading on that page')
  })

  it('should report a page from the cache exactly as a page linted now: related place, fix, hint', async () => {
    const example = (id: string) => lintRules.find((rule) => rule.id === id)!.examples.find((item) => item.title.startsWith('not ok'))!.input
    const dir = site({'content/repeat.md': example('duplicate-block'), 'content/context.md': example('callout-context-unknown')})
    const report = async (cache: boolean) => {
      const result = await runLint({cwd: dir, inputs: [], config: noConfig(dir), version: '1.0.0', jobs: 1, cache})
      const input = {files: result.files, version: '1.0.0', cwd: dir}
      return {json: jsonReport(input), stylish: stylishReport(input, false)}
    }

    const fresh = await report(false)
    await report(true)
    // Both pages come from the cache now: a message put into it shows.
    poison(dir, 'content/repeat.md')
    poison(dir, 'content/context.md')
    expect((await report(true)).json.match(/cache-probe/g)).toHaveLength(2)
    const folder = cacheFolder(dir)
    const file = path.join(folder, readdirSync(folder)[0]!)
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {entries: Record<string, {result: {messages: unknown[]}}>}
    for (const entry of Object.values(stored.entries)) entry.result.messages.pop()
    writeFileSync(file, JSON.stringify(stored))
    expect(await report(true)).toEqual(fresh)
    const related = JSON.parse(fresh.json) as {files: Array<{path: string; messages: Array<Record<string, unknown>>}>}
    const messages = Object.fromEntries(related.files.map((item) => [item.path, item.messages]))
    expect(messages['content/repeat.md']!.find((message) => message.ruleId === 'duplicate-block')!.related).toEqual({message: 'First said here', path: 'content/repeat.md', line: 1, column: 1, endLine: 3, endColumn: 17})
    expect(messages['content/context.md']!.find((message) => message.ruleId === 'callout-context-unknown')!.fix).toEqual({start: 21, end: 28, text: 'caution'})
  })

  it('should ignore a cache file of an earlier format', async () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nFine.\n'})
    await lint(dir)
    poison(dir, 'content/a.md')
    const folder = cacheFolder(dir)
    const file = path.join(folder, readdirSync(folder)[0]!)
    const {format, ...earlier} = JSON.parse(readFileSync(file, 'utf8')) as {format: number}
    expect(format).toBe(2)
    writeFileSync(file, JSON.stringify(earlier))
    expect(cached(await lint(dir), 'content/a.md')).toBe(false)
  })
})
