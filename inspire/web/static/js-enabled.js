// Mark the page as having JavaScript before it is drawn, as GOV.UK Frontend expects (a file of its
// own, not an inline script: the Content-Security-Policy allows only Inspire's own script files).
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
