"""Thread pools without threads: loop.run_in_executor(), asyncio.to_thread() and
concurrent.futures.ThreadPoolExecutor, on the virtual clock (see threads.py);
ProcessPoolExecutor stands for a pool of the same kind.

A pool is modelled as ThreadPoolExecutor runs one: a call goes to the thread
idle longest, else to a new thread while there are fewer than max_workers,
else it waits for the first thread to be free. The call runs at once, as if
on that thread from the time it would start; its future is resolved when the
program's clock reaches the time the call would end. A wait on a condition
(Future.result(), wait(), as_completed(), Event.wait()) moves the program's
clock on to those times, as the real wait would have lasted until then.
"""
import concurrent.futures
import functools
import os
import pickle
import queue
import re
import sys
import threading
from concurrent.futures import _base

from . import threads

_executor_class = concurrent.futures.ThreadPoolExecutor
_originals = {"submit": _executor_class.submit, "shutdown": _executor_class.shutdown}
_condition_wait = threading.Condition.wait
_condition_notify = threading.Condition.notify
_queue_put = queue.Queue.put
_event_set = threading.Event.set
_session = None


class _Pool:
    def __init__(self, prefix, max_workers, processes=False):
        self.prefix = prefix
        self.max_workers = max_workers
        self.processes = processes  # a ProcessPoolExecutor's: calls must be picklable
        self.threads = []  # [free at (virtual time), Thread standing for it]

    def take(self, now):
        """The thread a call submitted at `now` runs on, and when it starts."""
        idle = [w for w in self.threads if w[0] <= now]
        if idle:
            worker = min(idle, key=lambda w: w[0])
        elif len(self.threads) < self.max_workers:
            worker = [now, threading.Thread(name=f"{self.prefix}_{len(self.threads)}", daemon=True)]
            self.threads.append(worker)
        else:
            worker = min(self.threads, key=lambda w: w[0])
        return worker, max(now, worker[0])

    def last_end(self):
        return max((w[0] for w in self.threads), default=0.0)


def _pool(executor):
    pool = getattr(executor, "_corolab_pool", None)
    if pool is None:
        processes = isinstance(executor, ProcessPoolExecutor)
        pool = executor._corolab_pool = _Pool(executor._thread_name_prefix, executor._max_workers, processes)
    return pool


def _default_pool(loop):
    # asyncio's default executor: ThreadPoolExecutor(thread_name_prefix='asyncio'), made on first use.
    pool = getattr(loop, "_corolab_pool", None)
    if pool is None:
        pool = loop._corolab_pool = _Pool("asyncio", min(32, (os.process_cpu_count() or 1) + 4))
    return pool


def _loop_pool(loop, executor):
    """The pool loop.run_in_executor(executor) uses: the executor's, else asyncio's default one."""
    if executor is None:
        executor = loop._default_executor
    return _default_pool(loop) if executor is None else _pool(executor)


def _run_on(session, pool, func, args):
    """Runs the call on the pool's thread; returns (result, error, end time)."""
    if pool.processes:
        error = _unpicklable(func, args)
        if error is not None:  # the call never reaches a process
            return None, error, session.clock.now
    worker, start = pool.take(session.clock.now)
    result, error, end, lines = threads.call_in_thread(session, worker[1], func, args, start)
    worker[0] = end
    threads.deliver(session, lines)
    # The interpreter waits for executor threads at exit, as for non-daemon threads.
    session.thread_ends.append(end)
    return result, error, end


def runs_as_thread(executor):
    return executor is None or isinstance(executor, _executor_class)


def run_in_executor(loop, executor, func, args):
    """loop.run_in_executor() on a pool thread: a future that resolves when the call would have ended."""
    future = loop.create_future()
    result, error, end = _run_on(loop._session, _loop_pool(loop, executor), func, args)
    loop.call_at(end, _settle, future, result, error)
    return future


def default_pool_end(loop):
    """When the default executor's threads would all be done (asyncio.run waits for that)."""
    return _loop_pool(loop, None).last_end()


def _submit(self, fn, /, *args, **kwargs):
    if self._shutdown:
        raise RuntimeError("cannot schedule new futures after shutdown")
    session = _session
    future = _base.Future()
    future.set_running_or_notify_cancel()
    result, error, end = _run_on(session, _pool(self), functools.partial(fn, *args, **kwargs), ())
    session.at(end, _settle, future, result, error)
    return future


def _settle(future, result, error):
    """Resolves an asyncio or concurrent.futures future with what the call gave (unless cancelled meanwhile)."""
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _shutdown(self, wait=True, *, cancel_futures=False):
    self._shutdown = True
    if wait:
        clock = _session.clock
        end = _pool(self).last_end()
        if end > clock.now:
            clock.advance(end - clock.now)


class ThreadWaitsForLater(RuntimeError):
    """An emulated thread waits for something the rest of the program does later."""


ThreadWaitsForLater.__module__ = "corolab"  # as its traceback names it


def _wait(self, timeout=None):
    """Condition.wait (under Future.result, wait, as_completed, Event.wait,
    queue.Queue.get): nothing else runs while the program waits but what the
    virtual clock brings (emulated calls ending, items threads put), so the clock
    moves on to each of those in turn until the condition is notified or the
    timeout passes. A wait nothing can end is a deadlock, as natively; in an
    emulated thread it may be waiting for what the program does later, which
    cannot be shown (ThreadWaitsForLater)."""
    session = _session
    if session is None:
        return _condition_wait(self, timeout)
    if not self._is_owned():
        raise RuntimeError("cannot wait on un-acquired lock")
    emulating = threads.emulating()
    clock = session.clock
    deadline = None if timeout is None else clock.now + max(timeout, 0)
    self._corolab_notified = False
    saved = self._release_save()  # as a real wait does, so that what ends can notify
    try:
        while not self._corolab_notified:
            # An emulated thread's own clock moves on to what other threads did before
            # then; their printed lines wait for the program's clock.
            due = session.next_due(effects_only=emulating)
            if due is None or (deadline is not None and due > deadline):
                break
            if due > clock.now:
                if emulating:
                    clock.move_to(due)
                else:
                    clock.advance(due - clock.now)
            session.run_due(clock.now, effects_only=emulating)
    finally:
        self._acquire_restore(saved)
    if self._corolab_notified:
        return True
    if deadline is not None:
        if deadline > clock.now:
            clock.advance(deadline - clock.now)
        return False
    if emulating:
        raise ThreadWaitsForLater(
            "this thread waits for something the rest of the program does later; here threads "
            "run one after another, each to its end when it starts, so it cannot be shown"
        )
    from .loop import Deadlock

    session.halt()
    raise Deadlock("deadlock: the program waits for a thread, a lock, a queue or a future that nothing left can release")


def _at_thread_time(fn, *args):
    """Does fn(*args) now, or, from an emulated thread ahead of the program's time,
    when the program's clock reaches the thread's: a queue item or an event a thread
    hands over arrives then."""
    if threads.ahead():
        _session.at(_session.clock.now, fn, *args)
    else:
        fn(*args)


def _put(self, item, block=True, timeout=None):
    _at_thread_time(_queue_put, self, item, block, timeout)


def _set(self):
    _at_thread_time(_event_set, self)


def _notify(self, n=1):
    self._corolab_notified = True
    return _condition_notify(self, n)


class ProcessPoolExecutor(_executor_class):
    """Stands in for concurrent.futures.ProcessPoolExecutor, which cannot start here
    (the browser's Python has no processes): a pool of max_workers (the CPU count by
    default) modelled as the thread pools are. What a call prints comes out as from a
    child process; unlike in one, what it changes in the program's globals is seen by
    the program. A call's function and arguments must be picklable, as they must be
    to reach another process."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.process_cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        super().__init__(max_workers, "ForkProcess", initializer, initargs)


ProcessPoolExecutor.__module__ = "concurrent.futures.process"
# concurrent.futures imports its real ProcessPoolExecutor on first use (a third of a
# second in Pyodide, for a class that cannot work here): where it has been, it is
# swapped too, and put back after the run.
_PROCESS_POOL_HOMES = ("concurrent.futures", "concurrent.futures.process")
_replaced = {}  # module name -> what ProcessPoolExecutor was there, or None


def _unpicklable(func, args):
    """What sending a call to another process would raise (a lambda, a local function), or None."""
    try:
        pickle.dumps((func, args))
    except pickle.PicklingError as exc:
        local = _LOCAL_OBJECT.match(str(exc))
        if local:  # as Python 3.11 (what the lessons target) says it
            return AttributeError(f"Can't pickle local object '{local[1]}'")
        return exc
    except Exception as exc:
        return exc
    return None


_LOCAL_OBJECT = re.compile(r"Can't pickle local object <\w+ ([\w.<>]+)")


def install(session):
    global _session
    _session = session
    _executor_class.submit, _executor_class.shutdown = _submit, _shutdown
    for name in _PROCESS_POOL_HOMES:
        module = sys.modules.get(name)
        if module is not None:
            _replaced[name] = module.__dict__.get("ProcessPoolExecutor")
            module.ProcessPoolExecutor = ProcessPoolExecutor
    threading.Condition.wait, threading.Condition.notify = _wait, _notify
    queue.Queue.put = _put
    threading.Event.set = _set


def uninstall():
    global _session
    _session = None
    _executor_class.submit, _executor_class.shutdown = _originals["submit"], _originals["shutdown"]
    for name, original in _replaced.items():
        module = sys.modules[name]
        if original is None:
            del module.ProcessPoolExecutor  # concurrent.futures' lazy import takes over again
        else:
            module.ProcessPoolExecutor = original
    _replaced.clear()
    threading.Condition.wait, threading.Condition.notify = _condition_wait, _condition_notify
    queue.Queue.put = _queue_put
    threading.Event.set = _event_set
