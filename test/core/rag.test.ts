import {
  costRag,
  deriveRags,
  governanceRag,
  overallRag,
  riskRag,
  scheduleRag,
} from "../../src/core/rollup/rag";
import type { ProjectMetrics } from "../../src/core/metrics/project-metrics";
import { defaultStandard } from "../../src/core/standard/load";
import { previousSnapshots, ragFromText, trendOf, type HistorySnapshot } from "../../src/core/rollup/history";

const standard = defaultStandard();
const t = standard.thresholds;

function metrics(over: Partial<ProjectMetrics> = {}): ProjectMetrics {
  return {
    bac: 100,
    ac: 50,
    ev: 50,
    pv: 50,
    sv: 0,
    cv: 0,
    spi: 1,
    cpi: 1,
    eac: 100,
    etc: 50,
    vac: 0,
    tcpi: 1,
    slipDays: 0,
    percentComplete: 50,
    plannedPercent: 50,
    slipPercent: 0,
    eacPercent: 100,
    daysSinceUpdate: 3,
    openRisks: 0,
    maxRiskScore: 0,
    riskExposure: 0,
    openIssues: {},
    overdueMilestones: 0,
    dataQuality: 100,
    closed: false,
    ...over,
  };
}

describe("schedule RAG at each threshold edge", () => {
  it.each([
    [0.95, 5, "green"],
    [0.9499, 5, "amber"],
    [0.95, 5.01, "amber"],
    [0.85, 10, "amber"],
    [0.8499, 0, "red"],
    [1.2, 10.01, "red"],
  ] as const)("SPI %s, slip %s %% -> %s", (spi, slipPercent, rag) => {
    expect(scheduleRag(metrics({ spi, slipPercent }), t)).toBe(rag);
  });

  it("judges on what it has, and is grey with nothing", () => {
    expect(scheduleRag(metrics({ spi: null, slipPercent: 3 }), t)).toBe("green");
    expect(scheduleRag(metrics({ spi: 0.9, slipPercent: null }), t)).toBe("amber");
    expect(scheduleRag(metrics({ spi: null, slipPercent: null }), t)).toBe("grey");
  });

  it("flags too-good-to-be-true when the standard sets a two-sided band", () => {
    const two = { ...t, schedule: { ...t.schedule, maxSpi: 1.1 } };
    expect(scheduleRag(metrics({ spi: 1.2 }), two)).toBe("amber");
    expect(scheduleRag(metrics({ spi: 1.1 }), two)).toBe("green");
  });
});

describe("cost RAG at each threshold edge", () => {
  it.each([
    [0.95, 105, "green"],
    [0.95, 105.5, "amber"],
    [0.85, 110, "amber"],
    [0.9, 110.01, "red"],
    [0.8499, 100, "red"],
  ] as const)("CPI %s, EAC %s %% of BAC -> %s", (cpi, eacPercent, rag) => {
    expect(costRag(metrics({ cpi, eacPercent }), t)).toBe(rag);
  });

  it("has a two-sided option", () => {
    const two = { ...t, cost: { ...t.cost, maxCpi: 1.1 } };
    expect(costRag(metrics({ cpi: 1.25, eacPercent: 80 }), two)).toBe("amber");
  });
});

describe("risk RAG", () => {
  it.each([
    [4, "green"],
    [5, "amber"],
    [14, "amber"],
    [15, "red"],
  ] as const)("highest open score %s -> %s", (maxRiskScore, rag) => {
    expect(riskRag(metrics({ maxRiskScore }), t)).toBe(rag);
  });

  it("is red with an open critical issue, grey without a risk register", () => {
    expect(riskRag(metrics({ maxRiskScore: 1, openIssues: { Critical: 1 } }), t)).toBe("red");
    expect(riskRag(metrics({ maxRiskScore: null }), t)).toBe("grey");
  });
});

describe("governance RAG", () => {
  it.each([
    [14, 0, "green"],
    [15, 0, "amber"],
    [30, 0, "amber"],
    [31, 0, "red"],
    [1, 1, "red"],
  ] as const)("%s days since update, %s errors -> %s", (daysSinceUpdate, errors, rag) => {
    expect(governanceRag(metrics({ daysSinceUpdate }), errors, t)).toBe(rag);
  });

  it("does not ask closed projects for updates, and is grey with no update date", () => {
    expect(governanceRag(metrics({ daysSinceUpdate: 400, closed: true }), 0, t)).toBe("green");
    expect(governanceRag(metrics({ daysSinceUpdate: null }), 0, t)).toBe("grey");
  });
});

describe("overall RAG", () => {
  it("is the worst of the dimensions judged", () => {
    expect(
      overallRag(
        { schedule: "green", cost: "amber", risk: "green", governance: "grey" },
        { method: "worst" },
      ),
    ).toBe("amber");
    expect(
      overallRag({ schedule: "green", cost: "green", risk: "red", governance: "green" }, { method: "worst" }),
    ).toBe("red");
  });

  it("is grey when neither schedule nor cost can be judged", () => {
    expect(
      overallRag({ schedule: "grey", cost: "grey", risk: "green", governance: "green" }, { method: "worst" }),
    ).toBe("grey");
  });

  it("can be weighted", () => {
    const weights = { schedule: 3, cost: 3, risk: 1, governance: 1 };
    expect(
      overallRag(
        { schedule: "green", cost: "green", risk: "red", governance: "red" },
        { method: "weighted", weights },
      ),
    ).toBe("amber");
    expect(
      overallRag(
        { schedule: "green", cost: "green", risk: "red", governance: "green" },
        { method: "weighted", weights },
      ),
    ).toBe("green");
  });

  it("derives all five together", () => {
    expect(deriveRags(metrics({ spi: 0.9 }), 0, standard)).toEqual({
      schedule: "amber",
      cost: "green",
      risk: "green",
      governance: "green",
      overall: "amber",
    });
  });
});

describe("trends from history", () => {
  const snap = (
    statusDate: number,
    refreshed: number,
    overall: "green" | "amber" | "red",
  ): HistorySnapshot => ({
    refreshed,
    statusDate,
    projectId: "P1",
    projectName: "",
    overall,
    schedule: overall,
    cost: overall,
    risk: overall,
    governance: overall,
    spi: null,
    cpi: null,
    baselineFinish: null,
    budget: null,
    ev: null,
    pv: null,
    ac: null,
    reported: null,
    workbookErrors: null,
  });

  it("compare with the latest snapshot of an earlier status date", () => {
    const prev = previousSnapshots(
      [snap(100, 1, "green"), snap(110, 2, "red"), snap(110, 3, "amber"), snap(120, 4, "green")],
      120,
    );
    expect(prev.get("p1")!.overall).toBe("amber");
    expect(trendOf("green", "amber")).toBe("better");
    expect(trendOf("red", "amber")).toBe("worse");
    expect(trendOf("amber", "amber")).toBe("same");
    expect(trendOf("amber", undefined)).toBe("new");
  });

  it("read RAG words with or without a symbol", () => {
    expect(ragFromText("● Green")).toBe("green");
    expect(ragFromText("▲ Amber")).toBe("amber");
    expect(ragFromText("Mauve")).toBeNull();
  });
});
