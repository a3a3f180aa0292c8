"""Time what a user sees in a real terminal: a tmux pane on its own server (`tmux -L bench`).

A measure starts a program in a fresh detached session and polls `capture-pane` until a known
text is on the screen; that is when a user could read it, imports, database and drawing
included. Polling costs a few milliseconds per look, the same for both sides of a ratio. The
server is started once beforehand (a keeper session) so its own start-up is not counted, and
everything runs on the `bench` socket so a user's tmux is never touched.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import time
from collections.abc import Mapping

#: The tmux server of the measures; two benches run at once need two (`BENCH_TMUX_SOCKET`).
SOCKET = os.environ.get("BENCH_TMUX_SOCKET", "bench")
_names = itertools.count(1)


class TextNeverShown(RuntimeError):
    """The awaited text was not on the screen within the time allowed."""


def tmux(*args: str) -> str:
    """Run a tmux command on the bench server; its stdout."""
    done = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)
    return done.stdout


def start_server() -> None:
    """A keeper session, so that the server is up before the first timed run."""
    tmux("new-session", "-d", "-s", "keeper", "-x", "80", "-y", "24", "sleep 100000")


def stop_server() -> None:
    tmux("kill-server")


def screen(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session)


def _command_line(argv: list[str], env: Mapping[str, str], cwd: str) -> str:
    assigns = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    return f"cd {shlex.quote(cwd)} && exec env {assigns} {shlex.join(argv)}"


def wait_for(session: str, text: str, started: float, timeout: float) -> float:
    """Seconds from `started` until `text` is in the pane."""
    while True:
        shown = screen(session)
        now = time.perf_counter()
        if text in shown:
            return now - started
        if now - started > timeout:
            raise TextNeverShown(f"{text!r} never shown; the pane holds:\n{shown}")
        time.sleep(0.003)


class Pane:
    """One program in a fresh session, killed on leaving the `with` block."""

    def __init__(
        self,
        argv: list[str],
        env: Mapping[str, str],
        cwd: str,
        size: tuple[int, int] = (120, 40),
    ) -> None:
        self.name = f"run{next(_names)}"
        self.line = _command_line(argv, env, cwd)
        self.size = size
        self.started = 0.0

    def __enter__(self) -> Pane:
        width, height = self.size
        self.started = time.perf_counter()
        tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), self.line)
        return self

    def __exit__(self, *_exc: object) -> None:
        tmux("kill-session", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 60.0) -> float:
        """Seconds since the session started until `text` is shown."""
        return wait_for(self.name, text, self.started, timeout)

    def keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.name, *keys)

    def key_to_frame(self, texts: list[tuple[str, str]], timeout: float = 10.0) -> list[float]:
        """For each (key, text): send the key, then the seconds until `text` is shown."""
        times = []
        for key, text in texts:
            sent = time.perf_counter()
            tmux("send-keys", "-t", self.name, "-l", key)
            times.append(wait_for(self.name, text, sent, timeout))
        return times
