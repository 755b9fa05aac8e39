/* global Office */
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** What the pane needs to know of the Office host it runs in. */
export interface HostInfo {
  /** Office for Mac's webview does not download blobs (office-js #2700): files leave another way. */
  readonly canDownload: boolean;
  /** Office's theme body colour ("#1f1f1f" in Dark and Black), when the host gives one. */
  readonly themeBackground?: string;
}

/** Reads the host from Office.js; outside Office (tests, a plain browser) a web host with the light theme. */
export function readHost(): HostInfo {
  if (typeof Office === "undefined" || !Office.context) return { canDownload: true };
  const platform = Office.context.platform ?? Office.context.diagnostics?.platform;
  const theme = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme;
  return { canDownload: String(platform) !== "Mac", themeBackground: theme?.bodyBackgroundColor };
}

/** The relative luminance of a "#rrggbb" colour (WCAG 2.x), or undefined for anything else. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return undefined;
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Fluent's theme for Office's: Dark Gray and Black have a dark body and get webDarkTheme;
 * White, Colorful and System-light keep webLightTheme (learn.microsoft.com, "Use Office themes
 * in your add-in": officeTheme.bodyBackgroundColor).
 */
export function fluentThemeFor(host: HostInfo): Theme {
  const l = host.themeBackground === undefined ? undefined : luminance(host.themeBackground);
  return l !== undefined && l < 0.2 ? webDarkTheme : webLightTheme;
}
