/**
 * e2e builds only: a User Timing mark (`igc:<name>`) at the steps between page load and the panel, for
 * profiling with a Chrome trace (bench/profile-pacs.ts). Production and unit builds compile it to nothing.
 */
export const perfMark: (name: string) => void =
  import.meta.env.MODE === 'e2e' ? (name) => void performance.mark(`igc:${name}`) : () => undefined;
