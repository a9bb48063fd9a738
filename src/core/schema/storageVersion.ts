// The version of the browser database's layout (migrations.ts has the steps up to it), apart
// from the steps, so what only needs the number does not load them (they read maps with zod).

export const STORAGE_VERSION = 3;
