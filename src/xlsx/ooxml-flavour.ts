/**
 * The two flavours of Office Open XML a workbook can be saved in: transitional (what Excel
 * writes by default) and Strict ("Strict Open XML Spreadsheet": purl.oclc.org namespaces and
 * relationship types). A package must not mix them, so everything we add speaks its flavour.
 * Content types are the same in both.
 */
export interface OoxmlFlavour {
  readonly name: "transitional" | "strict";
  /** SpreadsheetML's main namespace. */
  readonly spreadsheetml: string;
  /** The namespace of r:id attributes. */
  readonly relationships: string;
  /** The prefix of relationship types: `${relationshipType}worksheet`. */
  readonly relationshipType: string;
}

export const TRANSITIONAL: OoxmlFlavour = {
  name: "transitional",
  spreadsheetml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relationshipType: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
};

export const STRICT: OoxmlFlavour = {
  name: "strict",
  spreadsheetml: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relationshipType: "http://purl.oclc.org/ooxml/officeDocument/relationships/",
};

/** The flavour of a SpreadsheetML part, from its root element's namespace. */
export function flavourOfNamespace(namespace: string | null | undefined): OoxmlFlavour {
  return namespace === STRICT.spreadsheetml ? STRICT : TRANSITIONAL;
}

export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;
