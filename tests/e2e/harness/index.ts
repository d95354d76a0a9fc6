/**
 * E2E harness — see ./README.md for the API and examples.
 */
export { prerequisites, describeE2E, checkNeeds, recordSkip, aptLine, skipRequested, type Need } from './prerequisites';
export { ensureBuild, buildDir, productionOnLoopback, type BuildName } from './builds';
export {
  launchChromium,
  watchExtensionRequests,
  extensionResourceEntries,
  QUIET_CHROMIUM_FLAGS,
  type ChromiumSession,
  type LaunchChromiumOptions,
} from './chromium';
export {
  launchFirefox,
  watchExtensionRequestsFirefox,
  FIREFOX_EXTENSION_UUID,
  QUIET_FIREFOX_PREFS,
  type FirefoxSession,
  type LaunchFirefoxOptions,
} from './firefox';
export { startOrthanc, freePort, type OrthancServer, type OrthancUploadResult } from './orthanc';
export {
  makeCtInstance,
  readDataset,
  seedOrthanc,
  waterEllipse,
  uidFrom,
  PEDIATRIC_CT,
  ADULT_CT,
  PEDIATRIC_PHANTOM,
  ADULT_PHANTOM,
  CTDI_PHANTOM,
  type CtOptions,
  type CtInstance,
  type SeededStudy,
} from './dicom';
export { serveStatic, type StaticServer, type Route } from './static';
export { listZip } from './zip';
export { panelState, waitForPanel, PANEL_TAG, type PanelState } from './panel';
