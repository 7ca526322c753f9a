/**
 * One pass over a document's block structure before it renders: its
 * footnote definitions, heading plans, `{…}` attribute lines and definition
 * lists. Visits block containers only, never shortcode bodies (each is a
 * document of its own) and never phrasing content.
 */
import type {Definition, FootnoteDefinition, Heading, Paragraph, Root, RootContent} from 'mdast'
import {planHeading, planParagraphAttributes, planTableAttributes, type AttributePlan, type HeadingPlan} from './attributes.js'
import type {Frame} from './block-lines.js'
import {planDefinitionLists, type DefinitionList} from './definition-lists.js'

/** What rendering one document needs to know beforehand. */
export interface DocumentPlan extends AttributePlan {
  /** Footnote definitions of this document by upper-cased identifier (the first wins). */
  footnotes: Map<string, FootnoteDefinition>
  /** Link definitions of this document (not of the page or other bodies), likewise. */
  definitions: Map<string, Definition>
  headings: Map<Heading, HeadingPlan>
  /** Definition lists by their first paragraph; the others render nothing. */
  definitionLists: Map<Paragraph, DefinitionList | null>
}

/** Which Goldmark syntaxes the plan reads. */
export interface PlanSettings {
  attributeTitle: boolean
  attributeBlock: boolean
  definitionList: boolean
}

/**
 * Plan a document.
 *
 * @param root
 *   The document.
 * @param source
 *   The text its positions point into, when known.
 * @param settings
 *   Which syntaxes are on.
 */
export function planDocument(root: Root, source: string | undefined, settings: PlanSettings): DocumentPlan {
  const plan: DocumentPlan = {
    footnotes: new Map(),
    definitions: new Map(),
    headings: new Map(),
    blockAttributes: new Map(),
    paragraphs: new Map(),
    tableRows: new Map(),
    definitionLists: new Map()
  }
  const stack: Frame[] = [{node: root, ancestors: [], parents: []}]

  while (stack.length > 0) {
    const frame = stack.pop()!
    const children = frame.node.children as RootContent[]
    if (settings.definitionList && source !== undefined) planDefinitionLists(children, source, frame, plan.definitionLists)

    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      switch (child.type) {
        case 'footnoteDefinition': {
          const id = String(child.identifier).toUpperCase()
          if (!plan.footnotes.has(id)) plan.footnotes.set(id, child)
          stack.push(enter(frame, child))
          break
        }

        case 'definition': {
          const id = String(child.identifier).toUpperCase()
          if (!plan.definitions.has(id)) plan.definitions.set(id, child)
          break
        }

        case 'blockquote':
        case 'listItem': {
          stack.push(enter(frame, child))
          break
        }

        case 'list': {
          stack.push({node: child, ancestors: frame.ancestors, parents: frame.parents})
          break
        }

        case 'heading': {
          if (source !== undefined) plan.headings.set(child, planHeading(child, source, frame, settings.attributeTitle))
          break
        }

        case 'paragraph': {
          if (settings.attributeBlock && source !== undefined && !plan.definitionLists.has(child)) {
            planParagraphAttributes(child, children, index, source, frame, plan)
          }

          break
        }

        case 'table': {
          if (settings.attributeBlock && source !== undefined) planTableAttributes(child, source, plan)
          break
        }

        default:
      }
    }
  }

  return plan
}

function enter(frame: Frame, child: Frame['ancestors'][number]): Frame {
  return {node: child, ancestors: [...frame.ancestors, child], parents: [...frame.parents, frame.node]}
}
