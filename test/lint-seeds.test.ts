/**
 * The seed pages (real Doks SLA pages with mistakes, read-only under
 * ../shared/seeds) and the getdoks.org corpus, linted as a user lints them:
 * each seed's known mistakes are found, and the rules that judge prose
 * find nothing in the Doks documentation itself. Skipped, with a printed
 * reason, when the folder is missing.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {sharedRoot} from './support/shared.js'

const bin = path.resolve('bin/slamark.js')
const seeds = path.join(sharedRoot, 'seeds')
const corpus = path.join(sharedRoot, 'corpus', 'getdoks.org')

interface Report {
  files: Array<{path: string; messages: Array<{ruleId: string; line: number; severity: string}>}>
}

/** Lint a copy of a folder (the shared folder is read-only: the cache is written beside the copy). */
function lintCopy(folder: string, args: string[] = []): {code: number | null; report: Report} {
  const dir = mkdtempSync(path.join(tmpdir(), 'slamark-seeds-'))
  cpSync(folder, path.join(dir, 'site'), {recursive: true})
  const result = spawnSync(process.execPath, [bin, 'lint', '--no-cache', '--reporter', 'json', ...args, 'site'], {cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  return {code: result.status, report: JSON.parse(result.stdout) as Report}
}

describe('the seed pages', () => {
  if (!existsSync(seeds)) console.warn(`lint seeds: not checked, seeds folder ${seeds} does not exist`)

  it.skipIf(!existsSync(seeds))('should find each seed page’s mistakes', () => {
    const {code, report} = lintCopy(seeds)
    expect(code).toBe(1)
    const found = Object.fromEntries(report.files.map((file) => [path.basename(file.path), file.messages.map((message) => `${message.line} ${message.ruleId}`)]))
    expect(found['doks-sla-page-a.md']).toEqual([
      // The Doks starter's sample description, and its empty "recommended" SEO description.
      '3 frontmatter-boilerplate',
      '12 seo-description-empty',
      // A link to a heading that was renamed.
      '84 link-fragment-missing',
      // The generated draft's note to whoever asked for it.
      '89 generated-text-residue',
      '89 generated-text-residue'
    ])
    expect(found['doks-sla-page-b.md']).toEqual([
      '3 frontmatter-boilerplate',
      '12 seo-description-empty',
      // A link to a content file the site does not have.
      '65 link-page-missing',
      // The caution callout restated further down, with the same icon (a duplicate `svg-alert-triangle` id).
      '109 duplicate-block',
      '109 svg-id-duplicate'
    ])
  })
})

describe('the getdoks.org corpus', () => {
  if (!existsSync(corpus)) console.warn(`lint corpus: not checked, corpus folder ${corpus} does not exist`)

  it.skipIf(!existsSync(corpus))('should lint every page without a tool failure, and find no generated text or repeated blocks in Doks’ own documentation', () => {
    const {code, report} = lintCopy(corpus)
    expect(code === 0 || code === 1).toBe(true)
    const counts = new Map<string, number>()
    for (const file of report.files) for (const message of file.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
    console.info(`lint corpus: ${report.files.length} pages; ${[...counts].map(([id, count]) => `${id} ${count}`).join(', ') || 'no findings'}`)
    expect(report.files.length).toBeGreaterThan(40)
    expect(counts.get('read-error')).toBeUndefined()
    expect(counts.get('front-matter-internal')).toBeUndefined()
    expect(counts.get('generated-text-residue')).toBeUndefined()
    expect(counts.get('duplicate-block')).toBeUndefined()
    // `inline-svg` names page resources and assets, which are not Tabler's to judge.
    expect(counts.get('icon-unknown')).toBeUndefined()
  })
})
