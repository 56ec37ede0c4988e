/** The calculation core (docs/methods.md): pure TypeScript, plain data in, plain data out. */
export * from "./result";
export * from "./messages";
export * from "./polarity";
export * from "./gap";
export * from "./cells";
export * from "./periods";
export * from "./progress";
export * from "./trajectory";
export * from "./trend";
export * from "./dot";
export * from "./compare";
export * from "./indicator";
export * from "./scorecard";
export * from "./rollups";
export * from "./rules";
export * from "./stats";
export * from "./methods";
