import type {SlaReport} from '../engine/report.js'
import type {SitePageRun} from '../hugo-data/site-run.js'
import type {Sla} from '../schema/sla.js'
import {compareText} from '../util/sorted.js'

/** One SLA of the site, as the exports read it. */
export interface ExportEntry {
  /** The page's file under `content/`. */
  contentPath: string
  /** Its relative permalink. */
  permalink: string
  /** Its title. */
  title: string
  /** The validated `sla:` data (data files merged in). */
  sla: Sla
  /** The report at "now". */
  report: SlaReport
}

/**
 * Every page of a run whose SLA has a report, by SLA id.
 *
 * @param pages
 *   The run's pages.
 */
export function exportEntries(pages: readonly SitePageRun[]): ExportEntry[] {
  const entries: ExportEntry[] = []
  for (const {page, file} of pages) {
    const sla = file.data.sla
    const report = file.data.slaReport
    if (!sla || !report) continue
    entries.push({contentPath: page.contentPath, permalink: page.permalink, title: page.title, sla, report})
  }

  return entries.sort((a, b) => compareText(a.sla.id, b.sla.id))
}
