import type {Notation, ParamQuote, ParamValue, ShortcodeCall} from '../../src/hugo/index.js'

/** A parameter as the lexer tests compare it. */
export interface ParamShape {
  name?: string
  value: ParamValue
  quote: ParamQuote
}

/** A call as the lexer tests compare it: no positions of params, comments as their text. */
export interface CallShape {
  name: string
  notation: Notation
  params: ParamShape[]
  named?: boolean
  selfClosed: boolean
  takesBody: boolean
  closed: boolean
  start: number
  end: number
  innerStart?: number
  innerEnd?: number
  children: CallShape[]
  comments: string[]
}

/** The comparable shape of a lexed call and its nested calls. */
export function shape(call: ShortcodeCall): CallShape {
  const result: CallShape = {
    name: call.name,
    notation: call.notation,
    params: call.params.map((param) => {
      const item: ParamShape = {value: param.value, quote: param.quote}
      if (param.name !== undefined) item.name = param.name
      return item
    }),
    selfClosed: call.selfClosed,
    takesBody: call.takesBody,
    closed: call.closed,
    start: call.start,
    end: call.end,
    children: call.children.map((child) => shape(child)),
    comments: call.comments.map((comment) => comment.text)
  }
  if (call.named !== undefined) result.named = call.named
  if (call.innerStart !== undefined) result.innerStart = call.innerStart
  if (call.innerEnd !== undefined) result.innerEnd = call.innerEnd
  return result
}

