/**
 * Bilingual screens write each label twice, the second language in an element of its own between the label and its
 * value ("Order Date<i>تاريخ الطلب</i>", "<th>DOB <span>生年月日</span></th>"): the value after the translation is the
 * label's. A menu of bilingual items is no label and its value. RIS screens name the exam an "Exam Item".
 * Minimal layouts written for the test (none is a corpus page), with negatives.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import { labelKind } from '../../../content/read/profiles/labels';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-11-20T15:00:00Z');

function read(body: string): PageAnalysis {
  return analyzePage(parseHtml(`<!doctype html><html lang="en"><head><title>Order</title></head><body>${body}</body></html>`), 'https://emr.example.org/order', { now: NOW, dateOrder: 'DMY' });
}

/** A form grid: label block with its Arabic translation below it, then the value block. */
const GRID = `<div class="hdr">City Hospital eMR</div>
  <div class="grid">
  <div class="lb">Name<i>الاسم</i></div><div class="vl">SARA AHMED</div>
  <div class="lb">DOB<i>تاريخ الميلاد</i></div><div class="vl">10/03/2019</div>
  <div class="lb">Procedure<i>الإجراء</i></div><div class="vl">CT HEAD WITHOUT CONTRAST</div>
  <div class="lb">Order Date<i>تاريخ الطلب</i></div><div class="vl">02/11/2026 10:15</div>
  </div>`;

/** A banner: inline label and its Chinese translation, then the value in the same card. */
const BANNER = `<div class="pt">
  <p><span class="k">Patient</span> <span class="k2">患者</span> <b>LI MING</b></p>
  <p><span class="k">Date of Birth</span> <span class="k2">出生日期</span> 2021-05-02</p>
  <p><span class="k">Exam</span> <span class="k2">检查项目</span> XR CHEST PA</p>
  <p><span class="k">Exam Date</span> <span class="k2">检查日期</span> 2026-11-18</p></div>`;

describe('bilingual labels', () => {
  test('form grid with the translation under each label: birth and order dates are read', () => {
    const a = read(GRID);
    expect(a.ageBasis).toBe('order');
    // 10/03/2019 → 02/11/2026: 7 years, 7 months, 23 days.
    expect(a.ageDays).toBe(2794);
    expect(a.modality).toBe('CT');
  });

  test('banner with the translation inline after each label: birth and exam dates are read', () => {
    const a = read(BANNER);
    expect(a.ageBasis).toBe('exam');
    expect(a.ageDays).toBe(2026);
    expect(a.modality).toBe('DX');
  });

  test('the same grid in one language reads the same', () => {
    const a = read(GRID.replace(/<i>[^<]*<\/i>/g, ''));
    expect(a.ageBasis).toBe('order');
    expect(a.ageDays).toBe(2794);
  });

  test('a menu of bilingual items labels nothing (a Notes item does not name the next item)', () => {
    const a = read(`<div class="nav"><div>Notes <span>الملاحظات</span></div><div class="on">CT Orders <span>طلبات الأشعة المقطعية</span></div>
      <div>Results <span>النتائج</span></div></div>` + GRID);
    expect(a.examDescription).toBe('CT HEAD WITHOUT CONTRAST');
    expect(a.ageDays).toBe(2794);
  });

  test('a label whose value is written in the other script keeps it (no translation skipped past a value)', () => {
    const a = read(`<div class="grid"><div class="lb">Name</div><div class="vl">سارة أحمد</div>
      <div class="lb">DOB</div><div class="vl">10/03/2019</div><div class="lb">Procedure</div><div class="vl">XR CHEST PA</div></div>`);
    expect(a.pediatric).toBe(true);
    expect(a.modality).toBe('DX');
  });
});

describe('a RIS exam item', () => {
  test('"Exam Item" and its kin label the exam', () => {
    for (const l of ['Exam Item', 'Examination Item', 'Order Item', 'Study item:']) expect(labelKind(l)).toBe('procedure');
    expect(labelKind('Item')).toBeUndefined();
  });

  const ris = (item: string) => `<div class="pt"><div>Patient ID</div><div>0001234</div><div>DOB</div><div>2023/01/05</div></div>
    <div class="grp"><span class="gt">Exam</span><div class="fr">
    <div class="k">Exam Date</div><div class="v">2026/11/20 10:02</div>
    <div class="k">Modality</div><div class="v">US (Room 2)</div>
    <div class="k">${item}</div><div class="v"><b>Abdominal Ultrasound (pyloric stenosis screen)</b></div></div></div>
    <div class="grp"><span class="gt">History</span><table><tr><th>Date</th><th>Modality</th><th>Exam</th><th>Status</th></tr>
    <tr><td>2026/11/20</td><td>CR</td><td>Abdomen supine</td><td>Reported</td></tr></table></div>`;

  test("a RIS exam screen's Exam Item is the exam, not a same-day radiograph in its history", () => {
    const a = read(ris('Exam Item'));
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });

  test('an order window writes it as Order Item in a table', () => {
    const a = read(`<table><tr><th>DOB</th><td>2023/01/05</td></tr><tr><th>Order Item</th><td>US HIPS (DDH)</td></tr>
      <tr><th>Order Date</th><td>2026/11/20</td></tr></table>
      <h3>History</h3><table><tr><th>Date</th><th>Exam</th><th>Status</th></tr><tr><td>2026/11/20</td><td>XR PELVIS AP</td><td>Completed</td></tr></table>`);
    expect(a.modality).toBe('US');
    expect(a.campaigns).toEqual([]);
  });
});
