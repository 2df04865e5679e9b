"""An asyncio event loop on the virtual clock.

All scheduling is CPython's own BaseEventLoop; only the two places where a real
loop touches the outside world change: `time()` reads the virtual clock, and
the selector, instead of waiting `timeout` seconds for I/O, moves the clock on
by `timeout`. A wait with no timeout and nothing ready can never end: that is a
deadlock, reported instead of hanging.
"""
import asyncio
import contextvars
import heapq
import itertools
import re
import signal
import sys
import threading
from asyncio import base_events, coroutines, events, unix_events
from asyncio.log import logger

from . import executors, network, py311, sandbox, threads, vclock


class Deadlock(KeyboardInterrupt):
    """Nothing is ready, no timer is pending, and the program is not finished.

    Natively the program would hang here forever; a KeyboardInterrupt (like the
    Ctrl-C a user would press) ends it without `except Exception` catching it."""


class _VirtualSelector:
    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        session = self._loop._session
        clock = self._loop._clock
        # A loop an emulated thread runs sees what other threads do, not the program's printed lines (executors._wait).
        in_thread = threads.emulating()
        # Emulated threads' results come at their times too (executors.py), like I/O would.
        due = session.next_due(effects_only=in_thread)
        if due is not None and (timeout is None or due - clock.now < timeout):
            timeout = max(due - clock.now, 0)
        if timeout is None:
            if in_thread:
                raise executors.ThreadWaitsForLater(
                    "the event loop of this thread waits for something the rest of the program does later; here "
                    "threads run one after another, each to its end when it starts, so it cannot be shown"
                )
            message = describe_waiting(self._loop)
            session.halt()
            raise Deadlock(message)
        clock.advance(timeout)
        if due is not None:
            session.run_due(clock.now, effects_only=in_thread)
        return []

    def get_map(self):
        return {}

    def close(self):
        pass


_ASYNCIO_TASK_NAME = re.compile(r"Task-\d+")
_NAMING_AFTER_CREATION = {asyncio.tasks.create_task.__code__, asyncio.taskgroups.TaskGroup.create_task.__code__}


def _called_from(codes, depth=6):
    frame = sys._getframe(3)  # the caller of the task factory (_called_from, _task_name and the factory come first)
    for _ in range(depth):
        if frame is None:
            return False
        if frame.f_code in codes:
            return True
        frame = frame.f_back
    return False


class VirtualHandle(events.Handle):
    """asyncio's Handle, made without calling loop.get_debug(): every step of every
    task makes one, and in Pyodide a Python call costs about as much as the rest."""

    __slots__ = ()

    def __init__(self, callback, args, loop, context=None):
        if loop._debug:
            super().__init__(callback, args, loop, context)
            return
        self._context = contextvars.copy_context() if context is None else context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None


class VirtualTimerHandle(events.TimerHandle):
    """A timer that, due at the same time as another, runs after the ones scheduled
    before it. Natively two timers are never due at quite the same time: the one
    scheduled later reads a later clock, microseconds on at least. On the virtual
    clock they tie, and the heap alone would run them in an order of its own.
    "The same time" is to the microsecond (`_key`): natively the microseconds that
    pass between two schedulings outweigh the rounding of the delays' sums, so
    `sleep(0.1)` three times is due after a `sleep(0.3)` begun with the first, not
    before or after as 0.1 + 0.1 + 0.1 happens to round."""

    __slots__ = ("_seq", "_key")

    def __init__(self, when, callback, args, loop, context=None):
        if loop._debug:
            super().__init__(when, callback, args, loop, context)
        else:
            VirtualHandle.__init__(self, callback, args, loop, context)
            self._when = when
            self._scheduled = False

    def __lt__(self, other):
        return self._key < other._key or (self._key == other._key and self._seq < other._seq)

    def __le__(self, other):
        return not other < self

    def __gt__(self, other):
        return other < self

    def __ge__(self, other):
        return not self < other


class VirtualEventLoop(base_events.BaseEventLoop):
    _task_class = asyncio.Task
    _handle_class = VirtualHandle
    _timer_class = VirtualTimerHandle

    def __init__(self, session):
        super().__init__()
        self._session = session
        self._clock = session.clock
        self._selector = _VirtualSelector(self)
        # What a Linux selector loop logs as it is made, seen by a program that logs at DEBUG level.
        logger.debug("Using selector: %s", "EpollSelector")
        self._clock_resolution = 1e-9
        self._timer_seq = itertools.count()
        self._signal_handlers = {}
        self._program_task_factory = None
        self._task_factory = self._new_task

    def time(self):
        return self._clock.now

    def _run_once(self):
        # An untraced run's step budget (a traced run's is the tracer's, which counts lines
        # too): the handles ready now, or one for what a timer brings when none are.
        session = self._session
        session.steps += len(self._ready) or 1
        if session.steps > session.max_steps:
            session.step_limit()
        super()._run_once()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def call_soon(self, callback, *args, context=None):
        # As BaseEventLoop.call_soon, written out: it schedules every step of every
        # task, and the Python calls it makes (_check_closed, _call_soon) cost more than the rest in Pyodide.
        if self._closed:
            raise RuntimeError("Event loop is closed")
        if self._debug:
            return super().call_soon(callback, *args, context=context)
        handle = self._handle_class(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _call_soon(self, callback, args, context):
        handle = self._handle_class(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError("delay must not be None")
        if 0 < delay < vclock.MIN_WAIT:
            delay = vclock.MIN_WAIT  # see there: a timer of 1e-17 s left a rate limiter waiting for good
        timer = self.call_at(self._clock.now + delay, callback, *args, context=context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer

    def call_at(self, when, callback, *args, context=None):
        # As BaseEventLoop.call_at, with timers that keep the order they were scheduled in.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = self._new_timer(when, callback, args, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _new_timer(self, when, callback, args, context):
        timer = self._timer_class(when, callback, args, self, context)
        timer._seq = next(self._timer_seq)
        timer._key = round(when, 6)
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        if threads.emulating():
            # From a thread that is run ahead of the loop: the call reaches the loop when the thread makes it.
            return self.call_at(self._clock.now, callback, *args, context=context)
        return super().call_soon_threadsafe(callback, *args, context=context)

    async def shutdown_default_executor(self, timeout=None):
        # asyncio.run() ends by waiting for the default executor's threads: here, for the
        # virtual time its emulated calls still run (lines they print come out meanwhile).
        self._executor_shutdown_called = True
        end = executors.default_pool_end(self)
        if end > self.time():
            wait = end - self.time() if timeout is None else min(end - self.time(), timeout)
            await asyncio.sleep(wait)
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=False)

    def run_in_executor(self, executor, func, *args):
        if executors.runs_as_thread(executor):
            self._check_closed()
            return executors.run_in_executor(self, executor, func, args)
        return super().run_in_executor(executor, func, *args)

    async def create_server(self, protocol_factory, host=None, port=None, **options):
        return await network.create_server(self, self._session.network, protocol_factory, host, port, **options)

    async def create_connection(self, protocol_factory, host=None, port=None, **options):
        return await network.create_connection(self, self._session.network, protocol_factory, host, port, **options)

    async def create_datagram_endpoint(self, *args, **kwargs):
        raise network.unavailable("UDP")

    create_unix_server = create_unix_connection = network.no_unix_sockets

    async def subprocess_shell(self, *args, **kwargs):
        raise sandbox.no_processes("asyncio.create_subprocess_shell()")

    async def subprocess_exec(self, *args, **kwargs):
        raise sandbox.no_processes("asyncio.create_subprocess_exec()")

    def add_signal_handler(self, sig, callback, *args):
        # No signal reaches a run (the host stops one its own way): the handler is
        # checked and kept as natively, and never called.
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError("coroutines cannot be used with add_signal_handler()")
        self._check_signal(sig)
        self._check_closed()
        if sig in (signal.SIGKILL, signal.SIGSTOP):
            raise RuntimeError(f"sig {sig:d} cannot be caught")
        self._signal_handlers[sig] = events.Handle(callback, args, self, None)

    def remove_signal_handler(self, sig):
        self._check_signal(sig)
        return self._signal_handlers.pop(sig, None) is not None

    _check_signal = unix_events._UnixSelectorEventLoop._check_signal

    def set_task_factory(self, factory):
        # A program's own factory is called as Python 3.11 calls one, factory(loop, coro), and
        # get_task_factory() gives it back; without one the runtime's makes the tasks.
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._program_task_factory = factory
        self._task_factory = self._new_task if factory is None else self._new_program_task

    def get_task_factory(self):
        return self._program_task_factory

    def _new_program_task(self, loop, coro, *, name=None, context=None):
        # The tracer does not follow these tasks: it knows the tasks its own factory made.
        factory = self._program_task_factory
        task = factory(self, coro) if context is None else factory(self, coro, context=context)
        if _ASYNCIO_TASK_NAME.fullmatch(task.get_name()):
            # Named from asyncio's counter, which every run shares: the run's own takes its place.
            task.set_name(self._session.next_task_name())
        if name is not None:
            task.set_name(name)
        return task

    def _new_task(self, loop, coro, *, name=None, **kwargs):
        task = self._task_class(coro, loop=loop, name=self._task_name(name), **kwargs)
        if self._debug:
            forget_factory_frames(task)
        return task

    def _task_name(self, name):
        # Names come from a counter of this run, so they start at Task-1 like in a fresh python3.
        # Python 3.11 (the version the lessons target) names a task after creating it in
        # asyncio.create_task() and TaskGroup.create_task(), so those use up a number even
        # when given a name; 3.14 does not. Count like 3.11 so later default names match.
        if name is None:
            return self._session.next_task_name()
        if _called_from(_NAMING_AFTER_CREATION):
            self._session.next_task_name()
        return name


def forget_factory_frames(task):
    """In debug mode a task keeps where it was created ("created at ..." in asyncio's
    warnings): there, as natively, the caller of loop.create_task(), not the task factory."""
    if task._source_traceback:
        del task._source_traceback[-2:]  # the factory, and loop.create_task() calling it


def looks_native(cls, native):
    """Names one of the runtime's classes as the asyncio class it stands for on python3 on
    Linux: that is what a program sees when it prints a loop, a handle, a task or their types."""
    cls.__name__, cls.__qualname__, cls.__module__ = native.__name__, native.__qualname__, native.__module__


looks_native(VirtualEventLoop, unix_events._UnixSelectorEventLoop)
looks_native(VirtualHandle, events.Handle)
looks_native(VirtualTimerHandle, events.TimerHandle)


def describe_waiting(loop):
    waiting = []
    for task in asyncio.all_tasks(loop):
        waiter = getattr(task, "_fut_waiter", None)
        coro = task.get_coro()
        where = ""
        frame = getattr(coro, "cr_frame", None)
        if frame is not None:
            where = f" (line {frame.f_lineno})"
        if isinstance(waiter, asyncio.Task):
            what = f"task {waiter.get_name()!r}"
        elif waiter is not None:
            what = describe_future(waiter)
        else:
            what = "nothing"
        waiting.append(f"task {task.get_name()!r}{where} awaits {what}")
    waiting.sort()
    listed = "; ".join(waiting) if waiting else "no tasks"
    return f"deadlock: nothing is ready and no timer is pending, so no task can ever wake up. Waiting: {listed}"


def describe_future(fut):
    label = getattr(fut, "_corolab_label", None)
    if label:
        return f"a future from {label}()"
    return "a future" if isinstance(fut, asyncio.Future) and type(fut).__name__ == "Future" else f"a {type(fut).__name__}"


_loop_factory = None  # the run's (install_policy); asyncio's globals keep no reference to a run after it


def _new_virtual_loop():
    if _loop_factory is None:
        raise RuntimeError("no program is running")
    return _loop_factory()


class VirtualPolicy(unix_events._UnixDefaultEventLoopPolicy):
    """Makes asyncio.run(), new_event_loop() and get_event_loop() use virtual loops.
    It is asyncio.DefaultEventLoopPolicy too, so that a program that sets that policy
    (or one of its own, made from it) still runs on the virtual clock."""

    def new_event_loop(self):
        return _new_virtual_loop()

    def get_event_loop(self):
        # As Python 3.11 (what the lessons are written for) has it: in the main thread a loop
        # is made here, so the low-level examples run as they do there, unless a loop was set
        # before (asyncio.run() sets none as it ends); elsewhere there is none.
        local = self._local
        if local._loop is None and not getattr(local, "_set_called", False) and threading.current_thread() is threading.main_thread():
            self.set_event_loop(self.new_event_loop())
        if local._loop is None:
            raise RuntimeError("There is no current event loop in thread %r." % threading.current_thread().name)
        return local._loop

    def set_event_loop(self, loop):
        super().set_event_loop(loop)
        self._local._set_called = True


looks_native(VirtualPolicy, unix_events._UnixDefaultEventLoopPolicy)


class _VirtualLoopClass(type):
    """A stand-in loop class that the run's loops are instances of, as natively
    asyncio.get_running_loop() is an asyncio.SelectorEventLoop."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, VirtualEventLoop) or type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, VirtualEventLoop) or type.__subclasscheck__(cls, sub)


def _constructs_virtual_loops(name):
    """Stands in for a concrete loop class such as asyncio.SelectorEventLoop: here a
    real selector cannot wait (constructing one fails with EINVAL), so `SelectorEventLoop()`
    gives a virtual loop, as new_event_loop() does."""

    def __new__(cls, *args, **kwargs):
        return _new_virtual_loop()

    return _VirtualLoopClass(name, (base_events.BaseEventLoop,), {"__new__": __new__, "__module__": "asyncio"})


def install_policy(loop_factory):
    global _loop_factory
    _loop_factory = loop_factory
    # Pyodide swaps asyncio.run for its browser-loop version; the lessons need CPython's own.
    asyncio.run = asyncio.runners.run
    for module in (asyncio, unix_events):
        for name in ("SelectorEventLoop", "EventLoop"):
            if hasattr(module, name):
                setattr(module, name, _constructs_virtual_loops(name))
    unix_events._DefaultEventLoopPolicy = VirtualPolicy
    network.install()
    py311.install()
    events._set_event_loop_policy(VirtualPolicy())
    events._set_running_loop(None)


def uninstall_policy():
    """The run is over: the policy forgets its loop (a program's get_event_loop() set one)."""
    global _loop_factory
    _loop_factory = None
    events._set_event_loop_policy(VirtualPolicy())
