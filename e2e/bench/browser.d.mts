/** Types for ./browser.mjs (plain JS, so the benches run without a TypeScript step). */
export declare function benchChromiumPath(): string | undefined;
export declare const CHROMIUM_ARGS: string[];
