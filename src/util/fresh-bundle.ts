/**
 * Bundles that `npm run build` makes beside the compiled modules (Vite
 * puts a module and all it imports in a few files, which Node loads far
 * sooner than hundreds of modules): one is used only when it was made from
 * the compile beside it, so a later `tsc` alone is never shadowed by an
 * older bundle.
 */
import {existsSync, statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/**
 * The bundle, when it exists and is at least as new as the compiled module
 * it was made from; `undefined` otherwise.
 *
 * @param bundle
 *   The bundle's entry (a `file:` URL).
 * @param compiled
 *   The compiled module it bundles (a `file:` URL).
 */
export function freshBundle(bundle: URL, compiled: URL): URL | undefined {
  try {
    return statSync(fileURLToPath(bundle)).mtimeMs >= statSync(fileURLToPath(compiled)).mtimeMs ? bundle : undefined
  } catch {
    return undefined
  }
}

/**
 * A compiled script in a folder of compiled modules: its bundle
 * (`<name>.bundle.js`, made by `npm run build`) when it was made from this
 * compile, else `<name>.js` itself; `undefined` when the folder has neither.
 *
 * @param folder
 *   The folder (a `file:` URL ending in `/`).
 * @param name
 *   The script's name without `.js` (e.g. `render-worker`).
 */
export function compiledScriptIn(folder: URL, name: string): URL | undefined {
  const script = new URL(name + '.js', folder)
  if (!existsSync(fileURLToPath(script))) return undefined
  return freshBundle(new URL(name + '.bundle.js', folder), script) ?? script
}
