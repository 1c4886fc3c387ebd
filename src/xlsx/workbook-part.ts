/** xl/workbook.xml and its relationships: the sheets in order, their parts, the date system, defined names. */
import { WorkbookFileError } from "./errors";
import type { XlsxPackage } from "./package";
import { flavourOfNamespace, type OoxmlFlavour } from "./ooxml-flavour";
import { relsPathFor, resolveTarget } from "./part-names";
import { attributes, decodeXml, elements } from "./xml";

export { relsPathFor, resolveTarget };

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
  /** The workbook part's name (found through the package's root relationships). */
  readonly path: string;
  /** Strict Open XML (purl.oclc.org namespaces) or transitional. */
  readonly flavour: OoxmlFlavour;
  /** Whether the workbook's structure is protected (no sheet can be added or removed). */
  readonly structureLocked: boolean;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  readonly definedNames: readonly DefinedName[];
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
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
  return pkg.workbookPath;
}

/** The part a relationship of `ownerPath` of this type (any flavour) points at, if any. */
export function relatedPart(pkg: XlsxPackage, ownerPath: string, typeSuffix: string): string | undefined {
  const rel = readRelationships(pkg, ownerPath).find((r) => !r.external && r.type.endsWith(typeSuffix));
  if (!rel) return undefined;
  const path = resolveTarget(ownerPath, rel.target);
  return pkg.actualName(path) ?? path;
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
      path:
        rel && !rel.external
          ? (pkg.actualName(resolveTarget(path, rel.target)) ?? resolveTarget(path, rel.target))
          : null,
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
  const root = /<(?:([\w.-]+):)?workbook\b([^>]*)>/.exec(xml);
  const nsAttr = root ? (root[1] ? `xmlns:${root[1]}` : "xmlns") : "xmlns";
  const namespace = root ? new RegExp(`${nsAttr}\\s*=\\s*["']([^"']*)["']`).exec(root[2])?.[1] : undefined;
  const protection = elements(xml, "workbookProtection")[0]?.attrs ?? {};
  const structureLocked = protection.lockStructure === "1" || protection.lockStructure === "true";
  return { path, flavour: flavourOfNamespace(namespace), structureLocked, sheets, date1904, definedNames };
}
