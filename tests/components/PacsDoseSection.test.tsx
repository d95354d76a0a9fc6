// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacsDoseSection } from '@/components/PacsDoseSection';
import { alongScanView } from '@/content/pacs/section-view';
import type { PacsSectionView } from '@/content/panel/view-model';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const view = (over: Partial<PacsSectionView> = {}): PacsSectionView => ({
  numbers: [{ id: 'pacs-ssde', label: 'SSDE', value: '10.3 mGy', detail: 'f 2.06 × CTDIvol 5.0 mGy', source: 'AAPM 220 → Table 1D', estimate: false }],
  lines: ['Method: DICOM CID 10023 113988 (Estimated from Water Equivalent Diameter)'],
  scanner: null,
  notes: ['<img src=x onerror=alert(1)>'],
  canMeasureAlongScan: true,
  ...over,
});

describe('PacsDoseSection', () => {
  it('renders numbers, lines and notes as text', () => {
    act(() => render(<PacsDoseSection view={view()} />, root));
    expect(root.querySelector('[data-number="pacs-ssde"] .igp-value')?.textContent).toBe('10.3 mGy');
    expect(root.textContent).toContain('113988');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.igp-pacs-notes li')?.textContent).toBe('<img src=x onerror=alert(1)>');
    // No along-scan button without a handler.
    expect(root.querySelector('button')).toBeNull();
  });

  it('runs "SSDE along the scan" only when the button is pressed', async () => {
    const along = vi.fn(async () =>
      alongScanView(
        {
          methodCode: '113989' as const,
          slices: [{ zMm: 0, dwCm: 16, ssdeMGy: 10.3 }, { zMm: -5, dwCm: 16.2, ssdeMGy: 10.2 }],
          meanSsdeMGy: 10.25,
          meanDwCm: 16.1,
        },
        'en',
      ),
    );
    act(() => render(<PacsDoseSection view={view()} onMeasureAlongScan={along} />, root));
    expect(along).not.toHaveBeenCalled();
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('SSDE along the scan');
    await act(async () => {
      button.click();
    });
    expect(along).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('Mean SSDE along the scan: 10.3 mGy (Dw 16.1 cm on average, 2 slices)');
    expect(root.textContent).toContain('113989');
  });

  it('says what went wrong when the along-scan reading fails', async () => {
    const along = vi.fn(async () => alongScanView({ code: 'api-timeout' as const }, 'en'));
    act(() => render(<PacsDoseSection view={view()} onMeasureAlongScan={along} />, root));
    await act(async () => {
      root.querySelector('button')!.click();
    });
    expect(root.textContent).toContain('The PACS API did not answer in time.');
    expect(root.textContent).not.toContain('113989');
  });

  it('says the API was unavailable when the reading itself throws', async () => {
    const along = vi.fn(async (): Promise<never> => {
      throw new Error('boom');
    });
    act(() => render(<PacsDoseSection view={view()} onMeasureAlongScan={along} />, root));
    await act(async () => {
      root.querySelector('button')!.click();
    });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('The PACS API could not be reached.');
  });

  it('renders nothing when there is nothing to say', () => {
    act(() => render(<PacsDoseSection view={view({ numbers: [], notes: [], lines: [] })} />, root));
    expect(root.innerHTML).toBe('');
  });
});
