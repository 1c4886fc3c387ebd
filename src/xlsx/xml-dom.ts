/**
 * Namespace-aware editing of the package's small XML parts (workbook, styles, relationships,
 * content types) on @xmldom/xmldom, which runs in Node and in the task pane alike. Elements are
 * found by namespace and local name whatever prefix the producer chose, new ones take their
 * parent's namespace and prefix, and the serializer declares any namespace not in scope, so a
 * prefix is never left undeclared. The big sheet parts never come here (sheet-writer.ts).
 */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { WorkbookFileError } from "./errors";

export type { Document, Element };

const XMLNS = "http://www.w3.org/2000/xmlns/";

/** Parse a part; a part that is not XML is a damaged file, said with its name. */
export function parseXmlPart(text: string, partName: string): Document {
  let problem: string | undefined;
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") problem ??= message;
      },
    }).parseFromString(text, "application/xml");
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  if (!doc?.documentElement || problem !== undefined)
    throw new WorkbookFileError(
      `the file's part ${partName} is not well-formed XML${problem ? ` (${problem.split("\n")[0]})` : ""}; the file is damaged`,
    );
  return doc;
}

export function serializeXmlPart(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The element children of `parent` with this local name in `parent`'s own namespace. */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (localName !== undefined && (el.localName !== localName || el.namespaceURI !== parent.namespaceURI))
      continue;
    out.push(el);
  }
  return out;
}

export function firstChild(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** A new element in `parent`'s namespace, written with `parent`'s prefix. */
export function createLike(parent: Element, localName: string, attrs: Record<string, string> = {}): Element {
  const doc = parent.ownerDocument!;
  const el = doc.createElementNS(
    parent.namespaceURI,
    parent.prefix ? `${parent.prefix}:${localName}` : localName,
  );
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

/**
 * Insert `child` into `parent` where the schema's sequence (`order`, local names in `parent`'s
 * namespace) puts it: after the last child that comes before it or with it, else before the
 * first that comes after it. Children outside `order` (another namespace's, mc:AlternateContent)
 * stay where they are next to their neighbours.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): Element {
  const rank = order.indexOf(child.localName!);
  const rankOf = (e: Element) => (e.namespaceURI === parent.namespaceURI ? order.indexOf(e.localName!) : -1);
  const children = childElements(parent);
  const before = children.filter((e) => rankOf(e) >= 0 && rankOf(e) <= rank).pop();
  if (before) parent.insertBefore(child, before.nextSibling);
  else {
    const after = children.find((e) => rankOf(e) > rank);
    if (after) parent.insertBefore(child, after);
    else parent.appendChild(child);
  }
  return child;
}

/** The child named `localName`, created in its schema position when absent. */
export function ensureChild(parent: Element, localName: string, order: readonly string[]): Element {
  return firstChild(parent, localName) ?? insertInOrder(parent, createLike(parent, localName), order);
}

/**
 * The prefix bound to `namespace` at `el`, declaring one on the document's root when none is
 * (`preferred`, or a variant of it when that prefix already means something else).
 */
export function prefixFor(el: Element, namespace: string, preferred: string): string {
  const existing = el.lookupPrefix(namespace);
  if (existing) return existing;
  const root = el.ownerDocument!.documentElement!;
  let prefix = preferred;
  for (let i = 1; root.lookupNamespaceURI(prefix) !== null || el.lookupNamespaceURI(prefix) !== null; i++)
    prefix = `${preferred}${i}`;
  root.setAttributeNS(XMLNS, `xmlns:${prefix}`, namespace);
  return prefix;
}
