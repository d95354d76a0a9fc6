import { expect, it } from 'vitest';
import { mayShowPatientExam } from '@/content/page/reader-gate';
import { parseHtml } from '../../helpers/pages';

// happy-dom loads no frame, so the frame's document is given to the element as a browser would.
it('reads the page with its same-origin frames: a banner in the page, the order in a tab frame', () => {
  const page = parseHtml('<html><body><div id="banner">DOE, KIM · DOB 08/15/2020</div><iframe name="tab1"></iframe></body></html>');
  expect(mayShowPatientExam(page)).toBe(false);
  const order = parseHtml('<html><body><h3>Procedure order</h3><div>XR HAND 3 VIEWS LEFT</div></body></html>');
  Object.defineProperty(page.querySelector('iframe')!, 'contentDocument', { value: order });
  expect(mayShowPatientExam(page)).toBe(true);
});

it('skips a frame of another origin (its document cannot be read)', () => {
  const page = parseHtml('<html><body><div>DOE, KIM · DOB 08/15/2020</div><iframe></iframe></body></html>');
  Object.defineProperty(page.querySelector('iframe')!, 'contentDocument', {
    get() {
      throw new Error('SecurityError');
    },
  });
  expect(mayShowPatientExam(page)).toBe(false);
});
