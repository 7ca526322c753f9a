/**
 * `callout-markdown-notation`: `{{% callout %}}`.
 */
import {defineRule} from './rule.js'
import {isShortcode, walk} from './walk.js'

export const calloutMarkdownNotation = defineRule({
  id: 'callout-markdown-notation',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'A callout written `{{% callout %}}` rather than `{{< callout >}}`.',
  why:
    "With `{{% %}}` Hugo renders the body as Markdown first and hands the HTML to the template, which renders it with " +
    '`RenderString` again: the HTML, indented by Goldmark, is read as Markdown a second time (code blocks, escaped tags), ' +
    'and its headings take part in the page\'s table of contents. Doks\' callout renders its own body: call it with `{{< >}}`.',
  examples: [
    {title: 'ok: the `<` notation', input: '{{< callout context="note" >}}\n**Bold** text.\n{{< /callout >}}\n', output: []},
    {
      title: 'not ok: the `%` notation',
      input: '{{% callout context="note" %}}\n**Bold** text.\n{{% /callout %}}\n',
      output: ['1:1-1:31: Unexpected `{{% callout %}}`, expected `{{< callout >}}`']
    }
  ],
  check(tree, _file, context) {
    walk(tree, (node) => {
      if (!isShortcode(node) || node.name !== 'callout' || node.data?.hugo?.notation !== '%') return
      context.report({
        reason: 'Unexpected `{{% callout %}}`, expected `{{< callout >}}`',
        place: node.data.hugo.open,
        hint: 'The body would be rendered twice (by Hugo, then by the template); write `{{< callout >}}` … `{{< /callout >}}`'
      })
    })
  }
})
