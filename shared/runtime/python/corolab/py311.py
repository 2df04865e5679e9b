"""asyncio as Python 3.11 has it, where the runtime's newer CPython differs visibly.

The lessons are written for Python 3.11, and their output is compared with what
python3.11 prints. Where a later asyncio changed what a program can see (which
tasks exist, what they are named, who runs a coroutine), the 3.11 code is put back.
"""
import collections.abc
import functools
import reprlib
import types
import warnings
from asyncio import coroutines, events, exceptions, format_helpers, futures, locks, runners, tasks

# What asyncio.iscoroutine() accepts. In 3.11 a generator is one too, so a generator-based
# coroutine (@types.coroutine) can be given to create_task() and asyncio.run(); 3.12 dropped it.
_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType, collections.abc.Coroutine)


async def wait_for(fut, timeout):
    """Python 3.11's asyncio.wait_for, as it is there (from 3.12 on a coroutine is
    awaited in the caller's own task, under asyncio.timeout()). In 3.11 it runs in
    a task of its own: a lesson sees that task (its name uses up a number, and
    current_task() inside it is not the caller), and so does the swimlane."""
    loop = events.get_running_loop()

    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = tasks.ensure_future(fut, loop=loop)

        if fut.done():
            return fut.result()

        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)

    fut = tasks.ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        # wait until the future completes or the timeout
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                # The task must not be running after wait_for() returns.
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            # A task that turned its cancellation into another exception raises that.
            try:
                return fut.result()
            except exceptions.CancelledError as exc:
                raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _cancel_and_wait(fut, loop):
    """Cancel the *fut* future or task and wait until it completes."""
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)

    try:
        fut.cancel()
        # Not awaiting *fut* itself, so that this wait can be cancelled on its own.
        await waiter
    finally:
        fut.remove_done_callback(cb)


def gather(*coros_or_futures, return_exceptions=False):
    """Python 3.11's asyncio.gather, as it is there. From 3.12 on, children that are done
    already count at once, so gather() of finished tasks or futures is done before the
    caller awaits it; in 3.11 each child tells it through a callback, in a later turn
    of the loop, which lets other tasks run first."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark exception retrieved.
                fut.exception()
            return

        if not return_exceptions:
            if fut.cancelled():
                # Check if 'fut' is cancelled first, as 'fut.exception()' will *raise* a
                # CancelledError instead of returning it.
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return

        if nfinished == nfuts:
            # All futures are done; create a list of results and set it to the 'outer' future.
            results = []

            for fut in children:
                if fut.cancelled():
                    res = exceptions.CancelledError(
                        '' if fut._cancel_message is None else
                        fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)

            if outer._cancel_requested:
                # If gather is being cancelled we must propagate the cancellation
                # regardless of *return_exceptions* argument. See issue 32684.
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None  # bpo-46672
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = tasks.ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                # 'arg' was not a Future, therefore, 'fut' is a new Future created
                # specifically for 'arg'. Since the caller can't control it, disable
                # the "destroy pending task" warning.
                fut._log_destroy_pending = False

            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)

        else:
            # There's a duplicate Future object in coros_or_futures.
            fut = arg_to_fut[arg]

        children.append(fut)

    outer = tasks._GatheringFuture(children, loop=loop)
    return outer


def as_completed(fs, *, timeout=None):
    """Python 3.11's asyncio.as_completed, as it is there: a generator, so nothing starts
    (no task for a coroutine given, no timeout) until the first coroutine is asked for.
    From 3.13 on it starts them all, and the timeout, when called."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from asyncio.queues import Queue  # Import here to avoid circular import problem.
    done = Queue()

    loop = events.get_event_loop()
    todo = {tasks.ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()  # Can't do todo.remove(f) in the loop.

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise exceptions.TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    """Python 3.11's asyncio.shield, as it is there. From 3.12 on, an inner task that fails
    after its shield was cancelled is reported at once ("... exception in shielded future");
    in 3.11 it is a task whose exception was never retrieved, reported when it goes."""
    inner = tasks.ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return

        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


async def _condition_wait(self):
    """Python 3.11's Condition.wait, as it is there. From 3.13 on, a waiter cancelled after
    it was notified passes the notification on to another waiter; in 3.11 it is lost."""
    if not self.locked():
        raise RuntimeError('cannot wait on un-acquired lock')

    self.release()
    try:
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)

    finally:
        # Must reacquire lock even if wait is cancelled
        cancelled = False
        while True:
            try:
                await self.acquire()
                break
            except exceptions.CancelledError:
                cancelled = True

        if cancelled:
            raise exceptions.CancelledError


def _format_args_and_kwargs(args, kwargs, *, debug=False):
    """As Python 3.11 formats a callback's arguments: always. From 3.13 on only in debug
    mode, so print(loop.call_soon(print, "hi")) showed <Handle print()>."""
    items = []
    if args:
        items.extend(reprlib.repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={reprlib.repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))


_release_waiter = tasks._release_waiter
_runner_run = runners.Runner.run


def _run_coroutine(self, coro, *, context=None):
    """Runner.run (and so asyncio.run) as 3.11 has it: a coroutine or nothing. From 3.12 on it
    takes any awaitable, and asyncio.run(main), the parentheses forgotten, says TypeError
    instead of 3.11's ValueError naming what it was given."""
    if not coroutines.iscoroutine(coro):
        raise ValueError("a coroutine was expected, got {!r}".format(coro))
    return _runner_run(self, coro, context=context)


def install():
    import asyncio

    asyncio.wait_for = tasks.wait_for = wait_for
    asyncio.gather = tasks.gather = gather
    asyncio.as_completed = tasks.as_completed = as_completed
    asyncio.shield = tasks.shield = shield
    locks.Condition.wait = _condition_wait
    format_helpers._format_args_and_kwargs = _format_args_and_kwargs
    runners.Runner.run = _run_coroutine
    coroutines._COROUTINE_TYPES = _COROUTINE_TYPES
    # The policy functions and asyncio.iscoroutinefunction() warn from 3.14 on; 3.11 says nothing.
    warnings.filterwarnings("ignore", r".* is deprecated and slated for removal in Python 3\.16", DeprecationWarning)
