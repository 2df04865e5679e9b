"""Errors as Python 3.11 shows them, where 3.14 changed what a program prints: the
wording of errors CPython itself raises, and the caret lines of tracebacks.

A program that catches an error and prints it (`print(f"failed: {e}")`, a gather()
with return_exceptions=True) shows its message, and the lessons' output is compared
with what python3.11 prints: `1.5 // 0` says "float floor division by zero" there,
"division by zero" here. sys.monitoring's RAISE event lets the message be put back
where the error is raised, before the program sees it.

Only errors raised by the interpreter or a C function: never a `raise` statement,
whose message is the program's (or a library's) own. Some 3.11 messages name the
operands (`7 is not in list`, float or int division): those are read back from the
instruction's operands when each is a plain name or constant, and otherwise the
error is worded as for ints, the commonest case.

Tracebacks reach stdout too (`traceback.print_exc(file=sys.stdout)`,
`logging.exception()` to a stdout handler), and 3.14 underlines more under
their lines: a whole line, a call. 3.11's StackSummary.format_frame_summary
is put back, as 3.11 has it.
"""
import ast
import bisect
import builtins
import collections
import dis
import linecache
import os
import re
import sys
import traceback
from contextlib import suppress

_RAISES = frozenset(("RAISE_VARARGS", "RERAISE"))
_NAMES = frozenset(("LOAD_FAST", "LOAD_FAST_BORROW", "LOAD_FAST_CHECK", "LOAD_DEREF"))
_NAME_PAIRS = frozenset(("LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"))
_CONSTANTS = frozenset(("LOAD_CONST", "LOAD_SMALL_INT"))
_GLOBALS = frozenset(("LOAD_NAME", "LOAD_GLOBAL"))

# (3.14's wording, 3.11's) for the errors whose message is all there is to change.
_REWORDED = {
    TypeError: (
        (re.compile(r"'(?:[\w.]+\.)?(\w+)' object can't be awaited"), r"object \1 can't be used in 'await' expression"),
        (re.compile(r"cannot use '.+' as a (?:dict key|set element) \((unhashable type: '.+')\)"), r"\1"),
        # 3.14 names the type with its module, says which method is missing, and suggests the other protocol.
        (re.compile(r"'(?:[\w.]+\.)?(\w+)' object does not support the ((?:asynchronous )?context manager protocol)\b.*"), r"'\1' object does not support the \2"),
    ),
    ValueError: (
        (re.compile(r"too many values to unpack \(expected (\d+), got \d+\)"), r"too many values to unpack (expected \1)"),
        (re.compile(r"(max|min)\(\) iterable argument is empty"), r"\1() arg is an empty sequence"),
        (re.compile(r"expected a (?:positive|nonnegative) input(?:, got .*)?|expected a number in range from -1 up to 1, got .*"), "math domain error"),
    ),
    AttributeError: (
        (re.compile(r"(.*) and no __dict__ for setting new attributes"), r"\1"),
    ),
}
# 3.14's words whose 3.11 wording depends on the operands (_division, _not_in_list).
_ZERO_DIVISION = "division by zero"
_ZERO_POWER = "zero to a negative power"
_NOT_IN_LIST = "list.index(x): x not in list"
# Every message to change, one pattern for each kind of error: most errors a program
# raises and catches are none of them, and are let go after one match.
_CHANGED = {
    kind: re.compile("|".join([pattern.pattern for pattern, _ in _REWORDED.get(kind, ())] + [re.escape(m) for m in messages]))
    for kind, messages in ((TypeError, ()), (ValueError, (_NOT_IN_LIST,)), (AttributeError, ()), (ZeroDivisionError, (_ZERO_DIVISION, _ZERO_POWER)))
}

# What 3.11 says for a division by zero, by operator, for ints and for floats.
_DIVISIONS = {
    "/": ("division by zero", "float division by zero"),
    "//": ("integer division or modulo by zero", "float floor division by zero"),
    "%": ("integer modulo by zero", "float modulo"),
    "divmod": ("integer division or modulo by zero", "float divmod()"),
}

_RUNTIME_DIR = os.path.dirname(__file__)  # the tracer's own AttributeErrors, as it looks for attributes, are its business
_TOOL = None
_instructions = {}  # code object -> (offsets, instructions), for this run


def _on_raise(code, offset, exc):
    # Called in every frame the error passes through: only where it began is it CPython's.
    tb = exc.__traceback__
    if tb is None or tb.tb_next is not None:
        return
    changed = _CHANGED.get(type(exc))
    args = exc.args
    if changed is None or len(args) != 1 or type(args[0]) is not str or not changed.fullmatch(args[0]):
        return
    if code.co_filename.startswith(_RUNTIME_DIR):
        return
    try:
        frame = sys._getframe(1)  # where it was raised, whose operands _operands reads
        if frame.f_code is not code:
            frame = None
        where = _instruction_at(code, offset)
        if where is None or where[1][where[0]].opname in _RAISES:
            return
        message = args[0]
        if type(exc) is ZeroDivisionError:
            worded = _division(message, where, frame)
        elif type(exc) is ValueError and message == _NOT_IN_LIST:
            worded = _not_in_list(where, frame)
        else:
            worded = message
            for pattern, replacement in _REWORDED[type(exc)]:
                if pattern.fullmatch(message):
                    worded = pattern.sub(replacement, message)
                    break
        if worded is not None and worded != message:
            exc.args = (worded,)
    except Exception:  # never the program's business: it keeps 3.14's words
        pass


def _instruction_at(code, offset):
    """The instruction the error came from, as (its index, the code's instructions). The
    event's offset is that of the instruction's last inline cache entry, if it has any."""
    table = _instructions.get(code)
    if table is None:
        listing = list(dis.get_instructions(code))
        table = _instructions[code] = ([ins.offset for ins in listing], listing)
    offsets, listing = table
    index = bisect.bisect_right(offsets, offset) - 1
    return (index, listing) if index >= 0 else None


def _operands(where, count, frame):
    """The values of the `count` operands the instruction at `where` takes off the stack,
    when the instructions just before it load each from a name or a constant, and the
    index of the first of those; else None."""
    index, listing = where
    values = []
    i = index
    while len(values) < count:
        i -= 1
        if i < 0:
            return None
        ins = listing[i]
        op = ins.opname
        if op in _NAME_PAIRS:
            loaded = [_local(frame, name) for name in reversed(ins.argval)]
        elif op in _NAMES:
            loaded = [_local(frame, ins.argval)]
        elif op in _CONSTANTS:
            loaded = [(True, ins.argval)]
        elif op in _GLOBALS:
            loaded = [_global(frame, ins.argval, op == "LOAD_NAME")]
        else:
            return None
        for found, value in loaded:
            if not found:
                return None
            values.append(value)
    values = values[:count]
    values.reverse()
    return values, i


def _local(frame, name):
    if frame is None:
        return False, None
    scope = frame.f_locals
    return (True, scope[name]) if name in scope else (False, None)


def _global(frame, name, local_first):
    if frame is None:
        return False, None
    scopes = (frame.f_locals, frame.f_globals, builtins.__dict__) if local_first else (frame.f_globals, builtins.__dict__)
    for scope in scopes:
        if name in scope:
            return True, scope[name]
    return False, None


def _division(message, where, frame):
    if message == _ZERO_POWER:
        return "0.0 cannot be raised to a negative power"
    index, listing = where
    ins = listing[index]
    operands = _operands(where, 2, frame)
    if ins.opname == "BINARY_OP":
        operator = ins.argrepr.rstrip("=")  # `x /= 0` as `x / 0`
    elif ins.opname == "CALL" and ins.argval == 2 and operands is not None:
        # divmod(a, b): the function is loaded before its arguments (and the NULL of a call).
        first = operands[1] - 1
        if first >= 0 and listing[first].opname == "PUSH_NULL":
            first -= 1
        callee = _operands((first + 1, listing), 1, frame)
        if callee is None or callee[0][0] is not divmod:
            return None
        operator = "divmod"
    else:
        return None
    if operator not in _DIVISIONS:
        return None
    floats = operands is not None and any(type(v) is float for v in operands[0])
    return _DIVISIONS[operator][floats]


def _not_in_list(where, frame):
    index, listing = where
    if listing[index].opname != "CALL" or listing[index].argval != 1:
        return None
    operand = _operands(where, 1, frame)
    if operand is None:
        return None
    return f"{operand[0][0]!r} is not in list"


# Python 3.11's traceback.StackSummary.format_frame_summary and the helper only it uses, as
# they are there but for reading the line from linecache (3.14's FrameSummary keeps lines
# differently) and taking 3.14's keyword arguments (colorize: never, for a program's output).
_Anchors = collections.namedtuple(
    "_Anchors",
    [
        "left_end_offset",
        "right_start_offset",
        "primary_char",
        "secondary_char",
    ],
    defaults=["~", "^"]
)


def _extract_caret_anchors_from_line_segment(segment):
    try:
        tree = ast.parse(segment)
    except SyntaxError:
        return None

    if len(tree.body) != 1:
        return None

    normalize = lambda offset: traceback._byte_offset_to_character_offset(segment, offset)
    statement = tree.body[0]
    match statement:
        case ast.Expr(expr):
            match expr:
                case ast.BinOp():
                    operator_start = normalize(expr.left.end_col_offset)
                    operator_end = normalize(expr.right.col_offset)
                    operator_str = segment[operator_start:operator_end]
                    operator_offset = len(operator_str) - len(operator_str.lstrip())

                    left_anchor = expr.left.end_col_offset + operator_offset
                    right_anchor = left_anchor + 1
                    if (
                        operator_offset + 1 < len(operator_str)
                        and not operator_str[operator_offset + 1].isspace()
                    ):
                        right_anchor += 1

                    while left_anchor < len(segment) and ((ch := segment[left_anchor]).isspace() or ch in ")#"):
                        left_anchor += 1
                        right_anchor += 1
                    return _Anchors(normalize(left_anchor), normalize(right_anchor))
                case ast.Subscript():
                    left_anchor = normalize(expr.value.end_col_offset)
                    right_anchor = normalize(expr.slice.end_col_offset + 1)
                    while left_anchor < len(segment) and ((ch := segment[left_anchor]).isspace() or ch != "["):
                        left_anchor += 1
                    while right_anchor < len(segment) and ((ch := segment[right_anchor]).isspace() or ch != "]"):
                        right_anchor += 1
                    if right_anchor < len(segment):
                        right_anchor += 1
                    return _Anchors(left_anchor, right_anchor)

    return None


def _format_frame_summary(self, frame_summary, **kwargs):
    _display_width = traceback._display_width
    row = []
    row.append('  File "{}", line {}, in {}\n'.format(
        frame_summary.filename, frame_summary.lineno, frame_summary.name))
    line = linecache.getline(frame_summary.filename, frame_summary.lineno) if frame_summary.lineno is not None else ""
    if line.strip():
        stripped_line = line.strip()
        row.append('    {}\n'.format(stripped_line))

        orig_line_len = len(line)
        frame_line_len = len(stripped_line.lstrip())
        stripped_characters = orig_line_len - frame_line_len
        if (
            frame_summary.colno is not None
            and frame_summary.end_colno is not None
        ):
            start_offset = traceback._byte_offset_to_character_offset(
                line, frame_summary.colno)
            end_offset = traceback._byte_offset_to_character_offset(
                line, frame_summary.end_colno)
            code_segment = line[start_offset:end_offset]

            anchors = None
            if frame_summary.lineno == frame_summary.end_lineno:
                with suppress(Exception):
                    anchors = _extract_caret_anchors_from_line_segment(code_segment)
            else:
                # Don't count the newline since the anchors only need to
                # go up until the last character of the line.
                end_offset = len(line.rstrip())

            # show indicators if primary char doesn't span the frame line
            if end_offset - start_offset < len(stripped_line) or (
                    anchors and anchors.right_start_offset - anchors.left_end_offset > 0):
                # When showing this on a terminal, some of the non-ASCII characters
                # might be rendered as double-width characters, so we need to take
                # that into account when calculating the length of the line.
                dp_start_offset = _display_width(line, start_offset) + 1
                dp_end_offset = _display_width(line, end_offset) + 1

                row.append('    ')
                row.append(' ' * (dp_start_offset - stripped_characters))

                if anchors:
                    dp_left_end_offset = _display_width(code_segment, anchors.left_end_offset)
                    dp_right_start_offset = _display_width(code_segment, anchors.right_start_offset)
                    row.append(anchors.primary_char * dp_left_end_offset)
                    row.append(anchors.secondary_char * (dp_right_start_offset - dp_left_end_offset))
                    row.append(anchors.primary_char * (dp_end_offset - dp_start_offset - dp_right_start_offset))
                else:
                    row.append('^' * (dp_end_offset - dp_start_offset))

                row.append('\n')

    if frame_summary.locals:
        for name, value in sorted(frame_summary.locals.items()):
            row.append('    {name} = {value}\n'.format(name=name, value=value))

    return ''.join(row)


_format_frame_summary_314 = traceback.StackSummary.format_frame_summary


def install():
    """For the run about to start: 3.11's tracebacks, and a sys.monitoring tool id no one uses."""
    global _TOOL
    traceback.StackSummary.format_frame_summary = _format_frame_summary
    mon = sys.monitoring
    for tool in (mon.OPTIMIZER_ID, 4, 3, 2, 1):
        if mon.get_tool(tool) is None:
            mon.use_tool_id(tool, "corolab-3.11-messages")
            mon.register_callback(tool, mon.events.RAISE, _on_raise)
            mon.set_events(tool, mon.events.RAISE)
            _TOOL = tool
            return


def uninstall():
    global _TOOL
    traceback.StackSummary.format_frame_summary = _format_frame_summary_314
    _instructions.clear()
    if _TOOL is not None:
        mon = sys.monitoring
        mon.set_events(_TOOL, 0)
        mon.register_callback(_TOOL, mon.events.RAISE, None)
        mon.free_tool_id(_TOOL)
        _TOOL = None
