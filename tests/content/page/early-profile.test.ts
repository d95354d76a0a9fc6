// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { earlyProfileId } from '@/content/page/early-profile';

const PANEL = new Set(['orthanc-explorer', 'ohif', 'stone', 'orthanc-explorer-2']);
const check = (url: string, ids: ReadonlySet<string> = PANEL) => earlyProfileId(document, new URL(url), ids);

afterEach(() => document.body.replaceChildren());

describe('earlyProfileId (content.js, while the page loads)', () => {
  it('knows Orthanc Explorer and Stone by their URL alone, before any DOM', () => {
    expect(check('http://127.0.0.1:8042/app/explorer.html#series?uuid=1')).toBe('orthanc-explorer');
    expect(check('http://127.0.0.1:8042/stone-webviewer/index.html?study=1.2.3')).toBe('stone');
  });

  it('knows an OHIF viewer once its root element is parsed', () => {
    const url = 'http://127.0.0.1:3000/viewer?StudyInstanceUIDs=1.2.3';
    expect(check(url)).toBeNull();
    const root = document.createElement('div');
    root.id = 'root';
    document.body.append(root);
    expect(check(url)).toBe('ohif');
  });

  it('answers only for the profiles asked about, and null for other pages', () => {
    expect(check('http://127.0.0.1:8042/app/explorer.html', new Set(['ohif']))).toBeNull();
    expect(check('http://127.0.0.1:8080/worklist.html')).toBeNull();
    expect(check('http://127.0.0.1:8080/interface/main/tabs/main.php')).toBeNull();
  });
});
