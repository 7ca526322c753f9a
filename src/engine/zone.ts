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

/**
 * The UTC offset of `zone` at an instant, in milliseconds (positive east).
 *
 * @param zone
 *   An IANA zone name that Temporal accepts.
 * @param epochMs
 *   The instant.
 */
export function offsetAt(zone: string, epochMs: number): number {
  let segments = segmentsByZone.get(zone)
  if (!segments) {
    segments = []
    segmentsByZone.set(zone, segments)
  }

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
  let rest = local - day * millisecondsPerDay
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const seconds = Math.floor(rest / 1000)
  const milliseconds = rest - seconds * 1000
  const sign = offset < 0 ? '-' : '+'
  const offsetMinutes = Math.abs(offset) / 60_000
  return (
    `${formatEpochDays(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}` +
    (milliseconds === 0 ? '' : '.' + String(milliseconds).padStart(3, '0')) +
    `${sign}${two(Math.floor(offsetMinutes / 60))}:${two(offsetMinutes % 60)}`
  )
}
