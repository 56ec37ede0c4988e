/** The calculation core (DOMAIN.md): pure TypeScript, plain data in, plain data out. */
export * from "./result";
export * from "./messages";
export * from "./polarity";
export * from "./gap";
export * from "./cells";
export * from "./stats";
