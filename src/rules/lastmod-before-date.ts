/**
 * `lastmod-before-date`: a page last changed before it was published.
 */
import {dateMilliseconds, frontMatterValue} from './frontmatter-values.js'
import {defineRule} from './rule.js'

export const lastmodBeforeDate = defineRule({
  id: 'lastmod-before-date',
  severity: 'warn',
  category: 'front-matter',
  summary: '`lastmod` earlier than `date`.',
  why:
    'A page cannot change before it exists: one of the two dates is wrong, usually `date` updated by hand while `lastmod` ' +
    'was forgotten. Doks shows "Last updated" from `lastmod` and sorts lists by `date`; for an SLA the date of the last change ' +
    'tells the client which version of the terms applies. Dates without an offset are compared as UTC (Hugo\'s default ' +
    '`timeZone`).',
  examples: [
    {title: 'ok: changed after publication', input: '---\ntitle: Terms\ndate: 2026-01-05\nlastmod: 2026-03-01T10:00:00+01:00\n---\n', output: []},
    {
      title: 'not ok: changed before publication',
      input: '---\ntitle: Terms\ndate: 2026-03-01T10:00:00+01:00\nlastmod: 2026-01-05\n---\n',
      output: ['4:10-4:20: Unexpected `lastmod` `2026-01-05` before `date` `2026-03-01T10:00:00+01:00`, expected a last change on or after the publication date']
    }
  ],
  check(_tree, file, context) {
    const date = frontMatterValue(file, ['date'])
    const lastmod = frontMatterValue(file, ['lastmod'])
    if (!date || !lastmod) return
    const published = dateMilliseconds(date.value)
    const changed = dateMilliseconds(lastmod.value)
    if (published === undefined || changed === undefined || changed >= published) return
    context.report({
      reason: `Unexpected \`lastmod\` \`${String(lastmod.value)}\` before \`date\` \`${String(date.value)}\`, expected a last change on or after the publication date`,
      place: lastmod,
      hint: 'Set `lastmod` to the date of the last change (or correct `date`)',
      cause: {reason: '`date` is here', place: date}
    })
  }
})
