// No other package uses the admin service yet, so its entry point exports nothing (knip checks
// it); export a name here when another package needs it.
export {};
