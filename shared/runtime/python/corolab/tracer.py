"""The tracer: records what the event loop does as one flat list of events.

Each event is five numbers (kind, virtual time, task, a, b) appended to one
flat list, packed into doubles at the end; names, labels and printed text go
once into a string table.
shared/trace.ts describes the same format for the TypeScript side; the K_*
and W_* numbers here must match its EventKind and WaitKind.

Hooks, all cheap and all outside CPython's scheduling code:
- every callback the loop runs is a TracedHandle/TracedTimerHandle, so task
  steps, wake-ups, timers and plain callbacks are seen as they run;
- the loop's task factory sees tasks being created, create_future() futures;
- sys.monitoring LINE events, switched on for the user's code objects only.
"""
import asyncio
import heapq
import os
import reprlib
import signal
import sys
import weakref
from array import array
from asyncio import events, format_helpers, futures

from .loop import VirtualEventLoop
from .vclock import LimitExceeded

(K_LOOP, K_TASK_CREATED, K_STEP_START, K_STEP_END, K_AWAIT, K_WAKE, K_TASK_DONE,
 K_TASK_CANCELLED, K_TASK_FAILED, K_TIMER_SCHEDULED, K_TIMER_FIRED, K_TIMER_CANCELLED,
 K_CALLBACK, K_FUTURE_CREATED, K_FUTURE_RESOLVED, K_PRINT, K_LINE, K_TASK_RENAMED) = range(18)
W_YIELD, W_SLEEP, W_FUTURE, W_TASK = range(4)
OUTCOME_RESULT, OUTCOME_EXCEPTION, OUTCOME_CANCELLED = range(3)

_Task = asyncio.Task
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)
_SIMPLE_TYPES = (int, float, str, bool, type(None), bytes, list, tuple, dict, set)
_repr = reprlib.Repr(maxstring=60, maxother=60).repr
_tracer = None  # the tracer of the run in progress


def _safe_repr(value):
    # Never call a user's __repr__: it could print, or fail.
    if isinstance(value, _SIMPLE_TYPES):
        return _repr(value)
    return f"<{type(value).__name__}>"


class Tracer:
    def __init__(self, clock, filename, lines, max_steps):
        self.clock = clock
        self.filename = filename
        self.lines = lines
        self.max_steps = max_steps
        self.steps = 0
        self.cur = -1  # the task whose step is running, or -1
        self.on_limit = lambda: None
        self.on_checkpoint = lambda: None
        self.enabled = True
        # A flat list of numbers, five per event: list.extend is about twice as fast
        # as array.extend here, and costs the same memory (the numbers are shared
        # objects: the clock's current float, interned ids). Packed once at the end.
        self.events = []
        self._push = self.events.extend
        self._packed = []  # float64 bytes of the events already handed out as chunks
        self._sent = {"events": 0, "strings": 0, "tasks": 0, "timers": 0, "futures": 0}
        self.strings = []
        self._string_ids = {}
        self._task_ids = {}  # id(task) -> task id; tasks are alive whenever we look one up
        self._task_names = []  # current name per task id
        self.task_name, self.task_parent, self.task_coro, self.task_line = [], [], [], []
        self.timer_when, self.timer_label = [], []
        self._future_ids = weakref.WeakKeyDictionary()  # future -> future id
        self.future_label = []
        self._sleep_timer = {}  # future id -> timer id, for asyncio.sleep's futures
        self._file_sid = self.string(filename)

    # -- tables -------------------------------------------------------------------------

    def string(self, text):
        sid = self._string_ids.get(text)
        if sid is None:
            sid = self._string_ids[text] = len(self.strings)
            self.strings.append(text)
        return sid

    def emit(self, kind, task, a, b):
        self._push((kind, self.clock.now, task, a, b))

    def current_task_id(self):
        return self.cur

    def future_id(self, fut, label=None):
        # Our own futures carry their id; others (gather's, the program's own
        # asyncio.Future()) are looked up weakly: an address can be reused.
        fid = getattr(fut, "_corolab_id", None)
        if fid is not None:
            return fid
        try:
            fid = self._future_ids.get(fut)
        except TypeError:  # not weak-referenceable: no stable identity to give it
            fid = None
        if fid is None:
            fid = len(self.future_label)
            if isinstance(fut, TracedFuture):
                fut._corolab_id = fid
            else:
                try:
                    self._future_ids[fut] = fid
                except TypeError:
                    pass
            if label is None:
                label = "gather" if type(fut).__name__ == "_GatheringFuture" else type(fut).__name__
            self.future_label.append(self.string(label))
        return fid

    def _user_line(self, frame):
        for _ in range(30):
            if frame is None:
                return 0
            if frame.f_code.co_filename == self.filename:
                return frame.f_lineno
            frame = frame.f_back
        return 0

    # -- events -------------------------------------------------------------------------

    def task_created(self, task, coro):
        code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        if code is not None and code.co_filename.startswith(_ASYNCIO_DIR):
            # asyncio's own housekeeping (shutdown_asyncgens, ...): not the program's.
            # Marked, since it may reuse the address of a finished task.
            self._task_ids[id(task)] = -1
            return
        tid = len(self.task_name)
        self._task_ids[id(task)] = tid
        name = task.get_name()
        self._task_names.append(name)
        self.task_name.append(self.string(name))
        parent = self.current_task_id()
        self.task_parent.append(parent)
        self.task_coro.append(self.string(code.co_name if code else type(coro).__name__))
        self.task_line.append(self._user_line(sys._getframe(2)))
        self.emit(K_TASK_CREATED, tid, parent, -1)

    def waiting_on(self, fut):
        """(WaitKind, id) for something a task awaits or was woken by."""
        if fut is None:
            return W_YIELD, -1
        if isinstance(fut, _Task):
            return W_TASK, self._task_ids.get(id(fut), -1)
        fid = self.future_id(fut)
        timer = self._sleep_timer.get(fid)
        if timer is not None:
            return W_SLEEP, timer
        return W_FUTURE, fid

    def checkpoint(self):
        """Every 4096 steps and lines: the step budget, and a pending Stop."""
        if self.steps > self.max_steps:
            self.limit_reached()
        poll_interrupt()
        self.on_checkpoint()

    def limit_reached(self):
        self.on_limit()
        raise LimitExceeded(f"the program ran more than {self.max_steps:,} steps and lines")

    def renamed(self, tid, name):
        self._task_names[tid] = name
        self.emit(K_TASK_RENAMED, tid, self.string(name), -1)

    def task_finished(self, tid, task):
        now = self.clock.now
        push = self._push
        push((K_STEP_END, now, tid, -1, -1))
        if task.cancelled():
            push((K_TASK_CANCELLED, now, tid, -1, -1))
        elif task._exception is not None:
            exc = task._exception
            push((K_TASK_FAILED, now, tid, self.string(f"{type(exc).__name__}: {exc}"), -1))
        else:
            push((K_TASK_DONE, now, tid, self.string(_safe_repr(task._result)), -1))

    def callback(self, handle, timer):
        cb = handle._callback
        name = getattr(cb, "__qualname__", None) or type(cb).__name__
        self._push((K_CALLBACK, self.clock.now, self.cur, self.string(name), timer))

    def output(self, text, stream):
        self._push((K_PRINT, self.clock.now, self.cur, self.string(text), stream))

    def line_callback(self):
        """The sys.monitoring LINE callback: called for every line the program runs, so a closure over locals."""
        clock = self.clock
        file_sid = self._file_sid
        tracer = self

        def on_line(code, line):
            tracer._push((K_LINE, clock.now, tracer.cur, file_sid, line))
            tracer.steps += 1
            if not tracer.steps & 0xFFF:
                tracer.checkpoint()

        return on_line

    def packed_events(self):
        """All the events as float64 bytes, (kind, t, task, a, b) after each other."""
        return b"".join(self._packed) + array("d", self.events).tobytes()

    def take_chunk(self):
        """The events and table rows recorded since the last chunk, so that a long
        run can be shown while it goes on. Returns (float64 bytes, description)."""
        data = array("d", self.events).tobytes()
        self._packed.append(data)
        self.events.clear()  # the same list: the bound push methods stay valid
        sent = self._sent
        count = len(data) // 40
        chunk = {
            "first": sent["events"],
            "count": count,
            "strings": self.strings[sent["strings"]:],
            "tasks": {"name": self.task_name[sent["tasks"]:], "parent": self.task_parent[sent["tasks"]:],
                      "coro": self.task_coro[sent["tasks"]:], "line": self.task_line[sent["tasks"]:]},
            "timers": {"when": self.timer_when[sent["timers"]:], "label": self.timer_label[sent["timers"]:]},
            "futures": {"label": self.future_label[sent["futures"]:]},
        }
        sent.update(events=sent["events"] + count, strings=len(self.strings), tasks=len(self.task_name),
                    timers=len(self.timer_when), futures=len(self.future_label))
        return data, chunk

    def pause(self):
        self._paused_push = self._push
        self._push = _discard

    def resume(self):
        if self.enabled:
            self._push = self._paused_push

    def stop(self):
        """No more events from here on (the run ended, or was halted)."""
        self.enabled = False
        self._push = _discard


def poll_interrupt():
    """Lets a pending Stop through. Pyodide is meant to poll the host's
    interrupt buffer on its own, but in a browser worker it was seen not to;
    re-installing the SIGINT handler makes Python check it."""
    signal.signal(signal.SIGINT, signal.getsignal(signal.SIGINT))


def _discard(values):
    pass


def _report_callback_error(handle, exc):
    # As events.Handle._run reports a failed callback.
    cb = format_helpers._format_callback_source(handle._callback, handle._args, debug=handle._loop.get_debug())
    context = {"message": f"Exception in callback {cb}", "exception": exc, "handle": handle}
    if handle._source_traceback:
        context["source_traceback"] = handle._source_traceback
    handle._loop.call_exception_handler(context)


class TracedHandle(events.Handle):
    """Every callback the traced loop runs. Task steps are the hot path: one
    call each, so it is written out here, with no helper calls. Events go out
    in batches of five numbers, and `tr.cur` tracks the running task so that
    prints, lines and new tasks know it without asking asyncio."""

    __slots__ = ()

    def _run(self, timer=-1):
        tr = _tracer
        callback = self._callback
        task = getattr(callback, "__self__", None)
        if task.__class__ is not _Task and not isinstance(task, _Task):
            tr.callback(self, timer)
            events.Handle._run(self)
            return
        tid = tr._task_ids.get(id(task), -1)
        if tid < 0:  # not the program's
            events.Handle._run(self)
            return
        push = tr._push
        now = tr.clock.now
        args = self._args
        if args:  # a wake-up: the argument is the future that completed
            kind, target = tr.waiting_on(args[0])
            push((K_WAKE, now, tid, kind, target, K_STEP_START, now, tid, -1, -1))
        else:
            push((K_STEP_START, now, tid, -1, -1))
        tr.steps += 1
        if not tr.steps & 0xFFF:
            tr.checkpoint()
        tr.cur = tid
        try:
            self._context.run(callback, *args)
        except (SystemExit, KeyboardInterrupt):
            tr.cur = -1
            raise
        except BaseException as exc:
            tr.cur = -1
            _report_callback_error(self, exc)
        tr.cur = -1
        now = tr.clock.now
        name = task.get_name()
        if name != tr._task_names[tid]:
            tr.renamed(tid, name)
        if task.done():
            tr.task_finished(tid, task)
            return
        waiter = task._fut_waiter
        if waiter is None:
            push((K_STEP_END, now, tid, -1, -1, K_AWAIT, now, tid, W_YIELD, -1))
        else:
            kind, target = tr.waiting_on(waiter)
            push((K_STEP_END, now, tid, -1, -1, K_AWAIT, now, tid, kind, target))


class TracedTimerHandle(events.TimerHandle):
    __slots__ = ("_timer_id",)

    def _run(self):
        _tracer.emit(K_TIMER_FIRED, -1, self._timer_id, -1)
        if self._callback is futures._set_result_unless_cancelled:
            events.Handle._run(self)  # asyncio.sleep's own timer: the wake-up that follows says it all
        else:
            TracedHandle._run(self, self._timer_id)


class TracedFuture(asyncio.Future):
    """A future from loop.create_future() that reports being resolved."""

    def set_result(self, result):
        super().set_result(result)
        _tracer.emit(K_FUTURE_RESOLVED, _tracer.current_task_id(), _tracer.future_id(self), OUTCOME_RESULT)

    def set_exception(self, exception):
        super().set_exception(exception)
        _tracer.emit(K_FUTURE_RESOLVED, _tracer.current_task_id(), _tracer.future_id(self), OUTCOME_EXCEPTION)

    def cancel(self, msg=None):
        cancelled = super().cancel(msg)
        if cancelled:
            _tracer.emit(K_FUTURE_RESOLVED, _tracer.current_task_id(), _tracer.future_id(self), OUTCOME_CANCELLED)
        return cancelled


class TracedEventLoop(VirtualEventLoop):
    def _run_once(self):
        scheduled = self._scheduled
        _tracer.emit(K_LOOP, -1, len(self._ready), scheduled[0]._timer_id if scheduled else -1)
        super()._run_once()

    def _call_soon(self, callback, args, context):
        handle = TracedHandle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_at(self, when, callback, *args, context=None):
        # As BaseEventLoop.call_at, with a handle that knows its timer id.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = TracedTimerHandle(when, callback, args, self, context)
        tr = _tracer
        timer._timer_id = tid = len(tr.timer_when)
        tr.timer_when.append(float(when))
        if callback is futures._set_result_unless_cancelled:
            label = "sleep"
            tr._sleep_timer[tr.future_id(args[0], "sleep")] = tid
        else:
            label = getattr(callback, "__qualname__", None) or type(callback).__name__
        tr.timer_label.append(tr.string(label))
        tr.emit(K_TIMER_SCHEDULED, tr.current_task_id(), tid, -1)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        super()._timer_handle_cancelled(handle)
        if handle._scheduled:  # not when asyncio.sleep tidies up a timer that already fired
            _tracer.emit(K_TIMER_CANCELLED, _tracer.current_task_id(), handle._timer_id, -1)

    def create_future(self):
        fut = TracedFuture(loop=self)
        label = sys._getframe(1).f_code.co_qualname
        fut._corolab_label = label
        _tracer.emit(K_FUTURE_CREATED, _tracer.current_task_id(), _tracer.future_id(fut, label), -1)
        return fut

    def _new_task(self, loop, coro, **kwargs):
        task = super()._new_task(loop, coro, **kwargs)
        _tracer.task_created(task, coro)
        return task


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _code_objects(const)


class LineEvents:
    """sys.monitoring LINE events on the user's code only (asyncio's own code stays untouched)."""

    def __init__(self, tracer):
        self.tracer = tracer
        self.tool = None

    def start(self, code):
        mon = sys.monitoring
        for tool in (mon.DEBUGGER_ID, 3, 4):
            if mon.get_tool(tool) is None:
                mon.use_tool_id(tool, "corolab")
                self.tool = tool
                break
        if self.tool is None:
            return
        mon.register_callback(self.tool, mon.events.LINE, self.tracer.line_callback())
        for c in _code_objects(code):
            mon.set_local_events(self.tool, c, mon.events.LINE)

    def stop(self):
        if self.tool is not None:
            mon = sys.monitoring
            mon.register_callback(self.tool, mon.events.LINE, None)
            mon.free_tool_id(self.tool)
            self.tool = None


def activate(tracer):
    global _tracer
    _tracer = tracer


def deactivate():
    global _tracer
    if _tracer is not None:
        _tracer.stop()
