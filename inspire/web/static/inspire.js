// Start GOV.UK Frontend's components, and again inside whatever htmx swaps in.
import { initAll } from "./vendor/govuk/govuk-frontend.min.js";

initAll();
document.body.addEventListener("htmx:afterSwap", (event) => initAll({ scope: event.detail.target }));
