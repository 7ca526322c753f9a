/**
 * `seo-description-empty`: the starter's empty `seo.description`, marked
 * recommended, left in place.
 */
import {frontMatterValue} from './frontmatter-values.js'
import {defineRule} from './rule.js'

export const seoDescriptionEmpty = defineRule({
  id: 'seo-description-empty',
  severity: 'warn',
  category: 'front-matter',
  summary: 'An empty `seo.description` whose comment says it is recommended.',
  why:
    'Doks archetypes write `description: "" # custom description (recommended)` under `seo` (or `params.seo`). Left empty, ' +
    'search engines get the page `description` instead, which on pages made from the starter is often its sample text. The ' +
    'comment marks a step the author meant to do; fill the value in, or delete the line when the page description is enough.',
  examples: [
    {title: 'ok: filled in', input: '---\ntitle: Care plan\nseo:\n  description: "Targets and credits of the care plan." # custom description (recommended)\n---\n', output: []},
    {title: 'ok: empty without the marker', input: '---\ntitle: Care plan\nseo:\n  description: ""\n---\n', output: []},
    {
      title: 'not ok: empty and marked recommended',
      input: '---\ntitle: Care plan\nseo:\n  description: "" # custom description (recommended)\n---\n',
      output: ['4:16-4:18: Unexpected empty `seo.description` marked recommended, expected a description for search engines']
    }
  ],
  check(_tree, file, context) {
    for (const path of [['seo', 'description'], ['params', 'seo', 'description']]) {
      const found = frontMatterValue(file, path)
      if (!found || found.value !== '') continue
      const lineEnd = context.source.indexOf('\n', found.end)
      const rest = context.source.slice(found.end, lineEnd === -1 ? context.source.length : lineEnd)
      if (!/#.*\brecommended\b/i.test(rest)) continue
      context.report({
        reason: `Unexpected empty \`${path.join('.')}\` marked recommended, expected a description for search engines`,
        place: found,
        hint: 'Write a sentence about this page, or delete the line to use the page `description`'
      })
    }
  }
})
