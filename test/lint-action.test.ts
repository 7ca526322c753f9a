import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

interface Action {
  runs: {using: string; steps: Array<{shell: string; env: Record<string, string>; run: string}>}
  inputs: Record<string, {default?: string}>
}

const action = parse(readFileSync('action.yml', 'utf8')) as Action

/** Run the action's step as the runner would, with its inputs as the runner puts them in the environment. */
function runStep(dir: string, inputs: Record<string, string>) {
  const step = action.runs.steps[0]!
  const env: Record<string, string> = {}
  for (const [name, expression] of Object.entries(step.env)) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(expression)![1]!
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? ''
  }

  const result = spawnSync('bash', ['-c', step.run], {cwd: dir, encoding: 'utf8', env: {...process.env, ...env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** A site whose project installs slamark (this checkout's binary as `node_modules/.bin/slamark`). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-action-'))
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }

  mkdirSync(path.join(dir, 'node_modules', '.bin'), {recursive: true})
  symlinkSync(path.resolve('bin/slamark.js'), path.join(dir, 'node_modules', '.bin', 'slamark'))
  return dir
}

describe('action.yml', () => {
  it('should be a composite action whose inputs reach the script only through the environment', () => {
    expect(action.runs.using).toBe('composite')
    const step = action.runs.steps[0]!
    expect(step.shell).toBe('bash')
    expect(step.run).not.toContain('${{')
    expect(Object.values(step.env).every((value) => /^\$\{\{ inputs\.[a-z-]+ \}\}$/.test(value))).toBe(true)
    expect(Object.keys(action.inputs).sort()).toEqual(['as-of', 'changed-since', 'config', 'fail-on-breach', 'max-warnings', 'path', 'version'])
  })

  it('should run slamark lint with the github reporter and fail the step on errors', () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nSee [x](#nowhere).\n'})
    const result = runStep(dir, {})
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '::error file=content/a.md,line=5,endLine=5,col=5,endColumn=17,title=slamark link-fragment-missing::Unexpected fragment `#nowhere`, expected the id of a heading on this page%0AHeading ids are made from the heading text as Hugo makes them; the link jumps nowhere\nslamark: 1 error, 0 warnings\n'
    )
  })

  it('should pass its inputs as options, paths with spaces and dashes kept whole', () => {
    const dir = site({'my pages/-a.md': '---\ntitle: A\ndate: 2026-03-01\nlastmod: 2026-01-01\n---\n\nText.\n'})
    expect(runStep(dir, {path: 'my pages'}).code).toBe(0)
    const strict = runStep(dir, {path: 'my pages', 'max-warnings': '0'})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('::warning file=my pages/-a.md,line=4')
    expect(strict.stderr).toBe('slamark lint: Unexpected 1 warnings, expected at most 0 (`--max-warnings`)\n')
  })
})
