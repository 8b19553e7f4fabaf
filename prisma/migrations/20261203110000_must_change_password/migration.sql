-- Set when an admin resets a user's password: until the user changes it, every console page
-- redirects to the change-password page and every server action is refused.
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
