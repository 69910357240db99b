#!/usr/bin/env bash
# Devcontainer only (it has network): installs the Chromium that the pinned Microsoft.Playwright package
# (Directory.Packages.props) was made for, with the package's own installer, so the site's browser tests
# run here. The tests find it under ~/.cache/ms-playwright (or PLAYWRIGHT_BROWSERS_PATH) by themselves;
# CHROMIUM_PATH overrides. Our CI and Debian machines use Debian's chromium instead and never run this.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
driver="$root/artifacts/bin/CourseRunner.Tests/release/.playwright"
[ -d "$driver" ] || dotnet build "$root/helpers/CourseRunner.Tests" -v q
case "$(uname -m)" in
  x86_64) platform=linux-x64 ;;
  aarch64 | arm64) platform=linux-arm64 ;;
  *) echo "install-browser.sh: no Playwright driver for $(uname -m); the browser tests will be skipped"; exit 0 ;;
esac
# The same program the package's playwright.ps1 runs: its bundled Node.js and its cli.js.
# --with-deps also installs the shared libraries Chromium needs (through apt, with sudo).
"$driver/node/$platform/node" "$driver/package/cli.js" install --with-deps chromium
