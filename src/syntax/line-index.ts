import type {Point} from 'unist'
import {lastAtOrBefore} from '../util/sorted.js'

/**
 * Offsets to unist points (1-based line and column) in one file.
 *
 * vfile-location answers the same question but scans its line table
 * linearly per call; every node of a large page needs a point, so this keeps
 * the table sorted and binary-searches it, which keeps parsing linear.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0]

  /**
   * @param source
   *   The whole file.
   */
  constructor(source: string) {
    // Line endings as micromark counts them: CRLF, LF or a lone CR.
    for (let index = 0; index < source.length; index++) {
      const code = source.charCodeAt(index)
      if (code === 10) {
        this.starts.push(index + 1)
      } else if (code === 13) {
        if (source.charCodeAt(index + 1) === 10) index++
        this.starts.push(index + 1)
      }
    }
  }

  /**
   * The point of an offset.
   *
   * @param offset
   *   0-based offset into the file.
   */
  toPoint(offset: number): Point {
    const line = lastAtOrBefore(this.starts, offset)
    return {line: line + 1, column: offset - this.starts[line]! + 1, offset}
  }

  /**
   * Move an existing point to an offset, in place.
   *
   * @param point
   *   The point to update.
   * @param offset
   *   0-based offset into the file.
   */
  place(point: Point, offset: number): void {
    const line = lastAtOrBefore(this.starts, offset)
    point.line = line + 1
    point.column = offset - this.starts[line]! + 1
    point.offset = offset
  }
}

// One index per file and text: the parser, the front matter reader and the
// validator all turn offsets into points for the same file.
const indexes = new WeakMap<object, {source: string; index: LineIndex}>()

/**
 * The line index of a file's current text, built once and shared by every
 * step that reports on the file.
 *
 * @param file
 *   A vfile (or anything with a `value`).
 * @param known
 *   An index already built for the file's text, to remember.
 */
export function lineIndexFor(file: {value?: unknown}, known?: LineIndex): LineIndex {
  const source = String(file.value ?? '')
  const cached = indexes.get(file)
  if (cached && cached.source === source) return cached.index
  const index = known ?? new LineIndex(source)
  indexes.set(file, {source, index})
  return index
}
