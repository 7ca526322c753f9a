/**
 * `slamark build`: the command's modules (`site-build.ts`) are loaded from
 * the bundle `npm run build` makes of them (`dist/build-bundle/`: the main
 * thread's modules of a site build in a few files, which start about 60 ms
 * sooner than the some 180 modules they are made of), or from the modules
 * themselves when the bundle is missing or older than them.
 */
import {freshBundle} from '../util/fresh-bundle.js'
import type {BuildCommandOptions} from './site-build.js'
import type {CommandContext} from './lint.js'

export type {BuildCommandOptions} from './site-build.js'

/**
 * `slamark build [site | content folder] --out dist`: see `site-build.ts`.
 *
 * @param inputs
 *   At most one folder (default: the working folder).
 * @param options
 *   The command's options.
 * @param context
 *   Where to read and write.
 */
export async function buildCommand(inputs: readonly string[], options: BuildCommandOptions, context: CommandContext): Promise<number> {
  const bundle = freshBundle(new URL('../build-bundle/site-build.js', import.meta.url), new URL('site-build.js', import.meta.url))
  const {siteBuildCommand} = bundle ? ((await import(bundle.href)) as typeof import('./site-build.js')) : await import('./site-build.js')
  return siteBuildCommand(inputs, options, context)
}
