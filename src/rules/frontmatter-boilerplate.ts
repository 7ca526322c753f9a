/**
 * `frontmatter-boilerplate`: sample text of the Doks starter left in a page.
 */
import {createHash} from 'node:crypto'
import * as z from 'zod'
import {frontMatterValue} from './frontmatter-values.js'
import {defineRule} from './rule.js'

// Fingerprints (see `fingerprint`) of the sample `description`, `summary`
// and `lead` texts of the Doks starter (thuliteio/doks, MIT: the example
// guide, the example reference, the example blog post and the home page).
// Kept as fingerprints so the starter's text is not copied here.
const starterFingerprints: ReadonlySet<string> = new Set([
  'b0dc13898d866fd3',
  '9eac2d08eb24f3c9',
  'cb713db6623c2687',
  '890f134deabe8fcc',
  'afff17ef24663044'
])

const fields = ['description', 'summary', 'lead'] as const

/**
 * A text's fingerprint: lower-cased, white space collapsed, final
 * punctuation dropped, SHA-256, first 16 hex digits.
 *
 * @param text
 *   Any text.
 */
export function fingerprint(text: string): string {
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '')
  return createHash('sha256').update(normal).digest('hex').slice(0, 16)
}

export const frontmatterBoilerplate = defineRule({
  id: 'frontmatter-boilerplate',
  severity: 'error',
  category: 'front-matter',
  summary: "A `description`, `summary` or `lead` that is still the Doks starter's sample text (or a text listed in `texts`).",
  why:
    "Pages copied from the Doks starter keep its sample description, which describes a sample guide rather than the page. " +
    'Doks puts the description into the `<meta name="description">` tag and the social cards, so search results and shared ' +
    'links show the sample text. The rule recognises the starter\'s texts by fingerprint, and any placeholder your team ' +
    'uses when listed in the `texts` option.',
  options: {
    schema: z.strictObject({texts: z.array(z.string()).optional()}),
    defaults: {},
    description: '`texts` (list of strings, default none): more placeholder texts to report, compared ignoring case, spacing and final punctuation.'
  },
  examples: [
    {title: 'ok: a description of the page', input: '---\ntitle: Support desk\ndescription: Reply and resolution targets of the Acme support desk.\n---\n', output: []},
    {
      title: 'not ok: a team placeholder listed in `texts`',
      options: {texts: ['Describe this page in one sentence.']},
      input: '---\ntitle: Support desk\ndescription: "Describe this page in one sentence."\n---\n',
      output: ['3:14-3:51: Unexpected placeholder `description` left from a template, expected a description of this page']
    }
  ],
  check(_tree, file, context) {
    const extra = new Set((context.options.texts ?? []).map(fingerprint))
    for (const field of fields) {
      const found = frontMatterValue(file, [field])
      if (!found || typeof found.value !== 'string' || found.value.trim() === '') continue
      const print = fingerprint(found.value)
      const starter = starterFingerprints.has(print)
      if (!starter && !extra.has(print)) continue
      context.report({
        reason: `Unexpected placeholder \`${field}\` left from a template, expected a ${field} of this page`,
        place: found,
        hint: starter
          ? `This is the Doks starter's sample ${field}; search engines and social cards show it. Write one for this page`
          : `This text is listed as a placeholder in the rule's \`texts\` option; write one for this page`
      })
    }
  }
})
