/**
 * Builds the benchmark corpus from the pages in `content-examples/`.
 *
 * The corpus is written to disk (so that whole-process tools such as
 * markdownlint-cli2 can read it) and also returned in memory (so that parser
 * timings do not include file I/O).
 */

import {mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'

/** One Markdown file of the corpus, held in memory. */
export interface CorpusFile {
  /** Absolute path of the file as written under the corpus folder. */
  path: string
  /** The whole file: front matter and body. */
  value: string
  /** Size of `value` in UTF-8 bytes. */
  bytes: number
}

/** A size-ladder page: one example's body repeated `factor` times under a one-line front matter. */
export interface LadderFile extends CorpusFile {
  /** How many times the body is repeated (1, 2, 5, 10 by default). */
  factor: number
}

/** The generated corpus. */
export interface Corpus {
  /** Absolute path of the corpus folder (`bench/.corpus`). */
  root: string
  /** Absolute path of the folder holding the cycled pages (`<root>/pages`). */
  pagesDir: string
  /** The cycled pages, in generation order. */
  pages: CorpusFile[]
  /** The size-ladder pages, smallest first. */
  ladder: LadderFile[]
  /** Example pages the corpus was built from, relative to the examples folder. */
  examples: string[]
  /** The example whose body the ladder repeats, relative to the examples folder. */
  ladderSource: string
}

/** Options for {@link buildCorpus}. */
export interface CorpusOptions {
  /** Folder with the example pages (`content-examples`). */
  examplesDir: string
  /** Folder to (re)create the corpus in; its previous content is removed. */
  outDir: string
  /** Minimum number of cycled pages (default: `2000`). */
  minPages?: number | null | undefined
  /** Repetition factors of the size ladder (default: `[1, 2, 5, 10]`). */
  ladderFactors?: readonly number[] | null | undefined
}

/** Front matter and body of a page, split at the closing delimiter line. */
export interface SplitPage {
  /** The front matter including both delimiter lines and the final newline; `''` when there is none. */
  frontMatter: string
  /** Everything after the front matter. */
  body: string
}

const defaultMinPages = 2000
const defaultLadderFactors = [1, 2, 5, 10] as const

/**
 * Split a page into its YAML (`---`) or TOML (`+++`) front matter and its body.
 *
 * @param source
 *   Whole file.
 * @returns
 *   The two parts; `frontMatter` is empty when the file has none.
 */
export function splitFrontMatter(source: string): SplitPage {
  const match = /^(---|\+\+\+)[ \t]*\r?\n/.exec(source)
  if (!match) return {frontMatter: '', body: source}
  const fence = match[1] === '---' ? '---' : '\\+\\+\\+'
  const close = new RegExp(`^${fence}[ \\t]*(?:\\r?\\n|$)`, 'm')
  const rest = source.slice(match[0].length)
  const end = close.exec(rest)
  if (!end) return {frontMatter: '', body: source}
  const cut = match[0].length + end.index + end[0].length
  return {frontMatter: source.slice(0, cut), body: source.slice(cut)}
}

/**
 * Make copy number `copy` of an example page different from the others:
 * the title gets a suffix and the `sla.id` gets a suffix, so every page
 * stays valid (ids are unique per site) while no two pages are identical.
 *
 * @param source
 *   Example page.
 * @param copy
 *   Copy number, used in the suffixes.
 * @returns
 *   The varied page.
 */
export function varyPage(source: string, copy: number): string {
  const tag = String(copy).padStart(4, '0')
  return (
    source
      // YAML and TOML titles (first occurrence only: the front matter one).
      .replace(/^title: "(.*)"$/m, `title: "$1 (copy ${tag})"`)
      .replace(/^title = "(.*)"$/m, `title = "$1 (copy ${tag})"`)
      // `sla.id`: two-space indented in YAML, top level of `[sla]` in TOML.
      .replace(/^ {2}id: ([a-z0-9-]+)$/m, `  id: $1-c${tag}`)
      .replace(/^id = "([a-z0-9-]+)"$/m, `id = "$1-c${tag}"`)
  )
}

/**
 * Generate the corpus: at least `minPages` pages made by cycling through the
 * examples (each cycle in its own `set-NNNN` folder, keeping the examples'
 * layout so relative `relref`s still point at a sibling), plus the size
 * ladder built from the example with the largest body.
 *
 * @param options
 *   Where to read and write.
 * @returns
 *   The corpus, in memory.
 */
export async function buildCorpus(options: CorpusOptions): Promise<Corpus> {
  const minPages = options.minPages ?? defaultMinPages
  const factors = options.ladderFactors ?? defaultLadderFactors
  const examplesDir = path.resolve(options.examplesDir)
  const root = path.resolve(options.outDir)
  const pagesDir = path.join(root, 'pages')
  const ladderDir = path.join(root, 'ladder')

  const examples = (await glob('**/*.md', {cwd: examplesDir})).sort()
  if (examples.length === 0) {
    throw new Error('Unexpected empty examples folder `' + examplesDir + '`, expected Markdown pages')
  }

  const sources = await Promise.all(
    examples.map(async (relative) => ({
      relative,
      value: await readFile(path.join(examplesDir, relative), 'utf8')
    }))
  )

  await rm(root, {recursive: true, force: true})
  await mkdir(pagesDir, {recursive: true})
  await mkdir(ladderDir, {recursive: true})

  const pages: CorpusFile[] = []
  const sets = Math.ceil(minPages / sources.length)
  for (let set = 0; set < sets; set++) {
    const setDir = path.join(pagesDir, 'set-' + String(set + 1).padStart(4, '0'))
    for (const [index, source] of sources.entries()) {
      const copy = set * sources.length + index + 1
      const value = varyPage(source.value, copy)
      pages.push({path: path.join(setDir, source.relative), value, bytes: Buffer.byteLength(value)})
    }
  }

  await writeAll(pages)

  let ladderSource = sources[0]
  for (const source of sources) {
    if (splitFrontMatter(source.value).body.length > splitFrontMatter(ladderSource.value).body.length) {
      ladderSource = source
    }
  }

  // Only a one-line front matter: the examples' large `sla:` blocks are cheap
  // to parse (one node), and keeping them would make the 1x page look faster
  // per KB than it is, hiding the growth this ladder is there to show.
  const {body} = splitFrontMatter(ladderSource.value)
  const ladder: LadderFile[] = factors.map((factor) => {
    const frontMatter = `---\ntitle: "Size ladder ${factor}x"\n---\n`
    const value = frontMatter + Array.from({length: factor}, () => body).join('\n')
    const name = 'ladder-' + String(factor).padStart(2, '0') + 'x.md'
    return {path: path.join(ladderDir, name), value, bytes: Buffer.byteLength(value), factor}
  })

  await writeAll(ladder)

  return {root, pagesDir, pages, ladder, examples, ladderSource: ladderSource.relative}
}

/**
 * Write files, creating their folders.
 *
 * @param files
 *   Files to write.
 */
async function writeAll(files: readonly CorpusFile[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(file.path)))
  await Promise.all([...folders].map((folder) => mkdir(folder, {recursive: true})))
  // In batches: thousands of concurrent writes can exhaust file descriptors.
  for (let start = 0; start < files.length; start += 64) {
    const batch = files.slice(start, start + 64)
    await Promise.all(batch.map((file) => writeFile(file.path, file.value)))
  }
}
