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
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {glob} from 'tinyglobby'
import {unified} from 'unified'

if (isMainThread) {
  const [contentDir, outDir, count] = process.argv.slice(2)
  const files = (await glob('**/*.md', {cwd: contentDir})).sort()
  const workers = Math.max(1, Number(count))
  const shares = Array.from({length: workers}, (_, index) => files.filter((_, file) => file % workers === index))
  await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {workerData: {contentDir, outDir, files: share}})
          worker.on('message', resolve)
          worker.on('error', reject)
        })
    )
  )
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
