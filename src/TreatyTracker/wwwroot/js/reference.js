// The API reference: Scalar, served by this server (see Dashboard/ApiReference.cs), reading the contract. Started
// here because the Content-Security-Policy forbids the inline script Scalar's own page uses. Everything that would
// reach beyond this server is turned off: its fonts (from its CDN), telemetry, the AI agent, MCP and the button that
// opens the contract in Scalar's hosted client.
"use strict";

Scalar.createApiReference("#reference", {
  url: "/openapi/v1.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  hideDarkModeToggle: true,
  persistAuth: false,
  authentication: { preferredSecurityScheme: "bearer" },
  defaultOpenAllTags: true
});
document.getElementById("reference-state").remove();
