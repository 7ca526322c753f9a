import type {ShortcodeRenderer} from '../types.js'
import {renderCallout} from './callout.js'
import {renderCard, renderCardGrid, renderLinkCard} from './cards.js'
import {renderDetails} from './details.js'
import {renderStep, renderSteps} from './steps.js'
import {renderTab, renderTabs} from './tabs.js'

/**
 * The Doks shortcodes slamark renders, by shortcode name: each reproduces
 * the markup of its doks-core 1.9 template (see the README's design notes
 * for where slamark's HTML differs on purpose).
 */
export const shortcodeRenderers: Readonly<Record<string, ShortcodeRenderer>> = Object.freeze({
  callout: renderCallout,
  card: renderCard,
  'card-grid': renderCardGrid,
  details: renderDetails,
  'link-card': renderLinkCard,
  step: renderStep,
  steps: renderSteps,
  tab: renderTab,
  tabs: renderTabs
})
