// The developer page: shows whether the service is ready and its non-secret configuration, asks for a
// token the way an app does, and explains the answer. Nothing is fetched from anywhere but this service.
'use strict';

const $ = (id) => document.getElementById(id);

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) {
    element.className = className;
  }
  return element;
}

function row(...cells) {
  const tr = document.createElement('tr');
  cells.forEach((cell) => tr.appendChild(cell));
  return tr;
}

function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function decodePart(part) {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function describeTime(seconds) {
  const date = new Date(seconds * 1000);
  return `${date.toLocaleString()} (${date.toISOString()})`;
}

function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

async function loadStatus() {
  const readiness = $('readiness');
  try {
    const response = await fetch('verify/info', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const info = await response.json();
    readiness.className = info.ready ? 'ready' : 'not-ready';
    if (!info.ready) {
      readiness.textContent = 'Not ready: the configuration has problems, and token requests are answered with 503.';
    } else if (info.development_mode) {
      readiness.textContent = 'Ready: tokens are issued, signed with a throwaway development key.';
    } else {
      readiness.textContent = 'Ready: tokens are issued.';
    }
    $('development').hidden = !info.development_mode;
    const problems = $('problems');
    problems.replaceChildren(...info.problems.map((p) => text('li', p)));
    problems.hidden = info.problems.length === 0;

    const datalist = $('locales');
    datalist.replaceChildren(...info.supported_locales.map((tag) => {
      const option = document.createElement('option');
      option.value = tag;
      return option;
    }));

    const apps = info.apps || [];
    const choice = $('app');
    choice.replaceChildren(...apps.map((app) => {
      const option = document.createElement('option');
      option.value = app.path.replace(/^\//, '');
      option.textContent = app.ready ? `${app.name} (app id ${app.app_id})` : `${app.name} (not ready)`;
      return option;
    }));
    $('app-choice').hidden = apps.length < 2;

    if (info.ready) {
      const configuration = $('configuration');
      const describeDefaults = (defaults) => (Object.keys(defaults).length
        ? Object.entries(defaults).map(([k, v]) => `${k}=${v}`).join(', ') : 'none');
      const entries = [];
      if (info.app_id !== undefined) {
        entries.push(['App id', String(info.app_id)], ['Token lifetime', `${info.token_lifetime_seconds} s`],
          ['Defaults', describeDefaults(info.defaults)]);
      }
      if (apps.length > 1 || info.app_id === undefined) {
        entries.push(['Apps', apps.map((app) => (app.ready
          ? `${app.name}: app id ${app.app_id}, ${app.token_lifetime_seconds} s, defaults ${describeDefaults(app.defaults)}`
          : `${app.name}: not ready`)).join('; ')]);
      }
      entries.push(
        ['Policy', info.policy.join('; ')],
        ['Rate limits', `per number ${info.rate_limits.per_number}, per client ${info.rate_limits.per_client}, `
          + `per country ${info.rate_limits.per_country}; buckets: ${info.rate_limits.store}`],
        ['Caller authentication', info.caller_authentication ? 'required (bearer JWT)' : 'off'],
      );
      configuration.replaceChildren(...entries.flatMap(([name, value]) => [text('dt', name), text('dd', value)]));
      configuration.hidden = false;
    }
  } catch (error) {
    readiness.className = 'not-ready';
    readiness.textContent = `The service did not answer (${error.message}).`;
  }
}

function fields() {
  const body = {};
  ['phone_number', 'country', 'locale', 'via'].forEach((name) => {
    const value = $(name).value;
    if (value.trim() !== '') {
      body[name] = value;
    }
  });
  return body;
}

function tokenPath() {
  return $('app').value || 'verify/token';
}

// The headers of the token request, set here rather than left to the browser, so that the curl command shown is
// the request sent: Accept-Language chooses the locale when the form names none.
function requestHeaders() {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json, application/problem+json',
    'Accept-Language': languages.filter(Boolean)
      .map((tag, i) => (i === 0 ? tag : `${tag};q=${Math.max(0.1, 1 - i / 10).toFixed(1)}`)).join(', '),
  };
}

function showCurl(body, headers) {
  const url = new URL(tokenPath(), document.baseURI).href;
  const options = Object.entries(headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
  $('curl').textContent = [`curl -s ${shellQuote(url)}`, ...options, `-d ${shellQuote(JSON.stringify(body))}`]
    .join(' \\\n     ');
}

function showToken(jwt) {
  const [header, payload] = jwt.split('.').slice(0, 2).map(decodePart);
  $('result-summary').className = 'issued';
  $('result-summary').textContent = 'Token issued.';
  $('normalised').textContent = payload.phone_number;

  const headerRows = Object.entries(header).map(([name, value]) =>
    row(text('th', name), text('td', JSON.stringify(value)), text('td', jsonType(value), 'type')));
  $('header-claims').tBodies[0].replaceChildren(...headerRows);

  const claimRows = Object.entries(payload).map(([name, value]) => {
    let shown = JSON.stringify(value);
    if (name === 'exp' || name === 'iat') {
      shown += ` — ${describeTime(value)}`;
    }
    if (name === 'exp' && typeof payload.iat === 'number') {
      shown += `, ${value - payload.iat} s after iat`;
    }
    return row(text('th', name), text('td', shown), text('td', jsonType(value), 'type'));
  });
  $('claims').tBodies[0].replaceChildren(...claimRows);
  $('jwt').textContent = jwt;
  $('token').hidden = false;
  $('problem').hidden = true;
}

function showProblem(status, problem, retryAfter) {
  $('result-summary').className = 'refused';
  $('result-summary').textContent = `Refused: ${status} ${problem.title || ''}`;
  const shown = ['type', 'title', 'status', 'detail', 'country', 'number_type', 'limit', 'retry_after', 'max_bytes'];
  const rows = shown.filter((name) => problem[name] !== undefined)
    .map((name) => row(text('th', name), text('td', String(problem[name]))));
  if (retryAfter) {
    rows.push(row(text('th', 'Retry-After header'), text('td', `${retryAfter} s`)));
  }
  (problem.configuration || []).forEach((p) => rows.push(row(text('th', 'configuration'), text('td', p))));
  $('problem-fields').tBodies[0].replaceChildren(...rows);

  const errors = problem.errors || [];
  $('errors').tBodies[0].replaceChildren(...errors.map((e) =>
    row(text('td', e.field), text('td', e.code), text('td', e.detail))));
  $('errors').hidden = errors.length === 0;
  $('errors-title').hidden = errors.length === 0;
  $('problem').hidden = false;
  $('token').hidden = true;
}

async function requestToken(event) {
  event.preventDefault();
  const button = event.target.querySelector('button');
  const body = fields();
  const headers = requestHeaders();
  button.disabled = true;
  showCurl(body, headers);
  try {
    const response = await fetch(tokenPath(), { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = await response.json();
    $('result-title').textContent = `Answer: HTTP ${response.status}`;
    if (response.ok) {
      showToken(answer.jwt_token);
    } else {
      showProblem(response.status, answer, response.headers.get('Retry-After'));
    }
  } catch (error) {
    $('result-title').textContent = 'No answer';
    $('result-summary').className = 'refused';
    $('result-summary').textContent = `The request failed: ${error.message}`;
    $('token').hidden = true;
    $('problem').hidden = true;
  } finally {
    $('result').hidden = false;
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('token-form').addEventListener('submit', requestToken);
  loadStatus();
});
