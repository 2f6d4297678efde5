/*
 * SpineCell — small client-side helpers. Loaded with `defer`; no inline handlers (strict CSP).
 *
 * 1. htmx requests carry the CSRF token taken from the <meta name="_csrf"> and
 *    <meta name="_csrf_header"> tags written by the layout.
 * 2. <form data-confirm="Question?"> asks for confirmation before it is submitted. A submit
 *    button may carry its own data-confirm, which takes precedence.
 * 3. <button data-print> opens the browser's print dialogue (the page prints without it too).
 * 4. <select data-filter-by="other-id"> offers only the options whose data-when lists the value
 *    chosen in #other-id (e.g. the units of the chosen QC test). Options without data-when stay.
 *    A choice that is no longer offered is cleared; when only one option is offered, it is chosen.
 * 5. An element with data-reveal (a form sent back with errors, further down a long page) is
 *    scrolled into view when the page loads, and its first invalid field gets the focus.
 * 7. <fieldset data-levels-for="code-input-id">: once the code typed in #code-input-id is one of
 *    its datalist's suggestions (each <option data-region>), only the checkboxes whose
 *    data-regions include that region stay enabled; the others are cleared and disabled. A code
 *    not among the suggestions leaves every level open (the server checks them all the same).
 * 6. <nav data-section-nav> lists a link to each <section class="chart-section" id=...> of the page,
 *    named by its first heading, so a long chart can be jumped through.
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
  function filterOptions(select, controller) {
    var value = controller.value;
    var offeredOptions = [];
    Array.prototype.forEach.call(select.options, function (option) {
      var when = option.getAttribute('data-when');
      if (when === null) {
        return;
      }
      var offered = value !== '' && when.split(' ').indexOf(value) >= 0;
      option.hidden = !offered;
      option.disabled = !offered;
      if (offered) {
        offeredOptions.push(option);
      } else if (option.selected) {
        select.value = '';
      }
    });
    // Only a single possible choice is made for the user (a test's only unit); never a result.
    if (select.value === '' && offeredOptions.length === 1) {
      select.value = offeredOptions[0].value;
    }
  }

  function setUpFilters() {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-filter-by]'), function (select) {
      var controller = document.getElementById(select.getAttribute('data-filter-by'));
      if (!controller) {
        return;
      }
      filterOptions(select, controller);
      controller.addEventListener('change', function () {
        filterOptions(select, controller);
      });
    });
  }

  function reveal() {
    var target = document.querySelector('[data-reveal]');
    if (!target) {
      return;
    }
    var invalid = target.querySelector('[aria-invalid="true"]');
    target.scrollIntoView({ block: 'start' });
    if (invalid) {
      invalid.focus({ preventScroll: true });
    }
  }

  function sectionNav() {
    var nav = document.querySelector('nav[data-section-nav]');
    if (!nav) {
      return;
    }
    var list = document.createElement('ul');
    Array.prototype.forEach.call(document.querySelectorAll('section.chart-section[id]'), function (section) {
      var heading = section.querySelector('h2');
      if (!heading) {
        return;
      }
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + section.id;
      link.textContent = heading.textContent.trim();
      item.appendChild(link);
      list.appendChild(item);
    });
    if (list.children.length > 0) {
      nav.appendChild(list);
      nav.hidden = false;
    }
  }

  function limitLevels(fieldset, input) {
    var list = input.list;
    var region = null;
    if (list) {
      Array.prototype.forEach.call(list.options, function (option) {
        if (option.value.toUpperCase() === input.value.trim().toUpperCase()) {
          region = option.getAttribute('data-region');
        }
      });
    }
    Array.prototype.forEach.call(fieldset.querySelectorAll('input[data-regions]'), function (box) {
      var allowed = region === null || box.getAttribute('data-regions').split(' ').indexOf(region) >= 0;
      box.disabled = !allowed;
      if (!allowed) {
        box.checked = false;
      }
      box.parentElement.classList.toggle('not-allowed', !allowed);
    });
  }

  function setUpLevels() {
    Array.prototype.forEach.call(document.querySelectorAll('fieldset[data-levels-for]'), function (fieldset) {
      var input = document.getElementById(fieldset.getAttribute('data-levels-for'));
      if (!input) {
        return;
      }
      var update = function () { limitLevels(fieldset, input); };
      input.addEventListener('input', update);
      input.addEventListener('change', update);
      // The suggestions arrive after the typing (htmx); look again once they are in.
      document.body.addEventListener('htmx:afterSwap', update);
      update();
    });
  }

  function ready() {
    setUpFilters();
    setUpLevels();
    sectionNav();
    reveal();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
