import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {resolveAsOf} from '../engine/as-of.js'
import {EngineInputError} from '../engine/input.js'
import {computeReport, type SlaReport} from '../engine/report.js'
import type {Finding} from '../schema/finding.js'
import {lineIndexFor} from '../syntax/line-index.js'
import {reportFindings} from './report-findings.js'

declare module 'vfile' {
  interface DataMap {
    /** What the engine computed for the page's SLA (`computeReport`), when the SLA is valid. */
    slaReport: SlaReport
  }
}

/** The rule of an engine failure on valid data (a bug in slamark, or data validation let through). */
export const reportFailedRuleId = 'sla-report-failed'

/** Options of {@link remarkReport}. */
export interface ReportOptions {
  /** "Now" of the build, an ISO instant (default: `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock). */
  asOf?: string | null | undefined
}

/**
 * Compute the report of the page's validated SLA (`file.data.sla`) into
 * `file.data.slaReport`: tickets against targets, the milestone timeline,
 * availability, KPIs, credits and notices, as of the build's "now". Runs
 * after `remarkValidate`; a page without a valid SLA is left alone. An
 * engine failure becomes an error message at the value it names, never a
 * thrown exception.
 */
export function remarkReport(options: ReportOptions = {}) {
  // A fixed "now" is the same for every page: resolve it once.
  const fixed = options.asOf ? resolveAsOf({option: options.asOf}) : undefined
  return function (_tree: Root, file: VFile): undefined {
    const sla = file.data.sla
    if (!sla) return undefined
    const asOf = fixed ?? resolveAsOf({sla: sla.asOf, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH})
    try {
      file.data.slaReport = computeReport(sla, asOf.instant)
    } catch (error) {
      reportFailure(file, error)
    }

    return undefined
  }
}

/** An engine exception as an error on the page, at the `sla:` value it names when it names one. */
function reportFailure(file: VFile, error: unknown): void {
  const path = error instanceof EngineInputError ? ['sla', ...error.path] : ['sla']
  const detail = error instanceof Error ? error.message : String(error)
  const finding: Finding = {
    path,
    ruleId: reportFailedRuleId,
    severity: 'error',
    reason: `Unexpected failure computing the SLA report (${detail}), expected a report of the validated data`,
    hint: 'The data passed validation, so this is likely a bug in slamark; please report it with the page'
  }
  const locate = file.data.frontmatterLocate ?? (() => undefined)
  reportFindings(file, [finding], locate, lineIndexFor(file))
}
