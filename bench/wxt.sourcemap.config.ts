/**
 * The production build with source maps, into its own folder: used by bench/bundle-size.bench.ts to
 * say which modules the content scripts' bytes come from (the polyfill's share, zod's, …).
 * Not a shipping configuration.
 */
import { defineConfig, type UserConfig } from 'wxt';
import base from '../wxt.config';

type ViteConfig = Exclude<UserConfig['vite'], undefined>;

export default defineConfig({
  ...base,
  outDir: '.output/bench-sourcemap',
  vite: (env) => {
    const v = (typeof base.vite === 'function' ? base.vite(env) : base.vite) as ReturnType<ViteConfig> & object;
    return { ...v, build: { ...(v as { build?: object }).build, sourcemap: true } };
  },
});
