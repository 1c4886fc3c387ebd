import { csvGrid, decodeCsv, detectDelimiter, parseCsv, parseCsvText } from "../../src/core/csv";

const enc = (s: string) => new TextEncoder().encode(s);

describe("CSV input", () => {
  it("decodes UTF-8 with or without a BOM, and Windows-1252", () => {
    expect(decodeCsv(enc("\ufeffa,b\n"))).toEqual({ text: "a,b\n", encoding: "utf-8" });
    expect(decodeCsv(enc("£5,é\n"))).toEqual({ text: "£5,é\n", encoding: "utf-8" });
    expect(decodeCsv(new Uint8Array([0xa3, 0x35, 0x2c, 0xe9, 0x0a]))).toEqual({
      text: "£5,é\n",
      encoding: "windows-1252",
    });
  });

  it("detects comma, semicolon and tab", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("a;b;c\n1;2,5;3\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(detectDelimiter('name;note\nx;"a, b, c, d"\n')).toBe(";");
  });

  it("keeps quoted delimiters, doubled quotes and embedded newlines in one field", () => {
    expect(parseCsvText('id,text\n1,"say ""hi"", then\nleave"\n2,plain\r\n3,', ",")).toEqual([
      ["id", "text"],
      ["1", 'say "hi", then\nleave'],
      ["2", "plain"],
      ["3", ""],
    ]);
  });

  it("never merges, splits or drops a record", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `${i};"multi\nline ${i}";${i % 3 === 0 ? "" : "x"}`);
    const csv = parseCsv(enc(["id;text;flag", ...lines].join("\n")));
    expect(csv.records).toBe(501);
    expect(csv.rows.every((r) => r.length === 3)).toBe(true);
    expect(csvGrid("Projects", csv).rows[1]).toEqual(["0", "multi\nline 0", null]);
  });
});
