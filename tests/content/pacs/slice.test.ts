import { describe, expect, it } from 'vitest';
import { mainTagNumbers, OrthancInstanceSummarySchema } from '../../../content/pacs/orthanc-rest';
import { chooseMidSlice, chooseSlicesAlongScan, isTransverse, judgeImage, orderAlongZ } from '../../../content/pacs/slice';
import { fixture } from '../../helpers/fake-pacs';

const AXIAL = [1, 0, 0, 0, 1, 0];
const at = (id: string, z: number, orientation: number[] | null = AXIAL) => ({ id, position: [-125, -125, z], orientation });

describe('image kind', () => {
  it('accepts ORIGINAL/PRIMARY/AXIAL CT images only', () => {
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2', ['ORIGINAL', 'PRIMARY', 'AXIAL'])).toBe('axial');
    expect(judgeImage(null, ['original', 'primary', 'axial', 'HELIX'])).toBe('axial');
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2', ['ORIGINAL', 'PRIMARY', 'LOCALIZER'])).toBe('localizer');
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2', ['DERIVED', 'SECONDARY', 'AXIAL'])).toBe('derived-or-secondary');
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2', ['ORIGINAL', 'PRIMARY', 'OTHER'])).toBe('derived-or-secondary');
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2', null)).toBe('derived-or-secondary');
    // A dose screen kept as Secondary Capture, whatever its ImageType says.
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.7', ['ORIGINAL', 'PRIMARY', 'AXIAL'])).toBe('not-ct-image');
    expect(judgeImage('1.2.840.10008.5.1.4.1.1.2.1', ['ORIGINAL', 'PRIMARY', 'AXIAL'])).toBe('not-ct-image');
  });
});

describe('orientation', () => {
  it('keeps axial and gantry-tilted slices, refuses sagittal, coronal and broken orientations', () => {
    expect(isTransverse(AXIAL)).toBe(true);
    const tilt = (deg: number) => [1, 0, 0, 0, Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
    expect(isTransverse(tilt(25))).toBe(true);
    expect(isTransverse(tilt(45))).toBe(false);
    expect(isTransverse([0, 1, 0, 0, 0, -1])).toBe(false); // sagittal
    expect(isTransverse([1, 0, 0, 0, 0, -1])).toBe(false); // coronal
    expect(isTransverse([1, 0, 0])).toBe(false);
    expect(isTransverse(null)).toBe(false);
  });
});

describe('z-midpoint slice', () => {
  it('picks the middle slice of the real Orthanc instance list, whatever the listing order', () => {
    const list = (fixture('orthanc-child-series-instances') as unknown[]).map((x) => OrthancInstanceSummarySchema.parse(x));
    const slices = list.map((i) => ({
      id: i.ID,
      position: mainTagNumbers(i.MainDicomTags, 'ImagePositionPatient'),
      orientation: mainTagNumbers(i.MainDicomTags, 'ImageOrientationPatient'),
    }));
    const chosen = chooseMidSlice(slices)!;
    // Slices are at z = 0, -5, -10, -15, -20 mm: the midpoint is -10 mm, InstanceNumber 3.
    expect(chosen.zMm).toBeCloseTo(-10, 6);
    expect(chosen).toMatchObject({ index: 3, count: 5 });
    expect(list.find((i) => i.ID === chosen.slice.id)!.MainDicomTags.InstanceNumber).toBe('3');
    expect(chooseMidSlice([...slices].reverse())!.slice.id).toBe(chosen.slice.id);
  });

  it('uses the range midpoint, not the median, with uneven spacing', () => {
    const chosen = chooseMidSlice([at('a', 0), at('b', 1), at('c', 2), at('d', 3), at('e', 100)])!;
    expect(chosen.slice.id).toBe('d'); // midpoint 50: nearest is z = 3
  });

  it('leaves out slices without a position or with another orientation', () => {
    const slices = [at('a', 0), { id: 'x', position: null, orientation: AXIAL }, at('b', 10), at('c', 20), at('s', 5, [0, 1, 0, 0, 0, -1])];
    expect(orderAlongZ(slices).map((s) => s.slice.id)).toEqual(['a', 'b', 'c']);
    expect(chooseMidSlice(slices)!.slice.id).toBe('b');
    expect(chooseMidSlice([{ id: 'x', position: null, orientation: AXIAL }])).toBeNull();
    expect(chooseMidSlice([])).toBeNull();
  });

  it('measures z along the slice normal for tilted stacks', () => {
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const orientation = [1, 0, 0, 0, c, s];
    // normal = row × col = (0, -s, c); positions step 5 mm along it
    const slices = [0, 1, 2, 3, 4].map((k) => ({ id: `k${k}`, position: [0, -s * 5 * k, c * 5 * k], orientation }));
    expect(orderAlongZ(slices).map((x) => Math.round(x.zMm))).toEqual([0, 5, 10, 15, 20]);
    expect(chooseMidSlice(slices)!.slice.id).toBe('k2');
  });
});

describe('slices along the scan', () => {
  it('spreads n picks over the range, ends included, without repeats', () => {
    const slices = Array.from({ length: 11 }, (_, k) => at(`s${k}`, k * 5));
    expect(chooseSlicesAlongScan(slices, 5).map((c) => c.slice.id)).toEqual(['s0', 's3', 's5', 's8', 's10']);
    expect(chooseSlicesAlongScan(slices.slice(0, 3), 5).map((c) => c.slice.id)).toEqual(['s0', 's1', 's2']);
    expect(chooseSlicesAlongScan(slices, 1).map((c) => c.slice.id)).toEqual(['s5']);
    expect(chooseSlicesAlongScan([], 3)).toEqual([]);
  });
});
