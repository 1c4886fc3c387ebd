/**
 * What a register template has beyond values and styles (core/plan/template-plan.ts): data
 * validation with input messages (ExcelApi 1.8) and an Excel table per register, queued in one
 * round trip after the sheets are written. Number formats come with the first body row's styles;
 * an Excel table copies them to every row typed below it.
 */
import type { PlanValidation, WorkbookPlan } from "../core/plan/sheet-plan";

function rule(v: PlanValidation): Excel.DataValidationRule | null {
  const bounds = (type: "wholeNumber" | "decimal") => {
    if (v.min !== undefined && v.max !== undefined)
      return { [type]: { operator: "Between", formula1: v.min, formula2: v.max } };
    if (v.min !== undefined) return { [type]: { operator: "GreaterThanOrEqualTo", formula1: v.min } };
    if (v.max !== undefined) return { [type]: { operator: "LessThanOrEqualTo", formula1: v.max } };
    return null;
  };
  switch (v.kind) {
    case "list":
      if (!v.list) return null;
      return {
        list: { inCellDropDown: true, source: "range" in v.list ? `=${v.list.range}` : v.list.join(",") },
      };
    case "date":
      // The plan's only date rule is "a date at all" (serial 1 and later); Office.js takes ISO dates.
      return { date: { operator: "GreaterThanOrEqualTo", formula1: "1900-01-01" } };
    case "whole":
      return bounds("wholeNumber") as Excel.DataValidationRule | null;
    case "decimal":
      return bounds("decimal") as Excel.DataValidationRule | null;
    default:
      return null;
  }
}

/** Adds each template sheet's validations and table; the sheets exist already. */
export async function applyTemplateRules(
  excel: typeof Excel,
  plan: WorkbookPlan,
  dataValidation: boolean,
): Promise<void> {
  const sheets = plan.sheets.filter((s) => s.table || (s.validations?.length ?? 0) > 0);
  if (sheets.length === 0) return;
  await excel.run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const taken = new Set(tables.items.map((t) => t.name.toLowerCase()));
    for (const sheet of sheets) {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      if (dataValidation)
        for (const v of sheet.validations ?? []) {
          const range = ws.getRange(v.sqref);
          const r = rule(v);
          if (r) range.dataValidation.rule = r;
          range.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
          if (r && v.error)
            range.dataValidation.errorAlert = {
              showAlert: true,
              style: v.strict ? "Stop" : "Warning",
              title: v.promptTitle,
              message: v.error,
            };
        }
      if (sheet.table) {
        let name = sheet.table.name;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${sheet.table.name}_${n}`;
        taken.add(name.toLowerCase());
        const table = ws.tables.add(sheet.table.ref, true);
        table.name = name;
        table.style = "TableStyleLight9";
      }
    }
    await context.sync();
  });
}
