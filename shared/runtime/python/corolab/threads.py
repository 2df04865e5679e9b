"""run_in_executor() and asyncio.to_thread() without threads.

Pyodide has no threads, so the call runs at once — but as if on a thread of its
own: the virtual time it spends (time.sleep) does not hold up the event loop.
The clock is wound back to where the call started, the lines it printed are
written by timers at the virtual times they were printed, and its future
resolves when the call would have finished. So a blocking call in a thread
overlaps with the loop's own waiting, as it does in CPython.
"""
import concurrent.futures
import sys

from .output import StampedWriter


class _Capture:
    """Collects (stream, t, text) lines instead of writing them."""

    def __init__(self):
        self.lines = []
        self.halted = False

    def line(self, stream, t, text):
        self.lines.append((stream, t, text))


def _resolve(future, result, error):
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def runs_as_thread(executor):
    return executor is None or isinstance(executor, concurrent.futures.ThreadPoolExecutor)


def run_as_thread(loop, func, args):
    session = loop._session
    clock = session.clock
    future = loop.create_future()
    start = clock.now
    capture = _Capture()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = StampedWriter(capture, 1, clock), StampedWriter(capture, 2, clock)
    result = error = None
    tracer = session.tracer
    if tracer is not None:
        tracer.pause()  # the call's own steps are not the loop's
    try:
        result = func(*args)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        error = exc
    finally:
        sys.stdout.finish()
        sys.stderr.finish()
        sys.stdout, sys.stderr = saved
        if tracer is not None:
            tracer.resume()
        end = clock.now
        clock.move_to(start)
    for stream, t, text in capture.lines:
        loop.call_at(t, session.channel.line, stream, t, text)
    loop.call_at(end, _resolve, future, result, error)
    return future
