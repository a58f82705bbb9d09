-- Depot schema, version 10: master data changes (SPEC §10). Names, packs, licences, site
-- bindings and roles change in the tables that hold them; what had no place yet gets a table:
--
-- * `user_profile`: a user's display name and, once deactivated, when and why. A deactivated
--   user can no longer act or sign; the user and everything they recorded stay.
-- * `office_setting`: the office's settings as they change (time zone, hand-over weight
--   tolerance), each effective from an instant on; the latest one in effect wins, and a
--   setting never set keeps the office's first value (the time zone `init` recorded, the
--   default tolerance). Rows are never changed or removed.
--
-- Both tables are under row images as v6 put every table that decides anything.

CREATE TABLE user_profile (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  display_name TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 200),
  deactivated_at TEXT,
  deactivation_reason TEXT,
  CHECK ((deactivated_at IS NULL) = (deactivation_reason IS NULL))
) STRICT;

CREATE TRIGGER user_profile_is_kept_delete BEFORE DELETE ON user_profile
BEGIN
  SELECT RAISE(ABORT, 'depot: a user profile is never deleted');
END;

CREATE TRIGGER user_profile_deactivation_is_kept BEFORE UPDATE ON user_profile
  WHEN OLD.deactivated_at IS NOT NULL
    AND (NEW.deactivated_at IS NOT OLD.deactivated_at
      OR NEW.deactivation_reason IS NOT OLD.deactivation_reason)
BEGIN
  SELECT RAISE(ABORT, 'depot: a deactivation is never undone');
END;

CREATE TRIGGER user_profile_image_insert AFTER INSERT ON user_profile
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_profile', json_array(NEW.user_id), json_array(NEW.user_id, NEW.display_name, NEW.deactivated_at, NEW.deactivation_reason));
END;

CREATE TRIGGER user_profile_image_update AFTER UPDATE ON user_profile
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_profile', json_array(NEW.user_id), json_array(NEW.user_id, NEW.display_name, NEW.deactivated_at, NEW.deactivation_reason));
END;

CREATE TRIGGER user_profile_image_delete AFTER DELETE ON user_profile
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('user_profile', json_array(OLD.user_id), NULL);
END;

CREATE TABLE office_setting (
  id INTEGER PRIMARY KEY,
  setting TEXT NOT NULL CHECK (setting IN ('timezone', 'handover-tolerance')),
  value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  effective_from TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX office_setting_latest ON office_setting (setting, effective_from, id);

CREATE TRIGGER office_setting_is_kept_update BEFORE UPDATE ON office_setting
BEGIN
  SELECT RAISE(ABORT, 'depot: office settings are append-only');
END;

CREATE TRIGGER office_setting_is_kept_delete BEFORE DELETE ON office_setting
BEGIN
  SELECT RAISE(ABORT, 'depot: office settings are append-only');
END;

CREATE TRIGGER office_setting_image_insert AFTER INSERT ON office_setting
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office_setting', json_array(NEW.id), json_array(NEW.id, NEW.setting, NEW.value, NEW.effective_from, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER office_setting_image_update AFTER UPDATE ON office_setting
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office_setting', json_array(NEW.id), json_array(NEW.id, NEW.setting, NEW.value, NEW.effective_from, NEW.recorded_by, NEW.recorded_at));
END;

CREATE TRIGGER office_setting_image_delete AFTER DELETE ON office_setting
BEGIN
  INSERT INTO row_image (table_name, row_key, image)
    VALUES ('office_setting', json_array(OLD.id), NULL);
END;
