#!/usr/bin/env bash
# Runs once when the container is created: the Ubuntu 24.04 (noble) packages the lessons and tests use.
# Each name was checked against noble's archive (packages.ubuntu.com, "noble" suite, universe):
#   redis-server 5:7.0.15     lesson 5's shared store, and the Redis tests
#   wrk 4.1.0                 the reference load generator bench/loadgen-vs-wrk.sh compares against
#   python3-fastapi 0.101.0, python3-uvicorn 0.27.1, python3-uvloop, python3-httptools 0.1.1
#                             lesson 6b's FastAPI twin, on the system's /usr/bin/python3 (never pip)
# Chromium is NOT here: Ubuntu's chromium-browser is a snap stub that does not run in a container, so
# install-browser.sh installs Playwright's own Chromium after the build (postCreateCommand).
# (The build that makes a notebook's `#r "../artifacts/bin/BackendLab/release/BackendLab.dll"` resolve
# runs right after this script, as the container's updateContentCommand.)
set -euo pipefail
sudo apt-get update -q
sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  redis-server wrk python3-fastapi python3-uvicorn python3-uvloop python3-httptools
# The pinned .NET Interactive kernel (.config/dotnet-tools.json): the one VS Code, the runner and CI run.
dotnet tool restore
