-- A subscriber's own time zone (issue 18 point 6): set through the API, or guessed from a WhatsApp
-- number's country code where that country has one zone (domain/schedule/phone-zone.ts). NULL: the
-- bot's zone. What recipient-local sending and quiet hours will read.
ALTER TABLE subscribers ADD COLUMN time_zone text;
