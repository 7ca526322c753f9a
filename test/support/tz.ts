/**
 * Run a script in child processes under several process time zones, to
 * show that the engine never reads the host's zone: the outputs must be
 * byte for byte the same.
 */
import {spawnSync} from 'node:child_process'

/** Zones far apart, on both sides of UTC and both hemispheres (opposite DST seasons). */
export const processTimeZones = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'] as const

/**
 * The standard output of `node --import tsx <script>` under each `TZ`.
 *
 * @param script
 *   Path of a TypeScript or JavaScript file that prints its results.
 * @param zones
 *   Values for `TZ` (default: {@link processTimeZones}).
 * @returns
 *   Output per zone, in the order of `zones`.
 * @throws
 *   When a run fails, with its standard error.
 */
export function outputUnderTimeZones(script: string, zones: readonly string[] = processTimeZones): Array<{zone: string; stdout: string}> {
  return zones.map((zone) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: {...process.env, TZ: zone},
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
    if (run.status !== 0) throw new Error(`Unexpected exit ${String(run.status)} of \`${script}\` under TZ=${zone}: ${run.stderr}`)
    return {zone, stdout: run.stdout}
  })
}
