import {lastAtOrBefore} from '../util/sorted.js'

/**
 * Maps offsets in the text given to micromark (the source with shortcodes
 * replaced by placeholders and comment markers removed) back to offsets in
 * the original file.
 */
export class PositionMap {
  /** Start of each segment in the parsed text, ascending. */
  private readonly parsedStarts: number[] = []
  /** Start of each segment in the source. */
  private readonly sourceStarts: number[] = []
  /** End of each segment in the source. */
  private readonly sourceEnds: number[] = []
  /** Whether each segment is copied text (linear) or a placeholder (atomic). */
  private readonly copied: boolean[] = []
  /** Length of the parsed text so far. */
  length = 0

  /**
   * Append a run of text copied verbatim from the source.
   *
   * @param sourceStart
   *   Offset of the run in the source.
   * @param length
   *   Its length.
   */
  copy(sourceStart: number, length: number): void {
    if (length <= 0) return
    const last = this.copied.length - 1
    // Merge with a directly preceding copy, to keep the map small.
    if (last >= 0 && this.copied[last] && this.sourceEnds[last] === sourceStart) {
      this.sourceEnds[last] = sourceStart + length
    } else {
      this.push(sourceStart, sourceStart + length, true)
    }

    this.length += length
  }

  /**
   * Append a placeholder of `length` characters that stands for the source
   * range `[sourceStart, sourceEnd)`.
   */
  replace(sourceStart: number, sourceEnd: number, length: number): void {
    this.push(sourceStart, sourceEnd, false)
    this.length += length
  }

  /**
   * The source offset of a parsed offset.
   *
   * @param offset
   *   Offset in the parsed text.
   * @param side
   *   `start` when the offset begins a node (take the segment that starts
   *   there), `end` when it ends one (take the segment that ends there).
   */
  toSource(offset: number, side: 'start' | 'end'): number {
    const starts = this.parsedStarts
    if (starts.length === 0) return offset
    let index = lastAtOrBefore(starts, offset)
    if (side === 'end' && index > 0 && starts[index] === offset) index--
    const start = starts[index]!
    const delta = offset - start

    if (this.copied[index]) {
      return Math.min(this.sourceStarts[index]! + delta, this.sourceEnds[index]!)
    }

    // A placeholder is atomic: its inside maps to its source start, its end to its source end.
    return delta === 0 && side === 'start' ? this.sourceStarts[index]! : this.sourceEnds[index]!
  }

  private push(sourceStart: number, sourceEnd: number, copied: boolean): void {
    this.parsedStarts.push(this.length)
    this.sourceStarts.push(sourceStart)
    this.sourceEnds.push(sourceEnd)
    this.copied.push(copied)
  }
}
