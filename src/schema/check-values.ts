import {Temporal} from 'temporal-polyfill'
import {isoWeekday} from '../util/civil.js'
import type {DataPath, Finding} from './finding.js'
import {
  checkSlaId,
  checkTimeZone,
  parseCalendarShape,
  parseDate,
  parseDuration,
  parseInstant,
  parseObjective,
  parsePercent,
  valueRules,
  type DurationValue,
  type ValueProblem,
  type ValueResult
} from './values/index.js'
import {isRecord} from '../util/is-record.js'

type Data = Record<string, unknown>

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

const entries = (value: unknown): Array<[string, unknown]> => (isRecord(value) ? Object.entries(value) : [])

/** What the checks know of the build. */
export interface CheckContext {
  /** "Now" of the build, an ISO instant; the checks that need it are skipped without it. */
  asOf?: string | undefined
  /** A production build: a fixed `sla.asOf` there is a warning (default `false`). */
  production?: boolean | undefined
  /** An open pause older than this many days is probably forgotten (default 30). */
  openPauseDays?: number | undefined
}

/**
 * Apply the value parsers of `values/` to every value of an SLA whose
 * grammar they know (ids, zones, dates, instants, durations, percentages,
 * objectives, working hours), and check what needs two values at once:
 * order of events and ranges (sla-domain §5.3 rule 7), tier limits (rule 9),
 * KPI data (rule 10), and the warnings about pauses, caps and tiers.
 *
 * @param sla
 *   The `sla:` data, already structurally valid.
 * @param base
 *   Path of the `sla` mapping in the front matter (default `['sla']`).
 */
export function checkValues(sla: Data, base: DataPath = ['sla'], context: CheckContext = {}): Finding[] {
  const findings: Finding[] = []

  /** Record a parser's problem and warnings at `path`; return its value, if any. */
  const use = <T>(result: ValueResult<T>, path: DataPath): T | undefined => {
    for (const warning of result.warnings ?? []) findings.push(toFinding(warning, [...base, ...path]))
    if (result.ok) return result.value
    findings.push(toFinding(result.problem, [...base, ...path]))
    return undefined
  }

  const error = (path: DataPath, ruleId: string, reason: string, hint?: string): void => {
    findings.push({path: [...base, ...path], ruleId, severity: 'error', reason, ...(hint ? {hint} : {})})
  }

  const warn = (path: DataPath, ruleId: string, reason: string, hint?: string): void => {
    findings.push({path: [...base, ...path], ruleId, severity: 'warning', reason, ...(hint ? {hint} : {})})
  }

  if (sla.id !== undefined) use(checkSlaId(sla.id), ['id'])
  const zone = (sla.timeZone === undefined ? undefined : use(checkTimeZone(sla.timeZone), ['timeZone'])) ?? 'UTC'
  const instant = (value: unknown, path: DataPath) => (value === undefined ? undefined : use(parseInstant(value, zone), path))
  const date = (value: unknown, path: DataPath) => (value === undefined ? undefined : use(parseDate(value), path))

  instant(sla.asOf, ['asOf'])
  const effective = isRecord(sla.effective) ? sla.effective : {}
  const from = date(effective.from, ['effective', 'from'])
  const to = date(effective.to, ['effective', 'to'])
  if (from && to && to.text < from.text) {
    error(['effective', 'to'], 'range-reversed', `Unexpected end \`${to.text}\` before start \`${from.text}\`, expected the term to end after it starts`)
  }

  // Calendars: which are round the clock decides whether `d` and `w` are allowed.
  const roundTheClock = new Set(['24x7'])
  const shapes = new Map<string, ReturnType<typeof parseCalendarShape>>()
  for (const [name, calendar] of entries(sla.calendars)) {
    const parsed = parseCalendarShape(calendar)
    shapes.set(name, parsed)
    const shape = use(parsed, ['calendars', name])
    if (shape?.kind === '24x7') roundTheClock.add(name)
    if (!isRecord(calendar)) continue
    const holidays = list(calendar.holidays)

    if (shape?.kind === 'hours' && holidays.length === 0 && calendar.holidaysFile === undefined) {
      warn(['calendars', name, 'hours'], 'calendar-without-holidays', `Unexpected business calendar \`${name}\` without holidays, expected its public holidays`, 'Did you forget public holidays? List them under `holidays` (or `holidaysFile`)')
    }

    holidays.forEach((holiday, index) => {
      const path = ['calendars', name, 'holidays', index, ...(isRecord(holiday) ? ['date'] : [])]
      const day = date(isRecord(holiday) ? holiday.date : holiday, path)
      if (!day) return
      if ((from && day.text < from.text) || (to && day.text > to.text)) {
        warn(path, 'holiday-outside-term', `Unexpected holiday \`${day.text}\` outside the term, expected a date within \`effective\``, 'A holiday outside the term has no effect')
      } else if (shape?.kind === 'hours') {
        const weekday = isoWeekday(day.year, day.month, day.day) as keyof typeof shape.hours
        if ((shape.hours[weekday] ?? []).length === 0) {
          warn(path, 'holiday-non-working-day', `Unexpected holiday \`${day.text}\` on a day without working hours, expected a working day`, 'A holiday on a day the calendar does not work has no effect')
        }
      }
    })
  }

  for (const [name, calendar] of entries(sla.calendars)) {
    if (!isRecord(calendar) || !from || !to) continue
    const shape = shapes.get(name)
    if (!shape?.ok || shape.value.kind !== 'hours') continue
    const calendarZone = typeof calendar.timeZone === 'string' ? calendar.timeZone : zone
    for (const found of dstBoundaries(shape.value.hours, calendarZone, from.text, to.text)) {
      warn(['calendars', name, 'hours'], 'hours-boundary-dst', `Unexpected working-hours boundary ${found.time} on ${found.date} inside the DST ${found.kind} of ${calendarZone}, expected a time that exists once every day`, found.kind === 'gap' ? 'That day the boundary does not exist and shifts forward (Temporal `compatible`)' : 'That day the boundary happens twice; the earlier one is used')
    }
  }

  const calendarKind = (name: unknown): 'business' | '24x7' | undefined =>
    typeof name !== 'string' ? undefined : roundTheClock.has(name) ? '24x7' : 'business'

  for (const [id, target] of entries(sla.targets)) {
    if (!isRecord(target)) continue
    const overrides = isRecord(target.goalCalendars) ? target.goalCalendars : {}
    let businessDays = false
    for (const [priority, goal] of entries(target.goals)) {
      const calendar = calendarKind(overrides[priority] ?? target.calendar)
      const parsed = use(parseDuration(goal, {use: 'goal', ...(calendar ? {calendar} : {})}), ['targets', id, 'goals', priority])
      if (parsed?.kind === 'business-days') businessDays = true
    }

    const partialPause = list(sla.tickets).some(
      (ticket) => isRecord(ticket) && list(ticket.pauses).some((pause) => isRecord(pause) && [pause.from, pause.to].some(hasTimeOfDay))
    )
    // Without `pauseOn`, resolution and update-interval targets pause on client-caused reasons.
    const pauseOn = target.pauseOn ?? (target.measure === 'resolution' || target.measure === 'update-interval' ? 'client-caused' : [])
    if (businessDays && partialPause && !(Array.isArray(pauseOn) && pauseOn.length === 0)) {
      warn(['targets', id, 'goals'], 'business-days-partial-pause', `Unexpected \`bd\` goals with pauses of part of a day, expected whole-day pauses or hour goals`, 'Pauses on date-based targets count only whole business days: use `h` goals to count partial days')
    }

    if (target.measure === 'first-response' && target.pauseOn === 'client-caused') {
      warn(
        ['targets', id, 'pauseOn'],
        'first-response-paused',
        'Unexpected `pauseOn: client-caused` on a first-response target, expected `[]`',
        'A first reply never waits on the client: pauses should not stop this clock'
      )
    }
  }

  checkAvailability(sla, use, error, warn, instant, date, zone)
  checkKpis(sla, use, error, warn)

  const consequences = isRecord(sla.consequences) ? sla.consequences : {}
  let anyCredit = false
  for (const [target, goals] of entries(consequences.perBreach)) {
    for (const [priority, credit] of entries(goals)) {
      anyCredit = true
      use(parsePercent(credit, {kind: 'credit'}), ['consequences', 'perBreach', target, priority])
    }
  }

  if (consequences.cap !== undefined) use(parsePercent(consequences.cap, {kind: 'cap'}), ['consequences', 'cap'])
  else if (anyCredit) {
    warn(['consequences', 'perBreach'], 'credit-without-cap', 'Unexpected per-breach credits without a `cap`, expected a monthly cap', 'Add `cap: 30%` (of the monthly fee) or similar')
  }

  list(sla.escalation).forEach((step, index) => {
    if (isRecord(step) && step.at !== undefined) use(parsePercent(step.at), ['escalation', index, 'at'])
  })

  if (isRecord(sla.reviews)) date(sla.reviews.next, ['reviews', 'next'])

  list(sla.tickets).forEach((ticket, index) => {
    if (isRecord(ticket)) checkTicket(ticket, index, instant, error, warn)
  })

  // A reason declared not client-caused should not stop an SLA clock.
  const notClientCaused = new Set(entries(sla.pauseReasons).filter(([, reason]) => isRecord(reason) && reason.clientCaused === false).map(([name]) => name))
  for (const [id, target] of entries(sla.targets)) {
    if (!isRecord(target)) continue
    list(target.pauseOn).forEach((reason, index) => {
      if (typeof reason === 'string' && notClientCaused.has(reason)) {
        warn(['targets', id, 'pauseOn', index], 'pause-not-client-caused', `Unexpected pause reason \`${reason}\` that is not client-caused, expected client-caused reasons to pause the SLA`, 'Only delays the client causes should stop the clock; remove the reason or mark it `clientCaused: true`')
      }
    })
  }

  list(sla.milestones).forEach((milestone, index) => {
    if (!isRecord(milestone)) return
    const start = date(milestone.start, ['milestones', index, 'start'])
    const completed = date(milestone.completed, ['milestones', index, 'completed'])
    if (milestone.duration !== undefined) {
      use(parseDuration(milestone.duration, {calendar: 'business'}), ['milestones', index, 'duration'])
    }

    if (start && completed && completed.text < start.text) {
      error(['milestones', index, 'completed'], 'milestone-completed-early', `Unexpected completion \`${completed.text}\` before the start \`${start.text}\`, expected it on or after the start`)
    }

    list(milestone.delays).forEach((delay, delayIndex) => {
      if (!isRecord(delay)) return
      const path = ['milestones', index, 'delays', delayIndex]
      const begin = date(delay.from, [...path, 'from'])
      const end = date(delay.to, [...path, 'to'])
      if (begin && end && end.text < begin.text) {
        error([...path, 'to'], 'range-reversed', `Unexpected end \`${end.text}\` before start \`${begin.text}\`, expected the delay to end on or after its start`)
      }
    })
  })

  if (context.asOf) checkAgainstNow(sla, context, to?.text, zone, warn)
  else if (context.production && sla.asOf !== undefined) {
    warn(['asOf'], 'as-of-in-production', 'Unexpected fixed `asOf` in a production build, expected the build time', 'Remove `asOf` so compliance is computed for today')
  }

  return findings
}

/** The warnings that compare with "now": overdue review, expired term, forgotten pauses, fixed `asOf` in production. */
function checkAgainstNow(sla: Data, context: CheckContext, termEnd: string | undefined, zone: string, warn: Report): void {
  const {now, today} = todayIn(context.asOf!, zone)
  if (context.production && sla.asOf !== undefined) {
    warn(['asOf'], 'as-of-in-production', 'Unexpected fixed `asOf` in a production build, expected the build time', 'Remove `asOf` so compliance is computed for today')
  }

  const next = isRecord(sla.reviews) && typeof sla.reviews.next === 'string' ? sla.reviews.next : undefined
  if (next && /^\d{4}-\d{2}-\d{2}$/.test(next) && next < today) {
    warn(['reviews', 'next'], 'review-overdue', `Unexpected review date \`${next}\` in the past (today is ${today}), expected a coming review`, 'Hold the review and set the next date')
  }

  if (termEnd && termEnd < today) {
    warn(['effective', 'to'], 'term-expired', `Unexpected term that ended on \`${termEnd}\` (today is ${today}), expected a current agreement`, 'Renew the agreement or mark the page as archived')
  }

  const limit = context.openPauseDays ?? 30
  list(sla.tickets).forEach((ticket, index) => {
    if (!isRecord(ticket)) return
    list(ticket.pauses).forEach((pause, pauseIndex) => {
      if (!isRecord(pause) || pause.to !== undefined || typeof pause.from !== 'string') return
      const started = parseInstant(pause.from, zone)
      if (!started.ok) return
      const days = Number((now.epochNanoseconds - BigInt(started.value.epochNanoseconds)) / 86_400_000_000_000n)
      if (days > limit) {
        warn(['tickets', index, 'pauses', pauseIndex, 'from'], 'pause-forgotten', `Unexpected open pause of ${days} days, expected an end within ${limit} days`, 'An open pause runs until now: add its `to` if it has ended')
      }
    })
  })
}

/** A DST change: the local date and the wall-clock minutes that do not exist (gap) or occur twice (overlap). */
interface Transition {
  date: Temporal.PlainDate
  kind: 'gap' | 'overlap'
  low: number
  high: number
}

// Pages of one site share zones and terms: find each zone's transitions once.
const transitionCache = new Map<string, Transition[]>()

function transitions(zone: string, from: string, to: string): Transition[] {
  const cacheKey = zone + '\u0000' + from + '\u0000' + to
  const cached = transitionCache.get(cacheKey)
  if (cached) return cached
  const found: Transition[] = []
  let cursor: Temporal.ZonedDateTime | null
  try {
    cursor = Temporal.PlainDate.from(from).toZonedDateTime({timeZone: zone})
  } catch {
    return found
  }

  const end = Temporal.PlainDate.from(to)
  // A zone has a few transitions a year; the bound only guards against a bad zone.
  for (let step = 0; step < 500; step++) {
    cursor = cursor.getTimeZoneTransition('next')
    if (!cursor || Temporal.PlainDate.compare(cursor.toPlainDate(), end) > 0) break
    const oldWall = minutesOf(cursor.subtract({nanoseconds: 1}).toPlainTime()) + 1
    const newWall = minutesOf(cursor.toPlainTime())
    found.push(
      newWall > oldWall
        ? {date: cursor.toPlainDate(), kind: 'gap', low: oldWall, high: newWall}
        : {date: cursor.toPlainDate(), kind: 'overlap', low: newWall, high: oldWall}
    )
  }

  if (transitionCache.size > 1000) transitionCache.clear()
  transitionCache.set(cacheKey, found)
  return found
}

// Every page of a build shares "now", and a site has a few zones: compute each pair once.
const todayCache = new Map<string, {now: Temporal.Instant; today: string}>()

/** "Now" as an instant and today's date in `zone`. */
function todayIn(asOf: string, zone: string): {now: Temporal.Instant; today: string} {
  const cacheKey = asOf + '\u0000' + zone
  const cached = todayCache.get(cacheKey)
  if (cached) return cached
  const now = Temporal.Instant.from(asOf)
  const found = {now, today: now.toZonedDateTimeISO(zone).toPlainDate().toString()}
  if (todayCache.size > 1000) todayCache.clear()
  todayCache.set(cacheKey, found)
  return found
}

/** Working-hours boundaries that fall in a DST gap or overlap on some day of the term. */
function dstBoundaries(
  hours: Record<number, Array<{start: number; end: number}>>,
  zone: string,
  from: string,
  to: string
): Array<{time: string; date: string; kind: 'gap' | 'overlap'}> {
  const found: Array<{time: string; date: string; kind: 'gap' | 'overlap'}> = []
  for (const {date, kind, low, high} of transitions(zone, from, to)) {
    for (const range of hours[date.dayOfWeek] ?? []) {
      for (const boundary of [range.start, range.end]) {
        if (boundary >= low && boundary < high) found.push({time: formatMinutes(boundary), date: date.toString(), kind})
      }
    }
  }

  return found
}

function minutesOf(time: Temporal.PlainTime): number {
  return time.hour * 60 + time.minute
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

type Use = <T>(result: ValueResult<T>, path: DataPath) => T | undefined
type Report = (path: DataPath, ruleId: string, reason: string, hint?: string) => void
type Instant = (value: unknown, path: DataPath) => {epochNanoseconds: string; text: string} | undefined
type DateOf = (value: unknown, path: DataPath) => {text: string} | undefined

function checkTicket(ticket: Data, index: number, instant: Instant, error: Report, warn: Report): void {
  const path = ['tickets', index]
  const opened = instant(ticket.opened, [...path, 'opened'])
  let resolved = false
  let lastResolved: {epochNanoseconds: string; text: string} | undefined

  list(ticket.events).forEach((event, eventIndex) => {
    if (!isRecord(event)) return
    const at = instant(event.at, [...path, 'events', eventIndex, 'at'])
    if (opened && at && before(at, opened)) {
      error([...path, 'events', eventIndex, 'at'], 'event-before-opened', `Unexpected ${String(event.type)} at \`${at.text}\` before the ticket was opened (\`${opened.text}\`), expected events after \`opened\``)
    }

    if (event.type === 'resolved') {
      resolved = true
      lastResolved = at ?? lastResolved
    }

    if (event.type === 'reopened') lastResolved = undefined
    if (event.type === 'reopened' && !resolved) {
      error([...path, 'events', eventIndex, 'type'], 'reopened-before-resolved', 'Unexpected `reopened` before any `resolved`, expected a ticket to be resolved before it reopens')
    }
  })

  const spans: Array<{from: bigint; to: bigint; index: number}> = []
  list(ticket.pauses).forEach((pause, pauseIndex) => {
    if (!isRecord(pause)) return
    const pausePath = [...path, 'pauses', pauseIndex]
    const from = instant(pause.from, [...pausePath, 'from'])
    const to = instant(pause.to, [...pausePath, 'to'])
    if (from && ((opened && before(from, opened)) || (lastResolved && before(lastResolved, from)))) {
      warn([...pausePath, 'from'], 'pause-outside-ticket', `Unexpected pause at \`${from.text}\` outside the ticket's open time, expected it between \`opened\` and \`resolved\``, 'The part outside the ticket is clipped')
    }

    if (!from || !to) return
    if (before(to, from)) {
      error([...pausePath, 'to'], 'pause-reversed', `Unexpected pause end \`${to.text}\` before its start \`${from.text}\`, expected the pause to end after it starts`)
    } else if (to.epochNanoseconds === from.epochNanoseconds) {
      warn([...pausePath, 'to'], 'pause-zero-length', 'Unexpected zero-length pause, expected a pause that lasts', 'A pause that ends when it starts changes nothing and is ignored')
    } else {
      const span = {from: BigInt(from.epochNanoseconds), to: BigInt(to.epochNanoseconds), index: pauseIndex}
      const overlap = spans.find((other) => span.from < other.to && other.from < span.to)
      if (overlap) {
        warn([...pausePath, 'from'], 'pause-overlap', `Unexpected pause overlapping pause ${overlap.index + 1}, expected separate pauses`, 'Overlapping pauses are merged and counted once')
      }

      spans.push(span)
    }
  })
}

/** The local date of an instant in `zone`. */
function localDate(value: {epochNanoseconds: string}, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochNanoseconds(BigInt(value.epochNanoseconds)).toZonedDateTimeISO(zone).toPlainDate()
}

/**
 * When a maintenance window was announced, as a date in the SLA's zone:
 * written as a date, that date; written as an instant (with a time), its
 * date in `zone`, as the engine reads it. Anything else is reported by the
 * parser the text looks meant for.
 */
function announcement(value: unknown, path: DataPath, instant: Instant, date: DateOf, zone: string): {text: string; date: Temporal.PlainDate} | undefined {
  if (typeof value === 'string' && /^\s*\d{4}-\d{1,2}-\d{1,2}[Tt ]\d/.test(value)) {
    const read = instant(value, path)
    return read && {text: read.text, date: localDate(read, zone)}
  }

  const read = date(value, path)
  return read && {text: read.text, date: Temporal.PlainDate.from(read.text)}
}

function before(a: {epochNanoseconds: string}, b: {epochNanoseconds: string}): boolean {
  return BigInt(a.epochNanoseconds) < BigInt(b.epochNanoseconds)
}

function checkAvailability(sla: Data, use: Use, error: Report, warn: Report, instant: Instant, date: DateOf, zone: string): void {
  if (!isRecord(sla.availability)) return
  const availability = sla.availability
  const objective =
    availability.objective === undefined ? undefined : use(parsePercent(availability.objective, {kind: 'objective'}), ['availability', 'objective'])
  if (availability.minimumIncident !== undefined) {
    use(parseDuration(availability.minimumIncident, {use: 'availability'}), ['availability', 'minimumIncident'])
  }

  const maintenance = isRecord(availability.maintenance) ? availability.maintenance : {}
  list(maintenance.windows).forEach((window, index) => {
    if (!isRecord(window)) return
    const path = ['availability', 'maintenance', 'windows', index]
    const from = instant(window.from, [...path, 'from'])
    const to = instant(window.to, [...path, 'to'])
    const announced = announcement(window.announced, [...path, 'announced'], instant, date, zone)
    const notice = typeof maintenance.noticeDays === 'number' ? maintenance.noticeDays : undefined
    if (announced && from && notice !== undefined) {
      // Dates in the SLA's zone, as the engine counts the notice.
      const latest = localDate(from, zone).subtract({days: notice})
      if (Temporal.PlainDate.compare(announced.date, latest) > 0) {
        const on = announced.date.toString() === announced.text ? `\`${announced.text}\`` : `\`${announced.text}\` (\`${announced.date.toString()}\` in ${zone})`
        warn([...path, 'announced'], 'maintenance-late-notice', `Unexpected announcement on ${on}, less than ${notice} days before the window, expected it by \`${latest.toString()}\``, 'A window announced late is not excluded from downtime')
      }
    }
    if (from && to && !before(from, to)) {
      error([...path, 'to'], 'range-reversed', `Unexpected end \`${to.text}\` at or before start \`${from.text}\`, expected the window to end after it starts`)
    }
  })

  const incidents: Array<{from: bigint; to: bigint; index: number}> = []
  list(availability.incidents).forEach((incident, index) => {
    if (!isRecord(incident)) return
    const path = ['availability', 'incidents', index]
    const from = instant(incident.from, [...path, 'from'])
    const to = instant(incident.to, [...path, 'to'])
    if (from && to && !before(from, to)) {
      error([...path, 'to'], 'range-reversed', `Unexpected end \`${to.text}\` at or before start \`${from.text}\`, expected the incident to end after it starts`)
      return
    }

    if (!from || !to) return
    const span = {from: BigInt(from.epochNanoseconds), to: BigInt(to.epochNanoseconds), index}
    const overlap = incidents.find((other) => span.from < other.to && other.from < span.to)
    if (overlap) {
      warn([...path, 'from'], 'incident-overlap', `Unexpected incident overlapping incident ${overlap.index + 1}, expected separate incidents`, 'Overlapping incidents are merged and their downtime counted once')
    }

    incidents.push(span)
  })

  let previous: number | undefined
  list(availability.creditTiers).forEach((tier, index) => {
    if (!isRecord(tier)) return
    const path = ['availability', 'creditTiers', index]
    const below = tier.below === undefined ? undefined : use(parsePercent(tier.below, {kind: 'tier'}), [...path, 'below'])
    if (tier.credit !== undefined) use(parsePercent(tier.credit, {kind: 'credit'}), [...path, 'credit'])
    if (!below) return
    if (objective && below.microPercent > objective.microPercent) {
      error([...path, 'below'], 'tier-above-objective', `Unexpected tier below ${below.text} above the objective ${objective.text}, expected tiers at or under the objective`)
    }

    if (previous !== undefined && below.microPercent >= previous) {
      warn([...path, 'below'], 'tier-order', `Unexpected tier below ${below.text} after a lower or equal tier, expected tiers from the highest \`below\` down`)
    }

    previous = below.microPercent
  })
}

function checkKpis(sla: Data, use: Use, error: Report, _warn: Report): void {
  if (!isRecord(sla.kpis)) return
  for (const [name, kpi] of entries(sla.kpis)) {
    if (!isRecord(kpi)) continue
    if (kpi.objective !== undefined) use(parseObjective(kpi.objective), ['kpis', name, 'objective'])
    const scale = typeof kpi.scale === 'number' ? kpi.scale : undefined

    if (scale !== undefined) {
      list(kpi.responses).forEach((score, index) => {
        if (typeof score === 'number' && (score < 1 || score > scale || !Number.isInteger(score))) {
          error(['kpis', name, 'responses', index], 'kpi-score-range', `Unexpected score ${score}, expected a whole number from 1 to ${scale}`)
        }
      })
      for (const [score, count] of entries(kpi.counts)) {
        const value = Number(score)
        if (!Number.isInteger(value) || value < 1 || value > scale) {
          error(['kpis', name, 'counts', score], 'kpi-score-range', `Unexpected score ${score}, expected a whole number from 1 to ${scale}`)
        }

        if (typeof count === 'number' && count < 0) {
          error(['kpis', name, 'counts', score], 'kpi-negative-count', `Unexpected count ${count}, expected zero or more responses`)
        }
      }
    }

    if (typeof kpi.excluded === 'number' && typeof kpi.total === 'number' && kpi.excluded > kpi.total) {
      error(['kpis', name, 'excluded'], 'kpi-excluded-over-total', `Unexpected ${kpi.excluded} excluded of ${kpi.total}, expected at most the total`)
    } else if (typeof kpi.total === 'number' && kpi.total - (typeof kpi.excluded === 'number' ? kpi.excluded : 0) === 0) {
      _warn(['kpis', name, 'total'], 'kpi-zero-denominator', 'Unexpected zero contacts after exclusions, expected some to compute a rate', 'With nothing to divide by the KPI is reported as insufficient data')
    }

    const responses = list(kpi.responses).length + entries(kpi.counts).reduce((sum, [, count]) => sum + (typeof count === 'number' && count > 0 ? count : 0), 0)
    if (typeof kpi.minResponses === 'number' && (kpi.responses !== undefined || kpi.counts !== undefined) && responses < kpi.minResponses) {
      _warn(['kpis', name, 'minResponses'], 'kpi-insufficient-data', `Unexpected ${responses} responses, expected at least ${kpi.minResponses} to evaluate the KPI`, 'Below `minResponses` the KPI is reported as insufficient data, not as a breach')
    }
  }
}

function toFinding(problem: ValueProblem, path: DataPath): Finding {
  const severity = (valueRules as Record<string, {severity: 'error' | 'warning'}>)[problem.ruleId]?.severity ?? 'error'
  const finding: Finding = {
    path: [...path, ...(problem.path ?? [])],
    ruleId: problem.ruleId,
    severity,
    reason: problem.reason
  }
  if (problem.at === 'key') finding.at = 'key'
  if (problem.hint !== undefined) finding.hint = problem.hint
  if (problem.actual !== undefined) finding.actual = problem.actual
  if (problem.expected !== undefined) finding.expected = problem.expected
  if (problem.normalized !== undefined) finding.normalized = problem.normalized
  return finding
}

export type {DurationValue}

/** Whether a date or instant value carries a time of day other than midnight. */
function hasTimeOfDay(value: unknown): boolean {
  return typeof value === 'string' && /[Tt ]\d{2}:\d{2}/.test(value) && !/[Tt ]00:00(?::00(?:\.0+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?$/.test(value)
}
