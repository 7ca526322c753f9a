/**
 * `callout-nested`: a callout inside another callout.
 */
import {defineRule} from './rule.js'
import {calloutOf, walk} from './walk.js'

export const calloutNested = defineRule({
  id: 'callout-nested',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'A callout inside another callout.',
  why:
    "Doks renders the outer callout's body with `RenderString`, which reads the inner callout's HTML (indented by its template) " +
    'as Markdown again: the indented lines become a code block, so the inner callout shows as raw HTML in a grey box ' +
    '(gohugo/hugo#6553). Put the callouts one after the other.',
  examples: [
    {
      title: 'ok: callouts one after the other',
      input: '{{< callout context="note" >}}\nOne.\n{{< /callout >}}\n\n{{< callout context="tip" >}}\nTwo.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: a callout in a callout',
      input: '{{< callout context="note" >}}\nOne.\n\n{{< callout context="tip" >}}\nTwo.\n{{< /callout >}}\n{{< /callout >}}\n',
      output: ['4:1-4:30: Unexpected callout inside a callout, expected callouts one after the other']
    }
  ],
  check(tree, _file, context) {
    walk(tree, (node, where) => {
      if (!calloutOf(node) || !where.shortcodes.some((outer) => calloutOf(outer))) return
      const hugo = 'data' in node ? (node.data as {hugo?: import('../syntax/types.js').HugoShortcodeData} | undefined)?.hugo : undefined
      context.report({
        reason: 'Unexpected callout inside a callout, expected callouts one after the other',
        place: hugo?.open ?? node.position,
        hint: "Hugo reads the inner callout's indented HTML as a code block (gohugo/hugo#6553); move it after the outer one"
      })
    })
  }
})
