/**
 * Bundle what a site build loads, after `tsc` (`npm run build`), with Vite:
 *
 * - the render worker (`dist/site/render-worker.js`, the pipeline and the
 *   packages it uses) into one file, `dist/site/render-worker.bundle.js`:
 *   a worker starts by reading one module instead of resolving and reading
 *   some 600, about a fifth of a second sooner;
 * - the `slamark build` command's main thread (`dist/cli/site-build.js` and
 *   what it imports, Vite left out) into `dist/build-bundle/`, split where
 *   it loads modules on demand: about 60 ms sooner than its some 180 modules;
 * - the `slamark lint` command (`dist/cli/lint.js`, the whole lint chain)
 *   into `dist/lint-bundle/`, and its worker thread into
 *   `dist/lint/worker.bundle.js`: a lint that finds most pages in its cache
 *   spends most of its time loading the chain for the few it lints.
 *
 * Each bundle is used only while it is newer than the compiled module it
 * was made from (`src/util/fresh-bundle.ts`).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')

/** Vite's build of one entry for Node, every package bundled in but those named. */
const bundle = (entry, outDir, output, {external = [], emptyOutDir = false} = {}) =>
  build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: {format: 'es', ...output},
        // The pool's fallback loads the renderer on demand; in the worker it is loaded at once, as it should be.
        onLog: (level, log, handler) => (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' ? undefined : handler(level, log))
      }
    },
    ssr: {noExternal: true, target: 'node'}
  })

await bundle(path.join(dist, 'site', 'render-worker.js'), path.join(dist, 'site'), {entryFileNames: 'render-worker.bundle.js'})
// At the same depth as `dist/cli/`: the modules' paths to the package's files (`../../layouts/`) hold in it.
await bundle(path.join(dist, 'cli', 'site-build.js'), path.join(dist, 'build-bundle'), {entryFileNames: 'site-build.js', chunkFileNames: '[name]-[hash].js'}, {external: [/^vite$/], emptyOutDir: true})
await bundle(path.join(dist, 'lint', 'worker.js'), path.join(dist, 'lint'), {entryFileNames: 'worker.bundle.js'})
await bundle(path.join(dist, 'cli', 'lint.js'), path.join(dist, 'lint-bundle'), {entryFileNames: 'lint.js', chunkFileNames: '[name]-[hash].js'}, {emptyOutDir: true})
