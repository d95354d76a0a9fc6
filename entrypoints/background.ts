import { registerTabFacts } from '@/background/tab-facts';
import { registerPolicyCache } from '@/background/policy-cache';
import { registerSiteAccess } from '@/background/site-access';
import { registerStatements } from '@/background/statements';
import { registerRecipes } from '@/background/recipes';

export default defineBackground(() => {
  // Wiring only; listeners are registered at the top level of main() (MV3 service worker rule).
  registerPolicyCache();
  registerTabFacts();
  registerSiteAccess();
  registerStatements();
  registerRecipes();
});
