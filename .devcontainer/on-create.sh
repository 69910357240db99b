#!/usr/bin/env bash
# Runs once when the container is created: the Debian packages the lessons and tests use.
# (The build that makes a notebook's `#r "../artifacts/bin/BackendLab/release/BackendLab.dll"` resolve
# runs right after, as the container's updateContentCommand.)
set -euo pipefail
sudo apt-get update -q
# chromium: the browser the site tests drive; redis-server: lesson 5's shared store;
# wrk: the reference load generator bench/loadgen-vs-wrk.sh compares against;
# python3-fastapi, python3-uvicorn (+ uvloop, httptools): lesson 6b's FastAPI twin, on the system's /usr/bin/python3.
sudo apt-get install -y -q --no-install-recommends chromium redis-server wrk python3-fastapi python3-uvicorn python3-uvloop python3-httptools
