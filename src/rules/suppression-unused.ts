/**
 * `suppression-unused`: a suppression comment that suppresses nothing. Runs
 * last, after every page and site check (see `applySuppressions`).
 */
import {defineRule} from './rule.js'

export const suppressionUnused = defineRule({
  id: 'suppression-unused',
  severity: 'warn',
  category: 'suppressions',
  summary: 'A `slamark-disable` comment that suppresses no finding, or names no known rule.',
  why:
    'A suppression outlives the problem it silenced: once the text is fixed, the comment stays and would hide the next real ' +
    'finding on that line. A misspelt rule id suppresses nothing at all. Delete the comment (the hint suggests the id meant ' +
    'when it is misspelt).',
  examples: [
    {
      title: 'ok: the suppression is used',
      input: '---\ntitle: Terms\ndate: 2026-03-01\n# slamark-disable-next-line lastmod-before-date\nlastmod: 2026-01-05\n---\n',
      output: []
    },
    {
      title: 'not ok: nothing to suppress, and a misspelt id',
      input: 'Fine text.\n\n<!-- slamark-disable-next-line generated-text-residue -->\nAll good here.\n\n<!-- slamark-disable duplicate-blocks -->\n',
      output: [
        '3:1-3:58: Unexpected suppression of `generated-text-residue` that suppresses nothing, expected a finding to suppress',
        '6:1-6:42: Unexpected suppression of unknown rule `duplicate-blocks`, expected a rule id'
      ]
    }
  ]
})
