/**
 * Rendering reads neither the process time zone nor its locale: the same
 * page renders to the same bytes in child processes with different `TZ`,
 * `LANG` and `LC_ALL` (Turkish casing, Indian time, …).
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {projectRoot} from './support/tree.js'

const page = `---
title: Determinism
---
## İstanbul and ΟΔΟΣ {#custom}

## What’s "included" -- and what's not...

| Left | Right |
|:-----|------:|
| 1 | 2 |

{{< callout context="caution" title="Heads **up**" icon="outline/alert-triangle" >}}
Body[^1] with \`code\`.

[^1]: Note.
{{< /callout >}}

{{< callout context="note" icon="outline/alert-triangle" >}}
Second icon.
{{< /callout >}}
`

const environments: Array<Record<string, string>> = [
  {TZ: 'UTC', LANG: 'C', LC_ALL: 'C'},
  {TZ: 'Asia/Kolkata', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8'},
  {TZ: 'Pacific/Auckland', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8'}
]

function renderIn(environment: Record<string, string>): string {
  const module = pathToFileURL(path.join(projectRoot, 'src', 'render', 'index.ts')).href
  const script = `const {renderPage} = await import(${JSON.stringify(module)});
const rendered = renderPage(${JSON.stringify(page)}, {headingIdInput: 'source'});
process.stdout.write(JSON.stringify({...rendered, messages: rendered.messages.map((message) => message.reason)}));`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: projectRoot,
    env: {...process.env, ...environment},
    encoding: 'utf8'
  })
  if (run.status !== 0) throw new Error(`Unexpected exit ${String(run.status)}: ${run.stderr}`)
  return run.stdout
}

describe('determinism', () => {
  it('renders byte-identical HTML, headings and TOC under any TZ and locale', () => {
    const outputs = environments.map((environment) => renderIn(environment))
    const first = JSON.parse(outputs[0]!) as {html: string; headings: Array<{id: string}>}
    expect(first.headings.map((heading) => heading.id)).toEqual(['custom', 'whats-included----and-whats-not'])
    expect(first.html).toContain('<div class="callout callout-caution')
    for (const output of outputs.slice(1)) expect(output).toBe(outputs[0])
  })
})
