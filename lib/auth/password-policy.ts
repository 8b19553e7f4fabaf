/** Shared by the zod schema and the form hint; kept free of zod so client bundles stay small. */
export const MIN_PASSWORD_LENGTH = 12;
