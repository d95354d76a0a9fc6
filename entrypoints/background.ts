import { registerTabFacts } from '@/settings/tab-facts';

export default defineBackground(() => {
  // Wiring only; listeners are registered at the top level of main() (MV3 service worker rule).
  registerTabFacts();
});
