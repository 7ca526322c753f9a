/**
 * `svg-id-duplicate`: two Doks icons of the same name on one page.
 */
import {hasIcon} from '../render/icons.js'
import {iconUses} from './icons.js'
import {defineRule} from './rule.js'

export const svgIdDuplicate = defineRule({
  id: 'svg-id-duplicate',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'The same icon twice on a page, which Doks prints with the same `id` twice.',
  why:
    "Doks' inline-svg gives every copy of an icon `id=\"svg-<name>\"`, so two callouts with the same icon put two elements with " +
    'one id on the page: invalid HTML, and anything that looks the id up (an `aria-labelledby`, a `#svg-…` link, a script) finds ' +
    'the first copy only. slamark suffixes later copies when it renders; a Hugo build does not. Use another icon for one of them, ' +
    'or merge the two callouts.',
  examples: [
    {
      title: 'ok: two different icons',
      input:
        '{{< callout context="caution" icon="outline/alert-triangle" >}}\nPlan ahead.\n{{< /callout >}}\n\n{{< callout context="danger" icon="outline/alert-octagon" >}}\nNo refunds.\n{{< /callout >}}\n',
      output: []
    },
    {
      title: 'not ok: the same icon twice',
      input:
        '{{< callout context="caution" icon="outline/alert-triangle" >}}\nPlan ahead.\n{{< /callout >}}\n\n{{< callout context="caution" icon="outline/alert-triangle" >}}\nBook early.\n{{< /callout >}}\n',
      output: ['5:31-5:60: Unexpected second icon `outline/alert-triangle` on the page, expected one element per id: Doks prints `id="svg-alert-triangle"` on both']
    }
  ],
  check(tree, _file, context) {
    const first = new Map<string, (typeof uses)[number]>()
    const uses = iconUses(tree).filter((use) => use.param !== undefined && hasIcon(use.name))
    for (const use of uses) {
      const id = `svg-${use.name.slice(use.name.lastIndexOf('/') + 1)}`
      const earlier = first.get(id)
      if (!earlier) {
        first.set(id, use)
        continue
      }

      context.report({
        reason: `Unexpected second icon \`${use.name}\` on the page, expected one element per id: Doks prints \`id="${id}"\` on both`,
        place: use.place,
        hint: 'Choose another icon for one of them, or merge the callouts; slamark renders unique ids, a Hugo build does not',
        actual: id,
        cause: {reason: 'First used here', place: earlier.place}
      })
    }

  }
})
