export const SCRIPT_CONTEXT_ALIAS: { find: RegExp; replacement: string };
