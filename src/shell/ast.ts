/**
 * The syntax tree the parser produces and the evaluator walks. Every node keeps its extent
 * (offsets into the source) so errors can point at the text that failed.
 */
export interface Extent {
  start: number;
  end: number;
}

export type Statement =
  | ChainNode
  | PipelineNode
  | AssignmentNode
  | IfNode
  | ForeachNode
  | ForNode
  | WhileNode
  | DoNode
  | SwitchNode
  | FunctionNode
  | FlowNode
  | TryNode;

/** `a && b`, `a || b`: the right side runs depending on whether the left succeeded. */
export interface ChainNode {
  type: 'Chain';
  left: Statement;
  operator: '&&' | '||';
  right: Statement;
  extent: Extent;
}

export interface PipelineNode {
  type: 'Pipeline';
  elements: (CommandNode | ExpressionElement)[];
  extent: Extent;
}

export interface ExpressionElement {
  type: 'ExpressionElement';
  expression: Expression;
  redirections: Redirection[];
  extent: Extent;
}

export interface Redirection {
  /** `1`, `2`, `*` … the stream redirected. */
  from: string;
  /** `&1` to merge into output, otherwise the target: `$null` or a file path expression. */
  to: '&1' | Expression;
  /** `>>`: append to the file instead of replacing it. */
  append?: boolean;
}

export interface CommandNode {
  type: 'Command';
  /** A bare name, or an expression after `&` / `.` (script block, variable, string). */
  name: string | Expression;
  invocation: '&' | '.' | null;
  args: CommandArgument[];
  redirections: Redirection[];
  extent: Extent;
}

export type CommandArgument =
  | { kind: 'parameter'; name: string; value?: Expression; text: string; extent: Extent }
  | { kind: 'argument'; value: Expression; extent: Extent }
  | { kind: 'splat'; name: string; extent: Extent };

export interface AssignmentNode {
  type: 'Assignment';
  target: Expression;
  operator: string;
  value: Statement;
  extent: Extent;
}

export interface IfNode {
  type: 'If';
  clauses: { condition: PipelineNode | AssignmentNode; body: Statement[] }[];
  elseBody?: Statement[];
  extent: Extent;
}

export interface ForeachNode {
  type: 'Foreach';
  variable: string;
  iterable: Statement;
  body: Statement[];
  label?: string;
  extent: Extent;
}

export interface ForNode {
  type: 'For';
  init?: Statement;
  condition?: Statement;
  iterator?: Statement;
  body: Statement[];
  label?: string;
  extent: Extent;
}

export interface WhileNode {
  type: 'While';
  condition: Statement;
  body: Statement[];
  label?: string;
  extent: Extent;
}

export interface DoNode {
  type: 'Do';
  body: Statement[];
  condition: Statement;
  until: boolean;
  label?: string;
  extent: Extent;
}

export interface SwitchNode {
  type: 'Switch';
  value: Statement;
  wildcard: boolean;
  regex: boolean;
  caseSensitive: boolean;
  exact: boolean;
  clauses: { pattern: Expression | 'default'; body: Statement[] }[];
  label?: string;
  extent: Extent;
}

export interface ParameterDeclaration {
  name: string;
  typeName?: string;
  defaultValue?: Expression;
  mandatory: boolean;
  position?: number;
  valueFromPipeline: boolean;
  valueFromPipelineByPropertyName: boolean;
  validateSet?: string[];
  aliases: string[];
  helpMessage?: string;
}

export interface ScriptBlockBody {
  params: ParameterDeclaration[];
  cmdletBinding: boolean;
  begin?: Statement[];
  process?: Statement[];
  end?: Statement[];
  /** The source text between the braces (what `$sb.ToString()` returns). */
  text: string;
}

export interface FunctionNode {
  type: 'Function';
  name: string;
  body: ScriptBlockBody;
  filter: boolean;
  extent: Extent;
}

export interface FlowNode {
  type: 'Return' | 'Break' | 'Continue' | 'Throw' | 'Exit';
  value?: Statement;
  label?: string;
  extent: Extent;
}

export interface TryNode {
  type: 'Try';
  body: Statement[];
  catches: { types: string[]; body: Statement[] }[];
  finallyBody?: Statement[];
  extent: Extent;
}

export type Expression =
  | { type: 'Constant'; value: unknown; extent: Extent }
  | { type: 'Expandable'; parts: (string | Expression)[]; extent: Extent }
  | { type: 'Variable'; name: string; scope?: string; extent: Extent }
  | { type: 'ArrayLiteral'; items: Expression[]; extent: Extent }
  | { type: 'SubExpression'; statements: Statement[]; array: boolean; extent: Extent }
  | { type: 'Paren'; statement: Statement; extent: Extent }
  | {
      type: 'Hashtable';
      entries: { key: Expression; value: Statement }[];
      extent: Extent;
    }
  | { type: 'ScriptBlock'; body: ScriptBlockBody; extent: Extent }
  | { type: 'Binary'; operator: string; left: Expression; right: Expression; extent: Extent }
  | {
      type: 'Ternary';
      condition: Expression;
      ifTrue: Expression;
      ifFalse: Expression;
      extent: Extent;
    }
  | { type: 'Unary'; operator: string; operand: Expression; postfix?: boolean; extent: Extent }
  | { type: 'Cast'; typeName: string; operand: Expression; extent: Extent }
  | { type: 'TypeLiteral'; typeName: string; extent: Extent }
  | {
      type: 'Member';
      target: Expression;
      member: Expression;
      isStatic: boolean;
      extent: Extent;
    }
  | {
      type: 'Invoke';
      target: Expression;
      member: Expression;
      args: Expression[];
      isStatic: boolean;
      extent: Extent;
    }
  | { type: 'Index'; target: Expression; index: Expression; extent: Extent };

export type ExpressionOf<T extends Expression['type']> = Extract<Expression, { type: T }>;
