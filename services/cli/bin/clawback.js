#!/usr/bin/env node
// The `clawback` bin: the code runs from TypeScript (docs/adr/0001), so register tsx first.
'use strict';
require('tsx/cjs');
require('../src/main.ts');
