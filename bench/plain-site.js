/**
 * The baseline of the site build benchmark: every Markdown file of a folder
 * through the plain unified pipeline (remark-parse, remark-gfm,
 * remark-rehype, rehype-stringify), each written as its own HTML file, the
 * files spread over worker threads. Plain JavaScript, run with `node`
 * itself, so no TypeScript loader is timed.
 *
 * Usage: node bench/plain-site.js <content folder> <output folder> <workers>
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {runShares} from './shares.js'

if (isMainThread) {
  const [contentDir, outDir, count] = process.argv.slice(2)
  const {files, workers} = await runShares(new URL(import.meta.url), contentDir, Number(count), {contentDir, outDir})
  console.log(JSON.stringify({pages: files.length, workers}))
} else {
  const {contentDir, outDir, files} = workerData
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)
  for (const file of files) {
    const html = String(processor.processSync(readFileSync(path.join(contentDir, file), 'utf8')))
    const target = path.join(outDir, file.replace(/(?:\/index|\/_index)?\.md$/, ''), 'index.html')
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileSync(target, html)
  }

  parentPort.postMessage(files.length)
}
