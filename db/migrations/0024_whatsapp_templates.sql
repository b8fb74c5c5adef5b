-- WhatsApp message templates (issue 16 point 2). Outside the 24-hour customer-service window
-- WhatsApp delivers only templates approved in the WhatsApp Business Account; a channel keeps the
-- list the platform last returned (GET /{waba-id}/message_templates), refreshed on demand and
-- daily, so the send form can offer them and a send can be checked against them before it starts.
CREATE TABLE whatsapp_templates (
  channel_id bigint NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  name text NOT NULL,
  language text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  -- As the platform gives them (HEADER / BODY / FOOTER / BUTTONS, with their texts and formats).
  components jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (channel_id, name, language)
);

-- When the list was last read, and why the last attempt failed (NULL: it worked).
ALTER TABLE channels ADD COLUMN templates_refreshed_at timestamptz;
ALTER TABLE channels ADD COLUMN templates_error text;

-- The person stopped marketing messages from the business (WhatsApp user_preferences `stop`, or
-- error 131050). Not `blocked`: free-form messages in the window and utility templates still reach
-- them; only marketing templates leave them out. NULL = not stopped.
ALTER TABLE subscribers ADD COLUMN marketing_stopped_at timestamptz;
