"""Runs one program: fresh clock, fresh event loops, output capture, tracer.

The host calls `run(source, filename, options_json)` and gets back a dict with
the exit status and the trace; output streams to it while the program runs.
"""
import asyncio
import atexit
import builtins
import gc
import heapq
import io
import itertools
import json
import linecache
import logging
import signal
import sys
import time
import traceback
import types
from asyncio import events

from . import executors
from . import isolation
from . import locks
from . import network
from . import loop as vloop
from . import messages311
from . import threads
from . import tracer as vtracer
from . import vclock
from .output import OutputChannel, StampedWriter
from .sandbox import HardExit, Sandbox


TRACE_CHUNK_SECONDS = 0.1
# Or sooner, once this many bytes of records wait: the host spells out a chunk while the run
# goes on, but what no chunk took only after it (half of a 10k-task run's records, cut by time alone).
TRACE_CHUNK_BYTES = 1 << 19


class Session:
    def __init__(self, filename, options):
        self.filename = filename
        limits = options.get("limits", {})
        start = options.get("clockStart")
        self.clock = vclock.install(time.time() if start is None else float(start), float(limits.get("maxVirtualSeconds", 86400)))
        self.real_time = vclock.real_time
        self.tracer = None
        self.max_steps = int(limits.get("maxSteps", 5_000_000))
        self.steps = 0  # an untraced run's (loop.py); a traced run's are the tracer's, lines included
        if options.get("trace", True):
            self.tracer = vtracer.Tracer(self.clock, filename, options.get("lines", True), self.max_steps)
        self._task_counter = 0
        self._due = []  # (virtual time, order, output?, fn, args): what emulated threads do at times still ahead
        self._due_order = itertools.count()
        self.loops = []
        self.network = network.Network()  # the run's servers, reachable on 127.0.0.1
        self.channel = OutputChannel(self)
        self.clock.on_limit = self.halt
        self.clock.on_advance = self._clock_advancing
        self._last_chunk = self.real_time()
        if self.tracer is not None:
            self.tracer.on_limit = self.halt
            self.tracer.on_checkpoint = self._send_progress

    def _send_progress(self, between_steps):
        # A long run sends what it has printed every so often, and what it has recorded
        # (between steps, where trace chunks are cut), so the host can show progress.
        if self.channel.halted:
            return  # the rest of the trace goes with the run's result: a chunk would be dropped
        now = self.real_time()
        if now - self._last_chunk >= TRACE_CHUNK_SECONDS or (between_steps and self.tracer.unsent_bytes >= TRACE_CHUNK_BYTES):
            if between_steps:
                self._last_chunk = now
                data, chunk = self.tracer.take_chunk()
                self.channel.trace_chunk(data, chunk, self.clock.now)
            else:
                # Inside a step only the output goes; the chunk stays due for the next checkpoint
                # between steps (were the time reset here, a run that counts most of its steps
                # in lines, a task that loops, would cut no chunk at all).
                self.channel.flush()

    def step_limit(self):
        self.halt()
        raise vclock.LimitExceeded(f"the program ran more than {self.max_steps:,} steps")

    def halt(self):
        """The run is over (deadlock, budget): what asyncio's clean-up does from here is not the program's."""
        self.channel.halted = True
        if self.tracer is not None:
            self.tracer.stop()

    def at(self, t, fn, *args, output=False):
        """Calls fn(*args) when the program's clock reaches virtual time t: an emulated
        thread's printed line (`output`; outside an event loop, which has timers for
        those), a pool call's result, a queue.put() a thread made."""
        heapq.heappush(self._due, (t, next(self._due_order), output, fn, args))

    def has_due(self):
        return bool(self._due)

    def next_due(self, effects_only=False):
        if not effects_only:
            return self._due[0][0] if self._due else None
        return min((item[0] for item in self._due if not item[2]), default=None)

    def run_due(self, until=float("inf"), effects_only=False):
        """Does what is due by `until`; when the clock is moving on past those times, it
        stops at each one, so the trace shows it there too. With `effects_only` (for an
        emulated thread that waits) printed lines stay for the program's clock."""
        kept = []
        while self._due and self._due[0][0] <= until:
            item = heapq.heappop(self._due)
            t, _, output, fn, args = item
            if output and effects_only:
                kept.append(item)
                continue
            if self.clock.now < t <= until < float("inf"):
                self.clock.move_to(t)
            fn(*args)
        for item in kept:
            heapq.heappush(self._due, item)

    def drop_due(self):
        self._due.clear()

    def _clock_advancing(self, until):
        # Not while an emulated thread runs: the clock is that thread's own then.
        if self._due and not threads.emulating():
            self.run_due(until)

    def print_exception(self, exc, file):
        _print_exception(exc, self.filename, file)

    def running_loop(self):
        return events._get_running_loop()

    def next_task_name(self):
        self._task_counter += 1
        return f"Task-{self._task_counter}"

    def new_loop(self):
        # A loop a thread runs (asyncio.run() in a thread) is not traced, as nothing the thread does is.
        traced = self.tracer is not None and not threads.emulating()
        loop_class = vtracer.TracedEventLoop if traced else vloop.VirtualEventLoop
        loop = loop_class(self)
        self.loops.append(loop)
        return loop


def _only_user_frames(te, filename):
    """Drops the runtime's and asyncio's frames, as the issue asks: the learner's code only."""
    seen = set()
    stack = [te]
    while stack:
        t = stack.pop()
        if t is None or id(t) in seen:
            continue
        seen.add(id(t))
        t.stack = traceback.StackSummary.from_list([f for f in t.stack if f.filename == filename])
        stack.extend((t.__cause__, t.__context__))
        stack.extend(getattr(t, "exceptions", None) or ())


class Stopped(KeyboardInterrupt):
    """The host interrupted the run (Stop, real-time limit), as opposed to the
    program raising KeyboardInterrupt itself, which is an ordinary uncaught exception."""


_stopped_by_host = False  # in the run in progress


def _stop_requested(signum, frame):
    # The host's interrupt arrives as SIGINT; asyncio.run() leaves a non-default handler alone.
    global _stopped_by_host
    if _stopped_by_host:
        # Stopping already: a second Stop (pressed again, the time limit) would land in the
        # run's own clean-up. A program that swallows the first is its host's to replace.
        return
    _stopped_by_host = True
    raise Stopped()


def _no_run_to_stop(signum, frame):
    pass


STOPPED = "stopped: the run was interrupted (Stop, or it ran past its time limit)"

# python3 ends with SIGINT on an uncaught KeyboardInterrupt, which a shell reports as 128 + 2.
KEYBOARD_INTERRUPT_EXIT = 130


def _print_exception(exc, filename, file):
    te = traceback.TracebackException.from_exception(exc)
    _only_user_frames(te, filename)
    file.write("".join(te.format()))


def _exit_code(exc, stderr):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    stderr.write(f"{code}\n")
    return 1


def loaded():
    """The runtime is loaded: what exists now is there for good, and no collection
    needs to go through it again (a full one, mostly over Python's own modules, took
    20–90 ms of a lesson's run)."""
    isolation.remember()
    gc.freeze()


FULL_COLLECTION_EVERY = 50  # runs; see between_runs()
_runs_since_full_collection = 0


def between_runs():
    """After run() has returned, when its session, tracer and loops are garbage too:
    what the run changed in the interpreter's shared state is put back (isolation.py),
    and what is left (caches) is kept out of later collections like the runtime
    itself. Now and then everything is collected again, for what a later run let
    go of, which frozen objects never are."""
    global _runs_since_full_collection
    isolation.restore()
    _runs_since_full_collection += 1
    if _runs_since_full_collection >= FULL_COLLECTION_EVERY:
        _runs_since_full_collection = 0
        gc.unfreeze()
    gc.collect()
    gc.freeze()


def run(source, filename, options_json="{}"):
    options = json.loads(options_json)
    session = Session(filename, options)
    tracer = session.tracer
    channel = session.channel
    stdout = StampedWriter(channel, 1, session.clock)
    stderr = StampedWriter(channel, 2, session.clock)
    status, exit_code, message = "ok", 0, ""

    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    saved = sys.stdout, sys.stderr, sys.argv, sys.modules.get("__main__"), sys.stdin
    lines = None
    hard_exit = False
    sys.stdout, sys.stderr, sys.argv = stdout, stderr, [filename]
    # Nothing is typed into a run: input() raises EOFError as under `python3 prog.py < /dev/null`.
    sys.stdin = io.StringIO("")
    global _stopped_by_host
    _stopped_by_host = False
    signal.signal(signal.SIGINT, _stop_requested)
    sys.modules["__main__"] = main
    # logging's relativeCreated counts from its start, natively about when the process started.
    logging._startTime = time.time_ns()
    vloop.install_policy(session.new_loop)
    threads.install(session, int(options.get("hostCpus", 1)))
    executors.install(session)
    locks.install(session)
    if tracer is not None:
        vtracer.activate(tracer)
    try:
        with Sandbox():
            try:
                code = compile(source, filename, "exec")
            except SyntaxError as exc:
                stderr.write("".join(traceback.format_exception_only(exc)))
                status, exit_code, message = "error", 1, f"{type(exc).__name__}: {exc.msg} (line {exc.lineno})"
            else:
                if tracer is not None and tracer.lines:
                    lines = vtracer.LineEvents(tracer)
                    lines.start(code)
                messages311.install()
                try:
                    exec(code, main.__dict__)
                except SystemExit as exc:
                    hard_exit = isinstance(exc, HardExit)
                    exit_code = _exit_code(exc, stderr)
                    if exit_code:
                        status, message = "error", f"SystemExit({exit_code})"
                except vloop.Deadlock as exc:
                    status, exit_code, message = "deadlock", 1, str(exc)
                except vclock.LimitExceeded as exc:
                    status, exit_code, message = "limit", 1, f"stopped: {exc}"
                except Stopped:
                    status, exit_code, message = "stopped", 1, STOPPED
                except BaseException as exc:
                    stdout.finish()
                    _print_exception(exc, filename, stderr)
                    status, message = "error", f"{type(exc).__name__}: {exc}"
                    exit_code = KEYBOARD_INTERRUPT_EXIT if isinstance(exc, KeyboardInterrupt) else 1
                finally:
                    if lines is not None:
                        lines.stop()
                if _stopped_by_host and status in ("deadlock", "limit"):
                    # Stopped in the middle of a loop iteration, asyncio's clean-up found it in pieces.
                    status, exit_code, message = "stopped", 1, STOPPED
            if hard_exit:
                session.drop_due()  # os._exit(): no thread is waited for
            elif status not in ("deadlock", "limit", "stopped"):
                threads.wait_for_threads(session)
                atexit._run_exitfuncs()  # as at interpreter exit: after the threads, before the garbage
            stdout.finish()
            if status in ("deadlock", "limit", "stopped"):
                channel.halted = False
                stderr.write(f"corolab: {message}\n")
                session.halt()
            if tracer is not None:
                tracer.stop()
            # What natively happens at interpreter exit ("Task was destroyed but it is
            # pending!", "Task exception was never retrieved") happens here, into stderr.
            for lp in session.loops:
                if not lp.is_closed() and not lp.is_running():
                    try:
                        lp.close()
                    except Exception:
                        pass
            session.loops.clear()
            main.__dict__.clear()
            gc.collect()
            stderr.finish()
    finally:
        channel.flush()
        sys.stdout, sys.stderr, sys.argv, sys.stdin = saved[0], saved[1], saved[2], saved[4]
        if saved[3] is not None:
            sys.modules["__main__"] = saved[3]
        vtracer.deactivate()
        messages311.uninstall()
        vloop.uninstall_policy()
        locks.uninstall()
        executors.uninstall()
        threads.uninstall()
        vclock.uninstall()
        events._set_running_loop(None)
        linecache.cache.pop(filename, None)
        # A Stop that comes after the run (its host pressed it as the run ended) stops nothing:
        # under the default handler it was a KeyboardInterrupt in whatever ran next.
        signal.signal(signal.SIGINT, _no_run_to_stop)

    result = {
        "status": status,
        "exitCode": exit_code,
        "message": message,
        "seconds": session.clock.now,
        "clockStart": session.clock.wall_start,
        "lines": bool(tracer and tracer.lines),
    }
    if tracer is not None:
        result.update(events=tracer.unsent_events(), tables=tracer.unsent_tables())  # the host has the chunks it was sent
    return result
