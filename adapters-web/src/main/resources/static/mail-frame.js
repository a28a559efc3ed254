/*
 * Sizes each mail frame (iframe.mail-frame) to the mail it shows: no blank area under a short mail, no scrollbar inside
 * the frame for a long one; the page scrolls instead. The frame stays sandboxed without scripts (decision 0020): this is
 * the page's own script, not the mail's. The frame's document keeps the app's origin (allow-same-origin), which is what
 * lets this script read how tall the mail is. Without JavaScript the frame keeps the stylesheet's bounded, resizable
 * height. Decision 0064 says why it works this way.
 *
 * It measures at three moments only, each a single event, never a loop: when the frame's document has been parsed
 * (DOMContentLoaded: the frame is sized even while a remote image never answers), when the frame has loaded (images
 * may have changed the height), and when the window's width changes (or a collapsed message of a conversation is opened).
 * No ResizeObserver (a height it sets would wake it again), no timer; each measurement adjusts the height at most
 * three times, and a frame is adjusted at most MAX_CHANGES times in the page's life.
 */
(function () {
  'use strict';
  var PASSES = 3;
  var MAX_CHANGES = 60;
  var frames = Array.prototype.slice.call(document.querySelectorAll('iframe.mail-frame'));
  if (!frames.length) return;
  var changes = new WeakMap();

  /** The frame's mail document once it has been parsed, or null (not loaded yet, or not readable). */
  function mail(frame) {
    var doc;
    try {
      doc = frame.contentDocument;
    } catch (notSameOrigin) {
      return null;
    }
    if (!doc || doc.URL === 'about:blank' || doc.readyState === 'loading' || !doc.documentElement || !doc.body) return null;
    return doc;
  }

  /** Sets the frame's height; false when the page's cap on adjustments is reached. */
  function setHeight(frame, pixels) {
    var wanted = Math.max(0, Math.ceil(pixels)) + 'px';
    if (frame.style.height === wanted) return true;
    var count = changes.get(frame) || 0;
    if (count >= MAX_CHANGES) return false;
    changes.set(frame, count + 1);
    frame.style.height = wanted;
    return true;
  }

  /**
   * The mail's own height, whatever the frame's height is now: measured with the frame collapsed and the mail's
   * scrollbars hidden, so that a mail sized in viewport units or percentages does not report the frame's height back.
   */
  function mailHeight(frame, doc) {
    var root = doc.documentElement;
    var overflow = root.style.getPropertyValue('overflow');
    var priority = root.style.getPropertyPriority('overflow');
    root.style.setProperty('overflow', 'hidden', 'important');
    frame.style.height = '0px';
    var height = root.scrollHeight;
    if (overflow) root.style.setProperty('overflow', overflow, priority);
    else root.style.removeProperty('overflow');
    return height;
  }

  function fit(frame) {
    var doc = mail(frame);
    // A frame in a closed message of a conversation is not laid out: it is measured when the message opens.
    if (!doc || !frame.getClientRects().length) return;
    var x = window.scrollX;
    var y = window.scrollY;
    var before = frame.style.height;
    frame.classList.add('fitted');
    var borders = frame.offsetHeight - frame.clientHeight;
    var height = mailHeight(frame, doc) + borders;
    frame.style.height = before;
    for (var pass = 0; pass < PASSES; pass++) {
      if (!setHeight(frame, height)) break;
      // What is still hidden, such as a horizontal scrollbar under a mail wider than the frame, is added.
      var root = doc.documentElement;
      var missing = root.scrollHeight - root.clientHeight;
      if (missing <= 0) break;
      height += missing;
    }
    if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
  }

  function watch(frame) {
    frame.addEventListener('load', function () { fit(frame); });
    var win = frame.contentWindow;
    // The frame's first, empty document keeps its window when the same-origin mail replaces it, so a listener on it
    // hears the mail's DOMContentLoaded, which does not wait for remote images.
    if (win) win.addEventListener('DOMContentLoaded', function () { fit(frame); });
    var doc;
    try {
      doc = frame.contentDocument;
    } catch (notSameOrigin) {
      doc = null;
    }
    if (doc && doc.URL !== 'about:blank' && doc.readyState === 'loading') {
      doc.addEventListener('DOMContentLoaded', function () { fit(frame); });
    } else {
      fit(frame);
    }
  }

  frames.forEach(watch);

  // A message of a conversation opened after its frame loaded.
  document.addEventListener('toggle', function (event) {
    if (!event.target.open) return;
    frames.forEach(function (frame) {
      if (event.target.contains(frame)) fit(frame);
    });
  }, true);

  // A new width reflows the mail; a new height alone (a phone's address bar) does not. One measurement per frame drawn.
  var width = window.innerWidth;
  var pending = false;
  window.addEventListener('resize', function () {
    if (window.innerWidth === width || pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      width = window.innerWidth;
      frames.forEach(fit);
    });
  });
}());
