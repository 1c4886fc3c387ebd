/**
 * Synthetic registers for the benchmark: N projects and N/3 risks with realistic values and about
 * 1 % problems (a text budget, a stage typo, a duplicate ID, 140 % complete, a blank manager, a
 * finish before its start), built straight into grids so that a million rows take seconds.
 */
import { dayFromYmd, serialFromDay } from "../core/dates";
import type { CellValue, SheetGrid, WorkbookGrids } from "../core/grid";
import { PROJECT_HEADERS } from "./project-headers";
import { Random } from "./random";

/** Every header but Reported RAG: a synthetic rating would only make noise. */
export const PROJECT_COLUMNS: string[] = PROJECT_HEADERS.filter((h) => h !== "Reported RAG");
export const RISK_COLUMNS = [
  "Risk ID",
  "Project ID",
  "Title",
  "Probability",
  "Impact",
  "Score",
  "Owner",
  "Status",
];

const STAGES = ["Initiate", "Plan", "Execute", "Execute", "Execute", "Close"];
const PEOPLE = ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Evans", "Ed Fox", "Flo Gray", "Gus Hill", "Hal Ito"];

export function syntheticWorkbook(projects: number, seed = 1): WorkbookGrids {
  const rnd = new Random(seed);
  const asOf = dayFromYmd(2026, 10, 30)!;
  const projectRows: CellValue[][] = [PROJECT_COLUMNS];
  for (let i = 0; i < projects; i++) {
    const id = `P-${i + 1}`;
    // Open projects: started in the last two years, finishing after the status date.
    const start = asOf - rnd.int(30, 700);
    const finish = Math.max(start + rnd.int(120, 900), asOf + rnd.int(10, 400));
    const planned = Math.min(1, Math.max(0, (asOf - start) / (finish - start)));
    const done = Math.min(1, planned * rnd.between(0.8, 1.1));
    const bac = rnd.int(50, 5000) * 1000;
    const row: CellValue[] = [
      id,
      `Project ${i + 1}`,
      `Portfolio ${i % 7}`,
      `Programme ${i % 41}`,
      PEOPLE[i % PEOPLE.length],
      "CIO",
      STAGES[i % STAGES.length],
      serialFromDay(start),
      serialFromDay(finish),
      serialFromDay(finish + rnd.int(0, 60)),
      "",
      bac,
      Math.round((bac * done) / rnd.between(0.85, 1.1)),
      Math.round(done * 100) / 100,
      Math.round(planned * 100) / 100,
      serialFromDay(asOf - rnd.int(0, 20)),
    ];
    // About 1 % of rows carry a problem, one kind after another.
    if (i % 100 === 37) {
      switch (Math.floor(i / 100) % 6) {
        case 0:
          row[11] = "see notes";
          break;
        case 1:
          row[6] = "Exectue";
          break;
        case 2:
          row[0] = `P-${i}`;
          break;
        case 3:
          row[13] = 1.4;
          break;
        case 4:
          row[4] = "";
          break;
        default:
          row[8] = serialFromDay(start - 10);
      }
    }
    projectRows.push(row);
  }
  const riskRows: CellValue[][] = [RISK_COLUMNS];
  const risks = Math.floor(projects / 3);
  for (let i = 0; i < risks; i++) {
    const p = rnd.int(1, 5);
    const impact = rnd.int(1, 5);
    riskRows.push([
      `R-${i + 1}`,
      `P-${rnd.int(1, projects)}`,
      "Supplier may deliver late",
      p,
      impact,
      i % 100 === 11 ? p * impact + 1 : p * impact,
      PEOPLE[i % PEOPLE.length],
      i % 5 === 0 ? "Closed" : "Open",
    ]);
  }
  const sheets: SheetGrid[] = [
    { name: "Read Me", rows: [["Status Date", serialFromDay(asOf)]] },
    { name: "Projects", rows: projectRows },
    { name: "Risks", rows: riskRows },
  ];
  return { sheets, date1904: false };
}
