/**
 * Parameter metadata, shared by cmdlets (src/shell) and provider dynamic parameters
 * (src/provider). Binding, Get-Help, Get-Command -Syntax and tab completion all read it, so a
 * parameter is described once.
 */
export type ParameterType =
  | 'string'
  | 'string[]'
  | 'int'
  | 'long'
  | 'double'
  | 'bool'
  | 'switch'
  | 'object'
  | 'object[]'
  | 'scriptblock'
  | 'hashtable'
  | 'datetime';

export interface ParameterDefinition {
  /** Canonical name without the dash, PascalCase: `Path`, `ItemType`, `DeviceType`. */
  name: string;
  type: ParameterType;
  /** Zero-based position for positional binding; absent = named only. */
  position?: number;
  mandatory?: boolean;
  aliases?: readonly string[];
  valueFromPipeline?: boolean;
  valueFromPipelineByPropertyName?: boolean;
  /** Takes every remaining positional argument (Join-Path -AdditionalChildPath, $args). */
  valueFromRemainingArguments?: boolean;
  /** A closed set of values (ValidateSet), matched case-insensitively; completion offers them. */
  values?: readonly string[];
  /**
   * Values tab completion offers without restricting what binds (New-Item -ItemType: the
   * provider's item types, while prefixes and generic types still bind).
   */
  suggestions?: readonly string[];
  /** Parameter sets this parameter belongs to; absent = all sets. */
  parameterSets?: readonly string[];
  /** Whether the value may contain wildcards (shown in help). */
  acceptsWildcards?: boolean;
  /** One-line help text. */
  help?: string;
  /**
   * A switch that makes the change riskier when set: the cmdlet's ConfirmImpact rises to this
   * for the call (Remove-Item -Permanent of Jottacloud: High, so the interactive shell asks).
   */
  confirmImpact?: 'Low' | 'Medium' | 'High';
}
