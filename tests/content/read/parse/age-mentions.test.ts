/**
 * Ages in running text (content/read/parse/age-mentions.ts): each class of form, and each class of
 * look-alike that is not the patient's age, written in several ways.
 */
import { describe, expect, test } from 'vitest';
import { findAgeMentions } from '../../../../content/read/parse/age-mentions';

const read = (text: string) => findAgeMentions(text).map((m) => [m.form, m.reading.days, m.sex ?? null]);

describe('ages that are ages', () => {
  test.each([
    ['6 y.o.', 'compact', 2191],
    ['6 yo', 'compact', 2191],
    ['6yo', 'compact', 2191],
    ['6 y/o', 'compact', 2191],
    ['45 d/o', 'compact', 45],
    ['5 wk.o.', 'compact', 35],
    ['3 m/o', 'compact', 91],
    ['6 years old', 'compact', 2191],
    ['6 años de edad', 'compact', 2191],
  ])('compact %s', (text, form, days) => {
    expect(read(text)).toEqual([[form, days, null]]);
  });

  test.each([
    ['12Y / M', 4383, 'M'],
    ['5 mo / M', 152, 'M'],
    ['9yo F', 3287, 'F'],
    ['008M F', 243, 'F'],
    ['M 9Y', 3287, 'M'],
    ['F 3y 7m', 1308, 'F'],
    ['F | 3 y.o. | DOB: 4/2/2023', 1095, 'F'],
    ['Female, 5 wk.o., 10/31/2026', 35, 'F'],
    ['Masculino, 7 años', 2556, 'M'],
    ['M / 9Y', 3287, 'M'],
  ])('age–sex pair %s', (text, days, sex) => {
    expect(read(text)).toEqual([['pair', days, sex]]);
  });

  test.each([
    ['7 years', 2556],
    ['15 yrs', 5478],
    ['6 wks 2 days', 44],
    ['3y 7m', 1308],
    ['4 yrs, 1 mth', 1491],
    ['5 Y 5 M', 1978],
    ['17 months', 517],
    ['3 meses', 91],
    ['12 días', 12],
    ['2 años 3 meses', 821],
    ['8 a 3 m', 3013],
    ['1 a 2 m 5 d', 431],
  ])('plain %s (the reader wants a label or the header for these)', (text, days) => {
    expect(read(text)).toEqual([['plain', days, null]]);
  });

  test.each([
    ['88 M · DOB 02/09/1938', 88],
    ['79M · XR HIP', 79],
    ['52F', 52],
    ['UAE (52 F)', 52],
    ['Ferris, Joan 62 F – MUGA', 62],
    ['12 M', 12],
  ])('an age–sex pair with a capital letter and no unit: %j is years (the reader wants a label or the header)', (text, years) => {
    const m = findAgeMentions(text);
    expect(m).toHaveLength(1);
    expect(m[0]!.form).toBe('plain');
    expect(m[0]!.reading.years).toBe(years);
  });

  test('a day of life before the sex is the day of life: "DOL 2 F", "DOL 2 M"', () => {
    expect(read('DOL 2 F')).toEqual([['compact', 2, null]]);
    expect(read('DOL 2 M')).toEqual([['compact', 2, null]]);
  });

  test('a capital M is months with a sex of its own beside it: "OAKS 8M M", "8M / F"', () => {
    expect(read('OAKS 8M M')).toEqual([['pair', 243, 'M']]);
    expect(read('8M / F')).toEqual([['pair', 243, 'F']]);
  });

  test('a DICOM AS in brackets after a date, or alone', () => {
    expect(read('2017-05-30 (009Y)')).toEqual([['as', 3287, null]]);
    expect(read('012Y')).toEqual([['as', 4383, null]]);
  });

  test('in a sentence of a note', () => {
    expect(read('Sam is a 6 yo male presenting with vomiting')).toEqual([['pair', 2191, 'M']]);
    expect(read('12 d/o female, term, bilious emesis')).toEqual([['pair', 12, 'F']]);
  });
});

describe('what is not an age', () => {
  test.each(['T 101 F', 'Temp: 99 F', 'fever to 103 F', '98.6 F', '101°F', '8F sheath', '6 F catheter', '12 Fr', '14F foley', 'Sheath: 5F', 'Ward 3F'])(
    'a temperature or a French size: %j',
    (text) => {
      expect(findAgeMentions(text)).toEqual([]);
    },
  );

  test.each([
    'headache for 2 days',
    'pain over 6 months',
    'vomiting in the last 3 days',
    'x 5 days',
    'fell 2 weeks ago',
    'follow up in 2 weeks',
    'return every 6 months',
    '2-week follow-up',
    '6-month course of antibiotics',
    'brace 18 h/day',
    'frequency 1 per 5 years',
    'fiebre durante 3 días',
    'dolor desde hace 2 semanas',
  ])('a duration or interval: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  test.each([
    'Child head 5–10 y (80 kV)',
    'growth charts for ages 2 to 20 years',
    'children under 5 years',
    'patients < 2 y',
    'menores de 5 años',
    'de 2 a 5 años',
    'niños de 2 a 5 meses',
  ])('a range or a limit: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  test.each([
    'We image newborns to 17 years old.',
    'from birth to 17 years',
    'birth through 21 years of age',
    'infants to 18 years old',
    'Child Life for ages 4 years and up',
    'children 3 years and older',
    'kids 8 years old and up',
    'patients 17 years and younger',
    'children 6 years or younger may need sedation',
    'for children ages 4 to 17 years',
    'if your child is 4 years old or younger',
    'If your child is 7 years old, they can watch a movie',
    'atendemos de 0 a 17 años',
    'niños de 4 años en adelante',
    'pacientes de 6 años o más',
    'niños de 2 años y mayores',
    'si su hijo tiene 5 años, puede acompañarle',
  ])('an audience or an age range of a public page: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  test.each(['repair at 8 months of age', 'diagnosed at 3 years', 'TOF repaired at age 8 months', 'asthma since the age of 4 years', 'coartación intervenida a los 8 meses de edad', 'operado a la edad de 2 años'])('history: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  test.each([
    'Mother: Souza, Ana — 31 yo, G2P2',
    'Guardian: Holm, Karin (mother), 38 years',
    'her 4-year-old son',
    'Brother, 9 yrs (due for bitewings)',
    'his grandson (5 y/o) visits',
    'madre de 29 años',
  ])("a relative's: %s", (text) => {
    expect(read(text)).toEqual([]);
  });

  test('a hospital named for children does not make the patient a relative', () => {
    expect(read("Boston Children's | Doe, Jane | 6 y.o. F")).toEqual([['pair', 2191, 'F']]);
  });

  test('metres, kV and times are not ages', () => {
    expect(read('fell 5 m from a ladder')).toEqual([]);
    expect(read('80 kV, 120 mAs, 0.6 min')).toEqual([]);
  });
});

describe('a newborn: day of life is the age; gestational, corrected and maternal ages are not', () => {
  test.each([
    ['DOL 9', 9],
    ['DDV 5', 5],
    ['día de vida 3', 3],
    ['Day of life: 12', 12],
    ['2 días de vida', 2],
    ['4 days of life', 4],
    ['HOL 36', 1],
    ['RN de 3 días', 3],
    ['9 d', 9],
    ['9 d M', 9],
    ['F 9 d', 9],
  ])('%s', (text, days) => {
    expect(read(text).map((r) => r[1])).toEqual([days]);
  });
  test.each([
    'EG 34 sem',
    'EG: 34+2 semanas',
    'GA 34 wks',
    'RNPT 34 semanas',
    '34 weeks gestation',
    '34 semanas de gestación',
    '34 2/7 wks',
    '35 wk PMA',
    'corrected age 2 wks',
    'edad corregida 3 semanas',
    'born at 34 weeks',
    'prematuro de 32 semanas',
    'Madre de 22 años',
    'Maternal age 22 y',
    'infant of a 22 yo G2P1',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('dimensions of imaging are not ages: 2D, 3D, 4D before an imaging word or another dimension', () => {
  test.each([
    '2D Panoramic',
    '3D CBCT',
    '2D/3D',
    '2D / 3D viewer',
    '4D flow',
    '3D-CBCT',
    '3D reconstruction',
    '3D volume rendering',
    '2D images',
    'Exam: 3D Pano',
    'Oskar Lind · 2D Panoramic · 12/07/2026',
    'Tomografía 3D',
    'Vista 3D',
    '3D MPR',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });
  test.each([
    ['2D', 2],
    ['M 9Y CT HEAD', 3287],
    ['F 3D', 3],
    ['Age: 3D', 3],
    ['002D CT', 2],
  ])('a bare age in an age context stays an age: %s', (text, days) => {
    expect(read(text).map((r) => r[1])).toEqual([days]);
  });
});

describe('ages of a finding are not the patient age: bone, skeletal, dental, height age; preterm birth', () => {
  test.each([
    'Bone age 13 y 6 m per Greulich-Pyle',
    'Bone age: 13 y 6 m.',
    'skeletal age 10 yrs',
    'estimated bone age of 11 years',
    'dental age 9 years',
    'Edad ósea: 12 años',
    'edad ósea de 12 años',
    '28 weeks preterm',
    'a 28-week preterm',
    'born 30 weeks premature',
    'pretérmino de 30 semanas',
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });
  test('the patient age beside a bone age is still the age', () => {
    expect(read('Chronological age 12 y 2 m; bone age 13 y 6 m').map((r) => r[1])).toEqual([4443]);
  });
});
