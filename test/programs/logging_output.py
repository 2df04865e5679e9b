# logging configured by the program, to stdout: every run starts from logging as a new
# process has it (a second run of this program on the same runtime logs as the first).
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")


async def work(n):
    log.debug("start %d", n)
    await asyncio.sleep(n)
    log.info("done %d", n)


async def main():
    await asyncio.gather(work(1), work(2))
    logging.getLogger("asyncio").warning("through asyncio's logger")
    log.error("end")


asyncio.run(main())
logging.warning("after the run")
