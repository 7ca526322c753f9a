/**
 * `callout-body-indented`: callout text indented four spaces, which
 * Goldmark reads as a code block.
 */
import type {Code} from 'mdast'
import {defineRule} from './rule.js'
import {calloutOf, walk} from './walk.js'

export const calloutBodyIndented = defineRule({
  id: 'callout-body-indented',
  severity: 'error',
  category: 'shortcodes',
  summary: 'A callout body (or a whole callout) indented four spaces, which shows as a code block.',
  why:
    'Doks renders a callout body as a Markdown document of its own, where a line indented four spaces (or a tab) starts an ' +
    'indented code block: the text shows in a grey monospace box instead of as prose. A callout whose opening tag is itself ' +
    'indented four spaces outside a list is inside a code block, yet Hugo still runs the shortcode, so its HTML is printed ' +
    'as code. Indent the body no more than three spaces (none is best).',
  examples: [
    {
      title: 'ok: the body starts at the margin',
      input: '{{< callout context="tip" >}}\nAttach the order number.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: the body indented four spaces',
      input: '{{< callout context="tip" >}}\n    Attach the order number.\n{{< /callout >}}\n',
      output: ['2:1-2:29: Unexpected callout body indented four spaces, expected its lines at the margin']
    },
    {
      title: 'not ok: the whole callout indented four spaces',
      input: 'Before.\n\n    {{< callout context="tip" >}}\n    Attach the order number.\n    {{< /callout >}}\n',
      output: ['3:5-3:34: Unexpected callout indented four spaces, expected it at the margin']
    }
  ],
  check(tree, _file, context) {
    const {source} = context
    const indented = (code: Code) => {
      const start = code.position?.start.offset
      return start !== undefined && !/^[ \t]*(?:```|~~~)/.test(source.slice(source.lastIndexOf('\n', start - 1) + 1, start + 3))
    }

    walk(tree, (node) => {
      if (calloutOf(node) && node.type === 'containerDirective') {
        const code = node.children.find((child): child is Code => child.type === 'code' && indented(child))
        if (code) {
          context.report({
            reason: 'Unexpected callout body indented four spaces, expected its lines at the margin',
            place: code.position,
            hint: 'Goldmark reads lines indented four spaces as a code block, so the callout shows them as code'
          })
        }

        return
      }

      if (node.type !== 'code' || !indented(node)) return
      for (const call of node.data?.shortcodes ?? []) {
        if (call.name !== 'callout' || call.closed === false) continue
        context.report({
          reason: 'Unexpected callout indented four spaces, expected it at the margin',
          place: call.open,
          hint: 'The indented lines are a code block, but Hugo still runs the shortcode: its HTML shows as code'
        })
      }
    })
  }
})
