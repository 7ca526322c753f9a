/**
 * `heading-shortcode`: a shortcode inside a heading.
 */
import type {Nodes} from 'mdast'
import {defineRule} from './rule.js'
import {isShortcode, walk} from './walk.js'

export const headingShortcode = defineRule({
  id: 'heading-shortcode',
  severity: 'warn',
  category: 'shortcodes',
  summary: 'A shortcode inside a heading, whose anchor Hugo then builds from a placeholder.',
  why:
    'Hugo replaces shortcodes with placeholders before Goldmark computes heading ids, so a heading such as ' +
    '`## Uptime {{< sla-value "availability.objective" >}}` gets an id made from the placeholder text ' +
    '(`uptime-hahahugoshortcode…`), not from what readers see, and two such headings may get ids that differ only by a ' +
    'number (gohugo/hugo#8962). Links to it break when the page changes. Give the heading an explicit id ' +
    '(`{#uptime}` with block attributes on) or keep the shortcode out of it.',
  examples: [
    {title: 'ok: plain heading text', input: '## Uptime\n\nUptime is {{< sla-value "availability.objective" >}}.\n', output: []},
    {
      title: 'not ok: a shortcode in a heading',
      input: '## Uptime {{< sla-value "availability.objective" >}}\n',
      output: ['1:11-1:53: Unexpected shortcode `sla-value` in a heading, expected plain heading text']
    }
  ],
  check(tree, _file, context) {
    walk(tree, (node) => {
      if (node.type !== 'heading') return
      const stack: Nodes[] = [...node.children]
      while (stack.length > 0) {
        const child = stack.pop()!
        if (isShortcode(child) && child.data?.hugo) {
          context.report({
            reason: `Unexpected shortcode \`${child.name}\` in a heading, expected plain heading text`,
            place: child.position,
            hint: 'Hugo builds the heading id from the shortcode placeholder (`hahahugoshortcode…`); add an explicit `{#id}` or move the shortcode out'
          })
        } else if ('children' in child) stack.push(...child.children)
      }

      return false
    })
  }
})
