/** What a first visit shows: the lesson's first program as one raw-Python block. */
export const STARTER_PROGRAM = `import asyncio

async def main():
    print('hello')
    await asyncio.sleep(1)
    print('world')

asyncio.run(main())`;

export function rawProgramWorkspace(code: string): unknown {
  return {
    blocks: {
      languageVersion: 0,
      blocks: [{ type: 'aio_raw', x: 40, y: 40, fields: { CODE: code.replace(/\s+$/, '') } }],
    },
  };
}

export function starterWorkspace(): unknown {
  return rawProgramWorkspace(STARTER_PROGRAM);
}
