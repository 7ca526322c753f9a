/**
 * Report findings on a page whose data has entries merged in from data
 * files: a finding on a merged entry goes to the data file, at the entry's
 * place there; every other finding goes to the page. A data file with
 * errors also gets one error on the page, at the value that names it, so
 * the page fails as it would with the same entries written inline.
 */

import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Locate} from '../frontmatter/types.js'
import type {DataPath, Finding} from '../schema/finding.js'
import {lineIndexFor} from '../syntax/line-index.js'
import type {LoadedDataFile} from './data-files.js'
import {findingRange, reportFindings} from './report-findings.js'

/** A data file with errors, on the page at the value naming it. */
export const dataFileInvalidRuleId = 'data-file-invalid'

/**
 * Report findings on the page and its data files.
 *
 * @param page
 *   The page.
 * @param findings
 *   Findings on the merged data, paths as in the page's front matter.
 * @param locate
 *   Positions in the page's front matter.
 * @param files
 *   The data files merged into the data.
 * @returns
 *   The findings reported on the page, summaries of the data files' errors
 *   included.
 */
export function reportWithDataFiles(page: VFile, findings: readonly Finding[], locate: Locate, files: readonly LoadedDataFile[]): Finding[] {
  const onPage: Finding[] = []
  const byFile = new Map<LoadedDataFile, Finding[]>(files.map((file) => [file, []]))
  for (const finding of findings) {
    const owner = ownerOf(finding.path, files)
    if (owner) byFile.get(owner)!.push(finding)
    else onPage.push(finding)
  }

  // Merged paths are not written on the page: there they stand for the value that names their file.
  const pageLocate: Locate = (path) => {
    const owner = ownerOf(path, files)
    return locate(owner ? owner.reference : path)
  }

  for (const [data, own] of byFile) {
    reportOnDataFile(page, data, own, pageLocate)
    const errors = data.file.messages.filter((message) => message.fatal === true).length
    if (errors === 0) continue
    onPage.push({
      path: data.reference,
      ruleId: dataFileInvalidRuleId,
      severity: 'error',
      reason: `Unexpected ${errors} error${errors === 1 ? '' : 's'} in \`${data.written}\`, expected valid ${data.kind}`,
      hint: `The messages of \`${data.file.path}\` say what is wrong there`
    })
  }

  if (onPage.length > 0) reportFindings(page, onPage, pageLocate, lineIndexFor(page))
  return onPage
}

/**
 * Report a data file's findings in the file; each message's cause points
 * back at the page (the value that names the file, or the related place
 * when that is on the page), as several pages may share one file.
 *
 * @param page
 *   The page that read the file.
 * @param data
 *   The file.
 * @param findings
 *   The findings on its entries.
 * @param pageLocate
 *   Positions on the page, merged paths included.
 */
function reportOnDataFile(page: VFile, data: LoadedDataFile, findings: readonly Finding[], pageLocate: Locate): void {
  const locate: Locate = (path) => {
    if (ownerOf(path, [data]) !== data) return undefined
    const depth = data.target.length
    return data.locate(path.length === depth ? [] : [Number(path[depth]) - data.first, ...path.slice(depth + 1)])
  }

  const before = data.file.messages.length
  reportFindings(data.file, findings, locate, data.lines)
  const lines = lineIndexFor(page)
  findings.forEach((finding, index) => {
    const message = data.file.messages[before + index]
    const {related} = finding
    if (!message || (related && ownerOf(related.path, [data]) === data)) return
    const where = findingRange({path: related ? related.path : data.reference}, pageLocate)
    // A page processed without a path is still named, so the cause reads as a sentence.
    const name = page.path ? `\`${page.path}\`` : 'the page'
    const reason = related ? `${related.reason} in ${name}` : `read for \`${dotted(data.reference)}\` of ${name}`
    const cause = new VFileMessage(reason, {
      ...(where ? {place: {start: lines.toPoint(where.start), end: lines.toPoint(where.end)}} : {}),
      ruleId: finding.ruleId,
      source: 'slamark'
    })
    if (page.path) cause.file = page.path
    message.cause = cause
  })
}

/**
 * The data file a path into the merged data belongs to, if any.
 *
 * @param path
 *   A path into the page's data.
 * @param files
 *   The merged files.
 */
function ownerOf(path: DataPath, files: readonly LoadedDataFile[]): LoadedDataFile | undefined {
  for (const file of files) {
    const {target} = file
    if (path.length < target.length || target.some((segment, index) => String(path[index]) !== String(segment))) continue
    if (path.length === target.length) {
      if (file.whole) return file
      continue
    }

    const index = path[target.length]
    const number = typeof index === 'number' ? index : /^\d+$/.test(index!) ? Number(index) : Number.NaN
    if (number >= file.first) return file
  }

  return undefined
}

/**
 * A data path as it reads in prose: `sla.calendars.office.holidaysFile`.
 *
 * @param path
 *   The path.
 */
function dotted(path: DataPath): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join('.').replaceAll('.[', '[')
}
