/** The one clear line a user gets when a file cannot be read or written as a workbook. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}
