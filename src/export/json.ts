import {stableJson} from '../util/stable-json.js'
import type {ExportEntry} from './entries.js'

/** The shape of `slamark export --format json`. */
export const reportsFormat = 'slamark-reports/1'

/**
 * `slamark export --format json`: every SLA's report with the page it is
 * on, sorted by SLA id, keys in order (the same bytes for the same site and
 * "now").
 *
 * @param entries
 *   The site's SLAs.
 */
export function reportsJson(entries: readonly ExportEntry[]): string {
  return stableJson({
    format: reportsFormat,
    reports: entries.map((entry) => ({
      slaId: entry.sla.id,
      page: entry.contentPath,
      permalink: entry.permalink,
      title: entry.title,
      report: entry.report
    }))
  })
}
