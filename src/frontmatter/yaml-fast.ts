/**
 * The value of a plain YAML front matter block, read by js-yaml.
 *
 * Why: the `yaml` package's document (every node with its range, which
 * gives each value its position) costs about ten times what js-yaml's
 * `load` costs, and on an SLA site it was the largest single cost of a page
 * after Markdown itself. Most blocks are plain mappings of plain values, and
 * most pages need no position in them (positions are for messages). So the
 * value comes from js-yaml with its core schema, and the `yaml` document is
 * built only when a position is asked for (see `./yaml.ts`).
 *
 * The two readers differ on some inputs, so the fast reader answers only
 * for text without any of these, and leaves everything else to `yaml`:
 *
 * * numbers js-yaml reads and YAML 1.2's core schema does not (`1_000`,
 *   `0b101`, `0x_1`), or reads otherwise (`+.5`, `-.5`, `-0`);
 * * anchors, aliases, tags and merge keys (`&a`, `*a`, `!!str`, `<<`), whose
 *   checks (alias limits, merge values) are `yaml`'s;
 * * keys that are collections or null (`[a, b]: c`, `? x`, `~: x`);
 * * directives and document markers;
 * * block scalars that keep their trailing line breaks (`|+`, `>+`), and
 *   empty sequence items (a line that is only `-`);
 * * anything js-yaml rejects or warns about, and keys written twice (js-yaml
 *   refuses them; `yaml` reads them and slamark warns).
 *
 * A property test compares the two readers on generated blocks: wherever
 * this one answers, `yaml` gives the same value and no message.
 */

import {CORE_SCHEMA, load} from 'js-yaml'

/**
 * Text this reader leaves to `yaml` (see the list above). Each pattern may
 * match more than it must: a false alarm only costs the slower reader.
 */
const leftToYaml: readonly RegExp[] = [
  // Underscored, binary and signed-zero numbers, and `+.5`.
  /\d_|_\d|0[bB][01]|[-+]\.|-0(?!\d)/,
  // An anchor, alias or tag where a node starts.
  /(?:^|[\s[{,:?-])[&*!]/m,
  // A merge key.
  /<</,
  // An explicit key, a collection as a key, a null key (in a block or a flow mapping).
  /^[ \t-]*\?(?:\s|$)|[\]}][ \t]*:(?:\s|$)|(?:^[ \t-]*|[{,][ \t]*)(?:~|null|Null|NULL)?[ \t]*:(?:\s|$)/m,
  // A directive or a document marker.
  /^(?:%|---|\.\.\.)/m,
  // A block scalar that keeps its trailing line breaks (`|+`): js-yaml counts
  // one more when the text does not end with a line break.
  /[|>][1-9]?\+/,
  // An empty sequence item: js-yaml can take the less indented items after it into its sequence.
  /^[ \t]*-[ \t]*\r?$/m
]

/**
 * Read a YAML front matter block with js-yaml, when this reader and `yaml`
 * are known to agree on it.
 *
 * @param text
 *   The text between the `---` lines.
 * @returns
 *   `{value}`, a mapping or `null` for an empty block; `undefined` when the
 *   block is left to `yaml`.
 */
export function fastYamlValue(text: string): {value: Record<string, unknown> | null} | undefined {
  for (const pattern of leftToYaml) if (pattern.test(text)) return undefined
  let warned = false
  let value: unknown
  try {
    value = load(text, {schema: CORE_SCHEMA, onWarning: () => (warned = true)})
  } catch {
    return undefined
  }

  if (warned) return undefined
  // js-yaml reads an empty block (or only comments) as `undefined`; `yaml` as `null`.
  if (value === undefined || value === null) return text.trim() === '' ? {value: null} : undefined
  return typeof value === 'object' && !Array.isArray(value) ? {value: value as Record<string, unknown>} : undefined
}
