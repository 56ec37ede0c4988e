/** The RAG rule engine (DOMAIN.md section 5). */
export * from "./types";
export * from "./ruleset";
export * from "./engine";
export { reasonNumber, reasonPercent, settingPercent } from "./reasons";
