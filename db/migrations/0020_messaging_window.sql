-- Messaging windows (issue 16 point 1). WhatsApp, Messenger and Instagram let a business send a
-- free-form message only within 24 hours of the person's last message to it; the engine leaves out,
-- at claim time, the subscribers whose window is closed (src/platforms/<p>/index.ts declares the
-- rule). `last_message_at` cannot serve: an unblock (Viber `subscribed`, VK `message_allow`,
-- WhatsApp marketing `resume`) refreshes it without the person writing, and imports set it too.
-- So the time of the last message the person actually sent is kept apart; NULL = none known.
ALTER TABLE subscribers ADD COLUMN last_inbound_at timestamptz;

-- Existing subscribers: their last message time is the best knowledge there is (it matters only on
-- platforms with a window). Where it is wrong (an imported subscriber who never wrote) the platform
-- answers 131047 / 2018278 and the delivery ends `outside_window` all the same, not retried.
UPDATE subscribers SET last_inbound_at = last_message_at;
