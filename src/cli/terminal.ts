/** What the CLI writes to: streams, whether they are terminals, and colour only when wanted. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal: colour may be used (unless NO_COLOR). */
  readonly stdoutIsTTY: boolean;
  /** stderr is a terminal: progress may be shown there. */
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Today's date as YYYY-MM-DD (the default status date). */
  readonly today: string;
  /** Now, as an Excel serial (local date and time): the refresh time written into the rollup. */
  readonly now: () => number;
}

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: Palette = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };
const wrap = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const ansi: Palette = {
  red: wrap("31"),
  yellow: wrap("33"),
  green: wrap("32"),
  dim: wrap("2"),
  bold: wrap("1"),
};

/** Colour on a terminal, never when NO_COLOR is set (https://no-color.org). */
export function paletteFor(io: CliIO): Palette {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  return io.stdoutIsTTY && !noColor ? ansi : plain;
}

/** A one-line progress indicator on stderr, only on a terminal. */
export function progressFor(io: CliIO): { update(text: string): void; done(): void } {
  if (!io.stderrIsTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(text) {
      io.stderr(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr("\r\u001b[2K");
      shown = false;
    },
  };
}
