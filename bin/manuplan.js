#!/usr/bin/env node
// Runs the built CLI when there is one (npm run build), the TypeScript sources through tsx otherwise.
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let main;
if (fs.existsSync(built)) {
  main = require(built);
} else {
  require('tsx/cjs');
  main = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}
main.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
