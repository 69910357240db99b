#!/usr/bin/env bash
# Runs once when the container is created: tools the lessons and tests use, then a first build,
# so a notebook's `#r "../artifacts/bin/BackendLab/release/BackendLab.dll"` resolves at once.
set -euo pipefail
sudo apt-get update -q
# wrk: the reference load generator the course compares against; redis-server: lesson 5's shared store;
# chromium: the browser the site tests drive.
sudo apt-get install -y -q --no-install-recommends wrk redis-server chromium || true
dotnet build
