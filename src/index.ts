export {
  createRegistry,
  detectFrontMatter,
  discoverShortcodes,
  lexPage,
  type Diagnostic,
  type LexedPage,
  type ShortcodeCall,
  type ShortcodeComment,
  type ShortcodeDefinition,
  type ShortcodeParam,
  type ShortcodeRegistry,
  type ShortcodeTag
} from './hugo/index.js'
export {parseFrontMatter, type ParsedFrontMatter} from './frontmatter/index.js'
export {remarkFrontmatterData} from './frontmatter/plugin.js'
export {createProcessor, type ProcessorOptions} from './pipeline.js'
export {
  hugoToMarkdown,
  parsePage,
  remarkHugo,
  type CalloutData,
  type HugoShortcodeData,
  type ParsedPage,
  type RemarkHugoOptions
} from './syntax/index.js'
