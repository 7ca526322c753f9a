import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {remarkFrontmatterData} from '../src/frontmatter/plugin.js'
import {createProcessor} from '../src/pipeline.js'
import {remarkRenderChecks} from '../src/render/render-checks.js'
import {remarkHugo} from '../src/syntax/index.js'

const full = createProcessor({resolveRef: () => '#'})
const checks = unified().use(remarkHugo).use(remarkFrontmatterData).use(remarkRenderChecks)

async function warnings(render: boolean, source: string): Promise<string[]> {
  const file = new VFile({value: source})
  if (render) {
    const tree = full.parse(file)
    await full.run(tree, file)
    full.stringify(tree as Root, file)
  } else {
    await checks.run(checks.parse(file) as Root, file)
  }

  return file.messages.filter((message) => message.source === 'slamark' && message.ruleId !== 'front-matter-shortcode-first').map((message) => `${message.line}:${message.column} ${message.ruleId}`)
}

describe('render checks: the renderer’s shortcode warnings without rendering the page', () => {
  const cases: Array<[string, string, string[]]> = [
    ['details without a summary', 'Intro.\n\n{{< details >}}\nBody\n{{< /details >}}\n', ['3:1 details-summary-missing']],
    ['a refused details attribute', '{{< details "Sum" bogus >}}\nBody\n{{< /details >}}\n', ['1:1 details-attribute-refused']],
    ['a tab outside tabs', 'Text.\n\n{{< tab "A" >}}\nx\n{{< /tab >}}\n', ['3:1 tab-outside-tabs']],
    ['text in tabs outside a tab', '{{< tabs "g" >}}\nloose text\n{{< tab "A" >}}\nx\n{{< /tab >}}\n{{< /tabs >}}\n', ['1:1 tabs-content-outside-tab']],
    ['tabs and tab without labels', '{{< tabs >}}\n{{< tab >}}\nx\n{{< /tab >}}\n{{< /tabs >}}\n', ['1:1 tab-label-missing', '1:1 tabs-id-missing']],
    ['a step outside steps', '{{< step >}}\nx\n{{< /step >}}\n', ['1:1 step-outside-steps']],
    ['text in steps outside a step', '{{< steps >}}\ntext\n{{< step >}}\nx\n{{< /step >}}\n{{< /steps >}}\n', ['1:1 steps-content-outside-step']],
    ['a link card without href', '{{< link-card title="x" >}}\n', ['1:1 link-card-href-missing']],
    ['a refused href inside a sentence', 'Text {{< link-card title="x" href="javascript:alert(1)" >}} more.\n', ['1:6 link-card-href-refused']],
    ['Markdown in a card grid', '{{< card-grid >}}\nLoose.\n{{< link-card title="a" href="/a" >}}\n{{< /card-grid >}}\n', ['1:1 card-grid-content-outside-card']],
    ['a tab inside a callout', '{{< callout >}}\n{{< tab "x" >}}\ny\n{{< /tab >}}\n{{< /callout >}}\n', ['2:1 tab-outside-tabs']]
  ]

  for (const [name, source, expected] of cases) {
    it(`should report as a whole render does: ${name}`, async () => {
      const rendered = (await warnings(true, source)).filter((line) => !line.endsWith('shortcode-not-rendered')).sort()
      const checked = (await warnings(false, source)).sort()
      expect(checked).toEqual(expected)
      expect(rendered).toEqual(expected)
    })
  }
})
