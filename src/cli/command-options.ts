/**
 * Which options each command takes, and the message for one it does not.
 */
import {didYouMean} from '../util/did-you-mean.js'

/** Options every command takes. */
const everywhere: readonly string[] = ['help', 'version', 'color', 'no-color']

/**
 * The options each command takes besides {@link everywhere}. The command
 * line is parsed once for every command, so an option of another command
 * would otherwise be accepted and ignored: `slamark lint --format json`
 * would print the stylish report to a script that expects JSON.
 */
const commandOptions: Readonly<Record<string, readonly string[]>> = {
  lint: ['reporter', 'max-warnings', 'changed-since', 'fix', 'fail-on-breach', 'as-of', 'config', 'no-cache', 'jobs'],
  schema: ['out'],
  eval: [],
  build: ['out', 'drafts', 'as-of', 'no-cache'],
  'build --hugo': ['hugo', 'as-of', 'environment'],
  dev: ['host', 'port', 'drafts', 'as-of'],
  export: ['format', 'out', 'as-of', 'environment']
}

/** What users of other tools reach for, and this command's name for it. */
const otherNames: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // ESLint and many linters choose their output with `--format`.
  lint: {format: 'reporter'},
  export: {reporter: 'format'}
}

/**
 * The problem with the options given to a command, or `undefined` when it
 * takes them all: the first option that belongs to another command.
 *
 * @param command
 *   The command: `lint`, `schema`, `eval`, `build`, `build --hugo`, `dev` or
 *   `export` (others are not checked here).
 * @param given
 *   The parsed options (names without dashes), as `parseArgs` gives them.
 */
export function commandOptionProblem(command: string, given: Readonly<Record<string, unknown>>): string | undefined {
  const takes = commandOptions[command]
  if (!takes) return undefined
  const valid = [...takes, ...everywhere]
  const stray = Object.keys(given)
    .filter((name) => given[name] !== undefined && !valid.includes(name))
    .sort()[0]
  if (stray === undefined) return undefined
  const near = otherNames[command]?.[stray] ?? didYouMean(stray, takes)
  const expected = takes.length === 0 ? 'no options but `--help`' : takes.map((name) => `\`--${name}\``).join(', ')
  return `slamark ${command}: Unexpected option \`--${stray}\` for this command, expected ${expected}` + (near === undefined ? '' : ` (did you mean \`--${near}\`?)`) + '\n'
}
