/**
 * The `sla:` front matter model (sla-domain §5) as zod 4 schemas.
 *
 * This layer checks structure only: which keys exist, their types, and the
 * rough shape of every string (a regex per grammar, so the published JSON
 * Schema carries a `pattern` editors can check while typing). Whether a
 * duration fits its calendar, a time zone exists, a range is ordered or a
 * reference resolves is checked later by the value parsers and the rules.
 *
 * Every object inside `sla` is strict: an unknown key is an error, so a
 * typo such as `calender` is reported instead of being silently ignored.
 * Nothing is defaulted or transformed: the parsed data is exactly what the
 * author wrote, and the engine applies the documented defaults.
 */

import * as z from 'zod'
import {isRecord} from '../util/is-record.js'
import {expectations} from './issues.js'

// ---------------------------------------------------------------------------
// Registries shared with `page.ts` and `json-schema.ts` (messages' words are in `issues.ts`' `expectations`).

/**
 * JSON Schema keywords that stand for a zod refinement (which
 * `z.toJSONSchema` cannot express) or for a cross-key rule the reference
 * checks own (a milestone's `start` or `after`), merged in by
 * `frontMatterJsonSchema` so editors flag them too.
 */
export const jsonSchemaExtras = z.registry<Record<string, unknown>>()

/**
 * A string that must match `pattern`; `expected` says in words what it
 * should look like and becomes the message of a mismatch.
 */
export function patterned(pattern: RegExp, expected: string) {
  return z.string().regex(pattern, {error: expected}).register(expectations, {expected})
}

// ---------------------------------------------------------------------------
// Grammars (structure only; the value parsers do the semantic checks).

const datePart = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`
const timePart = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`
const offsetPart = String.raw`(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)`
const clock = String.raw`(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)`
const range = String.raw`${clock}\s*-\s*${clock}`
const day = '(?:mon|tue|wed|thu|fri|sat|sun)'
const dayItem = `(?:${day}(?:-${day})?)`
const elapsed = String.raw`(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?`
const number = String.raw`\d+(?:\.\d+)?`

/** A whole date, `YYYY-MM-DD`. */
export const datePattern = new RegExp(`^${datePart}$`)
/** A date and a wall-clock time, with an optional offset (`Z` or `±HH:MM`). */
export const instantPattern = new RegExp(`^${datePart}[Tt ]${timePart}${offsetPart}?$`)
/** A date and a wall-clock time with an offset. */
export const offsetInstantPattern = new RegExp(`^${datePart}[Tt ]${timePart}${offsetPart}$`)
/** A whole date or a date and time. */
export const dateOrInstantPattern = new RegExp(`^${datePart}(?:[Tt ]${timePart}${offsetPart}?)?$`)
/**
 * A goal duration: `<n>bd` alone, or elapsed parts in the order
 * `w`, `d`, `h`, `m` (`30m`, `4h`, `1h30m`, `2d`).
 */
export const durationPattern = new RegExp(`^(?=\\d)(?:\\d+bd|${elapsed})$`)
/** An elapsed duration without business days (`1m`, `2h`, `1d`). */
export const elapsedDurationPattern = new RegExp(`^(?=\\d)${elapsed}$`)
/** A whole number of business days (`5bd`). */
export const businessDaysPattern = /^\d+bd$/
/** A percentage written with its sign (`99.9%`). */
export const percentPattern = new RegExp(`^${number}%$`)
/** A comparator and a percentage or duration (`>= 80%`, `<= 4h`); the comparator may be left out. */
export const objectivePattern = new RegExp(
  `^(?:(?:>=|<=|>|<|=)\\s*)?(?:${number}%|(?=\\d)(?:\\d+bd|${elapsed}))$`
)
/** Working-hours ranges: `HH:MM-HH:MM`, several separated by commas. */
export const hoursPattern = new RegExp(`^${range}(?:\\s*,\\s*${range})*$`)
/** A working-hours day key: `mon`…`sun`, a span such as `mon-fri`, a comma list, or `daily`. */
export const dayKeyPattern = new RegExp(`^(?:daily|${dayItem}(?:\\s*,\\s*${dayItem})*)$`)
/** An IANA zone name such as `Europe/Amsterdam` or `UTC` (existence is checked later). */
export const timeZonePattern = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/
/** An SLA id: an RFC 1123 label (lower-case letters, digits and inner hyphens, at most 63). */
export const slaIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** A name used as a key and referenced elsewhere (calendar, priority, target, reason, milestone). */
export const namePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
/** An ISO 4217 currency code. */
export const currencyPattern = /^[A-Z]{3}$/

// ---------------------------------------------------------------------------
// Vocabularies.

/**
 * The built-in client-caused pause reasons (sla-domain §5.1). A target with
 * `pauseOn: client-caused` stops its clock for all six; `pauseReasons` can
 * add more or change these.
 */
export const clientCausedPauseReasons = [
  'data-dependency',
  'approval',
  'change-management',
  'client-communication',
  'pending-payment',
  'work-review'
] as const

export type ClientCausedPauseReason = (typeof clientCausedPauseReasons)[number]

/** What each built-in pause reason covers, in words (for hover text and pages). */
export const clientCausedPauseReasonDescriptions: Readonly<Record<ClientCausedPauseReason, string>> = {
  'data-dependency': 'Waiting for data, files, content or access the client has to supply.',
  approval: 'Waiting for the client to approve or sign off on something.',
  'change-management': 'Waiting for a change decision or change window on the client side.',
  'client-communication': 'Waiting for the client to answer a question or confirm a fix.',
  'pending-payment': 'Work is on hold because an undisputed invoice is unpaid.',
  'work-review': 'Waiting for the client to review delivered work.'
}

/** What a target measures. */
export const measures = ['first-response', 'next-response', 'resolution', 'update-interval'] as const
/** Kinds of ticket events. */
export const ticketEventTypes = ['first-response', 'response', 'client-message', 'resolved', 'reopened', 'priority'] as const
/** How a priority change affects a running target. */
export const priorityChangeModes = ['keep-elapsed', 'restart'] as const
/** Periods over which availability is measured. */
export const availabilityWindows = ['month', 'quarter'] as const
/** Periods over which KPIs are measured. */
export const kpiWindows = ['month', 'quarter', 'year'] as const
/** How often the SLA is reviewed. */
export const reviewCadences = ['month', 'quarter', 'half-year', 'year'] as const
/** Wording of the compensation. */
export const consequenceForms = ['service-credit', 'refund', 'discount'] as const
/** How client-caused delays move a milestone. */
export const delayModes = ['business-overlap', 'day-for-day'] as const
/** What a milestone's successor starts from. */
export const timelineAnchors = ['completed', 'baseline'] as const

// ---------------------------------------------------------------------------
// Building blocks.

const date = patterned(datePattern, 'a date such as `2026-03-31`')
const instant = patterned(instantPattern, 'a date and time such as `2026-03-31T14:30:00+02:00`')
const offsetInstant = patterned(offsetInstantPattern, 'a date and time with an offset such as `2026-03-31T14:30:00+02:00`')
const dateOrInstant = patterned(dateOrInstantPattern, 'a date such as `2026-03-31` or a date and time such as `2026-03-31T14:30:00+02:00`')
const duration = patterned(durationPattern, 'a duration such as `30m`, `4h`, `1h30m`, `2d` or `3bd`')
const elapsedDuration = patterned(elapsedDurationPattern, 'an elapsed duration such as `1m`, `2h` or `1h30m`')
const businessDays = patterned(businessDaysPattern, 'a number of business days such as `5bd`')
const timeZone = patterned(timeZonePattern, 'an IANA time zone name such as `Europe/Amsterdam`')
const name = patterned(namePattern, 'a name of letters, digits, `-` and `_`, such as `office` or `P1`')
const text = z.string().min(1)
const count = z.int().min(0)

const percentExpected = 'a percentage such as `99.9%`, or a number such as `99.9`'
const percent = z.union([patterned(percentPattern, percentExpected), z.number()]).register(expectations, {expected: percentExpected})

const objectiveExpected = 'a comparator and value such as `>= 80%` or `<= 4h`, or a number such as `80`'
const objective = z
  .union([patterned(objectivePattern, objectiveExpected), z.number()])
  .register(expectations, {expected: objectiveExpected})

const calendarName = name.describe('Name of a calendar defined under `calendars`, or the built-in `24x7`.')
const priorityName = name.describe('A priority key defined under `priorities`.')
const reasonName = name.describe(
  `A pause reason: one of the built-in client-caused reasons (${clientCausedPauseReasons.map((reason) => '`' + reason + '`').join(', ')}) or one defined under \`pauseReasons\`.`
)

/**
 * "Not both `a` and `b`" as a refinement that runs even when the object has
 * other problems, and as the JSON Schema `not: {required: [a, b]}`.
 */
function exclusive<T extends z.ZodType>(schema: T, a: string, b: string): T {
  const refined = schema.refine(
    (value) => !(isRecord(value) && value[a] !== undefined && value[b] !== undefined),
    {
      path: [b],
      when: () => true,
      error: `Unexpected key \`${b}\` next to \`${a}\`, expected only one of them`,
      params: {code: 'exclusive_keys', keys: [a, b]}
    }
  )
  jsonSchemaExtras.add(refined, {not: requires(a, b)})
  return refined
}

/** JSON Schema for "has all these keys", written so Ajv's strict mode accepts it. */
function requires(...keys: string[]): Record<string, unknown> {
  return {type: 'object', properties: Object.fromEntries(keys.map((key) => [key, true])), required: keys}
}

// ---------------------------------------------------------------------------
// Parties, term, calendars, support, priorities, pause reasons.

export const partySchema = z
  .strictObject({
    name: text.describe('Name of the party as it appears in the agreement.'),
    contact: text.optional().describe('Contact person or role.'),
    email: text.optional().describe('Contact e-mail address.'),
    phone: text.optional().describe('Contact phone number.'),
    url: text.optional().describe('Web address of the party.'),
    address: text.optional().describe('Postal address.')
  })
  .meta({description: 'One party to the agreement.', examples: [{name: 'Larkspur Digital'}]})

export const partiesSchema = z
  .strictObject({
    provider: partySchema.describe('Who delivers the service.'),
    client: partySchema.describe('Who receives the service.')
  })
  .meta({
    description: 'Who the agreement is between.',
    examples: [{provider: {name: 'Larkspur Digital'}, client: {name: 'Acme B.V.'}}]
  })

export const effectiveSchema = z
  .strictObject({
    from: date.describe('First day the agreement applies (inclusive).'),
    to: date.optional().describe('Last day the agreement applies (inclusive). Leave out for an open-ended term.')
  })
  .meta({
    description: 'The term of the agreement. Events outside it are ignored by the computations, with a warning.',
    examples: [{from: '2026-01-01', to: '2026-12-31'}]
  })

export const holidaySchema = z
  .union([
    date.describe('A whole local date on which the calendar has no working time.'),
    z
      .strictObject({
        date: date.describe('The date of the holiday.'),
        name: text.optional().describe('What the day is, shown on the page.')
      })
      .describe('A holiday with a name.')
  ])
  .describe('A non-working date, bare or with a name.')

export const calendarDefinitionSchema = z
  .strictObject({
    timeZone: timeZone
      .optional()
      .describe('IANA time zone of the working hours. Defaults to the SLA `timeZone`.'),
    hours: z
      .record(
        patterned(dayKeyPattern, 'a day key such as `mon`, `mon-fri`, `sat,sun` or `daily`').describe(
          'Days: `mon`…`sun`, a span such as `mon-fri`, a comma list such as `sat,sun`, or `daily`.'
        ),
        patterned(hoursPattern, 'working hours such as `09:00-17:00` or `09:00-12:30, 13:00-17:00`').describe(
          'One or more wall-clock ranges `HH:MM-HH:MM`, separated by commas; `24:00` may end a range. Overnight hours are split over two days.'
        )
      )
      .describe('Working hours per day. Days not listed have no working time.'),
    holidays: z.array(holidaySchema).optional().describe('Whole local dates without working time.'),
    holidaysFile: text
      .optional()
      .describe('Path (from the site root) of an iCalendar or data file with more holidays, such as `data/holidays-nl-2026.ics`.')
  })
  .meta({
    description: 'A business calendar: working hours per day in a time zone, minus holidays.',
    examples: [
      {
        hours: {'mon-fri': '09:00-12:30, 13:00-17:00'},
        holidays: ['2026-12-25', {date: '2026-12-26', name: 'Boxing Day'}]
      }
    ]
  })

export const calendarSchema = z
  .union([
    z.literal('24x7').describe('Around the clock, every day, no holidays.'),
    calendarDefinitionSchema
  ])
  .describe('A calendar: `24x7`, or working hours and holidays.')

export const supportSchema = z
  .strictObject({
    calendar: calendarName.describe('The calendar during which support is staffed.'),
    channels: z.array(text).optional().describe('How the client can reach support, such as `email`, `portal`, `phone`.'),
    emergency: z
      .strictObject({
        priorities: z.array(priorityName).describe('Priorities that get emergency cover.'),
        calendar: calendarName.describe('The calendar of the emergency cover.'),
        channel: text.optional().describe('How to raise an emergency, such as `phone`.')
      })
      .optional()
      .describe('Cover outside normal support hours for the most urgent priorities.')
  })
  .meta({
    description: 'When and how support can be reached. Shown on the page; not used in computations.',
    examples: [{calendar: 'office', channels: ['email', 'portal'], emergency: {priorities: ['P1'], calendar: '24x7', channel: 'phone'}}]
  })

export const prioritySchema = z
  .strictObject({
    label: text.describe('Short name shown on the page, such as `Critical`.'),
    meaning: text.optional().describe('When a ticket gets this priority.')
  })
  .meta({description: 'One priority level.', examples: [{label: 'Critical', meaning: 'The site is down'}]})

export const pauseReasonSchema = z
  .strictObject({
    clientCaused: z
      .boolean()
      .optional()
      .meta({
        description: 'Whether the reason is the client’s doing, so `pauseOn: client-caused` includes it. Default `true`.',
        default: true
      }),
    suspends: z
      .boolean()
      .optional()
      .describe('Whether the provider may suspend work (not just pause the clock) for this reason, as with unpaid invoices. Shown on the page.')
  })
  .meta({description: 'Settings of one pause reason.', examples: [{clientCaused: true, suspends: true}]})

// ---------------------------------------------------------------------------
// Targets.

export const targetSchema = z
  .strictObject({
    measure: z
      .enum(measures)
      .describe(
        'What is timed: `first-response` (opened → first reply), `next-response` (each client message → next reply), `resolution` (opened → resolved; a reopen starts a new cycle) or `update-interval` (time between provider updates while open).'
      ),
    calendar: calendarName.describe('The calendar on which the goals are measured.'),
    goals: z
      .record(
        priorityName,
        duration.describe(
          'Time allowed: `30m`, `4h` or `1h30m` of working time on the calendar; `3bd` business days (due at close of business); `2d` calendar days (24x7 calendars only).'
        )
      )
      .describe('Time allowed per priority.'),
    goalCalendars: z
      .record(priorityName, calendarName)
      .optional()
      .describe('A different calendar for some priorities, such as `P1: 24x7` while the rest follow office hours.'),
    pauseOn: z
      .union([
        z.literal('client-caused').describe('Every client-caused reason (the built-in ones and any marked `clientCaused`).'),
        z.array(reasonName).describe('These reasons only; `[]` means the clock never pauses.')
      ])
      .optional()
      .describe(
        'Which recorded pauses stop this clock. Default: `client-caused` for resolution and update targets, `[]` for response targets.'
      ),
    onPriorityChange: z
      .enum(priorityChangeModes)
      .optional()
      .meta({
        description:
          'When a ticket changes priority: `keep-elapsed` measures the new goal from the original start (an earlier breach stands); `restart` starts a new cycle at the change.',
        default: 'keep-elapsed'
      })
  })
  .meta({
    description: 'A timed target such as first response or resolution, with a goal per priority.',
    examples: [
      {measure: 'first-response', calendar: 'office', goals: {P1: '1h', P2: '4h', P3: '1bd'}, goalCalendars: {P1: '24x7'}, pauseOn: []},
      {measure: 'resolution', calendar: 'office', goals: {P1: '1bd', P2: '3bd'}, pauseOn: 'client-caused', onPriorityChange: 'keep-elapsed'}
    ]
  })

// ---------------------------------------------------------------------------
// Availability.

export const maintenanceWindowSchema = z
  .strictObject({
    from: instant.describe('Start of the planned maintenance.'),
    to: instant.describe('End of the planned maintenance.'),
    announced: dateOrInstant.describe('When the window was announced; it is excluded from downtime only with enough notice.'),
    note: text.optional().describe('What the maintenance was for.')
  })
  .meta({
    description: 'A planned maintenance window.',
    examples: [{from: '2026-06-18T22:00:00Z', to: '2026-06-18T23:00:00Z', announced: '2026-06-10'}]
  })

export const incidentSchema = z
  .strictObject({
    from: instant.describe('When the service became unavailable.'),
    to: instant.describe('When the service was available again.'),
    note: text.optional().describe('What happened.'),
    impact: z
      .union([
        z.literal('full').describe('The service was fully unavailable.'),
        z
          .strictObject({
            partial: z
              .number()
              .gt(0)
              .max(1)
              .describe('Share of the service that was unavailable, above 0 and at most 1 (`0.5` counts half the time as downtime).')
          })
          .describe('The service was partly unavailable.')
      ])
      .optional()
      .meta({description: 'How much of the service was down. Default `full`.', default: 'full'})
  })
  .meta({
    description: 'A period of downtime.',
    examples: [
      {from: '2026-06-05T10:00:00Z', to: '2026-06-05T14:00:00Z', note: 'Hosting outage'},
      {from: '2026-07-01T08:00:00Z', to: '2026-07-01T09:00:00Z', impact: {partial: 0.5}}
    ]
  })

export const creditTierSchema = z
  .strictObject({
    below: percent.describe('The tier applies when measured availability is below this percentage.'),
    credit: percent.describe('Credit, as a percentage of the monthly fee.')
  })
  .meta({description: 'One row of the service-credit table.', examples: [{below: '99.9%', credit: '10%'}]})

export const availabilitySchema = z
  .strictObject({
    objective: percent.describe('The promised availability, such as `99.9%`.'),
    window: z.enum(availabilityWindows).describe('The calendar period availability is measured over, cut in the SLA time zone.'),
    minimumIncident: elapsedDuration.optional().describe('Incidents shorter than this are ignored, such as `1m`.'),
    maintenance: z
      .strictObject({
        noticeDays: count.describe('Days of notice a window needs to be excluded from downtime.'),
        windows: z.array(maintenanceWindowSchema).optional().describe('Planned maintenance windows.')
      })
      .optional()
      .describe('Planned maintenance and the notice it needs.'),
    incidents: z.array(incidentSchema).optional().describe('Recorded downtime.'),
    creditTiers: z
      .array(creditTierSchema)
      .optional()
      .describe('Service credits by availability; the lowest `below` that still applies wins.')
  })
  .meta({
    description: 'The uptime promise: objective, measurement window, maintenance, incidents and credits.',
    examples: [
      {
        objective: '99.9%',
        window: 'month',
        minimumIncident: '1m',
        maintenance: {noticeDays: 5, windows: [{from: '2026-06-18T22:00:00Z', to: '2026-06-18T23:00:00Z', announced: '2026-06-10'}]},
        incidents: [{from: '2026-06-05T10:00:00Z', to: '2026-06-05T14:00:00Z', note: 'Hosting outage'}],
        creditTiers: [
          {below: '99.9%', credit: '10%'},
          {below: '99%', credit: '25%'}
        ]
      }
    ]
  })

// ---------------------------------------------------------------------------
// KPIs.

export const csatSchema = exclusive(
  z
    .strictObject({
      objective: objective.describe('Share of satisfied responses to reach, such as `>= 80%`.'),
      scale: z.int().min(2).describe('Highest score on the survey scale, such as `5`.'),
      satisfiedAtOrAbove: z.int().min(1).describe('Lowest score that counts as satisfied, such as `4`.'),
      window: z.enum(kpiWindows).describe('The period the KPI is measured over.'),
      minResponses: count.optional().describe('Fewer responses than this are reported as insufficient data, not as a breach.'),
      responses: z.array(z.int()).optional().describe('Every score received (use this or `counts`).'),
      counts: z
        .record(patterned(/^\d+$/, 'a score such as `5`'), count)
        .optional()
        .describe('Number of responses per score, such as `{5: 42, 4: 32}` (use this or `responses`).')
    })
    .meta({
      description: 'Customer satisfaction: the share of survey responses at or above a score.',
      examples: [{objective: '>= 80%', scale: 5, satisfiedAtOrAbove: 4, window: 'quarter', minResponses: 10, counts: {5: 42, 4: 32, 3: 10}}]
    }),
  'responses',
  'counts'
)

export const fcrSchema = z
  .strictObject({
    objective: objective.describe('Share of first-contact resolutions to reach, such as `>= 75%`.'),
    window: z.enum(kpiWindows).describe('The period the KPI is measured over.'),
    total: count.describe('Contacts in the period.'),
    excluded: count.optional().describe('Contacts left out (spam, duplicates). Default 0.'),
    firstContactResolved: count.describe('Contacts resolved in the first contact.')
  })
  .meta({
    description: 'First-contact resolution: resolved in the first contact / (total − excluded).',
    examples: [{objective: '>= 75%', window: 'quarter', total: 40, excluded: 3, firstContactResolved: 31}]
  })

export const kpisSchema = z
  .strictObject({
    csat: csatSchema.optional(),
    fcr: fcrSchema.optional()
  })
  .describe('Quality KPIs measured over a period.')

// ---------------------------------------------------------------------------
// Consequences, escalation, reviews, responsibilities.

export const consequencesSchema = z
  .strictObject({
    form: z.enum(consequenceForms).describe('How compensation is worded: `service-credit`, `refund` or `discount`.'),
    currency: patterned(currencyPattern, 'a currency code such as `EUR`').optional().describe('ISO 4217 currency code of the fee.'),
    monthlyFee: z.number().min(0).optional().describe('Monthly fee the percentages apply to.'),
    perBreach: z
      .record(name.describe('A target id defined under `targets`.'), z.record(priorityName, percent).describe('Credit per priority, as a percentage of the monthly fee.'))
      .optional()
      .describe('Credit for each breached ticket, per target and priority.'),
    cap: percent.optional().describe('Most the client can get back in one calendar month, as a percentage of the monthly fee.'),
    claimWithinDays: count.optional().describe('Days the client has to claim compensation.'),
    corrective: text.optional().describe('What the provider does after a breach.')
  })
  .meta({
    description: 'What the client gets when targets are missed. Tier credits come from `availability.creditTiers`.',
    examples: [
      {
        form: 'service-credit',
        currency: 'EUR',
        monthlyFee: 2000,
        perBreach: {'first-response': {P1: '5%'}, resolution: {P1: '5%'}},
        cap: '30%',
        claimWithinDays: 30,
        corrective: 'Root-cause note within five business days of a P1 breach.'
      }
    ]
  })

export const escalationStepSchema = z
  .strictObject({
    at: percent.describe('Share of a target’s time used at which to notify, such as `75%`; `100%` is a breach.'),
    notify: text.describe('Who is told.')
  })
  .meta({description: 'One escalation step.', examples: [{at: '75%', notify: 'Project lead'}]})

export const reviewsSchema = z
  .strictObject({
    every: z.enum(reviewCadences).describe('How often the agreement is reviewed.'),
    next: date.optional().describe('Date of the next review; a date in the past gives a warning.')
  })
  .meta({description: 'When the agreement is reviewed.', examples: [{every: 'quarter', next: '2027-01-15'}]})

export const responsibilitiesSchema = z
  .strictObject({
    client: z.array(text).optional().describe('What the client commits to.'),
    provider: z.array(text).optional().describe('What the provider commits to.')
  })
  .meta({
    description: 'What each side commits to, shown as lists.',
    examples: [{client: ['Review delivered work within three business days'], provider: ['Send a progress note every Friday']}]
  })

// ---------------------------------------------------------------------------
// Tickets.

export const ticketEventSchema = z
  .strictObject({
    type: z
      .enum(ticketEventTypes)
      .describe(
        'What happened: `first-response`, `response` (a later reply), `client-message`, `resolved`, `reopened`, or `priority` (a priority change, with `to`).'
      ),
    at: instant.describe('When it happened.'),
    to: priorityName.optional().describe('The new priority; only on `priority` events.')
  })
  .refine((value) => !(isRecord(value) && value.type === 'priority' && value.to === undefined), {
    when: () => true,
    error: 'Unexpected `priority` event without `to`, expected the new priority in `to`',
    params: {code: 'missing_key', keys: ['to']}
  })
  .refine((value) => !(isRecord(value) && typeof value.type === 'string' && value.type !== 'priority' && value.to !== undefined), {
    path: ['to'],
    when: () => true,
    error: 'Unexpected key `to` on an event that is not a priority change, expected `to` only with `type: priority`',
    params: {code: 'unrecognized_keys', keys: ['to']}
  })
  .register(jsonSchemaExtras, {
    if: {type: 'object', properties: {type: {const: 'priority'}}, required: ['type']},
    then: requires('to'),
    else: {not: requires('to')}
  })
  .meta({
    description: 'Something that happened on a ticket.',
    examples: [
      {type: 'first-response', at: '2026-02-05T12:30:00+01:00'},
      {type: 'priority', at: '2026-02-05T13:00:00+01:00', to: 'P2'}
    ]
  })

export const ticketPauseSchema = z
  .strictObject({
    from: instant.describe('When the wait started.'),
    to: instant.optional().describe('When the wait ended; leave out while it lasts (it then runs until `asOf` or now).'),
    reason: reasonName.describe('Why the ticket waited.'),
    note: text.optional().describe('What the ticket waited for.')
  })
  .meta({
    description: 'A period in which the ticket waited on something; it stops the clocks of targets that pause on its reason.',
    examples: [{from: '2026-02-05T14:00:00+01:00', to: '2026-02-06T09:30:00+01:00', reason: 'client-communication', note: 'Waiting for credentials'}]
  })

export const ticketSchema = z
  .strictObject({
    id: z
      .union([text, z.int()])
      .describe('The ticket number or key in the help desk, such as `T-101`.'),
    priority: priorityName.describe('The priority the ticket was opened with.'),
    opened: instant.describe('When the ticket was opened.'),
    events: z.array(ticketEventSchema).optional().describe('What happened, in order.'),
    pauses: z.array(ticketPauseSchema).optional().describe('Periods in which the ticket waited.')
  })
  .meta({
    description: 'A support ticket, measured against every target.',
    examples: [
      {
        id: 'T-101',
        priority: 'P1',
        opened: '2026-02-02T16:00:00+01:00',
        events: [
          {type: 'first-response', at: '2026-02-05T12:30:00+01:00'},
          {type: 'resolved', at: '2026-02-06T11:00:00+01:00'}
        ],
        pauses: [{from: '2026-02-05T14:00:00+01:00', to: '2026-02-06T09:30:00+01:00', reason: 'client-communication'}]
      }
    ]
  })

// ---------------------------------------------------------------------------
// Timeline and milestones.

export const timelineSchema = z
  .strictObject({
    delayMode: z.enum(delayModes).optional().meta({
      description:
        'How client-caused delays move a milestone: `business-overlap` adds the business days the delay overlaps the milestone’s window; `day-for-day` adds the delay’s calendar days.',
      default: 'business-overlap'
    }),
    anchor: z.enum(timelineAnchors).optional().meta({
      description: 'What an `after` milestone starts from: the predecessor’s actual completion (`completed`) or its planned due date (`baseline`).',
      default: 'completed'
    })
  })
  .meta({description: 'How the milestone plan is computed.', examples: [{delayMode: 'business-overlap', anchor: 'completed'}]})

export const milestoneDelaySchema = z
  .strictObject({
    from: date.describe('First day of the delay (inclusive).'),
    to: date.describe('Last day of the delay (inclusive).'),
    reason: reasonName.describe('Why the milestone waited.'),
    note: text.optional().describe('What it waited for.')
  })
  .meta({
    description: 'Whole days in which the milestone waited on the client.',
    examples: [{from: '2026-09-13', to: '2026-09-16', reason: 'approval', note: 'Homepage sign-off'}]
  })

export const milestoneSchema = z
  .strictObject({
    id: name.describe('Milestone id, used by `after`.'),
    title: text.describe('Name shown on the page.'),
    start: date.optional().describe('Date the milestone starts on (use this or `after`).'),
    after: name.optional().describe('Id of the milestone this one starts after (use this or `start`).'),
    duration: businessDays.describe('Planned length in business days, such as `5bd`.'),
    delays: z.array(milestoneDelaySchema).optional().describe('Client-caused delays that extend the due date.'),
    completed: date.optional().describe('Date the milestone was actually completed.'),
    extension: z
      .strictObject({
        days: count.describe('Business days added to the due date.'),
        reason: text.describe('Why the extension was agreed.')
      })
      .optional()
      .describe('An extension agreed by hand, on top of the computed one.')
  })
  .register(jsonSchemaExtras, {not: requires('start', 'after'), anyOf: [requires('start'), requires('after')]})
  .meta({
    description: 'A deliverable with a planned length, starting on a date or after another milestone.',
    examples: [
      {id: 'discovery', title: 'Discovery', start: '2026-09-02', duration: '5bd', completed: '2026-09-09'},
      {
        id: 'design',
        title: 'Visual design',
        after: 'discovery',
        duration: '5bd',
        delays: [{from: '2026-09-13', to: '2026-09-16', reason: 'approval'}],
        extension: {days: 2, reason: 'Extra review round agreed in the steering meeting'}
      }
    ]
  })

// ---------------------------------------------------------------------------
// The SLA.

const slaShape = {
  schema: z
    .literal(1)
    .register(expectations, {expected: 'the number `1` (the only data model version so far)'})
    .describe('Version of this data model. Required; only version 1 exists.'),
  id: patterned(slaIdPattern, 'an id of lower-case letters, digits and inner hyphens, at most 63, such as `acme-care-2026`').describe(
    'Stable id of the agreement, unique in the site; used in URLs and exports.'
  ),
  version: z.int().min(1).optional().describe('Revision of the agreement text, raised on every change.'),
  parties: partiesSchema.optional(),
  effective: effectiveSchema.optional(),
  timeZone: timeZone
    .optional()
    .describe('IANA time zone for calendars, whole dates and times without an offset; months are cut in this zone.'),
  asOf: offsetInstant
    .optional()
    .describe('A fixed "now" for reproducible pages. Otherwise SOURCE_DATE_EPOCH, else the build time.'),
  calendars: z
    .record(name.describe('Calendar name, referenced by targets and support.'), calendarSchema)
    .optional()
    .meta({
      description: 'Named business calendars. `24x7` is always available without defining it.',
      examples: [{office: {hours: {'mon-fri': '09:00-17:00'}, holidays: ['2026-12-25']}, always: '24x7'}]
    }),
  support: supportSchema.optional(),
  priorities: z
    .record(name.describe('Priority key, used in goals and tickets.'), prioritySchema)
    .optional()
    .meta({
      description: 'Priority levels, most urgent first.',
      examples: [{P1: {label: 'Critical', meaning: 'Site down'}, P2: {label: 'High'}, P3: {label: 'Normal'}}]
    }),
  pauseReasons: z
    .record(name.describe('Reason key, used in `pauseOn`, pauses and delays.'), pauseReasonSchema)
    .optional()
    .meta({
      description: `Pause reasons besides the built-in client-caused ones (${clientCausedPauseReasons.map((reason) => '`' + reason + '`').join(', ')}), or changes to those.`,
      examples: [{'pending-payment': {suspends: true}, 'client-holiday': {clientCaused: true}}]
    }),
  targets: z
    .record(name.describe('Target id, used in `perBreach` and reports.'), targetSchema)
    .optional()
    .describe('Timed targets (response, resolution, updates) by id.'),
  availability: availabilitySchema.optional(),
  kpis: kpisSchema.optional(),
  consequences: consequencesSchema.optional(),
  escalation: z
    .array(escalationStepSchema)
    .optional()
    .describe('Who is told when a ticket has used a share of its target time.'),
  reviews: reviewsSchema.optional(),
  responsibilities: responsibilitiesSchema.optional(),
  tickets: z.array(ticketSchema).optional().describe('Tickets measured against the targets (use this or `ticketsFile`).'),
  ticketsFile: text
    .optional()
    .describe('Path (from the site root) of a YAML or JSON file with the tickets, such as `data/sla/acme-tickets.yaml` (use this or `tickets`).'),
  timeline: timelineSchema.optional(),
  milestones: z.array(milestoneSchema).optional().describe('Deliverables with planned durations and due dates.')
}

export const slaSchema = exclusive(z.strictObject(slaShape), 'tickets', 'ticketsFile').meta({
  title: 'SLA',
  description: 'A service level agreement: parties, term, calendars, targets, availability, KPIs, consequences, tickets and milestones.',
  examples: [
    {
      schema: 1,
      id: 'acme-care-2026',
      version: 3,
      parties: {provider: {name: 'Larkspur Digital'}, client: {name: 'Acme B.V.'}},
      effective: {from: '2026-01-01', to: '2026-12-31'},
      timeZone: 'Europe/Amsterdam',
      calendars: {office: {hours: {'mon-fri': '09:00-17:00'}, holidays: ['2026-12-25']}, always: '24x7'},
      priorities: {P1: {label: 'Critical'}, P2: {label: 'Normal'}},
      targets: {
        'first-response': {measure: 'first-response', calendar: 'office', goals: {P1: '1h', P2: '4h'}, goalCalendars: {P1: 'always'}, pauseOn: []},
        resolution: {measure: 'resolution', calendar: 'office', goals: {P1: '1bd', P2: '5bd'}, pauseOn: 'client-caused'}
      }
    }
  ]
})

// ---------------------------------------------------------------------------
// Types the engine consumes.

export type Sla = z.infer<typeof slaSchema>
export type Party = z.infer<typeof partySchema>
export type Parties = z.infer<typeof partiesSchema>
export type Effective = z.infer<typeof effectiveSchema>
export type Holiday = z.infer<typeof holidaySchema>
export type CalendarDefinition = z.infer<typeof calendarDefinitionSchema>
export type Calendar = z.infer<typeof calendarSchema>
export type Support = z.infer<typeof supportSchema>
export type Priority = z.infer<typeof prioritySchema>
export type PauseReason = z.infer<typeof pauseReasonSchema>
export type Measure = (typeof measures)[number]
export type Target = z.infer<typeof targetSchema>
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>
export type Incident = z.infer<typeof incidentSchema>
export type CreditTier = z.infer<typeof creditTierSchema>
export type Availability = z.infer<typeof availabilitySchema>
export type Csat = z.infer<typeof csatSchema>
export type Fcr = z.infer<typeof fcrSchema>
export type Kpis = z.infer<typeof kpisSchema>
export type Consequences = z.infer<typeof consequencesSchema>
export type EscalationStep = z.infer<typeof escalationStepSchema>
export type Reviews = z.infer<typeof reviewsSchema>
export type Responsibilities = z.infer<typeof responsibilitiesSchema>
export type TicketEventType = (typeof ticketEventTypes)[number]
export type TicketEvent = z.infer<typeof ticketEventSchema>
export type TicketPause = z.infer<typeof ticketPauseSchema>
export type Ticket = z.infer<typeof ticketSchema>
export type Timeline = z.infer<typeof timelineSchema>
export type MilestoneDelay = z.infer<typeof milestoneDelaySchema>
export type Milestone = z.infer<typeof milestoneSchema>
