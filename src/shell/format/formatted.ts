/** What Format-Table / Format-List emit: finished text that Out-Default prints as is. */
export class FormattedText {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}
