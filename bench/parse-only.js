/**
 * A floor under the lint benchmark: every Markdown file of a folder parsed
 * and nothing else (no front matter read, no validation, no rules, no
 * report), the files spread over worker threads. `slamark` parses as lint
 * does (slamark's Hugo-aware parser); `remark` parses with plain
 * remark-parse, remark-gfm and remark-frontmatter, the parser the
 * architecture builds on. Plain JavaScript, run with `node` itself.
 *
 * Usage: node bench/parse-only.js <folder> <threads> <slamark|remark>
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {runShares} from './shares.js'

if (isMainThread) {
  const [folder, count, parser] = process.argv.slice(2)
  if (parser !== 'slamark' && parser !== 'remark') throw new Error(`Unexpected parser \`${parser}\`, expected \`slamark\` or \`remark\``)
  const {files, workers, replies} = await runShares(new URL(import.meta.url), folder, Number(count), {folder, parser})
  console.log(JSON.stringify({pages: files.length, workers, parser, nodes: replies.reduce((sum, count) => sum + count, 0)}))
} else {
  const {folder, parser, files} = workerData
  const {unified} = await import('unified')
  const processor = parser === 'slamark' ? unified().use((await import('../dist/index.js')).remarkHugo) : await plainProcessor(unified)
  let nodes = 0
  for (const file of files) {
    const tree = processor.parse(readFileSync(path.join(folder, file), 'utf8'))
    // A count of the trees' top-level nodes, so the parse cannot be left out.
    nodes += tree.children.length
  }

  parentPort.postMessage(nodes)
}

async function plainProcessor(unified) {
  const [{default: remarkParse}, {default: remarkGfm}, {default: remarkFrontmatter}] = await Promise.all([import('remark-parse'), import('remark-gfm'), import('remark-frontmatter')])
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
}
