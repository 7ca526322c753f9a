/**
 * Where the build cache keeps each page's rendering (what its output file
 * is made from, so a rebuild can put it in a new frame without rendering it
 * again): appended to log files, one per render worker and build, in the
 * cache folder's `renderings/`, the manifest holding each page's place.
 * Appending to one file costs far less than making a file per page (on the
 * benchmark machine a new file cost a render worker about as much as a
 * sixth of the page's render).
 *
 * Logs no page refers to any more are deleted; when the logs hold more than
 * twice the bytes still referred to, the live renderings are copied into
 * one new log and the old ones deleted, so the folder stays within twice
 * what it needs.
 */
import {closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {CachedRendering} from './page-cache.js'

/** Where one rendering is: a log of the renderings folder, and its bytes there. */
export interface RenderingPlace {
  /** The log's name inside the renderings folder. */
  log: string
  offset: number
  length: number
}

/**
 * Append a rendering to a log (made as needed). One thread appends to a
 * log, so the place read before writing is where the bytes go.
 *
 * @param logFile
 *   The log's absolute path.
 * @param rendering
 *   What to keep.
 */
export function appendRendering(logFile: string, rendering: CachedRendering): RenderingPlace {
  const bytes = Buffer.from(JSON.stringify(rendering))
  mkdirSync(path.dirname(logFile), {recursive: true})
  const fd = openSync(logFile, 'a')
  try {
    const offset = fstatSync(fd).size
    writeSync(fd, bytes)
    return {log: path.basename(logFile), offset, length: bytes.length}
  } finally {
    closeSync(fd)
  }
}

/** Reads renderings back, keeping each log open until {@link close}. */
export class RenderingReader {
  readonly #folder: string
  readonly #open = new Map<string, number>()

  /**
   * @param folder
   *   The renderings folder.
   */
  constructor(folder: string) {
    this.#folder = folder
  }

  /**
   * A rendering, or `undefined` when its log is gone or does not hold it.
   *
   * @param place
   *   Where it is.
   */
  read(place: RenderingPlace): CachedRendering | undefined {
    try {
      let fd = this.#open.get(place.log)
      if (fd === undefined) {
        // A name from the manifest stays inside the folder.
        if (path.basename(place.log) !== place.log) return undefined
        fd = openSync(path.join(this.#folder, place.log), 'r')
        this.#open.set(place.log, fd)
      }

      const bytes = Buffer.alloc(place.length)
      if (readSync(fd, bytes, 0, place.length, place.offset) !== place.length) return undefined
      return JSON.parse(bytes.toString('utf8')) as CachedRendering
    } catch {
      return undefined
    }
  }

  /** Close the logs read. */
  close(): void {
    for (const fd of this.#open.values()) closeSync(fd)
    this.#open.clear()
  }
}

/**
 * Tidy the renderings folder for the places the next build will read:
 * logs no place is in are deleted; when the logs hold more than twice the
 * live bytes (and more than a megabyte), the live renderings move into one
 * new log.
 *
 * @param folder
 *   The renderings folder.
 * @param places
 *   The places to keep, by page; changed in place when their rendering moves.
 * @param newLog
 *   The name of a log this build has not written, for the move.
 */
export function tidyRenderings(folder: string, places: Map<string, RenderingPlace>, newLog: string): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }

  const live = new Map<string, number>()
  for (const place of places.values()) live.set(place.log, (live.get(place.log) ?? 0) + place.length)
  let total = 0
  let liveBytes = 0
  for (const name of names) {
    if (!live.has(name)) {
      rmSync(path.join(folder, name), {force: true})
      continue
    }

    total += statSync(path.join(folder, name)).size
    liveBytes += live.get(name)!
  }

  if (total <= 2 * liveBytes || total < 1024 * 1024) return
  const reader = new RenderingReader(folder)
  try {
    for (const [key, place] of places) {
      const rendering = reader.read(place)
      if (rendering) places.set(key, appendRendering(path.join(folder, newLog), rendering))
      else places.delete(key)
    }
  } finally {
    reader.close()
  }

  for (const name of live.keys()) if (name !== newLog) rmSync(path.join(folder, name), {force: true})
}
