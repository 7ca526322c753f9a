/**
 * `callout-context-unknown`: a callout whose `context` Doks does not style.
 */
import {contextByName} from '../syntax/callouts.js'
import {didYouMean} from '../util/did-you-mean.js'
import {paramOf, valueRange} from './params.js'
import {defineRule} from './rule.js'
import {calloutOf, walk} from './walk.js'

/** The contexts Doks 1.1 and later colour (hugo-doks-spec §4.2). */
export const styledContexts = ['note', 'tip', 'caution', 'danger'] as const

export const calloutContextUnknown = defineRule({
  id: 'callout-context-unknown',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'A callout `context` other than `note`, `tip`, `caution` or `danger`.',
  why:
    'Doks puts the context into a class name as written (`callout-Caution`, `callout-warning`) and its style sheet colours only ' +
    '`note`, `tip`, `caution` and `danger`: any other value gives a grey box without the colour that tells the reader how serious ' +
    'it is. `info` and `warning` come from older Doks releases and other themes. The hint names the context meant; `--fix` ' +
    'lower-cases a context whose only mistake is its case.',
  fixable: true,
  examples: [
    {
      title: 'ok: the four contexts Doks styles',
      input: '{{< callout context="note" >}}\nReplies arrive within a day.\n{{< /callout >}}\n\n{{< callout danger >}}\nOutages count from the first alert.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: a capitalised context and one from another theme',
      input: '{{< callout context="Caution" >}}\nPlanned work is announced a week ahead.\n{{< /callout >}}\n\n{{< callout context="warning" >}}\nCredits stop at 30 %.\n{{< /callout >}}\n',
      output: [
        '1:13-1:30: Unexpected callout context `Caution`, expected `note`, `tip`, `caution` or `danger`',
        '5:13-5:30: Unexpected callout context `warning`, expected `note`, `tip`, `caution` or `danger`'
      ],
      fixed: '{{< callout context="caution" >}}\nPlanned work is announced a week ahead.\n{{< /callout >}}\n\n{{< callout context="warning" >}}\nCredits stop at 30 %.\n{{< /callout >}}\n'
    }
  ],
  check(tree, _file, context) {
    walk(tree, (node) => {
      const callout = calloutOf(node)
      if (!callout || (styledContexts as readonly string[]).includes(callout.context)) return
      const hugo = 'data' in node ? (node.data as {hugo?: import('../syntax/types.js').HugoShortcodeData} | undefined)?.hugo : undefined
      const param = hugo ? paramOf(hugo, 'context', 0) : undefined
      const lower = callout.context.toLowerCase()
      const meant = (styledContexts as readonly string[]).includes(lower) ? lower : (contextByName[lower] ?? didYouMean(callout.context, styledContexts))
      const range = param ? valueRange(param) : undefined
      context.report({
        reason: `Unexpected callout context \`${callout.context}\`, expected \`note\`, \`tip\`, \`caution\` or \`danger\``,
        place: param ? {start: param.start, end: param.end} : (hugo?.open ?? node.position),
        hint:
          meant === undefined
            ? 'Doks styles only these four; any other context gives a grey box'
            : meant === lower
              ? `Write \`${meant}\`: Doks' class names are case-sensitive, so \`callout-${callout.context}\` gets no colour`
              : `Did you mean \`${meant}\`? Doks styles only note, tip, caution and danger`,
        actual: callout.context,
        expected: meant === undefined ? [...styledContexts] : [meant],
        fix: range && meant === lower && callout.syntax === 'hugo-shortcode' ? {...range, text: lower} : undefined
      })
    })
  }
})
