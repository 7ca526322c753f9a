/**
 * `frontmatter-boolean-string`: `toc` or `draft` written as a string.
 */
import {frontMatterValue} from './frontmatter-values.js'
import {defineRule} from './rule.js'

const consequences: Readonly<Record<string, string>> = {
  toc: 'Hugo keeps the string, and Doks shows the table of contents for any non-empty string, `"false"` included',
  draft: 'Hugo 0.111 reads `"true"` and `"false"`, but any other text fails the build and other tools read the string as it is'
}

export const frontmatterBooleanString = defineRule({
  id: 'frontmatter-boolean-string',
  severity: 'error',
  category: 'front-matter',
  summary: '`toc` or `draft` given as a string (`"false"`) rather than a boolean.',
  why:
    'Quotes make `toc: "false"` a string. Doks tests `toc` for truth, and a non-empty string is true, so the table of ' +
    'contents shows although the page says false. `draft: "true"` happens to work in Hugo, which converts it, but breaks ' +
    "in every tool that reads the front matter as data. Replaces the schema's generic `frontmatter-type` message for these keys.",
  supersedes: ['frontmatter-type'],
  examples: [
    {title: 'ok: booleans', input: '---\ntitle: Terms\ntoc: false\ndraft: false\n---\n', output: []},
    {
      title: 'not ok: quoted booleans',
      input: '---\ntitle: Terms\ntoc: "false"\ndraft: "true"\n---\n',
      output: [
        '3:6-3:13: Unexpected string `"false"` for `toc`, expected the boolean `false`',
        '4:8-4:14: Unexpected string `"true"` for `draft`, expected the boolean `true`'
      ]
    }
  ],
  check(_tree, file, context) {
    for (const key of ['toc', 'draft']) {
      const found = frontMatterValue(file, [key])
      if (!found || typeof found.value !== 'string') continue
      const meant = found.value.trim().toLowerCase() === 'false' ? 'false' : 'true'
      context.report({
        reason: `Unexpected string \`${JSON.stringify(found.value)}\` for \`${key}\`, expected the boolean \`${meant}\``,
        place: found,
        hint: `${consequences[key]}; write \`${key}: ${meant}\` without quotes`,
        actual: found.value,
        expected: [meant]
      })
    }
  }
})
