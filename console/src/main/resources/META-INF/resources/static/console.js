// The console works without this file; it only smooths what htmx does.
// A session that ended while the page was open: the OIDC layer answers htmx requests with 499 (instead
// of a redirect to Keycloak that XMLHttpRequest cannot follow). Reload, and the browser signs in again.
document.addEventListener('htmx:responseError', function (event) {
  if (event.detail.xhr && event.detail.xhr.status === 499) {
    window.location.reload();
  }
});
document.addEventListener('htmx:sendError', function () {
  window.location.reload();
});
// After a swap, move focus to the error summary when there is one (as a full page load would let a
// screen reader announce it), else to the main region, so keyboard users continue from the new content.
document.addEventListener('htmx:afterSettle', function (event) {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  } else if (event.detail.boosted) {
    var main = document.getElementById('main');
    if (main) {
      main.focus();
    }
  }
});
