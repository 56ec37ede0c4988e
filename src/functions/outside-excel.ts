/*
 * Loaded just before functions.ts in the functions chunk. The metadata plugin appends
 * `CustomFunctions.associate("LAAGAP", laagap)` calls to functions.ts. Inside Excel the custom
 * functions runtime provides `CustomFunctions`; when the same page is opened outside Excel (the
 * browser workbench, a plain browser) there is nothing to register with, so the association is a
 * no-op there instead of a ReferenceError that would stop the page.
 */
const scope = globalThis as unknown as { CustomFunctions?: { associate?: unknown } };
if (typeof scope.CustomFunctions === "undefined") {
  scope.CustomFunctions = { associate: () => undefined };
}
export {};
