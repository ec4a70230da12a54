// Tell GOV.UK Frontend's CSS that JavaScript runs (kept out of the page so no inline script is needed).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
