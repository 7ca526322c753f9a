/**
 * The few front matter fields the site index needs (title, draft, weight,
 * dates, slug, url, description, seo), read without parsing the rest.
 *
 * An SLA page's front matter is mostly its `sla:` block, hundreds of lines
 * the index never looks at; parsing it took nine tenths of the index's time
 * (about 0.8 ms a page). A YAML block mapping's top-level entries are
 * independent pieces of text, so the entries the index needs are cut out at
 * their top-level lines and only they are parsed, with the same reader
 * settings as the pages (`yaml`, core schema). Anything that could tie one
 * entry to another (anchors, aliases, merge keys, tags, directives, flow or
 * complex keys at the top) takes the whole reader instead, as do TOML, JSON
 * and Org front matter. `test/site-front-matter-fields.test.ts` checks that
 * both ways give the same fields.
 */
import {parseDocument} from 'yaml'
import {parseFrontMatter} from '../frontmatter/index.js'
import {fastYamlValue} from '../frontmatter/yaml-fast.js'
import type {FrontMatterBlock} from '../hugo/types.js'
import {isRecord} from '../util/is-record.js'

/** The top-level keys the site index reads (lower case, as Hugo reads keys). */
export const indexKeys: ReadonlySet<string> = new Set(['title', 'linktitle', 'draft', 'weight', 'date', 'lastmod', 'slug', 'url', 'description', 'summary', 'seo'])

// A line that starts a top-level entry: a plain or quoted key at column 0, then `:`.
const entryStart = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#:'"\-?&*!|>%@`{[][^:#]*?|-[^\s:][^:#]*?))[ \t]*:(?:[ \t]|$)/
// Anything that lets one entry depend on another, or is not a plain block mapping.
const entangled = /(?:^|[\s,[{])[&*!][^\s,\]}]|^[%{[?]|^-(?:[ \t]|$)|^(?:---|\.\.\.)(?:[ \t]|$)|^<<[ \t]*:/m

/**
 * The index fields of a front matter block: its top-level keys among
 * {@link indexKeys} (as written), with their values as the pages' own
 * reader gives them. `{}` when the block does not parse.
 *
 * @param block
 *   The block, from `detectFrontMatter`.
 */
export function readIndexFields(block: FrontMatterBlock): Record<string, unknown> {
  if (block.format === 'yaml') {
    const fields = yamlFields(block.value)
    if (fields) return fields
  }

  return pick(parseFrontMatter(block).data)
}

function pick(data: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) if (indexKeys.has(key.toLowerCase())) result[key] = value
  return result
}

/**
 * The wanted entries of a YAML block mapping, or `undefined` when the text
 * needs the whole reader.
 */
function yamlFields(text: string): Record<string, unknown> | undefined {
  if (entangled.test(text)) return undefined
  const lines = text.split(/\r?\n|\r/)
  let wanted = ''
  let keep = false
  for (const line of lines) {
    const first = line.charCodeAt(0)
    // A top-level line: not indented, not blank, not a comment.
    if (line !== '' && first !== 32 && first !== 9 && first !== 35) {
      const match = entryStart.exec(line)
      if (!match) return undefined
      // An escaped key (`"ti\x74le"`) is not compared as written: the whole reader decides.
      if (match[1]?.includes('\\')) return undefined
      const key = match[1] ?? match[2]?.replaceAll("''", "'") ?? match[3]!
      keep = indexKeys.has(key.trim().toLowerCase())
    }

    if (keep) wanted += line + '\n'
  }

  if (wanted === '') return {}
  // The pages' reader takes js-yaml where it agrees with `yaml` (../frontmatter/yaml-fast.ts).
  const fast = fastYamlValue(wanted)
  if (fast) return pick(fast.value ?? {})
  try {
    const document = parseDocument(wanted, {schema: 'core', uniqueKeys: false, merge: true, logLevel: 'silent', prettyErrors: false})
    // An error in these entries: the whole reader decides (and finds the block unusable).
    if (document.errors.length > 0) return undefined
    const value: unknown = document.toJS()
    return isRecord(value) ? pick(value) : undefined
  } catch {
    return undefined
  }
}
