// Starts Swagger UI on eventa's docs page (/docs), showing this server's own OpenAPI document.
// A file rather than an inline script, so that the page's Content-Security-Policy needs no 'unsafe-inline'.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
