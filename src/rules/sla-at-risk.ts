/**
 * `sla-at-risk`: a running ticket past an escalation step.
 */
import {defineRule} from './rule.js'
import {exampleSlaPage, noticeCheck} from './sla-notices.js'

const tickets = '  tickets:\n    - id: T-2\n      priority: P1\n      opened: 2026-03-03T09:00:00+01:00\n'

export const slaAtRisk = defineRule({
  id: 'sla-at-risk',
  severity: 'warn',
  category: 'sla',
  summary: 'An open ticket that has used more of its target than an `escalation` step allows.',
  why:
    'An `escalation` step (`{at: 75%, notify: Team lead}`) says who must act before a target is missed. A ticket still open ' +
    'past that share of its target is at risk at "now"; the finding names the ticket and who is to be told, while there is ' +
    'still time. `--fail-on-breach` makes it an error.',
  examples: [
    {
      title: 'ok: below the escalation step',
      asOf: '2026-03-03T10:00:00+01:00',
      input: exampleSlaPage(`  escalation:\n    - {at: 75%, notify: Team lead}\n${tickets}`),
      output: []
    },
    {
      title: 'not ok: 83 % of the target used',
      asOf: '2026-03-03T10:40:00+01:00',
      input: exampleSlaPage(`  escalation:\n    - {at: 75%, notify: Team lead}\n${tickets}`),
      output: ['17:11-17:14: Unexpected at risk: T-2 first-response, expected the ticket handled before its target']
    }
  ],
  check: noticeCheck('at-risk')
})
