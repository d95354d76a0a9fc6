import { describe, expect, it } from 'vitest';
import { CAMPAIGN_IDS } from '../../clinical/campaign-ids';
import { CAMPAIGNS } from '../../clinical/campaigns';
import { TabFactsSchema } from '../../content/page/messages';
import { CampaignSchema } from '../../settings/schema';

describe('CAMPAIGN_IDS', () => {
  it('names every campaign the reminders know, except Think A-Head (raised by trauma wording, never switched off alone)', () => {
    expect(Object.keys(CAMPAIGNS).filter((id) => id !== 'think-a-head').sort()).toEqual([...CAMPAIGN_IDS].sort());
  });

  it('is the list the settings and the messages accept', () => {
    for (const id of CAMPAIGN_IDS) {
      expect(CampaignSchema.safeParse(id).success).toBe(true);
      expect(TabFactsSchema.safeParse({ pediatric: true, campaigns: [id], modality: null, siteEnabled: true }).success).toBe(true);
    }
    expect(CampaignSchema.safeParse('think-a-head').success).toBe(false);
  });
});
