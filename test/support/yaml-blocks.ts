/**
 * Generated YAML front matter blocks for the property tests of the two YAML
 * readers: scalars in every notation the readers could disagree on, keys of
 * every kind, nested mappings and sequences, comments and blank lines, and
 * the same blocks with CRLF line endings.
 */
import fc from 'fast-check'

/** Scalars as written: plain, numeric in every notation, special words, quoted with escapes, flow and block collections. */
const scalar = fc.constantFrom(
  'word', 'two words', 'x:y', 'http://a.example/b?c=1#d', '4h', '<= 4 business hours', '99.9 %', 'mon-fri', '09:00-17:00', '2024-01-09',
  '2024-01-09T06:30:00-05:00', '12:30', '1:20:30', '0', '-0', '-0.0', '+0', '00', '0755', '09', '12', '+12', '-12', '1_000', '1__0', '0x1F', '0X1f',
  '0x_1', '0o14', '0O14', '0o8', '0b101', '1.', '.5', '+.5', '-.5', '1.0', '1e3', '1E3', '1e+3', '1e-3', '12e03', '1.5e', '.inf', '-.Inf',
  '+.INF', '.nan', '.NaN', 'NaN', 'inf', 'true', 'True', 'TRUE', 'tRue', 'yes', 'on', 'false', 'null', 'Null', 'NULL', 'nULL', '~', '',
  '18446744073709551616', '9007199254740993', '"quoted"', '"esc \\t \\u00e9 \\x41 \\/ \\\\ \\" \\N \\_"', "'single ''quote'''", '""', "''",
  '"1"', "'true'", '"multi\n  line"', "'multi\n\n  line'", 'plain\n  continued', '*alias', '&anchor value', '!!str 1', '!!int "7"',
  '!custom x', '@at', '`tick', '%pct', 'a # comment', 'a#not-comment', 'x\ty', 'a  ', '"q"  # c', '[a, "b", 1, true, ~]', '[]', '{}',
  '{a: 1, "b": [2]}', '{a: , b: c}', '{a, b: [c, {d: e}]}', '[ {x: 1}, [2, 3] ]', '{5: a, 1: b}', '[x, ]', '|\n  block\n  text\n', '|-\n  kept\n',
  '|+\n  kept\n\n', '>\n  folded\n  text\n', '>-\n  x\n\n  y\n', '|2\n   indented\n'
)

/** Keys as written. */
const key = fc.constantFrom('title', 'sla', 'id', 'a', 'b', '"quoted key"', "'single'", '1', '0x10', '.5', 'true', 'null', '~', '__proto__', '<<', 'k_1', 'ün')

/** What follows an entry: nothing, a comment, a blank line, a comment line at the left or indented. */
const after = fc.constantFrom('', ' # note', '\n', '\n# comment\n', '\n  # indented\n')

/** A YAML mapping block, a few levels deep, with LF line endings. */
const lfBlock: fc.Arbitrary<string> = fc.letrec<{map: string; value: string}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    scalar,
    tie('map'),
    fc.array(fc.oneof(scalar, tie('map')), {minLength: 1, maxLength: 3}).map((items) => items.map((item) => `- ${item.replaceAll('\n', '\n  ')}`).join('\n'))
  ),
  map: fc
    .array(fc.tuple(key, tie('value'), after), {minLength: 1, maxLength: 4})
    .map((entries) => entries.map(([name, value, tail]) => (value.includes('\n') && !/^[|>]/.test(value) ? `${name}:\n${indent(value)}` : `${name}: ${value}`) + tail).join('\n'))
})).map

/** A YAML mapping block, a few levels deep, with LF or CRLF line endings. */
export const yamlBlock: fc.Arbitrary<string> = fc.tuple(lfBlock, fc.boolean()).map(([text, crlf]) => (crlf ? text.replaceAll('\n', '\r\n') : text))

/**
 * Every key path of a value, the value's own (`[]`) first.
 *
 * @param value
 *   A value read from YAML.
 */
export function keyPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const paths = [prefix]
  if (Array.isArray(value)) for (const [index, item] of value.entries()) paths.push(...keyPaths(item, [...prefix, index]))
  else if (value !== null && typeof value === 'object') for (const [name, item] of Object.entries(value)) paths.push(...keyPaths(item, [...prefix, name]))
  return paths
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n')
}
