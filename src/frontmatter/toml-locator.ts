/**
 * Find where every key and value of a TOML document is written.
 *
 * `smol-toml` gives values but no positions, so this scanner walks the text
 * again and records, for each key path, the offsets of the key and the value
 * in a {@link PositionNode} tree. It runs only on text `smol-toml` accepted,
 * so it does not validate: on anything it does not understand it throws, and
 * the caller goes on without positions.
 *
 * What is recorded:
 *
 * * `key = value` lines, dotted keys (`a.b = 1`), inline tables and arrays
 *   (each element under its index);
 * * a table header `[a.b]`: the key is `b` in the header, the value spans
 *   from `[` to the end of the table's last `key = value`;
 * * a table only implied by a longer key (`a` in `[a.b]` or `a.b = 1`): key
 *   and value both point at that first mention of `a`, until an explicit
 *   `[a]` replaces it;
 * * an array of tables `[[x]]`: `x` points at the first header, `x.0`, `x.1`…
 *   at each header and its `key = value` lines.
 */

import {PositionNode, position} from './positions.js'

/** A key segment as written: its name (quotes and escapes resolved) and offsets. */
interface KeySegment {
  name: string
  start: number
  end: number
}

/** Thrown when the text has a shape the scanner does not know. */
class LocatorError extends Error {}

/** Characters that may appear in a bare key. */
const bareKeyCharacter = /[\w-]/

/**
 * Record the position of every key and value in a TOML document.
 *
 * @param text
 *   TOML text that `smol-toml` parsed without error.
 * @param offset
 *   Offset of `text` in the whole file; every position is shifted by it.
 * @returns
 *   The root of the position tree (the whole text).
 * @throws
 *   When the text has a shape the scanner does not know.
 */
export function locateToml(text: string, offset: number): PositionNode {
  return new TomlLocator(text, offset).run()
}

/** The scanner; one instance per document. */
class TomlLocator {
  private index = 0
  private readonly root: PositionNode
  /** Node that `key = value` lines belong to. */
  private current: PositionNode
  /** Nodes whose value span grows with each `key = value` line. */
  private section: PositionNode[] = []
  /** Which nodes are arrays of tables (their children are the elements). */
  private readonly arraysOfTables = new Set<PositionNode>()

  /**
   * @param text
   *   The TOML text.
   * @param offset
   *   Offset of the text in the whole file.
   */
  constructor(
    private readonly text: string,
    private readonly offset: number
  ) {
    this.root = new PositionNode(position(offset, offset + text.length))
    this.current = this.root
  }

  /** Scan the whole document. */
  run(): PositionNode {
    const {text} = this
    while (true) {
      this.skipBlank()
      if (this.index >= text.length) break
      if (text.charAt(this.index) === '[') {
        this.header()
      } else {
        const end = this.keyValue(this.current)
        for (const node of this.section) {
          node.position.end = Math.max(node.position.end, this.offset + end)
        }
      }
    }

    return this.root
  }

  /** Read a `[table]` or `[[array.of.tables]]` header. */
  private header(): void {
    const {text} = this
    const start = this.index
    const isArray = text.startsWith('[[', start)
    this.index += isArray ? 2 : 1
    const segments = this.key()
    this.skipSpaces()
    this.expect(isArray ? ']]' : ']')
    const end = this.index
    const whole = {start: this.offset + start, end: this.offset + end}

    const last = segments.at(-1)
    if (!last) throw new LocatorError('empty header')
    const parent = this.descend(this.root, segments.slice(0, -1))
    const keyOffsets = this.shift(last)
    let node = parent.get(last.name)

    if (isArray) {
      if (!node) {
        node = parent.set(last.name, position(whole.start, whole.end, keyOffsets))
        this.arraysOfTables.add(node)
      }

      const element = node.set(
        node.children.size,
        position(whole.start, whole.end)
      )
      this.current = element
      this.section = [element, node]
      return
    }

    if (node === undefined) {
      node = parent.set(last.name, position(whole.start, whole.end, keyOffsets))
    } else if (node.implicit) {
      node.position = position(whole.start, whole.end, keyOffsets)
      node.implicit = false
    }

    this.current = node
    this.section = [node]
  }

  /**
   * Read `key = value` and record both.
   *
   * @param parent
   *   The table the line belongs to.
   * @returns
   *   Offset (in the text) just past the value.
   */
  private keyValue(parent: PositionNode): number {
    const segments = this.key()
    this.skipSpaces()
    this.expect('=')
    this.skipSpaces()
    const last = segments.at(-1)
    if (!last) throw new LocatorError('empty key')
    const table = this.descend(parent, segments.slice(0, -1))
    return this.value(table, last.name, this.shift(last))
  }

  /**
   * Read a value and record it, and its elements or entries, under `parent`.
   *
   * @param parent
   *   The table or array the value belongs to.
   * @param segment
   *   Its key, or its index in an array.
   * @param key
   *   Offsets of its key (whole file), when it has one.
   * @returns
   *   Offset (in the text) just past the value.
   */
  private value(
    parent: PositionNode,
    segment: string | number,
    key?: {start: number; end: number}
  ): number {
    const {text, offset} = this
    const start = this.index
    const char = text.charAt(start)

    if (char === '[') {
      const node = parent.set(segment, position(offset + start, offset + start, key))
      this.index++
      let count = 0
      while (true) {
        this.skipBlank()
        if (text.charAt(this.index) === ']') break
        this.value(node, count++)
        this.skipBlank()
        if (text.charAt(this.index) === ',') this.index++
        else if (text.charAt(this.index) !== ']') throw new LocatorError('array')
      }

      this.index++
      node.position.end = offset + this.index
      return this.index
    }

    if (char === '{') {
      const node = parent.set(segment, position(offset + start, offset + start, key))
      this.index++
      while (true) {
        // TOML 1.1 allows line breaks and comments in inline tables.
        this.skipBlank()
        if (text.charAt(this.index) === '}') break
        this.keyValue(node)
        this.skipBlank()
        if (text.charAt(this.index) === ',') this.index++
        else if (text.charAt(this.index) !== '}') throw new LocatorError('inline table')
      }

      this.index++
      node.position.end = offset + this.index
      return this.index
    }

    if (char === '"' || char === "'") {
      this.string()
      parent.set(segment, position(offset + start, offset + this.index, key))
      return this.index
    }

    // Numbers, booleans and dates: up to a separator, a comment or the end
    // of the line. Dates may hold one space (`1979-05-27 07:32:00`), so the
    // value is cut there and trimmed rather than cut at a space.
    let end = start
    while (end < text.length && !/[,\]}#\r\n]/.test(text.charAt(end))) end++
    this.index = end
    while (end > start && /[ \t]/.test(text.charAt(end - 1))) end--
    if (end === start) throw new LocatorError('empty value')
    parent.set(segment, position(offset + start, offset + end, key))
    return end
  }

  /** Skip a string of any of the four kinds, leaving the index past it. */
  private string(): void {
    const {text} = this
    const quote = text.charAt(this.index)
    const triple = quote.repeat(3)

    if (text.startsWith(triple, this.index)) {
      let index = this.index + 3
      while (true) {
        if (index >= text.length) throw new LocatorError('string')
        if (quote === '"' && text.charAt(index) === '\\') {
          index += 2
          continue
        }

        if (text.startsWith(triple, index)) break
        index++
      }

      index += 3
      // Up to two more quotes right before the closing ones belong to the
      // content: `"""a"""""` is `a""`.
      for (let extra = 0; extra < 2 && text.charAt(index) === quote; extra++) index++
      this.index = index
      return
    }

    let index = this.index + 1
    while (true) {
      if (index >= text.length) throw new LocatorError('string')
      const char = text.charAt(index)
      if (quote === '"' && char === '\\') {
        index += 2
        continue
      }

      if (char === quote) break
      index++
    }

    this.index = index + 1
  }

  /** Read a key: bare or quoted segments joined by dots. */
  private key(): KeySegment[] {
    const {text} = this
    const segments: KeySegment[] = []
    while (true) {
      this.skipSpaces()
      const start = this.index
      const char = text.charAt(start)
      let name: string
      if (char === '"') {
        this.string()
        name = decodeBasic(text.slice(start + 1, this.index - 1))
      } else if (char === "'") {
        this.string()
        name = text.slice(start + 1, this.index - 1)
      } else {
        while (
          this.index < text.length &&
          bareKeyCharacter.test(text.charAt(this.index))
        ) {
          this.index++
        }

        if (this.index === start) throw new LocatorError('key')
        name = text.slice(start, this.index)
      }

      segments.push({name, start, end: this.index})
      this.skipSpaces()
      if (text.charAt(this.index) !== '.') return segments
      this.index++
    }
  }

  /**
   * Walk down (creating implied tables) along the leading segments of a key.
   *
   * An array of tables is entered at its last element, as TOML resolves
   * `[x.y]` after `[[x]]`.
   *
   * @param from
   *   Where to start.
   * @param segments
   *   The segments to follow.
   */
  private descend(from: PositionNode, segments: KeySegment[]): PositionNode {
    let node = from
    for (const segment of segments) {
      let child = node.get(segment.name)
      if (!child) {
        const offsets = this.shift(segment)
        child = node.set(segment.name, position(offsets.start, offsets.end, offsets))
        child.implicit = true
      }

      if (this.arraysOfTables.has(child)) {
        const last = child.get(child.children.size - 1)
        if (!last) throw new LocatorError('array of tables')
        child = last
      }

      node = child
    }

    return node
  }

  /**
   * Offsets of a key segment in the whole file.
   *
   * @param segment
   *   The segment.
   */
  private shift(segment: KeySegment): {start: number; end: number} {
    return {start: this.offset + segment.start, end: this.offset + segment.end}
  }

  /**
   * Require some text at the index and step over it.
   *
   * @param expected
   *   The text.
   */
  private expect(expected: string): void {
    if (!this.text.startsWith(expected, this.index)) {
      throw new LocatorError(`expected ${expected}`)
    }

    this.index += expected.length
  }

  /** Skip spaces and tabs. */
  private skipSpaces(): void {
    while (/[ \t]/.test(this.text.charAt(this.index))) this.index++
  }

  /** Skip spaces, tabs, line breaks and comments. */
  private skipBlank(): void {
    const {text} = this
    while (this.index < text.length) {
      const char = text.charAt(this.index)
      if (char === ' ' || char === '\t') {
        this.index++
      } else if (char === '\n' || char === '\r') {
        this.index++
      } else if (char === '#') {
        while (this.index < text.length && text.charAt(this.index) !== '\n') {
          this.index++
        }
      } else {
        break
      }
    }
  }
}

/** Single-character escapes of TOML basic strings. */
const escapes: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001B',
  '"': '"',
  '\\': '\\'
}

/**
 * Resolve the escapes of a basic (double-quoted) key.
 *
 * @param raw
 *   The text between the quotes.
 */
function decodeBasic(raw: string): string {
  return raw.replaceAll(
    /\\(?:x([\da-fA-F]{2})|u([\da-fA-F]{4})|U([\da-fA-F]{8})|(.))/g,
    (whole, x?: string, u?: string, bigU?: string, single?: string) => {
      const hex = x ?? u ?? bigU
      if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
      return (single && escapes[single]) ?? whole
    }
  )
}
