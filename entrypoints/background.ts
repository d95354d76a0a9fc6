import { registerTabFacts } from '@/settings/tab-facts';
import { registerSiteAccess } from '@/settings/site-access-background';
import { registerStatements } from '@/news/background';

export default defineBackground(() => {
  // Wiring only; listeners are registered at the top level of main() (MV3 service worker rule).
  registerTabFacts();
  registerSiteAccess();
  registerStatements();
});
