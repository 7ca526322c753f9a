/**
 * `slamark build --hugo` without Hugo: what it writes, where, and that the
 * same site and "now" give the same bytes under any time zone and locale.
 * (Hugo reading the files is `hugo-module.test.ts`.)
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {hugoDataFormat, type HugoPageData} from '../src/hugo-data/page-data.js'
import {projectRoot} from './support/tree.js'

const asOf = '2026-03-20T12:00:00+01:00'
const fixtureContent = path.join(projectRoot, 'test', 'fixtures', 'hugo-module', 'content')
const temporary: string[] = []

afterAll(() => {
  for (const folder of temporary) fs.rmSync(folder, {recursive: true, force: true})
})

function site(files: Record<string, string> = {}, content = fixtureContent): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-build-hugo-'))
  temporary.push(root)
  fs.writeFileSync(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\n')
  if (content) fs.cpSync(content, path.join(root, 'content'), {recursive: true})
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    fs.writeFileSync(path.join(root, name), text)
  }

  return root
}

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {cwd, color: false, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text)})
  return {code, stdout, stderr}
}

/** Every file under a folder with its bytes. */
function snapshotOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const name of (fs.readdirSync(folder, {recursive: true}) as string[]).sort()) {
    const full = path.join(folder, name)
    if (fs.statSync(full).isFile()) files[name.split(path.sep).join('/')] = fs.readFileSync(full, 'utf8')
  }

  return files
}

describe('slamark build --hugo', () => {
  it('should write one data file per SLA page, with the report and every call keyed as Hugo counts them', async () => {
    const root = site({'content/about.md': '---\ntitle: About\n---\n\nNo SLA here.\n'})
    const before = snapshotOf(path.join(root, 'content'))
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^slamark: 1 SLA data file in .*data\/slamark\n$/)
    // Content is read, never written.
    expect(snapshotOf(path.join(root, 'content'))).toEqual(before)
    expect(fs.readdirSync(path.join(root, 'data', 'slamark'))).toEqual(['harbour-kiln-rollout.json'])

    const data = JSON.parse(fs.readFileSync(path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json'), 'utf8')) as HugoPageData
    expect(data.format).toBe(hugoDataFormat)
    expect(data.slaId).toBe('harbour-kiln-rollout')
    expect(data.page).toBe('docs/kiln-rollout.md')
    expect(data.asOf).toBe('2026-03-20T12:00:00+01:00')
    expect(data.report.slaId).toBe('harbour-kiln-rollout')
    // The comment is no call; the callout is call 4, and the call inside it its first (`4.0`).
    expect(Object.keys(data.calls).sort().map((key) => [key, data.calls[key]!.name, data.calls[key]!.path ?? null])).toEqual([
      ['0', 'sla-value', 'availability.objective'],
      ['1', 'sla-value', 'availability.objective'],
      ['2', 'sla-value', 'targets.first-response.goals.P1'],
      ['3', 'sla-value', 'targets.first-response.goals.P2'],
      ['4.0', 'sla-value', 'targets.first-response.goals.P1'],
      ['5', 'sla-timeline', null],
      ['6', 'sla-breaches', null],
      ['7', 'sla-value', 'availability.objectiv'],
      ['8', 'sla-value', 'availability.window'],
      ['9', 'sla-value', 'availability.window']
    ])
    expect(data.calls['0']!.html).toBe('<span class="sla-value" data-sla-path="availability.objective">99.5 %</span>')
    expect(data.calls['2']!.html).toBe('<span class="sla-value" data-sla-path="targets.first-response.goals.P1">2 business hours</span>')
    expect(data.calls['7']!).toEqual({
      name: 'sla-value',
      path: 'availability.objectiv',
      html: '',
      messages: [
        'content/docs/kiln-rollout.md:78:42: Unexpected `availability.objectiv`: no `objectiv` in `availability`, expected one of `objective`, `window`, `incidents`, `creditTiers` [sla-value-unknown-path]'
      ]
    })
    // Hugo runs a shortcode in raw HTML, where slamark keeps it as written: the template is to say so.
    expect(data.calls['9']!).toEqual({
      name: 'sla-value',
      path: 'availability.window',
      html: '',
      messages: [
        "content/docs/kiln-rollout.md:82:50: Unexpected `sla-value` where slamark keeps shortcodes as written (code, raw HTML, a link, or a shortcode it does not render), expected it in the page's Markdown: it shows nothing here"
      ]
    })
    expect(data.calls['5']!.html).toMatch(/^<figure class="sla-timeline" data-sla-id="harbour-kiln-rollout">/)
    expect(data.calls['6']!.html).toMatch(/^<div class="sla-breaches" data-sla-id="harbour-kiln-rollout"><div class="callout callout-danger /)
    expect(data.breachNotice).toMatch(/^<div class="sla-breach-notice" data-sla-id="harbour-kiln-rollout">/)
    expect(Object.keys(data.values)).toEqual(['availability.objective', 'targets.first-response.goals.P1', 'targets.first-response.goals.P2'])
    expect(Object.keys(data.sections)).toEqual(['sla-breaches', 'sla-timeline'])
    // No marker of the cutting is left in any HTML.
    expect(fs.readFileSync(path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json'), 'utf8')).not.toContain('data-slamark-fragment')
  })

  it('should render with the site’s Goldmark settings, from config/_default in YAML or the root file in TOML', async () => {
    const messageOfRawCall = async (files: Record<string, string>) => {
      const root = site(files)
      expect((await cli(['build', '--hugo', root, '--as-of', asOf])).code).toBe(0)
      const data = JSON.parse(fs.readFileSync(path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json'), 'utf8')) as HugoPageData
      return data.calls['9']!.messages[0]
    }

    // Hugo's default keeps raw HTML out, so the call in it stays text; `unsafe` renders it.
    expect(await messageOfRawCall({})).toContain('where slamark keeps shortcodes as written')
    expect(await messageOfRawCall({'config/_default/markup.yaml': 'goldmark:\n  renderer:\n    unsafe: true\n'})).toContain('[shortcode-not-rendered]')
    expect(await messageOfRawCall({'hugo.toml': 'baseURL = "https://example.org/"\n[markup.goldmark.renderer]\nunsafe = true\n'})).toContain('[shortcode-not-rendered]')
  })

  it('should write the same bytes under any time zone and locale, with keys in order', () => {
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns'].map((zone, index) => {
      const root = site()
      const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'slamark.js'), 'build', '--hugo', root, '--as-of', asOf], {
        encoding: 'utf8',
        env: {...process.env, TZ: zone, LANG: ['C', 'tr_TR.UTF-8', 'ja_JP.UTF-8'][index], LC_ALL: ['C', 'tr_TR.UTF-8', 'ja_JP.UTF-8'][index]}
      })
      expect(result.status).toBe(0)
      return fs.readFileSync(path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json'), 'utf8')
    })
    expect(outputs[1]).toBe(outputs[0])
    expect(outputs[2]).toBe(outputs[0])
    const keys = Object.keys(JSON.parse(outputs[0]!) as object)
    expect(keys).toEqual([...keys].sort())
    expect(outputs[0]!.endsWith('}\n')).toBe(true)
  })

  it('should remove its own files of SLAs that are gone, and leave other files alone', async () => {
    const root = site({
      'data/slamark/old-sla.json': JSON.stringify({format: hugoDataFormat, slaId: 'old-sla'}),
      'data/slamark/notes.json': '{"mine": true}\n'
    })
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 of SLAs no page has any more removed')
    expect(fs.readdirSync(path.join(root, 'data', 'slamark')).sort()).toEqual(['harbour-kiln-rollout.json', 'notes.json'])
  })

  it('should refuse a data folder that leads out of the site, and write nothing there', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-outside-'))
    temporary.push(outside)
    const root = site()
    fs.mkdirSync(path.join(root, 'data'))
    fs.symlinkSync(outside, path.join(root, 'data', 'slamark'))
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Unexpected `.*data\/slamark` leading to `.*slamark-outside-.*`, expected a folder inside the site/)
    expect(fs.readdirSync(outside)).toEqual([])
  })

  it('should replace a link at a data file’s name rather than write through it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-outside-'))
    temporary.push(outside)
    fs.writeFileSync(path.join(outside, 'target.json'), 'unchanged')
    const root = site()
    fs.mkdirSync(path.join(root, 'data', 'slamark'), {recursive: true})
    fs.symlinkSync(path.join(outside, 'target.json'), path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json'))
    expect((await cli(['build', '--hugo', root, '--as-of', asOf])).code).toBe(0)
    expect(fs.readFileSync(path.join(outside, 'target.json'), 'utf8')).toBe('unchanged')
    expect(fs.lstatSync(path.join(root, 'data', 'slamark', 'harbour-kiln-rollout.json')).isFile()).toBe(true)
  })

  it('should stop on errors with the located message and write nothing', async () => {
    const root = site({'content/docs/broken.md': '---\ntitle: Broken\nsla:\n  schema: 1\n  id: Broken Id\n---\n\nText.\n'})
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/broken\.md\n\s*5:7-5:16\s+error\s+/)
    expect(result.stderr).toContain('sla-id-invalid')
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false)
  })

  it('should stop on a configuration value Hugo would stop on', async () => {
    const root = site({'config/_default/markup.toml': '[goldmark.renderer]\nunsafe = "yes"\n'})
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/markup\.toml\n\s*2:10-2:15\s+error\s+/)
    expect(result.stderr).toContain('config-value-type')
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false)
  })

  it('should stop when two pages share an SLA id', async () => {
    const copy = fs.readFileSync(path.join(fixtureContent, 'docs', 'kiln-rollout.md'), 'utf8')
    const root = site({'content/docs/copy.md': copy})
    const result = await cli(['build', '--hugo', root, '--as-of', asOf])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('sla-id-duplicate')
    expect(fs.existsSync(path.join(root, 'data'))).toBe(false)
  })

  it('should report bad usage with exit 2', async () => {
    const root = site()
    expect(await cli(['build', '--hugo', root, '--as-of', 'yesterday'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'slamark build --hugo: Unexpected `--as-of` `yesterday`, expected an instant with an offset, such as `2026-03-01T09:00:00+01:00`\n'
    })
    expect((await cli(['build', '--hugo', root, root])).stderr).toMatch(/Unexpected arguments `.* .*`, expected one site folder/)
    const pagesOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'slamark-pages-'))
    temporary.push(pagesOnly)
    fs.writeFileSync(path.join(pagesOnly, 'a.md'), '# A\n')
    const notSite = await cli(['build', '--hugo', pagesOnly])
    expect(notSite.code).toBe(2)
    expect(notSite.stderr).toMatch(/expected a Hugo site \(a folder with a Hugo configuration or a `content\/` folder\), not a folder of pages/)
    expect(fs.readdirSync(pagesOnly)).toEqual(['a.md'])
  })
})
