// The demo runs from its main.ts; no other package imports it, so its entry point exports
// nothing (knip checks it).
export {};
