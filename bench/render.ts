/**
 * The render benchmark's subjects: slamark's whole page pipeline to HTML
 * (parse, front matter, validation, engine report, injected SLA content,
 * Doks shortcodes, Hugo's Goldmark markup) against plain unified pipelines on
 * the same files. Each subject turns one corpus file into an HTML string.
 */

import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {createProcessor} from '../src/pipeline.js'
import type {CorpusFile} from './corpus.js'
import type {Subject} from './measure.js'

/** A fixed "now", so every round computes the same reports. */
const asOf = '2026-01-01T00:00:00Z'

const plainProcessor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).freeze()
const plainGfmProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkRehype)
  .use(rehypeStringify)
  .freeze()
const slamarkProcessor = createProcessor({asOf}).freeze()

/**
 * The subjects, baselines first: remark-parse + remark-rehype +
 * rehype-stringify as the issue names it, the same with GFM and front matter
 * (the Markdown slamark itself reads), and slamark.
 *
 * @returns
 *   Named render functions.
 */
export function renderSubjects(): Subject[] {
  return [
    {name: 'remark-parse + remark-rehype + rehype-stringify', parse: (file: CorpusFile) => render(plainProcessor, file)},
    {name: 'same + gfm + frontmatter', parse: (file: CorpusFile) => render(plainGfmProcessor, file)},
    {name: 'slamark createProcessor (html)', parse: (file: CorpusFile) => render(slamarkProcessor, file)}
  ]
}

/**
 * Run one processor over one file, as a site build does.
 *
 * @param processor
 *   Frozen processor whose compiler yields a string.
 * @param file
 *   Corpus page.
 * @returns
 *   The HTML.
 */
function render(processor: {processSync(file: VFile): VFile}, file: CorpusFile): unknown {
  return processor.processSync(new VFile({path: file.path, value: file.value})).value
}
