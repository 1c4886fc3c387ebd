/**
 * The .xlsx package (an OOXML zip): recognised and refused with one clear line when it is
 * something else, guarded against zip bombs, and inflated part by part only when needed.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";
import { WorkbookFileError } from "./errors";
import { FFLATE_CODEC, type ZipCodec } from "./codec";
import { partNameOf, resolveTarget } from "./part-names";
import { elements } from "./xml";
import { readStoredEntries, type StoredEntry } from "./zip";

/** Limits that stop a hostile file from exhausting memory (see docs/RELIABILITY.md). */
export const PACKAGE_LIMITS = {
  /** Largest single part, uncompressed. */
  maxPartBytes: 1.5 * 1024 ** 3,
  /** Largest sum of all parts, uncompressed. */
  maxTotalBytes: 3 * 1024 ** 3,
  /** Parts that inflate more than this many times their size are bombs, once over 100 MB. */
  maxRatio: 1000,
};

const OFFICE_DOCUMENT = /\/officeDocument$/;

function findWorkbookPath(pkg: XlsxPackage): string {
  const rels = pkg.text("_rels/.rels");
  if (rels) {
    for (const { attrs } of elements(rels, "Relationship")) {
      if (attrs.TargetMode === "External" || !OFFICE_DOCUMENT.test(attrs.Type ?? "")) continue;
      const target = resolveTarget("", attrs.Target ?? "");
      if (target) return pkg.actualName(target) ?? target;
    }
  }
  return "xl/workbook.xml";
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 9) return false;
  }
  return true;
}

export interface PartInfo {
  /** The part name as Open Packaging means it: forward slashes, no leading slash. */
  readonly name: string;
  /** The zip entry's own name (some writers use backslashes; Excel reads them all the same). */
  readonly entryName: string;
  readonly size: number;
  readonly compressedSize: number;
}

export class XlsxPackage {
  private readonly cache = new Map<string, Uint8Array>();
  private readonly byLowerName: Map<string, PartInfo>;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly parts: readonly PartInfo[],
    /** How this package's parts are inflated, and the rewritten package deflated. */
    readonly codec: ZipCodec,
  ) {
    this.byLowerName = new Map(parts.map((p) => [p.name.toLowerCase(), p]));
  }

  /** Open and recognise a package; throws WorkbookFileError with what the file is instead. */
  static open(bytes: Uint8Array, codec: ZipCodec = FFLATE_CODEC): XlsxPackage {
    if (bytes.length === 0) throw new WorkbookFileError("the file is empty; it is not a workbook");
    if (startsWith(bytes, OLE2))
      throw new WorkbookFileError(
        "the file is password-protected (encrypted) or an old .xls workbook; open it in Excel and save it as an .xlsx workbook without a password",
      );
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
      throw new WorkbookFileError(
        looksLikeText(bytes)
          ? "the file is text (CSV or similar), not an .xlsx workbook; save it from Excel as .xlsx"
          : "the file is not an .xlsx workbook (it is not a zip package); save it from Excel as .xlsx",
      );
    }
    const parts: PartInfo[] = [];
    try {
      unzipSync(bytes, {
        filter(file: UnzipFileInfo) {
          parts.push({
            name: partNameOf(file.name),
            entryName: file.name,
            size: file.originalSize,
            compressedSize: file.size,
          });
          return false;
        },
      });
    } catch {
      throw new WorkbookFileError(
        "the file is damaged or incomplete (its zip structure cannot be read); save it again from Excel",
      );
    }
    const pkg = new XlsxPackage(bytes, parts, codec);
    pkg.checkLimits();
    pkg.checkIsSpreadsheet();
    return pkg;
  }

  private checkLimits(): void {
    let total = 0;
    for (const part of this.parts) {
      total += part.size;
      const ratio = part.size / Math.max(1, part.compressedSize);
      if (
        part.size > PACKAGE_LIMITS.maxPartBytes ||
        (part.size > 100 * 1024 ** 2 && ratio > PACKAGE_LIMITS.maxRatio)
      )
        throw new WorkbookFileError(
          `the file's part ${part.name} would inflate to ${Math.round(part.size / 1024 ** 2)} MB, beyond what a real register needs (a zip bomb?); refusing to read it`,
        );
    }
    if (total > PACKAGE_LIMITS.maxTotalBytes)
      throw new WorkbookFileError(
        `the file would inflate to ${Math.round(total / 1024 ** 2)} MB, beyond the ${PACKAGE_LIMITS.maxTotalBytes / 1024 ** 3} GB limit; refusing to read it`,
      );
  }

  /**
   * The workbook part, found as Open Packaging says: the root relationship of type
   * officeDocument (transitional or Strict), wherever it points; xl/workbook.xml when the
   * package has no root relationships.
   */
  get workbookPath(): string {
    if (this.workbookPathCache === undefined) this.workbookPathCache = findWorkbookPath(this);
    return this.workbookPathCache;
  }
  private workbookPathCache: string | undefined;

  private checkIsSpreadsheet(): void {
    if (this.has(this.workbookPath)) return;
    if (this.has("xl/workbook.bin"))
      throw new WorkbookFileError("the file is a binary .xlsb workbook; save it from Excel as .xlsx");
    if (this.has("word/document.xml"))
      throw new WorkbookFileError("the file is a Word document, not an Excel workbook");
    if (this.has("ppt/presentation.xml"))
      throw new WorkbookFileError("the file is a PowerPoint presentation, not an Excel workbook");
    if (this.has("content.xml") && this.has("mimetype"))
      throw new WorkbookFileError("the file is an OpenDocument spreadsheet (.ods); save it as .xlsx");
    throw new WorkbookFileError(
      "the file is a zip archive but not an Excel workbook (it has no workbook part)",
    );
  }

  has(name: string): boolean {
    return this.byLowerName.has(name.toLowerCase());
  }

  /** The package's own spelling of a part name (part names compare ignoring case). */
  actualName(name: string): string | undefined {
    return this.byLowerName.get(name.toLowerCase())?.name;
  }

  /** The part's bytes, inflated on first use; undefined when absent. */
  part(name: string): Uint8Array | undefined {
    const info = this.byLowerName.get(name.toLowerCase());
    if (!info) return undefined;
    const cached = this.cache.get(info.name);
    if (cached) return cached;
    let data: Uint8Array | undefined;
    try {
      const stored = this.stored(info.name);
      if (stored?.method === 0) data = stored.data.slice();
      else if (stored) data = this.codec.inflateRaw(stored.data, stored.size);
      else data = unzipSync(this.bytes, { filter: (f) => f.name === info.entryName })[info.entryName];
    } catch {
      throw new WorkbookFileError(
        `the file is damaged: its part ${info.name} cannot be inflated; save it again from Excel`,
      );
    }
    if (!data) return undefined;
    this.cache.set(info.name, data);
    return data;
  }

  /** Inflate a part without keeping it (large sheets are read once). */
  partOnce(name: string): Uint8Array | undefined {
    const data = this.part(name);
    const info = this.byLowerName.get(name.toLowerCase());
    if (info) this.cache.delete(info.name);
    return data;
  }

  private storedEntries: Map<string, StoredEntry> | null | undefined;

  /** The part as stored (still compressed), to copy unchanged; undefined when it cannot be copied so. */
  stored(name: string): StoredEntry | undefined {
    if (this.storedEntries === undefined) this.storedEntries = readStoredEntries(this.bytes);
    const info = this.byLowerName.get(name.toLowerCase());
    return info ? this.storedEntries?.get(info.entryName) : undefined;
  }

  text(name: string): string | undefined {
    const data = this.part(name);
    return data ? new TextDecoder("utf-8").decode(data) : undefined;
  }
}
