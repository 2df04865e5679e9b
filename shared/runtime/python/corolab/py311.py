"""asyncio as Python 3.11 has it, where the runtime's newer CPython differs visibly.

The lessons are written for Python 3.11, and their output is compared with what
python3.11 prints. Where a later asyncio changed what a program can see (which
tasks exist, what they are named, who runs a coroutine), the 3.11 code is put back.
"""
import collections.abc
import functools
import types
import warnings
from asyncio import coroutines, events, exceptions, runners, tasks

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
    runners.Runner.run = _run_coroutine
    coroutines._COROUTINE_TYPES = _COROUTINE_TYPES
    # The policy functions and asyncio.iscoroutinefunction() warn from 3.14 on; 3.11 says nothing.
    warnings.filterwarnings("ignore", r".* is deprecated and slated for removal in Python 3\.16", DeprecationWarning)
