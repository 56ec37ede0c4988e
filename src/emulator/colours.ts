/**
 * Colour text as Excel accepts it: "#RRGGBB" or an HTML colour name; Excel gives "#RRGGBB" back.
 * Source: https://learn.microsoft.com/javascript/api/excel/excel.rangefill#excel-excel-rangefill-color-member
 * ("HTML color code ... in the form #RRGGBB (e.g. "FFA500"), or as a named HTML color (e.g. "orange")").
 */
import { EmulatorError } from "./errors";

/** The HTML colour names the add-in and tests are likely to use (CSS named colours subset). */
const NAMED: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gold: "#FFD700", grey: "#808080", gray: "#808080", silver: "#C0C0C0", lightgrey: "#D3D3D3",
  lightgray: "#D3D3D3", darkgrey: "#A9A9A9", darkgray: "#A9A9A9", lightgreen: "#90EE90", darkgreen: "#006400",
  lightblue: "#ADD8E6", darkblue: "#00008B", navy: "#000080", purple: "#800080", pink: "#FFC0CB", brown: "#A52A2A",
  seagreen: "#2E8B57", crimson: "#DC143C", amber: "#FFBF00", teal: "#008080", maroon: "#800000", olive: "#808000",
};

/**
 * Normalises a colour to "#RRGGBB" (upper case), throwing InvalidArgument for anything else.
 * @example normaliseColour("orange") // => "#FFA500"
 * @example normaliseColour("2e8b57") // => "#2E8B57"
 */
export function normaliseColour(input: unknown): string {
  if (typeof input !== "string") throw new EmulatorError("InvalidArgument", `colour ${String(input)} is not text`);
  const s = input.trim();
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (hex) return "#" + hex[1].toUpperCase();
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  throw new EmulatorError("InvalidArgument", `"${input}" is not a colour Excel knows`);
}
