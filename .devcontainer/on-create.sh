#!/usr/bin/env bash
# Runs once when the container is created: the Debian packages the lessons and tests use.
# (The build that makes a notebook's `#r "../artifacts/bin/BackendLab/release/BackendLab.dll"` resolve
# runs right after, as the container's updateContentCommand.)
set -euo pipefail
sudo apt-get update -q
# chromium: the browser the site tests drive; redis-server: lesson 5's shared store;
# wrk: the reference load generator bench/loadgen-vs-wrk.sh compares against.
sudo apt-get install -y -q --no-install-recommends chromium redis-server wrk
# The pinned .NET Interactive kernel (.config/dotnet-tools.json): the one VS Code, the runner and CI run.
dotnet tool restore
