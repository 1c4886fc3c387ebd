import {
  dayFromSerial,
  dayFromYmd,
  formatDay,
  isoFromDay,
  serialFromDay,
  DATE_1904_OFFSET,
} from "../../src/core/dates";
import { a1, columnIndex, columnLetter, parseA1, parseSheetRef, quoteSheetName } from "../../src/core/a1";

describe("Excel serial dates", () => {
  it("reads the 1900 system, including the days before the phantom 29 Feb 1900", () => {
    expect(isoFromDay(dayFromSerial(1, false) as number)).toBe("1900-01-01");
    expect(isoFromDay(dayFromSerial(59, false) as number)).toBe("1900-02-28");
    expect(dayFromSerial(60, false)).toBe("phantom");
    expect(isoFromDay(dayFromSerial(61, false) as number)).toBe("1900-03-01");
    expect(isoFromDay(dayFromSerial(45566, false) as number)).toBe("2024-10-01");
    expect(isoFromDay(dayFromSerial(45566.75, false) as number)).toBe("2024-10-01");
  });

  it("reads the 1904 system", () => {
    expect(isoFromDay(dayFromSerial(0, true) as number)).toBe("1904-01-01");
    expect(isoFromDay(dayFromSerial(45566 - DATE_1904_OFFSET, true) as number)).toBe("2024-10-01");
  });

  it("refuses serials outside Excel's range", () => {
    expect(dayFromSerial(0, false)).toBeNull();
    expect(dayFromSerial(-5, false)).toBeNull();
    expect(dayFromSerial(2958466, false)).toBeNull();
    expect(dayFromSerial(Number.NaN, false)).toBeNull();
  });

  it("round-trips serials and day numbers", () => {
    for (const s of [1, 59, 61, 366, 45566, 2958465])
      expect(serialFromDay(dayFromSerial(s, false) as number)).toBe(s);
  });

  it("knows real days from impossible ones", () => {
    expect(dayFromYmd(2024, 2, 29)).not.toBeNull();
    expect(dayFromYmd(2023, 2, 29)).toBeNull();
    expect(dayFromYmd(2024, 13, 1)).toBeNull();
    expect(formatDay(dayFromYmd(2024, 9, 7)!)).toBe("7 Sep 2024");
  });
});

describe("A1 addresses", () => {
  it("converts columns both ways", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(16383)).toBe("XFD");
    expect(columnIndex("XFD")).toBe(16383);
    expect(a1(6, 1)).toBe("B7");
  });

  it("parses cell and sheet references", () => {
    expect(parseA1("$B$7")).toEqual({ row: 6, col: 1 });
    expect(parseA1("XFE1")).toBeNull();
    expect(parseSheetRef("'Read Me'!$B$3")).toEqual({ sheet: "Read Me", row: 2, col: 1 });
    expect(parseSheetRef("'It''s'!A1")).toEqual({ sheet: "It's", row: 0, col: 0 });
    expect(parseSheetRef("Summary!C2")).toEqual({ sheet: "Summary", row: 1, col: 2 });
    expect(quoteSheetName("Projects")).toBe("Projects");
    expect(quoteSheetName("PMO Rollup")).toBe("'PMO Rollup'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
});
