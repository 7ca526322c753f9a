import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {lineIndexFor} from '../syntax/line-index.js'
import {reportFindings} from './report-findings.js'

/**
 * Site-level checks over every page of a run: an `sla.id` is a key for
 * URLs and exports, so two pages may not share one (sla-domain §5.3 rule 1).
 * Reports on each later page, with the first page as the related place.
 *
 * @param files
 *   The pages of the site, after validation.
 */
export function checkSite(files: readonly VFile[]): void {
  const first = new Map<string, VFile>()

  for (const file of files) {
    const sla = file.data.frontmatter?.sla
    const id = typeof sla === 'object' && sla !== null ? (sla as {id?: unknown}).id : undefined
    const locate = file.data.frontmatterLocate
    if (typeof id !== 'string' || !locate) continue
    const earlier = first.get(id)

    if (!earlier) {
      first.set(id, file)
      continue
    }

    reportFindings(
      file,
      [
        {
          path: ['sla', 'id'],
          ruleId: 'sla-id-duplicate',
          severity: 'error',
          reason: `Unexpected SLA id \`${id}\` already used by \`${earlier.path}\`, expected an id unique across the site`,
          hint: 'The id names the SLA in URLs and exports; give this page its own',
          actual: id
        }
      ],
      locate,
      lineIndexFor(file)
    )
    const message = file.messages.at(-1)
    if (message) {
      const where = earlier.data.frontmatterLocate?.(['sla', 'id'])
      const lines = lineIndexFor(earlier)
      const cause = new VFileMessage(`first used in ${earlier.path}`, {
        ...(where ? {place: {start: lines.toPoint(where.start), end: lines.toPoint(where.end)}} : {}),
        ruleId: 'sla-id-duplicate',
        source: 'slamark'
      })
      cause.file = earlier.path
      message.cause = cause
    }
  }
}
