/**
 * Stable entry point: the page reader lives in `content/read/`. Other modules, benches and acceptance tests
 * import `analyzePage` and `readPage` from here.
 */
export { analyzePage, decide, detectProfile, PROFILES, readPage } from './read/analyze';
export type { SiteProfile } from './read/analyze';
