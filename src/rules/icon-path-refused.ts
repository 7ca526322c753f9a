/**
 * `icon-path-refused`: an icon named by a path or URL.
 */
import {iconProblem} from '../render/shortcodes/icon.js'
import {iconUses} from './icons.js'
import {defineRule} from './rule.js'

export const iconPathRefused = defineRule({
  id: 'icon-path-refused',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'An `icon` that is a path or URL rather than a Tabler icon name.',
  why:
    "Doks' inline-svg looks an icon up among the site's assets and Tabler's icons. A path that climbs out of the site " +
    '(`../x.svg`) or starts at the root (`/etc/x`), or a URL, is never either, and slamark never reads files a page names ' +
    'as icons. A name that reads as an asset path inside the site (`svgs/logos/logo.svg`) is left to Hugo, which sees the ' +
    "site's assets.",
  examples: [
    {title: 'ok: an icon name', input: '{{< callout context="note" icon="outline/info-circle" >}}\nHi.\n{{< /callout >}}\n', output: []},
    {
      title: 'not ok: a path',
      input: '{{< callout context="note" icon="../secret.svg" >}}\nHi.\n{{< /callout >}}\n',
      output: ['1:28-1:48: Unexpected icon path `../secret.svg`, expected a Tabler icon name such as `outline/info-circle`']
    }
  ],
  check(tree, _file, context) {
    for (const use of iconUses(tree)) {
      const problem = iconProblem(use.param ?? use.name)
      if (problem?.ruleId === 'icon-path-refused') context.report({reason: problem.reason, place: use.place, hint: problem.hint, actual: use.name})
    }
  }
})
