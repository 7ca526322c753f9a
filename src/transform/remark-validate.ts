import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {resolveAsOf} from '../engine/as-of.js'
import {checkValues, type CheckContext} from '../schema/check-values.js'
import type {Finding} from '../schema/finding.js'
import {validateFrontMatter, type FrontMatter, type FrontMatterIssue} from '../schema/frontmatter.js'
import {applyNormalized} from '../schema/normalize.js'
import {checkReferences} from '../schema/references.js'
import type {Sla} from '../schema/sla.js'
import {didYouMean} from '../util/did-you-mean.js'
import {reportWithDataFiles} from './data-findings.js'
import {createDataFileCache, loadDataFiles} from './data-files.js'
import {isRecord} from '../util/is-record.js'

declare module 'vfile' {
  interface DataMap {
    /** The validated page fields (Doks and `sla`), when the front matter is valid. */
    page: FrontMatter
    /** The validated SLA, when the page has a valid `sla:` block. */
    sla: Sla
    /**
     * The data files the page's `sla:` names (`ticketsFile`, `holidaysFile`),
     * each with its own messages: findings on their entries are reported there.
     */
    dataFiles: VFile[]
  }
}

/** Options of {@link remarkValidate}. */
export interface ValidateOptions {
  /** "Now" of the build (default: `sla.asOf`, else `SOURCE_DATE_EPOCH`, else the clock). */
  asOf?: string | null | undefined
  /** A production build: a fixed `sla.asOf` is then a warning (default: `false`). */
  production?: boolean | null | undefined
  /** The site root, which `ticketsFile` and `holidaysFile` paths are read from (default: the file's `cwd`). */
  root?: string | null | undefined
}

/**
 * Validate the page's front matter: the Doks fields and the `sla:` model
 * (structure with zod, then every value's grammar, then cross-field rules),
 * reporting each problem at the exact value in the file. The tickets and
 * holidays of the data files the `sla:` block names are merged in first and
 * checked as if written inline, their findings reported in those files
 * (`file.data.dataFiles`). Sets `file.data.page` and `file.data.sla` when
 * there is no error. Runs after `remarkFrontmatterData`.
 */
export function remarkValidate(options: ValidateOptions = {}) {
  // A fixed "now" is the same for every page: resolve it once.
  const fixed = options.asOf ? resolveAsOf({option: options.asOf}) : undefined
  // Pages of one processor that share a data file parse it once.
  const cache = createDataFileCache()
  return function (_tree: Root, file: VFile): undefined {
    const data = file.data.frontmatter
    const locate = file.data.frontmatterLocate
    if (!data || !locate || Object.keys(data).length === 0) return undefined

    const sla = isRecord(data.sla) ? data.sla : {}
    const asOf = fixed ?? resolveAsOf({sla: sla.asOf, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH})
    const loaded = loadDataFiles(data, file, {root: options.root ?? file.cwd, cache, asOf: asOf.instant})
    if (loaded.files.length > 0) file.data.dataFiles = loaded.files.map((item) => item.file)
    const {findings, validated} = validate(loaded.data, {asOf: asOf.instant, production: options.production === true})
    const reported = reportWithDataFiles(file, [...loaded.findings, ...findings], locate, loaded.files)
    if (reported.some((finding) => finding.severity === 'error')) return undefined

    if (validated.ok && validated.data) {
      file.data.page = validated.data
      if (validated.data.sla) file.data.sla = validated.data.sla as Sla
    }

    return undefined
  }
}

/**
 * Every finding on a page's front matter data, as plain data.
 *
 * @param data
 *   The parsed front matter.
 */
export function validationFindings(data: Record<string, unknown>, context: CheckContext = {}): Finding[] {
  return validate(data, context).findings
}

/** The schema's verdict and every finding, from one schema run. */
function validate(data: Record<string, unknown>, context: CheckContext) {
  const findings: Finding[] = []
  const sla = data.sla
  const valueFindings = isRecord(sla) ? [...checkValues(sla, ['sla'], context), ...checkReferences(sla)] : []
  // The value parsers explain a malformed value better than a pattern or a type name does.
  const explained = new Set(valueFindings.map((finding) => finding.path.join('\u0000')))

  // Values read despite their spelling (`4 hours`) are validated, and kept, in their canonical form.
  const validated = validateFrontMatter(applyNormalized(data, valueFindings))
  const issues = validated.issues
  // A misspelt key is one mistake: when an unknown key's did-you-mean is the
  // missing key of the same mapping, report the unknown key only.
  const misspelt = new Set<string>()
  for (const issue of issues) {
    const key = issue.keys?.[0]
    if (issue.code !== 'unrecognized_keys' || key === undefined || !issue.expected) continue
    const suggestion = didYouMean(key, issue.expected)
    const mapping = issue.path.at(-1) === key ? issue.path.slice(0, -1) : issue.path
    if (suggestion !== undefined) misspelt.add([...mapping, suggestion].join('\u0000'))
  }

  for (const issue of issues) {
    if (issue.code === 'missing_key' && misspelt.has([...issue.path, issue.keys?.[0] ?? ''].join('\u0000'))) continue
    const grammar = issue.code === 'invalid_format' || issue.code === 'invalid_type'
    if (grammar && explained.has(issue.path.join('\u0000'))) continue
    findings.push(issueFinding(issue))
  }

  findings.push(...valueFindings)
  return {findings, validated}
}

/** A zod issue as a finding, with a stable rule id and a did-you-mean. */
function issueFinding(issue: FrontMatterIssue): Finding {
  const inSla = issue.path[0] === 'sla'
  const key = issue.keys?.[0]
  const finding: Finding = {path: issue.path, ruleId: 'frontmatter-invalid', severity: 'error', reason: issue.message}
  if (issue.received !== undefined) finding.actual = issue.received
  if (issue.expected !== undefined) finding.expected = issue.expected

  switch (issue.code) {
    case 'unrecognized_keys': {
      finding.ruleId = 'frontmatter-unknown-key'
      finding.at = 'key'
      if (key !== undefined && issue.path.at(-1) !== key) finding.path = [...issue.path, key]
      suggest(finding, key)
      break
    }

    case 'missing_key': {
      finding.ruleId = inSla && issue.path.length === 1 && key === 'schema' ? 'sla-schema-missing' : inSla && issue.path.length === 1 && key === 'id' ? 'sla-id-missing' : 'frontmatter-missing-key'
      if (key !== undefined) {
        finding.path = [...issue.path, key]
        finding.at = 'parent'
      }

      break
    }

    case 'invalid_value': {
      finding.ruleId = inSla && issue.path.length === 2 && issue.path[1] === 'schema' ? 'sla-schema-unknown' : 'frontmatter-enum'
      suggest(finding, issue.received)
      break
    }

    case 'invalid_type': {
      finding.ruleId = 'frontmatter-type'
      break
    }

    case 'invalid_format': {
      finding.ruleId = 'frontmatter-format'
      break
    }

    case 'exclusive_keys': {
      finding.ruleId = 'frontmatter-exclusive-keys'
      break
    }

    case 'too_small':
    case 'too_big': {
      finding.ruleId = 'frontmatter-range'
      break
    }

    default:
  }

  return finding
}

function suggest(finding: Finding, written: string | undefined): void {
  if (written === undefined || !finding.expected || finding.expected.length === 0) return
  const suggestion = didYouMean(written, finding.expected)
  if (suggestion === undefined) return
  finding.hint = `Did you mean \`${suggestion}\`?`
  finding.expected = [suggestion, ...finding.expected.filter((item) => item !== suggestion)]
}
