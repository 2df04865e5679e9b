# Tracebacks printed to stdout (print_exc, format_exc, logging.exception): their caret lines as Python 3.11 draws them.
import traceback, sys, asyncio, logging
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(message)s")
def f(v):
    return int(v)
def g(d):
    return d["k"] + 1
def h(a, b):
    x = a / b
    return x
try:
    f("x")
except ValueError:
    traceback.print_exc(file=sys.stdout)
try:
    g({})
except KeyError:
    print(traceback.format_exc())
try:
    h(1, 0)
except ZeroDivisionError:
    logging.exception("failed")
async def boom():
    await asyncio.sleep(0.1)
    items = [1, 2]
    return items[5]
async def main():
    try:
        await asyncio.gather(boom(), asyncio.sleep(0.2))
    except IndexError:
        traceback.print_exc(file=sys.stdout)
    try:
        result = (lambda: 1)() + boom_value
    except NameError:
        traceback.print_exc(file=sys.stdout)
asyncio.run(main())
