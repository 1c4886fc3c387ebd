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
