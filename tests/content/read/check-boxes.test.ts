/**
 * A requisition line with several check boxes names one exam: the ticked option. Layouts written for the test (none
 * is a corpus page): options inline in one text node (a fax), in spans, in table cells, in a printed `<pre>` form,
 * with glyphs (☐ ☑ ☒ ✓ ✔ ■ □) or typed boxes ([ ] [x] ( ) (x)), English and Spanish. Unticked options never add a
 * modality or a campaign.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { AnalyzeOptions, PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');

function read(body: string, options: AnalyzeOptions = {}): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`), 'https://fax.example.org/inbox/3312', { now: NOW, ...options });
}
const exam = (a: PageAnalysis) => [a.modality, [...a.campaigns].sort(), a.region];
const header = `<div class="hdr"><span>Patient: Moreau, Léa</span> <span>DOB: 03/24/2018</span> <span>MRN 20931177</span></div>`;

describe('one line of check boxes: only the ticked option is the exam', () => {
  test('a fax line in one text node: ☒ CT CHEST WITHOUT CONTRAST ☐ CT chest with contrast ☐ XR chest 2 views ☐ MRI', () => {
    const a = read(`${header}<p>Exam requested: ☒ CT CHEST WITHOUT CONTRAST ☐ CT chest with contrast ☐ XR chest 2 views ☐ MRI</p>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'chest']);
    expect(a.examDescription).toBe('CT CHEST WITHOUT CONTRAST');
    expect(a.pediatric).toBe(true);
  });
  test('the ticked option last on the line, typed boxes: [ ] CT head [ ] US abdomen [x] XR forearm 2 views', () => {
    const a = read(`${header}<div>Imaging: [ ] CT head without contrast [ ] US abdomen [x] XR forearm 2 views</div>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
  test('options in spans: ☐ CT chest w/ contrast ☑ XR chest 2 views ☐ MRI chest', () => {
    const a = read(`${header}<div class="line"><b>Study:</b> <span>☐ CT chest w/ contrast</span> <span>☑ XR chest 2 views</span> <span>☐ MRI chest</span></div>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'chest']);
  });
  test('options in table cells: [ ] CT head | [X] XR forearm 2 views | [ ] US', () => {
    const a = read(`${header}<table class="req"><tr><td>[ ] CT head</td><td>[X] XR forearm 2 views</td><td>[ ] US soft tissue</td></tr></table>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
  test('a printed form in <pre>: "[x] XR forearm 2 views" under "Exam requested:"', () => {
    const a = read(`<pre>
RADIOLOGY REQUISITION                      Printed 12/07/2026
PATIENT: MOREAU, LEA            DOB: 03/04/2018     MRN: 20931177
Exam requested:
  [ ] CT head without contrast
  [x] XR forearm 2 views
  [ ] US abdomen complete
Clinical history: fall on outstretched hand, 2 days ago
Ordering: Dr. P. Haas
</pre>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
    expect(a.pediatric).toBe(true);
  });
  test('Spanish, round boxes: (x) Rx de antebrazo ( ) TC de cráneo ( ) Ecografía abdominal', () => {
    const a = read(`<div>Paciente: SOTO, Ana · Edad: 7 años</div><p>Estudio solicitado: (x) Rx de antebrazo izquierdo ( ) TC de cráneo ( ) Ecografía abdominal</p>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
  test('filled and empty squares: ■ CT abdomen pelvis with contrast □ US abdomen □ XR abdomen 1 view', () => {
    const a = read(`${header}<div>■ CT abdomen pelvis with contrast □ US abdomen □ XR abdomen 1 view</div>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'abdomen-pelvis']);
  });
  test('negative: the ticked option is an MRI — no campaign from the unticked CT and radiograph', () => {
    const a = read(`${header}<p>Exam requested: ☐ CT head ☒ MRI brain without contrast ☐ XR skull</p>`);
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
  test('negative: no box ticked on the line — no exam from it', () => {
    const a = read(`${header}<p>Exam requested: ☐ CT head ☐ XR skull ☐ MRI brain</p>`);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
  test('negative: parentheses and brackets that are not boxes stay in the exam\'s name', () => {
    const a = read(`${header}<p>Exam: CT MAXILLOFACIAL (70486) [STAT]</p>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'head']);
    expect(a.examDescription).toBe('CT MAXILLOFACIAL (70486) [STAT]');
  });
});

describe('a printed form kept as text (<pre>): its lines and columns are read like a form\'s fields', () => {
  const form = (ticked: string) => `<pre>
                 CHILDREN'S IMAGING CENTER - OUTPATIENT REQUEST            Printed 12/07/2026
Patient name   MOREAU, LEA                  Date of birth   03/24/2018
Sex   F        MRN   20931177               Phone   (555) 201-3344

EXAMINATION(S) REQUESTED
${ticked}

Clinical history   Fall on outstretched hand. Distal radius tenderness.
Requesting physician   Dr. P. Haas          Signature ____________
</pre>`;
  test('columns of options, the ticked one in the middle of a line', () => {
    const a = read(form(`[ ] CT head w/o        [x] XR forearm 2 views      [ ] US abdomen
[ ] MRI brain          [ ] Fluoro UGI              [ ] NM bone scan`));
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
    expect(a.pediatric).toBe(true);
    expect(a.ageDays).toBe(3180);
  });
  test('a long printed form (instructions first): the exam lines far down are still read', () => {
    const instructions = Array.from({ length: 40 }, (_, k) => `  ${k + 1}. Please bring this form, the child's insurance card and a list of medicines to the front desk.`).join('\n');
    const a = read(form(`[ ] CT head w/o        [x] XR forearm 2 views      [ ] US abdomen`).replace('EXAMINATION(S) REQUESTED', `INSTRUCTIONS\n${instructions}\n\nEXAMINATION(S) REQUESTED`));
    expect(exam(a)).toEqual(['DX', ['radiography'], 'extremity']);
  });
  test('negative: the ticked option is the MRI on the second line', () => {
    const a = read(form(`[ ] CT head w/o        [ ] XR forearm 2 views      [ ] US abdomen
[x] MRI brain          [ ] Fluoro UGI              [ ] NM bone scan`));
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
});

describe('a box printed in an element of its own before its option ("<span>[X]</span> XR …", a cell "[ ]")', () => {
  const infant = `<div class="hdr"><span>Patient: Okafor, Baby Boy</span> <span>DOB: 03/24/2026</span> <span>MRN 20931178</span></div>`;
  const survey = 'XR Skeletal survey, complete (infant NAI protocol)';
  test('boxes in spans on one line, the option text between them: [ ] CT head [X] XR skeletal survey [ ] MRI brain', () => {
    const a = read(`${infant}<div class="opts"><span class="cb">[ ]</span> CT head without contrast <span class="cb">[X]</span> ${survey} <span class="cb">[ ]</span> MRI brain</div>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'whole-body']);
    expect(a.examDescription).toBe(survey);
    expect(a.pediatric).toBe(true);
  });
  test('boxes and options in cells of their own, one option a row', () => {
    const a = read(`${infant}<table class="form"><tr><td class="box">[ ]</td><td>CT head w/o contrast</td></tr><tr><td class="box">[X]</td><td>${survey}</td></tr><tr><td class="box">[ ]</td><td>US head (neonatal)</td></tr></table>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'whole-body']);
  });
  test('typed variants: [_] not ticked, [*] and [✓] ticked', () => {
    expect(exam(read(`${infant}<p>Exam: [_] CT head [*] ${survey} [_] US head</p>`))).toEqual(['DX', ['radiography'], 'whole-body']);
    expect(exam(read(`${infant}<p><span>[_]</span><span>CT head</span> <span>[✓]</span><span>${survey}</span></p>`))).toEqual(['DX', ['radiography'], 'whole-body']);
  });
  test('negative: the ticked box in its own span is the MRI — no campaign from the unticked CT', () => {
    const a = read(`${infant}<div><span>[ ]</span> CT head without contrast <span>[x]</span> MRI brain without contrast <span>[ ]</span> ${survey}</div>`);
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
  test('negative: every box in its own cell left empty — no exam', () => {
    const a = read(`${infant}<table><tr><td>[ ]</td><td>CT head</td></tr><tr><td>[_]</td><td>${survey}</td></tr></table>`);
    expect(a.modality).toBeNull();
    expect(a.campaigns).toEqual([]);
  });
});

describe('a requisition grid of sections: the section title gives the modality, the ticked box the region', () => {
  test('a table whose column headers are the modalities, the ticked box in the CT column', () => {
    const a = read(`${header}<h3>Examination requested</h3>
      <table class="grid"><tr><th>X-RAY</th><th>CT</th><th>ULTRASOUND</th></tr>
      <tr><td>☐ Chest</td><td>☒ Head</td><td>☐ Abdomen</td></tr>
      <tr><td>☐ Abdomen</td><td>☐ Chest</td><td>☐ Pelvis</td></tr>
      <tr><td>☐ Extremity</td><td>☐ Abdomen/Pelvis</td><td>☐ Renal</td></tr>
      <tr><td></td><td>☒ without contrast ☐ with contrast</td><td></td></tr></table>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'head']);
  });
  test('div sections, each a title and one option a line: ☑ Chest under "CT"', () => {
    const a = read(`${header}<div class="sec"><div class="sec-h">MRI</div><div>☐ Brain</div><div>☐ Spine</div></div>
      <div class="sec"><div class="sec-h">CT</div><div>☐ Head</div><div>☑ Chest</div><div>☐ Abdomen</div><div>✔ with contrast</div></div>
      <div class="sec"><div class="sec-h">ULTRASOUND</div><div>☐ Abdomen</div><div>☐ Pelvis</div></div>`);
    expect(exam(a)).toEqual(['CT', ['ct'], 'chest']);
  });
  test('fieldsets with legends, options in one line: ⊠ Abdomen under "Radiography"', () => {
    const a = read(`${header}<fieldset><legend>Radiography</legend><p>□ Chest ⊠ Abdomen □ Pelvis</p></fieldset>
      <fieldset><legend>Computed tomography</legend><p>□ Head □ Chest</p></fieldset>`);
    expect(exam(a)).toEqual(['DX', ['radiography'], 'abdomen']);
  });
  test('negative: the ticked box is under MRI — no campaign from the CT section\'s unticked boxes', () => {
    const a = read(`${header}<div class="sec"><h4>MRI</h4><p>☒ Brain ☐ Spine ☐ Abdomen</p></div>
      <div class="sec"><h4>CT</h4><p>☐ Head ☐ Chest ☐ Abdomen</p></div>`);
    expect(exam(a)).toEqual(['MR', [], 'head']);
  });
  test('negative: no box ticked in any section — no exam', () => {
    const a = read(`${header}<table class="grid"><tr><th>X-RAY</th><th>CT</th></tr><tr><td>☐ Chest</td><td>☐ Head</td></tr><tr><td>□ Abdomen</td><td>□ Chest</td></tr></table>`);
    expect(exam(a)).toEqual([null, [], null]);
  });
  test('negative: a ticked option under a title that is not a modality ("Priority", "Sedation") is no exam', () => {
    const a = read(`${header}<div class="sec"><div class="sec-h">Priority</div><div>☒ Routine</div><div>☐ STAT</div></div>
      <div class="sec"><div class="sec-h">Sedation</div><div>☒ Yes</div></div>`);
    expect(exam(a)).toEqual([null, [], null]);
  });
});
