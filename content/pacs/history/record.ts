/**
 * The printable imaging record for parents: one HTML document, built as a string for a sandboxed iframe's
 * `srcdoc`. Pure: every piece of text arrives translated and is escaped here; the document carries a
 * Content-Security-Policy that allows no request at all (no image, font, script or style from anywhere), so
 * printing it loads nothing.
 */

export interface RecordRow {
  date: string;
  exam: string;
  facility: string;
  /** "CTDIvol 5.0 mGy · DLP 125 mGy·cm · SSDE 10.3 mGy", or "". */
  dose: string;
}

export interface RecordText {
  /** BCP 47 language of the text (`en`, `es`). */
  lang: string;
  title: string;
  subtitle: string;
  headers: { date: string; exam: string; facility: string; dose: string };
  /** Plain-language paragraphs (why keep the record, where to learn more, what the numbers are). */
  paragraphs: string[];
  footer: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** No request of any kind from the record's document. */
export const RECORD_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `@page{margin:14mm}
body{font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#000;margin:0}
h1{font-size:16pt;margin:0 0 2pt}
.sub{margin:0 0 10pt;color:#333}
table{border-collapse:collapse;width:100%;font-size:9.5pt;margin-bottom:10pt}
th,td{border:1px solid #999;padding:3pt 5pt;text-align:left;vertical-align:top}
th{background:#eee}
td:first-child{white-space:nowrap}
p{margin:0 0 6pt}
.foot{font-size:8.5pt;color:#333;margin-top:10pt}`;

export function recordHtml(text: RecordText, rows: readonly RecordRow[]): string {
  const e = escapeHtml;
  const head = `<tr><th>${e(text.headers.date)}</th><th>${e(text.headers.exam)}</th><th>${e(text.headers.facility)}</th><th>${e(text.headers.dose)}</th></tr>`;
  const body = rows.map((r) => `<tr><td>${e(r.date)}</td><td>${e(r.exam)}</td><td>${e(r.facility)}</td><td>${e(r.dose)}</td></tr>`).join('');
  return (
    `<!doctype html><html lang="${e(text.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${e(RECORD_CSP)}">` +
    `<meta name="referrer" content="no-referrer"><title>${e(text.title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${e(text.title)}</h1><p class="sub">${e(text.subtitle)}</p>` +
    `<table><thead>${head}</thead><tbody>${body}</tbody></table>` +
    text.paragraphs.map((p) => `<p>${e(p)}</p>`).join('') +
    `<p class="foot">${e(text.footer)}</p></body></html>`
  );
}
