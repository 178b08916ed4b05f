// Entry shim of the CLI bundle (dist/cli.js). PLACEHOLDER until the CLI lands.
