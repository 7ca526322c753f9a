/**
 * Where the read-only `shared/` folder (docs, seeds, the getdoks.org corpus)
 * is: `SLAMARK_SHARED` when set (a second checkout elsewhere), else beside
 * the checkout. Tests read it when it exists and say so when it does not.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The `shared/` folder. */
export const sharedRoot: string = process.env.SLAMARK_SHARED ? path.resolve(process.env.SLAMARK_SHARED) : path.join(projectRoot, '..', 'shared')
