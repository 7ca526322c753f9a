import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const bin = path.resolve('bin/slamark.js')

function run(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-cli-'))
  for (const [name, value] of Object.entries(files)) {
    const full = path.join(dir, name)
    spawnSync('mkdir', ['-p', path.dirname(full)])
    writeFileSync(full, value)
  }

  return dir
}

describe('slamark lint', () => {
  it('should exit 0 and print nothing for clean pages', () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\n{{< callout tip >}}\nFine.\n{{< /callout >}}\n'})
    const result = run(['lint', dir])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('should print file, line, column and rule id, and exit 1 on errors', () => {
    const dir = site({
      'content/docs/b.md': '---\ntitle: B\n---\n\nText.\n\n{{< callout context="note" >}}\nNever closed.\n'
    })
    const result = run(['lint', '.'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(path.join('content', 'docs', 'b.md'))
    expect(result.stderr).toMatch(/7:1-7:31\s+error\s+Unexpected end of file, expected `\{\{< \/callout >\}\}`/)
    expect(result.stderr).toContain('shortcode-unclosed')
  })

  it('should read the site’s own shortcode templates', () => {
    const dir = site({
      'layouts/shortcodes/box.html': '<div class="box">{{ .Inner }}</div>',
      'content/c.md': '---\ntitle: C\n---\n\n{{< box >}}\nInside.\n{{< /box >}}\n'
    })
    expect(run(['lint', dir]).code).toBe(0)
  })

  it('should lint single files and globs', () => {
    const dir = site({'x/one.md': 'Text {{< nosuch >}}\n', 'x/two.md': 'Fine.\n'})
    const single = run(['lint', 'x/two.md'], dir)
    expect(single.code).toBe(0)
    const globbed = run(['lint', 'x/*.md'], dir)
    expect(globbed.code).toBe(1)
    expect(globbed.stderr).toMatch(/1:10-1:16\s+error\s+Unexpected unknown shortcode `nosuch`/)
  })

  it('should exit 2 on an unknown command or an empty selection', () => {
    expect(run(['frobnicate']).code).toBe(2)
    const dir = site({'empty/readme.txt': 'no markdown'})
    const result = run(['lint', 'empty'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unexpected empty selection')
  })

  it('should print a data file’s messages under its own path, a holidays file shared by two pages once', () => {
    const result = run(['lint', '.'], path.resolve('test/fixtures/data-site'))
    expect(result.code).toBe(1)
    const sections: Record<string, string[]> = {}
    let current = ''
    for (const line of result.stderr.split('\n')) {
      if (/^\S/.test(line) && !/^\d/.test(line)) {
        current = line
        // Each file is printed once.
        expect(sections[current]).toBeUndefined()
        sections[current] = []
      }

      const message = /^(\d+:\d+-\d+:\d+)\s+(error|warning)\s.*\s(\S+)\s+slamark$/.exec(line)
      if (message) sections[current]!.push(`${message[1]} ${message[2]} ${message[3]}`)
    }

    expect(sections).toEqual({
      [path.join('content', 'care.md')]: ['17:16-17:42 error data-file-invalid'],
      [path.join('data', 'holidays-nl.ics')]: ['18:20-18:28 warning holiday-non-working-day', '24:20-24:28 warning holiday-non-working-day'],
      [path.join('data', 'sla', 'care-tickets.yaml')]: ['9:15-9:17 error unknown-priority', '12:36-12:61 error event-before-opened']
    })
    expect(result.stderr).toMatch(/5 messages \(\S 3 errors, \S 2 warnings\)/)
    expect(result.stderr).toContain('Unexpected 2 errors in `data/sla/care-tickets.yaml`, expected valid tickets')
    expect(result.stderr).toContain('read for `sla.calendars.office.holidaysFile` of `content/care.md`')
  })

  it('should fail on an error found only in a data file', () => {
    const dir = site({
      'content/a.md': '---\ntitle: A\nsla:\n  schema: 1\n  id: a\n  ticketsFile: data/t.json\n---\n',
      'data/t.json': '[{"id": "T-1"}]'
    })
    const result = run(['lint', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(path.join('data', 't.json'))
    expect(result.stderr).toMatch(/1:2-1:15\s+error\s+Unexpected missing key `priority`/)
  })

  it('should print the version', () => {
    const result = run(['--version'])
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('slamark eval', () => {
  function evaluate(args: string[], input: string) {
    const result = spawnSync(process.execPath, [bin, 'eval', ...args], {input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
    return {code: result.status, stdout: result.stdout, stderr: result.stderr}
  }

  it('should evaluate one JSON object from stdin (sla-domain V02)', () => {
    const input = {
      calendar: {timeZone: 'Europe/Amsterdam', hours: {'mon-fri': '09:00-17:00'}, holidays: []},
      target: {minutes: 240, label: 'critical: 4 business hours'},
      start: '2024-02-02T16:00:00+01:00',
      stop: '2024-02-05T12:30:00+01:00',
      creditPerBreachPercent: 5,
      ignored: 'unknown fields are ignored'
    }
    const result = evaluate(['ticket'], JSON.stringify(input))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      JSON.stringify(
        {
          elapsedBusinessMinutes: 270,
          targetMinutes: 240,
          dueAt: '2024-02-05T12:00:00+01:00',
          breached: true,
          breachedAt: '2024-02-05T12:00:00+01:00',
          percentOfTarget: 112.5,
          pausedBusinessMinutes: 0,
          state: 'breached',
          warnings: [],
          creditPercent: 5
        },
        null,
        2
      ) + '\n'
    )
  })

  it('should exit 2 with a message on bad input, an unknown kind or no JSON', () => {
    expect(evaluate(['ticket'], '{"calendar": 3}')).toEqual({code: 2, stdout: '', stderr: 'slamark eval ticket: Unexpected number `3`, expected an object (at `calendar`)\n'})
    expect(evaluate(['tiket'], '{}')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark eval: Unexpected kind `tiket`, expected one of `ticket`, `dueAfter`, `timeline`, `uptime`, `report`, `kpis` (did you mean `ticket`?)\n'
    })
    const notJson = evaluate(['uptime'], 'not json')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toMatch(/^slamark eval: Unexpected input, expected one JSON object on stdin: /)
    expect(evaluate([], '{}').code).toBe(2)
  })
})

describe('--as-of', () => {
  it('should refuse a value the engine cannot read, the same way in every command, before doing anything', () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nText.\n'})
    const commands: Array<[string, string[]]> = [
      ['slamark lint', ['lint', dir]],
      ['slamark build', ['build', dir, '--out', path.join(dir, 'public')]],
      ['slamark build --hugo', ['build', '--hugo', dir]],
      ['slamark export', ['export', '--format', 'json', dir]],
      ['slamark dev', ['dev', dir]]
    ]
    for (const value of ['yesterday', '2026-03-01', '2026-03-01T09:00:00']) {
      for (const [name, args] of commands) {
        expect(run([...args, '--as-of', value])).toEqual({
          code: 2,
          stdout: '',
          stderr: `${name}: Unexpected \`--as-of\` \`${value}\`, expected an instant with an offset, such as \`2026-03-01T09:00:00+01:00\`\n`
        })
      }
    }
  })
})

describe('options of another command', () => {
  it('should refuse an option the command does not take, before doing anything, with the option it may have meant', () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nText.\n'})
    const lintTakes = '`--reporter`, `--max-warnings`, `--changed-since`, `--fix`, `--fail-on-breach`, `--as-of`, `--config`, `--no-cache`, `--jobs`'
    expect(run(['lint', dir, '--format', 'json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `slamark lint: Unexpected option \`--format\` for this command, expected ${lintTakes} (did you mean \`--reporter\`?)\n`
    })
    expect(run(['export', dir, '--reporter', 'json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark export: Unexpected option `--reporter` for this command, expected `--format`, `--out`, `--as-of`, `--environment` (did you mean `--format`?)\n'
    })
    // `--out` belongs to the standalone build, not to the Hugo one, which writes into the site.
    expect(run(['build', '--hugo', dir, '--out', path.join(dir, 'public')])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark build --hugo: Unexpected option `--out` for this command, expected `--hugo`, `--as-of`, `--environment`\n'
    })
    expect(run(['schema', '--drafts'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark schema: Unexpected option `--drafts` for this command, expected `--out`\n'
    })
    expect(run(['eval', 'ticket', '--jobs', '2'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark eval: Unexpected option `--jobs` for this command, expected no options but `--help`\n'
    })
  })

  it('should take every option its help lists for the command', () => {
    const dir = site({'content/a.md': '---\ntitle: A\n---\n\nText.\n'})
    expect(run(['lint', dir, '--reporter', 'json', '--max-warnings', '0', '--as-of', '2026-03-01T09:00:00Z', '--no-cache', '--jobs', '1', '--no-color']).code).toBe(0)
    expect(run(['export', dir, '--format', 'json', '--as-of', '2026-03-01T09:00:00Z', '--environment', 'production']).code).toBe(0)
    expect(run(['build', dir, '--out', path.join(dir, 'public'), '--drafts', '--no-cache', '--as-of', '2026-03-01T09:00:00Z']).code).toBe(0)
  })
})
