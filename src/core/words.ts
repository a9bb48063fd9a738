// Small helpers for text shown to people, shared by the app, the CLI and the reports.

/** "1 map", "3 maps"; `many` for words that do not just take an s. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
