/** Whether two written names are one person's (generic/names.ts): order, case, accents, initials, a dropped surname. */
import { describe, expect, test } from 'vitest';
import { looksLikeName, samePerson } from '../../../content/read/generic/names';

describe('samePerson', () => {
  test.each([
    ['GARCÍA LÓPEZ, Sofía', 'Sofía García López'],
    ['GARCÍA LÓPEZ, Sofía', 'SOFIA GARCIA LOPEZ'],
    ['GARCÍA LÓPEZ, Sofía', 'Sofía García'],
    ['Nguyen, Liam', 'NGUYEN, LIAM J.'],
    ['Nguyen, Liam', 'NGUYEN^LIAM'],
    ['Peña Ibáñez, José María', 'JOSE MARIA PEÑA IBAÑEZ'],
    ['Mr. Okafor, Ada', 'Ada Okafor'],
  ])('%s is %s', (a, b) => expect(samePerson(a, b)).toBe(true));
  test.each([
    ['GÓMEZ RUIZ, Lucía', 'RN GÓMEZ RUIZ'],
    ['GÓMEZ RUIZ, Lucía', 'GÓMEZ RUIZ'],
    ['RUIZ MORA, Carmen', 'Lucas Ruiz Mora'],
    ['Ruiz, Carla', 'Baby Girl Ruiz'],
    ['Nguyen, Liam', 'Nguyen, Mai'],
    ['Nguyen, Liam', 'Liam'],
  ])('%s is not %s', (a, b) => expect(samePerson(a, b)).toBe(false));
});

describe('looksLikeName', () => {
  test.each(['Sofía García López', 'NGUYEN, LIAM J', "O'Brien-Smith, Mary", 'DOE^JANE'])('%s', (t) => expect(looksLikeName(t)).toBe(true));
  test.each(['CT Head 2', 'MRN 5512', 'Sofia', 'Nguyen, Liam — 03/24/2019'])('not %s', (t) => expect(looksLikeName(t)).toBe(false));
});
