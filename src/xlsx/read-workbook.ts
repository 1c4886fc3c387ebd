/** An .xlsx file's bytes to the engine's WorkbookGrids (and the package, for writing back). */
import type { SheetGrid, WorkbookGrids } from "../core/grid";
import { ownedRoles } from "./ownership";
import { WorkbookFileError } from "./errors";
import type { ZipCodec } from "./codec";
import { XlsxPackage } from "./package";
import { folderOf } from "./part-names";
import { readSharedStrings } from "./shared-strings";
import { readSheetXml } from "./sheet-reader";
import { readCellFormats } from "./styles-part";
import { readWorkbookInfo, relatedPart, type WorkbookInfo } from "./workbook-part";

export interface ReadWorkbookResult {
  readonly grids: WorkbookGrids;
  readonly info: WorkbookInfo;
  readonly pkg: XlsxPackage;
}

export interface ReadWorkbookOptions {
  /** Read only the sheets this returns true for (others get an empty grid). */
  readonly sheetFilter?: (name: string) => boolean;
  /** Inflate and deflate with this (the Node host passes native zlib); fflate otherwise. */
  readonly codec?: ZipCodec;
}

export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions = {}): ReadWorkbookResult {
  const pkg = XlsxPackage.open(bytes, options.codec);
  const info = readWorkbookInfo(pkg);
  // Found through the workbook's relationships; beside the workbook when a writer forgot them.
  const beside = (file: string) => `${folderOf(info.path)}${file}`;
  const sharedStringsPath = relatedPart(pkg, info.path, "/sharedStrings") ?? beside("sharedStrings.xml");
  const stylesPath = relatedPart(pkg, info.path, "/styles") ?? beside("styles.xml");
  const sharedStrings = readSharedStrings(pkg.text(sharedStringsPath));
  const cellFormats = readCellFormats(pkg.text(stylesPath));
  const ctx = { sharedStrings, cellFormats, date1904: info.date1904 };
  const sheets: SheetGrid[] = [];
  const roles = ownedRoles(info);
  for (const [index, entry] of info.sheets.entries()) {
    if (entry.kind !== "worksheet" || !entry.path) continue;
    const wanted = options.sheetFilter ? options.sheetFilter(entry.name) : true;
    const bytesOfSheet = wanted ? pkg.partOnce(entry.path) : undefined;
    if (wanted && !bytesOfSheet)
      throw new WorkbookFileError(
        `the sheet '${entry.name}' is missing from the file (${entry.path}); the file is damaged`,
      );
    const read = bytesOfSheet ? readSheetXml(bytesOfSheet, ctx) : { rows: [], formats: [] };
    const role = roles.get(index);
    sheets.push({
      name: entry.name,
      rows: read.rows,
      formats: read.formats,
      hidden: entry.state !== "visible",
      ...(role ? { ownedRole: role } : {}),
    });
  }
  const names: Record<string, string> = {};
  for (const n of info.definedNames) if (n.localSheetId === undefined) names[n.name] = n.ref;
  return { grids: { sheets, date1904: info.date1904, names }, info, pkg };
}
