export type {Diagnostic} from './diagnostic.js'
export {detectFrontMatter, type DetectedFrontMatter} from './front-matter-detect.js'
export {lexPage, type LexedPage, type LexPageOptions} from './page.js'
export {
  createRegistry,
  discoverShortcodes,
  type RegistryOptions,
  type ShortcodeDefinition,
  type ShortcodeOption,
  type ShortcodeOrigin,
  type ShortcodeRegistry
} from './registry.js'
export {innerText, lexShortcodes, type LexedShortcodes} from './shortcodes.js'
export {typed} from './tag-lexer.js'
export type * from './types.js'
