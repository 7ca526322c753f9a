import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {Notation, ParamValue, ShortcodeParam} from '../hugo/types.js'

/** Where a shortcode sits in the Markdown, which decides how Hugo renders it. */
export type ShortcodePlacement = 'block' | 'inline' | 'code' | 'link' | 'html'

/** A parameter with its place in the file. */
export interface HugoParam extends ShortcodeParam {
  /** The parameter's place in the file (key and value). */
  position: Position
}

/** What slamark knows of a shortcode call, on `node.data.hugo`. */
export interface HugoShortcodeData {
  name: string
  /** `<` for `{{< >}}`, `%` for `{{% %}}` (of the opening tag, which decides). */
  notation: Notation
  /** Parameters in source order, typed as Hugo types them. */
  params: HugoParam[]
  /** Named (`true`), positional (`false`), or no parameters (`undefined`). */
  named?: boolean
  /** Written self-closing (`{{< x />}}`). */
  selfClosed: boolean
  /** Whether the template takes a body (from the registry). */
  takesBody: boolean
  /** Not left open at end of file. */
  closed: boolean
  /** An `.inline` shortcode. */
  inline: boolean
  placement: ShortcodePlacement
  /** The opening tag's place. */
  open: Position
  /** The closing tag's place, when there is one. */
  close?: Position
  /** The body as written in the source (between the tags), when the call has one. */
  inner?: string
  /**
   * The parsed body of a body shortcode placed inside a paragraph (which
   * Hugo renders as a `<div>` inside `<p>`); block bodies are the node's children.
   */
  body?: Root
  /** The body was not parsed because the nesting is too deep. */
  truncated?: boolean
}

/** Which syntax a callout was written in. */
export type CalloutSyntax = 'hugo-shortcode' | 'directive' | 'gfm-alert'

/** What every callout carries on `node.data.callout`, whatever its syntax. */
export interface CalloutData {
  syntax: CalloutSyntax
  /** `note`, `tip`, `caution`, `danger` or whatever the author wrote. */
  context: string
  /** The title as Markdown source, when given. */
  title?: string
  /** The Tabler icon name (`outline/alert-triangle`), when given. */
  icon?: string
  /** The alert keyword as written (`CAUTION`), for GitHub alerts. */
  alert?: string
}

/** A shortcode found inside a string field (code, link destination, raw HTML). */
export interface EmbeddedShortcode extends HugoShortcodeData {
  /** The call as written in the source. */
  raw: string
  /** Where it sits in the file. */
  position: Position
}

declare module 'mdast-util-directive' {
  interface ContainerDirectiveData {
    hugo?: HugoShortcodeData
    callout?: CalloutData
  }
  interface LeafDirectiveData {
    hugo?: HugoShortcodeData
  }
  interface TextDirectiveData {
    hugo?: HugoShortcodeData
  }
}

declare module 'mdast' {
  interface Data {
    /** Shortcodes kept as source inside this node's string fields (code, URL, HTML). */
    shortcodes?: EmbeddedShortcode[]
  }
  interface FrontmatterContentMap {
    toml: TomlFrontmatter
    json: JsonFrontmatter
    org: OrgFrontmatter
  }
  interface RootContentMap {
    toml: TomlFrontmatter
    json: JsonFrontmatter
    org: OrgFrontmatter
  }
}

/** TOML front matter (`+++` … `+++`), as remark-frontmatter names it. */
export interface TomlFrontmatter {
  type: 'toml'
  value: string
  position?: Position
  data?: import('mdast').Data
}

/** JSON front matter (Hugo reads a leading `{…}` object). */
export interface JsonFrontmatter {
  type: 'json'
  value: string
  position?: Position
  data?: import('mdast').Data
}

/** Org-mode keyword front matter (`#+title: …`). */
export interface OrgFrontmatter {
  type: 'org'
  value: string
  position?: Position
  data?: import('mdast').Data
}

export type {ParamValue}
