-- Telegram paid broadcasts (issue 16 point 5). With `allow_paid_broadcast: true` on a send method a
-- bot may send up to 1000 messages per second instead of about 30, for a fee of 0.1 Telegram Star
-- per message taken from the bot's balance (core.telegram.org/bots/api, sendMessage). The channel
-- option says to send every message of the channel that way; its default rate limit becomes 1000/s
-- (src/platforms/rate.ts). A rate set by hand (rate_per_second) still wins.
ALTER TABLE channels ADD COLUMN allow_paid_broadcast boolean NOT NULL DEFAULT false;
