/** A file that cannot be read as a firm list; the message is Chinese and shown to the user as it is. */
export class SheetReadError extends Error {
  override name = 'SheetReadError'
  constructor(
    message: string,
    readonly code:
      | 'UNSUPPORTED_FORMAT'
      | 'UNREADABLE_FILE'
      | 'EMPTY_SHEET'
      | 'AMBIGUOUS_COLUMNS'
      | 'NO_NAME_COLUMN'
      | 'TOO_MANY_ROWS'
      | 'FILE_TOO_LARGE',
  ) {
    super(message)
  }
}
