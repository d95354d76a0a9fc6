import { describe, expect, it } from 'vitest';
import { decidePanel } from '@/content/page/panel-decision';
import { browserOf, diagnosticReport } from '@/content/panel/diagnostic-report';
import { analysisOf, childCtAnalysis, recordOf } from '../../helpers/analysis-factory';

const UA_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.108 Safari/537.36';
const UA_FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';

describe('diagnosticReport', () => {
  const analysis = childCtAnalysis({
    weight: { value: 20, unit: 'kg', kg: 20, date: '2026-11-20' },
    ctdi: { ctdiVolMGy: 5.2, phantomCm: 32, source: 'page text' },
    evidence: [
      ...childCtAnalysis().evidence,
      { kind: 'age', text: '006Y', where: 'Instance · PatientAge', conflict: true, note: 'PatientAge says 6 y' },
      { kind: 'weight', text: '20 kg', where: 'Instance · PatientWeight' },
    ],
  });
  const report = diagnosticReport({
    extensionVersion: '0.1.0',
    userAgent: UA_CHROME,
    frame: 'top',
    navigationApi: true,
    analysis,
    decision: decidePanel(analysis, { disabledCampaigns: [] }),
    notes: ['pacs:http-401'],
  });

  it('says which profile, which evidence kinds and which versions', () => {
    expect(report).toContain('version: 0.1.0');
    expect(report).toContain('browser: Chrome 156');
    expect(report).toContain('profile: orthanc-explorer');
    expect(report).toContain('panel: exam');
    expect(report).toContain('evidence kinds: birthDate examDate modality patientName age weight');
    expect(report).toContain('conflicting sources: age');
    expect(report).toContain('notes: pacs:http-401');
  });

  it('holds nothing the page said about the patient', () => {
    for (const e of analysis.evidence) {
      if (e.text.length > 2) expect(report).not.toContain(e.text);
      expect(report).not.toContain(e.where);
    }
    for (const s of ['2288', 'TEST^PEDS', 'August', '2020', '2026', 'ABDOMEN', '1.2.826', '20 kg', '5.2']) {
      expect(report).not.toContain(s);
    }
  });

  it('does not let odd identifiers carry page text into the report', () => {
    const hostile = analysisOf({
      profileId: 'Jane Doe 2019-01-02',
      evidence: [{ kind: 'name: DOE^JANE', text: 'x', where: 'y' }],
      records: [recordOf()],
    });
    const r = diagnosticReport({ extensionVersion: '0.1.0', userAgent: UA_FIREFOX, frame: 'sub', navigationApi: false, analysis: hostile, decision: null });
    expect(r).not.toContain('Jane');
    expect(r).not.toContain('DOE');
    expect(r).toContain('profile: (unrecognised)');
    expect(r).toContain('panel: not run');
    expect(r).toContain('list rows: 1');
  });
});

describe('browserOf', () => {
  it.each([
    [UA_CHROME, 'Chrome 156'],
    [UA_FIREFOX, 'Firefox 153'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0', 'Edge 156'],
    ['curl/8', 'unknown'],
  ])('%s → %s', (ua, name) => expect(browserOf(ua)).toBe(name));
});
