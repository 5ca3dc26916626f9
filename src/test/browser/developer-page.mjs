// Drives the developer page in headless Chromium, as a developer would: loads it, checks that it says the
// service is ready (and whether it runs in development mode), asks for a token and reads the claims, runs the curl
// command the page shows and gets the same claims, asks with a bad number and reads the problem, and looks at it on
// a desktop and a phone-sized screen, where no word that fits its line is broken. Screenshots go to SCREENSHOT_DIR.
//
//   node developer-page.mjs http://127.0.0.1:8080/
//
// Exits 0 when every check passes; otherwise prints what failed and exits 1.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
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

// Words (split at white space and hyphens) that the page breaks across lines although they would fit on one.
async function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let block = node.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      if (!block || block.getClientRects().length === 0) {
        continue;
      }
      const style = getComputedStyle(block);
      // a token is one long word, and is meant to break anywhere
      if (style.overflowWrap === 'anywhere') {
        continue;
      }
      const room = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const word of node.textContent.matchAll(/[^\s-]+/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1 && range.getBoundingClientRect().width <= room) {
          broken.push(word[0]);
        }
      }
    }
    return broken;
  });
}

// The claims of a token, but when it was made.
function claimsOf(jwt) {
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  delete claims.iat;
  delete claims.exp;
  return claims;
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  // a French-speaking user: the browser's languages choose the token's locale when the form names none
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
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
  const info = await (await page.request.get(new URL('verify/info', base).href)).json();
  check(await page.locator('#development').isVisible() === info.development_mode,
    `the page says development mode exactly when the service runs in it (${info.development_mode})`);

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
  const brokenToken = await brokenWords(page);
  check(brokenToken.length === 0, `no word is broken at 1280 px (token: ${brokenToken.join(', ') || 'none'})`);
  await page.screenshot({ path: join(screenshots, 'developer-page-token.png'), fullPage: true });

  // the language of the browser, sent by the page and shown in its curl command: the same token
  await page.fill('#locale', '');
  await page.selectOption('#via', '');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => /locale\s+"fr-FR"/.test(document.querySelector('#claims').innerText));
  const shown = await page.locator('#curl').innerText();
  check(shown.includes("-H 'Accept-Language: fr-FR'"), 'the curl command carries the Accept-Language the page sent');
  const pageToken = await page.locator('#jwt').innerText();
  const curlToken = JSON.parse(execFileSync('bash', ['-c', shown], { encoding: 'utf8' })).jwt_token;
  check(JSON.stringify(claimsOf(curlToken)) === JSON.stringify(claimsOf(pageToken)),
    `the page's curl command gets the same claims as the page (${JSON.stringify(claimsOf(curlToken))})`);

  // another Authy app, picked from the list the page got from /verify/info
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
  const brokenProblem = await brokenWords(page);
  check(brokenProblem.length === 0, `no word is broken at 1280 px (problem: ${brokenProblem.join(', ') || 'none'})`);
  await page.screenshot({ path: join(screenshots, 'developer-page-problem.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.waitForSelector('#readiness.ready');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `nothing is wider than a phone screen (overflow ${overflow}px)`);
  for (const [number, shownAs] of [['(415) 555-2671', '#token'], ['+1 415', '#problem']]) {
    await page.fill('#phone_number', number);
    await page.fill('#country', number.startsWith('(') ? 'US' : '');
    await page.click('button[type=submit]');
    await page.waitForSelector(`${shownAs}:not([hidden])`);
    const broken = await brokenWords(page);
    check(broken.length === 0, `no word is broken at 390 px (${shownAs.slice(1)}: ${broken.join(', ') || 'none'})`);
  }
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
