"""The program's stdout and stderr.

Each line is stamped with the virtual time of its first character (as the
ground-truth runner stamps native output), recorded in the trace, and sent to
the host in batches over the real stdout as one JSON record per batch.
"""
import codecs
import io
import json
import os
import sys

RECORD = "\x1e"  # starts a line of batched output records; anything else on fd 1 is raw text
CHUNK_FILE = "/tmp/corolab-trace-chunk.bin"  # a trace chunk's events, read by the host as soon as it is announced
STREAMS = {1: "stdout", 2: "stderr"}
_chunk_file = None  # CHUNK_FILE, open for writing (OutputChannel.trace_chunk)


class OutputChannel:
    def __init__(self, session, batch_lines=200, batch_seconds=0.05):
        self.session = session
        self._pending = []
        self._batch_lines = batch_lines
        self._batch_seconds = batch_seconds
        # A run's first line goes at once: it shows that the run has begun, and it is not lost
        # if what follows crashes the runtime (which loses what is still batched here).
        self._last_flush = float("-inf")
        self.halted = False

    def line(self, stream, t, text):
        # What emulated threads wrote at earlier times comes out first (threads.py).
        if self.session.has_due():
            self.session.run_due(t)
        self._write(stream, t, text)

    def write_at(self, stream, t, text):
        """A line written by an emulated thread, due now."""
        self._write(stream, t, text)

    def _write(self, stream, t, text):
        if self.halted:
            return
        task = -1
        tracer = self.session.tracer
        if tracer is not None:
            task = tracer.current_task_id()
            tracer.output(text.rstrip("\n"), stream)
        self._pending.append((STREAMS[stream], t, task, text))
        if len(self._pending) >= self._batch_lines or self.session.real_time() - self._last_flush > self._batch_seconds:
            self.flush()

    def trace_chunk(self, data, rows, t):
        """Hands the host a piece of the trace through a file: its events' bytes, then `rows`,
        its table rows' (Tracer.tables_bytes). The record on stdout says how long each is:
        the host reads a long line off stdout many times slower than a file. Chunks are
        written over one another into one file, kept open from run to run: it keeps the
        room it has (a new file for each chunk cost one to three milliseconds as it grew)."""
        if self.halted:
            return
        self.flush()
        global _chunk_file
        f = _chunk_file
        if f is None or not os.path.exists(CHUNK_FILE):  # a program may have removed it
            f = _chunk_file = open(CHUNK_FILE, "wb")
        f.seek(0)
        f.write(data)
        f.write(rows)
        f.flush()
        out = sys.__stdout__
        out.write(f'{RECORD}{{"chunk":{len(data)},"rows":{len(rows)},"t":{json.dumps(t)}}}\n')
        out.flush()

    def flush(self):
        if self._pending:
            # Taken before it is written: a Stop can interrupt the write, and the lines would go twice.
            pending, self._pending = self._pending, []
            out = sys.__stdout__
            out.write(RECORD + json.dumps(pending, ensure_ascii=False) + "\n")
            out.flush()
        self._last_flush = self.session.real_time()


class StampedWriter(io.TextIOBase):
    def __init__(self, channel, stream, clock):
        self._channel = channel
        self._stream = stream
        self._clock = clock
        self._partial = ""
        self._stamp = None
        self._bytes = _BytesWriter(self)

    @property
    def encoding(self):
        return "utf-8"

    @property
    def buffer(self):
        return self._bytes

    def fileno(self):
        return self._stream  # 1 or 2: os.write() there reaches the host as the real stdout or stderr

    def reconfigure(self, **settings):
        """sys.stdout.reconfigure(encoding=..., line_buffering=...): what is written goes out as
        UTF-8 text, line by line, whatever a program asks, so there is nothing to change."""

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if not text:
            return 0
        if self._stamp is None:
            self._stamp = self._clock.now
        start = 0
        while True:
            nl = text.find("\n", start)
            if nl < 0:
                self._partial += text[start:]
                break
            # The line leaves _partial before it is sent, as in flush().
            line, self._partial = self._partial + text[start:nl + 1], ""
            self._channel.line(self._stream, self._stamp, line)
            start = nl + 1
            self._stamp = self._clock.now if start < len(text) else None
        return len(text)

    def finish(self):
        if self._partial:
            line, stamp = self._partial, self._stamp
            self._partial, self._stamp = "", None
            self._channel.line(self._stream, stamp, line)


class _BytesWriter(io.RawIOBase):
    """sys.stdout.buffer: the bytes a program writes there are the UTF-8 text they encode."""

    def __init__(self, text):
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def writable(self):
        return True

    def write(self, data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = memoryview(data).tobytes()
        self._text.write(self._decoder.decode(data))
        return len(data)
