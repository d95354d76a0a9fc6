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
  panel_ageUnit_days: 'unit symbol: d (día) is the same in Spanish',
  panel_ageUnit_hours: 'unit symbol: h (hora) is the same in Spanish',
  panel_ageUnit_minutes: 'unit symbol: min (minuto) is the same in Spanish',
  popup_links_heading: 'campaign name (Image Gently)',
  popup_calc_ctdivol: 'quantity symbol and unit (CTDIvol, mGy)',
  popup_calc_phantom16: 'a length in cm',
  popup_calc_phantom32: 'a length in cm',
  popup_calc_dwCm: 'symbol and unit (Dw, cm)',
  popup_calc_apCm: 'symbol and unit (AP, cm)',
  popup_calc_latCm: '"Lateral" is the Spanish word as well',
  popup_calc_sumCm: 'symbols; "lateral" is the Spanish word as well',
  popup_calc_result: 'symbol and unit (SSDE, mGy)',
  pacs_ctdi: 'CTDIvol is printed this way on consoles and in reports (glossary)',
  history_ctdi: 'CTDIvol is printed this way on consoles and in reports (glossary)',
  history_dlp: 'DLP is printed this way on consoles and in reports',
  history_ssde: 'SSDE is the symbol in both languages (AAPM Report 204)',
  history_region_abdomen: '"abdomen" is the Spanish word as well',
  history_region_pelvis: '"pelvis" is the Spanish word as well',
  pacs_ssdeDetail: 'formula: factor × CTDIvol in mGy',
  pacs_scannerDw: 'Dw and cm are the same in Spanish (glossary)',
  pacs_scannerSsde: 'SSDE and mGy are the same in Spanish (glossary)',
};
