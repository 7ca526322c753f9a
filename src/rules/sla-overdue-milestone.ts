/**
 * `sla-overdue-milestone`: a milestone past its due date and not completed.
 */
import {defineRule} from './rule.js'
import {exampleSlaPage, noticeCheck} from './sla-notices.js'

const milestone = (completed: string) =>
  `  milestones:\n    - {id: launch, title: Launch, start: 2026-02-02, duration: 5bd, delays: []${completed}}\n`

export const slaOverdueMilestone = defineRule({
  id: 'sla-overdue-milestone',
  severity: 'warn',
  category: 'sla',
  summary: 'A milestone past its due date (delays and extensions applied) and not completed.',
  why:
    'A milestone past its due date with no `completed` date is either late or finished without the page saying so; both ' +
    'are worth a look in review. The due date is the engine\'s, after client delays and extensions. `--fail-on-breach` makes ' +
    'it an error.',
  examples: [
    {title: 'ok: completed on time', asOf: '2026-03-03T10:00:00+01:00', input: exampleSlaPage(milestone(', completed: 2026-02-06')), output: []},
    {
      title: 'not ok: due on 9 February, still open in March',
      asOf: '2026-03-03T10:00:00+01:00',
      input: exampleSlaPage(milestone('')),
      output: ['15:12-15:18: Unexpected overdue milestone: Launch, expected the milestone completed by its due date']
    }
  ],
  check: noticeCheck('overdue-milestone')
})
