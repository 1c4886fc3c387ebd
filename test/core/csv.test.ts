import { csvGrid, decodeCsv, detectDelimiter, parseCsv, parseCsvText } from "../../src/core/csv";
import { csvSheetName } from "../../src/core/register/csv-register";
import { defaultStandard } from "../../src/core/standard/load";

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

describe("which register a CSV is", () => {
  const standard = defaultStandard();
  const grid = (rows: string[][]) =>
    csvGrid("CSV", { rows, delimiter: ",", encoding: "utf-8", records: rows.length });

  it("is the register its headers fit, the file's own name for a combined RAID export, else Projects", () => {
    const issues = grid([
      ["Issue key", "Summary", "Priority", "Status", "Assignee", "Created"],
      ["OPS-1", "Login fails", "High", "Open", "Ann", "2026-03-12"],
    ]);
    expect(csvSheetName("jira export", issues, standard)).toBe("Issues");
    const raid = grid([
      ["ID", "Type", "Project ID", "Description", "Likelihood", "Impact", "Owner", "Status"],
      ["R1", "Risk", "P1", "Supplier late", "High", "High", "Ann", "Open"],
      ["I1", "Issue", "P1", "Server down", "", "High", "Bo", "Open"],
    ]);
    // Characters Excel refuses in a sheet name are dropped, as for any sheet we name.
    expect(csvSheetName("raid: log/2026", raid, standard)).toBe("raid  log 2026");
    expect(
      csvSheetName(
        "notes",
        grid([
          ["Alpha", "Bravo"],
          ["1", "2"],
        ]),
        standard,
      ),
    ).toBe("Projects");
  });
});
