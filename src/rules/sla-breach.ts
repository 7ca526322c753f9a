/**
 * `sla-breach`: a target, objective or milestone the engine finds missed.
 */
import {defineRule} from './rule.js'
import {exampleSlaPage, noticeCheck} from './sla-notices.js'

export const slaBreach = defineRule({
  id: 'sla-breach',
  severity: 'warn',
  category: 'sla',
  summary: 'A ticket target, an availability objective or a milestone date missed, as the engine computes it at "now".',
  why:
    'The review of a pull request is where a missed target should surface, not the client\'s complaint. The engine computes ' +
    'the page\'s report at "now" (`--as-of`, else `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock) and every breach ' +
    'becomes a finding at the ticket, milestone or objective it is about, with what was due, by how much it was missed and ' +
    'the credit it earns. A warning, since the page is right to report it; `--fail-on-breach` makes it an error.',
  examples: [
    {
      title: 'ok: the reply came in time',
      asOf: '2026-03-03T10:00:00+01:00',
      input: exampleSlaPage('  tickets:\n    - id: T-1\n      priority: P1\n      opened: 2026-03-02T10:00:00+01:00\n      events: [{type: first-response, at: 2026-03-02T11:00:00+01:00}]\n'),
      output: []
    },
    {
      title: 'not ok: the first reply came an hour late',
      asOf: '2026-03-03T10:00:00+01:00',
      input: exampleSlaPage('  tickets:\n    - id: T-1\n      priority: P1\n      opened: 2026-03-02T10:00:00+01:00\n      events: [{type: first-response, at: 2026-03-02T13:00:00+01:00}]\n'),
      output: ['15:11-15:14: Unexpected missed target: T-1 first-response, expected every target and objective met']
    }
  ],
  check: noticeCheck('breach')
})
