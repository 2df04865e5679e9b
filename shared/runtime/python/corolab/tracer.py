"""The tracer: records what the event loop does as one flat list of events.

Each event is five numbers (kind, virtual time, task, a, b), or one (see "On
the wire"), appended to one flat list, packed into doubles at every
checkpoint; names, labels and printed text go once into a string table.
shared/trace.ts describes the same format for the TypeScript side; the K_*
and W_* numbers here must match its EventKind and WaitKind.

Hooks, all cheap and all outside CPython's scheduling code:
- every callback the loop runs is a TracedHandle/TracedTimerHandle, so task
  steps, wake-ups, timers and plain callbacks are seen as they run (a task's
  first step, and its next step after a bare yield, is a NextStepHandle, which
  knows its task);
- the loop's task factory sees tasks being created, create_future() futures;
- the loop's call_soon and our futures' and tasks' add_done_callback see how
  the running step ends (_Step.end);
- sys.monitoring LINE events, switched on for the user's code objects only.

A task step is the hot path (in Pyodide every Python operation costs several
times what it does natively), so it does as little as it can: tasks and
futures carry what they are as an attribute (a wait code), events that
happen inside a step (lines, prints, timers, futures) say RUNNING_TASK
instead of looking the task up, the hot events say NOW instead of reading
the clock, and a step is one record, made when it ends. How a step ends is
mostly told to the tracer on the way (see _Step), not asked of the C task.

On the wire, to the host (trace-assembler.ts splitEvents):
- STEP (task, wake, end) is a whole step: its Wake (unless `wake` is NO_WAKE)
  and StepStart, placed before the events recorded since the last event that
  cannot be inside a step (trace-assembler.ts OUTSIDE_STEPS), then its StepEnd, and its
  Await unless `end` is FINISHED (the task's Done/Failed/Cancelled follows);
- STEP_CUT is a step the run was halted in: Wake and StepStart only;
- BOUNDARY ends what a plain callback or a timer did, so that the next step
  does not claim it;
- RUNNING_TASK is the task of the step the event is inside (-1 outside steps),
  NOW the time of the latest CLOCK event, which the tracer records whenever
  the clock moves; a wake or end is a wait code: (id + 1) * 4 + WaitKind.
- The commonest records are one number instead of five (an append costs
  a fraction of building a tuple and extending the list by it, and packing
  a number costs about as much as recording it): LINE_BASE + n is a line n
  of the program run now, inside the running step; -1 - task is a step of
  that task which nothing woke and that ended in a bare yield
  (asyncio.sleep(0)); BOUNDARY is one number. Every other record starts
  with its kind.
The trace the host builds has all of it spelled out, and none of these.
"""
import asyncio
import json
import math
import os
import reprlib
import signal
import struct
import sys
import types
import weakref
from asyncio import base_events, events, format_helpers, futures, unix_events

from .loop import VirtualEventLoop, VirtualHandle, VirtualTimerHandle, forget_factory_frames, looks_native
from .vclock import LimitExceeded

(K_LOOP, K_TASK_CREATED, K_STEP_START, K_STEP_END, K_AWAIT, K_WAKE, K_TASK_DONE,
 K_TASK_CANCELLED, K_TASK_FAILED, K_TIMER_SCHEDULED, K_TIMER_FIRED, K_TIMER_CANCELLED,
 K_CALLBACK, K_FUTURE_CREATED, K_FUTURE_RESOLVED, K_PRINT, K_LINE, K_TASK_RENAMED) = range(18)
W_YIELD, W_SLEEP, W_FUTURE, W_TASK = range(4)
RUNNING_TASK = -2  # "the task whose step is running", resolved by the host
NOW = -1  # "the clock's time", resolved by the host from the CLOCK events
K_CLOCK = 100  # on the wire only: the clock moved to this time
K_STEP, K_STEP_CUT = 101, 102  # on the wire only: see "On the wire"
LINE_BASE = 1024  # on the wire, a number from here up is a line of the program (see "On the wire")
BOUNDARY = LINE_BASE - 1  # on the wire, the one number of a BOUNDARY record
FILE_SID = 0  # the program's file name is the first string of every trace
FOREVER = sys.float_info.max  # a timer due at ±infinity is due at ±FOREVER in a trace (JSON has no infinity; trace.ts)
NO_WAKE = -1  # a STEP's wake: the task was not woken by anything (its first step, a yield)
FINISHED = -1  # a STEP's end: the task is done
YIELD = 0  # the wait code of a bare yield (W_YIELD, no id)
OUTCOME_RESULT, OUTCOME_EXCEPTION, OUTCOME_CANCELLED = range(3)

_Task = asyncio.Task
_future_set_result, _future_set_exception, _future_cancel = asyncio.Future.set_result, asyncio.Future.set_exception, asyncio.Future.cancel
_future_add_done_callback = asyncio.Future.add_done_callback
_BUILTIN_FUNCTION = type(len)  # what a C task's wake-up callback is
_PYTHON_CALLABLES = frozenset((types.FunctionType, types.MethodType))
_frame_module = sys._getframemodulename
_CREATOR_DEPTHS = range(3, 33)  # frames above task_created, the task factory and loop.create_task
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)
_RUNTIME_DIR = os.path.dirname(__file__)
_SIMPLE_TYPES = frozenset((int, float, complex, str, bool, type(None), bytes, list, tuple, dict, set, frozenset))
_STR_IS_REPR = frozenset((int, float, bool, type(None)))
_SHORT = 40  # a scalar's repr up to this long is what reprlib gives too (its shortest limit, maxlong)


class _SafeRepr(reprlib.Repr):
    """reprlib, but what it meets inside a container that is not a built-in
    value is shown by its type's name: its __repr__ is the program's own."""

    def repr_instance(self, x, level):
        if type(x) in _SIMPLE_TYPES:
            return super().repr_instance(x, level)
        return f"<{type(x).__name__}>"


_repr = _SafeRepr(maxstring=60, maxother=60).repr
_tracer = None  # the tracer of the run in progress
# Where events are recorded (set by activate, pause, resume, stop): the tracer's list,
# or _SCRATCH while nothing is. The hot paths use `_events.append(x)` and `ev += (...)`:
# CPython runs both without calling out through a C function pointer, which in Pyodide
# goes by way of JavaScript and costs five to ten times as much (`_events.extend(...)`
# and a bound `append` called as a function do).
_SCRATCH = []  # emptied at every checkpoint
_events = _SCRATCH
_lines = []  # one entry per line run since the last checkpoint: counting them costs an append
# LINE_BASE + n at index n, for each line of the program run now (LineEvents.start): a line's
# record is then an int made once, not one made per line run (in Pyodide, making an int
# out of the range Python keeps ready costs more than the rest of the callback).
_line_records = []


class _Step:
    """What the running step has told the tracer so far (the one instance is _step).

    `task` and `context`: the task whose step a TracedHandle runs, and its context.
    `handle`: instead of `task`, the NextStepHandle that runs the step, if one does: a
    step that ends in a bare yield has its task's next step run by the same handle
    (TracedEventLoop.call_soon).
    `end`: how the step ended, when it said so on the way out: a bare yield schedules the
    task's next step with its own context (TracedEventLoop.call_soon), an await of one of
    our futures or tasks adds the task's wake-up to it (_add_done_callback); None if it
    did not say (it finished, or awaits a future of another kind). Asking the C task
    instead (`_fut_waiter`, `done()`, a step callback's `__self__`) goes out of the
    interpreter through Pyodide's trampoline.
    While the task factory makes a task, `context` is _CREATING, and `first` keeps the first
    step the new task schedules (TracedEventLoop.call_soon): the factory tells it its task,
    so that the step, too, runs without asking the C task whose step it is.

    Slots of one object, not module globals: a step writes them several times, and in
    CPython 3.14 storing a module global costs several times a slot's store (the module's
    dict is watched by the interpreter's caches).
    """

    __slots__ = ("task", "handle", "context", "end", "first")

    def __init__(self):
        self.task = self.handle = self.context = self.end = self.first = None


_step = _Step()
_CREATING = object()


def _line_at(code, offset):
    """The line of the instruction at `offset` (bytes) in `code`, as a frame's f_lineno
    gives it there (0 for an instruction of no line)."""
    if offset < 0:  # not started
        return code.co_firstlineno
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line or 0
    return 0


def _as_bytes(numbers, code="d", piece=65536):
    """A list of numbers as bytes of struct's `code` (float64, or "i": int32). struct
    converts each number directly; array parses a format string for each (in Pyodide it
    took twice as long). A long list goes in pieces: struct.pack takes its numbers as
    arguments, a tuple as long as they are."""
    n = len(numbers)
    if n <= piece:
        return struct.pack(f"{n}{code}", *numbers)
    return b"".join(_as_bytes(numbers[i:i + piece], code) for i in range(0, n, piece))


def wait_code(kind, target):
    """A WaitKind and an id as one number (trace-assembler.ts decodes it)."""
    return (target + 1) * 4 + kind


def _safe_repr(value):
    # Never call a user's __repr__: it could print, or fail.
    kind = type(value)
    try:
        # A task's result is most often a scalar: reprlib is many calls slower. For these
        # str() is repr(), and the cheaper call (the interpreter calls str() directly).
        if kind in _STR_IS_REPR or kind is str:
            text = repr(value) if kind is str else str(value)
            if len(text) <= _SHORT:
                return text
        if kind in _SIMPLE_TYPES:
            return _repr(value)
    except ValueError:  # an int too long to write out (sys.set_int_max_str_digits), also inside a container
        pass
    return f"<{type(value).__name__}>"


def _step_callback_type():
    """The type of the callback a C task schedules its steps with (_asyncio does not
    name it): seen once, from a task made on a stand-in loop and never run."""

    class Probe:
        def get_debug(self):
            return False

        def call_soon(self, callback, *args, context=None):
            self.callback = callback

    async def nothing():
        pass

    probe, coro = Probe(), nothing()
    task = asyncio.Task(coro, loop=probe)
    task._log_destroy_pending = False
    coro.close()
    return type(probe.callback)


_STEP_CALLBACK = _step_callback_type()


class Tracer:
    def __init__(self, clock, filename, lines, max_steps):
        self.clock = clock
        self.filename = filename
        self.lines = lines
        self.max_steps = max_steps
        self.steps = 0
        self.next_checkpoint = CHECKPOINT_STEPS
        self.on_limit = lambda: None
        self.on_checkpoint = lambda between_steps: None
        self.enabled = True
        # A flat list of numbers, five per event: list.extend is about twice as fast
        # as array.extend here, and costs the same memory (the numbers are shared
        # objects: the clock's current float, interned ids).
        self.events = []
        # Every checkpoint packs the list into float64 bytes: a long list of numbers
        # would be walked by every pass of the cyclic garbage collector.
        self._packed = []  # since the last chunk
        self.unsent_bytes = 0  # their length
        # The tables hold the rows not sent yet (unsent_tables); ids count on from the rows
        # sent (the *_base counts). A sent row leaves its list: the cyclic garbage collector
        # walks a list item by item in every pass.
        self.strings, self.string_base = [], 0
        self._string_ids = {}
        self.task_rows, self.task_base = [], 0  # four numbers per task: its name's string id, its parent, its coroutine's name, its line
        self.timer_when, self.timer_label, self.timer_base = [], [], 0
        self._coro_sids = {}  # id of a code object -> (the code, string id of its name or None): see _coro_sid
        self._creation_lines = {}  # id of a code object -> (the code, {offset: line}): see task_created
        self._future_ids = weakref.WeakKeyDictionary()  # future -> future id, for futures without attributes
        self.future_label, self.future_base = [], 0
        self.string(filename)  # FILE_SID

    # -- tables -------------------------------------------------------------------------

    def string(self, text):
        ids = self._string_ids
        if text in ids:  # `in` and [] need no call out of the interpreter (see _events); get() does
            return ids[text]
        sid = ids[text] = self.string_base + len(self.strings)
        self.strings.append(text)
        return sid

    def emit(self, kind, task, a, b):
        _events.extend((kind, self.clock.now, task, a, b))

    def current_task_id(self):
        """The running task's id, looked up (slow: for the output channel and the task table)."""
        loop = events._get_running_loop()
        task = asyncio.current_task(loop) if loop is not None else None
        return getattr(task, "_corolab_tid", -1)

    def future_id(self, fut, label=None):
        # Our own futures carry their id (create_future gives it); others (gather's, the
        # program's own asyncio.Future()) are looked up weakly: an address can be reused.
        fid = getattr(fut, "_corolab_id", None)
        if fid is not None:
            return fid
        try:
            fid = self._future_ids.get(fut)
        except TypeError:  # not weak-referenceable: no stable identity to give it
            fid = None
        if fid is None:
            fid = self.future_base + len(self.future_label)
            try:
                self._future_ids[fut] = fid
            except TypeError:
                pass
            if label is None:
                label = "gather" if type(fut).__name__ == "_GatheringFuture" else type(fut).__name__
            self.future_label.append(self.string(label))
        return fid

    # -- events -------------------------------------------------------------------------

    def _coro_sid(self, coro):
        """The string id of a coroutine's name, or None for asyncio's or the runtime's own
        housekeeping (shutdown_asyncgens, ...), which is not the program's. Kept per code
        object: a program makes many tasks of a few coroutine functions. Keyed by the
        code's id (hashing a code object hashes all of it), the code kept with it so
        that the id stays its own."""
        code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        if code is None:
            return self.string(type(coro).__name__)
        if code.co_filename.startswith((_ASYNCIO_DIR, _RUNTIME_DIR)):
            sid = None
        else:
            sid = self.string(code.co_name)
        self._coro_sids[id(code)] = (code, sid)
        return sid

    def task_created(self, task, coro, loop, name):
        """Called by the task factory, with the name it gave the task. Every task of the
        program comes through here: written out, with no helper calls. Returns whether
        the task is followed (asyncio's and the runtime's own are not)."""
        try:
            coro_sid = self._coro_sids[id(coro.cr_code)][1]
        except (AttributeError, KeyError):
            coro_sid = self._coro_sid(coro)
        if coro_sid is None:
            return False
        rows = self.task_rows
        tid = self.task_base + (len(rows) >> 2)
        task._corolab_tid = tid
        task._corolab_wait = (tid + 1) * 4 + W_TASK  # wait_code(W_TASK, tid)
        task._corolab_yield = -1 - tid  # its bare yields' record (see "On the wire"), made once
        if type(name) is not str:
            name = task.get_name()  # the task made it a str
        # Not looked up in the string table first: most names are the run's own "Task-N",
        # each new. A name that is there already is there twice, which costs a few bytes.
        strings = self.strings
        sid = self.string_base + len(strings)
        strings.append(name)
        # The task whose step runs, which the tracer knows (_Step): asking asyncio which
        # task is current would cost two calls out of the interpreter.
        step = _step
        running = step.task if step.handle is None else step.handle._task
        parent = -1 if running is None else running._corolab_tid
        line = 0
        # The nearest caller in the program's module: asked of each frame by depth, which
        # sys does in C, instead of walking f_back and f_code (a call out of the interpreter each).
        for depth in _CREATOR_DEPTHS:
            try:
                module = _frame_module(depth)
            except ValueError:  # the stack ended
                break
            if module == "__main__":
                # Its line, found from where it stands in its code: the frame's f_lineno would
                # read the code's line table from the start every time (several times the rest
                # of this function), and most tasks are made at a few places.
                frame = sys._getframe(depth)
                code = frame.f_code
                offset = frame.f_lasti
                lines = self._creation_lines
                key = id(code)
                if key in lines:
                    at = lines[key][1]
                else:
                    at = {}
                    lines[key] = (code, at)
                if offset in at:
                    line = at[offset]
                else:
                    line = at[offset] = _line_at(code, offset)
                break
        rows += (sid, parent, coro_sid, line)
        ev = _events
        ev += (K_TASK_CREATED, NOW, tid, parent, -1)
        return True

    def waiting_on(self, fut):
        """The wait code of something a task awaits or was woken by."""
        if fut is None:
            return YIELD
        wait = getattr(fut, "_corolab_wait", None)
        if wait is not None:
            return wait
        if isinstance(fut, _Task):
            return wait_code(W_TASK, -1)  # not one of the program's tasks
        return wait_code(W_FUTURE, self.future_id(fut))

    def checkpoint(self, between_steps=True):
        """Every few thousand steps and lines: the step budget, a pending Stop,
        and what the host is sent while a run goes on (on_checkpoint)."""
        self.steps += len(_lines)
        _lines.clear()
        _SCRATCH.clear()
        if between_steps:
            # Not from a line: the loop's own count would then never reach its mark in a
            # run whose lines come faster than its steps, and no chunk would be cut.
            self.next_checkpoint = self.steps + CHECKPOINT_STEPS
        self.pack()
        if self.steps > self.max_steps:
            self.limit_reached()
        poll_interrupt()
        self.on_checkpoint(between_steps)

    def limit_reached(self):
        self.on_limit()
        raise LimitExceeded(f"the program ran more than {self.max_steps:,} steps and lines")

    def renamed(self, tid, name):
        self.emit(K_TASK_RENAMED, tid, self.string(name), -1)

    def step_cut(self, tid, wake):
        """The run was halted inside a step (a budget, Stop): the step is recorded
        even if recording has stopped, as the events inside it were."""
        self.events.extend((K_STEP_CUT, wake, tid, -1, 0))

    def output(self, text, stream):
        _events.extend((K_PRINT, self.clock.now, RUNNING_TASK, self.string(text), stream))

    def pack(self):
        if self.events:
            data = _as_bytes(self.events)
            self._packed.append(data)
            self.unsent_bytes += len(data)
            self.events.clear()  # the same list, which _events may be

    def unsent_events(self):
        """The events recorded since the last chunk, as float64 bytes (see "On the
        wire"). What went out in chunks is the host's: the run's result has the rest."""
        self.pack()
        data = b"".join(self._packed)
        self._packed.clear()
        self.unsent_bytes = 0
        return data

    def take_chunk(self):
        """The events and table rows recorded since the last chunk, so that a long
        run can be shown while it goes on: (float64 bytes, Tracer.tables_bytes)."""
        return self.unsent_events(), self.unsent_tables()

    def unsent_tables(self):
        """The table rows made since the last chunk (the host has the rest), as bytes;
        they leave the tables."""
        rows = self.tables_bytes()
        self.string_base += len(self.strings)
        self.task_base += len(self.task_rows) >> 2
        self.timer_base += len(self.timer_when)
        self.future_base += len(self.future_label)
        for table in (self.strings, self.task_rows, self.timer_when, self.timer_label, self.future_label):
            table.clear()
        return rows

    def tables_bytes(self):
        """The tables' rows, as trace-assembler.ts readTables reads them:
        six float64 numbers (how many strings, tasks, timers and futures; whether the strings
        are JSON; their length in bytes), the timers' times (float64), then as int32 the
        task rows (four numbers each), the timers' labels and the futures' labels, then the
        strings in UTF-8, joined by NUL, or a JSON list when one of them cannot be sent so
        (it has a NUL, or a lone surrogate). The JSON of all of it cost a 10k-task run
        several times as much on each side."""
        strings = self.strings
        text = "\0".join(strings)
        data = None
        if text.count("\0") == max(len(strings) - 1, 0):
            try:
                data = text.encode()
            except UnicodeEncodeError:
                pass
        as_json = data is None
        if as_json:
            data = json.dumps(strings).encode()
        when = self.timer_when
        futures = self.future_label
        ints = self.task_rows + self.timer_label + futures
        head = (len(strings), len(self.task_rows) >> 2, len(when), len(futures), as_json, len(data))
        return b"".join((_as_bytes(head), _as_bytes(when), _as_bytes(ints, "i"), data))

    def pause(self):
        _record_into(None)

    def resume(self):
        if self.enabled and _tracer is self:
            _record_into(self)

    def stop(self):
        """No more events from here on (the run ended, or was halted)."""
        self.enabled = False
        if _tracer is self:
            _record_into(None)


CHECKPOINT_STEPS = 4096


def poll_interrupt():
    """Lets a pending Stop through. Pyodide is meant to poll the host's
    interrupt buffer on its own, but in a browser worker it was seen not to;
    re-installing the SIGINT handler makes Python check it."""
    signal.signal(signal.SIGINT, signal.getsignal(signal.SIGINT))


def _record_into(tracer):
    """Points the module-level recorders at a tracer's list, or at none."""
    global _events
    _events = tracer.events if tracer is not None else _SCRATCH


def _on_line(code, line):
    """The sys.monitoring LINE callback: called for every line the program runs, so as
    little as can be (see _events)."""
    try:
        _events.append(_line_records[line])
    except IndexError:  # a line past the program's last (none is known to come): never an error in its code
        _events.append(line + LINE_BASE)
    _lines.append(None)
    if len(_lines) >= CHECKPOINT_STEPS:
        _tracer.checkpoint(between_steps=False)


def _report_callback_error(handle, exc):
    # As events.Handle._run reports a failed callback.
    cb = format_helpers._format_callback_source(handle._callback, handle._args, debug=handle._loop.get_debug())
    context = {"message": f"Exception in callback {cb}", "exception": exc, "handle": handle}
    if handle._source_traceback:
        context["source_traceback"] = handle._source_traceback
    handle._loop.call_exception_handler(context)


class TracedHandle(VirtualHandle):
    """Every callback the traced loop runs. Task steps are the hot path: one
    call each, so it is written out here, with no helper calls, and a step
    goes out as one record when it ends (five numbers; one for a bare yield)."""

    __slots__ = ()

    def _run(self, timer=-1):
        callback = self._callback
        if type(callback) in _PYTHON_CALLABLES:  # never a step (C tasks' are C wrappers): spares the except below
            _run_other(self, timer, True)
            return
        try:
            task = callback.__self__
            tid = task._corolab_tid
        except AttributeError:  # a plain callback, or a task that is not the program's
            _run_other(self, timer)
            return
        args = self._args
        if args:  # a wake-up: the argument is the future that completed
            try:
                wake = args[0]._corolab_wait
            except AttributeError:
                wake = _tracer.waiting_on(args[0])
        else:
            wake = NO_WAKE
        step = _step
        step.task = task
        step.context = context = self._context
        step.end = None
        try:
            context.run(callback, *args)
        except (SystemExit, KeyboardInterrupt):
            _tracer.step_cut(tid, wake)
            raise
        except BaseException as exc:
            _report_callback_error(self, exc)
        end = step.end
        step.task = step.context = None  # kept, they would keep the task and its context's values alive
        if end is None:
            end = _asked_end(task, tid, wake)
            if end is None:
                # The task is done. A frame of its coroutine that outlives it (its exception's
                # traceback keeps one) links back to this frame, so, as Handle._run does natively,
                # this frame lets go of the task: or a failed task would outlive the program's last
                # reference to it, and say "exception was never retrieved" only when collected.
                self = callback = task = args = context = None
                return
        if end == YIELD and wake == NO_WAKE:
            _events.append(task._corolab_yield)  # a bare yield's step: one number (see "On the wire")
        else:
            ev = _events
            ev += (K_STEP, wake, tid, end, 0)


class NextStepHandle(TracedHandle):
    """A step whose task is known without asking the C task (TracedEventLoop.call_soon):
    the one a task scheduled for itself as its last step ended in a bare yield, or a
    new task's first (its task is set once the task factory has it; None if the tracer
    does not follow that task). While its task's steps end in bare yields, the same
    handle runs each next one."""

    __slots__ = ("_task",)

    def _run(self):
        task = self._task
        if task is None:  # a first step whose task the tracer does not follow
            TracedHandle._run(self)
            return
        step = _step
        step.handle = self
        step.context = context = self._context
        step.end = None
        try:
            context.run(self._callback)
        except (SystemExit, KeyboardInterrupt):
            step.handle = step.context = None
            _tracer.step_cut(task._corolab_tid, NO_WAKE)
            raise
        except BaseException as exc:
            _report_callback_error(self, exc)
        end = step.end
        step.handle = step.context = None
        if end is None:
            end = _asked_end(task, task._corolab_tid, NO_WAKE)
            if end is None:
                self = task = context = None  # the task is done: see TracedHandle._run
                return
        if end == YIELD:
            _events.append(task._corolab_yield)
        else:
            ev = _events
            ev += (K_STEP, NO_WAKE, task._corolab_tid, end, 0)


def _asked_end(task, tid, wake):
    """How a step that did not say so ended, as the C task tells it: a wait code, or
    None when the task is done, whose end is then recorded."""
    # What a step that says nothing most often did is finish its task, and a task that
    # returned something has a result, which a pending task has not: one question then.
    result = task._result
    if result is not None or task.done():
        ev = _events
        ev += (K_STEP, wake, tid, FINISHED, 0)
        # Each question asks the C task (see _Step): a result that is not None
        # needs no other, as a failed or cancelled task has none.
        if result is None:
            exc = task._exception
            if exc is not None:
                ev += (K_TASK_FAILED, NOW, tid, _tracer.string(f"{type(exc).__name__}: {exc}"), -1)
                return None
            if task.cancelled():
                ev += (K_TASK_CANCELLED, NOW, tid, -1, -1)
                return None
        ev += (K_TASK_DONE, NOW, tid, _tracer.string(_safe_repr(result)), -1)
        return None
    waiter = task._fut_waiter
    if waiter is None:
        return YIELD
    try:
        return waiter._corolab_wait
    except AttributeError:
        return _tracer.waiting_on(waiter)


def _run_other(handle, timer, python_callable=False):
    """A callback that is not a step of the program's tasks: recorded with its name,
    unless it is a step of a task that is not the program's (the gather() of many
    tasks runs one callback per task, so the record is written out here)."""
    _step.context = None  # no task's step runs
    callback = handle._callback
    if python_callable or not isinstance(getattr(callback, "__self__", None), _Task):
        name = getattr(callback, "__qualname__", None) or type(callback).__name__
        ids = _tracer._string_ids
        sid = ids[name] if name in ids else _tracer.string(name)
        ev = _events
        ev += (K_CALLBACK, NOW, -1, sid, timer)
    events.Handle._run(handle)  # where a failing callback's traceback starts, as natively
    _events.append(BOUNDARY)


class TracedTimerHandle(VirtualTimerHandle):
    __slots__ = ("_timer_id",)

    def _run(self):
        _tracer.steps += 1  # not in the ready queue when _run_once counted it
        ev = _events
        ev += (K_TIMER_FIRED, NOW, -1, self._timer_id, -1)
        if self._callback is futures._set_result_unless_cancelled:
            events.Handle._run(self)  # asyncio.sleep's own timer: the wake-up that follows says it all
            _events.append(BOUNDARY)
        else:
            TracedHandle._run(self, self._timer_id)


def _add_done_callback(self, fn, *, context=None):
    """add_done_callback of our futures and tasks: a C task awaiting one adds its wake-up
    here, with its own context, as its step's last act; that says how the step ends."""
    _future_add_done_callback(self, fn, context=context)
    if context is _step.context and type(fn) is _BUILTIN_FUNCTION:
        try:
            _step.end = self._corolab_wait
        except AttributeError:  # a task of the program's that the tracer never saw made
            pass


class TracedFuture(asyncio.Future):
    """A future from loop.create_future() that reports being resolved."""

    # Slots, not a __dict__ per future: fewer objects for the cyclic GC to walk.
    __slots__ = ("_corolab_id", "_corolab_wait", "_corolab_label")

    # It has its id from the start (create_future), so that resolving one, which every
    # asyncio.sleep() does, records it without a lookup.

    def set_result(self, result):
        _future_set_result(self, result)
        ev = _events
        ev += (K_FUTURE_RESOLVED, NOW, RUNNING_TASK, self._corolab_id, OUTCOME_RESULT)

    def set_exception(self, exception):
        _future_set_exception(self, exception)
        ev = _events
        ev += (K_FUTURE_RESOLVED, NOW, RUNNING_TASK, self._corolab_id, OUTCOME_EXCEPTION)

    def cancel(self, msg=None):
        cancelled = _future_cancel(self, msg)
        if cancelled:
            ev = _events
            ev += (K_FUTURE_RESOLVED, NOW, RUNNING_TASK, self._corolab_id, OUTCOME_CANCELLED)
        return cancelled

    add_done_callback = _add_done_callback


class TracedTask(_Task):
    """The program's tasks, so that a rename is seen when it happens."""

    __slots__ = ("_corolab_tid", "_corolab_wait", "_corolab_yield")  # as TracedFuture's

    add_done_callback = _add_done_callback

    def set_name(self, value):
        super().set_name(value)
        tid = getattr(self, "_corolab_tid", None)
        if tid is not None and _tracer is not None:
            _tracer.renamed(tid, self.get_name())


class TracedEventLoop(VirtualEventLoop):
    _task_class = TracedTask
    _handle_class = TracedHandle
    _timer_class = TracedTimerHandle

    def call_soon(self, callback, *args, context=None):
        # VirtualEventLoop.call_soon, and: a task's step scheduled with the running step's own
        # context is that task's next step, and the last act of a step that ends in a bare yield.
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            return super().call_soon(callback, *args, context=context)
        step = _step
        if type(callback) is not _STEP_CALLBACK:  # a plain callback, a wake-up
            handle = TracedHandle(callback, args, self, context)
        elif context is step.context:
            handle = step.handle
            if handle is None:  # a step a TracedHandle runs (a wake-up, a first step not marked)
                handle = NextStepHandle(callback, args, self, context)
                handle._task = step.task
            else:
                # The running step's own handle runs the next step too: no handle made per
                # step. It is out of the ready queue, and the C task that scheduled the step
                # keeps no reference to it (its callback carries the step's argument, if any).
                handle._callback = callback
            step.end = YIELD
        elif step.context is _CREATING:
            handle = step.first = NextStepHandle(callback, args, self, context)
            handle._task = None
        else:
            handle = TracedHandle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _run_once(self):
        tr = _tracer
        ready = self._ready
        # The step budget, Stop and trace streaming are looked at between iterations,
        # not in every step: counted as the handles ready now, and each timer as it fires.
        tr.steps += len(ready)
        if tr.steps >= tr.next_checkpoint:
            tr.checkpoint()
        scheduled = self._scheduled
        tr.emit(K_LOOP, -1, len(ready), scheduled[0]._timer_id if scheduled else -1)
        base_events.BaseEventLoop._run_once(self)  # not VirtualEventLoop's: the tracer counts the steps

    def _new_timer(self, when, callback, args, context):
        timer = super()._new_timer(when, callback, args, context)
        tr = _tracer
        timer._timer_id = tid = tr.timer_base + len(tr.timer_when)
        when = float(when)
        tr.timer_when.append(when if -FOREVER <= when <= FOREVER else math.copysign(FOREVER, when))
        if callback is futures._set_result_unless_cancelled:
            label = "sleep"
            fut = args[0]
            tr.future_id(fut, "sleep")  # it has its id already when it comes from create_future()
            fut._corolab_wait = (tid + 1) * 4 + W_SLEEP  # wait_code(W_SLEEP, tid): it wakes its task as the sleep's timer
        else:
            label = getattr(callback, "__qualname__", None) or type(callback).__name__
        tr.timer_label.append(tr.string(label))
        ev = _events
        ev += (K_TIMER_SCHEDULED, NOW, RUNNING_TASK, tid, -1)
        return timer

    def _timer_handle_cancelled(self, handle):
        super()._timer_handle_cancelled(handle)
        if handle._scheduled:  # not when asyncio.sleep tidies up a timer that already fired
            _tracer.emit(K_TIMER_CANCELLED, RUNNING_TASK, handle._timer_id, -1)

    def create_future(self):
        # Every asyncio.sleep() makes one: a new future's id is given here, written out
        # (Tracer.future_id looks a future up first, weakly, which costs several times this).
        fut = TracedFuture(loop=self)
        label = sys._getframe(1).f_code.co_qualname
        tr = _tracer
        fid = tr.future_base + len(tr.future_label)
        fut._corolab_id = fid
        fut._corolab_wait = (fid + 1) * 4 + W_FUTURE  # wait_code(W_FUTURE, fid)
        fut._corolab_label = label
        tr.future_label.append(tr.string(label))
        ev = _events
        ev += (K_FUTURE_CREATED, NOW, RUNNING_TASK, fid, -1)
        return fut

    def _new_task(self, loop, coro, *, name=None, **kwargs):
        # VirtualEventLoop._new_task's work, in the same frame: one Python call less per task.
        name = self._task_name(name)
        step = _step
        running = step.context
        # The new task's first step is not the running task's next one, even when given its context.
        step.context = _CREATING
        step.first = None
        try:
            task = self._task_class(coro, loop=loop, name=name, **kwargs)
        finally:
            step.context = running
        first = step.first
        step.first = None
        if self._debug:
            forget_factory_frames(task)
        if _tracer.task_created(task, coro, loop, name) and first is not None:
            first._task = task
        return task


# A traced run prints as an untraced one: print(fut) shows <Future pending>, as natively.
for _cls, _native in ((TracedEventLoop, unix_events._UnixSelectorEventLoop), (TracedHandle, events.Handle), (NextStepHandle, events.Handle),
                      (TracedTimerHandle, events.TimerHandle), (TracedTask, _Task), (TracedFuture, asyncio.Future)):
    looks_native(_cls, _native)


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
        global _line_records
        codes = list(_code_objects(code))
        last = max((line for c in codes for _, _, line in c.co_lines() if line is not None), default=0)
        _line_records = list(range(LINE_BASE, LINE_BASE + last + 1))
        mon.register_callback(self.tool, mon.events.LINE, _on_line)
        for c in codes:
            mon.set_local_events(self.tool, c, mon.events.LINE)

    def stop(self):
        if self.tool is not None:
            mon = sys.monitoring
            mon.register_callback(self.tool, mon.events.LINE, None)
            mon.free_tool_id(self.tool)
            self.tool = None


def _clock_moved(now):
    _events.extend((K_CLOCK, now, -1, -1, -1))


def activate(tracer):
    global _tracer
    _tracer = tracer
    _step.__init__()  # a run halted inside a step (SystemExit, Stop) left it there
    _lines.clear()
    _SCRATCH.clear()
    _record_into(tracer)
    tracer.clock.on_move = _clock_moved
    _clock_moved(tracer.clock.now)


def deactivate():
    global _tracer
    if _tracer is not None:
        _tracer.stop()
        _tracer.clock.on_move = lambda now: None
    _tracer = None
    _record_into(None)
