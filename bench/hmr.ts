/**
 * The dev server's update time on the benchmark corpus: the time from
 * writing a page to Vite sending the HMR update, and to the page's module
 * being served again, re-rendered. One process of its own; prints one JSON
 * line.
 *
 * Usage: node --import tsx bench/hmr.ts <content folder> [edits]
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {HotPayload} from 'vite'
import {startDevServer} from '../src/vite/dev.js'
import {median, now} from './measure.js'

const [contentDir, editsOption] = process.argv.slice(2)
const edits = Number(editsOption ?? 15)
if (!contentDir) throw new Error('Unexpected missing content folder, expected `node --import tsx bench/hmr.ts <content folder>`')
const page = path.join(path.resolve(contentDir), 'set-0001', 'docs', 'website-care-sla.md')
const original = readFileSync(page, 'utf8')
const dev = await startDevServer({input: contentDir, port: 0, logLevel: 'silent', asOf: '2026-01-01T00:00:00Z'})
try {
  const moduleUrl = new URL(`${path.relative(path.resolve(contentDir), page).split(path.sep).join('/')}?import`, dev.url)
  let updated: (() => void) | undefined
  const hot = dev.server.environments.client.hot
  const send = hot.send.bind(hot) as (payload: HotPayload) => void
  hot.send = ((payload: HotPayload) => {
    if (payload.type === 'update') updated?.()
    send(payload)
  }) as typeof hot.send
  // The first request reads the site (2,000 pages) and makes the processor; not part of an update.
  await (await fetch(moduleUrl)).text()
  await new Promise((resolve) => setTimeout(resolve, 500))

  const toUpdate: number[] = []
  const toModule: number[] = []
  for (let edit = 0; edit < edits; edit++) {
    const event = new Promise<void>((resolve) => {
      updated = resolve
    })
    const start = now()
    writeFileSync(page, original.replace('## What the care plan covers', `## What the care plan covers ${edit}`))
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000))
    if ((await Promise.race([event, timeout])) === 'timeout') continue
    toUpdate.push(now() - start)
    const text = await (await fetch(moduleUrl)).text()
    if (!text.includes(`What the care plan covers ${edit}`)) throw new Error('Unexpected old module after an update, expected the edited page')
    toModule.push(now() - start)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }

  console.log(JSON.stringify({edits: toUpdate.length, updateMs: median(toUpdate), moduleMs: median(toModule), updateRounds: toUpdate, moduleRounds: toModule}))
} finally {
  writeFileSync(page, original)
  await dev.close()
}
