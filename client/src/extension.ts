// Entry of the extension bundle (dist/extension.js). PLACEHOLDER until the client lands.
export {};
