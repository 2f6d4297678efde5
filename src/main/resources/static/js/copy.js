/*
 * Copy buttons: <button data-copy="input-id" hidden> copies that input's value to the clipboard and
 * says so in #input-id-copied. The button stays hidden where the clipboard cannot be written (no
 * secure context): the address can still be selected and copied by hand. No inline script (CSP).
 */
(function () {
  'use strict';

  function setUp() {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var input = document.getElementById(button.getAttribute('data-copy'));
      if (!input) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        var status = document.getElementById(input.id + '-copied');
        navigator.clipboard.writeText(input.value).then(function () {
          if (status) {
            status.textContent = 'Copied. Paste it into your message to the patient.';
          }
        }, function () {
          input.select();
          if (status) {
            status.textContent = 'Could not copy; the address is selected: press Ctrl+C (or ⌘C).';
          }
        });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
}());
