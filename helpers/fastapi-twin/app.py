# The Python twin of the lab server's endpoints (helpers/LabServer/LabEndpoints.cs and RuntimeLab.cs), in FastAPI.
# Lesson 06b serves both under the same load. serve.py runs this app on uvicorn; by hand:
#   /usr/bin/python3 serve.py --port 8000 --workers 2
import asyncio
import time
from datetime import datetime, timedelta, timezone

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()


# Waits without holding the event loop (async I/O-like)
@app.get("/delay", response_class=PlainTextResponse)
async def delay(ms: int):
    await asyncio.sleep(ms / 1000)
    return f"waited {ms} ms"


# Uses ms milliseconds of CPU time on its thread. A plain `def`: FastAPI runs it on a thread pool,
# where the GIL lets one thread at a time run Python code
@app.get("/cpu", response_class=PlainTextResponse)
def cpu(ms: int):
    end = time.thread_time() + ms / 1000
    x = 1
    while time.thread_time() < end:
        for _ in range(1000):
            x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
    return f"computed {x}"


# A JSON list, an ordinary allocating response
@app.get("/json")
async def json(items: int = 100):
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    return [{"id": i, "name": f"item {i}", "price": i * 1.25, "shipped": epoch + timedelta(days=i)}
            for i in range(1, items + 1)]
