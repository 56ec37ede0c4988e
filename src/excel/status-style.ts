/**
 * How statuses look in the workbook: the word always, and a fill that follows the word through
 * conditional formatting (so an edited word changes colour). Fills pair a hue with a lightness step
 * (dark Blue and Red with white text, light Amber and Grey with black text, mid Green with white
 * text) so neighbouring statuses stay distinguishable for colour-blind readers and in greyscale print.
 */
import type { Status } from "../core/rules/types";

export interface StatusStyle {
  readonly fill: string;
  readonly font: string;
}

export const STATUS_STYLES: Readonly<Record<Status, StatusStyle>> = {
  Blue: { fill: "#1F4E9C", font: "#FFFFFF" },
  Green: { fill: "#217A4B", font: "#FFFFFF" }, // white on it: contrast 5.3:1 (WCAG AA needs 4.5:1)
  Amber: { fill: "#FFC000", font: "#000000" },
  Red: { fill: "#B22222", font: "#FFFFFF" },
  Grey: { fill: "#D9D9D9", font: "#000000" },
};
