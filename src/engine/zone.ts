import {Temporal} from 'temporal-polyfill'
import {epochDays, formatEpochDays, two} from '../util/civil.js'

/**
 * Offsets of IANA zones, with the zone rules asked once per stretch of
 * constant offset: a year of tickets in one zone costs a handful of
 * Temporal calls, not one per value. Never reads the process time zone.
 */

/** A stretch of time with one offset: `[from, to)` in epoch milliseconds. */
interface Segment {
  from: number
  to: number
  offsetMs: number
}

const millisecondsPerDay = 86_400_000
// How far to look for the next or previous transition when a zone has none
// (UTC, fixed zones): a generous bound, so such zones cache one segment.
const horizon = 200 * 365 * millisecondsPerDay

const segmentsByZone = new Map<string, Segment[]>()
// The zone asked last and its segments: most calls in a row ask about one zone.
let lastZone: string | undefined
let lastSegments: Segment[] | undefined

/**
 * The UTC offset of `zone` at an instant, in milliseconds (positive east).
 *
 * @param zone
 *   An IANA zone name that Temporal accepts.
 * @param epochMs
 *   The instant.
 */
export function offsetAt(zone: string, epochMs: number): number {
  let segments = zone === lastZone ? lastSegments : segmentsByZone.get(zone)
  if (!segments) {
    segments = []
    segmentsByZone.set(zone, segments)
  }

  lastZone = zone
  lastSegments = segments

  // Binary search for the segment that holds the instant.
  let low = 0
  let high = segments.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const segment = segments[middle]!
    if (epochMs < segment.from) high = middle - 1
    else if (epochMs >= segment.to) low = middle + 1
    else return segment.offsetMs
  }

  const segment = segmentAround(zone, epochMs)
  segments.splice(low, 0, segment)
  return segment.offsetMs
}

function segmentAround(zone: string, epochMs: number): Segment {
  const here = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone)
  const next = here.getTimeZoneTransition('next')
  // The previous transition of the instant just after `here` includes a transition at `here` itself.
  const previous = here.add({nanoseconds: 1}).getTimeZoneTransition('previous')
  return {
    from: previous ? previous.epochMilliseconds : epochMs - horizon,
    to: next ? next.epochMilliseconds : epochMs + horizon,
    offsetMs: here.offsetNanoseconds / 1_000_000
  }
}

/**
 * The local date (days since 1970-01-01) of an instant in `zone`.
 *
 * @param zone
 *   An IANA zone name.
 * @param epochMs
 *   The instant.
 */
export function localDay(zone: string, epochMs: number): number {
  return Math.floor((epochMs + offsetAt(zone, epochMs)) / millisecondsPerDay)
}

/**
 * The instant of a wall-clock time on a local date, resolved as Temporal's
 * `compatible` does (sla-domain S3): in a DST gap the later reading (the
 * time shifts forward), in an overlap the earlier one.
 *
 * @param zone
 *   An IANA zone name.
 * @param day
 *   Days since 1970-01-01 (local date).
 * @param minutes
 *   Minutes since local midnight, 0 to 1440 (`24:00` is the next midnight).
 */
export function wallToEpoch(zone: string, day: number, minutes: number): number {
  const local = day * millisecondsPerDay + minutes * 60_000
  // Two candidate offsets: the one before and the one after the wall time.
  const before = offsetAt(zone, local - offsetAt(zone, local) - millisecondsPerDay / 2)
  const after = offsetAt(zone, local - offsetAt(zone, local) + millisecondsPerDay / 2)
  const withBefore = local - before
  const withAfter = local - after
  const fitsBefore = offsetAt(zone, withBefore) === before
  const fitsAfter = offsetAt(zone, withAfter) === after
  if (fitsBefore && fitsAfter) return Math.min(withBefore, withAfter) // overlap (or no change): earlier
  if (fitsBefore) return withBefore
  if (fitsAfter) return withAfter
  // A gap: the wall time does not exist; read it with the offset before the gap (shifts forward).
  return withBefore
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` text (assumed valid).
 *
 * @param text
 *   A date as validated by the schema.
 */
export function dayOfDate(text: string): number {
  return epochDays(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))
}

/**
 * An instant as ISO 8601 with the zone's offset at that instant, to the
 * second (`2024-02-05T12:00:00+01:00`), with milliseconds only when there
 * are some; `Z` is never used, so the local wall time always shows.
 *
 * @param zone
 *   An IANA zone name.
 * @param epochMs
 *   The instant.
 */
export function formatInstant(zone: string, epochMs: number): string {
  const offset = offsetAt(zone, epochMs)
  const local = epochMs + offset
  const day = Math.floor(local / millisecondsPerDay)
  const minuteOfDay = (local - day * millisecondsPerDay) / 60_000
  // Most instants (every one in a ticket log written to the minute) fall on a
  // whole minute: they are made of two cached pieces, one string each.
  if (Number.isInteger(minuteOfDay) && day >= 0 && day < cachedDays) return datePrefix(day) + timeAndOffset(minuteOfDay, offset)
  return formatAnyInstant(local, day, offset)
}

/**
 * {@link formatInstant} of an instant read from a text: the text itself when
 * it already reads exactly so (to the second, with the zone's offset at that
 * instant, as ticket logs are mostly written), so a result shares the
 * input's string instead of holding a new one.
 *
 * @param zone
 *   An IANA zone name.
 * @param epochMs
 *   The instant.
 * @param written
 *   The text `epochMs` was read from, if any (another instant's text would
 *   come back as it is).
 */
export function formatReadInstant(zone: string, epochMs: number, written: string | undefined): string {
  return written !== undefined && isFormattedWith(written, offsetAt(zone, epochMs)) ? written : formatInstant(zone, epochMs)
}

/**
 * Whether an instant's text is written as {@link formatInstant} writes it
 * with this offset: `YYYY-MM-DDTHH:MM:SS±HH:MM`, the offset the same (and
 * `+00:00` for UTC, never `-00:00` or `Z`).
 */
function isFormattedWith(text: string, offset: number): boolean {
  if (text.length !== 25 || text.charCodeAt(10) !== 84 || text.charCodeAt(16) !== 58 || text.charCodeAt(22) !== 58) return false
  if (text.charCodeAt(19) !== (offset < 0 ? 45 : 43)) return false
  return (twoDigitsAt(text, 20) * 60 + twoDigitsAt(text, 23)) * 60_000 === Math.abs(offset)
}

/** The number two ASCII digits at `index` stand for (the text is known to have digits there). */
function twoDigitsAt(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) * 10 + text.charCodeAt(index + 1) - 48
}

/** Days from 1970-01-01 whose `YYYY-MM-DDT` is cached: up to 2149, in an array of 512 KB. */
const cachedDays = 65_536
let datePrefixes: Array<string | undefined> | undefined

/** `YYYY-MM-DDT` of a day in `[0, cachedDays)`, cached. */
function datePrefix(day: number): string {
  datePrefixes ??= new Array<string | undefined>(cachedDays)
  return (datePrefixes[day] ??= formatEpochDays(day) + 'T')
}

/** `HH:MM:00±HH:MM` by offset in milliseconds, then by minute of the day. */
const timesByOffset = new Map<number, Array<string | undefined>>()
// The offset asked last and its times: a ticket log's instants mostly share one or two offsets.
let lastOffset = Number.NaN
let lastTimes: Array<string | undefined> = []

function timeAndOffset(minuteOfDay: number, offset: number): string {
  if (offset !== lastOffset) {
    let times = timesByOffset.get(offset)
    if (!times) {
      times = new Array<string | undefined>(1440)
      timesByOffset.set(offset, times)
    }

    lastOffset = offset
    lastTimes = times
  }

  return (lastTimes[minuteOfDay] ??= `${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}:00${offsetText(offset)}`)
}

/** `+01:00`, `-05:00`, `+00:00`. */
function offsetText(offset: number): string {
  const offsetMinutes = Math.abs(offset) / 60_000
  return `${offset < 0 ? '-' : '+'}${two(Math.floor(offsetMinutes / 60))}:${two(offsetMinutes % 60)}`
}

/** The general case of {@link formatInstant}: seconds and milliseconds, any day. */
function formatAnyInstant(local: number, day: number, offset: number): string {
  let rest = local - day * millisecondsPerDay
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.floor(rest / 1000)
  const milliseconds = rest - seconds * 1000
  return (
    `${formatEpochDays(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}` +
    (milliseconds === 0 ? '' : '.' + String(milliseconds).padStart(3, '0')) +
    offsetText(offset)
  )
}
