/*
 * Live updates for the app's pages, over Server-Sent Events (GET /api/events, the session's cookie).
 * The page says what it wants with an element #live: data-live="list" (new mail joins the top of the list),
 * "thread" (a notice when a message arrives in data-thread-id's conversation) or "account" (notices only).
 * Every page with #live also says when access is about to end or the account needs reconnecting; then the
 * stream is closed. One stream per tab. Without JavaScript the pages work as before: reload to see new mail.
 * #live's data-stream says where the stream is (connecting, open, closed) and a row added live carries the time
 * it was added (data-added-at, milliseconds since the epoch): tests and the benchmark read them.
 * Served as a file because the Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || typeof window.EventSource === 'undefined') return;

  var named = new URLSearchParams(window.location.search).get('account');
  var current = document.querySelector('.account-entry.current');
  var account = current ? current.getAttribute('data-account') : null;
  var source = null;

  function keepAccount(href) {
    return named ? href + (href.indexOf('?') < 0 ? '?' : '&') + 'account=' + encodeURIComponent(named) : href;
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (malformed) {
      return null;
    }
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function notice(id, text, linkText, href) {
    var shown = document.getElementById(id) || element('p', 'notice live-notice');
    shown.id = id;
    shown.textContent = text + ' ';
    if (linkText) {
      var link = element('a', null, linkText);
      link.href = href;
      shown.appendChild(link);
    }
    live.appendChild(shown);
    live.hidden = false;
  }

  function senderName(from) {
    var name = String(from || '').replace(/<[^>]*>/g, '').replace(/"/g, '').trim();
    return name || String(from || '');
  }

  function addRow(message) {
    var list = document.getElementById('messages');
    if (!list || !message.id || list.querySelector('[data-message-id="' + CSS.escape(message.id) + '"]')) return;
    var labels = message.labelIds || [];
    var row = element('li', labels.indexOf('UNREAD') >= 0 ? 'message unread live-new' : 'message live-new');
    row.setAttribute('data-message-id', message.id);
    row.setAttribute('data-added-at', String(Date.now()));
    var open = element('a', 'conversation-link');
    open.href = keepAccount('/threads/' + encodeURIComponent(message.threadId || message.id));
    var from = element('span', 'from', senderName(message.from));
    from.title = String(message.from || '');
    open.appendChild(from);
    open.appendChild(element('span', 'subject', String(message.subject || '')));
    var date = element('time', 'date', message.date ? new Date(message.date).toLocaleString() : '');
    if (message.date) date.setAttribute('datetime', message.date);
    open.appendChild(date);
    open.appendChild(element('span', 'snippet', String(message.snippet || '')));
    row.appendChild(open);
    var alone = element('a', 'message-link', '↗');
    alone.href = keepAccount('/messages/' + encodeURIComponent(message.id));
    alone.title = 'Open this message alone';
    alone.setAttribute('aria-label', 'Open this message alone');
    row.appendChild(alone);
    list.insertBefore(row, list.firstChild);
    var empty = document.getElementById('empty');
    if (empty) empty.remove();
  }

  function stream(state) {
    live.setAttribute('data-stream', state);
  }

  function close() {
    source.close();
    stream('closed');
  }

  function listen() {
    stream('connecting');
    source = new EventSource('/api/events' + (account ? '?account=' + encodeURIComponent(account) : ''));
    source.onopen = function () { stream('open'); };
    source.onerror = function () { stream(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting'); };
    source.addEventListener('message.received', onMessage);
    source.addEventListener('account.access_ending', onAccessEnding);
    source.addEventListener('account.reauthorization_required', needsReconnecting);
    source.addEventListener('account.disconnected', needsReconnecting);
    source.addEventListener('stream.closed', onClosed);
  }

  function onMessage(event) {
    var received = parse(event);
    var message = received && received.data && received.data.message;
    if (!message) return;
    if (live.getAttribute('data-live') === 'list') {
      addRow(message);
    } else if (live.getAttribute('data-live') === 'thread' && message.threadId === live.getAttribute('data-thread-id')) {
      notice('live-new-message', 'A new message arrived in this conversation.', 'Show it',
          window.location.pathname + window.location.search);
    }
  }

  function onAccessEnding(event) {
    var ending = parse(event);
    var endsAt = ending && ending.data && ending.data.endsAt;
    if (!endsAt) return;
    notice('live-access-ending', 'Access ends on ' + new Date(endsAt).toLocaleString() + ': you granted it for a limited time.',
        'Renew access', keepAccount('/account'));
  }

  function needsReconnecting() {
    notice('live-reconnect', 'This account needs reconnecting: the app can no longer read its mail.', 'Reconnect', keepAccount('/account'));
    close();
  }

  function onClosed(event) {
    var closed = parse(event);
    if (closed && (closed.reason === 'signed_out' || closed.reason === 'grant_ended')) close();
  }

  // Opened once the page has loaded, so that the stream never holds up the page's own loading.
  if (document.readyState === 'complete') {
    listen();
  } else {
    window.addEventListener('load', function () { window.setTimeout(listen, 0); });
  }
}());
