/**
 * Fluent themes that follow Office: Excel's theme colours when in Excel, the system's
 * light/dark preference in a browser, and high contrast whenever the system forces colours.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "contrast";

export const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The theme to start with in this environment. */
export function initialTheme(): ThemeName {
  if (typeof window !== "undefined" && window.matchMedia?.("(forced-colors: active)").matches)
    return "contrast";
  const office = (globalThis as { Office?: typeof Office }).Office;
  const body = office?.context?.officeTheme?.bodyBackgroundColor;
  if (body) return luminance(body) < 0.4 ? "dark" : "light";
  if (typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches)
    return "dark";
  return "light";
}

/**
 * Follow the theme when Office's changes (the user switches Office to Dark or Black) or the
 * system's does (dark mode, high contrast). Office raises OfficeThemeChanged only in some hosts,
 * so the pane also looks again whenever it regains focus or becomes visible, and every few
 * seconds (a read of a property, nothing more). Returns a function that stops following.
 */
export function followTheme(onChange: (theme: ThemeName) => void, everyMs = 5000): () => void {
  let last = initialTheme();
  const check = () => {
    const now = initialTheme();
    if (now === last) return;
    last = now;
    onChange(now);
  };
  const queries = ["(forced-colors: active)", "(prefers-color-scheme: dark)"]
    .map((q) => (typeof window !== "undefined" ? window.matchMedia?.(q) : undefined))
    .filter((m): m is MediaQueryList => Boolean(m));
  for (const m of queries) m.addEventListener?.("change", check);
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    office?.context?.document?.addHandlerAsync?.(office.EventType.OfficeThemeChanged, check);
  } catch {
    // not raised by this host: the focus, visibility and timer checks cover it
  }
  window.addEventListener("focus", check);
  document.addEventListener("visibilitychange", check);
  const timer = setInterval(check, everyMs);
  return () => {
    for (const m of queries) m.removeEventListener?.("change", check);
    window.removeEventListener("focus", check);
    document.removeEventListener("visibilitychange", check);
    clearInterval(timer);
  };
}
