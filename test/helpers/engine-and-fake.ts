// The setup most engine tests share: an in-process Botcast with its delivery worker (no grace
// window, fast engine settings) and one fake platform server, started before a file's tests and
// closed after them.
import { startTestApp, type TestApp } from './app.ts';
import { startFakeServer, type FakeServer } from '../fakes/server.ts';
import { FAST_ENGINE } from './world.ts';

export async function startEngineAndFake(): Promise<{ t: TestApp; fake: FakeServer }> {
  const fake = await startFakeServer({ seed: 1 });
  const t = await startTestApp({ worker: true, config: { graceSeconds: 0 }, engine: FAST_ENGINE });
  return { t, fake };
}

export async function closeEngineAndFake(t: TestApp | undefined, fake: FakeServer | undefined) {
  await t?.close();
  await fake?.close();
}
