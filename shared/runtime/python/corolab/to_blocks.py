"""Python source → Blockly workspace JSON (the blocks of renderer/blocks).

Walks the program's own `ast`. Every construct the toolbox has becomes its
block; everything else becomes a raw Python block holding the exact source
text (with its comments), so a program is never refused or changed. Comments
between statements become comment blocks.

The mapping is chosen so that blocks → Python → blocks → Python is stable:
the generated text is a fixed point of this converter.
"""
import ast
import builtins
import io
import json
import keyword
import tokenize

# Names Blockly's Python generator would rename if used as a loop variable.
_BLOCKLY_EXTRA_RESERVED = {"math", "random", "Number"}

_LOOP_METHODS = {"run_until_complete", "create_future", "call_soon", "call_later", "close", "set_result", "add_done_callback"}
_PLAIN_METHODS = {"set", "clear", "release", "task_done", "is_set", "done", "result"}
_AWAIT_METHODS = {"wait", "acquire", "join"}
_SYNC_KINDS = {"Queue", "Lock", "Event", "Semaphore"}
_COMPARE = {ast.Eq: "EQ", ast.NotEq: "NEQ", ast.Lt: "LT", ast.LtE: "LTE", ast.Gt: "GT", ast.GtE: "GTE"}
_ARITH = {ast.Add: "ADD", ast.Sub: "MINUS", ast.Mult: "MULTIPLY", ast.Div: "DIVIDE", ast.Pow: "POWER"}
# Expressions whose text can stand anywhere an operand can without parentheses.
_PRIMARY = (ast.Name, ast.Constant, ast.Attribute, ast.Subscript, ast.Call, ast.List, ast.Dict, ast.Set,
            ast.ListComp, ast.SetComp, ast.DictComp, ast.JoinedStr)

# Typed outputs of the blocks the importer makes (the rest are untyped).
_OUTPUT = {
    "text": "String", "aio_fstring": "String", "aio_strftime": "String",
    "math_number": "Number", "math_arithmetic": "Number",
    "logic_compare": "Boolean", "logic_operation": "Boolean", "logic_negate": "Boolean", "logic_boolean": "Boolean",
}

# Contexts an expression is placed in (how much it must bind).
FREE = 0  # assignment value, return value, condition
ARG = 1  # call argument
OPERAND = 2  # operand of a Blockly operator block (which adds its own parentheses)
PRIMARY = 3  # awaited value or method receiver of a Corolab block (which adds none)
# Raw texts that need parentheses wherever they stand.
_ALWAYS_WRAP = (ast.Tuple, ast.NamedExpr, ast.GeneratorExp, ast.Yield, ast.YieldFrom)


class _Unmappable(Exception):
    pass


def _is_block_name(name):
    return not keyword.iskeyword(name) and name not in _BLOCKLY_EXTRA_RESERVED and not hasattr(builtins, name)


class Converter:
    def __init__(self, source, raw_only=False):
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.raw_only = raw_only
        self.tree = ast.parse(source)
        self.comments = self._comments()
        self.used = set()  # comment line numbers already placed
        self.variables = {}  # loop variable name -> id
        self.next_id = 0

    # ---- source helpers -------------------------------------------------

    def _comments(self):
        found = {}
        try:
            for tok in tokenize.generate_tokens(io.StringIO(self.source).readline):
                if tok.type == tokenize.COMMENT:
                    found[tok.start[0]] = (tok.start[1], tok.string, tok.line)
        except (tokenize.TokenError, SyntaxError):
            pass
        return found

    def _own_line_comment(self, line):
        """A comment alone on its line (not trailing code)."""
        c = self.comments.get(line)
        return c is not None and c[2][: c[0]].strip() == ""

    def segment(self, node):
        return ast.get_source_segment(self.source, node)

    def raw_statement_text(self, node):
        """The statement's exact text (decorators and trailing comment included), dedented to column 0."""
        start = _first_line(node)
        lines = [line.rstrip("\r\n") for line in self.lines[start - 1 : node.end_lineno]]
        last = lines[-1].encode("utf-8")
        rest = last[node.end_col_offset :].decode("utf-8")
        lines[-1] = last[: node.end_col_offset].decode("utf-8") + (rest if rest.strip().startswith("#") else "")
        head = lines[0]
        indent = head[: len(head) - len(head.lstrip())]
        if start == node.lineno:
            # After a `;` the statement starts mid-line.
            lines[0] = head.encode("utf-8")[node.col_offset :].decode("utf-8")
        out = [lines[0]] + [line[len(indent) :] if line.startswith(indent) else line for line in lines[1:]]
        if start != node.lineno:
            out[0] = head[len(indent) :]
        self.used.update(range(start, node.end_lineno + 1))
        return "\n".join(out)

    def _needs_whole_raw(self, node):
        """Nesting would re-indent this text: multi-line strings and tab indents must stay verbatim."""
        for child in ast.walk(node):
            if isinstance(child, (ast.Constant, ast.JoinedStr)) and getattr(child, "end_lineno", None) not in (None, child.lineno):
                if isinstance(child, ast.JoinedStr) or isinstance(child.value, (str, bytes)):
                    return True
        for line in self.lines[node.lineno - 1 : node.end_lineno]:
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                return True
        return False

    # ---- blocks ---------------------------------------------------------

    def block(self, type_, fields=None, inputs=None):
        b = {"type": type_}
        if fields:
            b["fields"] = fields
        if inputs:
            b["inputs"] = {k: {"block": v} for k, v in inputs.items() if v is not None}
        return b

    def raw(self, node):
        return self.block("aio_raw", {"CODE": self.raw_statement_text(node)})

    def comment_block(self, lines):
        texts = []
        for line in lines:
            body = self.comments[line][1][1:]
            texts.append(body[1:] if body.startswith(" ") else body)
            self.used.add(line)
        return self.block("aio_comment", {"TEXT": "\n".join(texts)})

    def pending_comments(self, start, end, min_col=None):
        """Comments on lines start..end-1 not yet placed (with `min_col`: own-line ones indented that far)."""
        return [
            n for n in range(start, end)
            if n in self.comments and n not in self.used
            and (min_col is None or (self._own_line_comment(n) and self.comments[n][0] >= min_col))
        ]

    # ---- expressions ----------------------------------------------------

    def raw_expr(self, node, ctx):
        text = self.segment(node)
        if text is None:
            raise _Unmappable()
        text = text.replace("\r\n", "\n")
        if "\n" in text:
            # A one-line field cannot hold it; the statement stays raw.
            raise _Unmappable()
        if isinstance(node, ast.Starred):
            raise _Unmappable()
        wrapped = text.startswith("(") and text.endswith(")") and _balanced_outer(text)
        if not wrapped and (isinstance(node, _ALWAYS_WRAP) or (ctx >= OPERAND and not isinstance(node, _PRIMARY))):
            text = f"({text})"
        return self.block("aio_name", {"NAME": text})

    def number(self, value):
        if isinstance(value, bool):
            return None
        if isinstance(value, int) and abs(value) < 2**53:
            return self.block("math_number", {"NUM": value})
        if isinstance(value, float) and value == value and abs(value) != float("inf") and value != int(value):
            return self.block("math_number", {"NUM": value})
        return None

    def expr(self, node, ctx=ARG, number_only=False, check=None):
        """Block for an expression. `check`: the type the input accepts (Blockly refuses other typed outputs)."""
        if number_only:
            check = "Number"
        b = self._expr(node, ctx) if ctx != PRIMARY or isinstance(node, _PRIMARY) else None
        if b is not None and check is not None and _OUTPUT.get(b["type"], check) != check:
            b = None
        return b if b is not None else self.raw_expr(node, ctx)

    def _expr(self, node, ctx):
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return self.number(v)
            if isinstance(v, bool):
                return self.block("logic_boolean", {"BOOL": "TRUE" if v else "FALSE"})
            if v is None:
                return self.block("logic_null")
            if isinstance(v, str) and (v == "" or v.isprintable()) and not (self.segment(node) or "").lower().startswith(("b", "rb", "br")):
                return self.block("text", {"TEXT": v})
            return None
        if isinstance(node, ast.Name):
            return self.block("aio_name", {"NAME": node.id})
        if isinstance(node, ast.JoinedStr):
            return self.fstring(node)
        if isinstance(node, ast.Await):
            inner = self._await_target(node.value)
            if inner is not None:
                return inner
            return self.block("aio_await_value", inputs={"VALUE": self.expr(node.value, OPERAND)})
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
            return self.block("logic_compare", {"OP": _COMPARE[type(node.ops[0])]},
                              {"A": self.expr(node.left, OPERAND), "B": self.expr(node.comparators[0], OPERAND)})
        if isinstance(node, ast.BoolOp):
            op = "AND" if isinstance(node.op, ast.And) else "OR"
            left = self.expr(node.values[0], OPERAND, check="Boolean")
            for value in node.values[1:]:
                left = self.block("logic_operation", {"OP": op}, {"A": left, "B": self.expr(value, OPERAND, check="Boolean")})
            return left
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.block("logic_negate", inputs={"BOOL": self.expr(node.operand, OPERAND, check="Boolean")})
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITH:
            return self.block("math_arithmetic", {"OP": _ARITH[type(node.op)]},
                              {"A": self.expr(node.left, OPERAND, check="Number"), "B": self.expr(node.right, OPERAND, check="Number")})
        return None

    def _await_target(self, node):
        """`await q.get()` has its own block."""
        if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            return self.block("aio_queue_get", inputs={"QUEUE": self.expr(node.func.value, OPERAND)})
        return None

    def fstring(self, node):
        text = self.segment(node)
        if text is None or "\n" in text:
            return None
        prefix = text[:1]
        if prefix not in ("f", "F") or len(text) < 3 or text[1] not in "'\"" or text[1:4] in ('"""', "'''"):
            return None
        body = text[2:-1]
        if text[-1] != text[1] or "\\" in body or ('"' in body and "'" in body):
            return None
        return self.block("aio_fstring", {"TEXT": body})

    def positional(self, node, most):
        if node.keywords or len(node.args) > most or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        return node.args

    def call(self, node):
        func = node.func
        if isinstance(func, ast.Name):
            args = self.positional(node, 3)
            if args is None:
                return None
            return self.block("aio_call", {"NAME": func.id}, {f"ARG{i}": self.expr(a, ARG) for i, a in enumerate(args)})
        if not isinstance(func, ast.Attribute):
            return None
        attr = func.attr
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id == "asyncio":
            return self.asyncio_call(attr, node)
        if isinstance(owner, ast.Name) and owner.id == "time" and attr == "strftime":
            if len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Constant):
                fmt = node.args[0].value
                if isinstance(fmt, str) and fmt.isprintable() and "'" not in fmt and "\\" not in fmt and '"' not in fmt:
                    return self.block("aio_strftime", {"FORMAT": fmt})
            return None
        if attr in _LOOP_METHODS:
            args = self.positional(node, 3)
            if args is None:
                return None
            inputs = {"LOOP": self.expr(owner, OPERAND)}
            inputs.update({f"ARG{i}": self.expr(a, ARG) for i, a in enumerate(args)})
            return self.block("aio_loop_call", {"METHOD": attr}, inputs)
        if attr == "create_task" and isinstance(owner, ast.Name) and len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], ast.Starred):
            return self.block("aio_tg_create_task", {"GROUP": owner.id}, {"CORO": self.expr(node.args[0], ARG)})
        return None

    def asyncio_call(self, attr, node):
        kw = {k.arg: k.value for k in node.keywords}
        if None in kw or any(isinstance(a, ast.Starred) for a in node.args):
            return None
        args = node.args
        if attr == "sleep" and not kw and 1 <= len(args) <= 2:
            inputs = {"DELAY": self.expr(args[0], ARG, number_only=True)}
            if len(args) == 2:
                inputs["RESULT"] = self.expr(args[1], ARG)
            return self.block("aio_sleep", inputs=inputs)
        if attr == "create_task" and len(args) == 1 and set(kw) <= {"name"}:
            inputs = {"CORO": self.expr(args[0], ARG)}
            if "name" in kw:
                inputs["NAME"] = self.expr(kw["name"], ARG)
            return self.block("aio_create_task", inputs=inputs)
        if attr == "gather" and len(args) <= 4 and set(kw) <= {"return_exceptions"}:
            flag = kw.get("return_exceptions")
            if flag is not None and not (isinstance(flag, ast.Constant) and flag.value is True):
                return None
            return self.block("aio_gather", {"RETURN_EXCEPTIONS": flag is not None},
                              {f"AW{i}": self.expr(a, ARG) for i, a in enumerate(args)})
        if attr == "wait_for" and len(args) == 1 and set(kw) == {"timeout"}:
            return self.block("aio_wait_for", inputs={"AW": self.expr(args[0], ARG), "TIMEOUT": self.expr(kw["timeout"], ARG, number_only=True)})
        if attr == "new_event_loop" and not args and not kw:
            return self.block("aio_new_event_loop")
        if attr == "get_running_loop" and not args and not kw:
            return self.block("aio_get_running_loop")
        if attr in _SYNC_KINDS and not kw and len(args) <= 1:
            return self.block("aio_new_sync", {"KIND": attr}, {"ARG": self.expr(args[0], ARG)} if args else None)
        return None

    # ---- statements -----------------------------------------------------

    def statement(self, stmt, top=False):
        """Blocks for one statement: comment blocks for comments on its lines, then its own block (if any)."""
        if self.raw_only or (top and self._needs_whole_raw(stmt)):
            return [self.raw(stmt)]
        saved = (set(self.used), dict(self.variables))
        try:
            if top and isinstance(stmt, TOP_DEFS):
                b = self.definition(stmt)
            else:
                b = self._statement(stmt)
            if top and b["type"] in _TERMINAL:
                raise _Unmappable()
            inner = [] if _has_body(stmt) else self.pending_comments(stmt.lineno, stmt.end_lineno + 1)
            return ([self.comment_block(inner)] if inner else []) + [b]
        except _Unmappable:
            self.used, self.variables = saved
            return [self.raw(stmt)]

    def definition(self, stmt):
        if stmt.decorator_list or stmt.returns is not None or getattr(stmt, "type_params", None):
            raise _Unmappable()
        params = ast.unparse(stmt.args)
        if "\n" in params:
            raise _Unmappable()
        kind = "aio_async_def" if isinstance(stmt, ast.AsyncFunctionDef) else "aio_def"
        return self.block(kind, {"NAME": stmt.name, "PARAMS": params}, {"BODY": self.body(stmt.body, stmt.lineno, stmt.end_lineno + 1)})

    def _statement(self, node):
        if isinstance(node, ast.Import) and len(node.names) == 1 and node.names[0].asname is None and node.names[0].name in ("asyncio", "time") and node.col_offset == 0:
            return self.block("aio_import", {"MODULE": node.names[0].name})
        if isinstance(node, ast.Expr):
            return self.expression_statement(node.value)
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            return self.block("aio_assign", {"NAME": node.targets[0].id}, {"VALUE": self.expr(node.value, FREE)})
        if isinstance(node, ast.Return):
            return self.block("aio_return", inputs={"VALUE": self.expr(node.value, FREE) if node.value is not None else None})
        if isinstance(node, (ast.Break, ast.Continue)):
            return self.block("controls_flow_statements", {"FLOW": "BREAK" if isinstance(node, ast.Break) else "CONTINUE"})
        end = node.end_lineno + 1
        if isinstance(node, ast.While) and not node.orelse:
            return self.block("controls_whileUntil", {"MODE": "WHILE"},
                              {"BOOL": self.expr(node.test, FREE, check="Boolean"), "DO": self.body(node.body, node.lineno, end)})
        if isinstance(node, ast.If):
            return self.if_block(node)
        if isinstance(node, ast.For) and not node.orelse and isinstance(node.target, ast.Name) and _is_block_name(node.target.id):
            var = self.variable(node.target.id)
            return self.block("controls_forEach", {"VAR": {"id": var}},
                              {"LIST": self.expr(node.iter, OPERAND, check="Array"), "DO": self.body(node.body, node.lineno, end)})
        if isinstance(node, ast.Try) and len(node.handlers) == 1 and not node.orelse and not node.finalbody:
            return self.try_block(node)
        if isinstance(node, ast.AsyncWith) and len(node.items) == 1:
            return self.async_with(node)
        raise _Unmappable()

    def expression_statement(self, value):
        if isinstance(value, ast.Await):
            target = value.value
            if isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) and not target.keywords:
                attr = target.func.attr
                owner = target.func.value
                if attr == "put" and len(target.args) == 1 and not isinstance(target.args[0], ast.Starred):
                    return self.block("aio_queue_put", inputs={"QUEUE": self.expr(owner, PRIMARY), "ITEM": self.expr(target.args[0], ARG)})
                if attr in _AWAIT_METHODS and not target.args:
                    return self.block("aio_await_method", {"METHOD": attr}, {"OBJECT": self.expr(owner, PRIMARY)})
            return self.block("aio_await", inputs={"VALUE": self.expr(target, PRIMARY)})
        if isinstance(value, ast.Call) and not value.keywords and not any(isinstance(a, ast.Starred) for a in value.args):
            func = value.func
            args = value.args
            if isinstance(func, ast.Name) and func.id == "print" and len(args) == 1:
                return self.block("aio_print", inputs={"VALUE": self.expr(args[0], ARG)})
            if isinstance(func, ast.Attribute):
                owner = func.value
                if isinstance(owner, ast.Name) and owner.id == "asyncio" and func.attr == "run" and len(args) == 1:
                    coro = args[0]
                    if isinstance(coro, ast.Call) and isinstance(coro.func, ast.Name) and not coro.args and not coro.keywords:
                        return self.block("aio_run", {"NAME": coro.func.id})
                if isinstance(owner, ast.Name) and owner.id == "time" and func.attr == "sleep" and len(args) == 1:
                    return self.block("aio_time_sleep", inputs={"DELAY": self.expr(args[0], ARG, number_only=True)})
                if func.attr == "set_name" and len(args) == 1:
                    return self.block("aio_task_set_name", inputs={"TASK": self.expr(owner, PRIMARY), "NAME": self.expr(args[0], ARG)})
                if func.attr == "cancel" and not args:
                    return self.block("aio_task_cancel", inputs={"TASK": self.expr(owner, PRIMARY)})
                if func.attr in _PLAIN_METHODS and not args:
                    return self.block("aio_method", {"METHOD": func.attr}, {"OBJECT": self.expr(owner, PRIMARY)})
        inner = self._expr(value, FREE)
        if inner is None or inner["type"] == "aio_name":
            raise _Unmappable()
        return self.block("aio_expr", inputs={"VALUE": inner})

    def if_block(self, node):
        branches = []
        current = node
        while True:
            branches.append(current)
            if len(current.orelse) == 1 and isinstance(current.orelse[0], ast.If) and self._is_elif(current.orelse[0]):
                current = current.orelse[0]
                continue
            orelse = current.orelse or None
            break
        inputs = {}
        for i, branch in enumerate(branches):
            inputs[f"IF{i}"] = self.expr(branch.test, FREE, check="Boolean")
            bound = branches[i + 1].lineno if i + 1 < len(branches) else (orelse[0].lineno if orelse else node.end_lineno + 1)
            inputs[f"DO{i}"] = self.body(branch.body, branch.lineno, bound)
        if orelse:
            inputs["ELSE"] = self.body(orelse, branches[-1].body[-1].end_lineno + 1, node.end_lineno + 1)
        b = self.block("controls_if", inputs=inputs)
        if len(branches) > 1 or orelse:
            b["extraState"] = {}
            if len(branches) > 1:
                b["extraState"]["elseIfCount"] = len(branches) - 1
            if orelse:
                b["extraState"]["hasElse"] = True
        return b

    def _is_elif(self, node):
        return self.lines[node.lineno - 1].lstrip().startswith("elif")

    def try_block(self, node):
        handler = node.handlers[0]
        htype = handler.type
        text = self.segment(htype) if htype is not None else None
        end = node.end_lineno + 1
        if text == "asyncio.CancelledError" and handler.name is None:
            hbody = list(handler.body)
            last = hbody[-1]
            reraise = isinstance(last, ast.Raise) and last.exc is None and last.cause is None
            if reraise:
                hbody = hbody[:-1]
            handler_chain = self.body(hbody, handler.lineno, last.lineno if reraise else end) if hbody else None
            if reraise:
                # Comments by the `raise` go at the end of the handler.
                for line in self.pending_comments(last.lineno, end):
                    handler_chain = _append(handler_chain, self.comment_block([line]))
            return self.block("aio_try_cancelled", {"RERAISE": reraise},
                              {"BODY": self.body(node.body, node.lineno, handler.lineno), "HANDLER": handler_chain})
        if text is not None and handler.name == "e" and isinstance(htype, (ast.Name, ast.Attribute)) and "\n" not in text:
            return self.block("aio_try_except", {"EXC": text},
                              {"BODY": self.body(node.body, node.lineno, handler.lineno), "HANDLER": self.body(handler.body, handler.lineno, end)})
        raise _Unmappable()

    def async_with(self, node):
        item = node.items[0]
        ctx = item.context_expr
        var = item.optional_vars
        end = node.end_lineno + 1
        if isinstance(ctx, ast.Call) and isinstance(ctx.func, ast.Attribute) and isinstance(ctx.func.value, ast.Name) and ctx.func.value.id == "asyncio":
            if ctx.func.attr == "TaskGroup" and not ctx.args and not ctx.keywords and isinstance(var, ast.Name):
                return self.block("aio_taskgroup", {"NAME": var.id}, {"BODY": self.body(node.body, node.lineno, end)})
            if ctx.func.attr == "timeout" and len(ctx.args) == 1 and not ctx.keywords and var is None:
                return self.block("aio_timeout", inputs={"DELAY": self.expr(ctx.args[0], ARG, number_only=True), "BODY": self.body(node.body, node.lineno, end)})
        if var is None:
            return self.block("aio_async_with", inputs={"CONTEXT": self.expr(ctx, ARG), "BODY": self.body(node.body, node.lineno, end)})
        raise _Unmappable()

    def variable(self, name):
        if name not in self.variables:
            if name.lower() in {n.lower() for n in self.variables}:
                raise _Unmappable()  # Blockly variable names ignore case
            self.variables[name] = f"var-{name}"
        return self.variables[name]

    # ---- bodies ---------------------------------------------------------

    def body(self, stmts, start, bound):
        """The chain of blocks for a body: `start` is its header line, `bound` the first line past it."""
        if len(stmts) == 1 and isinstance(stmts[0], ast.Pass) and not self.pending_comments(start, bound):
            return None  # an empty body is generated as `pass`
        chain = []
        previous_end = start - 1
        for stmt in stmts:
            lines = self.pending_comments(previous_end + 1, stmt.lineno)
            if lines:
                chain.append(self.comment_block(lines))
            chain.extend(self.statement(stmt))
            previous_end = stmt.end_lineno
        tail = self.pending_comments(previous_end + 1, bound, min_col=stmts[0].col_offset)
        if tail:
            comment = self.comment_block(tail)
            # Nothing may follow a return or break: its comments go just above it.
            if chain and chain[-1]["type"] in _TERMINAL:
                chain.insert(len(chain) - 1, comment)
            else:
                chain.append(comment)
        return _link(_merge_comments(chain))


def _append(chain_head, block):
    if chain_head is None:
        return block
    b = chain_head
    while "next" in b:
        b = b["next"]["block"]
    b["next"] = {"block": block}
    return chain_head


def _has_body(stmt):
    return isinstance(getattr(stmt, "body", None), list)


def _balanced_outer(text):
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return True


def _merge_comments(chain):
    """Consecutive comment blocks become one block, as they read as one comment."""
    out = []
    for b in chain:
        if b["type"] == "aio_comment" and out and out[-1]["type"] == "aio_comment":
            out[-1]["fields"]["TEXT"] += "\n" + b["fields"]["TEXT"]
        else:
            out.append(b)
    return out


_TERMINAL = {"aio_return", "controls_flow_statements"}


def _link(chain):
    if not chain:
        return None
    for a, b in zip(chain, chain[1:]):
        if a["type"] in _TERMINAL:
            raise _Unmappable()
        a["next"] = {"block": b}
    return chain[0]


def _stack_height(block):
    """Rough height in pixels, so stacks do not overlap when the workspace is shown."""
    lines = 0
    while block is not None:
        lines += 1
        for field in block.get("fields", {}).values():  # noqa: B007
            if isinstance(field, str):
                lines += field.count("\n")
        for inp in block.get("inputs", {}).values():
            lines += _stack_height(inp["block"]) // 28
        block = block.get("next", {}).get("block")
    return lines * 28


TOP_DEFS = (ast.AsyncFunctionDef, ast.FunctionDef)


def _blank_between(c, after_line, before_line):
    """Is there a blank line strictly between the two lines?"""
    return any(c.lines[n - 1].strip() == "" for n in range(after_line + 1, before_line) if n - 1 < len(c.lines))


def convert(source, raw_only=False):
    """Top-level statements become stacks: a blank line starts a new one, each def is its own."""
    c = Converter(source, raw_only)
    stacks = []
    current = []
    last_line = 0

    def flush():
        nonlocal current
        if current:
            stacks.append(current)
        current = []

    def comments_until(line):
        nonlocal last_line
        for n in c.pending_comments(last_line + 1, line):
            if _blank_between(c, last_line, n):
                flush()
            current.append(c.comment_block([n]))
            last_line = n

    for stmt in c.tree.body:
        first_line = _first_line(stmt)
        comments_until(first_line)
        if _blank_between(c, last_line, first_line):
            flush()
        blocks = c.statement(stmt, top=True)
        for b in blocks:
            if b["type"] in ("aio_async_def", "aio_def"):
                flush()
                stacks.append([b])
            else:
                current.append(b)
        last_line = stmt.end_lineno
    comments_until(len(c.lines) + 1)
    flush()

    blocks = []
    y = 20
    for stack in stacks:
        stack = _merge_comments(stack)
        first = _link(stack)
        first["x"] = 20
        first["y"] = y
        y += _stack_height(first) + 40
        blocks.append(first)
    workspace = {"blocks": {"languageVersion": 0, "blocks": blocks}}
    if c.variables:
        workspace["variables"] = [{"name": n, "id": i} for n, i in c.variables.items()]
    return workspace


def _first_line(stmt):
    decorators = getattr(stmt, "decorator_list", None)
    return decorators[0].lineno if decorators else stmt.lineno


def normalized_dump(source):
    """The program's AST without the imports the generator hoists, to check a conversion changed nothing."""
    tree = ast.parse(source)
    tree.body = [
        s for s in tree.body
        if not (isinstance(s, ast.Import) and len(s.names) == 1 and s.names[0].asname is None and s.names[0].name in ("asyncio", "time"))
    ]
    return ast.dump(tree)


def to_blocks(source, raw_only=False):
    """JSON text: {"workspace": ..., "dump": ...} or {"error": ..., "workspace": <one raw block>}."""
    raw = {"type": "aio_raw", "fields": {"CODE": source.rstrip()}, "x": 20, "y": 20}
    whole = {"blocks": {"languageVersion": 0, "blocks": [raw]}}
    try:
        dump = normalized_dump(source)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        message = f"{type(exc).__name__}: {getattr(exc, 'msg', None) or exc}" + (f" (line {line})" if line else "")
        return json.dumps({"workspace": whole, "error": message})
    except RecursionError:
        return json.dumps({"workspace": whole})
    for mode in (raw_only, True):
        try:
            return json.dumps({"workspace": convert(source, mode), "dump": dump})
        except (RecursionError, ValueError, IndexError, KeyError, TypeError, AttributeError):
            continue
    return json.dumps({"workspace": whole, "dump": dump})


if __name__ == "__main__":
    import sys

    print(to_blocks(open(sys.argv[1], encoding="utf-8").read(), "--raw" in sys.argv))
