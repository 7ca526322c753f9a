import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const bin = path.resolve('bin/slamark.js')

function write(dir: string, files: Record<string, string>): void {
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), value)
  }
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, {cwd: dir, stdio: 'ignore', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid'}})
}

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: The ${title} page.\n---\n\n${body}\n`

/**
 * A git repository holding a site: `a` links to a heading of `b`, `d` links
 * to `e`, `c` has a broken anchor of its own. On a branch, `b`'s heading is
 * renamed, `e` is deleted, `f` is added (untracked) with a broken anchor.
 */
function repository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-changed-'))
  git(dir, 'init', '--quiet', '--initial-branch', 'main')
  write(dir, {
    'content/a.md': page('A', 'Read [the intro](b.md#intro).'),
    'content/b.md': page('B', '## Intro\n\nHello.'),
    'content/c.md': page('C', 'See [nothing](#nothing).'),
    'content/d.md': page('D', 'See [E](e.md).'),
    'content/e.md': page('E', 'Soon gone.')
  })
  git(dir, 'add', '-A')
  git(dir, 'commit', '--quiet', '-m', 'site')
  git(dir, 'checkout', '--quiet', '-b', 'change')
  write(dir, {'content/b.md': page('B', '## Overview\n\nHello.')})
  git(dir, 'commit', '--quiet', '-am', 'rename')
  rmSync(path.join(dir, 'content/e.md'))
  write(dir, {'content/f.md': page('F', 'See [where](#where).')})
  return dir
}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('slamark lint --changed-since', () => {
  it('should report the changed pages and the pages linking into them, with the whole site for the site checks', () => {
    const dir = repository()
    const result = run(['lint', '--no-cache', '--changed-since', 'main', '--reporter', 'json'], dir)
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {files: Array<{path: string; messages: Array<{ruleId: string; line: number; column: number}>}>}
    expect(report.files.map((file) => [file.path, file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)])).toEqual([
      // Links into the renamed heading of a changed page.
      ['content/a.md', ['6:6 link-fragment-missing']],
      // Changed, fine in itself.
      ['content/b.md', []],
      // Links to a deleted page.
      ['content/d.md', ['6:5 link-page-missing']],
      // New.
      ['content/f.md', ['6:5 link-fragment-missing']]
    ])
  })

  it('should annotate the changed pages first', () => {
    const dir = repository()
    const lines = run(['lint', '--no-cache', '--changed-since', 'main', '--reporter', 'github'], dir).stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('::')).map((line) => /file=([^,]+)/.exec(line)?.[1])).toEqual(['content/f.md', 'content/a.md', 'content/d.md'])
  })

  it('should report everything without it', () => {
    const dir = repository()
    const report = JSON.parse(run(['lint', '--no-cache', '--reporter', 'json'], dir).stdout) as {files: Array<{path: string}>}
    expect(report.files.map((file) => file.path)).toEqual(['content/a.md', 'content/b.md', 'content/c.md', 'content/d.md', 'content/f.md'])
  })

  it('should exit 2 on an unknown ref', () => {
    const dir = repository()
    const result = run(['lint', '--no-cache', '--changed-since', 'no-such-branch'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^slamark lint: Unexpected git failure for `--changed-since no-such-branch`/)
  })
})
