/**
 * `icon-unknown` as a lint rule: the renderer reports it while rendering;
 * the linter, which does not render, reports the same words from the page's
 * icon params.
 */
import {iconProblem, tabler3Name} from '../render/shortcodes/icon.js'
import {iconUses} from './icons.js'
import {valueRange} from './params.js'
import {defineRule} from './rule.js'

export const iconUnknown = defineRule({
  id: 'icon-unknown',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'An `icon` Tabler 3 does not have, such as the Tabler 2 name `alert-triangle`.',
  why:
    'Doks 1.5 and later ship Tabler Icons 3, which keeps icons by variant (`outline/alert-triangle`, `filled/alert-triangle`). ' +
    'A Tabler 2 flat name, a name with `.svg`, or a misspelt name is not found: Hugo logs a warning nobody reads and the callout ' +
    'shows no icon. `--fix` rewrites a Tabler 2 name to its `outline/` spelling.',
  fixable: true,
  examples: [
    {
      title: 'ok: Tabler 3 names',
      input: '{{< callout context="caution" icon="outline/alert-triangle" >}}\nMind the gap.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: a Tabler 2 name and a misspelt one',
      input: '{{< callout context="caution" icon="alert-triangle" >}}\nMind the gap.\n{{< /callout >}}\n\n{{< callout context="tip" icon="outline/rockett" >}}\nAsk early.\n{{< /callout >}}\n',
      output: [
        '1:31-1:52: Unexpected icon `alert-triangle`, expected a Tabler 3 icon name such as `outline/info-circle`',
        '5:27-5:49: Unexpected icon `outline/rockett`, expected a Tabler 3 icon name such as `outline/info-circle`'
      ],
      fixed: '{{< callout context="caution" icon="outline/alert-triangle" >}}\nMind the gap.\n{{< /callout >}}\n\n{{< callout context="tip" icon="outline/rockett" >}}\nAsk early.\n{{< /callout >}}\n'
    }
  ],
  check(tree, _file, context) {
    for (const use of iconUses(tree)) {
      const problem = iconProblem(use.param ?? use.name)
      if (!problem || problem.ruleId !== 'icon-unknown') continue
      const fixed = typeof use.param?.value === 'string' ? tabler3Name(use.param.value) : undefined
      context.report({
        reason: problem.reason,
        place: use.place,
        hint: problem.hint,
        actual: use.name,
        expected: fixed ? [fixed] : undefined,
        fix: fixed && use.param ? {...valueRange(use.param), text: fixed} : undefined
      })
    }
  }
})
