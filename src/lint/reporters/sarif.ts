/**
 * `--reporter sarif`: a SARIF 2.1.0 log for GitHub code scanning and other
 * tools: one run, the rules that were reported (and every lint rule) with
 * their descriptions and help, one result per finding with its region,
 * related place and a stable fingerprint of the line it is on.
 */
import {createHash} from 'node:crypto'
import {pathToFileURL} from 'node:url'
import type {Log, ReportingDescriptor, Result} from 'sarif'
import {VFileMessage} from 'vfile-message'
import {lintRule, lintRules, ruleSummary} from '../../rules/index.js'
import {ruleUrl} from '../../syntax/messages.js'
import {compareText} from '../../util/sorted.js'
import {levelOf, spanOf, type ReportInput} from './common.js'

const informationUri = 'https://github.com/slamark/slamark'

/** `link-fragment-missing` → `LinkFragmentMissing`. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase())
}

function descriptor(id: string): ReportingDescriptor {
  const rule = lintRule(id)
  const summary = ruleSummary(id) ?? `The \`${id}\` rule of slamark.`
  const plain = (text: string) => text.replace(/`/g, '')
  const descriptor: ReportingDescriptor = {
    id,
    name: ruleName(id),
    shortDescription: {text: plain(summary)},
    fullDescription: {text: plain(rule?.why ?? summary)},
    help: {text: `${plain(rule?.why ?? summary)} See ${ruleUrl(id)}`, markdown: `${rule?.why ?? summary}\n\n[Documentation](${ruleUrl(id)})`},
    helpUri: ruleUrl(id)
  }
  if (rule) {
    descriptor.defaultConfiguration = {level: rule.severity === 'error' ? 'error' : 'warning'}
    descriptor.properties = {tags: [rule.category]}
  }

  return descriptor
}

const uri = (path: string) => path.split('\\').join('/')

/**
 * The report as a SARIF 2.1.0 log (JSON text).
 *
 * @param input
 *   The run.
 */
export function sarifReport(input: ReportInput): string {
  const ids = new Set(lintRules.map((rule) => rule.id))
  for (const file of input.files) for (const message of file.messages) if (message.ruleId) ids.add(message.ruleId)
  const rules = [...ids].sort(compareText).map(descriptor)
  const index = new Map(rules.map((rule, position) => [rule.id, position]))

  const results: Result[] = []
  for (const file of input.files) {
    const lines = typeof file.value === 'string' ? file.value.split(/\r\n|\r|\n/) : []
    const occurrences = new Map<string, number>()
    for (const message of file.messages) {
      const span = spanOf(message)
      const id = message.ruleId ?? 'slamark'
      const line = (lines[span.line - 1] ?? '').trim()
      const hash = createHash('sha256').update(`${id}\u0000${line || message.reason}`).digest('hex').slice(0, 16)
      const count = (occurrences.get(hash) ?? 0) + 1
      occurrences.set(hash, count)
      const level = levelOf(message)
      const result: Result = {
        ruleId: id,
        level: level === 'info' ? 'note' : level,
        message: {text: message.note === undefined ? message.reason : `${message.reason}. ${message.note}`},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: uri(file.path), uriBaseId: '%SRCROOT%'},
              region: {startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn}
            }
          }
        ],
        partialFingerprints: {primaryLocationLineHash: `${hash}:${count}`}
      }
      const ruleIndex = index.get(id)
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex
      if (message.cause instanceof VFileMessage) {
        const related = spanOf(message.cause)
        result.relatedLocations = [
          {
            id: 1,
            message: {text: message.cause.reason},
            physicalLocation: {
              artifactLocation: {uri: uri(message.cause.file || file.path), uriBaseId: '%SRCROOT%'},
              region: {startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn}
            }
          }
        ]
      }

      results.push(result)
    }
  }

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'slamark', version: input.version, semanticVersion: input.version, informationUri, rules}},
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(input.cwd.endsWith('/') ? input.cwd : `${input.cwd}/`).href}},
        results,
        columnKind: 'utf16CodeUnits'
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}
