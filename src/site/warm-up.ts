/**
 * A render worker's warm-up: while it waits for the site's settings (the
 * main thread is still reading the site), it renders a small page of its
 * own through the whole pipeline (front matter, SLA validation, the engine,
 * shortcodes, a table, icons), so the code that V8 compiles on first use and
 * the caches a first page fills are ready when the site's pages come. A
 * rebuild's one changed page then renders in a fraction of the time. The
 * result is thrown away, and nothing it leaves behind is specific to it.
 */
import os from 'node:os'
import {createSitePageRenderer} from './page-render.js'

/** The warm-up page: an agreement of slamark's own making, touching what most SLA pages use. */
const warmUpPage = `---
title: Till support agreement
description: How quickly the till service answers and fixes problems at the bakery.
sla:
  schema: 1
  id: warm-up-till-support
  parties:
    provider: { name: Quayside Tills }
    client: { name: Harbour Bakery }
  effective: { from: 2026-01-01, to: 2026-12-31 }
  timeZone: Europe/Amsterdam
  calendars:
    shop:
      hours: { mon-fri: "08:00-18:00", sat: "09:00-13:00" }
      holidays:
        - { date: 2026-04-27, name: King's Day }
    always: 24x7
  priorities:
    P1: { label: Urgent, meaning: "No till takes payments" }
    P2: { label: Normal, meaning: "One till or the receipt printer fails" }
  targets:
    first-response:
      measure: first-response
      calendar: shop
      goals: { P1: 30m, P2: 4h }
      goalCalendars: { P1: always }
    resolution:
      measure: resolution
      calendar: shop
      goals: { P1: 4h, P2: 16h }
      pauseOn: client-caused
  tickets:
    - id: T-1
      priority: P1
      opened: 2026-03-02T08:10:00+01:00
      events:
        - { type: first-response, at: 2026-03-02T08:25:00+01:00 }
        - { type: resolved, at: 2026-03-02T13:40:00+01:00 }
    - id: T-2
      priority: P2
      opened: 2026-05-06T16:00:00+02:00
      events:
        - { type: first-response, at: 2026-05-07T09:00:00+02:00 }
        - { type: client-message, at: 2026-05-07T15:00:00+02:00 }
        - { type: resolved, at: 2026-05-11T11:00:00+02:00 }
      pauses:
        - { from: 2026-05-07T10:00:00+02:00, to: 2026-05-07T15:00:00+02:00, reason: data-dependency, note: "Waiting for the card terminal's serial number" }
---

The bakery's tills are looked after by Quayside Tills. A failed payment costs sales, so **urgent** calls are answered around the clock.

## Targets

| Priority | Example | Answer |
| --- | --- | --- |
| P1 | No till takes cards | {{< sla-value "targets.first-response.goals.P1" >}} |
| P2 | The printer jams | 4 shop hours |

{{< sla-targets >}}

{{< callout context="tip" title="Tip" icon="outline/rocket" >}}
Call the hotline when every till is down; e-mail is read in shop hours.
{{< /callout >}}

## Missed targets

{{< sla-breaches >}}

\`\`\`text
Hotline: 24 hours a day
\`\`\`

See [the targets](#targets) above.[^note]

[^note]: Holidays follow the calendar of the Netherlands.
`

/** Render the warm-up page once, for nothing but what it leaves compiled. */
export function warmUp(): void {
  const folder = os.tmpdir()
  try {
    const render = createSitePageRenderer({
      root: folder,
      site: undefined,
      contentDir: folder,
      markup: {},
      asOf: '2026-06-01T00:00:00Z',
      production: true,
      entries: [{contentPath: 'warm-up.md', permalink: '/warm-up/'}],
      cwd: folder
    })
    render('warm-up.md', warmUpPage)
  } catch {
    // A warm-up that fails leaves the first page to pay for what it would have readied.
  }
}

/** The warm-up page's text (for tests). */
export const warmUpSource: string = warmUpPage
