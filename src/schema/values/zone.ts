import {Temporal} from 'temporal-polyfill'
import {didYouMean} from '../../util/did-you-mean.js'
import {actualText, describe, failure, orList, problem, success, type ValueProblem, type ValueResult} from './result.js'

/**
 * Names that mean UTC. A fixed offset of zero is a deliberate choice, not a
 * DST accident, so these get no warning.
 */
const utcNames = new Set([
  'UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu',
  'GMT', 'Etc/GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Greenwich', 'Etc/Greenwich'
])

/**
 * The POSIX-style names of the IANA `northamerica` and `europe` files. Some
 * are fixed offsets (`EST`, `MST`, `HST`), the others follow one country's
 * rules (`CET` is Brussels since tzdata 2024b), so a page in Amsterdam or
 * Toronto written with them silently gets someone else's clock. Each maps to
 * locations to suggest.
 */
const legacyNames: Record<string, string[]> = {
  CET: ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/Paris'],
  MET: ['Europe/Amsterdam', 'Europe/Berlin', 'Europe/Paris'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest'],
  WET: ['Europe/Lisbon'],
  EST: ['America/New_York', 'America/Toronto', 'America/Panama'],
  MST: ['America/Denver', 'America/Phoenix'],
  HST: ['Pacific/Honolulu'],
  EST5EDT: ['America/New_York'],
  CST6CDT: ['America/Chicago'],
  MST7MDT: ['America/Denver'],
  PST8PDT: ['America/Los_Angeles']
}

/**
 * Names ICU (and so Temporal on Node) still accepts but the IANA database
 * dropped; Go, and so Hugo, does not know them.
 */
const removedNames = /^(?:SystemV\/.*|US\/Pacific-New|Canada\/East-Saskatchewan)$/i

/**
 * Current IANA spellings that Node 20's ICU (78) lists only under their old
 * name in `Intl.supportedValuesOf('timeZone')`; added as did-you-mean
 * candidates so a typo of the current name suggests the current name.
 */
const currentNames = [
  'UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Nuuk', 'Pacific/Kanton', 'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu', 'Asia/Yangon', 'Atlantic/Faroe', 'America/Ciudad_Juarez', 'Pacific/Chuuk', 'Pacific/Pohnpei'
]

let candidates: string[] | undefined

/**
 * Check a time-zone name (sla-domain §5.3 error 2, warning 4).
 *
 * Validity comes from Temporal, not from `Intl.supportedValuesOf`: on
 * Node 20 that list has ICU's canonical names only (no `UTC`, no
 * `Asia/Kolkata`, only `Asia/Calcutta`), while Temporal accepts every IANA
 * name and alias. Temporal also accepts three things we refuse: offsets
 * (`+01:00`: not a zone, and blind to DST), other letter case
 * (`europe/amsterdam`: Go's `time.LoadLocation`, and so Hugo, is
 * case-sensitive; suggested in the right case) and names IANA removed
 * (`SystemV/EST5EDT`, `US/Pacific-New`).
 *
 * Legacy and fixed-offset names (`CET`, `EST5EDT`, `Etc/GMT+1`) are valid
 * but warned about: they may not follow the intended location's DST rules.
 * `GMT+1` is not an IANA name at all (only `Etc/GMT-1`, with the sign
 * inverted) and is an error.
 *
 * @param input
 *   The value as read from front matter.
 * @returns
 *   The name as written when valid.
 */
export function checkTimeZone(input: unknown): ValueResult<string> {
  if (typeof input !== 'string' || input.trim() === '') {
    return failure(unknown(input, 'an IANA time-zone name such as `Europe/Amsterdam`', []))
  }

  if (input.trim() !== input) {
    const inner = checkTimeZone(input.trim())
    return failure(
      unknown(input, 'a time-zone name without surrounding spaces', inner.ok ? [input.trim()] : [])
    )
  }

  const offset = /^(?:(?:UTC|GMT|Etc\/GMT|Etc\/UTC)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(input)
  if (offset && !utcNames.has(input) && !/^Etc\/GMT[+-]\d{1,2}$/.test(input)) {
    return failure(fixedOffset(input, offset[1] as '+' | '-', Number(offset[2]), Number(offset[3] ?? 0)))
  }

  const id = temporalId(input)

  if (id !== undefined && removedNames.test(input)) {
    // ICU still maps the removed name to a location; that is the suggestion.
    const location = new Intl.DateTimeFormat('en', {timeZone: input}).resolvedOptions().timeZone
    const suggestion = location !== input && !removedNames.test(location) ? location : undefined
    return failure(
      problem('time-zone-unknown', {
        reason: `Unexpected time zone \`${input}\` that the IANA database no longer has, expected a current IANA name${suggestion ? ` such as \`${suggestion}\`` : ''}`,
        hint: 'Node still knows the old name, but Hugo (Go) and other systems do not',
        actual: input,
        ...(suggestion ? {expected: [suggestion]} : {})
      })
    )
  }

  if (id === undefined) return failure(notFound(input))

  if (id !== input) {
    return failure(
      problem('time-zone-unknown', {
        reason: `Unexpected time zone \`${input}\`, expected \`${id}\``,
        hint: 'Time-zone names are case-sensitive in Hugo (Go) and on most systems; write them as the IANA database does',
        actual: input,
        expected: [id]
      })
    )
  }

  const warnings: ValueProblem[] = []
  const legacy = legacyNames[input]
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(input)

  if (legacy) {
    warnings.push(
      problem('time-zone-legacy', {
        reason: `Unexpected legacy time zone \`${input}\`, expected a location such as ${orList(legacy)}`,
        hint: `\`${input}\` names a time standard, not a place: it follows one country’s DST rules, or none, which need not be those of the SLA’s location; name the city whose clocks the SLA follows`,
        actual: input,
        expected: legacy
      })
    )
  } else if (fixed && !utcNames.has(input)) {
    // POSIX inverts the sign: `Etc/GMT+1` is UTC−01:00.
    const sign = fixed[1] === '+' ? '−' : '+'
    warnings.push(
      problem('time-zone-legacy', {
        reason: `Unexpected fixed-offset time zone \`${input}\` (UTC${sign}${fixed[2].padStart(2, '0')}:00, note the inverted sign), expected a location such as \`Europe/Amsterdam\``,
        hint: 'A fixed offset never changes for DST; name the city whose clocks the SLA follows, unless a fixed offset is really meant',
        actual: input
      })
    )
  }

  return success(input, warnings)
}

// A site names a few zones on many pages; asking Temporal costs a zone lookup each time.
const temporalIds = new Map<string, string | undefined>()

/** Temporal's canonical-case spelling of a zone, or `undefined` when it refuses it. */
function temporalId(name: string): string | undefined {
  if (temporalIds.has(name)) return temporalIds.get(name)
  let id: string | undefined
  try {
    id = new Temporal.ZonedDateTime(0n, name).timeZoneId
  } catch {
    id = undefined
  }

  if (temporalIds.size > 1000) temporalIds.clear()
  temporalIds.set(name, id)
  return id
}

function unknown(input: unknown, expected: string, suggestions: string[]): ValueProblem {
  return problem('time-zone-unknown', {
    reason: `Unexpected ${describe(input)}, expected ${expected}`,
    ...(suggestions.length > 0 ? {hint: `Did you mean \`${suggestions[0]}\`?`} : {}),
    actual: actualText(input),
    ...(suggestions.length > 0 ? {expected: suggestions} : {})
  })
}

/** `+01:00`, `UTC+1`, `GMT+1`: a fixed offset where a zone name belongs. */
function fixedOffset(input: string, sign: '+' | '-', hours: number, minutes: number): ValueProblem {
  // Only whole hours up to the Etc range have an IANA spelling; POSIX inverts the sign.
  const etc =
    minutes === 0 && hours > 0 && hours <= (sign === '+' ? 14 : 12) ? `Etc/GMT${sign === '+' ? '-' : '+'}${hours}` : undefined
  return problem('time-zone-unknown', {
    reason: `Unexpected fixed offset \`${input}\`, expected an IANA time-zone name such as \`Europe/Amsterdam\``,
    hint:
      'An offset does not follow daylight saving time; name the city whose clocks the SLA follows' +
      (etc ? `, or write \`${etc}\` (the sign is inverted in \`Etc/\` names) if a fixed offset is really meant` : ''),
    actual: input,
    ...(etc ? {expected: [etc]} : {})
  })
}

function notFound(input: string): ValueProblem {
  candidates ??= [...new Set([...Intl.supportedValuesOf('timeZone'), ...currentNames])].filter(
    (name) => temporalId(name) === name && !removedNames.test(name)
  )
  const suggestion = didYouMean(input, candidates)
  const abbreviation = /^[A-Z]{2,5}$/.test(input)
  return problem('time-zone-unknown', {
    reason: `Unexpected time zone \`${input}\`, expected an IANA time-zone name such as \`Europe/Amsterdam\``,
    hint: suggestion
      ? `Did you mean \`${suggestion}\`?`
      : abbreviation
        ? 'Abbreviations such as `PST` or `CEST` are ambiguous and not zone names; name a city, such as `America/Los_Angeles` or `Europe/Paris`'
        : 'Write `Area/Location` as in the IANA database, such as `Europe/Amsterdam` or `America/New_York`',
    actual: input,
    ...(suggestion ? {expected: [suggestion]} : {})
  })
}
