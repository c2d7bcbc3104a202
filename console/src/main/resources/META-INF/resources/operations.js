// The operators' dashboard in the browser: the live feed (server-sent events), the rates, declines and lag
// (small JSON answers, drawn with uPlot and as tables), and the parts of the mending pages that follow something
// running elsewhere. Plain JavaScript; every text from the server goes in with textContent, never as HTML.
(function () {
  'use strict';

  const locale = document.documentElement.lang === 'fr' ? 'fr-CA' : 'en-CA';
  const REFRESH_MS = 5000;
  const FOLLOW_MS = 2000;
  const KEPT_EVENTS = 200;

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text !== undefined && text !== null) {
      made.textContent = String(text);
    }
    return made;
  }

  function clock(iso, withSeconds) {
    const when = new Date(iso);
    if (isNaN(when.getTime())) {
      return '';
    }
    const parts = {hour: '2-digit', minute: '2-digit'};
    if (withSeconds) {
      parts.second = '2-digit';
    }
    return new Intl.DateTimeFormat(locale, parts).format(when);
  }

  // Amounts stay the decimal strings the events carry: digits are grouped as the language does, never through a
  // floating-point number.
  const separators = (function () {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const part = function (type, otherwise) {
      const found = parts.find(function (p) { return p.type === type; });
      return found ? found.value : otherwise;
    };
    return {group: part('group', ','), decimal: part('decimal', '.')};
  })();

  function amount(decimal) {
    if (!decimal || !/^-?\d+(\.\d+)?$/.test(decimal)) {
      return decimal || '';
    }
    const negative = decimal.startsWith('-');
    const pieces = decimal.replace('-', '').split('.');
    const whole = pieces[0].replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
    return (negative ? '-' : '') + whole + (pieces.length > 1 ? separators.decimal + pieces[1] : '');
  }

  const plural = new Intl.PluralRules(locale);

  function count(number) {
    return new Intl.NumberFormat(locale).format(number);
  }

  async function json(url) {
    const answer = await fetch(url, {headers: {Accept: 'application/json'}, redirect: 'manual'});
    if (!answer.ok) {
      throw new Error(url + ' answered ' + answer.status);
    }
    return answer.json();
  }

  function every(ms, task) {
    const run = function () {
      task().catch(function () { /* shown as stale figures; tried again */ })
        .finally(function () { setTimeout(run, ms); });
    };
    run();
  }

  // The event types in words, as the type filter lists them.
  function typeWords() {
    const words = {};
    document.querySelectorAll('#feed-type option').forEach(function (option) {
      if (option.value) {
        words[option.value] = option.textContent.trim();
      }
    });
    return words;
  }

  // ---- the live feed
  function followFeed(feed) {
    const list = document.getElementById('feed-events');
    const status = document.getElementById('feed-status');
    const pause = document.getElementById('feed-pause');
    const words = typeWords();
    const seen = new Set();
    const aside = [];
    let paused = false;

    const filters = new URLSearchParams();
    [['type', 'feed-type'], ['store', 'feed-store'], ['account', 'feed-account']].forEach(function (pair) {
      const value = document.getElementById(pair[1]).value.trim();
      if (value) {
        filters.set(pair[0], value);
      }
    });

    function say(state) {
      feed.dataset.live = state === 'live' ? 'true' : state === 'lost' ? 'lost' : 'false';
      status.textContent = paused ? feed.dataset.wordPaused
        : state === 'live' ? feed.dataset.wordLive : state === 'lost' ? feed.dataset.wordLost : feed.dataset.wordWaiting;
    }

    function item(event) {
      const row = element('li', 'feed-event new');
      row.dataset.type = event.type;
      row.dataset.accountId = event.accountId;
      row.dataset.store = event.storeId || '';
      row.dataset.eventId = event.eventId;
      const time = element('time', 'when', clock(event.occurredAt || event.publishedAt, true));
      time.dateTime = event.occurredAt || event.publishedAt;
      row.append(time, element('span', 'type', words[event.type] || event.type),
        element('span', 'account', event.accountId), element('span', 'store', event.storeId || '—'));
      const money = element('span', 'amount', amount(event.amount));
      if (event.amount) {
        money.dataset.amount = event.amount;
      }
      row.append(money);
      return row;
    }

    function show(event) {
      list.prepend(item(event));
      while (list.children.length > KEPT_EVENTS) {
        seen.delete(list.lastElementChild.dataset.eventId);
        list.lastElementChild.remove();
      }
    }

    const source = new EventSource('/operations/feed' + (filters.toString() ? '?' + filters : ''));
    let state = 'waiting';
    source.addEventListener('status', function (message) {
      state = JSON.parse(message.data).reading ? 'live' : 'waiting';
      say(state);
    });
    source.addEventListener('account-event', function (message) {
      const event = JSON.parse(message.data);
      if (seen.has(event.eventId)) {
        return;
      }
      seen.add(event.eventId);
      if (paused) {
        aside.push(event);
        aside.splice(0, Math.max(0, aside.length - KEPT_EVENTS));
      } else {
        show(event);
      }
    });
    source.addEventListener('error', function () {
      state = source.readyState === EventSource.CLOSED ? 'lost' : 'waiting';
      say(state);
    });

    pause.addEventListener('click', function () {
      paused = !paused;
      pause.setAttribute('aria-pressed', String(paused));
      pause.textContent = paused ? feed.dataset.wordResume : feed.dataset.wordPause;
      if (!paused) {
        aside.splice(0).forEach(show);
      }
      say(state);
    });
  }

  // ---- rates and declines
  const palette = ['#1f5fae', '#b3261e', '#1e7a46', '#9a6200', '#6a3d9a', '#00838f', '#c2185b', '#5d4037',
    '#455a64', '#827717', '#ef6c00', '#283593'];

  // A chart when uPlot is there (its webjar); the tables beside carry the same figures either way.
  function draw(container, chart, labels, data) {
    if (!window.uPlot) {
      return null;
    }
    const width = Math.max(container.clientWidth, 280);
    const same = chart && chart.series.length === labels.length + 1
      && labels.every(function (label, i) { return chart.series[i + 1].label === label; });
    if (same) {
      if (chart.width !== width) {
        chart.setSize({width: width, height: 240});
      }
      chart.setData(data);
      return chart;
    }
    if (chart) {
      chart.destroy();
    }
    container.textContent = '';
    const series = [{label: container.dataset.wordTime || '', value: function (u, seconds) {
      return seconds === null ? '--' : clock(seconds * 1000);
    }}].concat(labels.map(function (label, i) {
      return {label: label, stroke: palette[i % palette.length], width: 2};
    }));
    return new uPlot({width: width, height: 240, series: series,
      scales: {x: {time: true}, y: {range: function (u, min, max) { return [0, Math.max(max, 4)]; }}},
      axes: [{values: function (u, ticks) { return ticks.map(function (t) { return clock(t * 1000); }); }},
        {values: function (u, ticks) { return ticks.map(function (t) { return Number.isInteger(t) ? count(t) : ''; }); }}]},
      data, container);
  }

  function fillTable(table, head, rows) {
    const thead = table.tHead;
    thead.textContent = '';
    const headRow = element('tr');
    head.forEach(function (label, i) {
      const cell = element('th', i === 0 ? '' : 'amount', label);
      cell.scope = 'col';
      headRow.append(cell);
    });
    thead.append(headRow);
    const body = table.tBodies[0];
    body.textContent = '';
    rows.forEach(function (cells) {
      const row = element('tr');
      cells.forEach(function (cell, i) {
        const made = element(i === 0 ? 'th' : 'td', i === 0 ? '' : 'amount', cell);
        if (i === 0) {
          made.scope = 'row';
        }
        row.append(made);
      });
      body.append(row);
    });
  }

  function followRates(rates, declines) {
    const words = typeWords();
    const ratesChart = document.getElementById('rates-chart');
    const declinesChart = document.getElementById('declines-chart');
    let drawnRates = null;
    let drawnDeclines = null;
    every(REFRESH_MS, async function () {
      const view = await json('/operations/rates');
      const types = Object.keys(view.events);
      const labels = types.map(function (type) { return words[type] || type; });
      drawnRates = draw(ratesChart, drawnRates, labels,
        [view.minutes].concat(types.map(function (type) { return view.events[type]; })));
      const newestFirst = view.minutes.map(function (minute, i) { return i; }).reverse();
      fillTable(document.getElementById('rates-table'), [rates.dataset.wordMinute].concat(labels, [rates.dataset.wordTotal]),
        newestFirst.map(function (i) {
          const counts = types.map(function (type) { return view.events[type][i]; });
          return [clock(view.minutes[i] * 1000)].concat(counts.map(count),
            [count(counts.reduce(function (a, b) { return a + b; }, 0))]);
        }));
      const declineLabels = [declines.dataset.wordDeclined, declines.dataset.wordRefused];
      drawnDeclines = draw(declinesChart, drawnDeclines, declineLabels,
        [view.minutes, view.declined, view.sendersRefused]);
      fillTable(document.getElementById('declines-table'), [declines.dataset.wordMinute].concat(declineLabels),
        newestFirst.map(function (i) {
          return [clock(view.minutes[i] * 1000), count(view.declined[i]), count(view.sendersRefused[i])];
        }));
    });
  }

  // ---- lag
  function followLag(lag) {
    const outbox = document.getElementById('outbox-lag');
    const body = document.querySelector('#lag-table tbody');
    const groupStates = {};
    lag.querySelectorAll('[data-group-state]').forEach(function (word) {
      groupStates[word.dataset.groupState] = word.textContent;
    });
    every(REFRESH_MS, async function () {
      const view = await json('/operations/lag');
      const seconds = view.outbox.seconds;
      outbox.dataset.seconds = seconds === null || seconds === undefined ? '' : String(seconds);
      outbox.querySelector('.value').textContent = outbox.dataset.seconds === ''
        ? lag.dataset.wordUnknown : new Intl.NumberFormat(locale, {maximumFractionDigits: 1}).format(seconds)
          + ' ' + lag.dataset.wordSeconds;
      outbox.querySelector('.problem').textContent = view.outbox.problem || '';
      body.textContent = '';
      view.readers.forEach(function (reader) {
        const state = reader.state ? (groupStates[reader.state] || reader.state) : '';
        const who = element('th', '', reader.group);
        who.scope = 'rowgroup';
        if (state) {
          who.append(element('br'), element('span', 'muted', state + ', ' + count(reader.members) + ' '
            + (plural.select(reader.members) === 'one' ? lag.dataset.wordMember : lag.dataset.wordMembers)));
        }
        if (reader.problem) {
          const row = element('tr', 'lag unknown');
          row.dataset.group = reader.group;
          const problem = element('td', '', reader.problem);
          problem.colSpan = 4;
          row.append(who, problem);
          body.append(row);
          return;
        }
        who.rowSpan = reader.partitions.length;
        reader.partitions.forEach(function (partition, i) {
          const row = element('tr', 'lag' + (partition.lag > 0 ? ' behind' : ''));
          row.dataset.group = reader.group;
          row.dataset.partition = partition.partition;
          row.dataset.lag = partition.lag;
          if (i === 0) {
            row.append(who);
          }
          row.append(element('td', '', partition.partition),
            element('td', 'amount', partition.committed === null ? lag.dataset.wordNever : count(partition.committed)),
            element('td', 'amount', count(partition.end)), element('td', 'amount behind', count(partition.lag)));
          body.append(row);
        });
      });
    });
  }

  // ---- the mending pages: a part that follows something running elsewhere asks for its page again
  function followRunning(part) {
    if (part.dataset.running !== 'true') {
      return;
    }
    setTimeout(async function () {
      try {
        const answer = await fetch(part.dataset.refresh || location.pathname + location.search, {redirect: 'manual'});
        if (answer.status >= 500) {
          followRunning(part); // the service or the console is away for a moment: asked again, as for the network
          return;
        }
        if (!answer.ok) {
          return;
        }
        const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
        const fresh = page.getElementById(part.id);
        if (fresh) {
          part.replaceWith(fresh);
          followRunning(fresh);
        }
      } catch (e) {
        followRunning(part);
      }
    }, FOLLOW_MS);
  }

  function start() {
    const feed = document.getElementById('feed');
    if (feed) {
      followFeed(feed);
    }
    const rates = document.getElementById('rates');
    const declines = document.getElementById('declines');
    if (rates && declines) {
      followRates(rates, declines);
    }
    const lag = document.getElementById('lag');
    if (lag) {
      followLag(lag);
    }
    document.querySelectorAll('[data-refresh]').forEach(followRunning);
    // A form is sent once: its button is disabled once the browser has taken the submit (a double click sends one).
    document.querySelectorAll('form[method="post"]').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach(function (button) {
          setTimeout(function () { button.disabled = true; }, 0);
        });
      });
    });
    window.addEventListener('pageshow', function (shown) {
      if (shown.persisted) {
        document.querySelectorAll('form[method="post"] [type="submit"]').forEach(function (button) {
          button.disabled = false;
        });
      }
    });
    document.querySelectorAll('form.long-running').forEach(function (form) {
      form.addEventListener('submit', function () {
        const running = form.querySelector('.running');
        if (running) {
          running.hidden = false;
        }
        const button = form.querySelector('button[type="submit"]');
        setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
