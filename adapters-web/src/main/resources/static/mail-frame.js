// Sizes each mail frame (iframe.mail-frame) to the mail it shows: no blank area under a short mail, no scrollbar inside
// the frame for a long one; the page scrolls instead. The frame stays sandboxed without scripts (decision 0020); its
// document keeps this page's origin (allow-same-origin), which is what lets this script, the page's own and not the
// mail's, read how tall the mail is. Without this script the frame keeps the stylesheet's fixed, resizable height.
// Decision 0064 says why it is done this way.
(function () {
  'use strict';

  /** The height of the frame's document, independent of the frame's own height; 0 while it has not loaded. */
  function contentHeight(frame) {
    var doc = frame.contentDocument;
    if (!doc || !doc.body || doc.URL === 'about:blank' || doc.readyState !== 'complete') return 0;
    var root = doc.documentElement;
    var height = Math.max(root.getBoundingClientRect().height, doc.body.scrollHeight);
    // A mail wider than the frame gets a horizontal scrollbar, which takes room at the bottom of the frame.
    var scrollbar = Math.max(0, frame.contentWindow.innerHeight - root.clientHeight);
    return Math.ceil(height + scrollbar);
  }

  /** Sets the frame's height to its document's; twice at most, as a frame that loses its scrollbar may reflow shorter. */
  function fit(frame) {
    for (var pass = 0; pass < 2; pass++) {
      var height = contentHeight(frame);
      if (height <= 0) return;
      var borderBox = getComputedStyle(frame).boxSizing === 'border-box';
      var wanted = (height + (borderBox ? frame.offsetHeight - frame.clientHeight : 0)) + 'px';
      if (frame.style.height === wanted) return;
      frame.classList.add('fitted');
      frame.style.height = wanted;
    }
  }

  // Only a change of width re-fits: a mail whose height follows the frame's (100vh) must not grow it without end.
  var widths = new WeakMap();
  var watcher = typeof ResizeObserver === 'function' ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var width = Math.round(entry.contentRect.width);
      if (widths.get(entry.target) === width) return;
      widths.set(entry.target, width);
      if (width > 0) fit(entry.target);
    });
  }) : null;

  Array.prototype.forEach.call(document.querySelectorAll('iframe.mail-frame'), function (frame) {
    frame.addEventListener('load', function () { fit(frame); });
    if (watcher) watcher.observe(frame);
    fit(frame);
  });
})();
