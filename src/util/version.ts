import {readFileSync} from 'node:fs'

let version: string | undefined

/**
 * slamark's version, from its `package.json` (read on first use): what
 * `--version` prints and what every cache key and report carries.
 */
export function slamarkVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version
  return version
}
