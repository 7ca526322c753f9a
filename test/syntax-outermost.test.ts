/**
 * `outermostNodes`: the outermost nodes passing a test, in the page and in
 * shortcode bodies, never inside a node found.
 */
import type {Emphasis, Paragraph, Root, RootContent, Strong, Text} from 'mdast'
import {describe, expect, it} from 'vitest'
import {outermostNodes} from '../src/syntax/outermost.js'

const text = (value: string): Text => ({type: 'text', value})
const isStrong = (node: RootContent): node is Strong => node.type === 'strong'

describe('outermostNodes', () => {
  it('should find the outermost matches in the page and in shortcode bodies, with their parents', () => {
    const inner: Strong = {type: 'strong', children: [text('inner')]}
    const outer: Strong = {type: 'strong', children: [text('outer'), inner]}
    const inBody: Strong = {type: 'strong', children: [text('in a body')]}
    const body: Root = {type: 'root', children: [{type: 'paragraph', children: [inBody]}]}
    const emphasis: Emphasis = {type: 'emphasis', children: [text('no match')]}
    const first: Paragraph = {type: 'paragraph', children: [outer, emphasis]}
    const shortcode = {type: 'textDirective', name: 'details', attributes: {}, children: [], data: {hugo: {body}}} as unknown as RootContent
    const second: Paragraph = {type: 'paragraph', children: [text('a '), shortcode as Paragraph['children'][number]]}
    const tree: Root = {type: 'root', children: [first, second]}

    const found = outermostNodes(tree, isStrong)
    // The walk takes later siblings' subtrees first.
    expect(found.map(({node}) => (node.children[0] as Text).value)).toEqual(['in a body', 'outer'])
    expect(found[0]!.parent).toBe(body.children[0])
    expect(found[1]!.parent).toBe(first)
    expect(found.some(({node}) => node === inner)).toBe(false)
  })

  it('should find nothing in a page without matches', () => {
    expect(outermostNodes({type: 'root', children: [{type: 'paragraph', children: [text('plain')]}]}, isStrong)).toEqual([])
  })
})
