// Browser test of the demo page: Debian's chromium (headless) opens http://HOST:PORT/, a RAVDESS WAV
// goes through the page's file input, and the transcript the server streams back must appear on the
// page. Usage: node demo.test.mjs BASE_URL WAV_FILE EXPECTED_WORD [SCREENSHOT.png]
// Exit 0 on success, 1 on failure (with the page's status line and console in the message).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, wav, expected, screenshot] = process.argv.slice(2);
if (!base || !wav || !expected) {
  console.error('usage: node demo.test.mjs BASE_URL WAV_FILE EXPECTED_WORD [SCREENSHOT.png]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'emofuse-chromium-'));
// The flags keep chromium from reaching for the network (this machine has none) and from
// needing a GPU or a sandbox (we run as root in a container).
// Playwright passes the fresh profile directory as chromium's --user-data-dir.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const consoleLines = [];
let failed = false;
try {
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  // Every resource the page loads (the favicon included) must exist.
  const missing = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.locator('#file').setInputFiles(wav);
  // The file streams at real time (2-4 s), then the final arrives after eof.
  await page.waitForFunction(
    (word) => document.getElementById('transcript').textContent.toLowerCase().includes(word),
    expected.toLowerCase(), { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById('status').textContent === 'done', null, { timeout: 15000 });
  const transcript = await page.locator('#transcript').textContent();
  console.log(`transcript: ${transcript.trim()}`);
  if (!(await page.locator('#error').isHidden())) throw new Error('an error is shown after a good stream');
  const favicon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
  if (favicon !== 200) throw new Error(`favicon.ico answered ${favicon}`);
  if (missing.length) throw new Error(`resources failed: ${missing.join(', ')}`);
  const emotion = await page.evaluate(() => window.getComputedStyle(document.getElementById('bar-v')).width);
  console.log(`category: ${await page.locator('#category').textContent()}; valence bar ${emotion}`);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  // A file the browser cannot decode is shown as an error, in the alert box.
  await page.locator('#file').setInputFiles({ name: 'not-audio.wav', mimeType: 'audio/wav',
    buffer: Buffer.from('this is not a wav file') });
  await page.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: 10000 });
  console.log(`error shown: ${await page.locator('#error').textContent()}`);
} catch (e) {
  failed = true;
  let statusLine = '';
  try { statusLine = await context.pages()[0].locator('#status').textContent(); } catch { /* none */ }
  console.error(`demo page test failed: ${e.message}\nstatus: ${statusLine}\nconsole:\n${consoleLines.join('\n')}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
