// Fake Instagram Messaging (Page-linked flavour): the Messenger Send API fake with Instagram's
// text limit (1000 bytes), its "user not found" subcode (2534014) and a GET /me that shows the
// linked Instagram professional account. Its paths are Messenger's, so it claims nothing: reach it
// with the explicit prefix, baseUrl = `${fake.url}/instagram`.
import type { FakePlatform, FakePlatformFactory } from '../types.ts';
import { fakeSendApi } from './fb.ts';

export function fakeInstagram(): FakePlatform {
  return fakeSendApi({
    code: 'instagram',
    claims: () => false,
    textTooLong: (text) => Buffer.byteLength(text, 'utf8') > 1000,
    me: { id: '1234567890', name: 'Botcast Test Page', instagram_business_account: { id: '17841400000000000', username: 'botcast.test' } },
    notFoundSubcode: 2534014,
    checkMessagingType: false,
    outsideWindowSubcode: 2534022,
  });
}

/** What test/fakes/platforms/index.ts registers for this platform. */
export default fakeInstagram satisfies FakePlatformFactory;
