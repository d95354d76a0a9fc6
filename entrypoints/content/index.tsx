export default defineContentScript({
  // Registered at runtime by the background for each origin the user enabled
  // (and statically for loopback in the e2e build only).
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  allFrames: true,
  cssInjectionMode: 'manual',
  main() {},
});
