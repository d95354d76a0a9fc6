/**
 * Messages that may read the same in English and Spanish, each with the reason. Anything else
 * identical in both catalogs is taken to be untranslated and fails tests/i18n/locales.test.ts.
 * Add a key here only for proper nouns, product names, codes and words that are the same in both
 * languages; see docs/glossary-es.md.
 */
export const IDENTICAL_ALLOWED: Readonly<Record<string, string>> = {
  extName: 'product name',
  popup_title: 'product name',
  panel_title: 'campaign name (Image Gently)',
  panel_modality_DX: 'DICOM modality code',
  panel_modality_XA: 'DICOM modality code',
  panel_modality_MG: 'DICOM modality code',
  panel_modality_PT: 'PET is the usual abbreviation in Spanish too',
  panel_modality_IO: '"Intraoral" is the Spanish word as well',
};
