/**
 * Edits an existing .xlsx package and writes the new one: the one API every writer into a
 * user's workbook goes through (our rollup sheets, and anything else we add: charts, templates).
 *
 * - `xml(part)` gives a small XML part as a namespace-aware DOM to edit in place (workbook,
 *   styles...); it is serialized once, at `write()`.
 * - `addPart(name, contentType, data)` / `setPart` / `removePart` put or drop a part's bytes
 *   and keep [Content_Types].xml true (an Override only when no Default already says it).
 * - `addRelationship(owner, type, target)` relates two parts and returns the new r:id;
 *   `relationships(owner)` lists what a part already relates to.
 * - `freePartName(pattern)` finds a name no part has (part names compare ignoring case).
 *
 * Every part nobody changed is copied byte for byte, still compressed. Parts are written under
 * their part names (forward slashes), which is how Excel itself reads a zip that used backslashes.
 */
import { strToU8 } from "fflate";
import type { XlsxPackage } from "./package";
import { CONTENT_TYPE, CONTENT_TYPES_NS, PACKAGE_RELATIONSHIPS_NS } from "./ooxml-flavour";
import { relativeTarget, relsPathFor, resolveTarget } from "./part-names";
import {
  childElements,
  createLike,
  parseXmlPart,
  serializeXmlPart,
  type Document,
  type Element,
} from "./xml-dom";
import { partLength, writeZip, type DeflatedRuns, type PartBytes, type ZipPart } from "./zip";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface PackageRelationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name (resolved), or the raw target of an external relationship. */
  readonly target: string;
  readonly external: boolean;
}

/** Large parts are deflated fast (level 1: a few percent larger, several times quicker); small ones well. */
function levelFor(data: PartBytes): 1 | 6 {
  return partLength(data) > 1_000_000 ? 1 : 6;
}

export class PackageEditor {
  private readonly docs = new Map<string, Document>();
  private readonly data = new Map<string, PartBytes | DeflatedRuns>();
  private readonly removed = new Set<string>();
  /** Lower-cased names of every part there is or will be. */
  private readonly names: Set<string>;

  constructor(readonly pkg: XlsxPackage) {
    this.names = new Set(pkg.parts.map((p) => p.name.toLowerCase()));
  }

  /** The package's spelling of a part name, if the part exists (or was added). */
  private key(name: string): string {
    return this.pkg.actualName(name) ?? name;
  }

  has(name: string): boolean {
    const key = this.key(name);
    return !this.removed.has(key) && (this.names.has(key.toLowerCase()) || this.docs.has(key));
  }

  /** A small XML part as a DOM to edit in place; `create` makes it when the part is absent. */
  xml(name: string, create?: () => string): Document {
    const key = this.key(name);
    let doc = this.docs.get(key);
    if (doc) return doc;
    const pending = this.data.get(key);
    const text = this.removed.has(key)
      ? undefined
      : pending && ArrayBuffer.isView(pending) && pending.length > 0
        ? new TextDecoder().decode(pending)
        : this.pkg.text(key);
    if (text === undefined && !create) throw new Error(`no part ${name} to edit`);
    doc = parseXmlPart(text ?? create!(), key);
    this.docs.set(key, doc);
    this.data.delete(key);
    this.names.add(key.toLowerCase());
    this.removed.delete(key);
    return doc;
  }

  /** Replace (or add) a part's bytes; its content type must already be known (see addPart). */
  setPart(name: string, bytes: PartBytes | DeflatedRuns): void {
    const key = this.key(name);
    this.docs.delete(key);
    this.data.set(key, bytes);
    this.names.add(key.toLowerCase());
    this.removed.delete(key);
  }

  /** Add (or replace) a part with its content type. */
  addPart(name: string, contentType: string, bytes: PartBytes | DeflatedRuns | Document): void {
    if ("documentElement" in bytes) {
      this.docs.set(name, bytes);
      this.names.add(name.toLowerCase());
    } else this.setPart(name, bytes);
    this.setContentType(name, contentType);
  }

  /** Drop a part, its content-type Override and its own relationships part. */
  removePart(name: string): void {
    if (!this.has(name)) return;
    const key = this.key(name);
    this.removed.add(key);
    this.docs.delete(key);
    this.data.delete(key);
    this.names.delete(key.toLowerCase());
    // Its Override goes at write(), unless the part is added again: then it keeps its place, so a
    // refresh that replaces our parts writes the same [Content_Types].xml.
    const rels = relsPathFor(key);
    if (rels !== key && this.has(rels)) this.removePart(rels);
  }

  /** The first name `pattern(1)`, `pattern(2)`... that no part has. */
  freePartName(pattern: (n: number) => string): string {
    let n = 1;
    while (this.names.has(pattern(n).toLowerCase())) n++;
    return pattern(n);
  }

  private contentTypes(): Element {
    return this.xml(
      "[Content_Types].xml",
      () => `${XML_DECLARATION}<Types xmlns="${CONTENT_TYPES_NS}"></Types>`,
    ).documentElement!;
  }

  /** The content type the package gives a part (its Override, else its extension's Default). */
  contentTypeOf(name: string): string | undefined {
    const types = this.contentTypes();
    const override = childElements(types, "Override").find(
      (o) => partOfOverride(o).toLowerCase() === name.toLowerCase(),
    );
    if (override) return override.getAttribute("ContentType") ?? undefined;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    return (
      childElements(types, "Default")
        .find((d) => d.getAttribute("Extension")?.toLowerCase() === ext)
        ?.getAttribute("ContentType") ?? undefined
    );
  }

  /** Give a part its content type: an Override unless its extension's Default already says so. */
  setContentType(name: string, contentType: string): void {
    if (this.contentTypeOf(name) === contentType) return;
    const types = this.contentTypes();
    const existing = childElements(types, "Override").find(
      (o) => partOfOverride(o).toLowerCase() === name.toLowerCase(),
    );
    if (existing) existing.setAttribute("ContentType", contentType);
    else types.appendChild(createLike(types, "Override", { PartName: `/${name}`, ContentType: contentType }));
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(owner: string): PackageRelationship[] {
    const path = relsPathFor(owner);
    if (!this.has(path)) return [];
    return childElements(this.xml(path).documentElement!, "Relationship").map((r) => {
      const external = r.getAttribute("TargetMode") === "External";
      const target = r.getAttribute("Target") ?? "";
      return {
        id: r.getAttribute("Id") ?? "",
        type: r.getAttribute("Type") ?? "",
        target: external ? target : this.key(resolveTarget(owner, target)),
        external,
      };
    });
  }

  /** Relate `owner` ("" for the package) to the part `target`; returns the new relationship's Id. */
  addRelationship(owner: string, type: string, target: string): string {
    const path = relsPathFor(owner);
    if (!this.has(path)) this.setContentTypeDefault("rels", CONTENT_TYPE.relationships);
    const root = this.xml(
      path,
      () => `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"></Relationships>`,
    ).documentElement!;
    const used = new Set(childElements(root, "Relationship").map((r) => r.getAttribute("Id")));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    root.appendChild(
      createLike(root, "Relationship", { Id: id, Type: type, Target: relativeTarget(owner, target) }),
    );
    return id;
  }

  private setContentTypeDefault(extension: string, contentType: string): void {
    const types = this.contentTypes();
    if (childElements(types, "Default").some((d) => d.getAttribute("Extension")?.toLowerCase() === extension))
      return;
    const def = createLike(types, "Default", { Extension: extension, ContentType: contentType });
    types.insertBefore(def, types.firstChild);
  }

  /** The new package: changed parts where they were, new ones after, every other part as stored. */
  write(): Uint8Array {
    if (this.removed.size > 0) {
      const types = this.contentTypes();
      for (const o of childElements(types, "Override"))
        if (this.removed.has(this.key(partOfOverride(o))) && !this.has(partOfOverride(o)))
          types.removeChild(o);
    }
    const changed = new Map<string, PartBytes | DeflatedRuns>(this.data);
    for (const [name, doc] of this.docs) changed.set(name, strToU8(withDeclaration(serializeXmlPart(doc))));
    const files: ZipPart[] = [];
    const written = new Set<string>();
    const part = (name: string, data: PartBytes | DeflatedRuns): ZipPart =>
      "runs" in data ? { name, deflated: data } : { name, data, level: levelFor(data) };
    for (const { name } of this.pkg.parts) {
      if (this.removed.has(name) || written.has(name.toLowerCase())) continue;
      written.add(name.toLowerCase());
      const data = changed.get(name);
      changed.delete(name);
      if (data) {
        files.push(part(name, data));
        continue;
      }
      const stored = this.pkg.stored(name);
      if (stored) files.push({ name, stored });
      else {
        const inflated = this.pkg.partOnce(name);
        if (inflated) files.push({ name, data: inflated, level: levelFor(inflated) });
      }
    }
    for (const [name, data] of changed) if (!written.has(name.toLowerCase())) files.push(part(name, data));
    return writeZip(files, this.pkg.codec);
  }
}

function partOfOverride(o: Element): string {
  return (o.getAttribute("PartName") ?? "").replace(/^\/+/, "");
}

/** The serializer keeps a declaration that was there; a part we created gets the usual one. */
function withDeclaration(xml: string): string {
  return xml.startsWith("<?xml") ? xml : XML_DECLARATION + xml;
}
