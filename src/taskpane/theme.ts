/**
 * Light or dark: the pane follows the Office theme by looking at the background colour Office paints
 * the task pane with (Office.context.officeTheme.bodyBackgroundColor).
 */

/**
 * "dark" when a #RRGGBB background is dark (relative luminance below 0.5, WCAG 2 formula), else
 * "light"; "light" when the colour is missing or not #RRGGBB.
 *
 * @example
 * themeForBackground("#FFFFFF") // => "light"
 * themeForBackground("#262626") // => "dark"
 */
export function themeForBackground(colour: string | undefined | null): "light" | "dark" {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((colour ?? "").trim());
  if (!match) return "light";
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
