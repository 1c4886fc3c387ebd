import { findStatusDate } from "../../src/core/status-date";
import { resolveAsOf } from "../../src/core/engine";
import { defaultStandard } from "../../src/core/standard/load";
import { day, serial, sheet } from "../helpers/grids";

describe("the status date", () => {
  it("comes from a defined name first", () => {
    const wb = {
      sheets: [
        sheet("Cover", [
          ["x", "y"],
          ["", serial("2026-09-30")],
        ]),
      ],
      date1904: false,
      names: { Status_Date: "Cover!$B$2" },
    };
    expect(findStatusDate(wb, "dmy")).toEqual({ day: day("2026-09-30"), source: "name Status_Date" });
  });

  it("comes from a labelled cell, beside or below, as a serial or text", () => {
    expect(
      findStatusDate(
        { sheets: [sheet("S", [["Report"], ["As at:", "", "31/10/2026"]])], date1904: false },
        "dmy",
      ),
    ).toEqual({ day: day("2026-10-31"), source: "S!C2" });
    expect(
      findStatusDate(
        { sheets: [sheet("S", [["Reporting date"], [serial("2026-10-01") - 1462]])], date1904: true },
        "dmy",
      ),
    ).toEqual({ day: day("2026-10-01"), source: "S!A2" });
  });

  it("ignores our own sheets, and falls back to --as-of, then today", () => {
    const ours = { name: "PMO Rollup", rows: [["Status date", serial("2020-01-01")]], ownedRole: "rollup" };
    const wb = { sheets: [ours], date1904: false };
    expect(findStatusDate(wb, "dmy")).toBeNull();
    const std = defaultStandard();
    expect(resolveAsOf(wb, std, day("2026-01-02"), day("2026-11-30"))).toEqual({
      day: day("2026-01-02"),
      source: "--as-of",
    });
    expect(resolveAsOf(wb, std, undefined, day("2026-11-30"))).toEqual({
      day: day("2026-11-30"),
      source: "today",
    });
  });
});
