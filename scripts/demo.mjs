#!/usr/bin/env node
// `npm run demo`: build the e2e extension, serve the bundled demo pages (tests/fixtures/demo/) on
// loopback, open Chromium with the extension on the first page — headed when a display exists,
// otherwise headless — and save screenshots of each page, of the popup and of the "Teach this page" picker (on a
// page the reader cannot read, tests/fixtures/recipe/acme-ris/) under demo-output/.
//   --docs   also copy the panel screenshots to docs/screenshots/ (for the README)
//   --headless  force headless even with a display
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, buildDir, ensureBuilds } from './lib/builds.mjs';
import { prerequisites } from './lib/prerequisites.mjs';

const DEMO_DIR = join(ROOT, 'tests', 'fixtures', 'demo');
/** A made-up RIS screen the page reader cannot read: the picker's scene. */
const PICKER_PAGE = { path: '/acme/orders/4711', file: join(ROOT, 'tests', 'fixtures', 'recipe', 'acme-ris', 'page-1.html') };
const OUT = join(ROOT, 'demo-output');
const args = new Set(process.argv.slice(2));
const headed = !!process.env.DISPLAY && !args.has('--headless');

const PAGES = [
  { name: 'pediatric-ct-order', path: '/orders/pediatric-ct.html', expect: 'pediatric panel' },
  { name: 'orthanc-explorer-series', path: '/app/explorer.html#series?uuid=demo-child-series', expect: 'pediatric panel' },
  { name: 'child-unsure-xr-order', path: '/orders/unsure-age-xr.html', expect: 'pediatric panel' },
  { name: 'adult-ct-order', path: '/orders/adult-ct.html', expect: 'no panel' },
  { name: 'statements', path: '/statements.html', expect: 'no panel' },
];

const pre = prerequisites();
if (!pre.chromium) {
  console.error(`Chromium is missing. Install it with:\n  ${pre.aptLine}`);
  process.exit(1);
}

console.log('Building the e2e extension (only if sources changed)…');
for (const b of ensureBuilds(['chrome-mv3-e2e'])) console.log(`  built ${b.name} (${b.reason}) in ${(b.ms / 1000).toFixed(1)} s`);
const extensionPath = buildDir('chrome-mv3-e2e');

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === PICKER_PAGE.path) {
    res.writeHead(200, { 'content-type': TYPES['.html'] }).end(readFileSync(PICKER_PAGE.file));
    return;
  }
  const file = normalize(join(DEMO_DIR, decodeURIComponent(url.pathname)));
  if (!file.startsWith(DEMO_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'igc-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: pre.chromium,
  headless: !headed,
  viewport: { width: 1280, height: 800 },
  args: [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    ...(headed ? [] : ['--headless=new']),
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
  ],
});

const shots = [];
let exitCode = 0;
try {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(sw.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());

  for (const p of PAGES) {
    await page.goto(origin + p.path);
    await page.waitForLoadState('load');
    // Give the content script time to read the page and mount (or decide not to).
    let panel = 0;
    for (let i = 0; i < 20; i++) {
      panel = await page.evaluate(() => document.querySelectorAll('image-gently-panel').length);
      if (panel > 0 && p.expect === 'pediatric panel') break;
      await page.waitForTimeout(200);
    }
    const pediatric = await page.evaluate(() => document.querySelector('image-gently-panel')?.getAttribute('data-pediatric') ?? null);
    // Expand the panel (its pill is the first button in the shadow root) for a readable screenshot.
    if (pediatric === 'true') {
      await page.locator('image-gently-panel button').first().click({ timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(400);
    }
    const file = join(OUT, `${p.name}.png`);
    await page.screenshot({ path: file });
    shots.push({ file, note: `${p.expect}; found: ${panel ? `panel (data-pediatric=${pediatric})` : 'no panel'}` });
  }

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 620 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(1000);
  const popupFile = join(OUT, 'popup.png');
  await popup.screenshot({ path: popupFile, fullPage: true });
  shots.push({ file: popupFile, note: 'toolbar popup' });
  await popup.close();

  // The picker, started as the popup's "Teach this page" starts it, pointing at the birth date.
  await page.goto(origin + PICKER_PAGE.path);
  await page.waitForLoadState('load');
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html`);
  const started = await ext.evaluate(async (want) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === want);
    return (await chrome.runtime.sendMessage({ type: 'start-picker-in-tab', tabId: tab.id })) === true;
  }, page.url());
  await ext.close();
  if (started) {
    await page.bringToFront();
    await page.locator('image-gently-picker .igk-card').waitFor({ timeout: 10_000 });
    const box = await page.locator('[data-testid="pt-born"]').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('image-gently-picker .igk-reads').waitFor({ timeout: 10_000 }).catch(() => undefined);
    const pickerFile = join(OUT, 'picker.png');
    await page.screenshot({ path: pickerFile });
    shots.push({ file: pickerFile, note: '"Teach this page": the picker pointing at the birth date' });
    await page.keyboard.press('Escape');
  } else {
    console.error('The picker did not start on the demo page.');
    exitCode = 1;
  }

  // "This child on this PACS" needs a real PACS API: a scene of its own on Debian's Orthanc, when installed.
  if (pre.orthanc) {
    const scene = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'history-scene.ts'), OUT], { stdio: 'inherit' });
    if (scene.status === 0) {
      for (const name of ['child-history.png', 'imaging-record.png']) shots.push({ file: join(OUT, name), note: 'This child on this PACS (real Orthanc)' });
    } else {
      console.error(`the history scene failed (exit ${scene.status})`);
      exitCode = 1;
    }
  } else {
    console.log(`Orthanc is not installed: no "This child on this PACS" scene (${pre.aptLine})`);
  }

  await page.goto(origin + PAGES[0].path);
  console.log(`\nDemo pages on ${origin} (extension ${extensionId}, ${headed ? 'headed' : 'headless'}):`);
  for (const p of PAGES) console.log(`  ${origin}${p.path}`);
  console.log('\nScreenshots:');
  for (const s of shots) console.log(`  ${s.file}   (${s.note})`);

  if (args.has('--docs')) {
    const docs = join(ROOT, 'docs', 'screenshots');
    mkdirSync(docs, { recursive: true });
    for (const s of shots) copyFileSync(s.file, join(docs, s.file.split(sep).pop()));
    console.log(`Copied to ${docs}`);
  }

  if (headed) {
    console.log('\nChromium stays open on the first demo page; close it (or press Ctrl+C) to end the demo.');
    await new Promise((r) => {
      context.once('close', r);
      process.once('SIGINT', r);
    });
  }
} catch (e) {
  console.error(`demo failed: ${e?.stack ?? e}`);
  exitCode = 1;
} finally {
  await context.close().catch(() => undefined);
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
