/**
 * Hugo's automatic heading ids (`markup/goldmark/autoid.go`, unchanged from
 * 0.111 to today): pure string functions, shared by the renderer and the
 * linter, so an anchor checked in a pull request is the anchor Hugo builds.
 */
import {isDigit, isLetter, isUnicodeSpace, toLowerCodePoint} from './go-text.js'

/** Hugo's `markup.goldmark.parser.autoHeadingIDType`. */
export type HeadingIdType = 'github' | 'github-ascii' | 'blackfriday'

/** What an empty id becomes: `heading` for headings, `id` for anything else. */
export type HeadingIdKind = 'heading' | 'other'

/**
 * The id Hugo derives from a heading's text, before de-duplication.
 *
 * `github` (the default): outer white space trimmed, then each space or
 * hyphen becomes `-`, each letter, decimal digit or `_` is lower-cased one
 * code point at a time, and everything else is dropped (hyphens are neither
 * collapsed nor trimmed). `github-ascii` first strips accents and drops what
 * is still not ASCII; `blackfriday` is Hugo's legacy algorithm. An empty
 * result is `heading`.
 *
 * @param text
 *   The heading's text (Hugo 0.144+: its plain text; 0.143 and earlier: the
 *   raw source of its last line).
 * @param type
 *   The id type (default `github`).
 * @param kind
 *   What the id is for (default `heading`).
 */
export function hugoHeadingId(text: string, type: HeadingIdType = 'github', kind: HeadingIdKind = 'heading'): string {
  const id = hugoAnchorize(text, type)
  return id === '' ? (kind === 'heading' ? 'heading' : 'id') : id
}

/**
 * Hugo's `anchorize` (`SanitizeAnchorName`): the same algorithm as
 * {@link hugoHeadingId}, but an empty result stays empty.
 *
 * @param text
 *   Any text.
 * @param type
 *   The id type (default `github`).
 */
export function hugoAnchorize(text: string, type: HeadingIdType = 'github'): string {
  return type === 'blackfriday' ? blackfridayAnchor(text) : githubAnchor(text, type === 'github-ascii')
}

function githubAnchor(text: string, asciiOnly: boolean): string {
  const input = trimSpace(asciiOnly ? removeAccents(text) : text)
  let id = ''
  for (const character of input) {
    const code = character.codePointAt(0)!
    if (asciiOnly && code > 0x7f) continue
    if (code === 0x20 || code === 0x2d) id += '-'
    else if (code === 0x5f || isLetter(code) || isDigit(code)) id += String.fromCodePoint(toLowerCodePoint(code))
  }

  return id
}

// Go's `bytes.TrimSpace`: Unicode white space at both ends.
function trimSpace(text: string): string {
  const characters = [...text]
  let start = 0
  let end = characters.length
  while (start < end && isUnicodeSpace(characters[start]!.codePointAt(0)!)) start++
  while (end > start && isUnicodeSpace(characters[end - 1]!.codePointAt(0)!)) end--
  return start === 0 && end === characters.length ? text : characters.slice(start, end).join('')
}

// Hugo's `text.RemoveAccents`: decompose, drop non-spacing marks, compose.
function removeAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC')
}

// blackfriday's `SanitizedAnchorName`: letters and numbers, lower-cased, runs
// of anything else as one hyphen between them.
function blackfridayAnchor(text: string): string {
  let id = ''
  let dash = false
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (isLetter(code) || /\p{N}/u.test(character)) {
      if (dash && id !== '') id += '-'
      dash = false
      id += String.fromCodePoint(toLowerCodePoint(code))
    } else {
      dash = true
    }
  }

  return id
}

/**
 * The ids of one Goldmark document, de-duplicated as Hugo does: an explicit
 * id (`{#id}`) is taken as written and reserved; an automatic id that is
 * already taken gets `-1`, `-2`, … (the first free one). Each document
 * (the page, every `RenderString` call) has its own.
 */
export class HeadingIdCounter {
  private readonly taken = new Set<string>()

  /**
   * @param type
   *   The id type of the document.
   */
  constructor(private readonly type: HeadingIdType = 'github') {}

  /**
   * Take an explicit id as it is (even when it repeats an earlier one).
   *
   * @param id
   *   The id as written.
   */
  reserve(id: string): string {
    this.taken.add(id)
    return id
  }

  /**
   * The next automatic id for a heading's text.
   *
   * @param text
   *   The heading's text.
   * @param kind
   *   What the id is for (default `heading`).
   */
  next(text: string, kind: HeadingIdKind = 'heading'): string {
    const base = hugoHeadingId(text, this.type, kind)
    let id = base
    for (let suffix = 1; this.taken.has(id); suffix++) id = `${base}-${suffix}`
    this.taken.add(id)
    return id
  }

  /** Whether an id is taken in this document. */
  has(id: string): boolean {
    return this.taken.has(id)
  }
}
