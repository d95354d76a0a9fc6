/**
 * A field whose label titles earlier or related studies ("Priors:", "Comparison:", "Comparación:", "Previous
 * imaging:") lists other exams than the open one, each with its own date — even when one of them is dated as the
 * study open in the viewer. A modifier of earlier times before a known label ("Previous imaging:", "Prior exam:") is
 * part of that label. Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T18:00:00Z');

function read(title: string, body: string, dateOrder: 'MDY' | 'DMY' = 'MDY'): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`), 'https://ris.example.org/app/page', { now: NOW, dateOrder });
}

/** A report editor beside its viewer: the exam and its date in the header card, a side card of priors, the viewer's series. */
function editor(label: string, priors: string): string {
  return `<div class="hdr"><span class="k">Patient</span><span>REYES, Tomas</span><span class="k">DOB</span><span>03/14/2017</span>
    <span class="k">Exam</span><span>MR BRAIN WO CONTRAST</span><span class="k">Exam date</span><span>11/20/2026 2:02 PM</span></div>
    <div class="body"><div class="s">Findings:</div>No acute intracranial abnormality.</div>
    <div class="side"><div><span class="k">${label}</span> ${priors}</div><div><span class="k">Guardian:</span> Reyes, Ana</div></div>
    <div class="vp"><div class="ov"><span>Ax T2 FSE</span><span>Im: 12/24</span></div></div>`;
}

/** A Spanish dictation: titled blocks of the report, one of them its comparison. */
function informe(titulo: string, estudios: string): string {
  return `<div class="cab"><span class="k">Paciente</span><span>LÓPEZ, Inés</span><span class="k">F. nacimiento</span><span>02/05/2019</span>
    <span class="k">Estudio</span><span>ECOGRAFÍA ABDOMINAL</span><span class="k">Fecha del estudio</span><span>20/11/2026 10:15</span></div>
    <div class="inf"><div class="s">${titulo}</div>${estudios}<div class="s">Hallazgos:</div>Hígado de tamaño normal.</div>
    <div class="vp"><div class="ov"><span>Serie 2</span><span>Im: 5/40</span></div></div>`;
}

/** An after-visit summary: today's exam under its heading, earlier imaging in a list item of other information. */
function summary(line: string): string {
  return `<h1>After your visit</h1><p>Patient: Mila Novak · DOB 05/02/2022</p>
    <h2>Today's imaging</h2><p><b>CT CHEST WITH IV CONTRAST</b> — completed 10:40 AM.</p>
    <h2>Other information</h2><ul><li>${line}</li><li>Allergies: none known.</li></ul>`;
}

describe('a field titled as earlier or related studies is not the open exam', () => {
  test("report editor: a 'Priors' card dated as the viewer's study does not displace the exam", () => {
    const a = read('Report Editor', editor('Priors:', 'XR SKULL 2V 11/20/2026; CT HEAD WO 03/02/2024'));
    expect(a.modality).toBe('MR');
    expect(a.campaigns).toEqual([]);
  });

  test("Spanish dictation: a 'Comparación' block of the same day's CT and radiograph", () => {
    const a = read('Editor de informes', informe('Comparación:', 'TC abdominal 20/11/2026. Radiografía de tórax 20/11/2026 (urgencias).'), 'DMY');
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });

  test("after-visit summary: 'Previous imaging:' keeps its modifier, its exams add no campaign", () => {
    const a = read('After Visit Summary', summary('Previous imaging: prenatal ultrasound (2023) and CT chest 06/2024; chest X-ray 11/2026.'));
    expect(a.modality).toBe('CT');
    expect(a.campaigns).toEqual(['ct']);
  });

  test("clinic note: 'Prior exam:' in a paragraph beside the exam asked for", () => {
    const a = read('Clinic note', `<p>Patient: Eli Moss · DOB 01/09/2015</p><h3>Orders</h3><p>US ABDOMEN COMPLETE today.</p>
      <h3>History</h3><p>Prior exam: XR abdomen 2 views 10/01/2026 and CT abdomen 2024.</p>`);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });

  test('negative: the same line under a label of the exam (not of earlier ones) is read as the exam', () => {
    const only = (line: string) => read('After Visit Summary', `<h1>After your visit</h1><p>Patient: Mila Novak · DOB 05/02/2022</p><ul><li>${line}</li></ul>`);
    expect(only('Imaging: chest X-ray 2 views 11/20/2026.').modality).toBe('DX');
    expect(only('Previous imaging: chest X-ray 2 views 11/20/2025.').campaigns).toEqual([]);
    const a = read('Editor de informes', informe('Técnica:', 'Sondas convexa y lineal.'), 'DMY');
    expect(a.modality).toBe('US');
  });

  test("negative: a note's 'Imaging' section, a label of the exam itself, still names today's exam over a plan's later MRI", () => {
    const a = read('Clinic note', `<p>Patient: Eli Moss · DOB 01/09/2015</p><h2>Imaging</h2><p>XR ANKLE 3 VIEWS RIGHT obtained in clinic today 11/20/2026: no fracture.</p>
      <h2>Assessment / Plan</h2><p>Ankle sprain. No repeat imaging unless no improvement in 2 weeks; then MRI.</p>`);
    expect(a.modality).toBe('DX');
  });

  test('negative: no priors, the exam alone is read as before', () => {
    const a = read('Report Editor', editor('Tech:', 'Ngata, H. RT(R)'));
    expect(a.modality).toBe('MR');
    expect(a.pediatric).toBe(true);
  });
});
