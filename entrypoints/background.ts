import { registerTabFacts } from '@/settings/tab-facts';
import { registerPolicyCache } from '@/settings/policy-cache';
import { registerSiteAccess } from '@/settings/site-access-background';
import { registerStatements } from '@/news/background';

export default defineBackground(() => {
  // Wiring only; listeners are registered at the top level of main() (MV3 service worker rule).
  registerPolicyCache();
  registerTabFacts();
  registerSiteAccess();
  registerStatements();
});
