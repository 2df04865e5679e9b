"""Threads without threads: threading.Thread, and the machinery executors.py
uses for thread pools (run_in_executor(), asyncio.to_thread(), ThreadPoolExecutor).

Pyodide cannot start threads, so a thread's function runs at once — but as if
on a thread of its own: the virtual time it spends (time.sleep) does not hold
up the caller. The clock is wound back to where the call started; the lines
it printed come out at the virtual times it printed them; what it hands the
event loop (call_soon_threadsafe) reaches the loop at that time too; an
executor's future resolves, and a Thread's join() returns, when the call
would have finished. So a blocking call on a thread overlaps with the rest
of the program, as it does in CPython.

A threading.Timer's function runs as such a thread when its interval is
over, unless cancel() came first: the program's clock gets there while it
sleeps, joins or runs its event loop.

Threads run one after another, each to its end when it starts. Items a
thread puts in a queue.Queue and events it sets arrive at their times (executors.py),
a threading.Lock or RLock it held is held at those times for the others (locks.py);
what it changes in other shared data is seen at once; a thread that waits for
something the rest of the program does later (a queue filled or an event set
after it starts, a lock the program holds, a run_coroutine_threadsafe() result) stops with
ThreadWaitsForLater, saying so.
"""
import itertools
import os
import sys
import threading
from asyncio import events, tasks

from .output import StampedWriter
from .sandbox import HardExit

_thread_class = threading.Thread
_timer_class = threading.Timer
_timer_run, _timer_cancel = _timer_class.run, _timer_class.cancel
_event_set = threading.Event.set
_THREAD_WAKE_UP = 1e-6  # virtual seconds a thread takes to notice it was woken
_originals = {name: getattr(_thread_class, name) for name in ("start", "join", "is_alive")}
_current_thread = threading.current_thread
_session = None  # the run in progress (install)
_running = []  # the emulated threads in progress (Thread objects), innermost last
_program_time = []  # the program's time when the outermost of them started


class _Capture:
    """Collects (stream, t, text) lines instead of writing them."""

    def __init__(self):
        self.lines = []
        self.halted = False

    def line(self, stream, t, text):
        self.lines.append((stream, t, text))


def emulating():
    """Whether the code running now is an emulated thread's."""
    return bool(_running)


def ahead():
    """Whether an emulated thread runs now at a time the rest of the program has not reached."""
    return bool(_running) and _session.clock.now > _program_time[0]


def call_in_thread(session, thread, func, args, start=None):
    """Runs func(*args) as a thread starting now (or at `start`, later); returns
    (result, error, end time, lines)."""
    clock = session.clock
    now = clock.now
    if start is not None and start > now:
        clock.move_to(start)
    capture = _Capture()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = StampedWriter(capture, 1, clock), StampedWriter(capture, 2, clock)
    result = error = None
    tracer = session.tracer
    if tracer is not None:
        tracer.pause()  # the call's own steps are not the loop's
    _running.append(thread)
    if len(_running) == 1:
        _program_time.append(now)
    hard_exit = False
    loops = _no_loop_yet()
    try:
        result = func(*args)
    except HardExit:
        hard_exit = True
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        error = exc
    finally:
        _restore_loops(loops)
        _running.pop()
        if not _running:
            _program_time.clear()
        sys.stdout.finish()
        sys.stderr.finish()
        sys.stdout, sys.stderr = saved
        if tracer is not None and not _running:
            tracer.resume()
        end = clock.now
        if hard_exit:
            # os._exit() on a thread ends the program then, with what was printed until then.
            deliver(session, capture.lines)
            if not _running:
                clock.move_to(now)
                session.run_due(end)
        else:
            clock.move_to(now)
    return result, error, end, capture.lines


def _no_loop_yet():
    """A new thread has no event loop, running or current, of its own: it may
    asyncio.run() one. Returns the caller's, for _restore_loops."""
    local = getattr(events._get_event_loop_policy(), "_local", None)
    running = events._get_running_loop()
    # The task whose step started the thread is the running one of this (real) thread too.
    task = tasks._swap_current_task(running, None) if running is not None else None
    saved = running, task, local, getattr(local, "_loop", None), getattr(local, "_set_called", False)
    events._set_running_loop(None)
    if local is not None:
        local._loop, local._set_called = None, False
    return saved


def _restore_loops(saved):
    running, task, local, loop, set_called = saved
    events._set_running_loop(running)
    if running is not None:
        tasks._swap_current_task(running, task)
    if local is not None:
        local._loop, local._set_called = loop, set_called


def deliver(session, lines):
    """Writes a finished thread's lines when the program's clock reaches the virtual
    times it wrote them (an event loop wakes up for them, as for I/O)."""
    if _running:
        # Inside another emulated thread: its own output, to come out with the rest of it.
        sys.stdout._channel.lines.extend(lines)
        return
    for stream, t, text in lines:
        session.at(t, session.channel.write_at, stream, t, text, output=True)


# -- threading.Thread ----------------------------------------------------------------


def _start(self):
    if not self._initialized:
        raise RuntimeError("thread.__init__() not called")
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    _event_set(self._started)  # now, even inside a thread that runs ahead
    session = _session
    if isinstance(self, _timer_class) and type(self).run is _timer_run and not _running:
        _start_timer(session, self)
        return
    _run_as_thread(session, self)


def _run_as_thread(session, thread, body=None):
    """Runs the thread's run() (or body(thread)) now; its lines and its end come at their times."""
    _result, _error, end, lines = call_in_thread(session, thread, _run_thread, (thread, body))
    thread._corolab_end = end
    if not thread.daemon:
        session.thread_ends.append(end)
    deliver(session, lines)


def _start_timer(session, timer):
    # Until it fires, the timer's thread ends when its interval does (join(), is_alive()).
    due = session.clock.now + max(timer.interval, 0)
    timer._corolab_end = due
    if not timer.daemon:
        session.thread_ends.append(due)
    session.at(due, _fire_timer, session, timer)


def _fire_timer(session, timer):
    if timer.finished.is_set():
        return  # cancelled
    _run_as_thread(session, timer, _timer_body)


def _timer_body(timer):
    # Timer.run without its wait: the interval is over.
    timer.function(*timer.args, **timer.kwargs)
    timer.finished.set()


def _cancel_timer(self):
    _timer_cancel(self)
    end = getattr(self, "_corolab_end", None)
    if end is not None and _session is not None and end > _session.clock.now and not _running:
        # Not fired yet: its thread ends as soon as it runs again (natively it is still
        # alive just after cancel(), until its wait returns), not at its interval's end.
        self._corolab_end = _session.clock.now + _THREAD_WAKE_UP
        if not self.daemon and end in _session.thread_ends:
            _session.thread_ends.remove(end)


def _run_thread(thread, body=None):
    # As Thread._bootstrap_inner: an uncaught exception goes to threading.excepthook,
    # whose default report shows the program's own frames only, as tracebacks do here.
    try:
        if body is None:
            thread.run()
        else:
            body(thread)
    except HardExit:
        raise  # os._exit() ends the whole program, from any thread
    except SystemExit:
        pass
    except KeyboardInterrupt as exc:
        if type(exc).__module__.startswith("corolab"):
            raise  # the run is being stopped (Stop, a budget, a deadlock): not the thread's own error
        _report(thread, exc)
    except BaseException as exc:
        _report(thread, exc)


def _report(thread, exc):
    if threading.excepthook is threading.__excepthook__:
        sys.stderr.write(f"Exception in thread {thread.name}:\n")
        _session.print_exception(exc, sys.stderr)
    else:
        thread._invoke_excepthook(thread)


def _join(self, timeout=None):
    end = getattr(self, "_corolab_end", None)
    if end is None:
        return _originals["join"](self, timeout)
    if self is threading.current_thread():
        raise RuntimeError("cannot join current thread")
    # Blocks the caller, as time.sleep does, until the thread would have finished:
    # a timer's end moves on when it fires, as the clock gets to it.
    clock = _session.clock
    deadline = None if timeout is None else clock.now + max(timeout, 0)
    while True:
        target = self._corolab_end if deadline is None else min(self._corolab_end, deadline)
        before = clock.now
        if target <= before:
            break
        clock.advance(target - before)
        if clock.now <= before:
            break  # too close to tell apart on the clock


def _is_alive(self):
    end = getattr(self, "_corolab_end", None)
    if end is None:
        return _originals["is_alive"](self)
    return _session.clock.now < end


def _current():
    return _running[-1] if _running else _current_thread()


_cpu_count = os.cpu_count
_process_cpu_count = getattr(os, "process_cpu_count", None)


def install(session, cpus):
    """Emulates threading.Thread for one run on a machine of `cpus` CPUs (what
    the program sees, and what sizes its thread pools); numbering starts again at Thread-1."""
    global _session
    _session = session
    session.thread_ends = []
    os.cpu_count = lambda: cpus
    if _process_cpu_count is not None:
        os.process_cpu_count = lambda: cpus
    threading._counter = itertools.count(1).__next__
    _thread_class.start, _thread_class.join, _thread_class.is_alive = _start, _join, _is_alive
    _timer_class.cancel = _cancel_timer
    threading.current_thread = _current


def uninstall():
    global _session
    _session = None
    for name, fn in _originals.items():
        setattr(_thread_class, name, fn)
    _timer_class.cancel = _timer_cancel
    threading.current_thread = _current_thread
    os.cpu_count = _cpu_count
    if _process_cpu_count is not None:
        os.process_cpu_count = _process_cpu_count
    _running.clear()
    _program_time.clear()


def wait_for_threads(session):
    """At the end of the program, as the interpreter waits for its non-daemon threads
    (daemon threads end with it: what they would have done later never happens)."""
    clock = session.clock
    while True:
        last = max(session.thread_ends, default=clock.now)
        session.run_due(max(last, clock.now))
        if max(session.thread_ends, default=clock.now) <= last:
            break  # no timer that fired meanwhile runs on past it
    session.drop_due()
    if last > clock.now:
        clock.move_to(last)
