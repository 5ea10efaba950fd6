// Starts Swagger UI on /docs (a file, not an inline script, so the page's CSP allows scripts from 'self' only).
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});
