import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {detectFrontMatter} from '../hugo/front-matter-detect.js'
import {lineIndexFor} from '../syntax/line-index.js'
import {report} from '../syntax/messages.js'
import {parseFrontMatter} from './index.js'
import type {Locate} from './types.js'

declare module 'vfile' {
  interface DataMap {
    /** The page's front matter as parsed (YAML core schema: dates stay strings). */
    frontmatter: Record<string, unknown>
    /** Where each front matter value is in the file, by key path (offsets). */
    frontmatterLocate: Locate
  }
}

/**
 * Read the page's front matter (YAML, TOML, JSON or Org, as Hugo detects
 * it) into `file.data.frontmatter`, with `file.data.frontmatterLocate` for
 * positions, and report its problems on the file. Runs after `remarkHugo`.
 */
export function remarkFrontmatterData() {
  return function (_tree: Root, file: VFile): undefined {
    const source = String(file.value ?? '')
    const {block} = detectFrontMatter(source)
    if (!block) {
      file.data.frontmatter = {}
      file.data.frontmatterLocate = () => undefined
      return undefined
    }

    const parsed = parseFrontMatter(block)
    file.data.frontmatter = parsed.data
    file.data.frontmatterLocate = parsed.locate
    if (parsed.diagnostics.length > 0) {
      const lines = lineIndexFor(file)
      for (const item of parsed.diagnostics) report(file, item, lines)
    }

    return undefined
  }
}
