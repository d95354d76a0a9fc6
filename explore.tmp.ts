import { Window } from 'happy-dom';
import { parseStatements } from './news/parse';
import { analyzePage } from './content/analyze';
import { classifyProcedure } from './content/read/parse/procedure';
import { parseMultipart } from './content/pacs/multipart';
import { importReferenceLevelsCsv, importReferenceLevelsJson } from './clinical/reference-level-import';
import { parseSettingsImport, EXPORT_FORMAT } from './settings/transfer';
import { parsePolicy } from './settings/policy';
import { DicomJsonArraySchema, viewDicomJson } from './content/pacs/dicom-data';
import { readCtDoseReport } from './content/pacs/rdsr';
const MiB = 1024 * 1024;
const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
const time = (name: string, f: () => unknown) => { const c = process.cpuUsage(); const t = performance.now(); f(); const cu = process.cpuUsage(c); console.log(name.padEnd(40), (performance.now() - t).toFixed(0), 'ms wall', ((cu.user + cu.system) / 1000).toFixed(0), 'cpu'); };
const w = new Window({ url: 'https://ehr.example.org/' });
const doc = (html: string) => new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const which = process.argv[2] ?? '';
const cases: Record<string, () => unknown> = {
  prolog: () => { const b = fill('<!---->', 1.5 * MiB) + '!'; return () => parseStatements(b, 'application/xml', 'https://x.org/'); },
  jsonfeed: () => { const b = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: Array.from({ length: 180 }, (_, i) => ({ title: 'T' + i, date_published: '2020-03-01', content_html: fill('<div>', 8000) })) }); console.log('len', b.length); return () => parseStatements(b, 'application/feed+json', 'https://x.org/'); },
  rss: () => { const b = `<rss><channel>${Array.from({ length: 150 }, (_, i) => `<item><title>R${i}</title><pubDate>1 Mar 2020</pubDate><description>${fill('&lt;div&gt;', 10000)}</description></item>`).join('')}</channel></rss>`; console.log('len', b.length); return () => parseStatements(b, 'text/xml', 'https://x.org/'); },
  rssDeepOne: () => { const b = `<rss><channel><item><title>R</title><pubDate>1 Mar 2020</pubDate><description>${fill('&lt;div&gt;', 1.5 * MiB)}</description></item></channel></rss>`; return () => parseStatements(b, 'text/xml', 'https://x.org/'); },
  html: () => { const b = fill('<p>3/1/2020: x</p>', 1.5 * MiB); return () => parseStatements(b, 'text/html', 'https://x.org/'); },
  ctcap: () => { const s = fill('CT ', 1.5 * MiB); return () => classifyProcedure(s); },
  pageCt: () => { const d = doc(`<p>DOB: 01/02/2020</p><p>Procedure: ${fill('CT ', 1.5 * MiB)}</p>`); return () => analyzePage(d, 'https://ehr.example.org/x'); },
  pageAge: () => { const d = doc(`<p>${fill('Age: 4 y ', 1.5 * MiB)}</p>`); return () => analyzePage(d, 'https://ehr.example.org/x'); },
  pageDob: () => { const d = doc(`<p>${fill('DOB: 01/02/2020 Procedure: CT CAP ', 1.5 * MiB)}</p>`); return () => analyzePage(d, 'https://ehr.example.org/x'); },
  pageDl: () => { const d = doc(`<dl>${fill('<dt>DOB</dt><dd>01/02/2020</dd><dt>Procedure</dt><dd>CT</dd>', 1.5 * MiB)}</dl>`); return () => analyzePage(d, 'https://ehr.example.org/x'); },
  pageTable: () => { const d = doc(`<table><thead><tr><th>DOB</th><th>Procedure</th><th>Modality</th></tr></thead><tbody>${fill('<tr><td>01/02/2020</td><td>CT CAP</td><td>CT</td></tr>', 1.5 * MiB)}</tbody></table>`); return () => analyzePage(d, 'https://ehr.example.org/x'); },
  multipart: () => { const bd = 'a'.repeat(69) + 'b'; const body = new TextEncoder().encode(`--${bd}\r\n\r\n` + 'a'.repeat(2 * MiB) + `\r\n--${bd}--`); return () => parseMultipart(body, `multipart/related; boundary=${bd}`); },
  multipart2: () => { const bd = 'b' + 'a'.repeat(69); const body = new TextEncoder().encode(`--${bd}\r\n\r\n` + 'a'.repeat(2 * MiB) + `\r\n--${bd}--`); return () => parseMultipart(body, `multipart/related; boundary=${bd}`); },
  multipart3: () => { const bd = 'a'.repeat(69) + 'b'; const body = new TextEncoder().encode(`--${bd}\r\n\r\n` + fill('\r\n--' + 'a'.repeat(68), 2 * MiB) + `\r\n--${bd}--`); return () => parseMultipart(body, `multipart/related; boundary=${bd}`); },
  csv: () => { const rows = ['table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year', ...Array.from({ length: 12000 }, (_, i) => `T,E,age,y,${i},,,16,CTDIvol,mGy,1,2,S,2025`)]; const t = rows.join('\n'); console.log('len', t.length); return () => importReferenceLevelsCsv(t); },
  csv200: () => { const rows = ['table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year', ...Array.from({ length: 12000 }, (_, i) => `T${i % 60},E,age,y,${i % 200},,,16,${['CTDIvol','SSDE','DLP'][i%3]},${i%3==2?'mGy·cm':'mGy'},1,2,S,2025`)]; const t = rows.join('\n'); console.log('len', t.length); return () => importReferenceLevelsCsv(t); },
  json: () => { const bins = Array.from({ length: 1500 }, (_, i) => ({ from: i, to: i + 1, ssdeMGy: { p75: 1 } })); const t = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({ name: 'T' + i, exam: 'E', metric: 'age-years', phantomCm: null, source: 'S', year: 2025, bins }))); console.log('len', t.length); return () => importReferenceLevelsJson(t); },
  settings: () => { const m: Record<string, string> = {}; for (let i = 0; i < 50000; i++) m[`https://h${i}.example.org`] = 'MDY'; const t = JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: { dateOrderBySite: m, dicomWebPathBySite: m } }); console.log('len', t.length); return () => parseSettingsImport(t); },
  policy: () => { const sites = Array.from({ length: 60000 }, (_, i) => `https://h${i}.example.org`); console.log('len', JSON.stringify(sites).length); return () => parsePolicy({ approvedSites: sites, statementUrls: sites }); },
  deepSr: () => { const code = (v: string) => `{"00080100":{"vr":"SH","Value":["${v}"]},"00080102":{"vr":"SH","Value":["DCM"]}}`; const open = `{"0040A043":{"vr":"SQ","Value":[${code('999')}]},"0040A730":{"vr":"SQ","Value":[`; const depth = 13000; const inner = open.repeat(depth) + '{}' + ']}}'.repeat(depth); const t = `[{"0040A043":{"vr":"SQ","Value":[${code('113701')}]},"0040A730":{"vr":"SQ","Value":[{"0040A043":{"vr":"SQ","Value":[${code('113819')}]},"0040A730":{"vr":"SQ","Value":[${inner}]}}]}}]`; console.log('len', t.length); return () => { const d = DicomJsonArraySchema.parse(JSON.parse(t)); return readCtDoseReport(viewDicomJson(d[0]!)); }; },
  deepJsonOnly: () => { const t = '['.repeat(1024 * 1024) + ']'.repeat(1024 * 1024); return () => { try { JSON.parse(t); } catch (e) { console.log(String(e).slice(0, 60)); } }; },
};
for (const [name, make] of Object.entries(cases)) {
  if (which && !name.startsWith(which)) continue;
  const f = make() as () => unknown;
  time(name, f); time(name, f);
}
