/**
 * `callout-after-paragraph`: a callout that shares a paragraph with text,
 * usually because no blank line separates it from the line above or below.
 */
import {defineRule} from './rule.js'
import {calloutOf, walk} from './walk.js'

export const calloutAfterParagraph = defineRule({
  id: 'callout-after-paragraph',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'A callout directly under (or above) a paragraph line, or inside a sentence, which Hugo renders inside the `<p>`.',
  why:
    'Hugo swaps each shortcode for a placeholder before Goldmark reads the page. Without a blank line between a text line and ' +
    "the callout's opening tag, the placeholder continues that paragraph, so the callout's `<div>` ends up inside a `<p>`: " +
    'invalid HTML that browsers repair by closing the paragraph early, which moves the text after the callout out of its ' +
    'paragraph and breaks the spacing. The same happens with text directly under the closing tag. `--fix` inserts the ' +
    'missing blank line.',
  fixable: true,
  examples: [
    {
      title: 'ok: blank lines around the callout',
      input: 'Replies count business hours.\n\n{{< callout context="note" >}}\nHolidays do not count.\n{{< /callout >}}\n\nMore text.\n',
      output: []
    },
    {
      title: 'not ok: a paragraph line right above, and text right below',
      input: 'Replies count business hours.\n{{< callout context="note" >}}\nHolidays do not count.\n{{< /callout >}}\nMore text.\n',
      output: [
        '2:1-2:31: Unexpected callout directly under a paragraph line, expected a blank line before it',
        '4:1-4:17: Unexpected text directly under a callout, expected a blank line after it'
      ],
      fixed: 'Replies count business hours.\n\n{{< callout context="note" >}}\nHolidays do not count.\n{{< /callout >}}\n\nMore text.\n'
    },
    {
      title: 'not ok: a callout inside a sentence',
      input: 'Replies {{< callout tip >}}short{{< /callout >}} count business hours.\n',
      output: ['1:9-1:28: Unexpected callout inside a sentence, expected it on lines of its own']
    }
  ],
  check(tree, _file, context) {
    const {source} = context
    walk(tree, (node) => {
      if (node.type !== 'textDirective' || !calloutOf(node)) return
      const hugo = node.data?.hugo
      const open = hugo?.open.start.offset
      const end = (hugo?.close ?? hugo?.open)?.end.offset
      if (!hugo || open === undefined || end === undefined) return

      const lineStart = source.lastIndexOf('\n', open - 1) + 1
      const startsLine = /^[ \t]*$/.test(source.slice(lineStart, open))
      const lineEnd = source.indexOf('\n', end)
      const endsLine = /^[ \t\r]*$/.test(source.slice(end, lineEnd === -1 ? source.length : lineEnd))

      if (!startsLine || !endsLine) {
        context.report({
          reason: 'Unexpected callout inside a sentence, expected it on lines of its own',
          place: hugo.open,
          hint: 'Put the callout on its own lines, with a blank line before and after it'
        })
        return
      }

      if (lineStart > 0 && !isBlankLineBefore(source, lineStart)) {
        context.report({
          reason: 'Unexpected callout directly under a paragraph line, expected a blank line before it',
          place: hugo.open,
          hint: 'Hugo renders the callout inside the paragraph above (`<p>…<div class="callout">`); add a blank line',
          fix: {start: lineStart, end: lineStart, text: '\n'}
        })
      }

      if (lineEnd !== -1 && !/^[ \t]*\r?$/.test(lineAfter(source, lineEnd))) {
        context.report({
          reason: 'Unexpected text directly under a callout, expected a blank line after it',
          place: hugo.close ?? hugo.open,
          hint: 'Hugo renders the callout inside the paragraph that follows; add a blank line',
          fix: {start: lineEnd + 1, end: lineEnd + 1, text: '\n'}
        })
      }
    })
  }
})

// Whether the line before the one starting at `lineStart` is blank.
function isBlankLineBefore(source: string, lineStart: number): boolean {
  const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1
  return /^[ \t]*\r?$/.test(source.slice(previousStart, lineStart - 1))
}

function lineAfter(source: string, lineEnd: number): string {
  const next = source.indexOf('\n', lineEnd + 1)
  return source.slice(lineEnd + 1, next === -1 ? source.length : next)
}
