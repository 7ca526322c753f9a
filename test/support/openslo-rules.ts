/**
 * OpenSLO v1's rules for the kinds slamark writes, as a checker: no
 * maintained npm package ships OpenSLO's JSON Schemas, so the rules of the
 * specification are encoded here, each as OpenSLO states it:
 *
 * - OpenSLO/OpenSLO `README.md` (v1): `apiVersion: openslo/v1`; `kind` one
 *   of DataSource, SLO, SLI, AlertPolicy, AlertCondition,
 *   AlertNotificationTarget, Service; `metadata.name` an RFC 1123 label;
 *   annotation keys `[prefix/]name` with a DNS subdomain prefix; the
 *   duration shorthand `<n>` + one of `m h d w M Q Y`; descriptions of at
 *   most 1050 characters; `timeWindow` a list of exactly one rolling or
 *   calendar-aligned window (`startTime` as `2020-01-21 12:30:00`, an IANA
 *   `timeZone`); objectives with `target` in [0, 1) or `targetPercent` in
 *   [0, 100), not both; `timeSliceTarget` in (0, 1] and `timeSliceWindow`
 *   for Timeslices; an inline SLI with exactly one of `thresholdMetric` or
 *   `ratioMetric`, a ratio of `good` or `bad` over `total`, or `raw`.
 * - OpenSLO/go-sdk `pkg/openslo/v1` (the reference validator): budgeting
 *   methods Occurrences, Timeslices and RatioTimeslices; `displayName` at
 *   most 63 characters; `timeWindow` with `isRolling` false needs a
 *   `calendar`, and true forbids it; `timeSliceWindow` also for
 *   RatioTimeslices; a metric source's `spec` a non-empty mapping; the
 *   label and annotation key patterns below.
 */
import {Ajv, type ErrorObject} from 'ajv'

const dnsLabel = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'
const duration = '^[1-9][0-9]*[mhdwMQY]$'
const annotationKey = /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/
const annotationKeyLength = /^(.{0,253}\/)?.{0,63}$/
const labelKey = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/

const description = {type: 'string', maxLength: 1050}

const metadata = {
  type: 'object',
  required: ['name'],
  properties: {
    name: {type: 'string', pattern: dnsLabel},
    displayName: {type: 'string', maxLength: 63},
    labels: {type: 'object', additionalProperties: {anyOf: [{type: 'string'}, {type: 'array', items: {type: 'string'}}]}},
    annotations: {type: 'object', additionalProperties: {type: 'string'}}
  },
  additionalProperties: false
}

const metricSpec = {
  type: 'object',
  required: ['metricSource'],
  properties: {
    metricSource: {
      type: 'object',
      required: ['spec'],
      properties: {
        metricSourceRef: {type: 'string', pattern: dnsLabel},
        type: {type: 'string'},
        spec: {type: 'object', minProperties: 1}
      },
      additionalProperties: false
    }
  },
  additionalProperties: false
}

const ratioMetric = {
  type: 'object',
  required: ['counter'],
  properties: {counter: {type: 'boolean'}, good: metricSpec, bad: metricSpec, total: metricSpec, raw: metricSpec, rawType: {enum: ['success', 'failure']}},
  additionalProperties: false,
  oneOf: [
    {required: ['total'], not: {required: ['raw']}, oneOf: [{required: ['good']}, {required: ['bad']}]},
    {required: ['raw', 'rawType'], not: {anyOf: [{required: ['total']}, {required: ['good']}, {required: ['bad']}]}}
  ]
}

const sliSpec = {
  type: 'object',
  properties: {description, thresholdMetric: metricSpec, ratioMetric},
  additionalProperties: false,
  oneOf: [{required: ['thresholdMetric']}, {required: ['ratioMetric']}]
}

const timeWindow = {
  type: 'object',
  required: ['duration', 'isRolling'],
  properties: {
    duration: {type: 'string', pattern: duration},
    isRolling: {type: 'boolean'},
    calendar: {
      type: 'object',
      required: ['startTime', 'timeZone'],
      properties: {startTime: {type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$'}, timeZone: {type: 'string'}},
      additionalProperties: false
    }
  },
  additionalProperties: false,
  if: {properties: {isRolling: {const: true}}},
  then: {not: {required: ['calendar']}},
  else: {required: ['calendar']}
}

const objective = {
  type: 'object',
  properties: {
    displayName: {type: 'string'},
    op: {enum: ['lte', 'gte', 'lt', 'gt']},
    value: {type: 'number'},
    target: {type: 'number', minimum: 0, exclusiveMaximum: 1},
    targetPercent: {type: 'number', minimum: 0, exclusiveMaximum: 100},
    timeSliceTarget: {type: 'number', exclusiveMinimum: 0, maximum: 1},
    timeSliceWindow: {anyOf: [{type: 'number'}, {type: 'string', pattern: duration}]}
  },
  additionalProperties: false,
  oneOf: [{required: ['target']}, {required: ['targetPercent']}]
}

const sloSpec = {
  type: 'object',
  required: ['service', 'budgetingMethod', 'objectives'],
  properties: {
    description,
    service: {type: 'string', minLength: 1},
    indicator: {type: 'object', required: ['metadata', 'spec'], properties: {metadata, spec: sliSpec}, additionalProperties: false},
    indicatorRef: {type: 'string', pattern: dnsLabel},
    budgetingMethod: {enum: ['Occurrences', 'Timeslices', 'RatioTimeslices']},
    timeWindow: {type: 'array', minItems: 1, maxItems: 1, items: timeWindow},
    objectives: {type: 'array', minItems: 1, items: objective},
    alertPolicies: {type: 'array'}
  },
  additionalProperties: false,
  oneOf: [{required: ['indicator']}, {required: ['indicatorRef']}],
  allOf: [
    {
      if: {properties: {budgetingMethod: {const: 'Timeslices'}}},
      then: {properties: {objectives: {items: {required: ['timeSliceTarget', 'timeSliceWindow']}}}}
    },
    {
      if: {properties: {budgetingMethod: {const: 'RatioTimeslices'}}},
      then: {properties: {objectives: {items: {required: ['timeSliceWindow']}}}}
    }
  ]
}

const document = (kind: string, spec: object) => ({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {apiVersion: {const: 'openslo/v1'}, kind: {const: kind}, metadata, spec},
  additionalProperties: false
})

const ajv = new Ajv({allErrors: true, strict: false})
const validators = {
  Service: ajv.compile(document('Service', {type: 'object', properties: {description}, additionalProperties: false})),
  SLO: ajv.compile(document('SLO', sloSpec)),
  SLI: ajv.compile(document('SLI', sliSpec))
}

/**
 * Every way a document breaks OpenSLO v1's rules, as `path: problem`
 * (`[]` when it keeps them all).
 *
 * @param value
 *   One document (`Service`, `SLO` or `SLI`).
 */
export function openSloProblems(value: unknown): string[] {
  const kind = (value as {kind?: unknown}).kind
  if (kind !== 'Service' && kind !== 'SLO' && kind !== 'SLI') return [`/kind: \`${String(kind)}\` is not a kind slamark writes`]
  const validate = validators[kind]
  const problems = validate(value) ? [] : (validate.errors ?? []).filter(shown).map((error) => `${error.instancePath}: ${error.message}`)

  const item = value as {metadata?: {annotations?: Record<string, unknown>; labels?: Record<string, unknown>}; spec?: {indicator?: {metadata?: {labels?: Record<string, unknown>}}; timeWindow?: unknown}}
  for (const key of Object.keys(item.metadata?.annotations ?? {})) {
    if (!annotationKey.test(key) || !annotationKeyLength.test(key)) problems.push(`/metadata/annotations: key \`${key}\` is not \`[prefix/]name\``)
  }

  for (const key of Object.keys(item.metadata?.labels ?? {})) {
    if (!labelKey.test(key)) problems.push(`/metadata/labels: key \`${key}\` is not a label key`)
  }

  for (const [index, window] of (Array.isArray(item.spec?.timeWindow) ? item.spec.timeWindow : []).entries()) {
    const calendar = (window as {calendar?: {startTime?: unknown; timeZone?: unknown}}).calendar
    if (!calendar) continue
    if (typeof calendar.timeZone !== 'string' || !isTimeZone(calendar.timeZone)) problems.push(`/spec/timeWindow/${index}/calendar/timeZone: not an IANA time zone`)
    if (typeof calendar.startTime === 'string' && !isDateTime(calendar.startTime)) problems.push(`/spec/timeWindow/${index}/calendar/startTime: not a date and time that exists`)
  }

  return problems
}

/** `if`/`then` and `oneOf` summaries repeat the errors under them. */
function shown(error: ErrorObject): boolean {
  return error.keyword !== 'if' && error.keyword !== 'oneOf' && error.keyword !== 'not'
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', {timeZone: name})
    return name.includes('/') || name === 'UTC'
  } catch {
    return false
  }
}

function isDateTime(text: string): boolean {
  const [date, time] = text.split(' ') as [string, string]
  const parsed = new Date(`${date}T${time}Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === `${date}T${time}`
}
