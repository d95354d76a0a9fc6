import { describe, expect, it } from 'vitest';
import { TAG, tagText } from '../../../content/pacs/dicom-data';
import { createPacsClient, PacsRequestError, StudyCache } from '../../../content/pacs/pacs-client';
import { mainTag, mainTagNumbers, OrthancRest, orthancRefFromUrl } from '../../../content/pacs/orthanc-rest';
import { fakePacs, fixture, fixtureIndex, fixtureText } from '../../helpers/fake-pacs';

const ORIGIN = 'http://127.0.0.1:8042';

describe('Orthanc Explorer routes', () => {
  const id = '5b9997cd-cea34ffc-bc995beb-7844c8e4-90040971';
  it('reads the level and id from the hash, and the REST root from the path', () => {
    expect(orthancRefFromUrl(`${ORIGIN}/app/explorer.html#series?uuid=${id}`)).toEqual({ root: '/', level: 'series', id });
    expect(orthancRefFromUrl(`https://pacs.example.org/orthanc/app/explorer.html#study?uuid=${id}`)).toEqual({ root: '/orthanc/', level: 'study', id });
  });
  it('ignores other pages and ids that are not Orthanc ids', () => {
    expect(orthancRefFromUrl(`${ORIGIN}/app/explorer.html#lookup`)).toBeNull();
    expect(orthancRefFromUrl(`${ORIGIN}/app/explorer.html#series?uuid=../../system`)).toBeNull();
    expect(orthancRefFromUrl(`${ORIGIN}/app/explorer.html#series?uuid=${id}%2F..`)).toBeNull();
    expect(orthancRefFromUrl(`${ORIGIN}/ui/app/#/series/${id}`)).toBeNull();
    expect(orthancRefFromUrl('nonsense')).toBeNull();
  });
});

describe('Orthanc REST reader over real responses', () => {
  const index = fixtureIndex().child;
  const mid = index.instances['3']!;
  const routes = {
    [`/series/${index.axialSeriesId}`]: { text: fixtureText('orthanc-child-series') },
    [`/studies/${index.studyId}/series`]: { text: fixtureText('orthanc-child-study-series') },
    [`/series/${index.axialSeriesId}/instances`]: { text: fixtureText('orthanc-child-series-instances') },
    [`/instances/${mid}/tags?short`]: { text: fixtureText('orthanc-child-tags-3') },
    [`/instances/${index.metadataOf}/metadata?expand`]: { text: fixtureText('orthanc-child-metadata') },
    [`/instances/${mid}/frames/0/raw`]: { bytes: new Uint8Array([1, 2, 3, 4]), contentType: 'application/octet-stream' },
  };
  const rest = () => new OrthancRest(createPacsClient({ pageUrl: `${ORIGIN}/app/explorer.html`, fetch: fakePacs(ORIGIN, routes).fetch, cache: new StudyCache() }), '/');

  it('reads a series, the study’s series, the instances, one instance’s tags, its transfer syntax and raw frame', async () => {
    const r = rest();
    const series = await r.series(index.axialSeriesId);
    expect(series.ParentStudy).toBe(index.studyId);
    expect(mainTag(series.MainDicomTags, 'Modality')).toBe('CT');
    const all = await r.studySeries(index.studyId);
    expect(all.map((s) => mainTag(s.MainDicomTags, 'Modality')).sort()).toEqual(['CT', 'CT', 'OT', 'SR']);
    const instances = await r.seriesInstances(index.axialSeriesId);
    expect(instances).toHaveLength(5);
    expect(mainTagNumbers(instances[0]!.MainDicomTags, 'ImageOrientationPatient')).toEqual([1, 0, 0, 0, 1, 0]);
    const tags = await r.instanceTags(mid);
    expect(tagText(tags, TAG.InstanceNumber)).toBe('3');
    expect(await r.transferSyntax(index.metadataOf)).toBe('1.2.840.10008.1.2.1');
    expect(Array.from(await r.rawFrame(mid))).toEqual([1, 2, 3, 4]);
  });

  it('refuses an answer whose ids are not Orthanc ids', async () => {
    const bad = { ...(fixture('orthanc-child-series') as object), ParentStudy: '../system' };
    const r = new OrthancRest(
      createPacsClient({ pageUrl: `${ORIGIN}/app/explorer.html`, fetch: fakePacs(ORIGIN, { '/series/s': { json: bad } }).fetch, cache: new StudyCache() }),
      '/',
    );
    await expect(r.series('s')).rejects.toBeInstanceOf(PacsRequestError);
  });

  it('reads main tags defensively', () => {
    expect(mainTag({ A: ' x ', B: '', C: 3 }, 'A')).toBe('x');
    expect(mainTag({ A: ' x ', B: '', C: 3 }, 'B')).toBeNull();
    expect(mainTag({ A: ' x ', B: '', C: 3 }, 'C')).toBeNull();
    expect(mainTagNumbers({ P: '-16\\-16\\0' }, 'P')).toEqual([-16, -16, 0]);
    expect(mainTagNumbers({ P: '-16\\a' }, 'P')).toBeNull();
  });
});
