/**
 * The lint rules' documentation, made from the rules themselves (their
 * summary, why, options and examples), so the documentation and the tests
 * never disagree: `docs/rules.md` and the README's table are this text.
 */
import {lintRules} from './index.js'
import type {LintRule} from './rule.js'

const categories: ReadonlyArray<[LintRule['category'], string]> = [
  ['links', 'Links'],
  ['shortcodes', 'Shortcodes'],
  ['front-matter', 'Front matter'],
  ['text', 'Text'],
  ['sla', 'SLA'],
  ['suppressions', 'Suppressions']
]

const fence = (text: string) => (text.includes('```') ? '````' : '```')

/** The README's table of lint rules: id, default severity, what it finds. */
export function rulesTable(): string {
  const rows = lintRules.map((rule) => `| [\`${rule.id}\`](docs/rules.md#${rule.id}) | ${rule.severity === 'error' ? 'error' : 'warning'}${rule.fixable ? ', fixable' : ''} | ${rule.summary} |`)
  return ['| rule | default | what it finds |', '| --- | --- | --- |', ...rows].join('\n') + '\n'
}

/** `docs/rules.md`: every lint rule with why, options and its examples. */
export function rulesDocumentation(): string {
  const parts = [
    '# slamark lint rules',
    '',
    '<!-- Made from the rules in src/rules/ by `node --import tsx scripts/rules-doc.ts`; test/lint-rules-docs.test.ts checks it is current. -->',
    '',
    'Each rule is a unified plugin with a stable id and a default severity; set severities and options in',
    '`slamark.config.json` (see the README). The examples below are the rules\' tests: each `not ok` example',
    'gives exactly the messages shown (`line:column-line:column: message`), and each `ok` example none.',
    '',
    'Besides these, `slamark lint` reports what the parser, validation and the SLA engine find, with the ids in',
    "the README's rule tables: among them `shortcode-unknown` (a shortcode no template defines, with a did-you-mean),",
    '`shortcode-comment-rendered` (an escaped `{{</* */>}}` shortcode inside a callout, step or tab body, which the',
    "template's `RenderString` runs after all) and `sla-id-duplicate` (below).",
    ''
  ]

  for (const [category, title] of categories) {
    const rules = lintRules.filter((rule) => rule.category === category)
    if (rules.length === 0) continue
    parts.push(`## ${title}`, '')
    for (const rule of rules) {
      parts.push(`### ${rule.id}`, '', rule.summary, '', `Default: ${rule.severity === 'error' ? 'error' : 'warning'}.${rule.fixable ? ' Fixable with `--fix`.' : ''}`, '')
      parts.push(rule.why, '')
      if (rule.supersedes?.length) parts.push(`Replaces ${rule.supersedes.map((id) => `\`${id}\``).join(', ')} at the same place.`, '')
      parts.push(`Options: ${rule.options ? rule.options.description : 'none.'}`, '')
      for (const example of rule.examples) {
        parts.push(`#### ${example.title}`, '')
        if (example.options !== undefined) parts.push(`With options \`${JSON.stringify(example.options)}\`:`, '')
        if (example.asOf !== undefined) parts.push(`"Now" is \`${example.asOf}\`.`, '')
        for (const [name, source] of Object.entries(example.site ?? {})) {
          parts.push(`\`${name}\` (another page of the site):`, '', `${fence(source)}markdown`, source.replace(/\n$/, ''), fence(source), '')
        }

        parts.push(`${fence(example.input)}markdown`, example.input.replace(/\n$/, ''), fence(example.input), '')
        if (example.output.length > 0) parts.push('```text', ...example.output, '```', '')
        if (example.fixed !== undefined) parts.push('After `--fix`:', '', `${fence(example.fixed)}markdown`, example.fixed.replace(/\n$/, ''), fence(example.fixed), '')
      }
    }
  }

  return parts.join('\n').replace(/\n+$/, '\n')
}
