/** score-mismatch: a risk's stated score is not probability x impact. */
import { numberOf } from "../../register/register-table";
import type { Rule } from "../rule";

export const scoreMismatch: Rule = {
  codes: ["score-mismatch"],
  check({ registers }, report) {
    const risks = registers.risks;
    if (!risks || !risks.columns.has("score")) return;
    // Ratings read off worded scales (High = 5...) are the standard's reading, not the register's
    // own arithmetic: comparing its score with them would only report the translation.
    if (["probability", "impact", "score"].some((f) => risks.columns.get(f)?.scale)) return;
    for (const row of risks.rows) {
      const p = numberOf(row, "probability");
      const i = numberOf(row, "impact");
      const score = numberOf(row, "score");
      if (p === null || i === null || score === null || Math.abs(score - p * i) < 1e-9) continue;
      report.at(
        "score-mismatch",
        risks,
        row,
        "score",
        `Score ${score} is not Probability x Impact (${p} x ${i} = ${p * i}); correct the score or the ratings.`,
      );
    }
  },
};
