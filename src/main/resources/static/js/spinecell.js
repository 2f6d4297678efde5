/*
 * SpineCell — small client-side helpers. Loaded with `defer`; no inline handlers (strict CSP).
 *
 * 1. htmx requests carry the CSRF token taken from the <meta name="_csrf"> and
 *    <meta name="_csrf_header"> tags written by the layout.
 * 2. <form data-confirm="Question?"> asks for confirmation before it is submitted. A submit
 *    button may carry its own data-confirm, which takes precedence.
 * 3. <button data-print> opens the browser's print dialogue (the page prints without it too).
 */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var headerName = meta('_csrf_header');
    if (token && headerName && event.detail && event.detail.headers) {
      event.detail.headers[headerName] = token;
    }
  });

  // Capture phase on the document, so this runs before htmx's own listener on the form.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
    if (target) {
      window.print();
    }
  });
})();
