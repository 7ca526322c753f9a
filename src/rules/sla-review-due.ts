/**
 * `sla-review-due`: the agreed review date has passed.
 */
import {defineRule} from './rule.js'
import {exampleSlaPage, noticeCheck} from './sla-notices.js'

export const slaReviewDue = defineRule({
  id: 'sla-review-due',
  severity: 'warn',
  category: 'sla',
  summary: '`reviews.next` is before "now": the agreement is due for review.',
  why:
    'An SLA that promises a quarterly review and is past its review date is no longer kept as agreed. The finding stands at ' +
    '`reviews.next` until the review is held and the date moved. Replaces the validation warning `review-overdue` at the same ' +
    'place; `--fail-on-breach` makes it an error.',
  supersedes: ['review-overdue'],
  examples: [
    {title: 'ok: the next review is ahead', asOf: '2026-03-03T10:00:00+01:00', input: exampleSlaPage('  reviews: {every: quarter, next: 2026-04-01}\n'), output: []},
    {
      title: 'not ok: the review date has passed',
      asOf: '2026-03-03T10:00:00+01:00',
      input: exampleSlaPage('  reviews: {every: quarter, next: 2026-02-01}\n'),
      output: ['14:35-14:45: Unexpected review overdue: Review (quarter), expected the review held by its date']
    }
  ],
  check: noticeCheck('review-due')
})
