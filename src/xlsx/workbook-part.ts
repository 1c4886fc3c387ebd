/** xl/workbook.xml and its relationships: the sheets in order, their parts, the date system, defined names. */
import { WorkbookFileError } from "./errors";
import type { XlsxPackage } from "./package";
import { attributes, decodeXml, elements } from "./xml";

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly relId: string;
  /** Part path inside the package, e.g. "xl/worksheets/sheet1.xml"; null for a missing target. */
  readonly path: string | null;
  readonly kind: "worksheet" | "chartsheet" | "other";
  readonly state: "visible" | "hidden" | "veryHidden";
}

export interface DefinedName {
  readonly name: string;
  readonly ref: string;
  /** 0-based sheet index when the name is local to one sheet. */
  readonly localSheetId?: number;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly definedNames: readonly DefinedName[];
}

/** Resolve a relationship target against the folder of the part that owns it. */
export function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== ".") base.push(seg);
  }
  return base.join("/");
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function relsPathFor(partPath: string): string {
  const parts = partPath.split("/");
  const file = parts.pop()!;
  return [...parts, "_rels", `${file}.rels`].join("/");
}

export function readRelationships(pkg: XlsxPackage, partPath: string): Relationship[] {
  const xml = pkg.text(relsPathFor(partPath));
  if (!xml) return [];
  return elements(xml, "Relationship").map(({ attrs }) => ({
    id: attrs.Id ?? "",
    type: attrs.Type ?? "",
    target: attrs.Target ?? "",
    external: attrs.TargetMode === "External",
  }));
}

export function workbookPath(pkg: XlsxPackage): string {
  const rootRels = readRelationships(pkg, "");
  const office = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  return office ? resolveTarget("", office.target) : "xl/workbook.xml";
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const path = workbookPath(pkg);
  const xml = pkg.text(path);
  if (!xml) throw new WorkbookFileError("the workbook part is missing; the file is damaged");
  const rels = new Map(readRelationships(pkg, path).map((r) => [r.id, r]));
  const pr = elements(xml, "workbookPr")[0]?.attrs ?? {};
  const date1904 = pr.date1904 === "1" || pr.date1904 === "true";
  const sheets: SheetEntry[] = elements(xml, "sheet").map(({ attrs }) => {
    const rel = rels.get(attrs.id ?? "");
    const kind = !rel
      ? "other"
      : rel.type.endsWith("/worksheet")
        ? "worksheet"
        : rel.type.endsWith("/chartsheet")
          ? "chartsheet"
          : "other";
    return {
      name: attrs.name ?? "",
      sheetId: attrs.sheetId ?? "",
      relId: attrs.id ?? "",
      path: rel && !rel.external ? resolveTarget(path, rel.target) : null,
      kind,
      state: attrs.state === "hidden" ? "hidden" : attrs.state === "veryHidden" ? "veryHidden" : "visible",
    };
  });
  const definedNames: DefinedName[] = [];
  const re = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const attrs = attributes(m[1]);
    definedNames.push({
      name: attrs.name ?? "",
      ref: decodeXml(m[2]),
      ...(attrs.localSheetId !== undefined ? { localSheetId: Number(attrs.localSheetId) } : {}),
    });
  }
  return { sheets, date1904, definedNames };
}
