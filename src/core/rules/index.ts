/** The RAG rule engine (docs/methods.md#rag-rules). */
export * from "./types";
export * from "./ruleset";
export * from "./engine";
export { reasonNumber, reasonPercent, settingPercent } from "./reasons";
export * from "./table-rules";
