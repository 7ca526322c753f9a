/**
 * Rule ids of the value parsers, in one place: every parser reports the
 * same problem under the same id, and the README's rule table is generated
 * from (or checked against) this object.
 */

/** What a rule is about and how bad it is. */
export interface ValueRule {
  /** `error` fails the build; `warning` shows a notice. */
  severity: 'error' | 'warning'
  /** One line for the README's rule table. */
  description: string
}

/**
 * Every rule id a value parser can report, with its severity and a one-line
 * description. `satisfies` keeps the keys as literal types, so the parsers
 * cannot report an id that is not listed here.
 */
export const valueRules = {
  'duration-malformed':
    {severity: 'error', description: 'A duration is not `<n>m`, `<n>h`, `<n>h<n>m`, `<n>bd`, `<n>d` or `<n>w`.'},
  'duration-unitless':
    {severity: 'error', description: 'A duration is a bare number such as `4` (four what?).'},
  'duration-days-on-business-calendar':
    {severity: 'error', description: 'A duration in `d` or `w` is used on a business calendar (write `bd` or hours).'},
  'duration-business-days-for-availability':
    {severity: 'error', description: 'A duration in `bd` is used for availability, which is measured in elapsed time.'},
  'duration-spelled-out':
    {severity: 'warning', description: 'A duration has its units in words (`4 hours`); it is read as the short form (`4h`), which the JSON Schema expects.'},
  'goal-wording-mismatch':
    {severity: 'warning', description: 'A goal worded for business time (`4 business hours`) is measured on a 24x7 calendar.'},
  'duration-not-positive':
    {severity: 'error', description: 'A duration is zero or negative.'},
  'percent-malformed':
    {severity: 'error', description: 'A percentage is not a decimal number with an optional `%`, such as `99.9%`.'},
  'percent-out-of-range':
    {severity: 'error', description: 'A percentage is outside (0 %, 100 %].'},
  'percent-fraction':
    {severity: 'error', description: 'An objective or tier is a bare number ≤ 1 such as `0.999` (did you mean `99.9%`?).'},
  'percent-fraction-ambiguous':
    {severity: 'warning', description: 'A credit or cap is a bare number ≤ 1, read as a percentage but possibly meant as a fraction.'},
  'percent-too-precise':
    {severity: 'error', description: 'A percentage has more than six decimals.'},
  'objective-malformed':
    {severity: 'error', description: 'An objective is not a comparator (`>=`, `<=`, `>`, `<`) and a percentage or duration.'},
  'objective-comparator-missing':
    {severity: 'error', description: 'A duration objective has no comparator (only percentages default to `>=`).'},
  'hours-malformed':
    {severity: 'error', description: 'Working hours are not a mapping of day keys to `HH:MM-HH:MM` ranges.'},
  'hours-day-unknown':
    {severity: 'error', description: 'A working-hours key is not a day (`mon`…`sun`), a day range (`mon-fri`), `daily` or a comma list of those.'},
  'hours-range-malformed':
    {severity: 'error', description: 'A working-hours range is not `HH:MM-HH:MM` (`24:00` allowed as an end).'},
  'hours-range-reversed':
    {severity: 'error', description: 'A working-hours range starts at or after its end (split overnight ranges over two days).'},
  'hours-overlap':
    {severity: 'error', description: 'Two working-hours ranges overlap on the same day.'},
  'calendar-malformed':
    {severity: 'error', description: 'A calendar is neither `24x7` nor a mapping with `hours`.'},
  'time-zone-unknown':
    {severity: 'error', description: 'A time zone is not an IANA zone name.'},
  'time-zone-legacy':
    {severity: 'warning', description: 'A legacy or fixed-offset zone name (`CET`, `EST`, `Etc/GMT+1`) may not follow the intended location’s DST rules.'},
  'date-malformed':
    {severity: 'error', description: 'A date is not `YYYY-MM-DD`.'},
  'date-invalid':
    {severity: 'error', description: 'A date does not exist, such as `2024-02-30`.'},
  'instant-malformed':
    {severity: 'error', description: 'An instant is not `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]` or a date.'},
  'instant-invalid':
    {severity: 'error', description: 'An instant has a date, time or offset that does not exist, such as `2024-02-30` or `25:00`.'},
  'instant-in-dst-gap':
    {severity: 'error', description: 'A local time without an offset falls in a DST gap and does not exist in the time zone.'},
  'instant-ambiguous':
    {severity: 'warning', description: 'A local time without an offset falls in a DST overlap; the earlier instant is used.'},
  'instant-without-offset':
    {severity: 'warning', description: 'A local date-time has no offset; it is read in the SLA time zone, but an offset is safer.'},
  'sla-id-invalid':
    {severity: 'error', description: 'An SLA id is not a lowercase RFC 1123 label (`[a-z0-9-]`, 1–63, no hyphen at either end).'}
} as const satisfies Record<string, ValueRule>

/** A rule id of the value parsers. */
export type ValueRuleId = keyof typeof valueRules
