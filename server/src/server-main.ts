// Entry shim of the language server bundle (dist/server.js). PLACEHOLDER until the server lands.
