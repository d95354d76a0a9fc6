/**
 * RIS protocoling and technologist screens (layouts written for the test, none a corpus page): the open item's
 * header ("M 9Y" only, a name, an MRN) and the exam to protocol, beside a queue of other patients' exams with their
 * own ages — a list of cards or rows in a left or right pane, titled "To protocol", "Worklist", "Pending", "My list"
 * or untitled but repeating patient and exam. The age is the open item's, never the queue's.
 */
import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../../content/read/analyze';
import type { PageAnalysis } from '../../../content/read/types';
import { parseHtml } from '../../helpers/pages';

const NOW = new Date('2026-12-07T15:00:00Z');
const read = (body: string, lang = 'en'): PageAnalysis =>
  analyzePage(parseHtml(`<!doctype html><html lang="${lang}"><head><title>RIS</title></head><body>${body}</body></html>`), 'https://ris.example-health.org/protocol/item/551207', { now: NOW });
const NINE = Math.round(9 * 365.25);

describe("the open item's age, not the queue's", () => {
  test('a right-hand "Pending (3)" table of rows without a header row (exam | name | age | time), the header "M 9Y" on the left', () => {
    const a = read(`<div class="app"><div class="main">
        <div class="ph"><span class="nm">PATEL, ARJUN</span><span class="sx">M 9Y</span><span>MRN 00482211</span><span>Acc 7731904</span></div>
        <div class="row"><span class="k">Procedure</span><span class="v">CT ABDOMEN PELVIS W IV CONTRAST</span></div>
        <div class="row"><span class="k">Protocol</span><select><option>Adult routine</option><option selected>Peds abd/pel 0.6 mSv</option></select></div>
      </div>
      <div class="side"><div class="ttl">Pending (3)</div><table class="q">
        <tr><td>MR BRAIN W/WO</td><td>ALVAREZ, MIA</td><td>15Y F</td><td>08:30</td></tr>
        <tr><td>CT CHEST WO</td><td>OWENS, CARL</td><td>3Y M</td><td>09:10</td></tr>
        <tr><td>XR HIP 2V</td><td>GRANT, LOIS</td><td>71Y F</td><td>09:40</td></tr></table></div></div>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality]).toEqual([true, 'CT']);
    expect(a.examDescription).toBe('CT ABDOMEN PELVIS W IV CONTRAST');
  });

  test('an untitled left pane of cards (name, "15Y F · MR BRAIN"), the open item\'s name in a heading and "M 9Y" below it', () => {
    const a = read(`<div class="split"><div class="pane-l">
        <div class="card"><div class="n">ALVAREZ, MIA</div><div class="m">15Y F · MR BRAIN W/WO · Routine</div></div>
        <div class="card"><div class="n">OWENS, CARL</div><div class="m">3Y M · CT CHEST WO · Urgent</div></div>
        <div class="card"><div class="n">GRANT, LOIS</div><div class="m">71Y F · XR HIP 2V · Routine</div></div></div>
      <div class="pane-r"><h1>PATEL, ARJUN</h1><div class="sub">M 9Y · MRN 00482211 · Ht 132 cm · Wt 28 kg</div>
        <h2>CT HEAD WO CONTRAST</h2><div>Indication: fall from bunk bed, vomiting x2</div>
        <div>Protocol: <b>Peds head 100 kV</b></div></div></div>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality, a.region]).toEqual([true, 'CT', 'head']);
  });

  test('a "My list" queue of list items on the right with ages as "15 yo", the open item with "Age: 9Y" in a form', () => {
    const a = read(`<div class="wrap"><form class="proto">
        <div class="fl"><label>Patient</label><input value="PATEL, ARJUN"></div>
        <div class="fl"><label>Age/Sex</label><input value="9Y / M"></div>
        <div class="fl"><label>Exam</label><input value="CT CHEST W CONTRAST"></div></form>
      <div class="ml"><h3>My list</h3><ul>
        <li>ALVAREZ, MIA — 15 yo — MR BRAIN W/WO</li><li>OWENS, CARL — 3 yo — CT CHEST WO</li><li>GRANT, LOIS — 71 yo — XR HIP 2V</li></ul></div></div>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality]).toEqual([true, 'CT']);
  });

  test('a technologist screen: "Worklist" rows of div cells on the left, the exam in progress with "9 y M" on the right', () => {
    const a = read(`<div class="tech"><div class="wl"><div class="wl-t">Worklist</div>
        <div class="wl-r"><span>08:30</span><span>NOOR, SAMI</span><span>2 y M</span><span>XR CHEST 2V</span></div>
        <div class="wl-r"><span>09:00</span><span>PATEL, ARJUN</span><span>9 y M</span><span>XR FOREARM 2V</span></div>
        <div class="wl-r"><span>09:30</span><span>WEBB, ROSA</span><span>16 y F</span><span>XR KNEE 3V</span></div></div>
      <div class="exam"><div class="eh"><b>PATEL, ARJUN</b> <span>9 y M</span> <span>MRN 00482211</span></div>
        <div>Exam in progress: XR FOREARM 2V LEFT</div><div>Tech: J. Ortiz</div></div></div>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality, a.region]).toEqual([true, 'DX', 'extremity']);
  });
});

describe('a layout table around the queue and the open item (nested tables are their own lists)', () => {
  test('the queue a nested table of rows with no names ("F 15Y | MR BRAIN W/WO"), the open item in the next cell', () => {
    const a = read(`<table class="layout"><tr><td class="left">
        <table class="ql"><tr><td>F 15Y</td><td>MR BRAIN W/WO</td></tr><tr><td>M 3Y</td><td>CT SINUS WO</td></tr><tr><td>F 12Y</td><td>CT CHEST W</td></tr></table>
      </td><td class="right">
        <div>M 9Y</div><div>Becker, Noah</div><div>MRN 61200478</div>
        <div><b>CT CHEST WITH IV CONTRAST</b></div><div>Reason: r/o pneumonia</div>
      </td></tr></table>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality, a.region]).toEqual([true, 'CT', 'chest']);
  });

  test('a legacy frame table: a "To Protocol" nested list of named rows, a nested key-value header and "Requested: <exam>"', () => {
    const a = read(`<table width="100%" border="0"><tbody><tr><td valign="top" width="30%"><h4>To Protocol</h4><table><tbody>
        <tr><td>ALVAREZ, MIA</td><td>F</td><td>15Y</td><td>MR BRAIN W/WO</td></tr>
        <tr><td>OWENS, CARL</td><td>M</td><td>3Y</td><td>CT SINUS WO</td></tr>
        <tr><td>NOOR, SAMI</td><td>F</td><td>12Y</td><td>CT CHEST WO</td></tr></tbody></table></td>
      <td valign="top"><table class="hd"><tr><td>Becker, Noah</td><td>M</td><td>9Y</td><td>61200478</td></tr></table>
        <div>Requested: CT CHEST WITH IV CONTRAST</div></td></tr></tbody></table>`);
    expect(a.ageDays).toBe(NINE);
    expect([a.pediatric, a.modality, a.region]).toEqual([true, 'CT', 'chest']);
  });
});

describe('negatives', () => {
  test('an adult open item beside an untitled queue of children', () => {
    const a = read(`<div class="split"><div class="pane-l">
        <div class="card"><div class="n">NOOR, SAMI</div><div class="m">2Y M · XR CHEST 2V · Routine</div></div>
        <div class="card"><div class="n">OWENS, CARL</div><div class="m">3Y M · CT CHEST WO · Urgent</div></div></div>
      <div class="pane-r"><h1>HALVORSEN, PER</h1><div class="sub">M 54Y · MRN 1120934</div>
        <h2>CT CHEST WO CONTRAST</h2></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 50 * 365).toBe(true);
  });

  test('an adult in a layout table beside a nested queue of children', () => {
    const a = read(`<table><tr><td><table><tr><td>M 2Y</td><td>XR CHEST 2V</td></tr><tr><td>F 4Y</td><td>CT HEAD WO</td></tr></table></td>
      <td><div>HALVORSEN, PER</div><div>M 54Y</div><div>MRN 1120934</div><div><b>CT CHEST WO CONTRAST</b></div></td></tr></table>`);
    expect(a.pediatric).toBe(false);
    expect(a.ageDays! > 50 * 365).toBe(true);
  });

  test('a queue with no item open ("Select an item to protocol"): no exam, not pediatric', () => {
    const a = read(`<div class="split"><div class="pane-l"><div class="ttl">To protocol (2)</div>
        <div class="card"><div class="n">NOOR, SAMI</div><div class="m">2Y M · XR CHEST 2V</div></div>
        <div class="card"><div class="n">OWENS, CARL</div><div class="m">3Y M · CT CHEST WO</div></div></div>
      <div class="pane-r"><div class="empty">Select an item to protocol</div></div></div>`);
    expect(a.pediatric).toBe(false);
    expect(a.modality).toBeNull();
  });
});
