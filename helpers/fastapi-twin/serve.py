"""Runs app.py on uvicorn for BackendLab (FastApiServer): on 127.0.0.1 only, never outliving its parent.

    python3 serve.py [--port 0] [--workers 1] [--parent-pid PID]   # prints FASTAPI LISTENING http://127.0.0.1:PORT
    python3 serve.py --versions                                     # prints FASTAPI VERSIONS python=... and exits

Each server process prints "FASTAPI WORKER <pid>" once it serves. The master exits, and ends its workers, when its
stdin closes or its parent is gone; a worker exits when its master is gone (uvicorn workers are the master's children).
"""
import argparse
import importlib.util
import multiprocessing
import os
import platform
import socket
import sys
import threading
import time

MASTER = "BACKENDLAB_FASTAPI_MASTER"


def say(line):
    """One line to the parent in a single write(2): workers share the pipe, and a write this short is never interleaved."""
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def versions():
    import fastapi
    import uvicorn
    return (f"python={platform.python_version()} fastapi={fastapi.__version__} uvicorn={uvicorn.__version__} "
            f"loop={loop_choice()} http={http_choice()}")


def loop_choice():
    return "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"


def http_choice():
    return "httptools" if importlib.util.find_spec("httptools") else "h11"


def create_app():
    """Called by uvicorn in every worker process (factory=True): the app, plus a report and a watch on the master."""
    from app import app

    @app.on_event("startup")
    def report():
        say(f"FASTAPI WORKER {os.getpid()}")
        master = int(os.environ.get(MASTER, "0"))
        if master and master != os.getpid():
            watch(lambda: os.getppid() == master, end=lambda: os._exit(0))

    return app


def watch(alive, end):
    def loop():
        while alive():
            time.sleep(0.25)
        end()
    threading.Thread(target=loop, daemon=True, name="parent watch").start()


def end_everything():
    for child in multiprocessing.active_children():
        child.kill()
    os._exit(0)


def watch_stdin():
    def loop():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except OSError:
            pass
        end_everything()
    threading.Thread(target=loop, daemon=True, name="stdin watch").start()


def pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--parent-pid", type=int)
    parser.add_argument("--versions", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        line = versions()
    except ImportError as missing:
        say(f"FASTAPI MISSING {missing}")
        sys.exit(3)
    say(f"FASTAPI VERSIONS {line}")
    if args.versions:
        return

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    if args.parent_pid:
        watch_stdin()
        if os.name != "nt":  # on Windows os.kill(pid, 0) would end the parent: there, stdin's EOF is the signal
            watch(lambda: pid_alive(args.parent_pid), end=end_everything)
    os.environ[MASTER] = str(os.getpid())

    # Bind 127.0.0.1 here, so port 0 works and the master knows the port its workers share
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(2048)  # connections wait in the backlog until a worker accepts them
    sock.set_inheritable(True)
    config = uvicorn.Config("serve:create_app", factory=True, workers=args.workers, log_level="warning",
                            access_log=False, loop=loop_choice(), http=http_choice())
    say(f"FASTAPI LISTENING http://127.0.0.1:{sock.getsockname()[1]}")
    server = uvicorn.Server(config)
    if args.workers > 1:
        Multiprocess(config, target=server.run, sockets=[sock]).run()
    else:
        server.run(sockets=[sock])


if __name__ == "__main__":
    main()
