/**
 * Plain-data types of Hugo's page model, as the page lexer produces them.
 * Every offset is a 0-based UTF-16 offset into the whole file.
 */

/** Which delimiters a shortcode tag uses: `{{< >}}` or `{{% %}}`. */
export type Notation = '<' | '%'

/** A parameter value typed as Hugo's `Item.ValTyped` types it. */
export type ParamValue = string | number | boolean

/** The Go type Hugo gives a parameter value. */
export type GoType = 'string' | 'int' | 'float64' | 'bool'

/** How a parameter value was written. */
export type ParamQuote = 'double' | 'raw' | 'none'

/** One parameter of a shortcode call. */
export interface ShortcodeParam {
  /** The key of a named parameter; absent for a positional one. */
  name?: string
  /**
   * The value, typed as Hugo types it (quoted and raw values are strings); an
   * `int` beyond JavaScript's safe range stays a string of its digits.
   */
  value: ParamValue
  /** The Go type Hugo gives the value. */
  goType: GoType
  /** The value as lexed, before typing (quotes removed, Hugo's escapes applied). */
  text: string
  /** How the value was written. */
  quote: ParamQuote
  /** Offset of the parameter's first character (its key, or its value when positional). */
  start: number
  /** Offset just past the parameter's last character (closing quote included). */
  end: number
  /** Offset of the value's first character (the opening quote, when quoted). */
  valueStart: number
}

/** One tag as written: `{{< name params >}}`, `{{< /name >}}` or a comment. */
export interface ShortcodeTag {
  /** `open` (maybe self-closing) or `close`. */
  kind: 'open' | 'close'
  notation: Notation
  name: string
  /** Offset of the name's first character. */
  nameStart: number
  params: ShortcodeParam[]
  /** Whether the params are named (`true`), positional (`false`), or absent (`undefined`). */
  named?: boolean
  /** `{{< x />}}`. */
  selfClosing: boolean
  /**
   * The first token written after a self-closing `/` (`{{< x / a="1" >}}`):
   * Hugo 0.111 takes it for a shortcode name in its error message.
   */
  afterSlash?: string
  /** Offset of `{{`. */
  start: number
  /** Offset just past `}}`. */
  end: number
}

/** A shortcode comment (`{{</*` … `*\/>}}`): Hugo emits its inside as literal text, without the comment markers. */
export interface ShortcodeComment {
  kind: 'comment'
  notation: Notation
  /** Offset of `{{`. */
  start: number
  /** Offset just past `}}`. */
  end: number
  /** The literal text Hugo emits: the tag without its two comment markers. */
  text: string
}

/** A complete shortcode call: an opening tag, maybe a body and a closing tag. */
export interface ShortcodeCall {
  name: string
  /** The notation of the opening tag, which decides how Hugo treats the call. */
  notation: Notation
  params: ShortcodeParam[]
  /** Whether the params are named (`true`), positional (`false`), or absent (`undefined`). */
  named?: boolean
  /** `.inline` shortcode. */
  inline: boolean
  /** The opening tag. */
  open: ShortcodeTag
  /** The closing tag, when the call has one. */
  close?: ShortcodeTag
  /** Written `{{< x />}}`. */
  selfClosed: boolean
  /** Whether the registry says the template takes a body (`.Inner`). */
  takesBody: boolean
  /** Whether the call is complete: not a body shortcode left open at end of file. */
  closed: boolean
  /** Offset where the body starts (just past the opening tag); only for calls with a body. */
  innerStart?: number
  /** Offset where the body ends (the closing tag's `{{`); only for calls with a body. */
  innerEnd?: number
  /** Calls nested in the body, in source order. */
  children: ShortcodeCall[]
  /** Comments in the body, in source order. */
  comments: ShortcodeComment[]
  /** Nesting depth: 0 for a top-level call. */
  depth: number
  /** Offset of the opening `{{`. */
  start: number
  /** Offset just past the closing tag (or the opening tag when there is no body). */
  end: number
}

/** Front matter formats Hugo detects. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'org'

/** The front matter block of a page, as Hugo delimits it. */
export interface FrontMatterBlock {
  format: FrontMatterFormat
  /** Offset of the opening delimiter (or of `{` for JSON, `#+` for Org). */
  start: number
  /** Offset just past the closing delimiter line (the body starts here). */
  end: number
  /** Offset of the first character of the front matter's content. */
  valueStart: number
  /** The content between the delimiters (for JSON: the whole object). */
  value: string
}
