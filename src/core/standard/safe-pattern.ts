/**
 * A standard's `pattern` runs on every cell of its column, so a catastrophic regular
 * expression would hang the tool. We refuse the shapes that backtrack exponentially
 * (a quantified group that itself contains a quantifier or an alternation) and back-references.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > 200) return "is longer than 200 characters";
  if (/\\[1-9]|\\k</.test(pattern)) return "uses a back-reference";
  // Find groups followed by a quantifier and look inside them for another quantifier or |.
  const stack: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "[") {
      // skip a character class
      i++;
      while (i < pattern.length && pattern[i] !== "]") {
        if (pattern[i] === "\\") i++;
        i++;
      }
      continue;
    }
    if (ch === "(") stack.push(i);
    if (ch === ")") {
      const start = stack.pop();
      if (start === undefined) continue;
      const next = pattern[i + 1];
      const quantified = next === "*" || next === "+" || next === "{" || next === "?";
      if (!quantified || next === "?") continue;
      const inner = pattern.slice(start + 1, i);
      if (/(^|[^\\])[*+{]|(^|[^\\])\|/.test(inner)) return "nests a repeated group inside a repeat";
    }
  }
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return `is not a valid regular expression (${(e as Error).message})`;
  }
  return null;
}
