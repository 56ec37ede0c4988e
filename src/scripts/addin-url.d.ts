// Types for addin-url.js (CommonJS, shared with webpack.config.js).
export declare const DEV_BASE: string;
export declare const HOW_TO_GIVE_URL: string;
export declare function resolveBaseUrl(fromEnv: unknown, fromVariable: unknown): string | undefined;
export declare function manifestVersion(packageVersion: string): string;
export declare function manifestFor(xml: string, options: { readonly version: string; readonly baseUrl?: string }): string;
