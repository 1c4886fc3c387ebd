/** The published JSON Schema of a standard, generated from the zod schema (one source of truth). */
import { z } from "zod";
import { standardSchema } from "./schema";

export const STANDARD_SCHEMA_ID = "https://pmo-rollup.example/schema/standard.schema.json";

export function standardJsonSchema(): Record<string, unknown> {
  return {
    $id: STANDARD_SCHEMA_ID,
    title: "PMO Rollup standard",
    ...z.toJSONSchema(standardSchema, { io: "input", unrepresentable: "any" }),
  };
}
