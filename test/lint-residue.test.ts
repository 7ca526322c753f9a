import {describe, expect, it} from 'vitest'
import {isResidue} from '../src/rules/generated-text-residue.js'
import {contentWords, overlap} from '../src/rules/duplicate-block.js'

describe('generated-text-residue: the shape of a note to the requester', () => {
  const residue = [
    'This revised version takes in all of your comments.',
    'Let me know if you want further adjustments to the wording.',
    'Feel free to ask if the document needs more edits.',
    "Here's the updated SLA with the credits section rewritten.",
    'Here is the final polished draft.',
    'I hope this helps!',
    'Would you like me to add a section on penalties?',
    'Let me know if you would like me to shorten it.',
    "I've restructured the escalation table as you asked.",
    'Certainly! The page below covers every target.',
    'The agreement now reads well, with all the suggestions applied.',
    'This version includes every edit you asked for.'
  ]
  const prose = [
    "If you need more details about your targets, please don't hesitate to get in touch.",
    'Let us know within five business days if an invoice looks wrong.',
    'These methods ensure transparency and allow adjustments if needed.',
    'The SLA is a living document and is reviewed every quarter.',
    'Targets may be adjusted when delays are caused by the client.',
    'You can ask for a copy of the monthly report at any time.',
    'We are happy to help with questions about the portal.',
    'Here are the priorities and what each one means.'
  ]

  for (const sentence of residue) it(`should report: ${sentence}`, () => expect(isResidue(sentence)).toBe(true))
  for (const sentence of prose) it(`should leave alone: ${sentence}`, () => expect(isResidue(sentence)).toBe(false))
})

describe('duplicate-block: word sets', () => {
  it('should count words as their stems, without small words', () => {
    expect([...contentWords('The delays delayed the delay; pausing paused pauses.')]).toEqual(['delay', 'paus'])
    expect([...contentWords('Prüfung der Fristen, Fristen')]).toEqual(['prüfung', 'der', 'fristen'])
  })

  it('should measure shared words as Dice’s coefficient', () => {
    expect(overlap(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1)
    expect(overlap(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5)
    expect(overlap(new Set(), new Set(['a']))).toBe(0)
  })
})
