// Drives the developer page in headless Chromium, as a developer would: loads it, checks that it says the
// service is ready, asks for a token and reads the claims, asks with a bad number and reads the problem,
// and looks at it on a phone-sized screen. Screenshots go to SCREENSHOT_DIR.
//
//   node developer-page.mjs http://127.0.0.1:8080/
//
// Exits 0 when every check passes; otherwise prints what failed and exits 1.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.argv[2];
const screenshots = process.env.SCREENSHOT_DIR || 'target/screenshots';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
mkdirSync(screenshots, { recursive: true });

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log(`ok - ${message}`);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const origin = new URL(base).origin;
  const foreign = [];
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin !== origin) {
      foreign.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(base);
  await page.waitForSelector('#readiness.ready, #readiness.not-ready');
  check(await page.locator('#readiness').getAttribute('class') === 'ready', 'the page says the service is ready');
  const configuration = await page.locator('#configuration').innerText();
  check(/App id\s+\d+/.test(configuration), `the page shows the app id (${configuration.split('\n')[1]})`);
  check(configuration.includes('Token lifetime'), 'the page shows the token lifetime');
  check(configuration.includes('refused number types'), 'the page shows the policy in force');

  await page.fill('#phone_number', '(415) 555-2671');
  await page.fill('#country', 'US');
  await page.fill('#locale', 'de');
  await page.selectOption('#via', 'call');
  await page.click('button[type=submit]');
  await page.waitForSelector('#token:not([hidden])');
  check(await page.locator('#normalised').innerText() === '+14155552671', 'the normalised number is E.164');
  const claims = await page.locator('#claims').innerText();
  check(/app_id\s+\d+\s+integer/.test(claims), 'app_id is an integer claim');
  check(/phone_number\s+"\+14155552671"\s+string/.test(claims), 'phone_number is the E.164 string');
  check(/via\s+"call"/.test(claims) && /locale\s+"de"/.test(claims), 'via and locale are in the claims');
  check(/exp\s+\d+ — .*3600 s after iat/.test(claims), 'the expiry is shown as a time, 3600 s after iat');
  const header = await page.locator('#header-claims').innerText();
  check(header.includes('"HS256"') && header.includes('"JWT"'), 'the header is HS256 / JWT');
  const curl = await page.locator('#curl').innerText();
  check(curl.includes("-H 'Content-Type: application/json'") && curl.includes('"phone_number":"(415) 555-2671"'),
    'the equivalent curl command is shown');
  await page.screenshot({ path: join(screenshots, 'developer-page-token.png'), fullPage: true });

  // another Authy app, picked from the list the page got from /verify/info
  const info = await (await page.request.get(new URL('verify/info', base).href)).json();
  const other = (info.apps || []).find((app) => app.name !== 'default' && app.ready);
  if (other) {
    check(await page.locator('#app-choice').isVisible(), 'the page lets the user pick one of the apps');
    await page.selectOption('#app', other.path.replace(/^\//, ''));
    await page.selectOption('#via', '');
    await page.click('button[type=submit]');
    await page.waitForFunction((appId) => new RegExp(`app_id\\s+${appId}\\s`)
      .test(document.querySelector('#claims').innerText), other.app_id);
    const appCurl = await page.locator('#curl').innerText();
    check(appCurl.includes(other.path), `the token is the app ${other.name}'s, from ${other.path}`);
    await page.screenshot({ path: join(screenshots, 'developer-page-app.png'), fullPage: true });
    await page.selectOption('#app', 'verify/token');
  }

  await page.fill('#phone_number', '+1 415');
  await page.fill('#country', '');
  await page.fill('#locale', 'klingon');
  await page.selectOption('#via', '');
  await page.click('button[type=submit]');
  await page.waitForSelector('#problem:not([hidden])');
  check((await page.locator('#result-title').innerText()).includes('400'), 'a bad number is answered with 400');
  const errors = await page.locator('#errors').innerText();
  check(/phone_number\s+too_short/.test(errors), 'the problem names phone_number: too_short');
  check(/locale\s+unsupported_locale/.test(errors), 'the problem names locale: unsupported_locale');
  await page.screenshot({ path: join(screenshots, 'developer-page-problem.png'), fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await page.waitForSelector('#readiness.ready');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `nothing is wider than a phone screen (overflow ${overflow}px)`);
  await page.screenshot({ path: join(screenshots, 'developer-page-phone.png'), fullPage: true });

  check(foreign.length === 0, `nothing is fetched from elsewhere (${foreign.join(', ') || 'no request'})`);
  check(pageErrors.length === 0, `no script error (${pageErrors.join('; ') || 'none'})`);
} catch (error) {
  failed = true;
  console.log(`not ok - ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
