/**
 * A labelled Modality outside the open exam's row, like a code shown by a viewer, never changes the campaign the exam's
 * own words give: a field of another kind of imaging is another record's or a list's query. With no modality in the
 * exam's words, the field names it; a Guidance field always tells how the exam is done (guidance-fields tests).
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string) =>
  analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`), 'https://ris.example.org/app', { now: NOW });

describe('a labelled Modality of another kind than the exam named', () => {
  test.each([
    [
      'a list card with "Modality: CT" over a selected MRI row: the MRI, no campaign',
      `<div class="card"><div>Modality: CT</div><table><thead><tr><th>Patient</th><th>DOB</th><th>Exam</th><th>Date</th></tr></thead><tbody>
       <tr><td>ROSS, Ava</td><td>05/02/1971</td><td>CT chest with contrast</td><td>12/07/2026</td></tr>
       <tr class="selected" aria-selected="true"><td>DIAZ, Leo</td><td>06/11/2017</td><td>MRI brain without contrast</td><td>12/07/2026</td></tr></tbody></table></div>`,
      'MR', [],
    ],
    [
      'a definition list of the open exam and a settings line "Modality: MR" in the page\'s footer: the CT',
      `<dl><dt>Patient</dt><dd>OKAFOR, Sam</dd><dt>DOB</dt><dd>01/14/2019</dd><dt>Exam</dt><dd>CT abdomen pelvis with contrast</dd></dl>
       <footer><span>Modality: MR</span> <span>Room 3</span></footer>`,
      'CT', ['ct'],
    ],
    [
      'an exam named without its modality ("HEAD W/O") beside "Modality: CT": the field names it',
      `<div><b>Patient:</b> LI, Mei <b>DOB:</b> 02/09/2020</div><div><b>Study:</b> HEAD W/O</div><div><b>Modality:</b> CT</div>`,
      'CT', ['ct'],
    ],
    [
      'the same kind beside the words ("XR Chest 2 views" and "Modality: DX"): the code',
      `<div><b>Patient:</b> LI, Mei <b>DOB:</b> 02/09/2020</div><div><b>Exam:</b> XR Chest 2 views</div><div><b>Modality:</b> DX</div>`,
      'DX', ['radiography'],
    ],
  ])('%s', (_layout, html, modality, campaigns) => {
    const a = read(html);
    expect([a.modality, [...a.campaigns].sort()]).toEqual([modality, campaigns]);
  });
});
