/** The Excel host over the real Office.js globals: the one place outside tests that hands `Excel` to it. */
import { ExcelWorkbookHost } from "./excel-host";

export function createExcelHost(): ExcelWorkbookHost {
  return new ExcelWorkbookHost(Excel, (version) =>
    Office.context.requirements.isSetSupported("ExcelApi", version),
  );
}
