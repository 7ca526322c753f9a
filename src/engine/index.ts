/**
 * `slamark/engine`: the pure business-time engine. Plain JSON in and out;
 * nothing here reads the process time zone, the locale or the clock
 * (except `resolveAsOf` when asked to).
 */
export {evaluate, evaluationKinds, isEvaluationKind, type EvaluationKind, type EvaluationResult} from './evaluate.js'
export {computeReport, type CreditPeriod, type SlaReport, type TargetCompliance} from './report.js'
export {buildNotices, type Notice, type NoticeKind} from './notices.js'
export {resolveAsOf, type AsOf, type AsOfInputs, type AsOfSource} from './as-of.js'
export {EngineInputError} from './input.js'
export {evaluateTicket, type TicketClockOutput} from './ticket-clock.js'
export {evaluateTickets, type TicketCycleResult, type TicketReport} from './tickets.js'
export {evaluateDueAfter, type DueAfterResult} from './due-after.js'
export {evaluateTimeline, evaluateMilestones, type SlaTimeline, type TimelineResult} from './milestones.js'
export {evaluateUptime, evaluateAvailability, type AvailabilityReport, type UptimeResult} from './availability.js'
export {evaluateReport, type ReportResult} from './credits.js'
export {evaluateKpis, evaluateSlaKpis, type KpisResult, type SlaKpis} from './kpis.js'
