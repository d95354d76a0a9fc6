import { afterEach, describe, expect, it } from 'vitest';
import { hostEnrichers, offerEnricher, type EnricherFactory } from '@/content/panel/enricher-slot';
import type { EnricherHost, PanelEnricher } from '@/content/panel/enrichment';

const lifetimes: AbortController[] = [];
const life = () => {
  const c = new AbortController();
  lifetimes.push(c);
  return c;
};
afterEach(() => {
  // Ending every panel and PACS script of a test leaves the slot empty for the next.
  for (const c of lifetimes.splice(0)) c.abort();
});

const hostWith = (lifetime: AbortSignal, locale = 'en'): EnricherHost => ({
  locale,
  lifetime,
  seed: null,
  dicomWebRoot: () => null,
  analyzeOptions: async () => ({}),
  decide: () => {
    throw new Error('not used here');
  },
});

/** A factory that records the host it was made with; its enricher is a tagged no-op. */
function factory(tag: string, made: { tag: string; host: EnricherHost }[]): EnricherFactory {
  return (host) => {
    made.push({ tag, host });
    const enricher: PanelEnricher & { tag?: string } = async () => null;
    enricher.tag = tag;
    return enricher;
  };
}

describe('enricher slot (panel.js and pacs.js meet in the frame)', () => {
  it('pacs.js first: its enricher is made with the panel’s host when panel.js comes', () => {
    const made: { tag: string; host: EnricherHost }[] = [];
    offerEnricher(factory('pacs', made), life().signal);
    expect(made).toEqual([]);
    const added: PanelEnricher[] = [];
    const host = hostWith(life().signal, 'es');
    hostEnrichers(host, (e) => added.push(e));
    expect(made.map((m) => [m.tag, m.host])).toEqual([['pacs', host]]);
    expect(added.map((e) => (e as { tag?: string }).tag)).toEqual(['pacs']);
  });

  it('panel.js first: an enricher offered later is made and added at once', () => {
    const added: PanelEnricher[] = [];
    hostEnrichers(hostWith(life().signal), (e) => added.push(e));
    const made: { tag: string; host: EnricherHost }[] = [];
    offerEnricher(factory('pacs', made), life().signal);
    expect(made).toHaveLength(1);
    expect(added).toHaveLength(1);
  });

  it('an offer withdrawn before the panel comes (pacs.js ended) is never made', () => {
    const made: { tag: string; host: EnricherHost }[] = [];
    const pacs = life();
    offerEnricher(factory('pacs', made), pacs.signal);
    pacs.abort();
    hostEnrichers(hostWith(life().signal), () => undefined);
    expect(made).toEqual([]);
  });

  it('a panel that ended takes no more enrichers; the next panel gets the later offers', () => {
    const panel = life();
    const first: PanelEnricher[] = [];
    hostEnrichers(hostWith(panel.signal), (e) => first.push(e));
    panel.abort();
    const made: { tag: string; host: EnricherHost }[] = [];
    offerEnricher(factory('pacs', made), life().signal);
    expect(first).toEqual([]);
    const second: PanelEnricher[] = [];
    hostEnrichers(hostWith(life().signal), (e) => second.push(e));
    expect(second).toHaveLength(1);
  });
});
