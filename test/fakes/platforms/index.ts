// The fake server's platform registry: one line per platform. Order matters only for platforms
// whose paths overlap (first claiming handler wins; an explicit `/<code>/` prefix always wins).
import type { FakePlatformFactory } from '../types.ts';
import { fakeTelegram } from './tg.ts';
import { fakeVk } from './vk.ts';
import { fakeViber } from './viber.ts';
import { fakeWhatsApp } from './wa.ts';
import { fakeMessenger } from './fb.ts';
import { fakeInstagram } from './instagram.ts';
import { fakeOk } from './ok.ts';

export const FAKE_PLATFORMS: FakePlatformFactory[] = [
  fakeTelegram,
  fakeVk,
  fakeViber,
  fakeWhatsApp,
  fakeMessenger,
  fakeInstagram,
  fakeOk,
];
