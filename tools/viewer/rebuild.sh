#!/usr/bin/env bash
# Rebuild exports/vendor/sigma-graphology.min.js from npm: the exact versions of package-lock.json,
# bundled and minified by esbuild, with versions, licences and sha256 beside it.
# To move to newer versions: edit package.json, `npm install`, then run this and the viewer tests.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
