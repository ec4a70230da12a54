// Enhance GOV.UK Frontend components; every page already works without this.
if (window.GOVUKFrontend && document.body.classList.contains("govuk-frontend-supported")) {
  window.GOVUKFrontend.initAll();
}
