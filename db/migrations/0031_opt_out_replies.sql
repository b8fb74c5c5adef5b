-- Opt-out confirmations (issue 18 point 4, "is told so"): the message a bot answers an opt-out or
-- opt-in keyword with. NULL = Botcast's default text (English, or Russian for a Cyrillic keyword);
-- '' = no answer.
ALTER TABLE bots ADD COLUMN opt_out_reply text;
ALTER TABLE bots ADD COLUMN opt_in_reply text;
