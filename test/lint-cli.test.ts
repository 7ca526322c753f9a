import {spawnSync} from 'node:child_process'
import fs, {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {freshBundle} from '../src/util/fresh-bundle.js'
import {exampleSlaPage} from '../src/rules/sla-notices.js'

const bin = path.resolve('bin/slamark.js')
const fixture = path.resolve('test/fixtures/lint-site')
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}).version

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A copy of the fixture site (or of the given files) in a temporary folder. */
function site(files?: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-lint-'))
  if (!files) {
    cpSync(fixture, dir, {recursive: true})
    rmSync(path.join(dir, 'expected'), {recursive: true})
    return dir
  }

  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }

  return dir
}

const expected = (name: string) => readFileSync(path.join(fixture, 'expected', name), 'utf8')

describe('slamark lint on the fixture site', () => {
  it('should print the stylish report on stderr and exit 1 on errors', () => {
    expect(run(['lint', '--no-cache', '--no-color'], site())).toEqual({code: 1, stdout: '', stderr: expected('stylish.txt')})
  })

  it('should print the JSON report on stdout', () => {
    const result = run(['lint', '--no-cache', '--reporter', 'json'], site())
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(expected('report.json').replace('"version": "0.1.0"', `"version": "${version}"`))
  })

  it('should print GitHub workflow commands and write the step summary', () => {
    const dir = site()
    const summary = path.join(dir, 'summary.md')
    writeFileSync(summary, '# Earlier step\n')
    const result = run(['lint', '--no-cache', '--reporter', 'github'], dir, {GITHUB_STEP_SUMMARY: summary})
    expect(result).toEqual({code: 1, stdout: expected('github.txt'), stderr: ''})
    // Appended, as GitHub expects of every step.
    expect(readFileSync(summary, 'utf8')).toBe('# Earlier step\n' + expected('github-summary.md'))
  })

  it('should fix what is certain, touch nothing else, and find nothing more to fix the second time', () => {
    const dir = site()
    const page = path.join(dir, 'content/docs/desk.md')
    const first = run(['lint', '--no-cache', '--fix'], dir)
    expect(first.code).toBe(1)
    expect(readFileSync(page, 'utf8')).toBe(expected('desk-fixed.md'))
    expect(first.stderr).not.toContain('icon-unknown')
    expect(first.stderr).not.toContain('callout-context-unknown')
    expect(first.stderr).not.toContain('callout-after-paragraph')
    const second = run(['lint', '--no-cache', '--fix'], dir)
    expect(readFileSync(page, 'utf8')).toBe(expected('desk-fixed.md'))
    expect(second.stderr).toBe(first.stderr)
  })
})

describe('slamark lint exit codes', () => {
  const clean = {'content/a.md': '---\ntitle: A\ndescription: The first page.\n---\n\n## Terms\n\nSee [the terms](#terms).\n'}
  const warned = {'content/a.md': '---\ntitle: A\ndate: 2026-03-01\nlastmod: 2026-01-01\n---\n\nText.\n'}

  it('should exit 0 and print nothing for a clean site', () => {
    expect(run(['lint', '--no-cache'], site(clean))).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('should exit 0 with warnings only, and 1 when there are more than --max-warnings', () => {
    const dir = site(warned)
    const plain = run(['lint', '--no-cache'], dir)
    expect(plain.code).toBe(0)
    expect(plain.stderr).toContain('lastmod-before-date')
    expect(run(['lint', '--no-cache', '--max-warnings', '1'], dir).code).toBe(0)
    const over = run(['lint', '--no-cache', '--max-warnings', '0'], dir)
    expect(over.code).toBe(1)
    expect(over.stderr.endsWith('slamark lint: Unexpected 1 warnings, expected at most 0 (`--max-warnings`)\n')).toBe(true)
  })

  it('should make SLA notices errors with --fail-on-breach', () => {
    const page = exampleSlaPage(
      '  tickets:\n    - {id: T-1, priority: P1, opened: 2026-03-02T10:00:00+01:00, events: [{type: first-response, at: 2026-03-02T13:00:00+01:00}]}\n'
    )
    const dir = site({'content/desk.md': page})
    const warning = run(['lint', '--no-cache', '--as-of', '2026-03-03T10:00:00+01:00', '--reporter', 'json'], dir)
    expect(warning.code).toBe(0)
    const messages = (JSON.parse(warning.stdout) as {files: Array<{messages: Array<{ruleId: string; severity: string; line: number}>}>}).files[0]!.messages
    expect(messages.map((message) => [message.ruleId, message.severity, message.line])).toEqual([['sla-breach', 'warning', 15]])
    const error = run(['lint', '--no-cache', '--as-of', '2026-03-03T10:00:00+01:00', '--fail-on-breach'], dir)
    expect(error.code).toBe(1)
    expect(error.stderr).toMatch(/15:12-15:15\s+error\s+Unexpected missed target: T-1 first-response, expected every target and objective met\s+sla-breach/)
  })

  it('should exit 2 with a located message for a bad configuration', () => {
    const dir = site({...clean, 'slamark.config.yaml': 'rules:\n  duplicate-blocks: warn\n  icon-unknown: [warn, {x: 1}]\nignore: []\n'})
    expect(run(['lint', '--no-cache'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'slamark.config.yaml',
        '4:1-4:7 error Unexpected key `ignore`, expected one of `$schema`, `rules`, `ignores`, `markup`, `headingIdInput`, `failOnBreach`, `maxWarnings`, `shortcodes` config-invalid slamark',
        '  [url]:',
        '    https://github.com/slamark/slamark#config-invalid',
        '  [note]:',
        '    Did you mean `ignores`?',
        '',
        '✖ 1 error',
        ''
      ].join('\n')
    })
    const rules = site({...clean, 'slamark.config.json': '{"rules": {"duplicate-blocks": "warn", "icon-unknown": ["warn", {"x": 1}]}}'})
    const result = run(['lint', '--no-cache'], rules)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/1:12-1:30 error Unexpected rule `duplicate-blocks`, expected a rule id of slamark +config-invalid/)
    expect(result.stderr).toContain('Did you mean `duplicate-block`?')
    expect(result.stderr).toMatch(/1:65-1:73 error Unexpected options for `icon-unknown`, expected a severity only: the rule takes no options config-invalid/)
  })

  it('should say in the project’s words which value of a configuration is wrong and what would do', () => {
    const dir = site({
      ...clean,
      'slamark.config.yaml': 'rules:\n  icon-unknown: loud\n  link-page-missing: [warn, {}, 2]\nignores: content/drafts\nmaxWarnings: -1\nmarkup:\n  goldmark:\n    parser:\n      autoHeadingIDType: gitlab\n'
    })
    const result = run(['lint', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    // The reporter pads the messages to one column; the words are what is checked here.
    const lines = result.stderr
      .split('\n')
      .filter((line) => /^\d+:\d+/.test(line))
      .map((line) => line.replaceAll(/ {2,}/g, ' '))
    expect(lines).toEqual([
      '2:17-2:21 error Unexpected `loud` at `rules.icon-unknown`, expected `off`, `warn` or `error`, or a list of one of them and the rule’s options config-invalid slamark',
      '3:22-3:35 error Unexpected list of 3 items at `rules.link-page-missing`, expected at most 2 items config-invalid slamark',
      '4:10-4:24 error Unexpected string `content/drafts` at `ignores`, expected a list config-invalid slamark',
      '5:14-5:16 error Unexpected `-1` at `maxWarnings`, expected a number ≥ 0 config-invalid slamark',
      '9:26-9:32 error Unexpected `gitlab` at `markup.goldmark.parser.autoHeadingIDType`, expected one of `github`, `github-ascii`, `blackfriday` config-invalid slamark'
    ])
  })

  it('should exit 2 on bad options, an empty selection and outside git with --changed-since', () => {
    const dir = site(clean)
    expect(run(['lint', '--reporter', 'xml'], dir)).toEqual({code: 2, stdout: '', stderr: 'slamark lint: Unexpected reporter `xml`, expected `stylish`, `json`, `github`, `sarif`\n'})
    expect(run(['lint', '--max-warnings=-1'], dir)).toEqual({code: 2, stdout: '', stderr: 'slamark lint: Unexpected `--max-warnings` `-1`, expected a whole number of at least 0\n'})
    expect(run(['lint', '--as-of', 'tomorrow'], dir).code).toBe(2)
    expect(run(['lint', 'nothing/*.md'], dir)).toEqual({code: 2, stdout: '', stderr: 'slamark lint: Unexpected empty selection, expected Markdown files in nothing/*.md\n'})
    const git = run(['lint', '--no-cache', '--changed-since', 'main'], dir)
    expect(git.code).toBe(2)
    expect(git.stderr).toMatch(/^slamark lint: Unexpected git failure for `--changed-since main` \(.+\), expected a git repository and a known ref\n$/)
  })
})

describe('slamark lint --reporter github limits', () => {
  it('should annotate 10 errors, print the rest as lines and say how many', () => {
    const lines = Array.from({length: 12}, (_, index) => `See [x](#nowhere-${index}).`).join('\n\n')
    const dir = site({'content/a.md': `---\ntitle: A\n---\n\n${lines}\n`})
    const result = run(['lint', '--no-cache', '--reporter', 'github'], dir)
    expect(result.code).toBe(1)
    const out = result.stdout.split('\n')
    expect(out.filter((line) => line.startsWith('::error ')).length).toBe(10)
    expect(out[10]).toBe('content/a.md:25:5: error Unexpected fragment `#nowhere-10`, expected the id of a heading on this page (link-fragment-missing)')
    expect(out[11]).toBe('content/a.md:27:5: error Unexpected fragment `#nowhere-11`, expected the id of a heading on this page (link-fragment-missing)')
    expect(out[12]).toBe('::notice title=slamark::2 more findings than GitHub shows as annotations; see the lines above and the step summary')
    expect(out[13]).toBe('slamark: 12 errors, 0 warnings')
  })
})

describe('slamark lint worker threads', () => {
  it('should report the same over worker threads as in one thread', () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 70; index++) {
      files[`content/p${String(index).padStart(2, '0')}.md`] = `---\ntitle: P${index}\n---\n\n## Part ${index}\n\nSee [next](p${String(index + 1).padStart(2, '0')}.md#part-${index + 1}) and [here](#part-${index}x).\n`
    }

    const dir = site(files)
    const threads = run(['lint', '--no-cache', '--jobs', '2', '--reporter', 'json'], dir)
    const single = run(['lint', '--no-cache', '--jobs', '1', '--reporter', 'json'], dir)
    expect(threads.code).toBe(1)
    expect(threads.stdout).toBe(single.stdout)
    const report = JSON.parse(threads.stdout) as {errors: number}
    // 70 broken same-page fragments, and the last page's link to a page that does not exist.
    expect(report.errors).toBe(71)
  })
})

describe('slamark lint from its bundle', () => {
  it('reports from the bundle `npm run build` makes, over worker threads too, what it reports from its modules', async () => {
    const bundle = freshBundle(pathToFileURL(path.resolve('dist/lint-bundle/lint.js')), pathToFileURL(path.resolve('dist/cli/lint.js')))
    expect(bundle && path.relative(process.cwd(), fileURLToPath(bundle)), 'dist/lint-bundle/ is missing or older than the compiled command: run `npm run build`').toBe(path.join('dist', 'lint-bundle', 'lint.js'))
    const worker = freshBundle(pathToFileURL(path.resolve('dist/lint/worker.bundle.js')), pathToFileURL(path.resolve('dist/lint/worker.js')))
    expect(worker, 'dist/lint/worker.bundle.js is missing or older than the compiled worker: run `npm run build`').toBeDefined()

    // The examples, copied often enough (each copy its own sla.id) for the pages to go to worker threads.
    const files: Record<string, string> = {}
    for (const name of fs.readdirSync('content-examples', {recursive: true, encoding: 'utf8'})) {
      const file = path.join('content-examples', name)
      if (!fs.statSync(file).isFile()) continue
      const text = fs.readFileSync(file, 'utf8')
      for (let copy = 0; copy < (name.endsWith('.md') ? 10 : 1); copy++) {
        files[path.join('content', name.endsWith('.md') ? `copy-${copy}` : '', name)] = text.replace(/^(\s*id:\s*)(\S+)/m, `$1$2-${copy}`)
      }
    }

    const dir = site(files)
    const args = ['lint', '--no-cache', '--jobs', '2', '--reporter', 'json', '--as-of', '2026-12-01T00:00:00Z']
    const bundled = run(args, dir)
    let stdout = ''
    let stderr = ''
    const code = await main(args, {cwd: dir, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false})
    expect(JSON.parse(bundled.stdout).files.length).toBeGreaterThan(48)
    expect([bundled.code, bundled.stdout, bundled.stderr]).toEqual([code, stdout, stderr])
  })
})
